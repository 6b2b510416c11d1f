"""Pages of the Action Month campaign: the list, drafting and launching (commune or Sở), the live
board of the authority, and each school's own page with its progress and its report.

Who: the campaign belongs to its issuer unit. Its members (and the levels above) read the board
(VIEW) and draft and launch it (ADMIN). A school in a launched campaign knows it exists, so its
members get 403 on the authority's actions (launch, edit) but 404 on the board, which is the
authority's business like the cascade's coverage pages; the school's page is theirs (VIEW).
"""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.orgs.models import OrgUnit

from . import campaign_report, campaigns
from .forms_campaign import CampaignForm, ItemFormSet, ReportForm
from .models import ActionMonthCampaign, CampaignSchool
from .selectors_campaign import campaign_board, campaigns_for, report_state, school_progress
from .selectors_campaign import today_in_vietnam as _today

SORT_LABELS = [("chua-ghi", _l("Chưa ghi trước")), ("ten", _l("Tên trường")), ("da-thuc-hien", _l("Đã thực hiện")),
               ("nguoi-tham-gia", _l("Người tham gia")), ("gan-nhat", _l("Gần nhất")), ("bao-cao", _l("Báo cáo"))]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def campaign_for_user(user, uid, level: Level) -> ActionMonthCampaign:
    try:
        campaign = ActionMonthCampaign.objects.select_related("issuer_unit").get(uid=uid)
    except (ActionMonthCampaign.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if access.level_in(user, campaign.issuer_unit) is None:
        below = campaign.status != ActionMonthCampaign.Status.DRAFT and any(
            path.startswith(campaign.issuer_unit.path) for path, _lvl in access._grants(user))
        if below and level > Level.VIEW:
            raise PermissionDenied
        raise Http404
    access.require(user, campaign.issuer_unit, level)
    return campaign


def entry_for_user(request, uid, level: Level) -> CampaignSchool:
    """A school's entry: the school named by ?don-vi= (officers above), else the active unit."""
    unit_uid = request.GET.get("don-vi") or request.POST.get("don-vi")
    if unit_uid:
        unit = OrgUnit.objects.filter(uid=unit_uid).first() if _is_uuid(unit_uid) else None
    else:
        unit = getattr(request, "active_unit", None)
    if unit is None:
        raise Http404
    access.require(request.user, unit, level)
    entry = (CampaignSchool.objects.select_related("campaign__issuer_unit", "unit__parent", "task_group__plan")
             .filter(campaign__uid=uid, unit=unit).exclude(campaign__status=ActionMonthCampaign.Status.DRAFT).first())
    if entry is None:
        raise Http404
    return entry


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _items(formset) -> list[dict]:
    return [form.cleaned_data for form in formset if form.cleaned_data.get("text", "").strip()]


@login_required
def campaign_list_view(request):
    unit = access.require_active_unit(request, Level.VIEW)
    can_create = not unit.is_school and access.can(request.user, unit, Level.ADMIN) and not unit.is_closed
    return render(request, "activities/campaign_list.html", {
        "unit": unit, "campaigns": list(campaigns_for(unit)), "can_create": can_create})


def _save_form(request, unit, campaign=None):
    initial = {}
    if campaign is not None:
        initial = {"theme": campaign.theme, "starts_on": campaign.starts_on, "ends_on": campaign.ends_on,
                   "report_deadline": campaign.report_deadline}
    form = CampaignForm(request.POST if request.method == "POST" else None, initial=initial)
    items = [{"kind": i.kind, "text": i.text, "required": i.required} for i in campaign.items.all()] if campaign else []
    formset = ItemFormSet(request.POST if request.method == "POST" else None, initial=items, prefix="items")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            campaign = campaigns.campaign_save(actor=request.user, unit=unit, campaign=campaign,
                                               items=_items(formset), **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(request, _("Đã lưu Tháng hành động (chưa phát động)."))
            return redirect("activities:campaign_board", uid=campaign.uid)
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/campaign_form.html", {
        "unit": unit, "campaign": campaign, "form": form, "formset": formset}, status=status)


@login_required
def campaign_create_view(request):
    unit = access.require_authority_unit(request)
    return _save_form(request, unit)


@login_required
def campaign_edit_view(request, uid):
    campaign = campaign_for_user(request.user, uid, Level.ADMIN)
    if campaign.status != ActionMonthCampaign.Status.DRAFT:
        messages.warning(request, _("Tháng hành động đã phát động: không sửa được nội dung nữa."))
        return redirect("activities:campaign_board", uid=campaign.uid)
    return _save_form(request, campaign.issuer_unit, campaign)


@login_required
def campaign_launch_view(request, uid):
    """GET: what launching (or adding the new schools) will do; POST: do it."""
    campaign = campaign_for_user(request.user, uid, Level.ADMIN)
    if request.method == "POST":
        try:
            added = campaigns.campaign_launch(actor=request.user, campaign=campaign)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã phát động đến %(n)d trường.") % {"n": added} if added
                             else _("Không có trường mới nào để thêm."))
        return redirect("activities:campaign_board", uid=campaign.uid)
    return render(request, "activities/campaign_launch.html", {
        "campaign": campaign, "new_count": campaigns.new_schools(campaign).count(),
        "items": list(campaign.items.all())})


@login_required
def campaign_board_view(request, uid):
    campaign = campaign_for_user(request.user, uid, Level.VIEW)
    sort = request.GET.get("sap-xep", "")
    only_empty = request.GET.get("chua-ghi") == "1"
    context = {"campaign": campaign, "items": list(campaign.items.all()), "sort_labels": SORT_LABELS,
               "can_admin": access.can(request.user, campaign.issuer_unit, Level.ADMIN)}
    if campaign.status != ActionMonthCampaign.Status.DRAFT:
        context["board"] = campaign_board(campaign, request.GET.get("trang"), sort=sort, only_empty=only_empty)
        context["new_count"] = campaigns.new_schools(campaign).count() if context["can_admin"] else 0
    return render(request, "activities/campaign_board.html", context)


@login_required
def campaign_school_view(request, uid):
    entry = entry_for_user(request, uid, Level.VIEW)
    progress = school_progress(entry)
    unit = entry.unit
    form = ReportForm(initial=campaign_report.report_inputs(entry))
    return render(request, "activities/campaign_school.html", {
        "entry": entry, "campaign": entry.campaign, "progress": progress, "form": form,
        "report": report_state(entry, entry.campaign.report_deadline, _today()),
        "has_file": campaign_report.report_file_exists(entry),
        "can_draft": access.can(request.user, unit, Level.MANAGE) and not entry.reported_at,
        "can_issue": access.can(request.user, unit, Level.ADMIN) and not entry.reported_at,
        "unit_query": f"?don-vi={unit.uid}" if request.GET.get("don-vi") else "",
    })


@login_required
@require_POST
def campaign_report_view(request, uid):
    """Draft (MANAGE) or issue (ADMIN) the school's report; the DOCX is made on the worker."""
    issue = request.POST.get("action") == "issue"
    entry = entry_for_user(request, uid, Level.ADMIN if issue else Level.MANAGE)
    form = ReportForm(request.POST)
    target = reverse("activities:campaign_school", kwargs={"uid": uid})
    if request.POST.get("don-vi"):
        target += f"?don-vi={entry.unit.uid}"
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(target)
    service = campaign_report.campaign_report_issue if issue else campaign_report.campaign_report_draft
    try:
        service(actor=request.user, entry=entry, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã ban hành báo cáo số %(number)s.") % {"number": entry.report_number} if issue
                         else _("Đã lập bản dự thảo báo cáo; tệp DOCX sẽ có sau ít giây."))
    return redirect(target)


@login_required
def campaign_report_download_view(request, uid):
    entry = entry_for_user(request, uid, Level.VIEW)
    name = campaign_report.storage_name(entry, "docx")
    if not campaign_report.report_file_exists(entry):
        raise Http404
    response = FileResponse(campaign_report.default_storage.open(name, "rb"), content_type=DOCX)
    filename = campaign_report.download_name(entry)
    response["Content-Disposition"] = f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}"
    return response
