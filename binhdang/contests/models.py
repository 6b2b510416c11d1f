"""Contests (cuộc thi): a question bank, contests opened to classes, and students' attempts.

Students have no accounts: the school gives each class of a contest a join code and each student
a short personal code (PIN), printed on slips; a student picks their name in the class list and
types the PIN. Nothing about the child is kept here beyond the link to the roster row.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from binhdang.documents.models import WorkerFile


class Topic(models.TextChoices):
    GENDER_LAW = "gender_law", _("Luật Bình đẳng giới")
    STEREOTYPES = "stereotypes", _("Định kiến giới")
    SCHOOL_VIOLENCE = "school_violence", _("Phòng, chống bạo lực học đường")
    FAMILY_VIOLENCE = "family_violence", _("Phòng, chống bạo lực gia đình")
    CHILD_RIGHTS = "child_rights", _("Quyền trẻ em, bảo vệ trẻ em")
    HOTLINES = "hotlines", _("Đường dây nóng, tìm trợ giúp")
    LABOUR = "labour", _("Lao động, việc làm")
    POLICY = "policy", _("Chính sách, chiến lược")
    PRIVACY = "privacy", _("Dữ liệu cá nhân, quyền riêng tư")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Một đáp án đúng")
    MULTIPLE = "multiple", _("Nhiều đáp án đúng")
    TRUE_FALSE = "true_false", _("Đúng/Sai")
    SHORT = "short", _("Trả lời ngắn")


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Dễ")
    MEDIUM = 2, _("Trung bình")
    HARD = 3, _("Khó")


class Question(models.Model):
    """One question; `unit` empty = the shared starter bank every unit draws from."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="contest_questions", verbose_name=_("đơn vị"))
    code = models.CharField(_("mã câu hỏi"), max_length=20)
    kind = models.CharField(_("loại câu hỏi"), max_length=12, choices=QuestionKind.choices)
    text = models.TextField(_("câu hỏi"))
    topic = models.CharField(_("chủ đề"), max_length=20, choices=Topic.choices)
    difficulty = models.PositiveSmallIntegerField(_("mức độ"), choices=Difficulty.choices, default=Difficulty.EASY)
    grade_min = models.PositiveSmallIntegerField(_("từ lớp"), default=1)
    grade_max = models.PositiveSmallIntegerField(_("đến lớp"), default=12)
    explanation = models.TextField(_("giải thích"))
    legal_document = models.ForeignKey("legal.LegalDocument", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name=_("văn bản"))
    legal_reference = models.CharField(_("điều, khoản"), max_length=120, blank=True)
    # Short answers: every accepted wording (compared without accents, case or extra spaces).
    accepted_answers = models.JSONField(_("đáp án chấp nhận"), default=list, blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "code"], name="question_code_per_unit"),
            models.UniqueConstraint(fields=["code"], condition=models.Q(unit__isnull=True),
                                    name="question_code_shared"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:60]}"


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("phương án"), max_length=300)
    is_correct = models.BooleanField(_("đúng"), default=False)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["question", "position"], name="choice_position")]

    def __str__(self) -> str:
        return self.text


class Contest(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="contests",
                             verbose_name=_("đơn vị"))
    title = models.CharField(_("tên cuộc thi"), max_length=200)
    description = models.TextField(_("thể lệ"), blank=True)
    opens_at = models.DateTimeField(_("mở lúc"))
    closes_at = models.DateTimeField(_("đóng lúc"))
    time_limit_minutes = models.PositiveSmallIntegerField(_("thời gian làm bài (phút)"), default=15)
    question_count = models.PositiveSmallIntegerField(_("số câu mỗi lượt"), default=10)
    max_attempts = models.PositiveSmallIntegerField(_("số lượt được làm"), default=1)
    shuffle = models.BooleanField(_("xáo trộn câu hỏi và phương án"), default=True)
    # Topic values; empty = every topic.
    topics = models.JSONField(_("chủ đề"), default=list, blank=True)
    # A contest of a commune or Sở for the schools below: one school contest per school (`parent`
    # points up to it), made by the worker; `grades` are the grades it invites, `prepared_at` when the
    # school contests are ready.
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="school_contests")
    grades = models.JSONField(_("các khối"), default=list, blank=True)
    staff_invited = models.BooleanField(_("mời cán bộ, giáo viên"), default=False)
    prepared_at = models.DateTimeField(null=True, blank=True)
    # The activity that carries the contest's participants into the indicators.
    activity = models.OneToOneField("activities.Activity", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="contest")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc thi")
        verbose_name_plural = _("cuộc thi")
        ordering = ["-opens_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_above_schools(self) -> bool:
        return not self.unit.is_school


class ContestClass(models.Model):
    """A class invited to a contest, or (class empty) the school's staff, with the join code its
    members type."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="classes")
    school_class = models.ForeignKey("orgs.SchoolClass", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    join_code = models.CharField(_("mã lớp"), max_length=8, unique=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contest", "school_class"], name="contest_class_once")]

    def __str__(self) -> str:
        return f"{self.contest} – {self.label}"

    @property
    def is_staff(self) -> bool:
        return self.school_class_id is None

    @property
    def label(self) -> str:
        return self.school_class.name if self.school_class_id else str(_("Cán bộ, giáo viên, nhân viên"))

    @property
    def grade(self) -> int | None:
        return self.school_class.grade if self.school_class_id else None


class Entrant(models.Model):
    """A student of an invited class, or a staff member of the staff group, with the personal
    code handed out by the school."""

    contest_class = models.ForeignKey(ContestClass, on_delete=models.CASCADE, related_name="entrants")
    student = models.ForeignKey("people.Student", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey("people.StaffMember", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="+")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    pin = models.CharField(_("mã cá nhân"), max_length=6)
    failed_pins = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["contest_class", "student"], name="entrant_once"),
            models.UniqueConstraint(fields=["contest_class", "staff"], name="entrant_staff_once"),
            models.CheckConstraint(condition=models.Q(student__isnull=True) ^ models.Q(staff__isnull=True),
                                   name="entrant_student_or_staff"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.person}"

    @property
    def person(self):
        """The student or the staff member (both have the name fields, sex and sort_key)."""
        return self.student if self.student_id else self.staff


class Attempt(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="attempts")
    entrant = models.ForeignKey(Entrant, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    # Drives the draw and the order of the choices: the same attempt always looks the same.
    seed = models.BigIntegerField()
    started_at = models.DateTimeField()
    deadline = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["entrant", "number"], name="attempt_number_once")]
        indexes = [models.Index(fields=["contest", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.contest} #{self.number}"


class Answer(models.Model):
    """One drawn question of an attempt (made when the attempt starts), filled in when answered."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    choice_ids = models.JSONField(default=list, blank=True)
    text = models.CharField(max_length=200, blank=True)
    is_correct = models.BooleanField(default=False)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="answer_once")]

    def __str__(self) -> str:
        return f"{self.attempt} – {self.position}"


class CertificateFile(WorkerFile):
    """The certificates PDF of a contest's best (ranked `top` or better), made by the worker:
    LibreOffice takes seconds. `basis` names the awarded people and scores it was made from, so
    the same results give back the same file and a new submission makes a new one."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="certificate_files")
    top = models.PositiveSmallIntegerField()
    basis = models.CharField(max_length=64)
    file = models.FileField(upload_to="contest-certificates/%Y/%m/", max_length=200, blank=True)

    class Meta(WorkerFile.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.contest} (top {self.top})"
