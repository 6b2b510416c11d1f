from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.staff_list_view, name="staff"),
    path("hoc-sinh/", views.student_list_view, name="students"),
]
