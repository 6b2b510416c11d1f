from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list_view, name="list"),
    path("<uuid:uid>/", views.plan_detail_view, name="detail"),
]

# Import from a file (views_import.py): upload, parse status, review and save.
from . import views_import  # noqa: E402  (kept with its URLs: features append their own block)

urlpatterns += [
    path("nhap/", views_import.plan_import_view, name="import"),
    path("nhap/<uuid:uid>/", views_import.plan_import_status_view, name="import_status"),
    path("nhap/<uuid:uid>/kiem-tra/", views_import.plan_import_review_view, name="import_review"),
    path("nhap/<uuid:uid>/luu/", views_import.plan_import_save_view, name="import_save"),
]
