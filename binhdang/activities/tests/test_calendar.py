import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binhdang.activities import calendar, selectors_calendar
from binhdang.testing import client_in, make_unit

from .calendar_helpers import activity, at

pytestmark = pytest.mark.django_db
URL = reverse("activities:calendar")


def _html(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return response.content.decode()


def test_month_period_is_whole_weeks_monday_first():
    per = calendar.period(calendar.MONTH, dt.date(2026, 11, 18))
    # November 2026 starts on a Sunday: the grid opens on Monday 26 October.
    assert per.start == dt.date(2026, 10, 26) and per.start.weekday() == 0
    assert per.end == dt.date(2026, 12, 7) and (per.end - per.start).days % 7 == 0
    assert per.previous == dt.date(2026, 10, 1) and per.next == dt.date(2026, 12, 1)
    assert calendar.period(calendar.MONTH, dt.date(2026, 12, 5)).next == dt.date(2027, 1, 1)
    assert calendar.period(calendar.MONTH, dt.date(2026, 1, 5)).previous == dt.date(2025, 12, 1)


def test_month_grid_lists_each_day_by_time_with_status_and_more(world):
    activity(world.school, "Sinh hoạt dưới cờ về bình đẳng giới", at("2026-11-16", "07:00"), status="done")
    for n, hour in enumerate(("09:00", "10:00", "14:00", "15:00")):
        activity(world.school, f"Hoạt động {n}", at("2026-11-20", hour))
    activity(world.school, "Sớm nhất trong ngày", at("2026-11-20", "06:30"))
    html = _html(client_in(world.teacher, world.school), "?ngay=2026-11-05")
    assert "Tháng 11/2026" in html
    heads = [f"<th scope=\"col\">{name}</th>" for name in ("T2", "T3", "T4", "T5", "T6", "T7", "CN")]
    assert all(head in html for head in heads) and html.index(heads[0]) < html.index(heads[6])
    cell_16 = html.split('data-day="2026-11-16"')[1].split("</td>")[0]
    assert "Sinh hoạt dưới cờ về bình đẳng giới" in cell_16 and "status-done" in cell_16 and "07:00" in cell_16
    cell_20 = html.split('data-day="2026-11-20"')[1].split("</td>")[0]
    # By time: the 06:30 one first; three shown, then "+2" leading to that week.
    assert cell_20.index("Sớm nhất trong ngày") < cell_20.index("Hoạt động 0")
    assert "Hoạt động 2" not in cell_20 and "+2" in cell_20 and "ngay=2026-11-20" in cell_20


def test_week_view_shows_every_activity_of_the_week(world):
    for n in range(5):
        activity(world.school, f"Buổi ngoại khoá {n}", at("2026-11-18", f"{n + 7:02}:00"))
    activity(world.school, "Ngày 23 thuộc tuần khác", at("2026-11-23", "08:00"))
    html = _html(client_in(world.teacher, world.school), "?xem=tuan&ngay=2026-11-18")
    assert "Tuần 16/11 – 22/11/2026" in html
    assert all(f"Buổi ngoại khoá {n}" in html for n in range(5)) and "+2" not in html
    assert "Ngày 23 thuộc tuần khác" not in html
    assert 'data-day="2026-11-16"' in html and 'data-day="2026-11-23"' not in html


def test_navigation_links_and_htmx_partial(world):
    client = client_in(world.teacher, world.school)
    html = _html(client, "?xem=tuan&ngay=2026-11-18")
    assert "?xem=tuan&amp;ngay=2026-11-11" in html and "?xem=tuan&amp;ngay=2026-11-25" in html
    assert 'hx-target="#calendar"' in html
    month = _html(client, "?ngay=2026-11-18")
    assert "?xem=thang&amp;ngay=2026-10-01" in month and "?xem=thang&amp;ngay=2026-12-01" in month
    partial = client.get(URL + "?ngay=2026-12-01", headers={"HX-Request": "true"}).content.decode()
    assert partial.startswith('<section id="calendar"') and "Tháng 12/2026" in partial and "<html" not in partial


def test_today_is_highlighted_and_a_bad_date_means_today(world, settings):
    from django.utils import timezone

    today = timezone.localdate()
    html = _html(client_in(world.teacher, world.school), "?ngay=khong-phai-ngay")
    assert f'aria-current="date" data-day="{today:%Y-%m-%d}"' in html


def test_day_boundaries_are_vietnam_time(world):
    # 23:30 in Hà Nội on the 16th is 16:30 UTC on the 16th; 00:30 on the 17th is 17:30 UTC on the 16th.
    activity(world.school, "Muộn ngày 16", at("2026-11-16", "23:30"))
    activity(world.school, "Sớm ngày 17", at("2026-11-17", "00:30"))
    html = _html(client_in(world.teacher, world.school), "?xem=tuan&ngay=2026-11-16")
    cell_16 = html.split('data-day="2026-11-16"')[1].split("</td>")[0]
    cell_17 = html.split('data-day="2026-11-17"')[1].split("</td>")[0]
    assert "Muộn ngày 16" in cell_16 and "23:30" in cell_16 and "Sớm ngày 17" not in cell_16
    assert "Sớm ngày 17" in cell_17 and "00:30" in cell_17
    # A period starting on the 17th does not take the 16th's late activity.
    found = selectors_calendar.calendar_activities(world.school, dt.date(2026, 11, 17), dt.date(2026, 11, 18))
    assert [a.title for a in found] == ["Sớm ngày 17"]


def test_activity_over_several_days_is_on_each(world):
    activity(world.school, "Triển lãm tranh", at("2026-11-16", "08:00"), ends_at=at("2026-11-18", "17:00"))
    days = selectors_calendar.by_day(
        selectors_calendar.calendar_activities(world.school, dt.date(2026, 11, 17), dt.date(2026, 11, 24)),
        dt.date(2026, 11, 17), dt.date(2026, 11, 24))
    assert [d.day for d, items in days.items() if items] == [17, 18]


def test_phone_list_has_the_days_with_activities(world):
    activity(world.school, "Họp phụ huynh", at("2026-11-19", "19:00"))
    html = _html(client_in(world.teacher, world.school), "?ngay=2026-11-19")
    listing = html.split('<ol class="cal-list">')[1].split("</ol>")[0]
    assert 'data-day="2026-11-19"' in listing and "T5 19/11" in listing and "Họp phụ huynh" in listing
    assert 'data-day="2026-11-18"' not in listing
    empty = _html(client_in(world.teacher, world.school), "?ngay=2027-03-01")
    assert "Không có hoạt động nào trong thời gian này." in empty


def test_school_sees_its_own_and_officer_sees_units_below_with_names(world):
    activity(world.school, "Của trường A", at("2026-11-16"))
    activity(world.school_b, "Của trường B", at("2026-11-16"))
    activity(world.other_school, "Của tỉnh khác", at("2026-11-16"))
    school = _html(client_in(world.teacher, world.school), "?ngay=2026-11-16")
    assert "Của trường A" in school and "Của trường B" not in school and "Của tỉnh khác" not in school
    assert "cal-unit" not in school
    officer = _html(client_in(world.province_officer, world.province), "?ngay=2026-11-16")
    assert "Của trường A" in officer and "Của trường B" in officer and "Của tỉnh khác" not in officer
    assert world.school.name in officer and world.school_b.name in officer
    commune = _html(client_in(world.commune_officer, world.commune), "?ngay=2026-11-16")
    assert "Của trường A" in commune and "Của trường B" not in commune


def test_outsider_gets_404_on_another_units_calendar(world):
    activity(world.school, "Của trường A", at("2026-11-16"))
    query = f"?ngay=2026-11-16&don-vi={world.school.uid}"
    assert client_in(world.outsider, world.other_school).get(URL + query).status_code == 404
    assert client_in(world.no_role, world.school).get(URL).status_code == 404
    # Rights never flow up: a school's teacher cannot open the commune's calendar.
    assert client_in(world.teacher, world.school).get(URL + f"?don-vi={world.commune.uid}").status_code == 404
    # The switcher cannot be pointed at a foreign unit either: the outsider sees their own school.
    html = _html(client_in(world.outsider, world.school), "?ngay=2026-11-16")
    assert "Của trường A" not in html and world.other_school.name in html


def test_officer_picks_one_school_below(world):
    activity(world.school, "Của trường A", at("2026-11-16"))
    activity(world.school_b, "Của trường B", at("2026-11-16"))
    html = _html(client_in(world.province_officer, world.province), f"?ngay=2026-11-16&don-vi={world.school_b.uid}")
    assert "Của trường B" in html and "Của trường A" not in html
    assert f"&amp;don-vi={world.school_b.uid}" in html  # navigation stays on that school


def test_selector_query_count_is_fixed(world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            found = selectors_calendar.calendar_activities(world.province, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
            assert all(a.unit.name for a in found)  # unit names come with the one query
        return len(queries), len(found)

    activity(world.school, "Một", at("2026-11-16"))
    small = count()
    for n in range(6):
        unit = make_unit(f"truong-lich-{n}", "school", world.commune, "primary")
        for k in range(3):
            activity(unit, f"Hoạt động {n}-{k}", at("2026-11-17", f"0{k + 7}:00"))
    big = count()
    assert small == (1, 1) and big == (1, 19)
