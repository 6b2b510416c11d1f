"""Background work of the people app: large roster imports, run by `binhdang db_worker`."""

from django_tasks import task

from .importing.services import roster_import_run
from .models import RosterImport


@task()
def run_roster_import(upload_uid: str) -> None:
    upload = RosterImport.objects.select_related("unit", "uploaded_by").get(uid=upload_uid)
    # Only an import queued by roster_import_start runs: a duplicate message does nothing.
    if upload.status == RosterImport.Status.PENDING:
        roster_import_run(upload=upload)
