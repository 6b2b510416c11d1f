"""Indicator pages under /chi-so/ (issue 6)."""

from django.urls import path

from . import views, views_entry, views_targets

app_name = "indicators"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("nhap/", views_entry.entry_form, name="entry"),
    path("nhap/hoan-thanh/", views_entry.entry_complete, name="entry_complete"),
    path("khoa/", views_entry.period_locks, name="lock"),
    path("chi-tieu/", views_targets.target_list, name="targets"),
    # A plan target has no uid of its own: the plan's uid and the target's position name it.
    path("ke-hoach/<uuid:uid>/chi-tieu/<int:position>/", views_targets.target_link, name="target_link"),
    # Keep last: an indicator code would otherwise shadow the fixed pages above.
    path("<slug:code>/", views.indicator_view, name="indicator"),
]
