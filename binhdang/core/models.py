"""In-app notifications: what the worker's reminders (and later features) tell a user.

Cross-cutting, so it lives in core: any app may notify, none reads another's notices.
`key` makes a reminder idempotent: the worker can run twice without telling anyone twice.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    unit = models.ForeignKey("orgs.OrgUnit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # What produced it ("activity.report_due", "task.deadline"), and a key unique per user.
    kind = models.CharField(max_length=60)
    key = models.CharField(max_length=200)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_unique_key")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title
