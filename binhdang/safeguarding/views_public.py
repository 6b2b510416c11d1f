"""The public pages (no login): help page, follow-up, poster. Nothing here reads or stores the
client's address except as a keyed hash inside the cache (see throttle.py)."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from binhdang.orgs.models import OrgKind, OrgUnit

from . import throttle
from .forms import CATEGORY_OF, FollowUpForm, HelpForm, MessageForm
from .hotlines import hotlines_for
from .intake import case_create, case_for_student, display_code, normalise_code, student_message_add, student_messages
from .models import Channel, Hotline

# Submissions: at most SUBMIT_LIMIT posts per address per SUBMIT_WINDOW seconds.
SUBMIT_LIMIT = 3
SUBMIT_WINDOW = 60
# Wrong passphrases: per code and per address, within FAIL_WINDOW seconds.
FAIL_LIMIT_CODE = 5
FAIL_LIMIT_ADDRESS = 20
FAIL_WINDOW = 15 * 60


def _school(code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code, kind=OrgKind.SCHOOL, valid_to__isnull=True).first()
    if unit is None:
        raise Http404
    return unit


@never_cache
@require_http_methods(["GET", "POST"])
def help_view(request, code):
    school = _school(code)
    context = {"school": school, "hotlines": hotlines_for(school)}
    if request.method != "POST":
        return render(request, "safeguarding/help.html", {**context, "form": HelpForm()})
    if throttle.hit("submit", throttle.client_address(request), SUBMIT_WINDOW) > SUBMIT_LIMIT:
        return render(request, "safeguarding/help_wait.html", context, status=429)
    form = HelpForm(request.POST)
    if not form.is_valid():
        return render(request, "safeguarding/help.html", {**context, "form": form}, status=400)
    data = form.cleaned_data
    narrative = data["narrative"] or str(dict(form.fields["what"].choices)[data["what"]])
    case = case_create(
        unit=school, channel=Channel.HELP_PAGE, category=CATEGORY_OF[data["what"]], narrative=narrative,
        name=data["name"], school_class=data["school_class"], happening_now=data["happening_now"] == "yes",
        passphrase=data["passphrase"],
    )
    # Rendered in the POST response (no redirect): the code is shown once and is not in any URL.
    return render(request, "safeguarding/help_sent.html",
                  {**context, "code": display_code(case.code), "happening_now": case.happening_now})


def _too_many_failures(request, code: str) -> bool:
    return (throttle.count("fail-code", code) >= FAIL_LIMIT_CODE
            or throttle.count("fail-addr", throttle.client_address(request)) >= FAIL_LIMIT_ADDRESS)


@never_cache
@require_http_methods(["GET", "POST"])
def follow_up_view(request):
    """Code + passphrase → the replies. The same message for an unknown code and a wrong
    passphrase; failures count per code and per address (hashed), success is not remembered
    anywhere (each POST carries code and passphrase again, no session)."""
    school, lines = _hotlines(request)
    context = {"hotlines": lines, "school": school}
    if request.method != "POST":
        return render(request, "safeguarding/follow_up.html", {**context, "form": FollowUpForm()})
    with_text = "text" in request.POST
    form = (MessageForm if with_text else FollowUpForm)(request.POST)
    if not form.is_valid():
        return render(request, "safeguarding/follow_up.html", {**context, "form": form}, status=400)
    code = normalise_code(form.cleaned_data["code"])
    if _too_many_failures(request, code):
        context["error"] = _("Em đã nhập sai nhiều lần. Hãy đợi 15 phút rồi thử lại, "
                             "hoặc gọi 111 nếu em cần giúp ngay.")
        return render(request, "safeguarding/follow_up.html", {**context, "form": FollowUpForm()}, status=429)
    case = case_for_student(code, form.cleaned_data["passphrase"])
    if case is None:
        throttle.hit("fail-code", code, FAIL_WINDOW)
        throttle.hit("fail-addr", throttle.client_address(request), FAIL_WINDOW)
        context["error"] = _("Mã số hoặc mật khẩu không đúng. Em kiểm tra lại nhé.")
        return render(request, "safeguarding/follow_up.html", {**context, "form": FollowUpForm()}, status=400)
    sent = False
    if with_text:
        student_message_add(case=case, text=form.cleaned_data["text"])
        sent = True
    context.update({
        "hotlines": hotlines_for(case.unit), "school": case.unit, "case_open": True,
        "messages_list": student_messages(case),
        "sent": sent, "code": form.cleaned_data["code"], "passphrase": form.cleaned_data["passphrase"],
    })
    return render(request, "safeguarding/follow_up.html", context)


def _hotlines(request):
    """The follow-up page does not know the school until the case opens; the links from the
    school's help page carry its code (?truong=), so its provincial line shows from the start."""
    code = request.POST.get("truong") or request.GET.get("truong") or ""
    school = OrgUnit.objects.filter(code=code, kind=OrgKind.SCHOOL, valid_to__isnull=True).first() if code else None
    if school is not None:
        return school, hotlines_for(school)
    lines = [{"name": row.name, "number": row.number} for row in Hotline.objects.filter(unit__isnull=True)]
    if not any(line["number"] == "111" for line in lines):
        lines.insert(0, {"name": _("Tổng đài quốc gia bảo vệ trẻ em"), "number": "111"})
    return None, lines


def poster_view(request, code):
    """A4 poster (public: it only shows what the school hangs on its walls)."""
    school = _school(code)
    url = settings.BINHDANG_SITE_URL + reverse("safeguarding:help", args=[school.code])
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = BytesIO()
    image.save(buffer)
    qr = "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
    return render(request, "safeguarding/poster.html",
                  {"school": school, "hotlines": hotlines_for(school), "url": url, "qr": qr})
