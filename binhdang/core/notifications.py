"""In-app notifications: creating them (idempotent on the user's key) and marking them read.

Not audited: a notification is a message to one user about their own work, and reading it
changes nothing anyone else sees (the audit log is for privileged writes).
"""

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from .models import Notification


def notify(user, unit, kind: str, key: str, title: str, body: str = "", url: str = "") -> bool:
    """Tell `user` once: a second call with the same key changes nothing. True if created."""
    defaults = {"unit": unit, "kind": kind, "title": title[:300], "body": body, "url": url[:500]}
    try:
        # Its own savepoint: two workers racing on one key leave one row, and the loser's
        # IntegrityError does not break the caller's transaction.
        with transaction.atomic():
            _notification, created = Notification.objects.get_or_create(user=user, key=key, defaults=defaults)
    except IntegrityError:
        return False
    return created


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


@transaction.atomic
def notification_mark_read(*, user, uid) -> Notification:
    """Mark one of the user's own notifications read; anyone else's is "not found"."""
    try:
        notification = Notification.objects.select_for_update().get(user=user, uid=uid)
    except (Notification.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notification_mark_all_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
