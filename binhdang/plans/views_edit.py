"""The plan editor: a page to start a blank plan, and one page per draft plan where every
part is edited in place.

Each row is a small form. With htmx it saves itself on change (the response carries the new
revision in the X-Plan-Revision header; the page copies it into every form) and a row
operation re-renders its list; without JavaScript the same forms post and redirect back. A
write from a stale revision gets HTTP 409 with the conflict message and changes nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts.access import require_active_unit
from binhdang.accounts.roles import Level
from binhdang.orgs.models import InternalBody

from . import editing, editing_tasks, selectors
from .access import plan_for_user
from .edit_forms import RECIPIENT_PURPOSES, PlanCreateForm, PlanMetaForm
from .itemtext import items_to_text
from .models import SectionKind
from .revisions import PlanConflict, ensure_editable

# URL slug → (part name in the services, list fragment it re-renders).
PARTS = {"can-cu": "basis", "muc": "section", "nhom": "group", "nhiem-vu": "task", "chi-tieu": "target",
         "noi-nhan": "recipient"}
FRAGMENTS = {"basis": "basis", "section": "sections", "group": "tasks", "task": "tasks", "target": "targets",
             "recipient": "recipients"}


@login_required
def plan_create_view(request):
    unit = require_active_unit(request, Level.MANAGE)
    form = PlanCreateForm(request.POST if request.method == "POST" else None, unit=unit,
                          initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            plan = editing.plan_create_blank(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("plans:edit", uid=plan.uid)
    return render(request, "plans/plan_create.html", {"unit": unit, "form": form})


def _editor_context(plan, **extra) -> dict:
    plan = selectors.plan_for_editing().get(pk=plan.pk)
    groups = [{"group": group, "tasks": selectors.task_tree(group)} for group in plan.task_groups.all()]
    sections = [{"section": s, "body_text": items_to_text(s.body)} for s in plan.sections.all()]
    return {"plan": plan, "basis": list(plan.legal_basis.all()), "sections": sections, "groups": groups,
            "targets": list(plan.targets.all()), "recipients": list(plan.recipients.all()),
            "bodies": list(InternalBody.objects.filter(unit_id=plan.issuer_unit_id).order_by("name")),
            "section_kinds": SectionKind.choices, "purposes": RECIPIENT_PURPOSES,
            "meta": PlanMetaForm(initial=_meta_initial(plan), unit=plan.issuer_unit), **extra}


def _meta_initial(plan) -> dict:
    return {name: getattr(plan, name) for name in editing.META_FIELDS}


@login_required
def plan_edit_view(request, uid, *, status: int = 200, error: str = "", conflict: bool = False):
    plan = plan_for_user(request.user, uid, level=Level.MANAGE)
    try:
        ensure_editable(plan)
    except ValidationError as exc:
        return render(request, "plans/plan_edit.html", {"plan": plan, "frozen": exc.messages[0]}, status=status)
    context = _editor_context(plan, error=error, conflict=conflict)
    return render(request, "plans/plan_edit.html", context, status=status)


def _done(request, plan, fragment: str | None):
    """After a write: the re-rendered list (or only the status line) for htmx, else back to the page."""
    if not request.htmx:
        messages.success(request, _("Đã lưu."))
        anchor = f"#part-{fragment}" if fragment else "#part-meta"
        return redirect(reverse("plans:edit", kwargs={"uid": plan.uid}) + anchor)
    saved_at = timezone.localtime()
    if fragment is None:  # a field saved: the page already shows it, only the status line changes
        response = render(request, "plans/edit/_status.html", {"plan": plan, "saved_at": saved_at})
    else:
        context = _editor_context(plan, saved_at=saved_at, oob_status=True)
        response = render(request, f"plans/edit/_{fragment}.html", context)
        if fragment == "targets":  # tasks list the targets as checkboxes: refresh them too
            response.content += render(request, "plans/edit/_tasks.html", {**context, "oob": True,
                                                                           "oob_status": False}).content
    # The service moved plan.revision on this very object (revision_bump refreshes it).
    response["X-Plan-Revision"] = str(plan.revision)
    return response


def _failed(request, plan, exc: Exception):
    """A refused write: 409 for a conflict, 400 for bad input; the page's fields are left as typed."""
    conflict = isinstance(exc, PlanConflict)
    message = str(exc) if conflict else " ".join(exc.messages)
    status = 409 if conflict else 400
    if not request.htmx:
        return plan_edit_view(request, plan.uid, status=status, error=message, conflict=conflict)
    response = render(request, "plans/edit/_status.html", {"plan": plan, "error": message, "conflict": conflict},
                      status=status)
    response["HX-Reswap"] = "none"
    return response


def _expected(request) -> int:
    """The revision the form was loaded at; a form without one cannot be trusted to be current."""
    value = request.POST.get("revision", "")
    return int(value) if value.isdigit() else 0


@login_required
@require_POST
def plan_meta_view(request, uid):
    plan = plan_for_user(request.user, uid, level=Level.MANAGE)
    form = PlanMetaForm(request.POST, unit=plan.issuer_unit)
    try:
        if not form.is_valid():
            raise ValidationError(form.first_error())
        editing.plan_update(actor=request.user, plan=plan, changes=form.cleaned_data, expected=_expected(request))
    except (ValidationError, PlanConflict) as exc:
        return _failed(request, plan, exc)
    return _done(request, plan, None)


@login_required
@require_POST
def plan_part_view(request, uid, part):
    if part not in PARTS:
        raise Http404
    plan = plan_for_user(request.user, uid, level=Level.MANAGE)
    part = PARTS[part]
    op = request.POST.get("op") or "save"
    kwargs = {"actor": request.user, "plan": plan, "expected": _expected(request)}
    try:
        structural = _apply(part, op, request.POST, kwargs)
    except (ValidationError, PlanConflict) as exc:
        return _failed(request, plan, exc)
    return _done(request, plan, FRAGMENTS[part] if structural else None)


def _apply(part: str, op: str, data, kwargs: dict) -> bool:
    """Run one operation; True when the list's order or rows changed (so it is re-rendered)."""
    row_id = data.get("id")
    if op in ("up", "down") and part != "task":
        editing.row_move(part=part, row_id=row_id, up=op == "up", **kwargs)
    elif op == "remove" and part != "task":
        editing.row_remove(part=part, row_id=row_id, **kwargs)
    elif part == "task":
        return _apply_task(op, row_id, data, kwargs)
    elif op in ("add", "save"):
        _add_or_save(part, op == "add", row_id, data, kwargs)
        return op == "add"
    else:
        raise ValidationError(_("Thao tác không hợp lệ."))
    return True


# part → (add service, update service, keyword of the row id, the posted fields it takes).
_ROW_SERVICES = {
    "basis": (editing.basis_add, editing.basis_update, "basis_id", ("raw", "in_preamble")),
    "section": (editing.section_add, editing.section_update, "section_id", ("heading", "title", "kind")),
    "group": (editing_tasks.group_add, editing_tasks.group_update, "group_id", ("title",)),
    "target": (editing.target_add, editing.target_update, "target_id", ("text",)),
    "recipient": (editing.recipient_add, editing.recipient_update, "recipient_id", ("name", "purpose")),
}


def _add_or_save(part: str, add: bool, row_id, data, kwargs: dict) -> None:
    add_service, update_service, id_name, names = _ROW_SERVICES[part]
    fields = {name: data.get(name, "") for name in names}
    if "in_preamble" in fields:  # a checkbox: absent when unticked
        fields["in_preamble"] = bool(fields["in_preamble"])
    if part == "section":
        fields["kind"] = fields["kind"] or SectionKind.OTHER
    if add:
        add_service(**fields, **kwargs)
    else:
        extra = {"body_text": data.get("body")} if part == "section" else {}
        update_service(**{id_name: row_id}, **fields, **extra, **kwargs)


def _apply_task(op: str, task_id, data, kwargs: dict) -> bool:
    if op == "save":
        fields = {name: data.get(name, "") for name in editing_tasks.TASK_TEXT if name in data}
        # The row lists the plan's targets as checkboxes (none ticked posts nothing): only a
        # form that showed them may change them.
        targets = data.getlist("targets") if "targets_shown" in data else None
        bodies = data.getlist("bodies") if "bodies_shown" in data else None
        editing_tasks.task_update(task_id=task_id, fields=fields, target_ids=targets, due_on=data.get("due_on"),
                                  body_ids=bodies, **kwargs)
        return False
    if op == "add":
        editing_tasks.task_add(group_id=data.get("group"), text=data.get("text", ""), **kwargs)
    elif op == "add_child":
        editing_tasks.task_add(parent_id=task_id, text=data.get("child_text", ""), **kwargs)
    elif op in ("up", "down"):
        editing_tasks.task_move(task_id=task_id, up=op == "up", **kwargs)
    elif op in ("indent", "outdent", "duplicate", "remove"):
        getattr(editing_tasks, f"task_{op}")(task_id=task_id, **kwargs)
    elif op == "move_group":
        editing_tasks.task_move_to_group(task_id=task_id, group_id=data.get("to_group"), **kwargs)
    else:
        raise ValidationError(_("Thao tác không hợp lệ."))
    return True
