"""Background work of the plans app: making export files, run by `binhdang db_worker`."""

from django_tasks import task

from .export_files import plan_export_run
from .models import PlanExport


@task()
def render_plan_export(export_uid: str) -> None:
    export = PlanExport.objects.get(uid=export_uid)
    # A duplicate message for an export already made (or failed) does nothing.
    if export.status == PlanExport.Status.PENDING:
        plan_export_run(export=export)
