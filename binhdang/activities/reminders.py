"""Daily reminders, run on the worker (`run_reminders`) or by `binhdang remind`:

(a) a task of an issued plan due within BINHDANG_REMINDER_DAYS: each member of its responsible
    bodies who has an account, and the unit's committee members (role Ban VSTBPN), hear
    "Sắp đến hạn" once per task and due date (a moved deadline is reminded again);
(b) an activity still planned more than one day after its start day: its author hears
    "Hoạt động chưa báo cáo" once;
(c) every reminder not yet e-mailed (and not yet read in the app) is e-mailed to its user's
    address; a failed send leaves `emailed_at` empty, so the next run tries again.

Idempotent: the notification key makes a second run the same day (or a retried worker job)
tell nobody twice.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import CharField, Exists, OuterRef, Prefetch, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.accounts.models import Membership
from binhdang.accounts.roles import Role
from binhdang.core.models import Notification
from binhdang.core.notifications import notify
from binhdang.people.models import BodyMembership
from binhdang.plans.models import PlanStatus, Task

from .links import activity_url
from .models import Activity, ActivityStatus
from .selectors_calendar import local_midnight

logger = logging.getLogger(__name__)

KIND_TASK_DUE = "task.deadline"
KIND_UNREPORTED = "activity.report_due"
REMINDER_KINDS = (KIND_TASK_DUE, KIND_UNREPORTED)
# A reminder older than this is no longer worth an e-mail (the retry window for failures).
EMAIL_RETRY_DAYS = 7


def send_reminders(today: dt.date) -> tuple[int, int]:
    """Create today's reminders and e-mail the pending ones: (notifications created, e-mails sent)."""
    with translation.override(settings.LANGUAGE_CODE):
        created = _task_deadlines(today) + _unreported_activities(today)
        return created, email_pending()


def _due_tasks(today: dt.date):
    horizon = today + dt.timedelta(days=settings.BINHDANG_REMINDER_DAYS)
    seats = BodyMembership.objects.filter(staff__user__isnull=False, staff__user__is_active=True)
    return (
        Task.objects.filter(due_on__gte=today, due_on__lte=horizon, group__plan__status=PlanStatus.ISSUED)
        .exclude(group__plan__amendments__status=PlanStatus.ISSUED)
        # A task already carried out (something done, nothing still planned) needs no reminder.
        .exclude(Exists(Activity.objects.filter(task=OuterRef("pk"), status=ActivityStatus.DONE))
                 & ~Exists(Activity.objects.filter(task=OuterRef("pk"), status=ActivityStatus.PLANNED)))
        .select_related("group__plan__issuer_unit")
        .prefetch_related(Prefetch("responsible_bodies__members", queryset=seats.select_related("staff__user")))
        .distinct()
    )


def _task_deadlines(today: dt.date) -> int:
    tasks = list(_due_tasks(today))
    units = {task.group.plan.issuer_unit_id for task in tasks}
    committee: dict[int, list] = {}
    for membership in Membership.objects.filter(
        unit_id__in=units, role=Role.COMMITTEE_MEMBER, is_active=True, user__is_active=True
    ).select_related("user"):
        committee.setdefault(membership.unit_id, []).append(membership.user)
    created = 0
    for task in tasks:
        plan = task.group.plan
        users = {seat.staff.user for body in task.responsible_bodies.all() for seat in body.members.all()}
        users.update(committee.get(plan.issuer_unit_id, []))
        days_left = (task.due_on - today).days
        title = _("Sắp đến hạn: %(task)s") % {"task": _short(task.text)}
        body = _("Nhiệm vụ “%(task)s” (%(plan)s) có hạn hoàn thành ngày %(due)s, còn %(days)s ngày.") % {
            "task": _short(task.text, 300), "plan": plan.number or plan.title,
            "due": date_format(task.due_on, "d/m/Y"), "days": days_left,
        }
        url = reverse("plans:detail", kwargs={"uid": plan.uid})
        for user in sorted(users, key=lambda u: u.pk):
            created += notify(user, plan.issuer_unit, KIND_TASK_DUE, f"{KIND_TASK_DUE}:{task.pk}:{task.due_on}",
                              title, body, url)
    return created


def _unreported_activities(today: dt.date) -> int:
    # "Passed by more than one day": started before yesterday (local days).
    cutoff = local_midnight(today - dt.timedelta(days=1))
    # Those already reminded are left out in the query, so a daily run costs what is new.
    told = Notification.objects.filter(
        user_id=OuterRef("created_by_id"),
        key=Concat(Value(f"{KIND_UNREPORTED}:"), Cast(OuterRef("pk"), CharField())),
    )
    activities = (
        Activity.objects.filter(status=ActivityStatus.PLANNED, starts_at__lt=cutoff, created_by__isnull=False,
                                created_by__is_active=True)
        .exclude(Exists(told))
        .select_related("created_by", "unit")
    )
    created = 0
    for activity in activities:
        title = _("Hoạt động chưa báo cáo: %(title)s") % {"title": _short(activity.title)}
        body = _("Hoạt động ngày %(day)s vẫn ở trạng thái dự kiến. Hãy báo cáo kết quả (số người tham gia, "
                 "minh chứng) hoặc huỷ kèm lý do.") % {
            "day": date_format(timezone.localtime(activity.starts_at), "d/m/Y")}
        url = activity_url(activity) or reverse("activities:my_work")
        created += notify(activity.created_by, activity.unit, KIND_UNREPORTED, f"{KIND_UNREPORTED}:{activity.pk}",
                          title, body, url)
    return created


def email_pending(kinds=REMINDER_KINDS) -> int:
    """E-mail each notification of `kinds` (default: the reminders) that has not been e-mailed,
    is unread and recent; returns how many were sent. Nothing is sent (nor marked) while e-mail
    is switched off (none://)."""
    if not settings.BINHDANG_EMAIL_ENABLED:
        return 0
    since = timezone.now() - dt.timedelta(days=EMAIL_RETRY_DAYS)
    pending = (
        Notification.objects.filter(kind__in=kinds, emailed_at__isnull=True, read_at__isnull=True,
                                    created_at__gte=since, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("id")
    )
    sent = 0
    for notification in pending:
        try:
            send_mail(_email_subject(notification), _email_body(notification), None, [notification.user.email])
        except Exception as exc:  # noqa: BLE001 - any failure is retried next run
            # The address stays out of the log (SMTP errors often repeat it): the id is enough.
            logger.warning("Reminder e-mail for notification %s failed (%s); it will be retried.",
                           notification.pk, type(exc).__name__)
            continue
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def _email_subject(notification: Notification) -> str:
    return f"[{_('Bình Đẳng')}] {notification.title}"[:200]


def _email_body(notification: Notification) -> str:
    lines = [_("Xin chào %(name)s,") % {"name": notification.user}, "", notification.title]
    if notification.body:
        lines.append(notification.body)
    if notification.url:
        lines += ["", _("Xem chi tiết: %(link)s") % {"link": settings.BINHDANG_SITE_URL + notification.url}]
    lines += ["", _("Thư được gửi tự động từ Bình Đẳng; thông báo này cũng có trong mục Thông báo của bạn.")]
    return "\n".join(lines)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
