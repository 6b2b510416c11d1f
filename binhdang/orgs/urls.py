from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.unit_list_view, name="list"),
    path("<uuid:uid>/", views.unit_detail_view, name="detail"),
    path("<uuid:uid>/them/", views.unit_create_view, name="create"),
    path("<uuid:uid>/chuyen/", views.unit_move_view, name="move"),
    path("<uuid:uid>/sap-nhap/", views.unit_merge_view, name="merge"),
    path("<uuid:uid>/dong/", views.unit_close_view, name="close"),
]
