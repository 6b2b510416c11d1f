"""An activity (hoạt động) carries out a task of an issued plan, or is marked unplanned; its
participants are counted by group and sex (rows, so indicators sum them), and evidence
(minh chứng) files are attached to it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from binhdang.people.models import Sex

from .choices import ActivityKind, ActivityStatus, Audience, EvidenceKind


class Activity(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="activities",
                             verbose_name=_("đơn vị"))
    # The task of an issued plan this activity carries out; empty = unplanned (ngoài kế hoạch).
    task = models.ForeignKey("plans.Task", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="activities", verbose_name=_("nhiệm vụ"))
    campaign = models.ForeignKey("activities.ActionMonthCampaign", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="activities",
                                 verbose_name=_("Tháng hành động"))
    kind = models.CharField(_("loại hoạt động"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("tên hoạt động"), max_length=300)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    responsible_body = models.ForeignKey("orgs.InternalBody", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="activities", verbose_name=_("bộ phận phụ trách"))
    # Audience values (Audience), e.g. ["students", "parents"].
    audiences = models.JSONField(_("đối tượng"), default=list, blank=True)
    description = models.TextField(_("nội dung"), blank=True)
    results = models.TextField(_("kết quả"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ActivityStatus.choices,
                              default=ActivityStatus.PLANNED)
    cancel_reason = models.TextField(_("lý do huỷ"), blank=True)
    # When it was reported done (reminders chase planned activities whose date has passed).
    reported_at = models.DateTimeField(_("báo cáo lúc"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "starts_at"]),
            models.Index(fields=["campaign", "unit", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_unplanned(self) -> bool:
        return self.task_id is None


class Participation(models.Model):
    """How many people of one group and sex took part (one row per group × sex)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participations")
    group = models.CharField(_("nhóm"), max_length=10, choices=Audience.choices)
    sex = models.CharField(_("giới tính"), max_length=1, choices=Sex.choices)
    count = models.PositiveIntegerField(_("số người"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "group", "sex"], name="participation_unique")]

    def __str__(self) -> str:
        return f"{self.get_group_display()} {self.get_sex_display()}: {self.count}"


def _evidence_path(instance, filename: str) -> str:
    # Never the user's file name on disk: a random name, the original kept in the row.
    return f"evidence/{instance.activity.unit_id}/{uuid.uuid4().hex}"


def _thumbnail_path(instance, filename: str) -> str:
    return f"evidence/{instance.activity.unit_id}/thumbs/{uuid.uuid4().hex}.jpg"


class Evidence(models.Model):
    """One evidence file (photo, PDF, Office document), kept through Django's storage API."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("loại"), max_length=10, choices=EvidenceKind.choices)
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    thumbnail = models.FileField(upload_to=_thumbnail_path, max_length=200, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("dung lượng"))
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["activity", "id"]

    def __str__(self) -> str:
        return self.original_name
