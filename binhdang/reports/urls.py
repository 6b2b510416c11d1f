"""URLs of the reports app (mounted at /bao-cao/); each feature appends its own block."""

from django.urls import path  # noqa: F401  (the features below add their paths)

app_name = "reports"
urlpatterns: list = []

# Report requests and tracking (views_requests.py).
from . import views_requests  # noqa: E402  (kept with its URLs: features append their own block)

urlpatterns += [
    path("", views_requests.list_view, name="list"),
    path("yeu-cau/moi/", views_requests.request_create_view, name="request_create"),
    path("yeu-cau/<uuid:uid>/", views_requests.request_detail_view, name="request_detail"),
    path("yeu-cau/<uuid:uid>/sua/", views_requests.request_edit_view, name="request_edit"),
    path("yeu-cau/<uuid:uid>/gui/", views_requests.request_send_view, name="request_send"),
    path("yeu-cau/<uuid:uid>/nhac-nop/", views_requests.request_remind_view, name="request_remind"),
]
