"""Builders for report tests: requests and report versions written directly (the drafting and
workflow services are another feature's; tracking must read whatever rows exist)."""

import datetime as dt

from django.utils import timezone

from binhdang.reports.models import Report, ReportRequest

DUE = dt.date(2025, 12, 20)


def make_request(unit, *, sent=True, due_on=DUE, schools=(), **extra) -> ReportRequest:
    request = ReportRequest.objects.create(
        issuer_unit=unit, kind="action_month", title="Báo cáo Tháng hành động 2025", period="2025-2026",
        covers_from=dt.date(2025, 11, 15), covers_to=dt.date(2025, 12, 15), due_on=due_on,
        sections=[{"title": "Kết quả thực hiện"}],
        sent_at=timezone.make_aware(dt.datetime(2025, 12, 1, 8)) if sent else None, **extra)
    request.schools.set(schools)
    return request


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def make_version(request, unit, status, *, version=1, previous=None, submitted_on=None, late=False) -> Report:
    return Report.objects.create(
        request=request, unit=unit, version=version, previous=previous, status=status, title=request.title,
        submitted_at=at(submitted_on) if submitted_on else None, is_late=late)
