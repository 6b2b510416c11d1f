"""The plan editor through the test client: who may edit, autosave, row operations, conflicts."""

import pytest
from django.urls import reverse

from binhdang.plans import editing as ed
from binhdang.plans import editing_tasks as et
from binhdang.plans.models import Plan, PlanStatus, Task
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def plan(world):
    return ed.plan_create_blank(actor=world.committee_member, unit=world.school, kind="yearly", year=2026,
                                title="Kế hoạch bình đẳng giới năm 2026")


def part_url(plan, part):
    return reverse("plans:edit_part", kwargs={"uid": plan.uid, "part": part})


def revision(plan):
    plan.refresh_from_db()
    return plan.revision


@pytest.mark.parametrize(("role", "unit", "status"), [
    ("outsider", "other_school", 404), ("teacher", "school", 403), ("counsellor", "school", 403),
    ("unit_lead", "school", 403), ("committee_member", "school", 200), ("principal", "school", 200),
    ("commune_officer", "commune", 200),
])
def test_who_may_open_the_editor_and_post(world, plan, role, unit, status):
    client = client_in(getattr(world, role), getattr(world, unit))
    assert client.get(reverse("plans:edit", args=[plan.uid])).status_code == status
    response = client.post(part_url(plan, "chi-tieu"), {"op": "add", "text": "100% lớp", "revision": plan.revision})
    assert response.status_code == (302 if status == 200 else status)
    assert plan.targets.exists() == (status == 200)


def test_create_page_makes_a_blank_plan(world):
    client = client_in(world.committee_member, world.school)
    assert "Tạo kế hoạch" in client.get(reverse("plans:list")).content.decode()
    assert "Tạo kế hoạch" not in client_in(world.teacher, world.school).get(reverse("plans:list")).content.decode()
    response = client.post(reverse("plans:create"), {"title": "Kế hoạch Tháng hành động 2026",
                                                     "kind": "action_month", "year": "2026"})
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:edit", args=[plan.uid])
    assert (plan.kind, plan.issuer_unit, plan.sections.count()) == ("action_month", world.school, 4)
    page = client.get(response["Location"]).content.decode()
    for text in ("MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Lưu: VT", "HIỆU TRƯỞNG", 'aria-label="Chuyển lên"'):
        assert text in page, text
    assert client.post(reverse("plans:create"), {"title": "", "kind": "yearly"}).status_code == 200
    assert client_in(world.teacher, world.school).get(reverse("plans:create")).status_code == 403


def test_autosave_returns_status_and_new_revision(world, plan):
    client = client_in(world.committee_member, world.school)
    response = client.post(reverse("plans:edit_meta", args=[plan.uid]), {
        "revision": 1, "title": "Kế hoạch mới", "kind": "yearly", "year": "2026", "place": "Hà Nội",
        "document_date": "2026-09-05", "signer_authority": "KT.", "signer_on_behalf_of": "HIỆU TRƯỞNG",
        "signer_position": "PHÓ HIỆU TRƯỞNG", "signer_name": "Trần Thị Lan"}, **HTMX)
    assert response.status_code == 200
    assert response["X-Plan-Revision"] == "2"
    assert "Đã lưu lúc" in response.content.decode() and 'hx-swap-oob="true"' in response.content.decode()
    plan.refresh_from_db()
    assert (plan.title, plan.signer_name, str(plan.document_date)) == ("Kế hoạch mới", "Trần Thị Lan", "2026-09-05")


def test_bad_input_is_a_400_naming_the_field(world, plan):
    client = client_in(world.committee_member, world.school)
    response = client.post(reverse("plans:edit_meta", args=[plan.uid]), {
        "revision": 1, "title": "KH", "kind": "yearly", "signer_authority": "TM.", "signer_on_behalf_of": ""},
        **HTMX)
    assert response.status_code == 400 and response["HX-Reswap"] == "none"
    assert "Ký TM. cần ghi" in response.content.decode()
    response = client.post(reverse("plans:edit_meta", args=[plan.uid]), {"revision": 1, "title": "KH",
                                                                          "kind": "yearly", "year": "năm nay"}, **HTMX)
    assert response.status_code == 400 and "Năm:" in response.content.decode()
    assert revision(plan) == 1


def test_conflict_is_409_and_keeps_nothing(world, plan):
    client = client_in(world.committee_member, world.school)
    group = et.group_add(actor=None, plan=plan, title="Tuyên truyền", expected=1)  # someone else: revision 2
    task = et.task_add(actor=None, plan=plan, group_id=group.pk, text="Treo băng rôn", expected=2)
    response = client.post(part_url(plan, "nhiem-vu"), {"id": task.pk, "text": "Sửa của tôi", "revision": 1},
                           **HTMX)
    assert response.status_code == 409
    html = response.content.decode()
    assert "vừa được người khác sửa" in html and "Tải lại" in html and 'role="alert"' in html
    assert "X-Plan-Revision" not in response
    task.refresh_from_db()
    assert task.text == "Treo băng rôn" and revision(plan) == 3
    # Without htmx the page itself answers 409 with the message.
    response = client.post(part_url(plan, "nhiem-vu"), {"id": task.pk, "op": "up", "revision": 1})
    assert response.status_code == 409 and "vừa được người khác sửa" in response.content.decode()


def test_indent_refusal_and_sequence(world, plan):
    client = client_in(world.committee_member, world.school)
    group = et.group_add(actor=None, plan=plan, title="Tuyên truyền", expected=1)
    a = et.task_add(actor=None, plan=plan, group_id=group.pk, text="Việc A", expected=2)
    b = et.task_add(actor=None, plan=plan, group_id=group.pk, text="Việc B", expected=3)

    def post(task, op, **extra):
        return client.post(part_url(plan, "nhiem-vu"), {"id": task.pk, "op": op, "revision": revision(plan),
                                                        **extra}, **HTMX)

    refused = post(a, "indent")
    assert refused.status_code == 400 and "không thụt vào được" in refused.content.decode()
    moved = post(b, "up")
    assert moved.status_code == 200 and moved["X-Plan-Revision"] == str(revision(plan))
    assert moved.content.decode().startswith('<section class="card" id="part-tasks"')
    assert 'id="save-status"' in moved.content.decode()
    assert post(a, "indent").status_code == 200
    assert post(a, "duplicate").status_code == 200
    assert post(b, "add_child", child_text="Việc B2").status_code == 200
    rows = [(t.text, t.parent.text if t.parent else None, t.position)
            for t in Task.objects.filter(group=group).order_by("parent_id", "position")]
    assert sorted(rows, key=str) == sorted([("Việc B", None, 1), ("Việc A", "Việc B", 1), ("Việc A", "Việc B", 2),
                                            ("Việc B2", "Việc B", 3)], key=str)
    response = client.post(part_url(plan, "nhiem-vu"), {"id": a.pk, "op": "remove", "revision": revision(plan)})
    assert response.status_code == 302 and response["Location"].endswith("#part-tasks")


def test_every_part_saves_without_javascript(world, plan):
    client = client_in(world.committee_member, world.school)

    def post(part, **data):
        response = client.post(part_url(plan, part), {"revision": revision(plan), **data})
        assert response.status_code == 302, response.content.decode()[:500]

    post("can-cu", op="add", raw="Căn cứ Luật Bình đẳng giới", in_preamble="on")
    post("muc", id=plan.sections.first().pk, heading="I.", title="MỤC ĐÍCH, YÊU CẦU", kind="purposes",
         body="1. Mục đích\n  - Nâng cao nhận thức\n2. Yêu cầu")
    post("nhom", op="add", title="Tuyên truyền")
    post("chi-tieu", op="add", text="100% lớp")
    post("noi-nhan", op="add", name="UBND xã A", purpose="để báo cáo")
    post("noi-nhan", op="up", id=plan.recipients.get(name="UBND xã A").pk)
    assert plan.legal_basis.get().document is not None
    assert plan.sections.first().body[0]["items"][0]["text"] == "Nâng cao nhận thức"
    assert list(plan.recipients.values_list("name", flat=True)) == ["UBND xã A", "Lưu: VT"]
    assert client.post(part_url(plan, "khac"), {"revision": revision(plan)}).status_code == 404
    page = client.get(reverse("plans:edit", args=[plan.uid])).content.decode()
    assert "  - Nâng cao nhận thức" in page


@pytest.mark.parametrize("status", [PlanStatus.SUBMITTED, PlanStatus.ISSUED])
def test_a_submitted_or_issued_plan_shows_why_it_cannot_be_edited(world, plan, status):
    Plan.objects.filter(pk=plan.pk).update(status=status)
    client = client_in(world.committee_member, world.school)
    response = client.get(reverse("plans:edit", args=[plan.uid]))
    assert response.status_code == 200
    html = response.content.decode()
    assert ("trình ký" if status == PlanStatus.SUBMITTED else "đã ban hành") in html
    assert 'id="plan-editor"' not in html
    response = client.post(part_url(plan, "chi-tieu"), {"op": "add", "text": "X", "revision": 1}, **HTMX)
    assert response.status_code == 400 and not plan.targets.exists()


def test_detail_page_offers_the_editor_to_managers_only(world, plan):
    url = reverse("plans:detail", args=[plan.uid])
    edit = reverse("plans:edit", args=[plan.uid])
    assert edit in client_in(world.committee_member, world.school).get(url).content.decode()
    assert edit not in client_in(world.unit_lead, world.school).get(url).content.decode()


def test_a_new_target_refreshes_the_tasks_checkboxes_too(world, plan):
    group = et.group_add(actor=None, plan=plan, title="Tuyên truyền", expected=1)
    et.task_add(actor=None, plan=plan, group_id=group.pk, text="Việc A", expected=2)
    client = client_in(world.committee_member, world.school)
    response = client.post(part_url(plan, "chi-tieu"), {"op": "add", "text": "100% lớp", "revision": 3}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and response["X-Plan-Revision"] == "4"
    assert html.startswith('<section class="card" id="part-targets"')
    assert 'id="part-tasks" aria-labelledby="tasks-h" hx-swap-oob="true"' in html
    assert f'name="targets" value="{plan.targets.get().pk}"' in html
    assert html.count('id="save-status"') == 1


def test_editor_page_queries_do_not_grow_with_the_plan(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .test_views import _import

    plan = _import(world.school)
    client = client_in(world.committee_member, world.school)
    url = reverse("plans:edit", args=[plan.uid])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    group = plan.task_groups.first()
    target = ed.target_add(actor=None, plan=plan, text="Chỉ tiêu mới", expected=revision(plan))
    for n in range(5):
        task = et.task_add(actor=None, plan=plan, group_id=group.pk, text=f"Việc thêm {n}", expected=revision(plan))
        et.task_add(actor=None, plan=plan, parent_id=task.pk, text="Việc con", expected=revision(plan))
        et.task_update(actor=None, plan=plan, task_id=task.pk, fields={}, target_ids=[target.pk],
                       expected=revision(plan))
    assert count() == before
