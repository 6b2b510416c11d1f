"""The report workflow (issue 7, item 3): draft → approved → submitted → accepted | returned, and
a new version answering a returned one.

Who: the school drafts and edits (MANAGE there), its principal approves and submits (ADMIN there),
the issuer of the request accepts or returns (ADMIN at the issuing unit). Editing an approved
report sends it back to draft: the principal approved a text, not whatever follows.

A submitted report is frozen: every write below locks the row, re-reads the status and refuses
anything but a draft (or an approved report for submission). A return does not reopen it either:
the school answers with version n+1 (`previous` = the returned one), so what the issuer received
stays readable as it was.

Locking order as in plans.workflow: the report row first, then the register (number_allocate).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.models import Membership
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.core.notifications import notify
from binhdang.documents.codes import DocType
from binhdang.documents.services import number_allocate
from binhdang.lib.vntext import nfc
from binhdang.plans.workflow import today_in_vietnam

from . import drafting
from .models import Report, ReportEvent, ReportRequest, ReportStatus
from .scope import HEAD_ROLES, expected_schools

TEXT_MAX = 20000
COMMENT_MAX = 2000


class ReportConflict(Exception):
    """Someone saved the report since the form was loaded (the form's revision is stale)."""

    def __init__(self, report: Report):
        super().__init__(_("Báo cáo vừa được người khác sửa (phiên bản sửa %(now)d). Nội dung bạn nhập vẫn còn "
                           "dưới đây: hãy mở lại báo cáo trong thẻ khác, đối chiếu rồi lưu lại.")
                         % {"now": report.revision})
        self.report = report


def _lock(report: Report) -> None:
    report.refresh_from_db(from_queryset=Report.objects.select_for_update())


def _event(report: Report, action: str, actor, comment: str = "") -> None:
    ReportEvent.objects.create(report=report, request=report.request, unit=report.unit, action=action,
                               comment=comment, actor=actor)


def _bump(report: Report, expected: int | None = None) -> None:
    rows = Report.objects.filter(pk=report.pk)
    if expected is not None:
        rows = rows.filter(revision=expected)
    if rows.update(revision=F("revision") + 1) == 0:
        report.refresh_from_db(fields=["revision"])
        raise ReportConflict(report)
    report.refresh_from_db(fields=["revision"])


def _require_open(report: Report) -> None:
    if report.is_frozen:
        raise ValidationError(_("Báo cáo đã nộp (trạng thái “%(status)s”): không sửa được nữa. Nếu bị trả lại, "
                                "hãy lập phiên bản mới.") % {"status": report.get_status_display()})


def is_expected(request: ReportRequest, unit) -> bool:
    return request.sent_at is not None and expected_schools(request).filter(pk=unit.pk).exists()


def latest_report(request: ReportRequest, unit) -> Report | None:
    return Report.objects.filter(request=request, unit=unit).order_by("-version").first()


@transaction.atomic
def report_create(*, actor, request: ReportRequest, unit) -> Report:
    """Version 1 of the unit's report, drafted from its records; the existing one if already begun."""
    access.require(actor, unit, Level.MANAGE)
    if not is_expected(request, unit):
        raise ValidationError(_("Yêu cầu báo cáo này không gửi cho đơn vị %(unit)s.") % {"unit": unit.name})
    # Lock the request row: two people pressing "Lập báo cáo" at once create one report.
    ReportRequest.objects.select_for_update().filter(pk=request.pk).first()
    existing = latest_report(request, unit)
    if existing is not None:
        return existing
    report = Report.objects.create(request=request, unit=unit, version=1, title=request.title, created_by=actor,
                                   content=drafting.draft_for(request, unit))
    _event(report, ReportEvent.Action.DRAFTED, actor)
    record(actor=actor, unit=unit, action="report.create", target=report,
           details={"request": str(request.uid), "version": 1})
    return report


@transaction.atomic
def report_new_version(*, actor, report: Report) -> Report:
    """Version n+1 of a returned report: its content copied, the returned one left as it was."""
    access.require(actor, report.unit, Level.MANAGE)
    _lock(report)
    if report.status != ReportStatus.RETURNED:
        raise ValidationError(_("Chỉ lập phiên bản mới cho báo cáo bị trả lại."))
    newer = Report.objects.filter(previous=report).first()
    if newer is not None:
        return newer
    version = Report.objects.create(request=report.request, unit=report.unit, version=report.version + 1,
                                    previous=report, title=report.title, content=report.content, created_by=actor)
    _event(version, ReportEvent.Action.DRAFTED, actor, _("Phiên bản %(n)d, sửa từ phiên bản bị trả lại.")
           % {"n": version.version})
    record(actor=actor, unit=report.unit, action="report.new_version", target=version,
           details={"version": version.version, "previous": str(report.uid)})
    return version


def _clean_texts(title: str, texts: list[str], report: Report) -> tuple[str, list[str]]:
    title = nfc(title or "").strip()
    if not title:
        raise ValidationError({"title": _("Hãy nhập tiêu đề báo cáo.")})
    if len(title) > Report._meta.get_field("title").max_length:
        raise ValidationError({"title": _("Tiêu đề dài quá 300 ký tự.")})
    if len(texts) != len(report.content):
        raise ValidationError(_("Số phần của báo cáo đã thay đổi: hãy tải lại trang."))
    cleaned = []
    for section, text in zip(report.content, texts, strict=True):
        text = nfc(text or "").replace("\r\n", "\n").strip()
        if len(text) > TEXT_MAX:
            raise ValidationError(_("Phần “%(title)s” dài quá %(limit)d ký tự.")
                                  % {"title": section.get("title", ""), "limit": TEXT_MAX})
        cleaned.append(text)
    return title, cleaned


def _back_to_draft(report: Report) -> bool:
    if report.status == ReportStatus.APPROVED:
        report.status = ReportStatus.DRAFT
        return True
    return False


@transaction.atomic
def report_edit(*, actor, report: Report, title: str, texts: list[str], expected_revision: int | None) -> Report:
    """Save the typed texts (figures untouched); an approved report goes back to draft."""
    access.require(actor, report.unit, Level.MANAGE)
    _lock(report)
    _require_open(report)
    title, texts = _clean_texts(title, texts, report)
    _bump(report, expected_revision)
    report.title = title
    report.content = [{**section, "text": text} for section, text in zip(report.content, texts, strict=True)]
    reopened = _back_to_draft(report)
    report.save(update_fields=["title", "content", "status", "updated_at"])
    _event(report, ReportEvent.Action.EDITED, actor, _("Sửa sau khi đã duyệt: trở lại dự thảo.") if reopened else "")
    record(actor=actor, unit=report.unit, action="report.edit", target=report,
           details={"revision": report.revision, "reopened": reopened})
    return report


@transaction.atomic
def report_refresh(*, actor, report: Report) -> Report:
    """"Làm mới số liệu": re-read every figure from its source; the texts stay as typed."""
    access.require(actor, report.unit, Level.MANAGE)
    _lock(report)
    _require_open(report)
    _bump(report)
    report.content = drafting.refreshed_figures(report.content, report.request, report.unit)
    reopened = _back_to_draft(report)
    report.save(update_fields=["content", "status", "updated_at"])
    _event(report, ReportEvent.Action.EDITED, actor, _("Làm mới số liệu."))
    record(actor=actor, unit=report.unit, action="report.refresh", target=report,
           details={"revision": report.revision, "reopened": reopened})
    return report


@transaction.atomic
def report_approve(*, actor, report: Report) -> Report:
    access.require(actor, report.unit, Level.ADMIN)
    _lock(report)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("Chỉ duyệt được báo cáo dự thảo; báo cáo này đang ở trạng thái “%(status)s”.")
                              % {"status": report.get_status_display()})
    _bump(report)
    report.status = ReportStatus.APPROVED
    report.save(update_fields=["status", "updated_at"])
    _event(report, ReportEvent.Action.APPROVED, actor)
    record(actor=actor, unit=report.unit, action="report.approve", target=report, details={"version": report.version})
    return report


@transaction.atomic
def report_submit(*, actor, report: Report) -> Report:
    """Approved → submitted: numbered from the school's register (BC), late if after the due day."""
    access.require(actor, report.unit, Level.ADMIN)
    _lock(report)
    if report.status != ReportStatus.APPROVED:
        raise ValidationError(_("Báo cáo phải được hiệu trưởng duyệt trước khi nộp; báo cáo này đang ở trạng thái "
                                "“%(status)s”.") % {"status": report.get_status_display()})
    code = report.unit.short_name.strip()
    if not code:
        raise ValidationError(_("Đơn vị “%(unit)s” chưa có tên viết tắt, nên chưa ghi được ký hiệu văn bản (ví dụ "
                                "“BC-THLTK”). Quản trị viên điền ô “Tên viết tắt” của đơn vị, rồi nộp lại.")
                              % {"unit": report.unit.name})
    today = today_in_vietnam()
    issued = number_allocate(actor=actor, unit=report.unit, year=today.year, doc_type=DocType.REPORT,
                             issuer_code=code, target_label=report.title, target_uid=report.uid,
                             target_type=Report._meta.label_lower)
    _bump(report)
    report.number = issued.display
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.is_late = today > report.request.due_on
    report.save(update_fields=["number", "status", "submitted_at", "is_late", "updated_at"])
    _event(report, ReportEvent.Action.SUBMITTED, actor)
    record(actor=actor, unit=report.unit, action="report.submit", target=report,
           details={"number": report.number, "version": report.version, "is_late": report.is_late})
    return report


def _notify_principals(report: Report, kind: str, title: str, body: str = "") -> None:
    url = reverse("reports:report_detail", kwargs={"uid": report.uid})
    principals = Membership.objects.filter(unit=report.unit, role__in=HEAD_ROLES, is_active=True).select_related("user")
    for membership in principals:
        notify(membership.user, report.unit, "report", f"report:{report.uid}:{kind}", title, body, url)


def _require_issuer(actor, report: Report) -> None:
    if not access.can(actor, report.request.issuer_unit, Level.ADMIN):
        # Seen from the school (or a unit below the issuer): the report is readable, the decision is not theirs.
        access.require(actor, report.unit, Level.VIEW)
        raise PermissionDenied


def _decide(actor, report: Report, status: str) -> Report:
    _require_issuer(actor, report)
    _lock(report)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Chỉ tiếp nhận hoặc trả lại được báo cáo đã nộp; báo cáo này đang ở trạng thái "
                                "“%(status)s”.") % {"status": report.get_status_display()})
    report.status = status
    report.save(update_fields=["status", "updated_at"])
    return report


@transaction.atomic
def report_accept(*, actor, report: Report) -> Report:
    _decide(actor, report, ReportStatus.ACCEPTED)
    _event(report, ReportEvent.Action.ACCEPTED, actor)
    record(actor=actor, unit=report.request.issuer_unit, action="report.accept", target=report,
           details={"number": report.number, "version": report.version})
    _notify_principals(report, "accepted", _("Báo cáo “%(title)s” đã được tiếp nhận") % {"title": report.title})
    return report


@transaction.atomic
def report_return(*, actor, report: Report, comment: str) -> Report:
    _require_issuer(actor, report)  # before the comment: a refusal must not depend on what was typed
    comment = nfc(comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Hãy ghi nhận xét khi trả lại để trường biết cần sửa gì.")})
    if len(comment) > COMMENT_MAX:
        raise ValidationError({"comment": _("Nhận xét dài quá %(limit)d ký tự.") % {"limit": COMMENT_MAX}})
    _decide(actor, report, ReportStatus.RETURNED)
    _event(report, ReportEvent.Action.RETURNED, actor, comment)
    record(actor=actor, unit=report.request.issuer_unit, action="report.return", target=report,
           details={"number": report.number, "version": report.version, "comment": comment})
    _notify_principals(report, "returned", _("Báo cáo “%(title)s” bị trả lại") % {"title": report.title}, comment)
    return report
