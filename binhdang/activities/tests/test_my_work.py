import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from binhdang.plans.models import PlanStatus
from binhdang.testing import client_in

from .calendar_helpers import activity, at, body, issued_task, seat

pytestmark = pytest.mark.django_db
URL = reverse("activities:my_work")


def _row(html: str, task) -> str:
    return html.split(f'id="my-task-{task.pk}"')[1].split("</tr>")[0]


def test_tasks_of_my_bodies_and_of_my_activities_with_counts_and_overdue(world):
    today = timezone.localdate()
    group = body(world.school)
    seat(group, world.teacher)
    overdue = issued_task(world.school, "Tổ chức chuyên đề giới", due_on=today - dt.timedelta(days=2), bodies=[group])
    done = issued_task(world.school, "Treo băng rôn", due_on=today - dt.timedelta(days=5), bodies=[group])
    activity(world.school, "Treo băng rôn cổng trường", at("2026-11-10"), status="done", task=done)
    logged = issued_task(world.school, "Nhiệm vụ của Đoàn")  # not my body, but I logged an activity for it
    activity(world.school, "Buổi sinh hoạt", at("2026-11-12"), author=world.teacher, task=logged)
    activity(world.school, "Buổi thứ hai", at("2026-11-13"), status="done", author=world.teacher, task=logged)
    others = issued_task(world.school, "Việc của tổ khác", bodies=[body(world.school, "Tổ 5")])
    draft = issued_task(world.school, "Trong dự thảo", bodies=[group], status=PlanStatus.DRAFT)

    html = client_in(world.teacher, world.school).get(URL).content.decode()
    assert "Tổ chức chuyên đề giới" in html and "Treo băng rôn" in html and "Nhiệm vụ của Đoàn" in html
    assert others.text not in html and draft.text not in html
    assert "Quá hạn" in _row(html, overdue) and "0 / 0" in _row(html, overdue)
    assert "Quá hạn" not in _row(html, done) and "1 / 0" in _row(html, done)
    assert "1 / 1" in _row(html, logged)
    # Someone without a seat and without activities has none of these tasks.
    other = client_in(world.unit_lead, world.school).get(URL).content.decode()
    assert overdue.text not in other and "Chưa có nhiệm vụ nào giao cho bạn." in other


def test_task_of_an_amended_plan_is_left_for_its_new_version(world):
    group = body(world.school)
    seat(group, world.teacher)
    old = issued_task(world.school, "Bản cũ", bodies=[group])
    new = issued_task(world.school, "Bản mới", bodies=[group])
    new.group.plan.amends = old.group.plan
    new.group.plan.save(update_fields=["amends"])
    html = client_in(world.teacher, world.school).get(URL).content.decode()
    assert "Bản mới" in html and "Bản cũ" not in html


def test_unreported_activities_are_mine_and_past(world):
    today = timezone.localdate()
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    activity(world.school, "Hôm qua chưa báo cáo", at(yesterday), author=world.teacher)
    activity(world.school, "Hôm qua đã báo cáo", at(yesterday), author=world.teacher, status="done")
    activity(world.school, "Ngày mai", at((today + dt.timedelta(days=1)).isoformat()), author=world.teacher)
    activity(world.school, "Của người khác", at(yesterday), author=world.unit_lead)
    html = client_in(world.teacher, world.school).get(URL).content.decode()
    section = html.split('id="unreported-title"')[1].split("</section>")[0]
    assert "Hôm qua chưa báo cáo" in section and "chưa báo cáo" in section
    assert "Hôm qua đã báo cáo" not in section and "Ngày mai" not in section and "Của người khác" not in section


def test_roles(world):
    assert client_in(world.counsellor, world.school).get(URL).status_code == 200
    assert client_in(world.no_role, world.school).get(URL).status_code == 404
    # The outsider's switcher falls back to their own school: nothing of school A shows.
    group = body(world.school)
    seat(group, world.outsider)
    issued_task(world.school, "Nhiệm vụ trường A", bodies=[group])
    html = client_in(world.outsider, world.school).get(URL).content.decode()
    assert "Nhiệm vụ trường A" not in html
