"""Authorization matrix rows of the indicators (issue 6; see test_authz_matrix.py for the columns)."""

from .authz_rows import Row


# dashboards
def share_code(world) -> dict:
    """An active indicator of the catalogue (created once per world)."""
    from binhdang.indicators.models import Indicator

    indicator, _created = Indicator.objects.get_or_create(code="women-managers", defaults={
        "name": "Tỷ lệ nữ cán bộ quản lý", "numerator_label": "Nữ cán bộ quản lý",
        "denominator_label": "Cán bộ quản lý", "factor": 100, "time_aggregation": "stock", "source": "staff",
        "computation": "women_managers_share"})
    return {"code": indicator.code}


INDICATOR_ROWS: dict[str, list[Row]] = {
    # dashboards: VIEW at the active unit (every role has it in its own unit; no_role has no unit).
    "indicators:dashboard": [
        Row("login 200 404 200 200 200 200 200 200 200 200"),
        Row("login 200 404 200 200 200 200 200 200 200 200", query="format=xlsx", note="xlsx"),
        Row("login 400 404 400 400 400 400 400 400 400 400", query="ky=2025", note="bad period"),
    ],
    "indicators:indicator": [
        Row("login 200 404 200 200 200 200 200 200 200 200", share_code),
        Row("login 200 404 200 200 200 200 200 200 200 200", share_code, query="format=csv", note="csv"),
        Row("login 404 404 404 404 404 404 404 404 404 404", lambda world: {"code": "khong-co"}, note="unknown"),
    ],
}
