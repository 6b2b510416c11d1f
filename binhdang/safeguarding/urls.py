"""URLs of student protection, one namespace: the public pages under /giup-do/ (no login) and
the staff pages under /bao-ve/ (case team only). Mounted at the root by config/urls.py."""

from django.urls import include, path

from . import views_public, views_staff

app_name = "safeguarding"

public_patterns = [
    path("theo-doi/", views_public.follow_up_view, name="follow_up"),
    path("<slug:code>/", views_public.help_view, name="help"),
    path("<slug:code>/ap-phich/", views_public.poster_view, name="poster"),
]

staff_patterns = [
    path("ghi-nhan/", views_staff.record_view, name="record"),
]

urlpatterns = [
    path("giup-do/", include(public_patterns)),
    path("bao-ve/", include(staff_patterns)),
]
