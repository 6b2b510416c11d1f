"""The Action Month campaign (Tháng hành động, 15/11–15/12): launched by the authority above,
given to each school below as a task group of its plan, logged against, reported at the end."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import ActivityKind


class ActionMonthCampaign(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        LAUNCHED = "launched", _("Đã phát động")
        CLOSED = "closed", _("Đã kết thúc")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer_unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="campaigns",
                                    verbose_name=_("đơn vị phát động"))
    year = models.PositiveSmallIntegerField(_("năm"))
    theme = models.TextField(_("chủ đề"))
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    report_deadline = models.DateField(_("hạn báo cáo"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    launched_at = models.DateTimeField(_("phát động lúc"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Tháng hành động")
        verbose_name_plural = _("Tháng hành động")
        ordering = ["-year", "-id"]
        constraints = [models.UniqueConstraint(fields=["issuer_unit", "year"], name="campaign_unique_issuer_year")]

    def __str__(self) -> str:
        return f"{self.theme} ({self.year})"


class CampaignItem(models.Model):
    """A required or suggested activity of the campaign."""

    campaign = models.ForeignKey(ActionMonthCampaign, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    kind = models.CharField(_("loại hoạt động"), max_length=20, choices=ActivityKind.choices)
    text = models.TextField(_("hoạt động"))
    required = models.BooleanField(_("bắt buộc"), default=False)

    class Meta:
        ordering = ["campaign", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class CampaignSchool(models.Model):
    """One school in a launched campaign: the task group its plan got, and its end report."""

    campaign = models.ForeignKey(ActionMonthCampaign, on_delete=models.CASCADE, related_name="schools")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="campaign_entries")
    task_group = models.ForeignKey("plans.TaskGroup", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    report_issued_number = models.OneToOneField("documents.IssuedNumber", null=True, blank=True,
                                                on_delete=models.PROTECT, related_name="+")
    report_number = models.CharField(_("số báo cáo"), max_length=80, blank=True)
    reported_at = models.DateTimeField(_("báo cáo lúc"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="campaign_school_unique")]

    def __str__(self) -> str:
        return f"{self.campaign} – {self.unit}"
