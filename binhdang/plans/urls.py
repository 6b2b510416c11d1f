from django.urls import path

from . import views, views_edit

app_name = "plans"
urlpatterns = [
    path("", views.plan_list_view, name="list"),
    path("tao/", views_edit.plan_create_view, name="create"),
    path("<uuid:uid>/", views.plan_detail_view, name="detail"),
    path("<uuid:uid>/sua/", views_edit.plan_edit_view, name="edit"),
    path("<uuid:uid>/sua/thong-tin/", views_edit.plan_meta_view, name="edit_meta"),
    path("<uuid:uid>/sua/<slug:part>/", views_edit.plan_part_view, name="edit_part"),
]
