"""Activity pages through the test client, for each relevant role."""

import pytest
from django.urls import reverse

from binhdang.activities.models import Activity, ActivityStatus, Evidence, Participation
from binhdang.testing import client_in

from .helpers import image_bytes, issued_plan, log, tasks_of, upload

pytestmark = pytest.mark.django_db


def _form(task_value, **extra):
    values = {"task": task_value, "kind": "flag_talk", "title": "Sinh hoạt dưới cờ: tôn trọng bạn khác giới",
              "starts_at": "2026-11-23T07:15", "ends_at": "2026-11-23T07:45", "place": "Sân trường",
              "audiences": ["students"], "description": "", "p-students-F": "210", "p-students-M": "198",
              "p-staff-U": ""}
    values.update(extra)
    return values


def test_teacher_logs_an_activity_against_a_task(world):
    task = tasks_of(issued_plan(world))[0]
    client = client_in(world.teacher, world.school)
    page = client.get(reverse("activities:create")).content.decode()
    assert 'inputmode="numeric"' in page and 'type="number"' in page
    assert "Ngoài kế hoạch" in page and task.text[:40] in page
    response = client.post(reverse("activities:create"), _form(str(task.pk)))
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("activities:detail", args=[activity.uid])
    assert activity.task == task and activity.created_by == world.teacher
    counts = {(p.group, p.sex): p.count for p in Participation.objects.all()}
    assert counts == {("students", "F"): 210, ("students", "M"): 198}
    detail = client.get(response["Location"]).content.decode()
    assert "408" in detail and task.text[:40] in detail


def test_bad_input_is_shown_with_the_field_and_saves_nothing(world):
    client = client_in(world.teacher, world.school)
    response = client.post(reverse("activities:create"), _form("ngoai-ke-hoach", **{
        "ends_at": "2026-11-23T07:00", "p-students-F": "-3", "p-parents-M": "abc"}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Thời gian kết thúc phải sau thời gian bắt đầu." in page
    assert "Số người tham gia (Học sinh, Nữ)" in page and "Số người tham gia (Cha mẹ học sinh, Nam)" in page
    assert 'value="abc"' in page  # what was typed stays, to be corrected
    assert not Activity.objects.exists()


def test_no_task_chosen_is_an_error(world):
    response = client_in(world.teacher, world.school).post(reverse("activities:create"), _form(""))
    assert response.status_code == 400 and not Activity.objects.exists()


def test_counsellor_reads_but_cannot_log_or_upload(world):
    activity = log(world, None)
    client = client_in(world.counsellor, world.school)
    assert client.get(reverse("activities:list")).status_code == 200
    assert "Ghi hoạt động" not in client.get(reverse("activities:list")).content.decode()
    assert client.get(reverse("activities:detail", args=[activity.uid])).status_code == 200
    assert client.get(reverse("activities:create")).status_code == 403
    response = client.post(reverse("activities:evidence_upload", args=[activity.uid]),
                           {"files": [upload("a.jpg", image_bytes())]})
    assert response.status_code == 403 and not Evidence.objects.exists()


def test_outsider_gets_404_everywhere(world, committed):
    activity = log(world, None)
    with committed():
        client_in(world.teacher, world.school).post(reverse("activities:evidence_upload", args=[activity.uid]),
                                                    {"files": [upload("a.jpg", image_bytes())]})
    evidence = Evidence.objects.get()
    outsider = client_in(world.outsider, world.other_school)
    for name in ("detail", "edit", "report", "cancel"):
        assert outsider.get(reverse(f"activities:{name}", args=[activity.uid])).status_code == 404, name
    for name in ("evidence_download", "evidence_thumbnail"):
        assert outsider.get(reverse(f"activities:{name}", args=[evidence.uid])).status_code == 404, name
    assert outsider.post(reverse("activities:evidence_delete", args=[evidence.uid])).status_code == 404
    assert outsider.post(reverse("activities:delete", args=[activity.uid])).status_code == 404


def test_teacher_cannot_change_another_teachers_activity_but_the_committee_can(world):
    activity = log(world, None, actor=world.unit_lead)
    teacher = client_in(world.teacher, world.school)
    for name in ("edit", "report", "cancel"):
        assert teacher.get(reverse(f"activities:{name}", args=[activity.uid])).status_code == 403, name
    assert teacher.post(reverse("activities:edit", args=[activity.uid]), _form("ngoai-ke-hoach")).status_code == 403
    committee = client_in(world.committee_member, world.school)
    response = committee.post(reverse("activities:edit", args=[activity.uid]), _form("ngoai-ke-hoach", title="Mới"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Mới"


def test_report_and_cancel_pages(world):
    activity = log(world, None)
    client = client_in(world.teacher, world.school)
    response = client.post(reverse("activities:report", args=[activity.uid]), {"results": "", "p-staff-F": "4"})
    assert response.status_code == 400 and "Kết quả" in response.content.decode()
    response = client.post(reverse("activities:report", args=[activity.uid]),
                           {"results": "Các em hiểu bài", "p-staff-F": "4", "p-students-M": "30"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.DONE
    assert activity.participations.count() == 2
    other = log(world, None)
    assert client.post(reverse("activities:cancel", args=[other.uid]), {"reason": ""}).status_code == 400
    client.post(reverse("activities:cancel", args=[other.uid]), {"reason": "Trùng lịch thi"})
    other.refresh_from_db()
    assert other.status == ActivityStatus.CANCELLED and other.cancel_reason == "Trùng lịch thi"


def test_upload_refusal_is_a_message_naming_the_file(world, settings):
    settings.MAX_UPLOAD_MB = 1
    activity = log(world, None)
    client = client_in(world.teacher, world.school)
    response = client.post(reverse("activities:evidence_upload", args=[activity.uid]), {"files": [
        upload("anh.jpg", b"MZ\x90\x00" + b"\x00" * 100), upload("lon.pdf", b"%PDF-1.4\n" + b"0" * 1100000)]},
        follow=True)
    page = response.content.decode()
    assert "Tệp “anh.jpg”" in page and "Tệp “lon.pdf”" in page and "tối đa 1 MB" in page
    assert not Evidence.objects.exists()


def test_plan_progress_page_and_link_on_the_plan(world):
    plan = issued_plan(world)
    task = tasks_of(plan)[0]
    done = log(world, task)
    client_in(world.teacher, world.school).post(reverse("activities:report", args=[done.uid]),
                                                {"results": "Xong", "p-students-F": "7"})
    committee = client_in(world.committee_member, world.school)
    plan_page = committee.get(reverse("plans:detail", args=[plan.uid])).content.decode()
    assert reverse("activities:plan_progress", args=[plan.uid]) in plan_page
    page = committee.get(reverse("activities:plan_progress", args=[plan.uid])).content.decode()
    assert "1/1" in page and "chưa có hoạt động" in page
    # The commune above follows it; another school, and the outsider, do not.
    assert client_in(world.commune_officer, world.commune).get(
        reverse("activities:plan_progress", args=[plan.uid])).status_code == 200
    assert client_in(world.outsider, world.other_school).get(
        reverse("activities:plan_progress", args=[plan.uid])).status_code == 404


def test_list_filters_by_task_and_status(world):
    task = tasks_of(issued_plan(world))[0]
    on_task = log(world, task, title="Theo nhiệm vụ")
    log(world, None, title="Tự phát")
    client = client_in(world.teacher, world.school)
    page = client.get(reverse("activities:list"), {"task": task.pk}).content.decode()
    assert on_task.title in page and "Tự phát" not in page
    page = client.get(reverse("activities:list"), {"unplanned": "on"}).content.decode()
    assert "Tự phát" in page and on_task.title not in page
    page = client.get(reverse("activities:list"), {"month": "bad"}).content.decode()
    assert "năm-tháng" in page


def test_list_and_detail_queries_do_not_grow(world, committed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from binhdang.activities import evidence as ev

    task = tasks_of(issued_plan(world))[0]
    first = log(world, task)
    client = client_in(world.teacher, world.school)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small_list = count(reverse("activities:list"))
    small_detail = count(reverse("activities:detail", args=[first.uid]))
    for _ in range(8):
        log(world, task)
    with committed():
        ev.evidence_add(actor=world.teacher, activity=first, uploads=[
            upload(f"anh-{i}.jpg", image_bytes(size=(40, 30))) for i in range(5)])
    assert count(reverse("activities:list")) == small_list
    assert count(reverse("activities:detail", args=[first.uid])) == small_detail


def test_edit_keeps_the_task_of_a_replaced_plan_version(world):
    from binhdang.plans.models import Plan

    plan = issued_plan(world)
    task = tasks_of(plan)[0]
    activity = log(world, task)
    newer = Plan.objects.create(issuer_unit=world.school, title="Phiên bản 2", status="issued", amends=plan)
    assert newer.amends == plan
    client = client_in(world.teacher, world.school)
    page = client.get(reverse("activities:edit", args=[activity.uid])).content.decode()
    assert "Nhiệm vụ hiện tại" in page
    response = client.post(reverse("activities:edit", args=[activity.uid]), _form(str(task.pk), title="Sửa"))
    assert response.status_code == 302
    assert client.get(reverse("activities:create")).content.decode().count(f'value="{task.pk}"') == 0
