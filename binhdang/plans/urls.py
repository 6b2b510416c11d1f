from django.urls import path

from . import views, views_export

app_name = "plans"
urlpatterns = [
    path("", views.plan_list_view, name="list"),
    path("<uuid:uid>/", views.plan_detail_view, name="detail"),
    path("<uuid:uid>/tai-ve/<str:fmt>/", views_export.export_request_view, name="export"),
    path("tep/<uuid:uid>/", views_export.export_status_view, name="export_status"),
    path("tep/<uuid:uid>/tai-ve/", views_export.export_download_view, name="export_download"),
]
