"""URLs of the reports app (mounted at /bao-cao/): requests and tracking (views_requests.py),
then each report, its drafting and workflow (urls_reports.py, views_reports.py)."""

from django.urls import path

from . import views_consolidation, views_requests
from .urls_reports import report_patterns

app_name = "reports"

urlpatterns = [
    path("", views_requests.list_view, name="list"),
    path("yeu-cau/moi/", views_requests.request_create_view, name="request_create"),
    path("yeu-cau/<uuid:uid>/", views_requests.request_detail_view, name="request_detail"),
    path("yeu-cau/<uuid:uid>/sua/", views_requests.request_edit_view, name="request_edit"),
    path("yeu-cau/<uuid:uid>/gui/", views_requests.request_send_view, name="request_send"),
    path("yeu-cau/<uuid:uid>/nhac-nop/", views_requests.request_remind_view, name="request_remind"),
    path("yeu-cau/<uuid:uid>/tong-hop/", views_consolidation.consolidate_view, name="consolidate"),
    path("tong-hop/<uuid:uid>/", views_consolidation.consolidation_status_view, name="consolidation_status"),
    path("tong-hop/<uuid:uid>/tai.<str:fmt>", views_consolidation.consolidation_download_view,
         name="consolidation_download"),
    *report_patterns,
]
