"""Writes for commendations (khen thưởng, biểu dương): a committee member (MANAGE) nominates someone
of the school; the principal (ADMIN) approves, which issues the decision with its own number, or
rejects with a note.

One decision per nomination: Commendation.issued_number is one-to-one with documents.IssuedNumber,
so each approved nomination carries its own number ("03/QĐ-THA"); approving several at once gives
them consecutive numbers in one transaction (all or none). A single decision naming several people
would need a decision row shared by nominations, i.e. a model change.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.documents.codes import DocType
from binhdang.documents.services import number_allocate
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import InternalBody, OrgUnit
from binhdang.people.models import StaffMember, Student
from binhdang.plans.workflow import today_in_vietnam

from .models import Activity, Commendation

NOMINEE_FIELDS = {StaffMember: "nominee_staff", Student: "nominee_student", InternalBody: "nominee_body",
                  OrgUnit: "nominee_unit"}
NOTE_MAX = 2000


def _nominee_unit_id(nominee) -> int:
    return nominee.pk if isinstance(nominee, OrgUnit) else nominee.unit_id


@transaction.atomic
def commendation_propose(*, actor, unit: OrgUnit, form: str, nominee, reason: str,
                         activities=()) -> Commendation:
    """Nominate a staff member, a student, an internal body or the school itself, of `unit`."""
    access.require(actor, unit, Level.MANAGE)
    if not unit.is_school:
        raise ValidationError(_("Đề nghị khen thưởng được lập ở trường: hãy chọn trường đang làm việc."))
    field = NOMINEE_FIELDS.get(type(nominee))
    if field is None or _nominee_unit_id(nominee) != unit.pk:
        raise ValidationError({"nominee": _("Người hoặc tập thể được đề nghị phải thuộc trường.")})
    if form not in Commendation.Form.values:
        raise ValidationError({"form": _("Hình thức khen thưởng không hợp lệ.")})
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi thành tích, lý do đề nghị.")})
    activities = list(activities)
    if any(a.unit_id != unit.pk for a in activities):
        raise ValidationError({"activities": _("Chỉ gắn các hoạt động của trường.")})
    commendation = Commendation.objects.create(unit=unit, form=form, reason=reason, proposed_by=actor,
                                               **{field: nominee})
    commendation.activities.set(activities)
    record(actor=actor, unit=unit, action="activity.commendation_propose", target=commendation,
           details={"form": form, "nominee": str(nominee), "nominee_type": field,
                    "activities": [str(a.uid) for a in activities]})
    return commendation


def _lock_proposed(commendation: Commendation) -> Commendation:
    """Lock the row and reload it: a nomination pressed twice is decided once."""
    locked = Commendation.objects.select_for_update().select_related("unit").get(pk=commendation.pk)
    if locked.status != Commendation.Status.PROPOSED:
        raise ValidationError(_("Đề nghị này đã được quyết định (%(status)s).")
                              % {"status": locked.get_status_display()})
    return locked


@transaction.atomic
def commendation_approve(*, actor, unit: OrgUnit, commendations, decision_date=None, note: str = "") -> list:
    """Approve nominations of `unit`: each gets the next QĐ number of the school's register for the
    year of the decision date (default today in Vietnam, never in the future)."""
    access.require(actor, unit, Level.ADMIN)
    today = today_in_vietnam()
    decision_date = decision_date or today
    if decision_date > today:
        raise ValidationError({"decision_date": _("Ngày quyết định không được sau hôm nay.")})
    issuer_code = unit.short_name.strip()
    if not issuer_code:
        raise ValidationError(_("Trường “%(unit)s” chưa có tên viết tắt để ghi số, ký hiệu quyết định "
                                "(ví dụ QĐ-THA). Hãy nhập tên viết tắt trong trang đơn vị trước khi duyệt.")
                              % {"unit": unit.name})
    commendations = sorted(commendations, key=lambda c: c.pk)
    if not commendations:
        raise ValidationError(_("Hãy chọn ít nhất một đề nghị để duyệt."))
    approved = []
    for commendation in commendations:
        if commendation.unit_id != unit.pk:
            raise ValidationError(_("Đề nghị không thuộc trường này."))
        locked = _lock_proposed(commendation)
        issued = number_allocate(actor=actor, unit=unit, year=decision_date.year, doc_type=DocType.DECISION,
                                 issuer_code=issuer_code, target_label=str(locked)[:255], target_uid=str(locked.uid),
                                 target_type="activities.commendation")
        locked.issued_number, locked.number, locked.decision_date = issued, issued.display, decision_date
        locked.status, locked.decided_by, locked.decided_at = Commendation.Status.APPROVED, actor, timezone.now()
        locked.decision_note = nfc(note).strip()[:NOTE_MAX]
        locked.save()
        record(actor=actor, unit=unit, action="activity.commendation_approve", target=locked,
               details={"number": locked.number, "decision_date": decision_date.isoformat()})
        approved.append(locked)
    return approved


@transaction.atomic
def commendation_reject(*, actor, unit: OrgUnit, commendation: Commendation, note: str) -> Commendation:
    access.require(actor, unit, Level.ADMIN)
    note = nfc(note).strip()
    if not note:
        raise ValidationError({"note": _("Hãy ghi lý do không duyệt: người đề nghị sẽ đọc lý do này.")})
    if commendation.unit_id != unit.pk:
        raise ValidationError(_("Đề nghị không thuộc trường này."))
    locked = _lock_proposed(commendation)
    locked.status, locked.decided_by, locked.decided_at = Commendation.Status.REJECTED, actor, timezone.now()
    locked.decision_note = note[:NOTE_MAX]
    locked.save()
    record(actor=actor, unit=unit, action="activity.commendation_reject", target=locked, details={"note": note})
    return locked


def linkable_activities(unit: OrgUnit):
    """Activities a nomination may cite: the school's own, newest first."""
    return Activity.objects.filter(unit=unit).exclude(status="cancelled").order_by("-starts_at", "-id")
