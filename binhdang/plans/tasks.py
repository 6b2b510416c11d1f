"""Background work of the plans app, run by `binhdang db_worker`: parsing uploaded plan files
and making export files."""

from django_tasks import task

from .export_files import plan_export_run
from .models import PlanExport, PlanUpload
from .uploads import plan_upload_parse


@task()
def parse_plan_upload(upload_uid: str) -> None:
    upload = PlanUpload.objects.select_related("unit", "uploaded_by").get(uid=upload_uid)
    # Only an upload still waiting is parsed: a duplicate message does nothing.
    if upload.status == PlanUpload.Status.PENDING:
        plan_upload_parse(upload=upload)


@task()
def render_plan_export(export_uid: str) -> None:
    export = PlanExport.objects.get(uid=export_uid)
    # A duplicate message for an export already made (or failed) does nothing.
    if export.status == PlanExport.Status.PENDING:
        plan_export_run(export=export)
