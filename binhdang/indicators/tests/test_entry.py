"""Hand entry: each validation rule with its message, all or nothing, outlier warnings and their
confirmation, values reaching the rollups above, the audit row."""

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.indicators.models import DataValue, Rollup
from binhdang.indicators.rollups import value_set
from binhdang.testing import client_in

from .manual import count, rate

PERIOD = "2025-2026"
URL = reverse("indicators:entry") + f"?ky={PERIOD}"


@pytest.fixture
def clubs(db):
    return rate()


@pytest.fixture
def sessions(db):
    return count()


def form(**values) -> dict:
    """POST data: keyword "clubs_girls__num_F" → field "v-clubs-girls-num-F"."""
    data = {"ky": PERIOD}
    for name, value in values.items():
        code, key = name.split("__")
        data[f"v-{code.replace('_', '-')}-{key.replace('_', '-')}"] = str(value)
    return data


FULL = dict(clubs_girls__num=30, clubs_girls__den=100, clubs_girls__num_F=20, clubs_girls__num_M=10,
            clubs_girls__den_F=48, clubs_girls__den_M=50, clubs_girls__den_U=2)


def post(world, data):
    return client_in(world.committee_member, world.school).post(URL, data)


def stored(unit, indicator):
    return dict(DataValue.objects.filter(unit=unit, indicator=indicator, period=PERIOD)
                .values_list("disaggregation", "numerator"))


def errors(response) -> list[str]:
    return [e for line in response.context["lines"] for e in line.errors]


def test_the_form_lists_the_school_indicators_only(world, clubs, sessions):
    rate(code="commune-share", kind="commune")
    response = client_in(world.committee_member, world.school).get(URL)
    assert [line.indicator.code for line in response.context["lines"]] == ["clubs-girls", "counselling-sessions"]
    names = [[cell["name"][len("v-clubs-girls-"):] for cell in row["cells"]]
             for row in response.context["lines"][0].grid()]
    assert names == [["num", "den"], ["num-F", "den-F"], ["num-M", "den-M"], ["num-U", "den-U"]]
    assert [[c["name"] for c in row["cells"]] for row in response.context["lines"][1].grid()] == [
        ["v-counselling-sessions-num"]]


def test_a_valid_form_saves_every_row_and_moves_the_rollups(world, clubs, sessions):
    response = post(world, form(**FULL, counselling_sessions__num=7))
    assert response.status_code == 302
    assert stored(world.school, clubs) == {"": 30, "sex=F": 20, "sex=M": 10, "sex=U": 0}
    assert stored(world.school, sessions) == {"": 7}
    province = Rollup.objects.get(unit=world.province, indicator=clubs, period=PERIOD, disaggregation="sex=F")
    assert (province.numerator, province.denominator) == (20, 48)
    assert DataValue.objects.filter(unit=world.school, is_manual=True, entered_by=world.committee_member).count() == 5
    entry = AuditEntry.objects.get(action="indicator.values_enter")
    assert entry.details == {"unit": str(world.school.uid), "period": PERIOD, "rows_changed": 5,
                             "indicators": [str(clubs.uid), str(sessions.uid)]}


@pytest.mark.parametrize(("values", "message"), [
    ({"clubs_girls__num": "-3", "clubs_girls__den": 10},
     "«Tỷ lệ học sinh tham gia câu lạc bộ»: tử số (tổng) phải là số nguyên không âm (đã nhập “-3”)."),
    ({"clubs_girls__num": "2.5", "clubs_girls__den": 10},
     "«Tỷ lệ học sinh tham gia câu lạc bộ»: tử số (tổng) phải là số nguyên không âm (đã nhập “2.5”)."),
    ({"clubs_girls__num": 3},
     "«Tỷ lệ học sinh tham gia câu lạc bộ»: cần nhập mẫu số (tổng)."),
    ({"clubs_girls__num": 11, "clubs_girls__den": 10},
     "«Tỷ lệ học sinh tham gia câu lạc bộ»: tử số (tổng) (11) không được lớn hơn mẫu số (tổng) (10)."),
    ({"clubs_girls__num": 5, "clubs_girls__den": 10, "clubs_girls__num_F": 3, "clubs_girls__num_M": 1,
      "clubs_girls__den_F": 6, "clubs_girls__den_M": 4},
     "«Tỷ lệ học sinh tham gia câu lạc bộ»: Nữ + Nam + Chưa ghi nhận của tử số (4) phải bằng tử số (tổng) (5)."),
    ({"clubs_girls__num": 5, "clubs_girls__den": 10, "clubs_girls__num_F": 4, "clubs_girls__num_M": 1,
      "clubs_girls__den_F": 3, "clubs_girls__den_M": 7},
     "«Tỷ lệ học sinh tham gia câu lạc bộ»: tử số (Nữ) (4) không được lớn hơn mẫu số (Nữ) (3)."),
    ({"clubs_girls__num": 5, "clubs_girls__den": 10, "clubs_girls__num_F": 4, "clubs_girls__num_M": 1,
      "clubs_girls__den_F": 6, "clubs_girls__den_M": 3},
     "«Tỷ lệ học sinh tham gia câu lạc bộ»: Nữ + Nam + Chưa ghi nhận của mẫu số (9) phải bằng mẫu số (tổng) (10)."),
])
def test_each_rule_names_the_indicator_and_the_field(world, clubs, sessions, values, message):
    response = post(world, form(**values, counselling_sessions__num=4))
    assert response.status_code == 200
    assert message in errors(response)
    # All or nothing: the valid count on the same form was not saved either.
    assert not DataValue.objects.exists() and not AuditEntry.objects.filter(action="indicator.values_enter").exists()
    assert message in response.content.decode()


def test_a_failure_while_saving_rolls_the_whole_form_back(world, clubs, sessions, monkeypatch):
    from binhdang.indicators import services

    calls = []

    def failing(**kwargs):
        calls.append(kwargs["indicator"].code)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return value_set(**kwargs)

    monkeypatch.setattr(services, "value_set", failing)
    with pytest.raises(RuntimeError):
        post(world, form(**FULL, counselling_sessions__num=7))
    assert calls == ["clubs-girls", "counselling-sessions"]
    assert not DataValue.objects.exists() and not Rollup.objects.exists()


def test_clearing_a_line_removes_its_values(world, clubs, sessions):
    post(world, form(**FULL, counselling_sessions__num=7))
    post(world, form(**FULL))
    assert stored(world.school, sessions) == {}
    assert not Rollup.objects.filter(indicator=sessions, numerator__gt=0).exists()


def test_an_outlier_asks_for_confirmation_then_saves(world, clubs, sessions):
    value_set(unit=world.school, indicator=sessions, period="2024-2025", rows={"": (10, None)},
              manual=True)
    # 10 → 16: +60 % and +6 units: flagged. Nothing is saved until confirmed.
    response = post(world, form(counselling_sessions__num=16))
    assert response.status_code == 200 and response.context["needs_confirm"]
    warning = response.context["lines"][1].warnings[0]
    assert warning.startswith("«Số buổi tư vấn», tử số (tổng): 16, chênh lệch lớn so với 10 của năm học 2024-2025")
    assert "Vẫn lưu" in response.content.decode() and stored(world.school, sessions) == {}
    response = post(world, {**form(counselling_sessions__num=16), "confirm": "1"})
    assert response.status_code == 302 and stored(world.school, sessions) == {"": 16}
    # Saved as confirmed: saving the form again does not ask a second time.
    assert post(world, form(counselling_sessions__num=16)).status_code == 302


@pytest.mark.parametrize("new", [15, 5, 4])
def test_small_moves_are_not_outliers(world, sessions, new):
    # 10 → 15 is +50 % (not more); 10 → 5 is −5 units (not more); 10 → 4 is −6 units and −60 %: flagged.
    value_set(unit=world.school, indicator=sessions, period="2024-2025", rows={"": (10, None)}, manual=True)
    response = post(world, form(counselling_sessions__num=new))
    assert (response.status_code == 200) == (new == 4)


@pytest.mark.parametrize("period", ["2025", "2025-2027", "2099-2100"])
def test_a_malformed_or_future_year_is_not_found(world, sessions, period):
    client = client_in(world.committee_member, world.school)
    assert client.get(reverse("indicators:entry") + f"?ky={period}").status_code == 404
    data = {"ky": period, "v-counselling-sessions-num": "1"}
    assert client.post(reverse("indicators:entry"), data).status_code == 404
    assert not DataValue.objects.exists()
