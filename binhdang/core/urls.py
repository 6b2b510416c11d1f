from django.urls import path

from . import views, views_notifications

app_name = "core"
urlpatterns = [
    path("", views.home_view, name="home"),
    path("suc-khoe/", views.health_view, name="health"),
    path("thong-bao/", views_notifications.notification_list_view, name="notifications"),
    path("thong-bao/da-doc-het/", views_notifications.notification_read_all_view, name="notifications_read_all"),
    path("thong-bao/<uuid:uid>/da-doc/", views_notifications.notification_read_view, name="notification_read"),
]
