"""URL map: one include per app, Vietnamese slugs users can read."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("binhdang.core.urls")),
    path("tai-khoan/", include("binhdang.accounts.urls")),
    path("don-vi/", include("binhdang.orgs.urls")),
    path("nhan-su/", include("binhdang.people.urls")),
    path("ke-hoach/", include("binhdang.plans.urls")),
    path("hoat-dong/", include("binhdang.activities.urls")),
    path("chi-so/", include("binhdang.indicators.urls")),
    path("bao-cao/", include("binhdang.reports.urls")),
    path("ra-soat/", include("binhdang.review.urls")),
    path("cuoc-thi/", include("binhdang.contests.urls")),
    # Student protection: /giup-do/ (public help pages) and /bao-ve/ (case team), see the app's urls.
    path("", include("binhdang.safeguarding.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
]
