"""Plan targets linked to indicators: values from rollups (ratio of sums), met / at risk / missed
with hand-checked numbers, schools meeting a goal in one query per indicator, the pages per role."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.indicators.models import TargetLink
from binhdang.indicators.rollups import value_set
from binhdang.indicators.targets import schools_meeting, target_status, targets_page
from binhdang.plans.models import Plan, Target
from binhdang.testing import client_in

from .manual import count, rate

PERIOD = "2025-2026"  # ran 1/9/2025–31/8/2026
DURING = dt.date(2026, 3, 1)
AFTER = dt.date(2026, 11, 22)


@pytest.fixture
def clubs(world):
    """Club membership: school A 30/100 (F 20/48), school B 45/50, so the Sở has 75/150 = 50 %
    (an average of the schools' 30 % and 90 % would say 60 %)."""
    indicator = rate()
    value_set(unit=world.school, indicator=indicator, period=PERIOD, manual=True,
              rows={"": (30, 100), "sex=F": (20, 48), "sex=M": (10, 52)})
    value_set(unit=world.school_b, indicator=indicator, period=PERIOD, manual=True, rows={"": (45, 50)})
    return indicator


def target(unit, position=1, text="Ít nhất 40 % học sinh tham gia câu lạc bộ") -> Target:
    plan = Plan.objects.filter(issuer_unit=unit).first() or Plan.objects.create(
        issuer_unit=unit, title=f"Kế hoạch bình đẳng giới ({unit.code})")
    return Target.objects.create(plan=plan, position=position, text=text)


def link(unit, indicator, goal, higher=True, key="", position=1) -> TargetLink:
    return TargetLink.objects.create(target=target(unit, position), indicator=indicator, goal=Decimal(goal),
                                     higher_is_better=higher, disaggregation=key)


@pytest.mark.parametrize(("goal", "today", "status"), [
    ("50", AFTER, "met"),         # reached exactly
    ("45", DURING, "met"),
    ("55", DURING, "at_risk"),    # 50 < 55 while the year runs (an average, 60, would say met)
    ("55", AFTER, "missed"),      # and once it is over
])
def test_a_rate_is_the_ratio_of_sums(world, clubs, goal, today, status):
    result = target_status(link(world.province, clubs, goal), world.province, PERIOD, today)
    assert (result.value, result.status) == (Decimal("50.00"), status)  # 75 / 150 × 100


def test_a_disaggregated_goal_reads_its_own_row(world, clubs):
    result = target_status(link(world.school, clubs, "40", key="sex=F"), world.school, PERIOD, AFTER)
    assert (result.value, result.status) == (Decimal("41.67"), "met")  # 20 / 48 × 100


@pytest.mark.parametrize(("goal", "today", "status"), [
    ("3", AFTER, "met"), ("2", DURING, "at_risk"), ("2", AFTER, "missed")])
def test_lower_is_better_reverses_the_test(world, goal, today, status):
    incidents = count(code="reported-incidents")
    value_set(unit=world.school, indicator=incidents, period=PERIOD, rows={"": (3, None)}, manual=True)
    result = target_status(link(world.school, incidents, goal, higher=False), world.school, PERIOD, today)
    assert (result.value, result.status) == (Decimal(3), status)


def test_no_data_is_never_met(world):
    share = rate(code="empty-rate")
    result = target_status(link(world.school, share, "0"), world.school, PERIOD, DURING)
    assert (result.value, result.status) == (None, "at_risk")


def test_schools_meeting_a_goal_in_one_query_per_indicator(world, clubs, django_assert_num_queries):
    from binhdang.testing import make_unit

    extra = make_unit("truong-c", "school", world.commune, "primary")
    value_set(unit=extra, indicator=clubs, period=PERIOD, rows={"": (50, 100)}, manual=True)
    links = [link(world.province, clubs, "40"), link(world.province, clubs, "40", key="sex=F", position=2),
             link(world.province, clubs, "31", position=3)]
    with django_assert_num_queries(2):  # the number of schools, then one query for the indicator
        total, meeting = schools_meeting(links, world.province, PERIOD)
    # ≥ 40 %: school B (90) and C (50), not A (30); girls ≥ 40 %: A only (41.67); ≥ 31 %: B and C.
    assert total == 3
    assert [meeting[item.pk] for item in links] == [2, 1, 2]


def test_the_page_lists_unlinked_targets_too(world, clubs):
    link(world.commune, clubs, "25")
    target(world.commune, 2, "Tổ chức 4 buổi truyền thông")
    page = targets_page(world.commune, PERIOD, AFTER)
    assert [(row["target"].position, row["status"] and row["status"].status, row["schools_meeting"])
            for row in page["rows"]] == [(1, "met", 1), (2, None, None)]  # commune: 30/100 ≥ 25
    assert page["school_total"] == 1


URL = reverse("indicators:targets")


def test_targets_page_per_role(world, clubs):
    link(world.school, clubs, "40")
    assert client_in(world.counsellor, world.school).get(URL + f"?ky={PERIOD}").status_code == 200
    page = client_in(world.principal, world.school).get(URL + f"?ky={PERIOD}").content.decode()
    assert "Gắn chỉ số" not in page and "Sửa liên kết" in page and "Không đạt" in page
    assert "Sửa liên kết" not in client_in(world.teacher, world.school).get(URL).content.decode()
    assert client_in(world.no_role, world.school).get(URL).status_code == 404
    assert client_in(world.teacher, world.school).get(URL + "?ky=2025").status_code == 404


def link_url(item: Target) -> str:
    return reverse("indicators:target_link", kwargs={"uid": item.plan.uid, "position": item.position})


def test_linking_a_target(world, clubs):
    item = target(world.school)
    url = link_url(item)
    client = client_in(world.committee_member, world.school)
    assert client.get(url).status_code == 200
    response = client.post(url, {"indicator": str(clubs.uid), "disaggregation": "sex=F", "goal": "40,5",
                                 "direction": "up"})
    assert response.status_code == 302
    saved = TargetLink.objects.get(target=item)
    assert (saved.indicator, saved.disaggregation, saved.goal, saved.higher_is_better) == (
        clubs, "sex=F", Decimal("40.50"), True)
    audit = AuditEntry.objects.get(action="indicator.target_link")
    assert audit.details["indicator"] == str(clubs.uid) and audit.details["plan"] == str(item.plan.uid)
    client.post(url, {"action": "remove"})
    assert not TargetLink.objects.exists() and AuditEntry.objects.filter(action="indicator.target_unlink").exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"indicator": "", "goal": "5"}, "Chỉ số: hãy chọn một chỉ số trong danh mục."),
    ({"indicator": "clubs", "goal": "-1"}, "Giá trị mục tiêu: cần một số không âm, ví dụ 50 hoặc 12,5."),
    ({"indicator": "clubs", "goal": "nhiều"}, "Giá trị mục tiêu: cần một số không âm, ví dụ 50 hoặc 12,5."),
    ({"indicator": "count", "goal": "4", "disaggregation": "sex=F"},
     "Phân tổ: lựa chọn không hợp lệ với chỉ số này."),
])
def test_link_form_messages(world, clubs, data, message):
    sessions = count()
    data = {**data, "indicator": {"clubs": str(clubs.uid), "count": str(sessions.uid)}.get(data["indicator"], "")}
    response = client_in(world.committee_member, world.school).post(link_url(target(world.school)), data)
    assert response.status_code == 400 and message in response.context["errors"]
    assert not TargetLink.objects.exists()


def test_link_form_per_role(world, clubs):
    url = link_url(target(world.school))
    assert client_in(world.unit_lead, world.school).get(url).status_code == 403
    assert client_in(world.outsider, world.other_school).get(url).status_code == 404
    assert client_in(world.commune_officer, world.commune).get(url).status_code == 200
    missing = reverse("indicators:target_link", kwargs={"uid": target(world.school).plan.uid, "position": 9})
    assert client_in(world.principal, world.school).get(missing).status_code == 404
