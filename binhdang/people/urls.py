from django.urls import path

from . import views, views_bodies, views_import

app_name = "people"
urlpatterns = [
    path("", views.staff_list_view, name="staff"),
    path("hoc-sinh/", views.student_list_view, name="students"),
    path("to-chuc/", views_bodies.body_list_view, name="bodies"),
    path("to-chuc/<uuid:uid>/", views_bodies.body_detail_view, name="body"),
    path("to-chuc/<uuid:uid>/bo/<uuid:staff_uid>/", views_bodies.body_seat_remove_view, name="body_seat_remove"),
    path("nhap/", views_import.import_upload_view, name="import"),
    path("nhap/<uuid:uid>/", views_import.import_preview_view, name="import_preview"),
    path("nhap/<uuid:uid>/thuc-hien/", views_import.import_commit_view, name="import_commit"),
    path("nhap/<uuid:uid>/tien-do/", views_import.import_progress_view, name="import_progress"),
]
