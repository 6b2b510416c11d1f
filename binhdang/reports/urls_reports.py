"""The report pages' URL patterns, included by reports/urls.py (namespace "reports", under /bao-cao/)."""

from django.urls import path

from . import views_reports as views

report_patterns = [
    path("yeu-cau/<uuid:uid>/lap/", views.report_start_view, name="report_start"),
    path("bao-cao/<uuid:uid>/", views.report_detail_view, name="report_detail"),
    path("bao-cao/<uuid:uid>/sua/", views.report_edit_view, name="report_edit"),
    path("bao-cao/<uuid:uid>/duyet/", views.report_approve_view, name="report_approve"),
    path("bao-cao/<uuid:uid>/nop/", views.report_submit_view, name="report_submit"),
    path("bao-cao/<uuid:uid>/lam-moi/", views.report_refresh_view, name="report_refresh"),
    path("bao-cao/<uuid:uid>/phien-ban-moi/", views.report_new_version_view, name="report_new_version"),
    path("bao-cao/<uuid:uid>/tiep-nhan/", views.report_accept_view, name="report_accept"),
    path("bao-cao/<uuid:uid>/tra-lai/", views.report_return_view, name="report_return"),
    path("bao-cao/<uuid:uid>/noi-bat/", views.report_highlights_view, name="report_highlights"),
]
