"""Plan targets linked to indicators: the unit's targets page and the link form of one target."""

import uuid
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binhdang.accounts.access import can, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.plans.access import plan_for_user
from binhdang.plans.models import Target

from . import services
from .models import Indicator
from .periods import PeriodError, current, parse, recent
from .targets import targets_page


@login_required
def target_list(request):
    unit = require_active_unit(request, Level.VIEW)
    period = (request.GET.get("ky") or current()).strip()
    try:
        parse(period)
    except PeriodError as exc:
        raise Http404 from exc
    return render(request, "indicators/targets.html", {
        "unit": unit, "period": period, "periods": recent(5, until=max(current(), period)),
        "can_link": can(request.user, unit, Level.MANAGE) and not unit.is_closed,
        **targets_page(unit, period),
    })


def _disaggregations(indicator: Indicator) -> list[tuple[str, str]]:
    options = [("", _("Tổng"))]
    if "sex" in (indicator.disaggregations or []):
        options += [("sex=F", _("Nữ")), ("sex=M", _("Nam"))]
    return options


def _clean(data) -> tuple[dict, list[str]]:
    """The link form's values, or Vietnamese messages naming the field."""
    errors, values = [], {}
    raw = data.get("indicator") or ""
    indicator = Indicator.objects.filter(is_active=True, uid=raw).first() if _is_uuid(raw) else None
    if indicator is None:
        errors.append(_("Chỉ số: hãy chọn một chỉ số trong danh mục."))
    else:
        values["indicator"] = indicator
        key = data.get("disaggregation", "")
        if key not in dict(_disaggregations(indicator)):
            errors.append(_("Phân tổ: lựa chọn không hợp lệ với chỉ số này."))
        values["disaggregation"] = key
    try:
        goal = Decimal((data.get("goal") or "").strip().replace(",", "."))
        if not goal.is_finite() or goal < 0 or goal >= Decimal("1e10"):
            raise InvalidOperation
        values["goal"] = goal.quantize(Decimal("0.01"))
    except InvalidOperation:
        errors.append(_("Giá trị mục tiêu: cần một số không âm, ví dụ 50 hoặc 12,5."))
    values["higher_is_better"] = data.get("direction", "up") != "down"
    return values, errors


def _is_uuid(text) -> bool:
    try:
        uuid.UUID(str(text))
    except ValueError:
        return False
    return True


@login_required
def target_link(request, uid, position: int):
    """Link one target of a plan (by the plan's uid and the target's position) to an indicator:
    MANAGE on the plan's issuer unit."""
    plan = plan_for_user(request.user, uid, level=Level.MANAGE)
    target = Target.objects.filter(plan=plan, position=position).first()
    if target is None:
        raise Http404
    link = getattr(target, "indicator_link", None)
    errors = []
    if request.method == "POST":
        if request.POST.get("action") == "remove":
            services.target_link_remove(target=target, actor=request.user)
            messages.success(request, _("Đã bỏ liên kết chỉ tiêu với chỉ số."))
            return redirect("indicators:targets")
        values, errors = _clean(request.POST)
        if not errors:
            services.target_link_set(target=target, actor=request.user, **values)
            messages.success(request, _("Đã gắn chỉ tiêu với chỉ số."))
            return redirect("indicators:targets")
    indicators = list(Indicator.objects.filter(is_active=True))
    return render(request, "indicators/target_link.html", {
        "plan": plan, "target": target, "link": link, "errors": errors, "data": request.POST or None,
        "indicators": [{"indicator": i, "options": _disaggregations(i)} for i in indicators],
        "targets_url": reverse("indicators:targets"),
    }, status=400 if errors else 200)
