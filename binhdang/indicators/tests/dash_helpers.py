"""Builders shared by the dashboard tests: two indicators (a rate from the staff roster and an
incident count entered as values) and a parser for the tables of the pages."""

import lxml.html

from binhdang.indicators.models import Indicator
from binhdang.indicators.rollups import value_set

# The dashboards are tested on these two alone: the seeded catalogue (migration 0002) is switched
# off and its two rows of the same codes are set to what the tests expect.
TEST_CODES = ("women-managers", "incidents")


def _only(code: str, **fields) -> Indicator:
    Indicator.objects.exclude(code__in=TEST_CODES).update(is_active=False)
    indicator, _created = Indicator.objects.update_or_create(code=code, defaults={**fields, "is_active": True})
    return indicator


def share_indicator() -> Indicator:
    return _only(
        "women-managers", name="Tỷ lệ nữ cán bộ quản lý", numerator_label="Nữ cán bộ quản lý",
        denominator_label="Cán bộ quản lý", factor=100, unit_label="%", time_aggregation="stock", source="staff",
        computation="women_managers_share", position=1, suppress_below=None)


def incident_indicator() -> Indicator:
    return _only(
        "incidents", name="Số vụ việc được tiếp nhận", numerator_label="Vụ việc", denominator_label="", factor=1,
        unit_label="", time_aggregation="flow", source="cases", computation="", suppress_below=5, position=2)


def put(unit, indicator, period, total, den=None, female=None, male=None):
    rows = {"": (total, den)}
    if female is not None:
        rows["sex=F"] = (female, None)
        rows["sex=M"] = (male, None)
    value_set(unit=unit, indicator=indicator, period=period, rows=rows)


def table_rows(html: bytes | str, table_id: str) -> list[dict]:
    """The rows of a page's table: org and disaggregation (data attributes) and the cells by column."""
    tree = lxml.html.fromstring(html)
    rows = []
    for tr in tree.xpath(f'//table[@id="{table_id}"]/tbody/tr'):
        cells = {td.get("data-col"): td.text_content().strip() for td in tr.xpath("td[@data-col]")}
        rows.append({"org": tr.get("data-org"), "disaggregation": tr.get("data-disaggregation"), **cells})
    return rows
