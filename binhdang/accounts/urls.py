from django.urls import path

from . import views, views_members

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("xac-thuc/", views.verify_view, name="verify"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("bao-mat/", views.two_factor_view, name="two_factor"),
    path("doi-don-vi/", views.switch_unit_view, name="switch_unit"),
    path("thanh-vien/", views_members.member_list_view, name="members"),
    path("thanh-vien/cap/", views_members.member_grant_view, name="member_grant"),
    path("thanh-vien/<uuid:uid>/thu-hoi/", views_members.member_revoke_view, name="member_revoke"),
]
