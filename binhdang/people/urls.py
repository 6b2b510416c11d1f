from django.urls import path

from . import views, views_bodies

app_name = "people"
urlpatterns = [
    path("", views.staff_list_view, name="staff"),
    path("hoc-sinh/", views.student_list_view, name="students"),
    path("to-chuc/", views_bodies.body_list_view, name="bodies"),
    path("to-chuc/<uuid:uid>/", views_bodies.body_detail_view, name="body"),
    path("to-chuc/<uuid:uid>/bo/<uuid:staff_uid>/", views_bodies.body_seat_remove_view, name="body_seat_remove"),
]
