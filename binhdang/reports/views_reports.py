"""Pages of one report: read it (the school and the issuer), edit its text, and the workflow's
POST actions. Thin: access here, every write in workflow.py, every read in selectors below."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts import access
from binhdang.accounts.roles import Level

from . import highlights, workflow
from .drafting import disaggregation_label
from .models import Report, ReportEvent, ReportRequest, ReportStatus


def report_for_user(user, uid, level: Level = Level.VIEW) -> Report:
    """The report if the user may read it (at the school or at the issuer), else 404; with a
    higher level, 403 when the user reads it but lacks that level at the school."""
    report = get_object_or_404(Report.objects.select_related("request__issuer_unit", "unit", "previous"), uid=uid)
    readable = access.can(user, report.unit, Level.VIEW) or access.can(user, report.request.issuer_unit, Level.VIEW)
    if not readable:
        raise Http404
    if level > Level.VIEW and not access.can(user, report.unit, level):
        raise PermissionDenied
    return report


def _sections(report: Report) -> list[dict]:
    return [{**section, "figures": [{**f, "label": disaggregation_label(f.get("disaggregation", ""))}
                                    for f in section.get("figures", [])]} for section in report.content]


@login_required
def report_detail_view(request, uid):
    report = report_for_user(request.user, uid)
    user, unit, issuer = request.user, report.unit, report.request.issuer_unit
    versions = Report.objects.filter(request=report.request, unit=unit).order_by("version")
    events = (ReportEvent.objects.filter(request=report.request, unit=unit).select_related("actor", "report")
              .order_by("at", "id"))
    is_issuer = access.can(user, issuer, Level.ADMIN)
    return render(request, "reports/report_detail.html", {
        "report": report, "sections": _sections(report), "versions": versions, "events": events,
        "can_edit": not report.is_frozen and access.can(user, unit, Level.MANAGE),
        "can_approve": report.status == ReportStatus.DRAFT and access.can(user, unit, Level.ADMIN),
        "can_submit": report.status == ReportStatus.APPROVED and access.can(user, unit, Level.ADMIN),
        "can_decide": report.status == ReportStatus.SUBMITTED and is_issuer,
        "can_new_version": (report.status == ReportStatus.RETURNED and access.can(user, unit, Level.MANAGE)
                            and not hasattr(report, "next")),
        "highlights": _highlight_choices(report) if highlights.may_pick(user, report) else None,
    })


def _highlight_choices(report: Report) -> list[dict]:
    picked = set(report.picked_highlights.values_list("position", flat=True))
    return [{"position": n, "text": line, "picked": n in picked}
            for n, line in enumerate(highlights.highlight_lines(report))]


@login_required
@require_POST
def report_highlights_view(request, uid):
    """The issuer picks which highlight lines of a handed-in report go into its consolidation."""
    report = report_for_user(request.user, uid)
    try:
        positions = [int(value) for value in request.POST.getlist("line")]
    except ValueError:
        positions = [-1]

    def pick() -> None:  # back to the same report page (the picks are not a report)
        highlights.highlights_pick(actor=request.user, report=report, positions=positions)

    return _act(request, report, pick, _("Đã lưu các hoạt động nổi bật chọn đưa vào báo cáo tổng hợp."))


def _texts(post, report: Report) -> list[str]:
    return [post.get(f"section-{index}", "") for index in range(len(report.content))]


@login_required
def report_edit_view(request, uid):
    report = report_for_user(request.user, uid, Level.MANAGE)
    if report.is_frozen:
        messages.warning(request, _("Báo cáo đã nộp: không sửa được nữa."))
        return redirect("reports:report_detail", uid=report.uid)
    title, texts, revision, status, error = report.title, [s.get("text", "") for s in report.content], \
        report.revision, 200, None
    if request.method == "POST":
        title, texts = request.POST.get("title", ""), _texts(request.POST, report)
        try:
            revision = int(request.POST.get("revision", ""))
        except ValueError:
            revision = -1  # a form without its revision cannot prove it saw the current text
        try:
            workflow.report_edit(actor=request.user, report=report, title=title, texts=texts,
                                 expected_revision=revision)
        except workflow.ReportConflict as exc:
            status, error = 409, str(exc)
        except ValidationError as exc:
            status, error = 400, " ".join(exc.messages)
        else:
            messages.success(request, _("Đã lưu báo cáo."))
            return redirect("reports:report_detail", uid=report.uid)
    fields = [{"index": i, "title": s.get("title", ""), "text": text, "figures": s.get("figures", [])}
              for i, (s, text) in enumerate(zip(report.content, texts, strict=True))]
    return render(request, "reports/report_form.html", {
        "report": report, "title": title, "fields": fields, "revision": revision, "error": error,
    }, status=status)


def _act(request, report: Report, action, success: str):
    try:
        result = action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:report_detail", uid=report.uid)
    messages.success(request, success)
    return redirect("reports:report_detail", uid=(result or report).uid)


@login_required
@require_POST
def report_approve_view(request, uid):
    report = report_for_user(request.user, uid, Level.ADMIN)
    return _act(request, report, lambda: workflow.report_approve(actor=request.user, report=report),
                _("Đã duyệt báo cáo."))


@login_required
@require_POST
def report_submit_view(request, uid):
    report = report_for_user(request.user, uid, Level.ADMIN)
    return _act(request, report, lambda: workflow.report_submit(actor=request.user, report=report),
                _("Đã nộp báo cáo."))


@login_required
@require_POST
def report_refresh_view(request, uid):
    report = report_for_user(request.user, uid, Level.MANAGE)
    return _act(request, report, lambda: workflow.report_refresh(actor=request.user, report=report),
                _("Đã làm mới số liệu; phần chữ giữ nguyên."))


@login_required
@require_POST
def report_new_version_view(request, uid):
    report = report_for_user(request.user, uid, Level.MANAGE)
    return _act(request, report, lambda: workflow.report_new_version(actor=request.user, report=report),
                _("Đã lập phiên bản mới từ báo cáo bị trả lại."))


@login_required
@require_POST
def report_accept_view(request, uid):
    report = report_for_user(request.user, uid)
    return _act(request, report, lambda: workflow.report_accept(actor=request.user, report=report),
                _("Đã tiếp nhận báo cáo."))


@login_required
@require_POST
def report_return_view(request, uid):
    report = report_for_user(request.user, uid)
    return _act(request, report, lambda: workflow.report_return(actor=request.user, report=report,
                                                                 comment=request.POST.get("comment", "")),
                _("Đã trả lại báo cáo cho trường."))


@login_required
@require_POST
def report_start_view(request, uid):
    """A school starts (or reopens) its report for a request it is asked for."""
    unit = access.require_active_unit(request, Level.MANAGE)
    report_request = get_object_or_404(ReportRequest, uid=uid, sent_at__isnull=False)
    if not workflow.is_expected(report_request, unit):
        raise Http404
    report = workflow.report_create(actor=request.user, request=report_request, unit=unit)
    return redirect("reports:report_detail", uid=report.uid)
