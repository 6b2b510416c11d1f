"""The plan workflow: draft → submitted → issued, back to draft, and new versions of an issued plan.

Who: submitting and amending are MANAGE work (committee member); returning to draft and
issuing are ADMIN (principal). A principal may also issue a *draft* directly: at a small
school the principal often writes and signs the plan alone, and a submit-to-yourself step
would add nothing. The audit row keeps the status the plan was issued from, so a plan that
skipped submission is visible as such.

Issuing takes the next number from the issuer's register for the year of the issue date
(the unit's series, or the Ban VSTBPN's own when the plan is the body's) and freezes the plan.
A change after that is a new version (plan_amend): a draft that is edited, submitted and
issued with a number of its own; the old version stays issued and readable.

Locking: each transition first locks the plan row (SELECT … FOR UPDATE) and re-reads it, so
two people pressing "Ban hành" at once issue the plan once; number_allocate then locks the
register row, so two plans issued at once get consecutive numbers. Always plan first, register
second: one order, hence no deadlock between two issuers.
"""

import datetime as dt
from zoneinfo import ZoneInfo

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
from binhdang.orgs.models import OrgKind

from .copying import plan_copy_content
from .models import Plan, PlanSection, PlanStatus, Target, Task
from .revisions import revision_bump

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# What plan_create_from_parsed writes when a file had no title (trích yếu).
NO_TITLE = "(chưa có trích yếu)"
REASON_MAX = 1000


def today_in_vietnam() -> dt.date:
    """The date on the văn thư's calendar, whatever the server's zone."""
    return timezone.now().astimezone(VIETNAM).date()


def _lock(plan: Plan) -> None:
    """Lock the plan row until the transaction ends and reload it: the status checked next is
    the one committed by whoever held the lock before (PostgreSQL; SQLite serialises writers)."""
    plan.refresh_from_db(from_queryset=Plan.objects.select_for_update())


def ensure_complete(plan: Plan) -> None:
    """A plan goes to the principal (or out) only with a title and some content."""
    problems = []
    if plan.title.strip() in ("", NO_TITLE, _(NO_TITLE)):
        problems.append(_("Kế hoạch chưa có trích yếu (tên kế hoạch): hãy nhập trích yếu trước."))
    has_content = (PlanSection.objects.filter(plan=plan).exists() or Task.objects.filter(group__plan=plan).exists()
                   or Target.objects.filter(plan=plan).exists())
    if not has_content:
        problems.append(_("Kế hoạch chưa có nội dung (mục, nhiệm vụ hoặc chỉ tiêu): hãy soạn nội dung trước."))
    if problems:
        raise ValidationError(problems)


def _clean_text(value: str | None, field: str, message: str) -> str:
    value = nfc(value or "").strip()
    if not value:
        raise ValidationError({field: message})
    if len(value) > REASON_MAX:
        raise ValidationError({field: _("Nội dung dài quá %(limit)d ký tự.") % {"limit": REASON_MAX}})
    return value


def issuer_code(plan: Plan) -> str:
    """The issuer part of the document code ("THLTK" in "05/KH-THLTK"), or a ValidationError
    that says where to set it."""
    if plan.issuer_body_id:
        code = plan.issuer_body.short_name.strip()
        if not code:
            raise ValidationError(_(
                "Tổ chức “%(body)s” chưa có tên viết tắt, nên chưa ghi được ký hiệu văn bản (ví dụ “KH-BVSTBPN”). "
                "Quản trị viên điền ô “Viết tắt” của tổ chức ở trang Quản trị › Tổ chức trong trường, "
                "rồi ban hành lại.") % {"body": plan.issuer_body.name})
        return code
    code = plan.issuer_unit.short_name.strip()
    if not code:
        raise ValidationError(_(
            "Đơn vị “%(unit)s” chưa có tên viết tắt, nên chưa ghi được ký hiệu văn bản (ví dụ “KH-THLTK”). "
            "Quản trị viên điền ô “Tên viết tắt” của đơn vị ở trang Quản trị › Đơn vị, rồi ban hành lại.")
            % {"unit": plan.issuer_unit.name})
    return code


def default_place(plan: Plan) -> str:
    """The place of the place-date line, as a văn thư would write it: the plan's own, else the
    unit's, else (a school without one) the place of the commune it belongs to; "" when none is known."""
    unit = plan.issuer_unit
    if plan.place.strip() or unit.place.strip():
        return plan.place.strip() or unit.place.strip()
    parent = unit.parent
    return parent.place.strip() if parent is not None and parent.kind == OrgKind.COMMUNE else ""


@transaction.atomic
def plan_submit(*, actor, plan: Plan, expected_revision: int | None = None) -> Plan:
    """Draft → submitted: the committee hands the plan to the principal for signing."""
    access.require(actor, plan.issuer_unit, Level.MANAGE)
    _lock(plan)
    if plan.status == PlanStatus.SUBMITTED:
        raise ValidationError(_("Kế hoạch đã được trình ký, đang chờ hiệu trưởng ban hành hoặc trả lại."))
    if plan.status == PlanStatus.ISSUED:
        raise ValidationError(_("Kế hoạch đã ban hành (số %(number)s): không trình ký lại được.")
                              % {"number": plan.number})
    ensure_complete(plan)
    revision_bump(plan, expected=expected_revision)
    plan.status = PlanStatus.SUBMITTED
    plan.submitted_at = timezone.now()
    plan.submitted_by = actor
    plan.save(update_fields=["status", "submitted_at", "submitted_by"])
    record(actor=actor, unit=plan.issuer_unit, action="plan.submit", target=plan,
           details={"revision": plan.revision, "version": plan.version})
    return plan


@transaction.atomic
def plan_return(*, actor, plan: Plan, reason: str) -> Plan:
    """Submitted → draft, with the principal's reason (kept in the audit row and shown on the plan)."""
    access.require(actor, plan.issuer_unit, Level.ADMIN)
    reason = _clean_text(reason, "reason", _("Hãy ghi lý do trả lại để người soạn biết cần sửa gì."))
    _lock(plan)
    if plan.status != PlanStatus.SUBMITTED:
        raise ValidationError(_("Chỉ trả lại được kế hoạch đang chờ ký; kế hoạch này đang ở trạng thái “%(status)s”.")
                              % {"status": plan.get_status_display()})
    revision_bump(plan)
    plan.status = PlanStatus.DRAFT
    plan.submitted_at = None
    plan.submitted_by = None
    plan.save(update_fields=["status", "submitted_at", "submitted_by"])
    record(actor=actor, unit=plan.issuer_unit, action="plan.return", target=plan,
           details={"reason": reason, "revision": plan.revision})
    return plan


@transaction.atomic
def plan_issue(*, actor, plan: Plan, place: str | None = None, document_date: dt.date | None = None,
               expected_revision: int | None = None) -> Plan:
    """Submitted (or, by the principal, draft) → issued, with the next number of the issuer's register.

    `place` empty keeps the plan's place, else the unit's; `document_date` empty is today in
    Vietnam. The number's year is the year of `document_date`."""
    access.require(actor, plan.issuer_unit, Level.ADMIN)
    _lock(plan)
    if plan.status == PlanStatus.ISSUED:
        raise ValidationError(_("Kế hoạch đã được ban hành (số %(number)s), không ban hành lại.")
                              % {"number": plan.number})
    ensure_complete(plan)
    code = issuer_code(plan)
    today = today_in_vietnam()
    document_date = document_date or today
    if document_date > today:
        raise ValidationError({"document_date": _("Ngày ban hành không được sau hôm nay (%(today)s).")
                               % {"today": today.strftime("%d/%m/%Y")}})
    place = nfc(place or "").strip() or default_place(plan)
    if not place:
        raise ValidationError({"place": _("Chưa có địa danh cho dòng “…, ngày … tháng … năm …”: hãy nhập địa danh "
                                          "(ví dụ “Đống Đa”), hoặc điền ô “Địa danh” của đơn vị.")})
    if len(place) > Plan._meta.get_field("place").max_length:
        raise ValidationError({"place": _("Địa danh dài quá 100 ký tự.")})
    from_status = plan.status
    revision_bump(plan, expected=expected_revision)
    issued = number_allocate(
        actor=actor, unit=plan.issuer_unit, body=plan.issuer_body, year=document_date.year,
        doc_type=DocType.PLAN, issuer_code=code, target_label=plan.title, target_uid=plan.uid,
        target_type=Plan._meta.label_lower,
    )
    plan.issued_number = issued
    plan.number = issued.display
    plan.document_date = document_date
    plan.place = place
    plan.status = PlanStatus.ISSUED
    plan.issued_at = timezone.now()
    plan.issued_by = actor
    plan.save(update_fields=["issued_number", "number", "document_date", "place", "status", "issued_at",
                             "issued_by"])
    record(actor=actor, unit=plan.issuer_unit, action="plan.issue", target=plan, details={
        "number": plan.number, "from_status": from_status, "document_date": document_date.isoformat(),
        "place": place, "version": plan.version, "revision": plan.revision,
        "amends": str(plan.amends.uid) if plan.amends_id else None,
    })
    return plan


def newer_version(plan: Plan) -> Plan | None:
    """The version that amends `plan`, if any (at most one: plan_amend refuses a second)."""
    return Plan.objects.filter(amends=plan).order_by("-version", "-id").first()


@transaction.atomic
def plan_amend(*, actor, plan: Plan, note: str) -> Plan:
    """A new draft version of an issued plan, with the same content to edit; `note` says what it amends."""
    access.require(actor, plan.issuer_unit, Level.MANAGE)
    note = _clean_text(note, "note", _("Hãy ghi nội dung sửa đổi (sửa đổi điều gì, vì sao)."))
    # Locking the issued plan makes two amendments started at once line up: the second sees the first.
    _lock(plan)
    if plan.status != PlanStatus.ISSUED:
        raise ValidationError(_("Chỉ kế hoạch đã ban hành mới cần phiên bản sửa đổi; kế hoạch chưa ban hành thì "
                                "sửa trực tiếp."))
    newer = newer_version(plan)
    if newer is not None and newer.status != PlanStatus.ISSUED:
        raise ValidationError(
            _("Kế hoạch này đã có phiên bản sửa đổi %(version)d (%(status)s): hãy sửa tiếp phiên bản đó.")
            % {"version": newer.version, "status": newer.get_status_display()}, code="amendment_pending")
    if newer is not None:
        raise ValidationError(
            _("Kế hoạch này đã được sửa đổi bởi phiên bản %(version)d (số %(number)s): hãy tạo sửa đổi từ "
              "phiên bản mới nhất.") % {"version": newer.version, "number": newer.number}, code="superseded")
    new = Plan.objects.create(
        issuer_unit=plan.issuer_unit, issuer_body=plan.issuer_body, kind=plan.kind, year=plan.year,
        period_start=plan.period_start, period_end=plan.period_end, title=plan.title, place=plan.place,
        signer_authority=plan.signer_authority, signer_on_behalf_of=plan.signer_on_behalf_of,
        signer_position=plan.signer_position, signer_name=plan.signer_name, source_plan=plan.source_plan,
        version=plan.version + 1, amends=plan, amendment_note=note,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    # The new version keeps carrying out the same tasks of the plan above.
    plan_copy_content(plan, new, implements=False, keep_implements=True)
    record(actor=actor, unit=plan.issuer_unit, action="plan.amend", target=new, details={
        "amends": str(plan.uid), "amends_number": plan.number, "version": new.version, "note": note,
    })
    return new
