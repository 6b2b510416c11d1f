"""Cascade pages through the test client: deriving, coverage of one plan, coverage per unit below."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binhdang.plans import cascade
from binhdang.plans.models import Plan, PlanStatus, Task
from binhdang.testing import client_in, make_unit

from .test_cascade import SEED_TASKS, commune_plan
from .test_views import _import

pytestmark = pytest.mark.django_db

DERIVE = reverse("plans:derive")


def _derive(client, source, how="cap-tren"):
    return client.post(DERIVE, {"cach": how, "nguon": str(source.uid)})


def test_principal_derives_from_the_commune_plan_and_sees_full_coverage(world):
    source = commune_plan(world)
    draft_above = _import(world.commune, "001_1e38a6a36f82991c.txt")
    client = client_in(world.principal, world.school)
    page = client.get(DERIVE).content.decode()
    assert str(source.uid) in page and str(draft_above.uid) not in page

    response = _derive(client, source)
    plan = Plan.objects.get(source_plan=source)
    assert response.status_code == 302 and response["Location"] == reverse("plans:detail", args=[plan.uid])
    detail = client.get(response["Location"]).content.decode()
    assert "Đã lập dự thảo kế hoạch" in detail
    assert reverse("plans:coverage", args=[plan.uid]) in detail
    assert reverse("plans:unit_coverage", args=[plan.uid]) not in detail  # nothing lies below a school

    coverage = client.get(reverse("plans:coverage", args=[plan.uid]))
    assert coverage.status_code == 200
    html = coverage.content.decode()
    assert f"Đã thực hiện {SEED_TASKS}/{SEED_TASKS} nhiệm vụ của kế hoạch cấp trên (100%)." in html
    assert "chưa thực hiện" not in html
    # The derive page now says the plan was already started from.
    assert reverse("plans:detail", args=[plan.uid]) in client.get(DERIVE).content.decode()


def test_derive_is_manage_work_and_sources_are_checked(world):
    source = commune_plan(world)
    teacher = client_in(world.teacher, world.school)
    assert teacher.get(DERIVE).status_code == 403
    assert _derive(teacher, source).status_code == 403
    # The outsider manages their own school, but the commune's plan is not theirs to read.
    assert _derive(client_in(world.outsider, world.other_school), source).status_code == 404
    # Another school's plan is not "last year's plan" of this school.
    other = Plan.objects.create(issuer_unit=world.school_b, year=2023, title="năm 2023")
    assert _derive(client_in(world.committee_member, world.school), other, "nam-truoc").status_code == 404
    # A commune officer manages the school too, but the school's plan is not above the commune.
    below = _import(world.school)
    below.status = PlanStatus.ISSUED
    below.save()
    officer = client_in(world.commune_officer, world.commune)
    response = _derive(officer, below)
    assert response.status_code == 302 and response["Location"] == DERIVE
    assert "Chỉ lập được kế hoạch từ kế hoạch của đơn vị cấp trên" in officer.get(DERIVE).content.decode()
    assert not Plan.objects.filter(source_plan__isnull=False).exists()
    assert Plan.objects.count() == 3  # the source, the other school's and the school's: nothing derived


def test_derive_from_last_year_through_the_page(world):
    previous = _import(world.school)
    client = client_in(world.committee_member, world.school)
    assert "Lập kế hoạch năm 2024" in client.get(DERIVE).content.decode()
    response = _derive(client, previous, "nam-truoc")
    plan = Plan.objects.get(copied_from=previous)
    assert response["Location"] == reverse("plans:detail", args=[plan.uid]) and plan.year == 2024
    # No plan above yet: the coverage page offers to attach one (there is none issued here).
    html = client.get(reverse("plans:coverage", args=[plan.uid])).content.decode()
    assert "chưa gắn với kế hoạch cấp trên" in html


def test_attach_a_plan_above_then_link_the_rest_by_hand(world):
    previous = _import(world.school)
    plan = cascade.plan_derive_from_previous(actor=None, unit=world.school, previous=previous)
    source = commune_plan(world)
    reworded = Task.objects.filter(group__plan=plan).order_by("pk").first()
    reworded.text = "Tuyên truyền pháp luật về bình đẳng giới cho học sinh"
    reworded.save()
    client = client_in(world.committee_member, world.school)
    url = reverse("plans:coverage", args=[plan.uid])
    assert str(source.uid) in client.get(url).content.decode()
    client.post(reverse("plans:set_source", args=[plan.uid]), {"nguon": str(source.uid), "revision": plan.revision})
    html = client.get(url).content.decode()
    assert f"{SEED_TASKS - 1} nhiệm vụ trùng nội dung được liên kết tự động" in html
    assert f"Đã thực hiện {SEED_TASKS - 1}/{SEED_TASKS}" in html and "chưa thực hiện" in html

    missing = Task.objects.get(group__plan=source, implemented_by__isnull=True)
    plan.refresh_from_db()
    link = reverse("plans:coverage_link", args=[plan.uid])
    form = {"nhiem_vu": reworded.pk, "thuc_hien": missing.pk, "revision": plan.revision}
    assert client_in(world.teacher, world.school).post(link, form).status_code == 403
    stale = {**form, "revision": plan.revision - 1}
    client.post(link, stale)
    assert "vừa được người khác sửa" in client.get(url).content.decode()
    reworded.refresh_from_db()
    assert reworded.implements is None
    assert client.post(link, form).status_code == 302
    html = client.get(url).content.decode()
    assert f"Đã thực hiện {SEED_TASKS}/{SEED_TASKS}" in html
    # A task of the plan itself is not a task above.
    plan.refresh_from_db()
    client.post(link, {**form, "thuc_hien": reworded.pk, "revision": plan.revision})
    reworded.refresh_from_db()
    assert reworded.implements == missing


def test_unit_coverage_is_for_the_commune_not_for_its_schools(world):
    source = commune_plan(world)
    school2 = make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    derived = cascade.plan_derive_from_above(actor=None, unit=world.school, source=source)
    Task.objects.filter(group__plan=derived).order_by("pk").first().delete()
    url = reverse("plans:unit_coverage", args=[source.uid])

    principal = client_in(world.principal, world.school)
    assert principal.get(reverse("plans:detail", args=[source.uid])).status_code == 200  # reads it from below
    assert principal.get(url).status_code == 404
    assert principal.get(reverse("plans:coverage", args=[derived.uid])).status_code == 200  # its own plan
    assert client_in(world.outsider, world.other_school).get(url).status_code == 404

    officer = client_in(world.commune_officer, world.commune)
    detail = officer.get(reverse("plans:detail", args=[source.uid])).content.decode()
    assert url in detail
    response = officer.get(url)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r.unit, r.plan, r.covered, r.total) for r in rows] == [
        (school2, None, 0, SEED_TASKS), (world.school, derived, SEED_TASKS - 1, SEED_TASKS)]
    html = response.content.decode()
    assert "Chưa lập kế hoạch thực hiện" in html and "15/16 (93%)" in html
    assert "1/2 đơn vị đã lập kế hoạch thực hiện, 0 đã ban hành" in html
    assert officer.get(reverse("plans:coverage", args=[derived.uid])).status_code == 200


def test_unit_coverage_page_queries_do_not_grow_with_the_schools(world):
    source = commune_plan(world)
    officer = client_in(world.commune_officer, world.commune)
    url = reverse("plans:unit_coverage", args=[source.uid])
    officer.get(url)
    counts = []
    for batch, how_many in (("a", 3), ("b", 20)):
        for i in range(how_many):
            school = make_unit(f"truong-{batch}{i}", "school", world.commune, "primary")
            cascade.plan_derive_from_above(actor=None, unit=school, source=source)
        with CaptureQueriesContext(connection) as queries:
            assert officer.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_school_reading_the_commune_plan_is_offered_to_derive_not_coverage(world):
    source = commune_plan(world)
    html = client_in(world.principal, world.school).get(reverse("plans:detail", args=[source.uid])).content.decode()
    assert reverse("plans:unit_coverage", args=[source.uid]) not in html
    assert f'value="{source.uid}"' in html and "Lập kế hoạch thực hiện" in html
    html = client_in(world.teacher, world.school).get(reverse("plans:detail", args=[source.uid])).content.decode()
    assert "Lập kế hoạch thực hiện" not in html


def test_plan_list_links_to_the_derive_page_for_managers_only(world):
    assert DERIVE in client_in(world.committee_member, world.school).get(reverse("plans:list")).content.decode()
    assert DERIVE not in client_in(world.unit_lead, world.school).get(reverse("plans:list")).content.decode()
