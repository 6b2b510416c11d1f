"""Plan list and detail pages: who sees what, and what the detail page shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binhdang.legal.models import DocumentStatus, LegalDocument
from binhdang.legal.services import registry_sync
from binhdang.plans import services
from binhdang.plans.importing import read_plan_file
from binhdang.plans.models import Plan

from .test_import_command import SEEDS

pytestmark = pytest.mark.django_db


def _import(unit, name="000_b75ea42580e22e9e.txt", actor=None) -> Plan:
    path = SEEDS / name
    return services.plan_create_from_parsed(actor=actor, unit=unit, parsed=read_plan_file(path.name, path.read_bytes()))


def _as(client, user, unit):
    """Log in and point the unit switcher at `unit`."""
    client.force_login(user)
    response = client.post(reverse("accounts:switch_unit"), {"unit": str(unit.uid), "next": "/"})
    assert response.status_code == 302
    return client


def test_anonymous_is_sent_to_login(client, world):
    plan = _import(world.school)
    for url in (reverse("plans:list"), reverse("plans:detail", args=[plan.uid])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_outsider_gets_404_on_the_detail(login, world):
    plan = _import(world.school)
    response = login(world.outsider).get(reverse("plans:detail", args=[plan.uid]))
    assert response.status_code == 404


def test_outsider_list_does_not_show_other_provinces_plans(login, world):
    _import(world.school)
    response = login(world.outsider).get(reverse("plans:list"))
    assert response.status_code == 200
    assert "Triển khai thực hiện công tác bình đẳng giới năm 2023" not in response.content.decode()
    assert "chưa có kế hoạch nào" in response.content.decode()


def test_user_without_a_unit_gets_404(login, world):
    assert login(world.no_role).get(reverse("plans:list")).status_code == 404


def test_commune_officer_of_another_branch_cannot_read_the_school_b_plan(client, world):
    # school_b reports to the Sở directly, not to the commune: rights flow down only.
    plan = _import(world.school_b)
    _as(client, world.commune_officer, world.commune)
    assert client.get(reverse("plans:detail", args=[plan.uid])).status_code == 404


def test_teacher_sees_list_and_detail(login, world):
    registry_sync()
    plan = _import(world.school)
    client = login(world.teacher)
    listing = client.get(reverse("plans:list"))
    assert listing.status_code == 200
    assert reverse("plans:detail", args=[plan.uid]) in listing.content.decode()
    detail = client.get(reverse("plans:detail", args=[plan.uid]))
    assert detail.status_code == 200
    html = detail.content.decode()
    for text in ("Triển khai thực hiện công tác bình đẳng giới năm 2023", "6830/KH-UBND", "Nguyễn Ngọc Chín",
                 "HIỆU TRƯỞNG", "Sở GDĐT", "để báo cáo", "I. MỤC ĐÍCH, YÊU CẦU",
                 "Tổ chức Tháng hành động vì bình đẳng giới", "Chưa xếp được / cảnh báo",
                 "Dòng 31: mục “c)” không bắt đầu từ “a)”."):
        assert text in html, text
    assert html.count('class="task-group"') == 5
    assert "đã được thay thế bởi" not in html


def test_province_officer_sees_the_school_plan_at_province_level(client, world):
    plan = _import(world.school)
    own = _import(world.province)
    other = _import(world.other_school)
    _as(client, world.province_officer, world.province)
    response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("plans:detail", args=[plan.uid]) in html
    assert reverse("plans:detail", args=[own.uid]) in html
    assert reverse("plans:detail", args=[other.uid]) not in html
    assert world.school.name in html  # the issuer column appears above the schools
    # Newest first.
    assert html.index(str(own.uid)) < html.index(str(plan.uid))
    assert client.get(reverse("plans:detail", args=[plan.uid])).status_code == 200


def test_school_list_shows_only_its_own_plans(login, world):
    _import(world.province)
    response = login(world.teacher).get(reverse("plans:list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert "Đơn vị chưa có kế hoạch nào" in response.content.decode()


def test_detail_warns_about_replaced_documents_and_missing_signer(login, world):
    registry_sync()
    plan = _import(world.school, "001_1e38a6a36f82991c.txt")
    html = login(world.teacher).get(reverse("plans:detail", args=[plan.uid])).content.decode()
    assert "đã được thay thế bởi Luật 13/2022/QH15" in html
    assert "Chưa có người ký" in html
    assert "Văn bản bị cắt: không tìm thấy người ký" in html
    assert "Phòng GD-ĐT" in html


def test_detail_badge_follows_the_registry(login, world):
    registry_sync()
    plan = _import(world.school)
    newer = LegalDocument.objects.create(kind="administrative", number="9999/KH-UBND", doc_type="Kế hoạch")
    LegalDocument.objects.filter(number="6830/KH-UBND").update(status=DocumentStatus.REPLACED, replaced_by=newer)
    html = login(world.teacher).get(reverse("plans:detail", args=[plan.uid])).content.decode()
    assert "đã được thay thế bởi Kế hoạch 9999/KH-UBND" in html
    assert "Kế hoạch trích dẫn 1 văn bản đã được thay thế." in html


def test_detail_query_count_does_not_grow_with_the_plan(login, world):
    big = _import(world.school)  # 5 task groups, 11 citations
    small = _import(world.school, "001_1e38a6a36f82991c.txt")  # 3 groups, 6 citations
    client = login(world.teacher)
    client.get(reverse("plans:list"))  # warm the session
    counts = []
    for plan in (big, small):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("plans:detail", args=[plan.uid])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 16  # 15 for the page, 1 for the header's unread-notification count


def test_navigation_links_to_plans(login, world):
    html = login(world.teacher).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("plans:list")}"' in html
