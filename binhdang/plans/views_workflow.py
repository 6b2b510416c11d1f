"""Workflow pages of a plan: submit (one button), return to draft, issue and amend (each a short
confirmation form asking for the reason, the place and date, or what the new version amends).

Every page fetches the plan through plan_for_user at the level the action needs (404 outside
the user's units, 403 below it); the services check again and take the row lock."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from binhdang.accounts.roles import Level

from . import workflow
from .access import plan_for_user
from .models import PlanStatus
from .revisions import PlanConflict
from .selectors_workflow import next_number_preview


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_l("Lý do trả lại"), max_length=workflow.REASON_MAX,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_l("Người soạn sẽ thấy lý do này trên trang kế hoạch."))


class IssueForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    document_date = forms.DateField(label=_l("Ngày ban hành"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                    help_text=_l("Để trống là hôm nay. Số văn bản lấy theo năm của ngày này."))
    place = forms.CharField(label=_l("Địa danh"), max_length=100, required=False,
                            help_text=_l("Ghi ở dòng “…, ngày … tháng … năm …”."))


class AmendForm(forms.Form):
    note = forms.CharField(label=_l("Nội dung sửa đổi"), max_length=workflow.REASON_MAX,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_l("Phiên bản mới sửa đổi điều gì, vì sao. Ghi vào hồ sơ của phiên bản mới."))


def _revision(request) -> int | None:
    """The revision the page was loaded at (None when the form did not send one)."""
    try:
        return int(request.POST.get("revision", ""))
    except ValueError:
        return None


def _apply(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _page(request, plan, form, *, title, intro, button, blocked="", extra=None, status=200):
    context = {"plan": plan, "form": form, "title": title, "intro": intro, "button": button, "blocked": blocked,
               **(extra or {})}
    return render(request, "plans/workflow_form.html", context, status=400 if form.errors else status)


@login_required
@require_POST
def plan_submit_view(request, uid):
    plan = plan_for_user(request.user, uid, level=Level.MANAGE)
    try:
        workflow.plan_submit(actor=request.user, plan=plan, expected_revision=_revision(request))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    except PlanConflict as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã trình ký kế hoạch. Hiệu trưởng sẽ xem, ban hành hoặc trả lại."))
    return redirect("plans:detail", uid=plan.uid)


@login_required
def plan_return_view(request, uid):
    plan = plan_for_user(request.user, uid, level=Level.ADMIN)
    form = ReturnForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.plan_return(actor=request.user, plan=plan, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _apply(form, exc)
        else:
            messages.success(request, _("Đã trả lại kế hoạch để sửa; kế hoạch trở về dự thảo."))
            return redirect("plans:detail", uid=plan.uid)
    blocked = "" if plan.status == PlanStatus.SUBMITTED else _("Kế hoạch không ở trạng thái chờ ký, không có gì để "
                                                                "trả lại.")
    return _page(request, plan, form, title=_("Trả lại kế hoạch để sửa"), button=_("Trả lại"), blocked=blocked,
                 intro=_("Kế hoạch trở về dự thảo; người soạn sửa xong thì trình ký lại."))


@login_required
def plan_issue_view(request, uid):
    plan = plan_for_user(request.user, uid, level=Level.ADMIN)
    today = workflow.today_in_vietnam()
    form = IssueForm(request.POST if request.method == "POST" else None,
                     initial={"revision": plan.revision, "document_date": today, "place": workflow.default_place(plan)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.plan_issue(actor=request.user, plan=plan, place=data["place"],
                                document_date=data["document_date"], expected_revision=data["revision"])
        except ValidationError as exc:
            _apply(form, exc)
        except PlanConflict as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã ban hành kế hoạch, số %(number)s.") % {"number": plan.number})
            return redirect("plans:detail", uid=plan.uid)
    blocked, preview = "", ""
    if plan.status == PlanStatus.ISSUED:
        blocked = _("Kế hoạch đã được ban hành (số %(number)s).") % {"number": plan.number}
    else:
        try:
            workflow.ensure_complete(plan)
            preview = next_number_preview(plan, today.year, workflow.issuer_code(plan))
        except ValidationError as exc:
            blocked = " ".join(exc.messages)
    intro = _("Ban hành cấp số văn bản tiếp theo trong sổ của đơn vị và khoá nội dung: sau khi ban hành, mọi thay "
              "đổi phải làm thành phiên bản sửa đổi.")
    if plan.status == PlanStatus.DRAFT and not blocked:
        intro += " " + _("Kế hoạch đang là dự thảo, chưa được trình ký: hiệu trưởng có thể ban hành thẳng.")
    return _page(request, plan, form, title=_("Ban hành kế hoạch"), intro=intro, button=_("Ban hành"),
                 blocked=blocked, extra={"preview": preview})


@login_required
def plan_amend_view(request, uid):
    plan = plan_for_user(request.user, uid, level=Level.MANAGE)
    form = AmendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            new = workflow.plan_amend(actor=request.user, plan=plan, note=form.cleaned_data["note"])
        except ValidationError as exc:
            _apply(form, exc)
        else:
            messages.success(request, _("Đã tạo phiên bản %(version)d (dự thảo). Sửa xong thì trình ký để ban hành "
                                        "với số mới.") % {"version": new.version})
            return redirect("plans:detail", uid=new.uid)
    newer = workflow.newer_version(plan)
    blocked = ""
    if plan.status != PlanStatus.ISSUED:
        blocked = _("Kế hoạch chưa ban hành thì sửa trực tiếp, không cần phiên bản sửa đổi.")
    elif newer is not None:
        blocked = _("Kế hoạch này đã có phiên bản %(version)d (%(status)s).") % {
            "version": newer.version, "status": newer.get_status_display()}
    return _page(request, plan, form, title=_("Tạo phiên bản sửa đổi"), button=_("Tạo phiên bản sửa đổi"),
                 blocked=blocked, extra={"newer": newer},
                 intro=_("Kế hoạch đã ban hành giữ nguyên. Phiên bản mới là một dự thảo chép toàn bộ nội dung để "
                         "sửa; khi ban hành, phiên bản mới được cấp số riêng."))
