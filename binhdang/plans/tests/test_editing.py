"""Editing services: every operation, dense positions, nesting, duplicates, conflicts, frozen plans."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from binhdang.audit.models import AuditEntry
from binhdang.legal.models import DocumentStatus, LegalDocument
from binhdang.orgs.models import InternalBody
from binhdang.plans import editing as ed
from binhdang.plans import editing_tasks as et
from binhdang.plans.models import LegalBasis, Plan, PlanStatus, Task
from binhdang.plans.revisions import PlanConflict

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    return ed.plan_create_blank(actor=world.committee_member, unit=world.school, kind="yearly", year=2026,
                                title="Kế hoạch thực hiện công tác bình đẳng giới năm 2026")


def rev(plan):
    plan.refresh_from_db()
    return plan.revision


def tree(group) -> list:
    """[(text, [children…]), …] of a group, read back from the database in position order."""
    def level(parent):
        rows = Task.objects.filter(group=group, parent=parent).order_by("position")
        positions = [t.position for t in rows]
        assert positions == list(range(1, len(positions) + 1)), positions
        return [(t.text, level(t)) for t in rows]
    return level(None)


def add_tasks(world, plan, group, *texts):
    return [et.task_add(actor=world.committee_member, plan=plan, group_id=group.pk, text=text, expected=rev(plan))
            for text in texts]


def test_blank_plan_has_the_usual_skeleton(world, plan):
    sections = list(plan.sections.values_list("heading", "title", "kind"))
    assert sections == [("I.", "MỤC ĐÍCH, YÊU CẦU", "purposes"), ("II.", "NHIỆM VỤ, GIẢI PHÁP", "tasks"),
                        ("III.", "CHỈ TIÊU", "targets"), ("IV.", "TỔ CHỨC THỰC HIỆN", "organisation")]
    assert [i["text"] for i in plan.sections.first().body] == ["Mục đích", "Yêu cầu"]
    assert plan.signer_position == "HIỆU TRƯỞNG"
    assert list(plan.recipients.values_list("name", flat=True)) == ["Lưu: VT"]
    assert plan.status == PlanStatus.DRAFT and plan.revision == 1
    assert AuditEntry.objects.filter(action="plan.create", target_uid=str(plan.uid)).count() == 1


def test_blank_plan_refuses_a_body_of_another_unit(world):
    body = InternalBody.objects.create(unit=world.school_b, kind="committee", name="Ban VSTBPN")
    with pytest.raises(ValidationError):
        ed.plan_create_blank(actor=None, unit=world.school, kind="yearly", year=2026, title="KH", issuer_body=body)
    assert not Plan.objects.exists()


def test_update_details_and_signer_rules(world, plan):
    body = InternalBody.objects.create(unit=world.school, kind="committee", name="Ban VSTBPN")
    changed = ed.plan_update(actor=world.committee_member, plan=plan, expected=1, changes={
        "title": "Kế hoạch mới", "place": "Hà Nội", "document_date": dt.date(2026, 9, 5), "issuer_body": body,
        "signer_authority": "KT.", "signer_on_behalf_of": "HIỆU TRƯỞNG", "signer_position": "PHÓ HIỆU TRƯỞNG",
        "signer_name": "Trần Thị Lan"})
    assert set(changed) == {"title", "place", "document_date", "issuer_body", "signer_authority",
                            "signer_on_behalf_of", "signer_position", "signer_name"}
    plan.refresh_from_db()
    assert (plan.title, plan.issuer_body, plan.revision) == ("Kế hoạch mới", body, 2)
    entry = AuditEntry.objects.filter(action="plan.edit").latest("id")
    assert entry.details["what"] == "plan" and "signer_name" in entry.details["fields"]

    with pytest.raises(ValidationError, match="TM."):
        ed.plan_update(actor=None, plan=plan, expected=2, changes={"signer_authority": "TM.",
                                                                   "signer_on_behalf_of": ""})
    other = InternalBody.objects.create(unit=world.school_b, kind="committee", name="Ban khác")
    for bad in ({"issuer_body": other}, {"signer_authority": "XX"}, {"title": " "}, {"year": 3000},
                {"kind": "weekly"}, {"period_start": 2026, "period_end": 2020}):
        with pytest.raises(ValidationError):
            ed.plan_update(actor=None, plan=plan, expected=2, changes=bad)
    plan.refresh_from_db()
    assert (plan.revision, plan.signer_authority, plan.issuer_body) == (2, "KT.", body)


def test_conflict_writes_nothing(world, plan):
    ed.target_add(actor=None, plan=plan, text="100% lớp có tiết lồng ghép", expected=1)
    audits = AuditEntry.objects.count()
    stale = Plan.objects.get(pk=plan.pk)
    stale.revision = 1
    with pytest.raises(PlanConflict, match="người khác sửa"):
        ed.plan_update(actor=None, plan=stale, changes={"title": "Ghi đè"}, expected=1)
    with pytest.raises(PlanConflict):
        ed.target_add(actor=None, plan=stale, text="Chỉ tiêu khác", expected=1)
    with pytest.raises(PlanConflict):
        et.group_add(actor=None, plan=stale, title="Nhóm", expected=1)
    plan.refresh_from_db()
    assert plan.title.startswith("Kế hoạch thực hiện") and plan.revision == 2
    assert plan.targets.count() == 1 and not plan.task_groups.exists()
    assert AuditEntry.objects.count() == audits


@pytest.mark.parametrize("status", [PlanStatus.SUBMITTED, PlanStatus.ISSUED])
def test_submitted_or_issued_plan_is_refused(world, plan, status):
    Plan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    with pytest.raises(ValidationError):
        ed.plan_update(actor=None, plan=plan, changes={"title": "Khác"}, expected=None)
    with pytest.raises(ValidationError):
        et.group_add(actor=None, plan=plan, title="Nhóm", expected=None)
    assert rev(plan) == 1


def test_legal_basis_links_the_registry_and_warns_when_replaced(world, plan):
    old = LegalDocument.objects.create(number="34/2019/TT-BGDĐT", kind="normative", status=DocumentStatus.IN_FORCE)
    new = LegalDocument.objects.create(number="05/2024/TT-BGDĐT", kind="normative")
    LegalDocument.objects.filter(pk=old.pk).update(status=DocumentStatus.REPLACED, replaced_by=new)
    a = ed.basis_add(actor=None, plan=plan, raw="Căn cứ Thông tư số 34/2019/TT-BGDĐT ngày 10/12/2019", expected=1)
    assert (a.number, a.document) == ("34/2019/TT-BGDĐT", old)
    b = ed.basis_add(actor=None, plan=plan, raw="Căn cứ Luật Bình đẳng giới", expected=2)
    assert b.document is not None and b.document.kind == "law"
    c = ed.basis_add(actor=None, plan=plan, raw="Thực hiện Kế hoạch số 12/KH-UBND của UBND xã", expected=3)
    assert c.document.number == "12/KH-UBND" and c.document.status == DocumentStatus.IN_FORCE
    ed.basis_update(actor=None, plan=plan, basis_id=c.pk, raw="Theo tình hình thực tế của nhà trường",
                    in_preamble=False, expected=4)
    c.refresh_from_db()
    assert (c.number, c.document, c.in_preamble) == ("", None, False)
    assert ed.row_move(actor=None, plan=plan, part="basis", row_id=c.pk, up=True, expected=5)
    assert list(plan.legal_basis.order_by("position").values_list("pk", flat=True)) == [a.pk, c.pk, b.pk]
    ed.row_remove(actor=None, plan=plan, part="basis", row_id=a.pk, expected=6)
    assert list(LegalBasis.objects.filter(plan=plan).order_by("position").values_list("position", "pk")) == [
        (1, c.pk), (2, b.pk)]
    with pytest.raises(ValidationError):
        ed.basis_add(actor=None, plan=plan, raw="  ", expected=7)


def test_sections_add_edit_move_remove_with_body_text(world, plan):
    extra = ed.section_add(actor=None, plan=plan, heading="V.", title="KINH PHÍ", kind="other", expected=1)
    assert extra.position == 5
    body = "1. Nguồn kinh phí\n  a) Ngân sách\n    - chi thường xuyên\n  b) Xã hội hoá\n2. Quản lý"
    ed.section_update(actor=None, plan=plan, section_id=extra.pk, heading="V.", title="KINH PHÍ THỰC HIỆN",
                      kind="other", body_text=body, expected=2)
    extra.refresh_from_db()
    assert extra.title == "KINH PHÍ THỰC HIỆN"
    assert extra.body[0]["items"][0]["items"] == [{"label": "-", "text": "chi thường xuyên", "items": []}]
    ed.row_move(actor=None, plan=plan, part="section", row_id=extra.pk, up=True, expected=3)
    assert list(plan.sections.order_by("position").values_list("heading", flat=True)) == [
        "I.", "II.", "III.", "V.", "IV."]
    assert not ed.row_move(actor=None, plan=plan, part="section", row_id=plan.sections.get(heading="I.").pk,
                           up=True, expected=4)
    ed.row_remove(actor=None, plan=plan, part="section", row_id=extra.pk, expected=5)
    assert list(plan.sections.order_by("position").values_list("position", flat=True)) == [1, 2, 3, 4]
    with pytest.raises(ValidationError):
        ed.section_update(actor=None, plan=plan, section_id=extra.pk, heading="", title="X", kind="other",
                          expected=6)


def test_targets_and_recipients(world, plan):
    t1 = ed.target_add(actor=None, plan=plan, text="100% lớp", expected=1)
    t2 = ed.target_add(actor=None, plan=plan, text="Không có bạo lực giới", expected=2)
    ed.target_update(actor=None, plan=plan, target_id=t1.pk, text="100% lớp có tiết lồng ghép", expected=3)
    ed.row_move(actor=None, plan=plan, part="target", row_id=t2.pk, up=True, expected=4)
    assert list(plan.targets.order_by("position").values_list("text", flat=True)) == [
        "Không có bạo lực giới", "100% lớp có tiết lồng ghép"]
    r = ed.recipient_add(actor=None, plan=plan, name="UBND xã", purpose="để báo cáo", expected=5)
    assert r.position == 2
    ed.recipient_update(actor=None, plan=plan, recipient_id=r.pk, name="UBND xã A", purpose="để báo cáo",
                        expected=6)
    ed.row_move(actor=None, plan=plan, part="recipient", row_id=r.pk, up=True, expected=7)
    assert list(plan.recipients.order_by("position").values_list("name", flat=True)) == ["UBND xã A", "Lưu: VT"]
    ed.row_remove(actor=None, plan=plan, part="target", row_id=t2.pk, expected=8)
    assert list(plan.targets.values_list("position", flat=True)) == [1]


def test_task_groups_and_tasks_nest_unnest_move(world, plan):
    g1 = et.group_add(actor=None, plan=plan, title="Tuyên truyền", expected=1)
    g2 = et.group_add(actor=None, plan=plan, title="Tập huấn", expected=2)
    et.group_update(actor=None, plan=plan, group_id=g2.pk, title="Tập huấn, bồi dưỡng", expected=3)
    a, b, c = add_tasks(world, plan, g1, "A", "B", "C")
    assert tree(g1) == [("A", []), ("B", []), ("C", [])]
    et.task_move(actor=None, plan=plan, task_id=c.pk, up=True, expected=rev(plan))
    assert tree(g1) == [("A", []), ("C", []), ("B", [])]
    with pytest.raises(ValidationError):
        et.task_indent(actor=None, plan=plan, task_id=a.pk, expected=rev(plan))
    et.task_indent(actor=None, plan=plan, task_id=c.pk, expected=rev(plan))
    et.task_indent(actor=None, plan=plan, task_id=b.pk, expected=rev(plan))
    assert tree(g1) == [("A", [("C", []), ("B", [])])]
    et.task_indent(actor=None, plan=plan, task_id=b.pk, expected=rev(plan))
    assert tree(g1) == [("A", [("C", [("B", [])])])]
    et.task_add(actor=None, plan=plan, parent_id=a.pk, text="D", expected=rev(plan))
    assert tree(g1) == [("A", [("C", [("B", [])]), ("D", [])])]
    et.task_outdent(actor=None, plan=plan, task_id=c.pk, expected=rev(plan))
    assert tree(g1) == [("A", [("D", [])]), ("C", [("B", [])])]
    with pytest.raises(ValidationError):
        et.task_outdent(actor=None, plan=plan, task_id=a.pk, expected=rev(plan))
    et.task_move_to_group(actor=None, plan=plan, task_id=c.pk, group_id=g2.pk, expected=rev(plan))
    assert tree(g1) == [("A", [("D", [])])]
    assert tree(g2) == [("C", [("B", [])])]
    assert Task.objects.get(pk=b.pk).group == g2
    ed.row_move(actor=None, plan=plan, part="group", row_id=g2.pk, up=True, expected=rev(plan))
    assert list(plan.task_groups.values_list("title", flat=True)) == ["Tập huấn, bồi dưỡng", "Tuyên truyền"]
    assert et.task_remove(actor=None, plan=plan, task_id=a.pk, expected=rev(plan)) == 2
    assert tree(g1) == []
    ed.row_remove(actor=None, plan=plan, part="group", row_id=g2.pk, expected=rev(plan))
    assert not Task.objects.filter(group__plan=plan).exists()


def test_duplicate_copies_the_subtree_right_after(world, plan):
    group = et.group_add(actor=None, plan=plan, title="Nhóm", expected=1)
    a, b = add_tasks(world, plan, group, "A", "B")
    child = et.task_add(actor=None, plan=plan, parent_id=a.pk, text="A1", expected=rev(plan))
    et.task_add(actor=None, plan=plan, parent_id=child.pk, text="A1x", expected=rev(plan))
    target = ed.target_add(actor=None, plan=plan, text="Chỉ tiêu 1", expected=rev(plan))
    et.task_update(actor=None, plan=plan, task_id=child.pk, fields={"responsible": "Tổ chuyên môn"},
                   target_ids=[target.pk], expected=rev(plan))
    copy = et.task_duplicate(actor=None, plan=plan, task_id=a.pk, expected=rev(plan))
    assert tree(group) == [("A", [("A1", [("A1x", [])])]), ("A", [("A1", [("A1x", [])])]), ("B", [])]
    copied_child = copy.children.get()
    assert copied_child.pk != child.pk and copied_child.responsible == "Tổ chuyên môn"
    assert list(copied_child.targets.all()) == [target]
    entry = AuditEntry.objects.filter(action="plan.edit").latest("id")
    assert entry.details == {"what": "task", "op": "duplicate", "id": a.pk, "copy": copy.pk, "tasks": 3,
                             "revision": rev(plan)}


def test_task_fields_and_targets_of_the_plan_only(world, plan):
    group = et.group_add(actor=None, plan=plan, title="Nhóm", expected=1)
    (task,) = add_tasks(world, plan, group, "Tổ chức tọa đàm")
    other = ed.plan_create_blank(actor=None, unit=world.school, kind="yearly", year=2026, title="KH khác")
    foreign = ed.target_add(actor=None, plan=other, text="Của kế hoạch khác", expected=1)
    with pytest.raises(ValidationError, match="chỉ tiêu của chính kế hoạch"):
        et.task_update(actor=None, plan=plan, task_id=task.pk, fields={"text": "Sửa"}, target_ids=[foreign.pk],
                       expected=rev(plan))
    task.refresh_from_db()
    assert task.text == "Tổ chức tọa đàm"
    et.task_update(actor=None, plan=plan, task_id=task.pk, expected=rev(plan), target_ids=[], fields={
        "text": "Tổ chức tọa đàm về bình đẳng giới", "time_frame": "Tháng 11/2026", "cooperating": "Đoàn TN",
        "expected_output": "Biên bản"})
    task.refresh_from_db()
    assert (task.time_frame, task.cooperating, task.expected_output) == ("Tháng 11/2026", "Đoàn TN", "Biên bản")
    with pytest.raises(ValidationError, match="Nội dung nhiệm vụ"):
        et.task_update(actor=None, plan=plan, task_id=task.pk, fields={"text": ""}, expected=rev(plan))
    # A task of another plan is not reachable through this one.
    (stranger,) = add_tasks(world, other, et.group_add(actor=None, plan=other, title="N", expected=2), "X")
    with pytest.raises(ValidationError):
        et.task_remove(actor=None, plan=plan, task_id=stranger.pk, expected=rev(plan))
