"""The workflow services: submit, return, issue (numbers per issuer per year), amend, and the freeze."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from binhdang.audit.models import AuditEntry
from binhdang.documents.models import IssuedNumber, NumberRegister
from binhdang.orgs.models import InternalBody
from binhdang.plans import workflow
from binhdang.plans.copying import plan_copy_content
from binhdang.plans.models import Plan, PlanSection, PlanStatus, Task
from binhdang.plans.revisions import PlanConflict, ensure_editable, revision_bump
from binhdang.plans.selectors_workflow import next_number_preview, plan_history, version_chain

from .test_views import _import

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 5)


def make_plan(unit, *, body=None, title="Kế hoạch thực hiện công tác bình đẳng giới năm 2026", content=True) -> Plan:
    plan = Plan.objects.create(issuer_unit=unit, issuer_body=body, title=title, year=2026)
    if content:
        PlanSection.objects.create(plan=plan, position=1, heading="I.", title="MỤC ĐÍCH, YÊU CẦU",
                                   body=[{"label": "1.", "text": "Nâng cao nhận thức", "items": []}])
    return plan


@pytest.fixture
def school(world):
    world.school.short_name = "THA"
    world.school.place = "Đống Đa"
    world.school.save()
    return world.school


def issue(world, plan, **kwargs):
    kwargs.setdefault("document_date", DAY)
    return workflow.plan_issue(actor=world.principal, plan=plan, **kwargs)


def test_submit_moves_a_draft_to_submitted_with_who_and_when(world, school):
    plan = make_plan(school)
    workflow.plan_submit(actor=world.committee_member, plan=plan, expected_revision=1)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.submitted_by == world.committee_member and plan.submitted_at is not None
    assert plan.revision == 2
    entry = AuditEntry.objects.get(action="plan.submit")
    assert entry.target_uid == str(plan.uid) and entry.actor == world.committee_member


@pytest.mark.parametrize("title, content, expected", [
    ("", True, "chưa có trích yếu"),
    ("(chưa có trích yếu)", True, "chưa có trích yếu"),
    ("Kế hoạch năm 2026", False, "chưa có nội dung"),
])
def test_submit_refuses_an_empty_plan(world, school, title, content, expected):
    plan = make_plan(school, title=title, content=content)
    with pytest.raises(ValidationError) as caught:
        workflow.plan_submit(actor=world.committee_member, plan=plan)
    assert expected in " ".join(caught.value.messages)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.revision == 1
    assert not AuditEntry.objects.filter(action="plan.submit").exists()


def test_a_plan_with_tasks_only_counts_as_content(world, school):
    plan = make_plan(school, content=False)
    group = plan.task_groups.create(position=1, title="Tuyên truyền")
    Task.objects.create(group=group, position=1, text="Treo băng rôn")
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    assert plan.status == PlanStatus.SUBMITTED


def test_submit_refuses_a_stale_revision_and_a_second_submit(world, school):
    plan = make_plan(school)
    revision_bump(plan)  # someone saved meanwhile
    with pytest.raises(PlanConflict):
        workflow.plan_submit(actor=world.committee_member, plan=plan, expected_revision=1)
    workflow.plan_submit(actor=world.committee_member, plan=plan, expected_revision=2)
    with pytest.raises(ValidationError, match="đã được trình ký"):
        workflow.plan_submit(actor=world.committee_member, plan=plan)


def test_roles_are_checked_by_the_services_too(world, school):
    plan = make_plan(school)
    with pytest.raises(PermissionDenied):
        workflow.plan_submit(actor=world.unit_lead, plan=plan)
    with pytest.raises(Http404):
        workflow.plan_submit(actor=world.outsider, plan=plan)
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    with pytest.raises(PermissionDenied):
        workflow.plan_issue(actor=world.committee_member, plan=plan)
    with pytest.raises(PermissionDenied):
        workflow.plan_return(actor=world.committee_member, plan=plan, reason="x")
    assert not IssuedNumber.objects.exists()


def test_return_needs_a_reason_and_keeps_it(world, school):
    plan = make_plan(school)
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    with pytest.raises(ValidationError) as caught:
        workflow.plan_return(actor=world.principal, plan=plan, reason="   ")
    assert "reason" in caught.value.message_dict
    workflow.plan_return(actor=world.principal, plan=plan, reason="Bổ sung chỉ tiêu về tập huấn")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.submitted_at is None
    entry = AuditEntry.objects.get(action="plan.return")
    assert entry.details["reason"] == "Bổ sung chỉ tiêu về tập huấn"
    assert [step["action"] for step in plan_history(plan)] == ["plan.submit", "plan.return"]
    with pytest.raises(ValidationError, match="chờ ký"):
        workflow.plan_return(actor=world.principal, plan=plan, reason="lần nữa")


def test_issue_gives_the_number_date_place_and_freezes(world, school):
    plan = make_plan(school)
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    assert next_number_preview(plan, 2026, "THA") == "01/KH-THA"
    issue(world, plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED and plan.is_frozen
    assert plan.number == "01/KH-THA" and plan.issued_number.number == 1
    assert plan.issued_number.register.year == 2026
    assert plan.document_date == DAY and plan.place == "Đống Đa"
    assert plan.issued_by == world.principal and plan.issued_at is not None
    assert plan.revision == 3
    entry = AuditEntry.objects.get(action="plan.issue")
    assert entry.details["number"] == "01/KH-THA" and entry.details["from_status"] == "submitted"
    assert IssuedNumber.objects.get().object_uid == str(plan.uid)
    with pytest.raises(ValidationError, match="đã được ban hành"):
        issue(world, plan)
    with pytest.raises(ValidationError, match="đã ban hành"):
        ensure_editable(plan)
    with pytest.raises(ValidationError, match="đã ban hành"):
        workflow.plan_submit(actor=world.committee_member, plan=plan)
    with pytest.raises(ValidationError):
        workflow.plan_return(actor=world.principal, plan=plan, reason="muộn rồi")
    assert IssuedNumber.objects.count() == 1


def test_a_principal_may_issue_a_draft_directly(world, school):
    plan = make_plan(school)
    issue(world, plan, place="Hà Nội")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED and plan.place == "Hà Nội" and plan.submitted_at is None
    assert AuditEntry.objects.get(action="plan.issue").details["from_status"] == "draft"


def test_issue_defaults_to_today_in_vietnam_and_refuses_the_future(world, school):
    plan = make_plan(school)
    with pytest.raises(ValidationError) as caught:
        issue(world, plan, document_date=workflow.today_in_vietnam() + dt.timedelta(days=1))
    assert "document_date" in caught.value.message_dict
    workflow.plan_issue(actor=world.principal, plan=plan)
    assert plan.document_date == workflow.today_in_vietnam()
    assert plan.issued_number.register.year == plan.document_date.year


def test_numbers_run_per_issuer_per_year_without_gaps(world, school):
    world.school_b.short_name = "THPTB"
    world.school_b.place = "Quế Sơn"
    world.school_b.save()
    committee = InternalBody.objects.create(unit=school, kind="committee", name="Ban vì sự tiến bộ của phụ nữ",
                                            short_name="BVSTBPN")
    numbers = [issue(world, make_plan(school)).number, issue(world, make_plan(school)).number,
               issue(world, make_plan(school, body=committee)).number,
               workflow.plan_issue(actor=world.province_officer, plan=make_plan(world.school_b),
                                   document_date=DAY).number,
               issue(world, make_plan(school)).number,
               issue(world, make_plan(school), document_date=dt.date(2025, 12, 30)).number,
               issue(world, make_plan(school, body=committee)).number]
    assert numbers == ["01/KH-THA", "02/KH-THA", "01/KH-BVSTBPN", "01/KH-THPTB", "03/KH-THA", "01/KH-THA",
                       "02/KH-BVSTBPN"]
    assert NumberRegister.objects.get(issuer_unit=school, issuer_body=None, year=2026).last_number == 3
    assert NumberRegister.objects.get(issuer_unit=school, issuer_body=None, year=2025).last_number == 1
    assert NumberRegister.objects.get(issuer_body=committee, year=2026).last_number == 2


def test_issue_names_where_to_set_a_missing_short_name(world, school):
    unnamed = make_plan(world.school_b)
    with pytest.raises(ValidationError, match="Quản trị › Đơn vị"):
        workflow.plan_issue(actor=world.province_officer, plan=unnamed, place="Quế Sơn")
    body = InternalBody.objects.create(unit=school, kind="committee", name="Ban VSTBPN")
    with pytest.raises(ValidationError, match="Tổ chức trong trường"):
        issue(world, make_plan(school, body=body))
    assert not IssuedNumber.objects.exists() and not NumberRegister.objects.filter(last_number__gt=0).exists()


def test_issue_needs_a_place(world, school):
    school.place = ""
    school.save()
    plan = make_plan(school)
    with pytest.raises(ValidationError) as caught:
        issue(world, plan)
    assert "place" in caught.value.message_dict
    plan.place = "Đống Đa"
    plan.save()
    assert issue(world, plan).place == "Đống Đa"


def test_amend_makes_a_new_draft_version_with_the_content(world, school):
    source = _import(world.commune)
    old = _import(school)
    old.source_plan = source
    old.signer_name = "Nguyễn Văn A"
    old.save()
    issue(world, old)
    with pytest.raises(ValidationError) as caught:
        workflow.plan_amend(actor=world.committee_member, plan=old, note=" ")
    assert "note" in caught.value.message_dict
    new = workflow.plan_amend(actor=world.committee_member, plan=old, note="Bổ sung nhiệm vụ Tháng hành động")
    assert new.status == PlanStatus.DRAFT and new.version == 2 and new.amends == old
    assert (new.title, new.signer_name, new.source_plan, new.issuer_unit) == (old.title, "Nguyễn Văn A", source,
                                                                              school)
    assert new.number == "" and new.issued_number is None
    assert Task.objects.filter(group__plan=new).count() == Task.objects.filter(group__plan=old).count() > 0
    assert new.sections.count() == old.sections.count()
    assert version_chain(old)["newer"] == new and version_chain(new)["older"] == old
    assert AuditEntry.objects.get(action="plan.amend").details["amends"] == str(old.uid)
    ensure_editable(new)  # the new version is a draft: editable

    with pytest.raises(ValidationError, match="phiên bản sửa đổi 2"):
        workflow.plan_amend(actor=world.committee_member, plan=old, note="lần hai")

    workflow.plan_submit(actor=world.committee_member, plan=new)
    issue(world, new)
    old.refresh_from_db()
    assert (old.status, old.number, new.number) == (PlanStatus.ISSUED, "01/KH-THA", "02/KH-THA")
    with pytest.raises(ValidationError, match="đã được sửa đổi bởi phiên bản 2"):
        workflow.plan_amend(actor=world.committee_member, plan=old, note="từ bản cũ")
    v3 = workflow.plan_amend(actor=world.committee_member, plan=new, note="Sửa lần hai")
    assert v3.version == 3 and v3.amends == new


def test_amend_refuses_a_plan_that_is_not_issued_and_lower_roles(world, school):
    plan = make_plan(school)
    with pytest.raises(ValidationError, match="sửa trực tiếp"):
        workflow.plan_amend(actor=world.committee_member, plan=plan, note="x")
    issue(world, plan)
    with pytest.raises(PermissionDenied):
        workflow.plan_amend(actor=world.unit_lead, plan=plan, note="x")
    assert Plan.objects.count() == 1


def test_issue_takes_the_commune_place_when_the_school_has_none(world, school):
    school.place = ""
    school.save()
    world.commune.place = "Xã A"
    world.commune.save()
    assert issue(world, make_plan(school)).place == "Xã A"


def test_frozen_plans_refuse_the_existing_content_writes(world, school):
    plan = make_plan(school)
    workflow.plan_submit(actor=world.committee_member, plan=plan)
    with pytest.raises(ValidationError, match="đã trình ký"):
        ensure_editable(plan)  # waiting for the principal: not edited either
    issue(world, plan)
    source = make_plan(school, title="Kế hoạch khác")
    with pytest.raises(ValidationError, match="đã ban hành"):
        plan_copy_content(source, plan, implements=False)
    assert plan.sections.count() == 1  # nothing was copied in
