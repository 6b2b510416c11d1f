"""Background work of the activities app, run by `binhdang db_worker`: photo processing and
the daily reminders."""

import datetime as dt
import logging

from django.utils import timezone
from django_tasks import task

from .evidence import evidence_process
from .models import Evidence
from .reminders import send_reminders

logger = logging.getLogger(__name__)


@task()
def make_evidence_thumbnail(evidence_uid: str) -> None:
    """Strip a photo's metadata and make its thumbnail (evidence.evidence_process says why)."""
    evidence = Evidence.objects.select_related("activity").filter(uid=evidence_uid).first()
    if evidence is None:  # deleted before the worker got to it
        return
    try:
        evidence_process(evidence=evidence)
    except Exception:
        # A photo that passed Pillow's verify() but cannot be decoded stays unserved (no thumbnail):
        # the page keeps its placeholder and the log says why.
        logger.exception("evidence %s: photo could not be processed", evidence_uid)


@task()
def run_reminders(day: str = "") -> dict:
    """The daily reminders for `day` (YYYY-MM-DD, default today in Asia/Ho_Chi_Minh)."""
    from binhdang.safeguarding.clocks import overdue_cases_notify  # the case teams' overdue clocks

    created, emailed = send_reminders(dt.date.fromisoformat(day) if day else timezone.localdate())
    return {"notifications": created, "emails": emailed, "overdue_cases": overdue_cases_notify(timezone.now())}
