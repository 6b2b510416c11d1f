"""URLs of the activities app (mounted at /hoat-dong/); each feature appends its own block."""

from django.urls import path  # noqa: F401  (the features below add their paths)

app_name = "activities"
urlpatterns: list = []

# Calendar and my work (views_calendar.py).
from . import views_calendar  # noqa: E402

urlpatterns += [
    path("lich/", views_calendar.calendar_view, name="calendar"),
    path("viec-cua-toi/", views_calendar.my_work_view, name="my_work"),
]
