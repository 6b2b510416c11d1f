"""The plan editor sets a task's due date and responsible bodies (for reminders and my work)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.orgs.models import InternalBody
from binhdang.plans import editing_tasks as et
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db


def _draft(world):
    from binhdang.plans.editing import plan_create_blank

    plan = plan_create_blank(actor=world.committee_member, unit=world.school, title="Kế hoạch thử", kind="yearly",
                             year=2026, issuer_body=None)
    group = et.group_add(actor=None, plan=plan, title="Nhóm 1", expected=None)
    task = et.task_add(actor=None, plan=plan, group_id=group.pk, text="Việc 1", expected=None)
    return plan, task


def test_service_sets_due_date_and_bodies_and_refuses_foreign_bodies(world):
    plan, task = _draft(world)
    own = InternalBody.objects.create(unit=world.school, kind="subject_group", name="Tổ 1")
    foreign = InternalBody.objects.create(unit=world.school_b, kind="subject_group", name="Tổ 1")
    et.task_update(actor=world.committee_member, plan=plan, task_id=task.pk, fields={}, expected=None,
                   due_on="20/12/2026", body_ids=[str(own.pk)])
    task.refresh_from_db()
    assert task.due_on == dt.date(2026, 12, 20) and list(task.responsible_bodies.all()) == [own]
    entry = AuditEntry.objects.filter(action="plan.edit").order_by("-id").first()
    assert set(entry.details["fields"]) == {"due_on", "responsible_bodies"}
    with pytest.raises(ValidationError, match="Bộ phận chủ trì"):
        et.task_update(actor=None, plan=plan, task_id=task.pk, fields={}, expected=None, body_ids=[foreign.pk])
    with pytest.raises(ValidationError, match="Hạn hoàn thành"):
        et.task_update(actor=None, plan=plan, task_id=task.pk, fields={}, expected=None, due_on="31/02/2026")
    task.refresh_from_db()
    assert task.due_on == dt.date(2026, 12, 20) and list(task.responsible_bodies.all()) == [own]
    et.task_update(actor=None, plan=plan, task_id=task.pk, fields={}, expected=None, due_on="", body_ids=[])
    task.refresh_from_db()
    assert task.due_on is None and not task.responsible_bodies.exists()


def test_editor_row_posts_due_date_and_bodies(world):
    plan, task = _draft(world)
    own = InternalBody.objects.create(unit=world.school, kind="youth_union", name="Đoàn thanh niên")
    client = client_in(world.committee_member, world.school)
    html = client.get(reverse("plans:edit", args=[plan.uid])).content.decode()
    assert f'id="task-{task.pk}-due_on"' in html and "Đoàn thanh niên" in html and 'name="bodies_shown"' in html
    plan.refresh_from_db()
    response = client.post(reverse("plans:edit_part", args=[plan.uid, "nhiem-vu"]), {
        "id": task.pk, "op": "save", "revision": plan.revision, "text": "Việc 1", "targets_shown": "1",
        "bodies_shown": "1", "bodies": [own.pk], "due_on": "2026-12-15",
    }, headers={"HX-Request": "true"})
    assert response.status_code in (200, 204), response.content.decode()[:300]
    task.refresh_from_db()
    assert task.due_on == dt.date(2026, 12, 15) and list(task.responsible_bodies.all()) == [own]
