"""Background work of the reports app, run by `binhdang db_worker`: the consolidation's files."""

from django_tasks import task

from .exports import consolidation_run
from .models import ConsolidationFile


@task()
def render_consolidation(file_uid: str) -> None:
    made = ConsolidationFile.objects.get(uid=file_uid)
    # A duplicate message for files already made (or failed) does nothing.
    if made.status == ConsolidationFile.Status.PENDING:
        consolidation_run(made=made)
