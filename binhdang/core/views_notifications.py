"""The user's own notifications: the list behind the bell, mark one or all read (POST).

Notifications belong to a user, not a unit: no active unit is needed, and another user's
notification is "not found" (404), never "forbidden".
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .models import Notification
from .notifications import notification_mark_all_read, notification_mark_read

PAGE_SIZE = 30


def _safe_local(url: str) -> str:
    """Only a path of this site is followed (a notification never sends anyone elsewhere)."""
    return url if url.startswith("/") and not url.startswith("//") else ""


@login_required
def notification_list_view(request):
    queryset = Notification.objects.filter(user=request.user).select_related("unit")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("trang"))
    for notification in page:
        notification.safe_url = _safe_local(notification.url)
    return render(request, "core/notifications.html", {"page": page})


@login_required
@require_POST
def notification_read_view(request, uid):
    notification = notification_mark_read(user=request.user, uid=uid)
    # "Mở" marks it read and follows its link; "Đã đọc" stays on the list.
    if request.POST.get("open") and _safe_local(notification.url):
        return redirect(notification.url)
    return redirect("core:notifications")


@login_required
@require_POST
def notification_read_all_view(request):
    notification_mark_all_read(user=request.user)
    return redirect("core:notifications")
