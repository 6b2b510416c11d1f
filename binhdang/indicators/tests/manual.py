"""Manual indicators built in tests (the catalogue itself is seeded by a migration of its own)."""

from binhdang.indicators.models import Indicator


def rate(code="clubs-girls", kind="school", sexed=True, **extra) -> Indicator:
    return Indicator.objects.create(
        code=code, name="Tỷ lệ học sinh tham gia câu lạc bộ", numerator_label="Học sinh tham gia",
        denominator_label="Học sinh", factor=100, unit_label="%", time_aggregation="stock", source="manual",
        computation="", entered_at_kind=kind, disaggregations=["sex"] if sexed else [], **extra)


def count(code="counselling-sessions", kind="school", sexed=False, **extra) -> Indicator:
    return Indicator.objects.create(
        code=code, name="Số buổi tư vấn", numerator_label="Buổi tư vấn", time_aggregation="flow", source="manual",
        computation="", entered_at_kind=kind, disaggregations=["sex"] if sexed else [], **extra)
