"""Background work of the Action Month campaign, run by `binhdang db_worker`: the school's report DOCX."""

from django_tasks import task

from .campaign_report import campaign_report_render
from .models import CampaignSchool


@task()
def render_campaign_report(entry_id: int) -> None:
    entry = (CampaignSchool.objects.select_related("campaign__issuer_unit", "unit__parent",
                                                   "report_issued_number__issued_by").filter(pk=entry_id).first())
    # An entry removed meanwhile has nothing left to render.
    if entry is not None:
        campaign_report_render(entry)
