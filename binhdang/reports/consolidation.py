"""The issuer's consolidation of a request (issue 7, item 5): what the issuer reports upward from its
schools' answers. Figures come from the issuer's own Rollup rows (Σnumerator / Σdenominator over
every school below, never an average of the schools' rates), activities from one aggregate query
over the issuer's subtree (each expected unit counts its own subtree, so a commune answering for its
schools counts what they did), student protection as the suppressed totals only, the missing units
from tracking, and highlights from the handed-in reports' "highlights" sections. The same totals
come out whether the Sở asks every school or asks its communes plus the schools directly under it.
Rendering (DOCX, XLSX) is in consolidation_files.py; the files are made by the worker (exports.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from binhdang.activities.models import Activity, ActivityStatus
from binhdang.indicators.selectors import Figure, export_rows
from binhdang.orgs.models import OrgUnit
from binhdang.safeguarding.statistics import Totals, case_count_totals

from .drafting import _bounds
from .highlights import highlight_lines
from .models import PickedHighlight, ReportRequest
from .tracking import LATE, ON_TIME, request_tracking

HIGHLIGHT_LINES = 3  # without picks, the first lines of each school's highlights: the consolidation is a summary


@dataclass
class SchoolActivities:
    school: OrgUnit  # an expected unit: a school, or a commune answering for its schools
    activities: int
    by_sex: dict[str, int]  # "F", "M", "U" → participants

    @property
    def participants(self) -> int:
        return sum(self.by_sex.values())


@dataclass
class Consolidation:
    request: ReportRequest
    unit: OrgUnit
    # (unit, disaggregation, figure): the issuer's rows first, then every unit below it.
    figures: list[tuple[OrgUnit, str, Figure]]
    activities: list[SchoolActivities]
    tracking_rows: list[dict]
    missing: list[OrgUnit]
    highlights: list[tuple[OrgUnit, list[str]]] = field(default_factory=list)
    protection: Totals | None = None
    # The expected units' activities grouped under the issuer's direct children (communes, schools
    # directly under it): the report's table stays a page long for a province of a thousand schools.
    by_child: list[SchoolActivities] = field(default_factory=list)

    @property
    def own_figures(self) -> list[tuple[str, Figure]]:
        return [(key, cell) for unit, key, cell in self.figures if unit.pk == self.unit.pk]

    @property
    def activity_totals(self) -> dict[str, int]:
        totals = {"activities": 0, "F": 0, "M": 0, "U": 0}
        for row in self.activities:
            totals["activities"] += row.activities
            for sex, n in row.by_sex.items():
                totals[sex] += n
        return totals


def _prefixes(path: str) -> list[str]:
    """"1.2.3." → ["1.2.3.", "1.2.", "1."]: the unit's path and its ancestors' paths."""
    return [path[:i + 1] for i in range(len(path) - 1, 0, -1) if path[i] == "."]


def _activities(request: ReportRequest, units: list[OrgUnit]) -> list[SchoolActivities]:
    """Done activities inside covers_from..covers_to of each expected unit's subtree, participants by
    sex: one grouped query over the issuer's subtree (participations summed per sex, activities
    counted distinct since the join repeats an activity once per participation row), each unit's
    rows then credited to the expected unit whose path it lies under."""
    low, high = _bounds(request)
    rows = Activity.objects.filter(
        unit__path__startswith=request.issuer_unit.path, status=ActivityStatus.DONE,
        starts_at__gte=low, starts_at__lt=high).values("unit__path").annotate(
            n=Count("id", distinct=True),
            F=Sum("participations__count", filter=Q(participations__sex="F")),
            M=Sum("participations__count", filter=Q(participations__sex="M")),
            U=Sum("participations__count", filter=Q(participations__sex="U")))
    out = {unit.path: SchoolActivities(unit, 0, dict.fromkeys(("F", "M", "U"), 0)) for unit in units}
    for row in rows:
        owner = next((out[p] for p in _prefixes(row["unit__path"]) if p in out), None)
        if owner is None:
            continue  # not asked for (the issuer's own, or a unit the request left out)
        owner.activities += row["n"]
        for sex in ("F", "M", "U"):
            owner.by_sex[sex] += row[sex] or 0
    return [out[unit.path] for unit in units]


def _by_child(issuer: OrgUnit, rows: list[SchoolActivities]) -> list[SchoolActivities]:
    """The rows summed under the issuer's direct child each lies in (one query for the children)."""
    cut = len(issuer.path)  # a unit's path goes on with its ancestor's below the issuer: "1." → "1.5." → "1.5.9."
    child_path = {row.school.pk: row.school.path[:row.school.path.index(".", cut) + 1] for row in rows}
    children = {u.path: u for u in OrgUnit.objects.filter(path__in=set(child_path.values()))}
    out: dict[str, SchoolActivities] = {}
    for row in rows:
        path = child_path[row.school.pk]
        total = out.setdefault(path, SchoolActivities(children.get(path, row.school), 0,
                                                      dict.fromkeys(("F", "M", "U"), 0)))
        total.activities += row.activities
        for sex, n in row.by_sex.items():
            total.by_sex[sex] += n
    return sorted(out.values(), key=lambda r: (r.school.kind != "commune", r.school.name))


def _highlights(request: ReportRequest, handed: list[dict]) -> list[tuple[OrgUnit, list[str]]]:
    """The issuer's picks when it made any for this request (one query), else the first lines of each
    handed-in report's highlights."""
    reports = {row["report"].pk: row for row in handed}
    picked: dict[int, list[str]] = {}
    # Read by request (one query even when nothing is handed in yet); a pick of an older version is dropped.
    for pick in PickedHighlight.objects.filter(request=request).order_by("position"):
        if pick.report_id in reports:
            picked.setdefault(pick.report_id, []).append(pick.text)
    if picked:
        return [(row["school"], picked[pk]) for pk, row in reports.items() if pk in picked]
    return [(row["school"], lines[:HIGHLIGHT_LINES]) for row in handed if (lines := highlight_lines(row["report"]))]


def consolidate(request: ReportRequest) -> Consolidation:
    unit = request.issuer_unit
    wanted = set(request.indicators.values_list("pk", flat=True))
    # export_rows hides small incident cells with their complements along every line that adds up.
    figures = [row for row in export_rows(unit, request.period) if row[2].indicator.pk in wanted]
    tracking = request_tracking(request)
    schools = [row["school"] for row in tracking.rows]
    handed = [row for row in tracking.rows if row["state"] in (ON_TIME, LATE)]
    highlights = _highlights(request, handed)
    activities = _activities(request, schools)
    return Consolidation(
        request=request, unit=unit, figures=figures, activities=activities,
        tracking_rows=tracking.rows,
        missing=[row["school"] for row in tracking.rows if row["state"] not in (ON_TIME, LATE)],
        highlights=highlights,
        # Only the suppressed totals of consented cases leave the schools (as in a school's report).
        protection=case_count_totals(unit, request.covers_from, request.covers_to),
        by_child=_by_child(unit, activities))
