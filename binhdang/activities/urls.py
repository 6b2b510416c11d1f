"""URLs of the activities app (mounted at /hoat-dong/); each feature appends its own block."""

from django.urls import path  # noqa: F401  (the features below add their paths)

app_name = "activities"
urlpatterns: list = []

# Trainings, integrated lessons, commendations (the people side of activities).
from . import views_commendations, views_lessons, views_trainings  # noqa: E402

urlpatterns += [
    path("tap-huan/", views_trainings.training_list_view, name="trainings"),
    path("tap-huan/them/", views_trainings.training_create_view, name="training_create"),
    path("tap-huan/<uuid:uid>/", views_trainings.training_detail_view, name="training_detail"),
    path("tap-huan/<uuid:uid>/diem-danh/", views_trainings.training_attendance_view, name="training_attendance"),
    path("long-ghep-gioi/", views_lessons.lesson_list_view, name="lessons"),
    path("long-ghep-gioi/them/", views_lessons.lesson_create_view, name="lesson_create"),
    path("khen-thuong/", views_commendations.commendation_list_view, name="commendations"),
    path("khen-thuong/duyet/", views_commendations.commendation_approve_many_view, name="commendations_approve"),
    path("khen-thuong/de-nghi/", views_commendations.commendation_create_view, name="commendation_create"),
    path("khen-thuong/<uuid:uid>/", views_commendations.commendation_detail_view, name="commendation_detail"),
    path("khen-thuong/<uuid:uid>/duyet/", views_commendations.commendation_approve_view, name="commendation_approve"),
    path("khen-thuong/<uuid:uid>/khong-duyet/", views_commendations.commendation_reject_view,
         name="commendation_reject"),
    path("khen-thuong/<uuid:uid>/quyet-dinh/", views_commendations.commendation_decision_view,
         name="commendation_decision"),
]
