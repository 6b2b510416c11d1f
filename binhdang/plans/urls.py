from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list_view, name="list"),
    path("<uuid:uid>/", views.plan_detail_view, name="detail"),
]
