"""The navigation follows the programme's cycle; a section shows as a link once its app
has registered its URL name, and as "sắp có" (coming) until then."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

PROGRAMME_SECTIONS = [
    ("plans", "plans:list", _("Kế hoạch")),
    ("activities", "activities:list", _("Hoạt động")),
    ("safeguarding", "safeguarding:home", _("Bảo vệ học sinh")),
    ("indicators", "indicators:dashboard", _("Chỉ số")),
    ("reports", "reports:list", _("Báo cáo")),
    ("review", "review:list", _("Rà soát tài liệu")),
    ("contests", "contests:list", _("Cuộc thi")),
]


def programme_sections(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    current = getattr(getattr(request, "resolver_match", None), "app_name", "")
    sections = []
    for app_name, url_name, label in PROGRAMME_SECTIONS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = None
        sections.append({"label": label, "url": url, "current": current == app_name})
    return {"programme_sections": sections}


def notifications(request):
    """The bell's unread count: one COUNT query, evaluated only when a template shows it."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    from django.utils.functional import SimpleLazyObject

    from .notifications import unread_count

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
