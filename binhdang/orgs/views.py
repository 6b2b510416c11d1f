"""Pages of the organisation tree: browse, create, move, merge, close."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from binhdang.accounts.access import can, get_for_user, require_active_unit, visible_units
from binhdang.accounts.roles import Level

from . import services
from .forms import UnitCloseForm, UnitCreateForm, UnitMergeForm, UnitMoveForm
from .models import OrgKind, OrgUnit


def _unit(request, uid, level) -> OrgUnit:
    return get_for_user(request.user, OrgUnit.objects.all(), level=level, unit_attr="", uid=uid)


def _require_parent_admin(user, unit: OrgUnit) -> None:
    """Structure changes are decided one level up: the Sở moves its schools, not the school.

    Callers have already fetched `unit` for the user, so the unit is known to exist: a
    user who cannot act on the parent gets 403, not the 404 a check on the parent alone
    (a unit above the user's own) would give."""
    if unit.parent is None:
        if not user.is_superuser:
            raise PermissionDenied
        return
    if not can(user, unit.parent, Level.ADMIN):
        raise PermissionDenied


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def unit_list_view(request):
    root = require_active_unit(request, Level.VIEW)
    units = list(OrgUnit.objects.subtree_of(root).order_by("path"))
    depth0 = root.depth
    rows = [{"unit": u, "indent": u.depth - depth0} for u in units]
    context = {"root": root, "rows": rows, "can_admin": can(request.user, root, Level.ADMIN)}
    return render(request, "orgs/unit_list.html", context)


@login_required
def unit_detail_view(request, uid):
    unit = _unit(request, uid, Level.VIEW)
    context = {
        "unit": unit,
        "ancestors": unit.ancestors(),
        "children": unit.children.order_by("valid_to", "name"),
        "links": unit.parent_links.select_related("parent").order_by("valid_from"),
        "bodies": unit.bodies.all(),
        "classes": unit.classes.select_related("school_year")[:200],
        "predecessors": unit.predecessors.all(),
        "can_admin_here": can(request.user, unit, Level.ADMIN) and unit.kind != OrgKind.SCHOOL
        and not unit.is_closed,
        "can_restructure": (unit.parent is not None and can(request.user, unit.parent, Level.ADMIN))
        or request.user.is_superuser,
    }
    return render(request, "orgs/unit_detail.html", context)


@login_required
def unit_create_view(request, uid):
    parent = _unit(request, uid, Level.ADMIN)
    if parent.kind == OrgKind.SCHOOL or parent.is_closed:
        raise PermissionDenied
    form = UnitCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit = services.org_unit_create(
                actor=request.user, acting_unit=request.active_unit, parent=parent,
                code=data["code"], name=data["name"], kind=data["kind"],
                school_level=data["school_level"], short_name=data["short_name"],
                place=data["place"], valid_from=data["valid_from"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo đơn vị %(name)s.") % {"name": unit.name})
            return redirect("orgs:detail", uid=unit.uid)
    return render(request, "orgs/unit_form.html", {"form": form, "parent": parent,
                                                   "title": _("Thêm đơn vị trực thuộc")})


@login_required
def unit_move_view(request, uid):
    unit = _unit(request, uid, Level.VIEW)
    _require_parent_admin(request.user, unit)
    parents = (
        visible_units(request.user)
        .exclude(kind=OrgKind.SCHOOL)
        .exclude(path__startswith=unit.path)
        .filter(valid_to__isnull=True)
        .order_by("path")
    )
    parents = [p for p in parents if can(request.user, p, Level.ADMIN)]
    queryset = OrgUnit.objects.filter(pk__in=[p.pk for p in parents]).order_by("path")
    form = UnitMoveForm(request.POST if request.method == "POST" else None, parents=queryset)
    if request.method == "POST" and form.is_valid():
        try:
            services.org_unit_move(actor=request.user, acting_unit=request.active_unit, unit=unit,
                                   new_parent=form.cleaned_data["new_parent"],
                                   on_date=form.cleaned_data["on_date"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã chuyển %(name)s.") % {"name": unit.name})
            return redirect("orgs:detail", uid=unit.uid)
    return render(request, "orgs/unit_form.html", {"form": form, "unit": unit,
                                                   "title": _("Chuyển đơn vị sang cấp trên khác")})


@login_required
def unit_merge_view(request, uid):
    into = _unit(request, uid, Level.VIEW)
    if into.is_closed:
        raise Http404
    _require_parent_admin(request.user, into)
    candidates = (
        visible_units(request.user).filter(kind=into.kind, valid_to__isnull=True)
        .exclude(pk=into.pk).exclude(parent__isnull=True).order_by("path")
    )
    candidates = OrgUnit.objects.filter(
        pk__in=[c.pk for c in candidates if can(request.user, c.parent, Level.ADMIN)]
    ).order_by("path")
    form = UnitMergeForm(request.POST if request.method == "POST" else None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.org_unit_merge(actor=request.user, acting_unit=request.active_unit,
                                    units=list(form.cleaned_data["units"]), into=into,
                                    on_date=form.cleaned_data["on_date"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã sáp nhập vào %(name)s.") % {"name": into.name})
            return redirect("orgs:detail", uid=into.uid)
    title = _("Sáp nhập đơn vị khác vào đơn vị này")
    return render(request, "orgs/unit_form.html", {"form": form, "unit": into, "title": title})


@login_required
def unit_close_view(request, uid):
    unit = _unit(request, uid, Level.VIEW)
    _require_parent_admin(request.user, unit)
    form = UnitCloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.org_unit_close(actor=request.user, acting_unit=request.active_unit, unit=unit,
                                    on_date=form.cleaned_data["on_date"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã đóng %(name)s.") % {"name": unit.name})
            return redirect("orgs:detail", uid=unit.uid)
    return render(request, "orgs/unit_form.html", {"form": form, "unit": unit,
                                                   "title": _("Đóng đơn vị")})
