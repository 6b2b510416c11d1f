"""Reads of the dashboards (issue 6, item 4): a unit's figures, its children's, the spread of its
schools and the schools missing data, each in a fixed number of queries whatever the number of
units (every unit's figure is its Rollup row; see rollups.py).

The tree is the one of the period's reference date, so a past year shows the schools as they were
grouped then. Incident counts are suppressed below `Indicator.suppress_below` whenever they are
seen from above a school: a commune officer sees "<5" for a school's small cell too, since one
school's small count can point at a child (the same rule as safeguarding's statistics).
"""

import statistics
from collections import defaultdict, deque
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from binhdang.lib.vntext import sort_key
from binhdang.orgs.models import OrgKind, OrgUnit
from binhdang.orgs.selectors import children_on, parent_on

from . import suppression
from .models import DataValue, Indicator, Rollup, TargetLink
from .periods import recent, reference_date
from .rollups import parent_map

SEXES = ("sex=F", "sex=M")
TREND_YEARS = 5


@dataclass(frozen=True)
class Figure:
    """One cell: the sums behind it and what is shown. `value` is None when there is nothing to
    show (no data, a rate over 0, or a suppressed cell)."""

    indicator: Indicator
    numerator: int | None
    denominator: int | None
    suppressed: bool = False

    @property
    def has_data(self) -> bool:
        return self.numerator is not None

    @property
    def value(self) -> Decimal | None:
        if self.numerator is None or self.suppressed:
            return None
        if not self.indicator.is_rate:
            return Decimal(self.numerator)
        if not self.denominator:
            return None
        return Decimal(self.numerator) * self.indicator.factor / Decimal(self.denominator)

    def rounded(self, places: int = 2) -> Decimal | None:
        value = self.value
        return None if value is None else value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    @property
    def shown(self) -> str:
        """The page's text: "<5" when suppressed, "—" without data, else the value (1 decimal for
        rates, Vietnamese decimal comma)."""
        if self.suppressed:
            return f"<{self.indicator.suppress_below}"
        if self.numerator is None:
            return "—"
        if self.indicator.is_rate:
            value = self.rounded(1)
            return "—" if value is None else f"{value}".replace(".", ",")
        return str(self.numerator)

    @property
    def numerator_shown(self) -> str:
        if self.suppressed:
            return f"<{self.indicator.suppress_below}"
        return "—" if self.numerator is None else str(self.numerator)

    @property
    def denominator_shown(self) -> str:
        return "—" if self.denominator is None else str(self.denominator)

    @property
    def ratio(self) -> float:
        """0..1 for the bar charts: the value against the indicator's full scale (the factor for
        rates); counts are scaled against the largest bar by the chart itself."""
        value = self.value
        if value is None:
            return 0.0
        return float(value) / self.indicator.factor if self.indicator.is_rate else float(value)


def figure(indicator: Indicator, numerator: int | None, denominator: int | None, *, from_school: bool) -> Figure:
    """A cell seen from a school (`from_school`) is never suppressed: the school keeps the records."""
    hidden = (not from_school and numerator is not None and indicator.suppress_below is not None
              and 0 < numerator < indicator.suppress_below)  # a zero points at no one: shown, as in safeguarding
    return Figure(indicator, None if hidden else numerator, None if hidden else denominator, hidden)


def active_indicators() -> list[Indicator]:
    return list(Indicator.objects.filter(is_active=True))


@dataclass
class UnitRow:
    indicator: Indicator
    total: Figure
    by_sex: dict[str, Figure]
    trend: list[tuple[str, Figure]]
    goals: list[TargetLink]

    @property
    def goal_statuses(self) -> list[tuple]:
        """Each linked plan target with met / at risk / missed, judged on the figure already on
        this row (no query per link)."""
        from .targets import status_of

        period = self.trend[-1][0] if self.trend else None
        return [(link, status_of(link, self.total.rounded(2), period)) for link in self.goals] if period else []


def unit_figures(unit: OrgUnit, period: str, viewpoint: OrgUnit | None = None, only: Indicator | None = None,
                 ) -> list[UnitRow]:
    """Every active indicator (or `only`) of `unit`: total, sex split and the last five periods'
    totals, from three queries (indicators, rollups of all five periods, the unit's plan targets)."""
    from_school = (viewpoint or unit).kind == OrgKind.SCHOOL
    years = recent(TREND_YEARS, until=period)
    indicators = [only] if only else active_indicators()
    rollups = Rollup.objects.filter(unit=unit, period__in=years, disaggregation__in=("", *SEXES))
    links = TargetLink.objects.filter(target__plan__issuer_unit=unit).select_related("target")
    if only:
        rollups, links = rollups.filter(indicator=only), links.filter(indicator=only)
    sums = {(r.indicator_id, r.period, r.disaggregation): (r.numerator, r.denominator) for r in rollups}
    goals = defaultdict(list)
    for link in links:
        goals[link.indicator_id].append(link)
    rows = []
    for indicator in indicators:
        def cell(year, key, indicator=indicator):
            return figure(indicator, *sums.get((indicator.pk, year, key), (None, None)), from_school=from_school)

        cells = {key: cell(period, key) for key in ("", *SEXES)}
        if not from_school:
            suppression.complete(suppression.lines_of(SEXES), cells)
        rows.append(UnitRow(indicator, cells[""], {key: cells[key] for key in SEXES},
                            [(year, cell(year, "")) for year in years], goals[indicator.pk]))
    return rows


def children(unit: OrgUnit, period: str) -> list[OrgUnit]:
    """The units that reported to `unit` on the period's reference date, communes before schools,
    then in Vietnamese alphabetical order of their names."""
    kinds = [OrgKind.DEPARTMENT, OrgKind.COMMUNE, OrgKind.DISTRICT_OFFICE, OrgKind.SCHOOL]
    kids = list(children_on(unit, reference_date(period)))
    return sorted(kids, key=lambda kid: (kinds.index(kid.kind) if kid.kind in kinds else 0, sort_key(kid.name)))


def child_figures(unit: OrgUnit, indicator: Indicator, period: str, viewpoint: OrgUnit | None = None,
                  ) -> list[tuple[OrgUnit, Figure]]:
    """Each child of `unit` with its total for `indicator`: two queries for any number of children."""
    from_school = (viewpoint or unit).kind == OrgKind.SCHOOL
    kids = children(unit, period)
    ids = [unit.pk, *(k.pk for k in kids)]
    rows = Rollup.objects.filter(unit__in=ids, indicator=indicator, period=period, disaggregation="").values_list(
        "unit_id", "numerator", "denominator")
    cells = {unit_id: figure(indicator, num, den, from_school=from_school) for unit_id, num, den in rows}
    if not from_school:
        suppression.complete([ids], cells)  # the children add up to the unit's total
    empty = Figure(indicator, None, None)
    return [(kid, cells.get(kid.pk, empty)) for kid in kids]


def parent_within(unit: OrgUnit, active: OrgUnit, period: str) -> OrgUnit | None:
    """The unit above `unit` on the reference date, for the "up" link, if the user's active unit
    covers it (never a link to a page that would answer 404)."""
    parent = parent_on(unit, reference_date(period))
    return parent if parent is not None and parent.path.startswith(active.path) else None


def schools_under(unit: OrgUnit, period: str) -> list[OrgUnit]:
    """The schools under `unit` (itself if a school) on the period's reference date: the whole
    tree's parent links in one query, walked in memory, then the schools in one more."""
    if unit.kind == OrgKind.SCHOOL:
        return [unit]
    return list(OrgUnit.objects.filter(pk__in=subtree_ids(unit, period), kind=OrgKind.SCHOOL).order_by("path"))


def subtree(unit: OrgUnit, period: str) -> tuple[list[int], dict[int, list[int]]]:
    """(`unit` and every unit under it on the period's reference date, top down; {unit id: its
    children's ids}): the whole tree's parent links in one query, walked in memory (today's
    `path` may differ from that year's tree)."""
    below = defaultdict(list)
    for child, parent in parent_map(reference_date(period)).items():
        below[parent].append(child)
    ids, seen, queue = [unit.pk], {unit.pk}, deque([unit.pk])
    while queue:
        for child in below.get(queue.popleft(), ()):
            if child not in seen:
                seen.add(child)
                ids.append(child)
                queue.append(child)
    return ids, below


def subtree_ids(unit: OrgUnit, period: str) -> list[int]:
    return subtree(unit, period)[0]


@dataclass
class Spread:
    """The distribution of the school values and the schools without one."""

    count: int  # schools with a value
    minimum: Decimal | None
    quartiles: tuple[Decimal, Decimal, Decimal] | None
    maximum: Decimal | None
    missing: list[OrgUnit]
    hidden: bool  # an incident indicator: single school values are not shown from above


def spread(unit: OrgUnit, indicator: Indicator, period: str) -> Spread:
    """Min, quartiles and max of the values of the schools under `unit` (the schools' own values,
    never the children's aggregates), and the schools under it without any value."""
    schools = schools_under(unit, period)
    totals = {}
    reported = set()
    for unit_id, key, num, den in DataValue.objects.filter(
            unit__in=[s.pk for s in schools], indicator=indicator, period=period).values_list(
            "unit_id", "disaggregation", "numerator", "denominator"):
        reported.add(unit_id)
        if key == "":
            totals[unit_id] = (num, den)
    values = sorted(v for num, den in totals.values()
                    if (v := figure(indicator, num, den, from_school=True).rounded(2)) is not None)
    missing = [s for s in schools if s.pk not in reported]
    hidden = indicator.suppress_below is not None and unit.kind != OrgKind.SCHOOL
    if hidden or not values:
        return Spread(len(values), None, None, None, missing, hidden)
    if len(values) == 1:
        quartiles = (values[0],) * 3
    else:
        quartiles = tuple(Decimal(q).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                          for q in statistics.quantiles(values, n=4, method="inclusive"))
    return Spread(len(values), values[0], quartiles, values[-1], missing, hidden)


def export_rows(unit: OrgUnit, period: str, indicator: Indicator | None = None) -> list[tuple[OrgUnit, str, Figure]]:
    """(unit, disaggregation, figure) for every unit under `unit` (itself included) on the
    reference date and every active indicator (or one), from the Rollup rows: the CLI export.
    Seen from above a school, incident cells are hidden with their complements along every line
    that adds up: a unit's disaggregations, and the children of a unit for each disaggregation."""
    from_school = unit.kind == OrgKind.SCHOOL
    ids, below = subtree(unit, period)
    units = {u.pk: u for u in OrgUnit.objects.filter(pk__in=ids)}
    indicators = {i.pk: i for i in ([indicator] if indicator else active_indicators())}
    cells = {(u, i, key): figure(indicators[i], num, den, from_school=from_school)
             for u, i, key, num, den in Rollup.objects.filter(
                 unit__in=ids, period=period, indicator__in=list(indicators)).values_list(
                 "unit_id", "indicator_id", "disaggregation", "numerator", "denominator")}
    hidden = [i for i, ind in indicators.items() if ind.suppress_below is not None]
    if hidden and not from_school:
        keys = defaultdict(set)
        for u, i, key in cells:
            keys[(u, i)].add(key)
        lines = [[(u, i, key) for key in line] for (u, i), found in keys.items() if i in hidden
                 for line in suppression.lines_of(found)]
        lines += [[(parent, i, key), *((kid, i, key) for kid in below.get(parent, ()))]
                  for (parent, i), found in keys.items() if i in hidden and below.get(parent) for key in found]
        suppression.complete(lines, cells)
    order = {pk: n for n, pk in enumerate(ids)}
    rows = [(units[u], key, cell) for (u, _i, key), cell in cells.items()]
    rows.sort(key=lambda r: (order[r[0].pk], r[2].indicator.position, r[2].indicator.code, r[1]))
    return rows
