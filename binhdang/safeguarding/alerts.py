"""Alerts of student protection (issue 5, item 7): say that a case needs attention and where,
never what happened or who. In the bell at once, and by e-mail soon after: a child at risk cannot
wait for the daily reminder run, so each new alert queues one e-mail run on the worker once the
write has committed. Titles are fixed sentences chosen by the caller; nothing of the case goes in."""

from django.db import transaction

from binhdang.core.notifications import notify

KIND = "case"


def alert(user, unit, *, key: str, title: str, url: str) -> bool:
    """Notify `user` once per key (see core.notifications.notify); True if created."""
    created = notify(user, unit, kind=KIND, key=key, title=title, url=url)
    if created:
        from .tasks import send_case_alerts

        transaction.on_commit(send_case_alerts.enqueue)
    return created
