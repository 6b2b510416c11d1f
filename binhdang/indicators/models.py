"""Indicators (issue 6): the catalogue, one value per school, indicator, period and
disaggregation, and the rollups every unit above reads.

Values are integers (head-counts, sessions, participants): a rate is never stored, it is
numerator / denominator × factor at display time, so that any group's rate is Σ numerators /
Σ denominators (DOMAIN.md §7), never an average of rates.

Period: a school year, "2025-2026" (1 September to 31 August), the year schools plan and report
in. A period's reference date is its last day, or today while it runs: a school counts under the
parent it had on that date (orgs.ParentLink history), so past periods keep the tree they had.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeAggregation(models.TextChoices):
    STOCK = "stock", _("Thời điểm (lấy giá trị mới nhất)")
    FLOW = "flow", _("Cộng dồn (tổng trong kỳ)")


class Source(models.TextChoices):
    STAFF = "staff", _("Danh sách cán bộ, giáo viên")
    STUDENTS = "students", _("Danh sách học sinh")
    ACTIVITIES = "activities", _("Hoạt động")
    TRAININGS = "trainings", _("Tập huấn")
    LESSONS = "lessons", _("Tiết học lồng ghép")
    CASES = "cases", _("Vụ việc bảo vệ học sinh (chỉ số đếm)")
    CAMPAIGNS = "campaigns", _("Tháng hành động")
    MANUAL = "manual", _("Nhập tay")


class Indicator(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ số"), max_length=300)
    definition = models.TextField(_("định nghĩa"), blank=True)
    numerator_label = models.CharField(_("tử số"), max_length=300)
    # Empty: the indicator is a count (no denominator).
    denominator_label = models.CharField(_("mẫu số"), max_length=300, blank=True)
    factor = models.PositiveIntegerField(_("hệ số"), default=1, help_text=_("100 cho tỷ lệ phần trăm"))
    unit_label = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    time_aggregation = models.CharField(_("gộp theo thời gian"), max_length=10, choices=TimeAggregation.choices)
    source = models.CharField(_("nguồn số liệu"), max_length=20, choices=Source.choices)
    # The name of the function in indicators.computations that computes it ("" for manual ones).
    computation = models.CharField(_("cách tính"), max_length=60, blank=True)
    # Disaggregations besides the total, e.g. ["sex", "level"]; sex is always offered.
    disaggregations = models.JSONField(_("phân tổ"), default=list, blank=True)
    # Incidents: cells (numerator) below this are suppressed when shown above the school.
    suppress_below = models.PositiveSmallIntegerField(_("ẩn ô dưới"), null=True, blank=True)
    # Manual indicators are entered at this kind of unit ("school", "commune", ...).
    entered_at_kind = models.CharField(max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("chỉ số")
        verbose_name_plural = _("danh mục chỉ số")

    def __str__(self) -> str:
        return self.name

    @property
    def is_rate(self) -> bool:
        return bool(self.denominator_label)


class DataValue(models.Model):
    """One school's (or, for manual indicators entered above, one unit's) figure. Computed rows
    are rewritten from the records whenever they change; manual rows come from the entry form."""

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=9)
    # "" for the total; otherwise "sex=F", "level=primary", "sex=F|level=primary" (keys sorted).
    disaggregation = models.CharField(max_length=100, blank=True)
    numerator = models.BigIntegerField(default=0)
    denominator = models.BigIntegerField(null=True, blank=True)
    is_manual = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "indicator", "period", "disaggregation"],
                                               name="datavalue_unique")]
        indexes = [models.Index(fields=["indicator", "period"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period} {self.disaggregation or '*'}={self.numerator}/{self.denominator}"


class Rollup(models.Model):
    """Σ of the values of the schools under `unit` (itself included) for one indicator, period and
    disaggregation, as the tree stood on the period's reference date. Kept current by deltas
    (indicators.rollups) so that any unit's figure is one row read, never a scan of records."""

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=9)
    disaggregation = models.CharField(max_length=100, blank=True)
    numerator = models.BigIntegerField(default=0)
    denominator = models.BigIntegerField(null=True, blank=True)
    # How many units below contributed a value (for "schools missing data").
    reporting = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "indicator", "period", "disaggregation"],
                                               name="rollup_unique")]
        indexes = [models.Index(fields=["indicator", "period", "disaggregation"])]

    def __str__(self) -> str:
        return f"Σ {self.indicator_id} {self.period} {self.disaggregation or '*'}={self.numerator}/{self.denominator}"


class Completeness(models.Model):
    """A unit marked its data for a period complete."""

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=9)
    marked_at = models.DateTimeField(auto_now_add=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="completeness_unique")]

    def __str__(self) -> str:
        return f"complete {self.unit_id} {self.period}"


class PeriodLock(models.Model):
    """The authority above locked a period: hand-entered values of the units under `unit` for
    that period can no longer be changed."""

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=9)
    locked_at = models.DateTimeField(auto_now_add=True)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="periodlock_unique")]

    def __str__(self) -> str:
        return f"locked {self.unit_id} {self.period}"


class TargetLink(models.Model):
    """A plan target (plans.Target, free text in the plan) linked to an indicator with the value it
    aims at, so a school and the authority above see met / at risk / missed."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    target = models.OneToOneField("plans.Target", on_delete=models.CASCADE, related_name="indicator_link")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="target_links")
    disaggregation = models.CharField(max_length=100, blank=True)
    # The aimed value in the indicator's display unit (e.g. 50 for 50 %, 4 for 4 sessions).
    goal = models.DecimalField(max_digits=12, decimal_places=2)
    # True: met when value >= goal (most); False: met when value <= goal (e.g. incidents).
    higher_is_better = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.indicator} → {self.goal}"
