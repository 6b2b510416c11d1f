from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home_view, name="home"),
    path("suc-khoe/", views.health_view, name="health"),
]
