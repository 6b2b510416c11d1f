"""URLs of the activities app (mounted at /hoat-dong/); each feature appends its own block."""

from django.urls import path  # noqa: F401  (the features below add their paths)

app_name = "activities"
urlpatterns: list = []
