import pytest
from django.urls import reverse

from binhdang.core.models import Notification
from binhdang.core.notifications import notify
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db


def _notify(user, key="k1", title="Sắp đến hạn: Treo băng rôn", url="/hoat-dong/viec-cua-toi/"):
    return notify(user, None, "task.deadline", key, title, "Nội dung", url)


def test_notify_is_idempotent_on_user_and_key(world):
    assert _notify(world.teacher) is True
    assert _notify(world.teacher, title="Tiêu đề khác") is False
    assert Notification.objects.get(user=world.teacher).title == "Sắp đến hạn: Treo băng rôn"
    assert _notify(world.unit_lead) is True  # the same key for another user is another notice
    assert _notify(world.teacher, key="k2") is True
    assert Notification.objects.count() == 3


def test_bell_shows_the_unread_count(world):
    client = client_in(world.teacher, world.school)
    assert "unread-count" not in client.get(reverse("core:home")).content.decode()
    _notify(world.teacher)
    _notify(world.teacher, key="k2")
    _notify(world.unit_lead, key="k3")
    html = client.get(reverse("core:home")).content.decode()
    assert 'class="badge unread-count"' in html and ">2</span>" in html


def test_list_shows_own_notifications_only(world):
    _notify(world.teacher, title="Của giáo viên")
    _notify(world.unit_lead, title="Của tổ trưởng")
    html = client_in(world.teacher, world.school).get(reverse("core:notifications")).content.decode()
    assert "Của giáo viên" in html and "Của tổ trưởng" not in html
    empty = client_in(world.no_role, world.school).get(reverse("core:notifications")).content.decode()
    assert "Chưa có thông báo nào." in empty


def test_mark_one_read_and_open_its_link(world):
    _notify(world.teacher)
    notification = Notification.objects.get(user=world.teacher)
    client = client_in(world.teacher, world.school)
    url = reverse("core:notification_read", args=[notification.uid])
    assert client.get(url).status_code == 405
    response = client.post(url, {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/hoat-dong/viec-cua-toi/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "unread-count" not in client.get(reverse("core:home")).content.decode()


def test_another_users_notification_is_not_found(world):
    _notify(world.unit_lead)
    notification = Notification.objects.get(user=world.unit_lead)
    response = client_in(world.teacher, world.school).post(reverse("core:notification_read", args=[notification.uid]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read_touches_only_mine(world):
    _notify(world.teacher)
    _notify(world.teacher, key="k2")
    _notify(world.unit_lead)
    response = client_in(world.teacher, world.school).post(reverse("core:notifications_read_all"))
    assert response.status_code == 302
    assert not Notification.objects.filter(user=world.teacher, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=world.unit_lead, read_at__isnull=True).count() == 1


def test_a_link_off_the_site_is_never_followed(world):
    _notify(world.teacher, url="//evil.example/")
    notification = Notification.objects.get(user=world.teacher)
    client = client_in(world.teacher, world.school)
    assert 'name="open"' not in client.get(reverse("core:notifications")).content.decode()
    response = client.post(reverse("core:notification_read", args=[notification.uid]), {"open": "1"})
    assert response["Location"] == reverse("core:notifications")


def test_home_links_to_my_work_and_the_calendar(world):
    html = client_in(world.teacher, world.school).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("activities:my_work")}"' in html and f'href="{reverse("activities:calendar")}"' in html
