"""Log in (with the TOTP step when the user has a device), log out, 2FA setup, unit switch."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .forms import LoginForm, TokenForm
from .middleware import SESSION_KEY
from .selectors import switchable_units

PENDING_KEY = "binhdang_2fa_pending"
MAX_TOKEN_TRIES = 5


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


def login_view(request):
    if request.user.is_authenticated:
        return redirect("core:home")
    form = LoginForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            login(request, user)
            return HttpResponseRedirect(_next_url(request))
        # Password was right; the session is not logged in until the code is too.
        request.session[PENDING_KEY] = {"user": user.pk, "backend": user.backend, "tries": 0,
                                        "next": _next_url(request)}
        return redirect("accounts:verify")
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)})


def verify_view(request):
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return redirect("accounts:login")
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user else None
    if device is None:
        request.session.pop(PENDING_KEY, None)
        return redirect("accounts:login")
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            request.session.pop(PENDING_KEY, None)
            login(request, user, backend=pending["backend"])
            otp_login(request, device)
            return HttpResponseRedirect(pending.get("next") or "/")
        pending["tries"] += 1
        if pending["tries"] >= MAX_TOKEN_TRIES:
            request.session.pop(PENDING_KEY, None)
            messages.error(request, _("Nhập sai mã quá nhiều lần. Hãy đăng nhập lại."))
            return redirect("accounts:login")
        request.session[PENDING_KEY] = pending
        form.add_error("token", _("Mã không đúng hoặc đã hết hạn."))
    return render(request, "accounts/verify.html", {"form": form})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required
def two_factor_view(request):
    """Turn on TOTP: show a QR code, confirm with a first code; or turn it off."""
    user = request.user
    confirmed_device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    confirmed = confirmed_device is not None
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and request.POST.get("action") == "disable":
        if confirmed_device is None:
            return redirect("accounts:two_factor")
        # Step-up: a stolen session alone must not be enough to remove the second factor.
        if form.is_valid() and confirmed_device.verify_token(form.cleaned_data["token"]):
            services.totp_device_remove(user=user, unit=request.active_unit)
            messages.success(request, _("Đã tắt xác thực hai bước."))
            return redirect("accounts:two_factor")
        if form.is_valid():
            form.add_error("token", _("Mã không đúng. Kiểm tra giờ trên điện thoại rồi thử lại."))
        return render(request, "accounts/two_factor.html", {"confirmed": True, "form": form})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if request.method == "POST" and device is not None and form.is_valid():
        if services.totp_device_confirm(user=user, device=device, token=form.cleaned_data["token"],
                                        unit=request.active_unit):
            otp_login(request, device)
            messages.success(request, _("Đã bật xác thực hai bước."))
            return redirect("accounts:two_factor")
        form.add_error("token", _("Mã không đúng. Kiểm tra giờ trên điện thoại rồi thử lại."))
    if not confirmed and request.method == "GET":
        device = services.totp_device_start(user=user)
    context = {"confirmed": confirmed, "form": form}
    if device is not None and not confirmed:
        context["qr"] = _qr_svg(device.config_url)
        context["secret"] = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/two_factor.html", context)


@login_required
@require_POST
def switch_unit_view(request):
    wanted = request.POST.get("unit", "")
    for unit in switchable_units(request.user):
        if str(unit.uid) == wanted:
            request.session[SESSION_KEY] = wanted
            return HttpResponseRedirect(_next_url(request))
    raise Http404
