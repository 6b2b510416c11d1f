"""Background work of the plans app, run by `binhdang db_worker`."""

from django_tasks import task

from .models import PlanUpload
from .uploads import plan_upload_parse


@task()
def parse_plan_upload(upload_uid: str) -> None:
    upload = PlanUpload.objects.select_related("unit", "uploaded_by").get(uid=upload_uid)
    # Only an upload still waiting is parsed: a duplicate message does nothing.
    if upload.status == PlanUpload.Status.PENDING:
        plan_upload_parse(upload=upload)
