"""Reports (issue 7): what an authority asks its schools to report, and each school's report with
its versions.

A request names the kind, the school year, the due date, the schools (explicit, or every school
below the issuer on the due date), the sections expected and the indicator tables required. A
report is one version of one unit's answer: drafted from the unit's records, edited as text,
approved by the principal, submitted (numbered from the issuer's register, content frozen),
then accepted or returned with comments; a returned report is answered by a NEW version
(`previous`), so a submitted version never changes. Every step is a `ReportEvent` (history).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from binhdang.documents.models import WorkerFile


class ReportKind(models.TextChoices):
    ACTION_MONTH = "action_month", _("Báo cáo Tháng hành động")
    MID_YEAR = "mid_year", _("Báo cáo sơ kết học kỳ I")
    YEAR_END = "year_end", _("Báo cáo tổng kết năm học")
    OTHER = "other", _("Báo cáo khác")


class ReportRequest(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer_unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="report_requests",
                                    verbose_name=_("đơn vị yêu cầu"))
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=ReportKind.choices)
    title = models.CharField(_("tên báo cáo"), max_length=300)
    period = models.CharField(_("năm học"), max_length=9)  # "2025-2026", as indicators.periods
    # The span the report covers (an Action Month: 15/11–15/12), inside the school year.
    covers_from = models.DateField(_("từ ngày"))
    covers_to = models.DateField(_("đến ngày"))
    due_on = models.DateField(_("hạn nộp"))
    # Empty: every school below the issuer on the due date.
    schools = models.ManyToManyField("orgs.OrgUnit", blank=True, related_name="+", verbose_name=_("các trường"))
    # [{"title": "..."}, ...] in order: the sections each report must have.
    sections = models.JSONField(_("các phần"), default=list, blank=True)
    indicators = models.ManyToManyField("indicators.Indicator", blank=True, related_name="+",
                                        verbose_name=_("bảng chỉ số"))
    campaign = models.ForeignKey("activities.ActionMonthCampaign", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("Tháng hành động"))
    note = models.TextField(_("hướng dẫn"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)  # empty: still a draft request
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-due_on", "-id"]
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")

    def __str__(self) -> str:
        return self.title


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Hiệu trưởng đã duyệt")
    SUBMITTED = "submitted", _("Đã nộp")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    RETURNED = "returned", _("Bị trả lại")


class Report(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(ReportRequest, on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="reports")
    version = models.PositiveSmallIntegerField(default=1)
    previous = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT, related_name="next")
    status = models.CharField(max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    title = models.CharField(_("tiêu đề"), max_length=300)
    # [{"title": str, "text": str, "figures": [{"indicator": code, "disaggregation": str, "numerator": int,
    #   "denominator": int|None, "source": str}]}]: editable text; figures keep a link to their source.
    content = models.JSONField(default=list)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(default=False)  # decided at submission: after the due date (local day)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    revision = models.PositiveIntegerField(default=0)  # optimistic concurrency of edits, as plans

    class Meta:
        ordering = ["request", "unit", "-version"]
        constraints = [models.UniqueConstraint(fields=["request", "unit", "version"], name="report_unique_version")]
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def is_frozen(self) -> bool:
        return self.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED, ReportStatus.RETURNED)


class ReportEvent(models.Model):
    """One step of a report's history: who did what, when, with the comment if any."""

    class Action(models.TextChoices):
        DRAFTED = "drafted", _("Lập dự thảo")
        EDITED = "edited", _("Sửa")
        APPROVED = "approved", _("Duyệt")
        SUBMITTED = "submitted", _("Nộp")
        # "Tiếp nhận" is also a step of a student-protection case, where it means "received".
        ACCEPTED = "accepted", pgettext_lazy("report event", "Tiếp nhận")
        RETURNED = "returned", _("Trả lại")
        REMINDED = "reminded", _("Nhắc nộp")

    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="events")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=12, choices=Action.choices)
    comment = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"


class ConsolidationFile(WorkerFile):
    """The issuer's consolidation of one request as files (DOCX report and XLSX annex), made by the
    worker, never in the request: a province of a thousand schools takes seconds to write.

    `basis` names the state of the schools' answers the files were made from (the request's latest
    report event and highlight pick): a submission, return, acceptance or pick after that makes the
    files stale, and the next request makes new ones. Indicator figures are read when the files are
    made; the page says when."""

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="consolidations")
    basis = models.CharField(max_length=40)
    docx = models.FileField(upload_to="report-consolidations/%Y/%m/", max_length=200, blank=True)
    xlsx = models.FileField(upload_to="report-consolidations/%Y/%m/", max_length=200, blank=True)

    class Meta(WorkerFile.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.request} ({self.get_status_display()})"


class PickedHighlight(models.Model):
    """A line of a handed-in report's highlights that the issuer picked for its consolidation. The
    report stays frozen: the pick is the issuer's, kept beside it. Without picks for a request, the
    consolidation takes the first lines of each school's highlights."""

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="picked_highlights")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="picked_highlights")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    picked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    picked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "position"]
        constraints = [models.UniqueConstraint(fields=["report", "position"], name="picked_highlight_unique")]

    def __str__(self) -> str:
        return self.text[:60]
