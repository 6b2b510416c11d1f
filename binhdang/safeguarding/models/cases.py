"""Cases of student protection (issue 5): the case, its entries, the case team and the hotlines.

What identifies or describes a person or an event is sealed: stored only as ciphertext under
the case's own data key (`Case.key`, see binhdang.safeguarding.sealing), in BinaryFields named
`*_sealed`. Plain columns hold only what lists, clocks and counts need (stage, dates, category,
sex and age band for statistics). Nothing here is searchable by content, on purpose.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .keys import SealedKey


class Category(models.TextChoices):
    """The six GBVIMS types, then school-violence categories."""

    RAPE = "rape", _("Hiếp dâm")
    SEXUAL_ASSAULT = "sexual_assault", _("Xâm hại tình dục")
    PHYSICAL_ASSAULT = "physical_assault", _("Bạo lực thân thể")
    FORCED_MARRIAGE = "forced_marriage", _("Cưỡng ép kết hôn")
    DENIAL = "denial", _("Từ chối cơ hội, nguồn lực, dịch vụ")
    PSYCHOLOGICAL = "psychological", _("Bạo lực tinh thần")
    BULLYING = "bullying", _("Bắt nạt")
    FIGHTING = "fighting", _("Đánh nhau, hành hung trong trường")
    CYBER = "cyber", _("Bắt nạt, quấy rối trên mạng")
    OTHER = "other", _("Khác")


class Channel(models.TextChoices):
    HELP_PAGE = "help_page", _("Trang xin giúp đỡ")
    IN_PERSON = "in_person", _("Trực tiếp")
    PHONE = "phone", _("Điện thoại")
    SUGGESTION_BOX = "suggestion_box", _("Hộp thư góp ý")


class Stage(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ASSESSED = "assessed", _("Đã đánh giá")
    SUPPORT = "support", _("Hỗ trợ ban đầu")
    FAMILY = "family", _("Thông báo gia đình")
    PLAN = "plan", _("Kế hoạch hỗ trợ")
    INTERVENTION = "intervention", _("Can thiệp, chuyển gửi")
    FOLLOW_UP = "follow_up", _("Theo dõi")
    CLOSED = "closed", _("Đã đóng")


class AgeBand(models.TextChoices):
    UNDER_6 = "0-5", _("Dưới 6 tuổi")
    AGE_6_11 = "6-11", _("6–11 tuổi")
    AGE_12_15 = "12-15", _("12–15 tuổi")
    AGE_16_17 = "16-17", _("16–17 tuổi")
    ADULT = "18+", _("Từ 18 tuổi")
    UNKNOWN = "", _("Chưa rõ")


class CaseTeamMember(models.Model):
    """A named member of a school's case team (separate from the counselling team)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="case_team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_teams")
    is_leader = models.BooleanField(_("trưởng nhóm"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "user"], name="case_team_unique_member")]
        verbose_name = _("thành viên nhóm xử lý vụ việc")
        verbose_name_plural = _("nhóm xử lý vụ việc")

    def __str__(self) -> str:
        return f"{self.user} @ {self.unit}"


class Case(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="cases")
    # What the student keeps to follow the case (random, see cases_public), and the hash of the
    # passphrase they chose (Django's password hasher: Argon2).
    code = models.CharField(max_length=20, unique=True)
    passphrase_hash = models.CharField(max_length=200, blank=True)
    key = models.OneToOneField(SealedKey, on_delete=models.PROTECT, related_name="case")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.RECEIVED)
    category = models.CharField(max_length=30, choices=Category.choices, blank=True)
    happening_now = models.BooleanField(default=False)
    # Sealed: what happened, and who asked (optional name and class).
    narrative_sealed = models.BinaryField()
    reporter_name_sealed = models.BinaryField(null=True, blank=True)
    reporter_class_sealed = models.BinaryField(null=True, blank=True)
    # Assessment: a child under 16 abused starts the 12-hour emergency and 5-working-day plan clocks.
    harm_level = models.PositiveSmallIntegerField(null=True, blank=True)
    risk_level = models.PositiveSmallIntegerField(null=True, blank=True)
    child_under_16_abused = models.BooleanField(null=True, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    emergency_due_at = models.DateTimeField(null=True, blank=True)
    plan_due_at = models.DateTimeField(null=True, blank=True)
    # When each clock was met: immediate support given, support plan recorded.
    support_at = models.DateTimeField(null=True, blank=True)
    plan_at = models.DateTimeField(null=True, blank=True)
    # Family informed (True), or not and why (False; the reason is the step's sealed text).
    family_informed = models.BooleanField(null=True, blank=True)
    # For statistics only (counts by sex and age band of the child concerned).
    victim_sex = models.CharField(max_length=1, blank=True)
    victim_age_band = models.CharField(max_length=5, choices=AgeBand.choices, blank=True)
    received_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    # Closure is asked for by a member and approved by the team leader.
    closure_requested_at = models.DateTimeField(null=True, blank=True)
    closure_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    reopened_count = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["unit", "stage"])]

    def __str__(self) -> str:
        # Never content, and never the code (it opens the case with the passphrase; audit rows
        # copy str(target)): the uid only.
        return f"case {self.uid}"


class EntryKind(models.TextChoices):
    STEP = "step", _("Bước xử lý")
    NOTE = "note", _("Ghi chú")
    SESSION = "session", _("Buổi tư vấn")
    MESSAGE_IN = "message_in", _("Học sinh nhắn")
    MESSAGE_OUT = "message_out", _("Trả lời học sinh")


class CaseEntry(models.Model):
    """Everything that happens on a case, in order: steps, notes, counselling sessions and the
    messages exchanged with the student through the code and passphrase."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    text_sealed = models.BinaryField(null=True, blank=True)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")

    class Meta:
        ordering = ["case", "at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d}"


class Hotline(models.Model):
    """A help line shown on every help screen: 111 everywhere, and each province's own."""

    unit = models.ForeignKey("orgs.OrgUnit", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="hotlines")  # empty: national
    name = models.CharField(_("tên"), max_length=200)
    number = models.CharField(_("số điện thoại"), max_length=30)
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["unit", "position"]
        verbose_name = _("đường dây nóng")
        verbose_name_plural = _("đường dây nóng")

    def __str__(self) -> str:
        return f"{self.name}: {self.number}"
