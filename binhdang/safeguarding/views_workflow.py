"""The case team's writes on a case: one POST URL per step under /bao-ve/vu-viec/<uid>/. Each is
team-only (a referred officer reads but gets 404 here; approval is leader-only, 403 for a
member), binds its form on every POST, and redirects back to the case on success. Invalid input
gets 400 with the form alone (no case content, so no unaudited read of the case)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import workflow
from .access import case_view
from .forms_workflow import (
    STEP_LABELS,
    ApproveForm,
    AssessForm,
    CloseForm,
    FamilyForm,
    NoteForm,
    ReopenForm,
    ReplyForm,
    SessionForm,
    step_form_class,
)

FAMILY_SLUG = "gia-dinh"
NEXT_FORM = {"received": "assess", "assessed": "ho-tro", "support": FAMILY_SLUG, "family": "ke-hoach",
             "plan": "can-thiep", "intervention": "theo-doi", "follow_up": "close"}
TITLES = {
    "assess": _("Đánh giá vụ việc"),
    FAMILY_SLUG: _("Thông báo gia đình"),
    "note": _("Ghi chú"),
    "session": _("Buổi tư vấn"),
    "reply": _("Trả lời học sinh"),
    "close": _("Đề nghị đóng vụ việc"),
    "approve": _("Duyệt đóng vụ việc"),
    "reopen": _("Mở lại vụ việc"),
    **{slug: label for slug, (label, _message) in STEP_LABELS.items()},
}


def step_url(access, name: str, **kwargs) -> str:
    return reverse(f"safeguarding:{name}", kwargs={"uid": access.case.uid, **kwargs})


def _handle(request, access, form, title_key: str, url: str, save):
    """Valid: `save(cleaned_data)` then back to the case. Invalid (or refused by the service with
    a ValidationError, e.g. a closed case): 400 with the form and the message, nothing saved."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("safeguarding:case_detail", uid=access.case.uid)
    return render(request, "safeguarding/case/step_form.html",
                  {"access": access, "case": access.case, "form": form, "title": TITLES[title_key], "action": url},
                  status=400)


def _write_view(page: str, **options):
    """The decorators every write shares: login, POST only, then the case check (404/403)."""

    def decorate(view):
        return login_required(never_cache(require_POST(case_view(page=page, team_only=True, **options)(view))))

    return decorate


@_write_view("assess")
def assess_view(request, access):
    form = AssessForm(request.POST)
    return _handle(request, access, form, "assess", step_url(access, "case_assess"),
                   lambda data: workflow.assess(access=access, actor=request.user, **form.cleaned()))


@_write_view("step")
def step_view(request, access, step):
    if step == FAMILY_SLUG:
        form = FamilyForm(request.POST)
        return _handle(request, access, form, step, step_url(access, "case_step", step=step),
                       lambda data: workflow.family(access=access, actor=request.user,
                                                    informed=data["informed"] == "yes", text=data["text"]))
    if step not in workflow.STEP_SLUGS:
        raise Http404
    form = step_form_class(step)(request.POST)
    return _handle(request, access, form, step, step_url(access, "case_step", step=step),
                   lambda data: workflow.record_step(access=access, actor=request.user,
                                                     stage=workflow.STEP_SLUGS[step], text=data["text"]))


@_write_view("note")
def note_view(request, access):
    return _handle(request, access, NoteForm(request.POST), "note", step_url(access, "case_note"),
                   lambda data: workflow.note(access=access, actor=request.user, text=data["text"]))


@_write_view("session")
def session_view(request, access):
    return _handle(request, access, SessionForm(request.POST), "session", step_url(access, "case_session"),
                   lambda data: workflow.counselling_session(access=access, actor=request.user,
                                                             held_on=data["held_on"], text=data["text"]))


@_write_view("reply")
def reply_view(request, access):
    return _handle(request, access, ReplyForm(request.POST), "reply", step_url(access, "case_reply"),
                   lambda data: workflow.reply(access=access, actor=request.user, text=data["text"]))


@_write_view("close")
def close_view(request, access):
    """A member asks for closure; a leader closes at once (request and approval together)."""
    service = workflow.close_directly if access.is_leader else workflow.request_closure
    return _handle(request, access, CloseForm(request.POST), "close", step_url(access, "case_close"),
                   lambda data: service(access=access, actor=request.user, text=data["text"]))


@_write_view("approve", leader_only=True)
def approve_view(request, access):
    return _handle(request, access, ApproveForm(request.POST), "approve", step_url(access, "case_approve"),
                   lambda data: workflow.approve_closure(access=access, actor=request.user, text=data["text"]))


@_write_view("reopen")
def reopen_view(request, access):
    return _handle(request, access, ReopenForm(request.POST), "reopen", step_url(access, "case_reopen"),
                   lambda data: workflow.reopen(access=access, actor=request.user, reason=data["text"]))


def step_forms(access) -> list[dict]:
    """The forms shown on the case page, in the order of the steps (empty for a referred
    officer, who reads only; only "reopen" on a closed case). Each form gets its own id prefix
    (the page holds several "text" fields; field names stay plain for the POST views)."""
    if not access.on_team:
        return []
    case = access.case
    if case.stage == "closed":
        keys = ["reopen"]
    else:
        keys = ["assess", "ho-tro", FAMILY_SLUG, "ke-hoach", "can-thiep", "theo-doi", "reply", "session", "note",
                "close"]
        if access.is_leader and case.closure_requested_at is not None:
            keys.append("approve")
    # The next step's form is shown open; the others stay folded (a phone screen is short).
    next_key = "approve" if "approve" in keys else NEXT_FORM.get(case.stage)
    forms = []
    for key in keys:
        form_class, url_name, kwargs = FORM_OF.get(key) or (step_form_class(key), "case_step", {"step": key})
        initial = {}
        if key == "assess":
            initial = {"harm_level": case.harm_level, "risk_level": case.risk_level, "category": case.category,
                       "child_under_16_abused": {True: "yes", False: "no"}.get(case.child_under_16_abused)}
        forms.append({"key": key, "title": TITLES[key], "open": key == next_key,
                      "form": form_class(initial=initial, auto_id=f"id_{key}_%s"),
                      "action": step_url(access, url_name, **kwargs)})
    return forms


FORM_OF = {
    "assess": (AssessForm, "case_assess", {}),
    FAMILY_SLUG: (FamilyForm, "case_step", {"step": FAMILY_SLUG}),
    "reply": (ReplyForm, "case_reply", {}),
    "session": (SessionForm, "case_session", {}),
    "note": (NoteForm, "case_note", {}),
    "close": (CloseForm, "case_close", {}),
    "approve": (ApproveForm, "case_approve", {}),
    "reopen": (ReopenForm, "case_reopen", {}),
}
