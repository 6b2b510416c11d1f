"""Indicator pages under /chi-so/ (issue 6)."""

from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # Keep last: an indicator code would otherwise shadow the fixed pages of /chi-so/ (entry, targets).
    path("<slug:code>/", views.indicator_view, name="indicator"),
]
