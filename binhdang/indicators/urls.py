"""Indicator pages under /chi-so/ (issue 6)."""

from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<slug:code>/", views.indicator_view, name="indicator"),
]
