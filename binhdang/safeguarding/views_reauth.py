"""Re-authentication before opening or exporting a case (issue 5, item 4): the password and a
code from the user's 2FA device, at most BINHDANG_REAUTH_MINUTES ago. Without a confirmed
device the user is sent to set one up: case data is never opened with a password alone."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts.forms import TokenForm
from binhdang.audit.services import record

from .access import mark_reauthenticated

TRIES_KEY = "binhdang_reauth_tries"
MAX_TRIES = 5


class ReauthForm(TokenForm):
    password = forms.CharField(label=gettext_lazy("Mật khẩu"), widget=forms.PasswordInput, max_length=200)
    field_order = ["password", "token"]


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/bao-ve/vu-viec/"


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def reauth_view(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        messages.warning(request, _("Cần bật xác thực hai bước trước khi mở hồ sơ bảo vệ học sinh."))
        return redirect("accounts:two_factor")
    form = ReauthForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if request.user.check_password(form.cleaned_data["password"]) and device.verify_token(
                form.cleaned_data["token"]):
            otp_login(request, device)
            mark_reauthenticated(request)
            request.session.pop(TRIES_KEY, None)
            with transaction.atomic():
                record(actor=request.user, unit=getattr(request, "active_unit", None), action="account.reauth")
            return HttpResponseRedirect(_next(request))
        # Five wrong tries end the session: guessing here must not be cheaper than at login.
        tries = request.session.get(TRIES_KEY, 0) + 1
        request.session[TRIES_KEY] = tries
        if tries >= MAX_TRIES:
            logout(request)
            messages.error(request, _("Nhập sai quá nhiều lần. Hãy đăng nhập lại."))
            return redirect("accounts:login")
        # One message for both, so the form does not tell which of the two was wrong.
        form.add_error(None, _("Mật khẩu hoặc mã xác thực không đúng."))
    return render(request, "safeguarding/reauth.html", {"form": form, "next": _next(request)},
                  status=400 if request.method == "POST" else 200)
