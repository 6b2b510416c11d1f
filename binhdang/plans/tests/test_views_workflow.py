"""Workflow pages through the test client: who may press which button, and what the plan pages show."""

import pytest
from django.urls import reverse

from binhdang.documents.models import IssuedNumber
from binhdang.plans import workflow
from binhdang.plans.models import Plan, PlanStatus
from binhdang.testing import client_in

from .test_workflow import DAY, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(world):
    world.school.short_name = "THA"
    world.school.place = "Đống Đa"
    world.school.save()
    return world.school


def url(name, plan):
    return reverse(f"plans:{name}", args=[plan.uid])


def as_role(world, role):
    unit = world.other_school if role == "outsider" else world.school
    return client_in(getattr(world, role), unit)


@pytest.mark.parametrize("role, status", [("outsider", 404), ("teacher", 403), ("counsellor", 403),
                                          ("unit_lead", 403)])
def test_submit_is_refused_below_the_committee(world, school, role, status):
    plan = make_plan(school)
    assert as_role(world, role).post(url("submit", plan)).status_code == status
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_committee_member_submits_but_cannot_issue_or_return(world, school):
    plan = make_plan(school)
    client = as_role(world, "committee_member")
    response = client.post(url("submit", plan), {"revision": plan.revision}, follow=True)
    assert response.redirect_chain[-1][0] == url("detail", plan)
    assert "Đã trình ký kế hoạch" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert client.get(url("issue", plan)).status_code == 403
    assert client.post(url("issue", plan), {"place": "Đống Đa"}).status_code == 403
    assert client.get(url("return", plan)).status_code == 403
    assert client.post(url("return", plan), {"reason": "x"}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and not IssuedNumber.objects.exists()


def test_submit_is_post_only_and_shows_why_an_empty_plan_is_refused(world, school):
    plan = make_plan(school, content=False)
    client = as_role(world, "committee_member")
    assert client.get(url("submit", plan)).status_code == 405
    response = client.post(url("submit", plan), follow=True)
    assert "chưa có nội dung" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_a_stale_submit_shows_the_conflict(world, school):
    plan = make_plan(school)
    response = as_role(world, "committee_member").post(url("submit", plan), {"revision": 0}, follow=True)
    assert "vừa được người khác sửa" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_principal_issues_from_the_form(world, school):
    plan = make_plan(school)
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    client = as_role(world, "principal")
    page = client.get(url("issue", plan))
    assert page.status_code == 200
    html = page.content.decode()
    assert "01/KH-THA" in html and 'value="Đống Đa"' in html
    response = client.post(url("issue", plan), {"revision": plan.revision, "document_date": DAY.isoformat(),
                                                "place": "Đống Đa"}, follow=True)
    html = response.content.decode()
    assert "Đã ban hành kế hoạch, số 01/KH-THA." in html
    assert "Đã ban hành – không sửa trực tiếp." in html
    assert "05/03/2026" in html
    plan.refresh_from_db()
    assert plan.number == "01/KH-THA" and plan.document_date == DAY
    # Issuing again is refused on the page and on POST, with no second number.
    assert "đã được ban hành" in client.get(url("issue", plan)).content.decode()
    assert client.post(url("issue", plan), {"place": "Đống Đa"}).status_code == 400
    assert IssuedNumber.objects.count() == 1


def test_issue_form_errors_are_shown_on_the_fields(world, school):
    plan = make_plan(school)
    client = as_role(world, "principal")
    response = client.post(url("issue", plan), {"document_date": "2999-01-01"})
    assert response.status_code == 400
    assert "không được sau hôm nay" in response.content.decode()
    world.school.short_name = ""
    world.school.save()
    empty = make_plan(school, content=False)
    assert "chưa có nội dung" in client.get(url("issue", empty)).content.decode()
    page = client.get(url("issue", plan)).content.decode()
    assert "chưa có tên viết tắt" in page and "<form method=\"post\" class=\"stack card\">" not in page
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and not IssuedNumber.objects.exists()


def test_principal_returns_with_a_reason_shown_on_the_plan(world, school):
    plan = make_plan(school)
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    client = as_role(world, "principal")
    assert client.get(url("return", plan)).status_code == 200
    assert client.post(url("return", plan), {"reason": ""}).status_code == 400
    response = client.post(url("return", plan), {"reason": "Thiếu chỉ tiêu tập huấn"}, follow=True)
    html = response.content.decode()
    assert "Thiếu chỉ tiêu tập huấn" in html and "Trả lại để sửa" in html
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_amend_from_the_page_opens_the_new_version(world, school):
    plan = make_plan(school)
    workflow.plan_issue(actor=world.principal, plan=plan, document_date=DAY)
    assert as_role(world, "unit_lead").get(url("amend", plan)).status_code == 403
    client = as_role(world, "committee_member")
    assert client.get(url("amend", plan)).status_code == 200
    assert client.post(url("amend", plan), {"note": ""}).status_code == 400
    response = client.post(url("amend", plan), {"note": "Đổi thời gian tổ chức"}, follow=True)
    new = Plan.objects.get(amends=plan)
    assert response.redirect_chain[-1][0] == url("detail", new)
    html = response.content.decode()
    assert "Phiên bản 2, sửa đổi phiên bản 1" in html and "Đổi thời gian tổ chức" in html
    assert url("detail", plan) in html
    # The old version points to the new one; a second amendment is refused with a link to it.
    old_html = client.get(url("detail", plan)).content.decode()
    assert "Đang có phiên bản sửa đổi 2" in old_html and url("detail", new) in old_html
    page = client.get(url("amend", plan)).content.decode()
    assert "đã có phiên bản 2" in page and url("detail", new) in page
    assert client.post(url("amend", plan), {"note": "lần hai"}).status_code == 400
    assert Plan.objects.filter(amends=plan).count() == 1


def test_buttons_follow_role_and_status(world, school):
    plan = make_plan(school)
    bar = {role: as_role(world, role).get(url("detail", plan)).content.decode()
           for role in ("teacher", "committee_member", "principal")}
    assert url("submit", plan) not in bar["teacher"] and url("issue", plan) not in bar["teacher"]
    assert url("submit", plan) in bar["committee_member"] and url("issue", plan) not in bar["committee_member"]
    assert url("submit", plan) in bar["principal"] and url("issue", plan) in bar["principal"]
    assert url("return", plan) not in bar["principal"]
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    html = as_role(world, "principal").get(url("detail", plan)).content.decode()
    assert url("return", plan) in html and url("submit", plan) not in html
    workflow.plan_issue(actor=world.principal, plan=plan, document_date=DAY)
    html = as_role(world, "principal").get(url("detail", plan)).content.decode()
    assert url("amend", plan) in html and url("issue", plan) not in html and url("return", plan) not in html
    assert url("amend", plan) not in as_role(world, "teacher").get(url("detail", plan)).content.decode()


def test_list_shows_the_number_of_issued_plans(world, school):
    plan = make_plan(school)
    workflow.plan_issue(actor=world.principal, plan=plan, document_date=DAY)
    html = as_role(world, "teacher").get(reverse("plans:list")).content.decode()
    assert "(01/KH-THA)" in html


def test_an_issued_plan_is_read_from_below_without_buttons(world):
    world.commune.short_name = "UBNDXA"
    world.commune.place = "Xã A"
    world.commune.save()
    plan = make_plan(world.commune)
    workflow.plan_issue(actor=world.commune_officer, plan=plan, document_date=DAY)
    client = as_role(world, "principal")
    html = client.get(url("detail", plan)).content.decode()
    assert "01/KH-UBNDXA" in html and url("amend", plan) not in html
    assert "Lịch sử" not in html  # the issuer's internal steps stay with the issuer
    assert "Lịch sử" in as_role(world, "commune_officer").get(url("detail", plan)).content.decode()
    assert client.get(url("amend", plan)).status_code == 404  # reading from below never grants writing
