"""Staff and students of a school, kept to what the programme needs.

Children's records hold name, sex, date of birth (a child's age decides the
safeguarding deadlines) and class: no address, no phone, no parents' details.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from binhdang.lib.vntext import fold, full_name, name_sort_key
from binhdang.orgs.models import InternalBody, OrgUnit, SchoolClass


class Sex(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")
    NOT_RECORDED = "U", _("Chưa ghi nhận")


class Position(models.TextChoices):
    PRINCIPAL = "principal", _("Hiệu trưởng")
    VICE_PRINCIPAL = "vice_principal", _("Phó hiệu trưởng")
    TEACHER = "teacher", _("Giáo viên")
    PIONEER_LEADER = "pioneer_leader", _("Tổng phụ trách Đội")
    STAFF = "staff", _("Nhân viên")
    OTHER = "other", _("Khác")


class CadreRole(models.TextChoices):
    MONITOR = "monitor", _("Lớp trưởng")
    DEPUTY_MONITOR = "deputy_monitor", _("Lớp phó")
    PIONEER_CHIEF = "pioneer_chief", _("Chi đội trưởng")
    YOUTH_SECRETARY = "youth_secretary", _("Bí thư chi đoàn")
    GROUP_LEADER = "group_leader", _("Tổ trưởng")
    PIONEER_COUNCIL = "pioneer_council", _("Chỉ huy Liên đội")


class BodyRole(models.TextChoices):
    HEAD = "head", _("Trưởng")
    DEPUTY = "deputy", _("Phó")
    MEMBER = "member", _("Thành viên")


class Person(models.Model):
    """Fields shared by staff and students; names are kept split as Họ / Tên đệm / Tên."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    external_id = models.CharField(_("mã định danh"), max_length=40, blank=True)
    family_name = models.CharField(_("họ"), max_length=60, blank=True)
    middle_name = models.CharField(_("tên đệm"), max_length=60, blank=True)
    given_name = models.CharField(_("tên"), max_length=60)
    sex = models.CharField(_("giới tính"), max_length=1, choices=Sex.choices, default=Sex.NOT_RECORDED)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    is_active = models.BooleanField(_("đang làm việc/học"), default=True)
    # Derived from the name on every write (services set them): kept in the row so that
    # sorting and accent-free search run in the database on 100,000-row schools lists.
    sort_key = models.CharField(max_length=400, editable=False, db_index=True)
    search_text = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return full_name(self.family_name, self.middle_name, self.given_name)

    def refresh_derived(self) -> None:
        self.sort_key = name_sort_key(self.family_name, self.middle_name, self.given_name)
        self.search_text = " ".join(filter(None, [fold(self.full_name), fold(self.external_id)]))


class StaffMember(Person):
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="staff")
    position = models.CharField(_("chức vụ"), max_length=20, choices=Position.choices, default=Position.TEACHER)
    subject = models.CharField(_("môn / tổ"), max_length=100, blank=True)
    meets_new_standard = models.BooleanField(
        _("đạt chuẩn trình độ mới"), null=True, blank=True,
        help_text=_("Đạt chuẩn trình độ đào tạo theo Luật Giáo dục 2019; để trống nếu chưa rõ."),
    )
    user = models.OneToOneField(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="staff_record"
    )

    class Meta:
        verbose_name = _("cán bộ, giáo viên, nhân viên")
        verbose_name_plural = _("cán bộ, giáo viên, nhân viên")
        ordering = ["sort_key"]
        indexes = [models.Index(fields=["unit", "external_id"])]


class Student(Person):
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="students")

    class Meta:
        verbose_name = _("học sinh")
        verbose_name_plural = _("học sinh")
        ordering = ["sort_key"]
        indexes = [models.Index(fields=["unit", "external_id"])]


class Enrollment(models.Model):
    """A student's class in one school year, with the cadre roles held that year."""

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="enrollments")
    school_class = models.ForeignKey(SchoolClass, on_delete=models.PROTECT, related_name="enrollments")
    school_year = models.ForeignKey("orgs.SchoolYear", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["student", "school_year"], name="one_class_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.student} – {self.school_class}"


class CadreAssignment(models.Model):
    """A student cadre role (lớp trưởng, chi đội trưởng…) held in one enrollment.

    A row per role, not a list on the enrollment, so indicators such as "girls among
    class monitors" are one indexed count on every database.
    """

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="cadre_roles")
    role = models.CharField(_("chức vụ lớp"), max_length=20, choices=CadreRole.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "role"], name="one_role_once")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} – {self.enrollment}"


class BodyMembership(models.Model):
    """A staff member's seat in an internal body (Ban VSTBPN, Công đoàn, tổ chuyên môn…)."""

    staff = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="body_memberships")
    body = models.ForeignKey(InternalBody, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("vai trò"), max_length=10, choices=BodyRole.choices, default=BodyRole.MEMBER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["staff", "body"], name="one_seat_per_body")]

    def __str__(self) -> str:
        return f"{self.staff} – {self.body}"


def _import_path(instance: "RosterImport", filename: str) -> str:
    # The user's file name stays in original_name; on disk only the opaque uid.
    return f"imports/{instance.uid}"


class RosterImport(models.Model):
    """One uploaded roster file, from preview to the finished import (or its failure)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ nhập")
        PREVIEWED = "previewed", _("Đã kiểm tra")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Đã nhập xong")
        FAILED = "failed", _("Không nhập được")

    class Kind(models.TextChoices):
        STUDENTS = "students", _("Học sinh")
        STAFF = "staff", _("Cán bộ, giáo viên, nhân viên")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="roster_imports")
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("loại danh sách"), max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=_import_path, max_length=200)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # [{"index": 0, "header": "Họ và tên", "field": "full_name"}, …]; "" = column ignored.
    column_mapping = models.JSONField(default=list)
    header_row = models.PositiveIntegerField(default=0)
    # The first rows as text, so the preview page does not read the file again.
    preview = models.JSONField(default=list)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    # [{"row": 7, "column": "Giới tính", "message": "…"}, …]
    errors = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập danh sách")
        verbose_name_plural = _("lần nhập danh sách")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0
