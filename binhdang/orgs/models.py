"""Organisation units (an effective-dated tree), internal bodies, school years and classes."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    MINISTRY = "ministry", _("Bộ")
    DEPARTMENT = "department", _("Sở GD&ĐT")
    COMMUNE = "commune", _("UBND xã/phường")
    DISTRICT_OFFICE = "district_office", _("Phòng GD&ĐT (trước 2025)")
    SCHOOL = "school", _("Trường")


class SchoolLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("Mầm non")
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("THCS")
    UPPER_SECONDARY = "upper_secondary", _("THPT")
    MULTI_LEVEL = "multi_level", _("Liên cấp")


class OrgUnitQuerySet(models.QuerySet):
    def open_on(self, day):
        return self.filter(models.Q(valid_from__lte=day) | models.Q(valid_from__isnull=True)).filter(
            models.Q(valid_to__gt=day) | models.Q(valid_to__isnull=True)
        )

    def subtree_of(self, unit: "OrgUnit"):
        return self.filter(path__startswith=unit.path)

    def schools(self):
        return self.filter(kind=OrgKind.SCHOOL)


class OrgUnit(models.Model):
    """A node of the administrative tree: ministry, Sở, commune, former Phòng, school.

    `parent` and `path` describe the tree as it stands today (a materialised path makes
    "everything under this Sở" one indexed prefix query); `ParentLink` keeps every
    parent a unit ever had, with dates, so reports can rebuild the tree of any period.
    """

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=OrgKind.choices)
    school_level = models.CharField(
        _("cấp học"), max_length=20, choices=SchoolLevel.choices, blank=True
    )
    place = models.CharField(
        _("địa danh"), max_length=100, blank=True, help_text=_("Dùng trong dòng địa danh, ngày tháng.")
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_school(self) -> bool:
        return self.kind == OrgKind.SCHOOL

    @property
    def is_closed(self) -> bool:
        return self.valid_to is not None

    @property
    def depth(self) -> int:
        return self.path.count(".") - 1

    def ancestors(self):
        """Units above this one, root first (ids are read off the path)."""
        ids = [int(part) for part in self.path.strip(".").split(".")[:-1] if part]
        by_id = OrgUnit.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]


class ParentLink(models.Model):
    """One period during which `unit` reported to `parent` (history of the tree)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="child_links")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["unit", "valid_from"]
        indexes = [models.Index(fields=["parent", "valid_from", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.unit} → {self.parent}"


class BodyKind(models.TextChoices):
    COMMITTEE = "committee", _("Ban vì sự tiến bộ của phụ nữ")
    TRADE_UNION = "trade_union", _("Công đoàn")
    YOUTH_UNION = "youth_union", _("Đoàn TNCS Hồ Chí Minh")
    PIONEERS = "pioneers", _("Liên đội TNTP")
    SUBJECT_GROUP = "subject_group", _("Tổ chuyên môn")
    COUNSELLING_TEAM = "counselling_team", _("Tổ tư vấn tâm lý")
    OFFICE = "office", _("Văn phòng")
    LEADERSHIP = "leadership", _("Ban giám hiệu")
    OTHER = "other", _("Khác")


class InternalBody(models.Model):
    """A body inside a school (Ban VSTBPN, Công đoàn, a tổ chuyên môn…)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("loại"), max_length=20, choices=BodyKind.choices)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("viết tắt"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("tổ chức trong trường")
        verbose_name_plural = _("tổ chức trong trường")
        ordering = ["unit", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="body_unique_name_per_unit")
        ]

    def __str__(self) -> str:
        return self.name


class SchoolYear(models.Model):
    """Năm học, September to May: '2025-2026'."""

    code = models.CharField(max_length=9, unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("năm học")
        verbose_name_plural = _("năm học")

    def __str__(self) -> str:
        return self.code


class SchoolClass(models.Model):
    """A class (lớp) of a school in one school year."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="classes")
    school_year = models.ForeignKey(SchoolYear, on_delete=models.PROTECT, related_name="classes")
    name = models.CharField(_("tên lớp"), max_length=30)
    grade = models.PositiveSmallIntegerField(_("khối"), null=True, blank=True)

    class Meta:
        verbose_name = _("lớp")
        verbose_name_plural = _("lớp")
        ordering = ["school_year", "grade", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "school_year", "name"], name="class_unique_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"
