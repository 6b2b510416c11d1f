"""Trainings with attendance taken from the roster, lessons that integrate gender content, and
commendations (khen thưởng, biểu dương) with their decision."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .activity import Activity


class Training(models.Model):
    """A training session (tập huấn): an activity of kind "training" with its topic and trainer."""

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="training")
    topic = models.CharField(_("chủ đề"), max_length=300)
    trainer = models.CharField(_("báo cáo viên"), max_length=200, blank=True)

    def __str__(self) -> str:
        return self.topic


class TrainingAttendance(models.Model):
    """One attendee, picked from the roster, so counts by sex and role are exact."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="attendance")
    staff = models.ForeignKey("people.StaffMember", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="trainings")
    student = models.ForeignKey("people.Student", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="trainings")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(staff__isnull=False) ^ Q(student__isnull=False),
                                   name="attendance_one_person"),
            models.UniqueConstraint(fields=["training", "staff"], condition=Q(staff__isnull=False),
                                    name="attendance_unique_staff"),
            models.UniqueConstraint(fields=["training", "student"], condition=Q(student__isnull=False),
                                    name="attendance_unique_student"),
        ]

    def __str__(self) -> str:
        return str(self.staff or self.student)


class LessonIntegration(models.Model):
    """A lesson that integrated gender content (lồng ghép giới), recorded by its teacher."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="lesson_integrations")
    teacher = models.ForeignKey("people.StaffMember", on_delete=models.PROTECT, related_name="lesson_integrations",
                                verbose_name=_("giáo viên"))
    school_year = models.ForeignKey("orgs.SchoolYear", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("năm học"))
    subject = models.CharField(_("môn học"), max_length=100)
    grade = models.PositiveSmallIntegerField(_("khối lớp"))
    school_class = models.ForeignKey("orgs.SchoolClass", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("lớp"))
    lesson = models.CharField(_("bài dạy"), max_length=300)
    content = models.TextField(_("nội dung lồng ghép"))
    taught_on = models.DateField(_("ngày dạy"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tiết dạy lồng ghép giới")
        verbose_name_plural = _("tiết dạy lồng ghép giới")
        ordering = ["-taught_on", "-id"]
        indexes = [models.Index(fields=["unit", "school_year"])]

    def __str__(self) -> str:
        return self.lesson


class Commendation(models.Model):
    class Form(models.TextChoices):
        COMMEND = "commend", _("Khen thưởng")
        PRAISE = "praise", _("Biểu dương")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đề nghị")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Không duyệt")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="commendations",
                             verbose_name=_("đơn vị quyết định"))
    form = models.CharField(_("hình thức"), max_length=10, choices=Form.choices, default=Form.PRAISE)
    # Exactly one nominee: a staff member, a student, an internal body or a unit.
    nominee_staff = models.ForeignKey("people.StaffMember", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    nominee_student = models.ForeignKey("people.Student", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")
    nominee_body = models.ForeignKey("orgs.InternalBody", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    nominee_unit = models.ForeignKey("orgs.OrgUnit", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    reason = models.TextField(_("thành tích, lý do"))
    activities = models.ManyToManyField(Activity, blank=True, related_name="commendations",
                                        verbose_name=_("hoạt động liên quan"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("ghi chú quyết định"), blank=True)
    issued_number = models.OneToOneField("documents.IssuedNumber", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("số quyết định"), max_length=80, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(nominee_staff__isnull=False, nominee_student__isnull=True, nominee_body__isnull=True,
                      nominee_unit__isnull=True)
                    | Q(nominee_staff__isnull=True, nominee_student__isnull=False, nominee_body__isnull=True,
                        nominee_unit__isnull=True)
                    | Q(nominee_staff__isnull=True, nominee_student__isnull=True, nominee_body__isnull=False,
                        nominee_unit__isnull=True)
                    | Q(nominee_staff__isnull=True, nominee_student__isnull=True, nominee_body__isnull=True,
                        nominee_unit__isnull=False)
                ),
                name="commendation_one_nominee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()}: {self.nominee}"

    @property
    def nominee(self):
        return self.nominee_staff or self.nominee_student or self.nominee_body or self.nominee_unit
