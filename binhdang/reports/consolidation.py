"""The issuer's consolidation of a request (issue 7, item 5): what the issuer reports upward from its
schools' answers. Figures come from the issuer's own Rollup rows (Σnumerator / Σdenominator over
every school below, never an average of the schools' rates), activities from one aggregate query
over the expected schools, the missing schools from tracking, and highlights from the handed-in
reports' "highlights" sections. Rendering (DOCX, XLSX) is in consolidation_files.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from binhdang.activities.models import Activity, ActivityStatus
from binhdang.indicators.selectors import Figure, export_rows
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgUnit

from .drafting import _bounds
from .models import ReportRequest
from .tracking import LATE, ON_TIME, request_tracking

HIGHLIGHT_LINES = 3  # the first lines of each school's highlights: the consolidation is a summary


@dataclass
class SchoolActivities:
    school: OrgUnit
    activities: int
    by_sex: dict[str, int]  # "F", "M", "U" → participants


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


def _activities(request: ReportRequest, schools: list[OrgUnit]) -> list[SchoolActivities]:
    """Done activities of the expected schools inside covers_from..covers_to, with participants by
    sex: one grouped query (participations summed per sex; activities counted distinct since the
    join repeats an activity once per participation row)."""
    low, high = _bounds(request)
    rows = {r["unit_id"]: r for r in Activity.objects.filter(
        unit__in=schools, status=ActivityStatus.DONE, starts_at__gte=low, starts_at__lt=high)
        .values("unit_id").annotate(
            n=Count("id", distinct=True),
            F=Sum("participations__count", filter=Q(participations__sex="F")),
            M=Sum("participations__count", filter=Q(participations__sex="M")),
            U=Sum("participations__count", filter=Q(participations__sex="U")))}
    out = []
    for school in schools:
        row = rows.get(school.pk, {})
        out.append(SchoolActivities(school, row.get("n", 0), {s: row.get(s) or 0 for s in ("F", "M", "U")}))
    return out


def _highlight_lines(report) -> list[str]:
    lines = []
    for section in report.content or []:
        if isinstance(section, dict) and section.get("kind") == "highlights":
            lines += [nfc(line).strip() for line in str(section.get("text", "")).splitlines() if line.strip()]
    return lines[:HIGHLIGHT_LINES]


def consolidate(request: ReportRequest) -> Consolidation:
    unit = request.issuer_unit
    wanted = set(request.indicators.values_list("pk", flat=True))
    # export_rows hides small incident cells with their complements along every line that adds up.
    figures = [row for row in export_rows(unit, request.period) if row[2].indicator.pk in wanted]
    tracking = request_tracking(request)
    schools = [row["school"] for row in tracking.rows]
    handed = [row for row in tracking.rows if row["state"] in (ON_TIME, LATE)]
    highlights = [(row["school"], lines) for row in handed if (lines := _highlight_lines(row["report"]))]
    return Consolidation(
        request=request, unit=unit, figures=figures, activities=_activities(request, schools),
        tracking_rows=tracking.rows,
        missing=[row["school"] for row in tracking.rows if row["state"] not in (ON_TIME, LATE)],
        highlights=highlights)
