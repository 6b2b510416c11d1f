"""Objects the authorization matrix calls the Action Month campaign URLs with (created once per
world, reused by every role): the commune's launched campaign of 2026 and its draft for 2027."""

import datetime as dt

from binhdang.testing import World

ITEMS = [{"kind": "banner", "text": "Treo băng rôn hưởng ứng", "required": True}]


def _campaign(world: World, year: int, launch: bool):
    from binhdang.activities.campaigns import campaign_launch, campaign_save
    from binhdang.activities.models import ActionMonthCampaign

    campaign = ActionMonthCampaign.objects.filter(issuer_unit=world.commune, year=year).first()
    if campaign is None:
        campaign = campaign_save(actor=world.commune_officer, unit=world.commune, theme=f"Chủ đề {year}",
                                 starts_on=dt.date(year, 11, 15), ends_on=dt.date(year, 12, 15),
                                 report_deadline=dt.date(year, 12, 20), items=ITEMS)
        if launch:
            campaign_launch(actor=world.commune_officer, campaign=campaign)
    return campaign


def launched_campaign_uid(world: World) -> dict:
    return {"uid": _campaign(world, 2026, launch=True).uid}


def draft_campaign_uid(world: World) -> dict:
    return {"uid": _campaign(world, 2027, launch=False).uid}


def drafted_report_uid(world: World) -> dict:
    """The launched campaign with the school's draft report made and rendered."""
    from binhdang.activities.campaign_report import campaign_report_draft, campaign_report_render, report_file_exists
    from binhdang.activities.models import CampaignSchool

    campaign = _campaign(world, 2026, launch=True)
    entry = CampaignSchool.objects.select_related("campaign__issuer_unit", "unit__parent").get(
        campaign=campaign, unit=world.school)
    if not report_file_exists(entry):
        campaign_report_draft(actor=world.principal, entry=entry, difficulties="Thiếu kinh phí")
        campaign_report_render(entry)  # the worker's part (on_commit never fires inside a test's transaction)
    return {"uid": campaign.uid}
