"""What a case team records while handling a case (issue 5, items 2, 3 and 5): the people in
the case, consent, referrals (and the named officers above who may then open the case), and
attachments. Names, notes, reasons and file contents are sealed under the case's data key;
plain columns hold only what lists, access checks and counts need."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .cases import AgeBand, Case


class PersonRole(models.TextChoices):
    VICTIM = "victim", _("Người bị hại")
    PERPETRATOR = "perpetrator", _("Người bị cho là gây hại")
    WITNESS = "witness", _("Người chứng kiến")
    REPORTER = "reporter", _("Người báo tin")


class PersonSex(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")
    UNKNOWN = "U", _("Chưa rõ")


class CasePerson(models.Model):
    """One person in a case with their own role. The name and the details (class, contact,
    relation to the child) are sealed; sex and age band are plain because statistics count them."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("vai trò"), max_length=20, choices=PersonRole.choices)
    name_sealed = models.BinaryField()
    details_sealed = models.BinaryField(null=True, blank=True)
    sex = models.CharField(_("giới tính"), max_length=1, choices=PersonSex.choices, default=PersonSex.UNKNOWN)
    age_band = models.CharField(_("nhóm tuổi"), max_length=5, choices=AgeBand.choices, blank=True)
    is_child = models.BooleanField(_("là trẻ em (dưới 16 tuổi)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["case", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.role} {self.uid}"  # never the name


class ConsentPurpose(models.TextChoices):
    SERVICES = "services", _("Nhận dịch vụ hỗ trợ")
    REFERRAL = "referral", _("Chuyển gửi ra ngoài nhà trường")
    STATISTICS = "statistics", _("Đưa vào số liệu thống kê (chỉ số đếm)")


class Consent(models.Model):
    """Consent to one purpose. The law asks for the child's own consent from age 7 and a
    parent's (or guardian's) always; `child_agreed` is None when the child is under 7.
    A later row for the same purpose supersedes an earlier one (history kept)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("mục đích"), max_length=20, choices=ConsentPurpose.choices)
    child_aged_7_plus = models.BooleanField(_("trẻ từ đủ 7 tuổi"), default=True)
    child_agreed = models.BooleanField(_("trẻ đồng ý"), null=True, blank=True)
    parent_agreed = models.BooleanField(_("cha, mẹ hoặc người giám hộ đồng ý"), default=False)
    note_sealed = models.BinaryField(null=True, blank=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["case", "purpose", "-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"consent {self.purpose} {self.uid}"

    @property
    def given(self) -> bool:
        """Both consents the law asks for: the parent's, and the child's from age 7."""
        return bool(self.parent_agreed) and (not self.child_aged_7_plus or bool(self.child_agreed))


class ReferralTarget(models.TextChoices):
    HOTLINE_111 = "hotline_111", _("Tổng đài 111")
    POLICE = "police", _("Công an")
    COMMUNE = "commune", _("UBND xã, phường")
    SOCIAL_WORK = "social_work", _("Trung tâm công tác xã hội")
    HEALTH = "health", _("Cơ sở y tế")
    EDUCATION = "education", _("Cơ quan quản lý giáo dục cấp trên")
    OTHER = "other", _("Khác")


class Referral(models.Model):
    """A referral out of the school. `officers` are named users of the authority above
    (`to_unit`) who may open this one case while the referral is active (not ended).
    Without a given referral consent it needs an override with a reason (sealed, audited)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    target = models.CharField(_("chuyển đến"), max_length=20, choices=ReferralTarget.choices)
    to_unit = models.ForeignKey("orgs.OrgUnit", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", verbose_name=_("đơn vị nhận"))
    officers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="case_referrals",
                                      verbose_name=_("cán bộ được xem vụ việc"))
    note_sealed = models.BinaryField(null=True, blank=True)
    consent_override = models.BooleanField(default=False)
    override_reason_sealed = models.BinaryField(null=True, blank=True)
    referred_at = models.DateTimeField()
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        ordering = ["case", "referred_at", "id"]

    def __str__(self) -> str:
        return f"referral {self.target} {self.uid}"


def attachment_path(instance, filename: str) -> str:
    # Never the uploaded name (it can name the child): the uid only; contents are sealed.
    return f"cases/{instance.case.uid}/{instance.uid}.sealed"


class CaseAttachment(models.Model):
    """A file under a case, stored only as ciphertext (sealed bytes) through Django's storage.
    The original name and type are sealed too; the size is plain (for limits)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    blob = models.FileField(upload_to=attachment_path, max_length=200)
    name_sealed = models.BinaryField()
    content_type_sealed = models.BinaryField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["case", "created_at", "id"]

    def __str__(self) -> str:
        return f"attachment {self.uid}"
