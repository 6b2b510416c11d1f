"""Background work of the activities app, run by `binhdang db_worker`."""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from .reminders import send_reminders


@task()
def run_reminders(day: str = "") -> dict:
    """The daily reminders for `day` (YYYY-MM-DD, default today in Asia/Ho_Chi_Minh)."""
    created, emailed = send_reminders(dt.date.fromisoformat(day) if day else timezone.localdate())
    return {"notifications": created, "emails": emailed}
