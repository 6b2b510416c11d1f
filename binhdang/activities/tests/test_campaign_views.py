"""Campaign pages through the Django test client, per role."""

import pytest
from django.urls import reverse

from binhdang.activities.campaigns import campaign_launch
from binhdang.activities.models import ActionMonthCampaign, CampaignSchool
from binhdang.plans.workflow import today_in_vietnam
from binhdang.testing import client_in

from .campaign_helpers import log, make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def launched(world):
    campaign = make_campaign(world.commune_officer, world.commune)
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    return campaign


def _url(name, campaign, query=""):
    return reverse(f"activities:{name}", kwargs={"uid": campaign.uid}) + query


def test_board_per_role(world, launched):
    url = _url("campaign_board", launched)
    assert client_in(world.principal, world.school).get(url).status_code == 404
    assert client_in(world.outsider, world.other_school).get(url).status_code == 404
    response = client_in(world.commune_officer, world.commune).get(url)
    assert response.status_code == 200
    assert world.school.name in response.content.decode()
    assert "Chưa ghi hoạt động nào" in response.content.decode()
    assert client_in(world.province_officer, world.province).get(url).status_code == 200


def test_launching_per_role(world):
    campaign = make_campaign(world.commune_officer, world.commune)
    url = _url("campaign_launch", campaign)
    # A draft is the commune's business: unknown below it.
    assert client_in(world.teacher, world.school).post(url).status_code == 404
    assert client_in(world.commune_officer, world.commune).post(url).status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == ActionMonthCampaign.Status.LAUNCHED
    # Launched, the school knows it, but may not act on it.
    assert client_in(world.teacher, world.school).post(url).status_code == 403
    assert client_in(world.principal, world.school).get(url).status_code == 403
    assert client_in(world.outsider, world.other_school).post(url).status_code == 404
    assert CampaignSchool.objects.filter(campaign=campaign).count() == 1


def test_create_a_campaign_through_the_form(world):
    client = client_in(world.commune_officer, world.commune)
    data = {"theme": "Chung tay vì bình đẳng giới", "starts_on": "2026-11-15", "ends_on": "2026-12-15",
            "report_deadline": "2026-12-20", "items-TOTAL_FORMS": "3", "items-INITIAL_FORMS": "0",
            "items-0-kind": "banner", "items-0-text": "Treo băng rôn", "items-0-required": "on",
            "items-1-kind": "contest", "items-1-text": "Thi vẽ tranh", "items-2-kind": "other", "items-2-text": ""}
    response = client.post(reverse("activities:campaign_create"), data)
    assert response.status_code == 302
    campaign = ActionMonthCampaign.objects.get()
    assert [(i.text, i.required) for i in campaign.items.all()] == [("Treo băng rôn", True), ("Thi vẽ tranh", False)]
    bad = client.post(reverse("activities:campaign_create"), {**data, "ends_on": "2026-11-01"})
    assert bad.status_code == 400
    assert "“Đến ngày” phải sau “Từ ngày”." in bad.content.decode()
    assert client_in(world.principal, world.school).get(reverse("activities:campaign_create")).status_code == 403
    assert client_in(world.teacher, world.school).get(reverse("activities:campaign_create")).status_code == 403


def test_list_shows_officers_theirs_and_schools_theirs(world, launched):
    make_campaign(world.province_officer, world.province, year=2027)
    commune = client_in(world.commune_officer, world.commune).get(reverse("activities:campaign_list"))
    assert launched.theme in commune.content.decode() and len(commune.context["campaigns"]) == 1
    school = client_in(world.teacher, world.school).get(reverse("activities:campaign_list"))
    assert [c.pk for c in school.context["campaigns"]] == [launched.pk]
    province = client_in(world.province_officer, world.province).get(reverse("activities:campaign_list"))
    assert len(province.context["campaigns"]) == 2
    other = client_in(world.outsider, world.other_school).get(reverse("activities:campaign_list"))
    assert other.context["campaigns"] == []


def test_school_page_and_officers_reach_it_from_the_board(world, launched):
    task = CampaignSchool.objects.get(unit=world.school).task_group.tasks.first()
    log(world.school, launched, task=task, title="Treo băng rôn tại cổng", counts={"F": 3, "M": 2})
    page = client_in(world.teacher, world.school).get(_url("campaign_school", launched))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Treo băng rôn tại cổng" in body and "Lập báo cáo Tháng hành động" not in body  # teacher: EDIT only
    query = f"?don-vi={world.school.uid}"
    assert client_in(world.commune_officer, world.commune).get(_url("campaign_school", launched, query)).status_code \
        == 200
    assert client_in(world.outsider, world.other_school).get(_url("campaign_school", launched, query)).status_code \
        == 404
    assert client_in(world.teacher, world.school).get(_url("campaign_school", launched,
                                                          f"?don-vi={world.school_b.uid}")).status_code == 404
    principal = client_in(world.principal, world.school).get(_url("campaign_school", launched)).content.decode()
    assert "Lập báo cáo Tháng hành động" in principal and "Ban hành báo cáo" in principal


def test_draft_issue_and_download_the_report(world, launched, django_capture_on_commit_callbacks):
    world.school.short_name, world.school.place = "THA", "Đống Đa"
    world.school.save()
    committee = client_in(world.committee_member, world.school)
    with django_capture_on_commit_callbacks(execute=True):
        response = committee.post(_url("campaign_report", launched), {"action": "draft", "difficulties": "Ít kinh phí"})
    assert response.status_code == 302
    download = committee.get(_url("campaign_report_download", launched))
    assert download.status_code == 200 and "du-thao" in download["Content-Disposition"]
    assert committee.post(_url("campaign_report", launched), {"action": "issue"}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        client_in(world.principal, world.school).post(_url("campaign_report", launched),
                                                      {"action": "issue", "difficulties": "Ít kinh phí"})
    entry = CampaignSchool.objects.get(unit=world.school)
    assert entry.report_number == "01/BC-THA"
    officer = client_in(world.commune_officer, world.commune)
    file = officer.get(_url("campaign_report_download", launched, f"?don-vi={world.school.uid}"))
    assert file.status_code == 200 and "01-BC-THA" in file["Content-Disposition"]
    assert client_in(world.outsider, world.other_school).get(
        _url("campaign_report_download", launched, f"?don-vi={world.school.uid}")).status_code == 404
    board = officer.get(_url("campaign_board", launched)).content.decode()
    on_time = today_in_vietnam() <= launched.report_deadline
    assert "01/BC-THA" in board and ("Đã báo cáo đúng hạn" if on_time else "Báo cáo muộn") in board
