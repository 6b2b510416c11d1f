"""Reads of report requests: a school's to-do, an authority's requests, and one request's tracking
(every expected school's latest version). Each read is a fixed number of queries, whatever the
number of schools or requests."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from binhdang.orgs.models import OrgUnit

from .models import Report, ReportRequest, ReportStatus
from .requests import HANDED_IN, schools_below
from .scope import ANSWERING_KINDS, expected_schools

# Tracking states of one school (the latest version decides).
ON_TIME, LATE, RETURNED, MISSING, NOT_DUE = "on_time", "late", "returned", "missing", "not_due"


def _ancestor_paths(unit: OrgUnit) -> list[str]:
    """The paths of the units above ("1.2.3." → "1.", "1.2.")."""
    parts = unit.path.strip(".").split(".")
    return [".".join(parts[:n]) + "." for n in range(1, len(parts))]


def todo_for_school(school: OrgUnit, today: dt.date | None = None) -> list[dict]:
    """Sent requests expecting the unit (listed, or open-ended from a unit above for a school), with its
    latest version. A commune gets here too: the requests of its Sở that list it."""
    today = today or timezone.localdate()
    listed = Q(schools=school)
    # A request naming no unit expects the schools below its issuer; a commune only when listed.
    open_ended = Q(schools__isnull=True, issuer_unit__path__in=_ancestor_paths(school)) if school.is_school else Q(
        pk__in=[])
    requests = list(ReportRequest.objects.filter(sent_at__isnull=False).filter(listed | open_ended)
                    .select_related("issuer_unit").distinct().order_by("due_on", "id"))
    latest: dict[int, Report] = {}
    for report in Report.objects.filter(unit=school, request__in=requests).order_by("request_id", "-version"):
        latest.setdefault(report.request_id, report)
    rows = []
    for request in requests:
        report = latest.get(request.pk)
        days = (request.due_on - today).days
        rows.append({"request": request, "report": report, "days_left": days, "days_late": -days,
                     "done": report is not None and report.status in HANDED_IN})
    return rows


def requests_of_authority(unit: OrgUnit) -> list[dict]:
    """The unit's requests (drafts and sent) with expected and handed-in counts, in four queries."""
    requests = list(ReportRequest.objects.filter(issuer_unit=unit).prefetch_related("schools"))
    below = schools_below(unit).count()
    # A latest version is one no later version answers (`next` empty).
    handed = dict(Report.objects.filter(request__in=requests, status__in=HANDED_IN, next__isnull=True)
                  .values("request_id").annotate(n=Count("unit_id", distinct=True)).values_list("request_id", "n"))
    rows = []
    for request in requests:
        listed = [s for s in request.schools.all() if s.kind in ANSWERING_KINDS]
        rows.append({"request": request, "expected": len(listed) if listed else below,
                     "handed_in": handed.get(request.pk, 0)})
    return rows


@dataclass
class Tracking:
    rows: list[dict]
    totals: dict[str, int]
    series: list[tuple[dt.date, int]] = field(default_factory=list)  # cumulative schools handed in per day


def _local_day(moment) -> dt.date:
    return timezone.localtime(moment).date()


def _state(report: Report | None, request: ReportRequest, today: dt.date) -> str:
    if report is not None and report.status in HANDED_IN:
        return LATE if report.is_late else ON_TIME
    # A return, or a new version drafted after one: the school owes a resubmission.
    if report is not None and (report.status == ReportStatus.RETURNED or report.previous_id):
        return RETURNED
    return MISSING if today > request.due_on else NOT_DUE


def request_tracking(request: ReportRequest, today: dt.date | None = None) -> Tracking:
    today = today or timezone.localdate()
    schools = list(expected_schools(request).order_by("name"))
    versions: dict[int, list[Report]] = {}
    for report in Report.objects.filter(request=request, unit__in=schools).order_by("unit_id", "-version"):
        versions.setdefault(report.unit_id, []).append(report)
    rows, first_days = [], []
    for school in schools:
        mine = versions.get(school.pk, [])
        latest = mine[0] if mine else None
        state = _state(latest, request, today)
        rows.append({"school": school, "report": latest, "state": state})
        if state in (ON_TIME, LATE):
            # The curve counts a school from the day it first handed in (a resubmission does not move it).
            first_days.append(min(_local_day(r.submitted_at) for r in mine if r.submitted_at))
    totals = {"expected": len(rows), "submitted": len(first_days)}
    for state in (ON_TIME, LATE, RETURNED, MISSING, NOT_DUE):
        totals[state] = sum(1 for row in rows if row["state"] == state)
    return Tracking(rows=rows, totals=totals, series=_series(request, first_days, today))


def _series(request: ReportRequest, days: list[dt.date], today: dt.date) -> list[tuple[dt.date, int]]:
    """One point per day from the sending day to the due date, or later while submissions still come."""
    if request.sent_at is None:
        return []
    start = min([_local_day(request.sent_at), *days])
    end = max([request.due_on, *days])
    end = min(end, max(today, *days)) if days else min(end, today)
    if end < start:
        return []
    span = (end - start).days + 1
    return [(start + dt.timedelta(days=n), sum(1 for d in days if d <= start + dt.timedelta(days=n)))
            for n in range(span)]
