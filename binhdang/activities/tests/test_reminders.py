import datetime as dt
import logging
import smtplib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from binhdang.accounts.models import Membership
from binhdang.activities import reminders
from binhdang.activities.reminders import send_reminders
from binhdang.activities.tasks import run_reminders
from binhdang.core.models import Notification
from binhdang.plans.models import PlanStatus

from .calendar_helpers import activity, at, body, issued_task, seat

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def mail_on(settings):
    settings.BINHDANG_EMAIL_ENABLED = True
    settings.BINHDANG_SITE_URL = "https://binhdang.example.vn"
    settings.BINHDANG_REMINDER_DAYS = 3


def _titles(user):
    return sorted(Notification.objects.filter(user=user).values_list("title", flat=True))


def test_task_due_soon_reaches_body_members_and_committee_once(world, mail_on):
    group = body(world.school)
    seat(group, world.teacher)
    seat(group, None, given_name="Mai")  # no account: nobody to tell
    soon = issued_task(world.school, "Tổ chức diễn đàn học sinh", due_on=TODAY + dt.timedelta(days=2),
                       bodies=[group])
    issued_task(world.school, "Còn xa", due_on=TODAY + dt.timedelta(days=4), bodies=[group])
    issued_task(world.school, "Đã qua hạn", due_on=TODAY - dt.timedelta(days=1), bodies=[group])
    issued_task(world.school, "Trong dự thảo", due_on=TODAY, bodies=[group], status=PlanStatus.DRAFT)
    created, _emailed = send_reminders(TODAY)
    assert _titles(world.teacher) == ["Sắp đến hạn: Tổ chức diễn đàn học sinh"]
    assert _titles(world.committee_member) == ["Sắp đến hạn: Tổ chức diễn đàn học sinh"]
    assert _titles(world.unit_lead) == [] and _titles(world.principal) == []
    assert created == 2
    notice = Notification.objects.get(user=world.teacher)
    assert "22/11/2026" not in notice.body and "24/11/2026" in notice.body and "còn 2 ngày" in notice.body
    assert notice.unit == world.school and notice.url == f"/ke-hoach/{soon.group.plan.uid}/"
    # A second run tells nobody again; the next day only the task that came within 3 days is new.
    assert send_reminders(TODAY) == (0, 0)
    assert send_reminders(TODAY + dt.timedelta(days=1))[0] == 2
    assert _titles(world.teacher) == ["Sắp đến hạn: Còn xa", "Sắp đến hạn: Tổ chức diễn đàn học sinh"]
    # A moved deadline is a new reminder.
    soon.due_on = TODAY + dt.timedelta(days=3)
    soon.save()
    assert send_reminders(TODAY)[0] == 2


def test_inactive_committee_membership_is_not_told(world, mail_on):
    Membership.objects.filter(user=world.committee_member).update(is_active=False)
    issued_task(world.school, "Việc sắp đến hạn", due_on=TODAY)
    assert send_reminders(TODAY)[0] == 0


def test_activity_not_reported_reaches_its_author_once(world, mail_on):
    late = activity(world.school, "Họp phụ huynh về giới", at("2026-11-20", "19:00"), author=world.teacher)
    # Yesterday late in the evening: passed by only one day, not yet chased.
    activity(world.school, "Tối qua", at("2026-11-21", "23:30"), author=world.teacher)
    activity(world.school, "Đã báo cáo", at("2026-11-10"), author=world.teacher, status="done")
    activity(world.school, "Đã huỷ", at("2026-11-10"), author=world.teacher, status="cancelled")
    activity(world.school, "Không rõ người ghi", at("2026-11-10"))
    created, _emailed = send_reminders(TODAY)
    assert created == 1 and _titles(world.teacher) == ["Hoạt động chưa báo cáo: Họp phụ huynh về giới"]
    notice = Notification.objects.get(user=world.teacher)
    assert "20/11/2026" in notice.body and notice.url  # the activity's page, or "my work" until it exists
    assert notice.key == f"activity.report_due:{late.pk}"
    assert send_reminders(TODAY) == (0, 0)


def test_new_reminders_are_emailed_once_with_a_vietnamese_subject(world, mail_on, mailoutbox):
    world.teacher.email = "giaovien@truong-a.edu.vn"
    world.teacher.save()
    group = body(world.school)
    seat(group, world.teacher)
    issued_task(world.school, "Tổ chức diễn đàn", due_on=TODAY + dt.timedelta(days=1), bodies=[group])
    created, emailed = send_reminders(TODAY)
    # The committee member has no address: in-app only.
    assert (created, emailed) == (2, 1) and len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["giaovien@truong-a.edu.vn"]
    assert message.subject == "[Bình Đẳng] Sắp đến hạn: Tổ chức diễn đàn"
    assert "Xin chào giaovien," in message.body and "https://binhdang.example.vn/ke-hoach/" in message.body
    assert Notification.objects.get(user=world.teacher).emailed_at is not None
    assert Notification.objects.get(user=world.committee_member).emailed_at is None
    assert send_reminders(TODAY) == (0, 0) and len(mailoutbox) == 1


def test_a_failed_send_is_retried_next_run_and_logged_without_the_address(world, mail_on, mailoutbox,
                                                                          monkeypatch, caplog):
    world.teacher.email = "giaovien@truong-a.edu.vn"
    world.teacher.save()
    activity(world.school, "Ngày hội", at("2026-11-18"), author=world.teacher)

    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"giaovien@truong-a.edu.vn": (550, b"no such user")})

    monkeypatch.setattr(reminders, "send_mail", refuse)
    with caplog.at_level(logging.WARNING, logger="binhdang.activities.reminders"):
        assert send_reminders(TODAY) == (1, 0)
    assert Notification.objects.get(user=world.teacher).emailed_at is None
    assert "SMTPRecipientsRefused" in caplog.text and "giaovien@" not in caplog.text
    monkeypatch.undo()
    assert send_reminders(TODAY) == (0, 1) and len(mailoutbox) == 1
    assert mailoutbox[0].subject == "[Bình Đẳng] Hoạt động chưa báo cáo: Ngày hội"


def test_read_or_switched_off_reminders_are_not_emailed(world, mail_on, mailoutbox, settings):
    world.teacher.email = "giaovien@truong-a.edu.vn"
    world.teacher.save()
    activity(world.school, "Ngày hội", at("2026-11-18"), author=world.teacher)
    settings.BINHDANG_EMAIL_ENABLED = False
    assert send_reminders(TODAY) == (1, 0) and not mailoutbox
    assert Notification.objects.get(user=world.teacher).emailed_at is None
    Notification.objects.update(read_at=dt.datetime(2026, 11, 22, tzinfo=dt.UTC))
    settings.BINHDANG_EMAIL_ENABLED = True
    assert send_reminders(TODAY) == (0, 0) and not mailoutbox


def test_command_prints_counts_and_refuses_a_bad_date(world, mail_on, mailoutbox):
    world.teacher.email = "giaovien@truong-a.edu.vn"
    world.teacher.save()
    activity(world.school, "Ngày hội", at("2026-11-18"), author=world.teacher)
    out = StringIO()
    call_command("remind", "--date", "2026-11-22", stdout=out)
    assert "Nhắc việc ngày 22/11/2026: 1 thông báo mới, 1 e-mail đã gửi." in out.getvalue()
    out = StringIO()
    call_command("remind", "--date", "2026-11-22", stdout=out)
    assert "0 thông báo mới, 0 e-mail" in out.getvalue()
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("remind", "--date", "22/11/2026")


def test_worker_task_and_enqueue_option(world, mail_on):
    activity(world.school, "Ngày hội", at("2026-11-18"), author=world.teacher)
    result = run_reminders.enqueue("2026-11-22")  # the immediate backend runs it inline in tests
    assert result.return_value == {"notifications": 1, "emails": 0, "overdue_cases": 0}
    activity(world.school, "Ngày hội thứ hai", at("2026-11-19"), author=world.teacher)
    out = StringIO()
    call_command("remind", "--date", "2026-11-22", "--enqueue", stdout=out)
    assert "vào hàng đợi" in out.getvalue()
    assert Notification.objects.filter(user=world.teacher).count() == 2


def test_a_second_run_does_not_reread_activities_already_reminded(world, mail_on, django_assert_max_num_queries):
    for n in range(5):
        activity(world.school, f"Hoạt động cũ {n}", at("2026-10-01"), author=world.teacher)
    assert send_reminders(TODAY)[0] == 5
    # Nothing new: a few queries, none per activity.
    with django_assert_max_num_queries(6):
        assert send_reminders(TODAY) == (0, 0)


def test_a_task_already_carried_out_is_not_reminded(world, mail_on):
    group = body(world.school)
    seat(group, world.teacher)
    done = issued_task(world.school, "Đã làm xong", due_on=TODAY + dt.timedelta(days=1), bodies=[group])
    activity(world.school, "Buổi nói chuyện", at("2026-11-20"), status="done", task=done)
    going = issued_task(world.school, "Còn việc dự kiến", due_on=TODAY + dt.timedelta(days=1), bodies=[group])
    activity(world.school, "Đã làm", at("2026-11-20"), status="done", task=going)
    activity(world.school, "Sẽ làm", at("2026-11-23"), status="planned", task=going)
    send_reminders(TODAY)
    assert _titles(world.teacher) == ["Sắp đến hạn: Còn việc dự kiến"]
