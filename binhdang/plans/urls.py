from django.urls import path

from . import views, views_cascade, views_edit, views_export, views_workflow

app_name = "plans"
urlpatterns = [
    path("", views.plan_list_view, name="list"),
    path("tao/", views_edit.plan_create_view, name="create"),
    path("<uuid:uid>/", views.plan_detail_view, name="detail"),
    path("<uuid:uid>/trinh-ky/", views_workflow.plan_submit_view, name="submit"),
    path("<uuid:uid>/tra-lai/", views_workflow.plan_return_view, name="return"),
    path("<uuid:uid>/ban-hanh/", views_workflow.plan_issue_view, name="issue"),
    path("<uuid:uid>/sua-doi/", views_workflow.plan_amend_view, name="amend"),
    # The cascade: start from the plan above or last year's, coverage of one plan and per unit below.
    path("lap-tu-ke-hoach-khac/", views_cascade.derive_view, name="derive"),
    path("<uuid:uid>/do-bao-phu/", views_cascade.coverage_view, name="coverage"),
    path("<uuid:uid>/do-bao-phu/lien-ket/", views_cascade.coverage_link_view, name="coverage_link"),
    path("<uuid:uid>/ke-hoach-cap-tren/", views_cascade.set_source_view, name="set_source"),
    path("<uuid:uid>/don-vi-thuc-hien/", views_cascade.unit_coverage_view, name="unit_coverage"),
    path("<uuid:uid>/sua/", views_edit.plan_edit_view, name="edit"),
    path("<uuid:uid>/sua/thong-tin/", views_edit.plan_meta_view, name="edit_meta"),
    path("<uuid:uid>/sua/<slug:part>/", views_edit.plan_part_view, name="edit_part"),
    path("<uuid:uid>/tai-ve/<str:fmt>/", views_export.export_request_view, name="export"),
    path("tep/<uuid:uid>/", views_export.export_status_view, name="export_status"),
    path("tep/<uuid:uid>/tai-ve/", views_export.export_download_view, name="export_download"),
]

# Import from a file (views_import.py): upload, parse status, review and save.
from . import views_import  # noqa: E402  (kept with its URLs: features append their own block)

urlpatterns += [
    path("nhap/", views_import.plan_import_view, name="import"),
    path("nhap/<uuid:uid>/", views_import.plan_import_status_view, name="import_status"),
    path("nhap/<uuid:uid>/kiem-tra/", views_import.plan_import_review_view, name="import_review"),
    path("nhap/<uuid:uid>/luu/", views_import.plan_import_save_view, name="import_save"),
]
