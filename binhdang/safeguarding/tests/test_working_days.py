"""Vietnamese working days on the local calendar (Asia/Ho_Chi_Minh), for the plan clock."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from binhdang.safeguarding.working_days import add_working_days, is_working_day

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN)


def test_the_project_runs_on_vietnamese_time(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(("start", "days", "expected"), [
    (local(2026, 3, 5, 9, 30), 1, local(2026, 3, 6, 9, 30)),    # Thursday → Friday
    (local(2026, 3, 6, 9, 30), 1, local(2026, 3, 9, 9, 30)),    # Friday → Monday, over the weekend
    (local(2026, 3, 5, 9, 30), 5, local(2026, 3, 12, 9, 30)),   # Thursday + 5 → next Thursday
    (local(2026, 3, 7, 10, 0), 1, local(2026, 3, 9, 10, 0)),    # received on Saturday: counts from Monday
    (local(2026, 3, 8, 22, 0), 5, local(2026, 3, 13, 22, 0)),   # received on Sunday night
    (local(2026, 3, 5, 9, 30), 0, local(2026, 3, 5, 9, 30)),
])
def test_weekends_are_skipped(start, days, expected):
    assert add_working_days(start, days) == expected


def test_tet_2026_is_skipped():
    # Tết Bính Ngọ: Monday 16 to Friday 20 February 2026 are public holidays.
    assert not any(is_working_day(dt.date(2026, 2, day)) for day in range(16, 21))
    assert add_working_days(local(2026, 2, 13, 8, 0), 1) == local(2026, 2, 23, 8, 0)
    assert add_working_days(local(2026, 2, 12, 8, 0), 5) == local(2026, 2, 26, 8, 0)  # Fri 13, Mon 23 … Thu 26


def test_national_day_is_skipped():
    # 2 September (and 1 September, and the 31 August bridge day in 2026) are days off.
    assert not is_working_day(dt.date(2026, 9, 2))
    assert add_working_days(local(2026, 8, 28, 14, 0), 1) == local(2026, 9, 3, 14, 0)
    assert add_working_days(local(2026, 8, 27, 14, 0), 5) == local(2026, 9, 8, 14, 0)  # 28/8, 3, 4, 7, 8/9


def test_counted_on_the_local_day_not_utc():
    # 20:00 UTC on Friday 13 March is 03:00 on Saturday 14 March in Việt Nam: counting starts Monday.
    utc = dt.datetime(2026, 3, 13, 20, 0, tzinfo=dt.UTC)
    assert add_working_days(utc, 1) == local(2026, 3, 16, 3, 0)


def test_across_the_new_year():
    # 31 Dec 2026 is a Thursday, 1 Jan 2027 a holiday, then the weekend.
    assert add_working_days(local(2026, 12, 31, 9, 0), 1) == local(2027, 1, 4, 9, 0)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(local(2026, 3, 5), -1)
