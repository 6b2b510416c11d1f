"""Builders of the report tests: a sent request, a school's plan, activities and figures."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from binhdang.activities.models import Activity, Evidence, Participation
from binhdang.indicators.models import Rollup
from binhdang.plans.models import Plan, PlanStatus, Target, Task, TaskGroup
from binhdang.plans.workflow import VIETNAM
from binhdang.reports.models import ReportRequest


def sent_request(issuer, *, due_on=dt.date(2025, 12, 20), sections=None, indicators=(),
                 title="Báo cáo Tháng hành động"):
    request = ReportRequest.objects.create(
        issuer_unit=issuer, kind="action_month", title=title, period="2025-2026",
        covers_from=dt.date(2025, 11, 15), covers_to=dt.date(2025, 12, 15), due_on=due_on, sent_at=timezone.now(),
        sections=sections if sections is not None else [
            {"title": "Kế hoạch", "kind": "plan"}, {"title": "Hoạt động", "kind": "activities"},
            {"title": "Nổi bật", "kind": "highlights"}, {"title": "Chỉ số", "kind": "indicators"},
            {"title": "Bảo vệ học sinh", "kind": "protection"}, {"title": "Đề xuất", "kind": ""}])
    request.indicators.set(indicators)
    return request


def issued_plan(unit, year=2025) -> Plan:
    plan = Plan.objects.create(issuer_unit=unit, title="Kế hoạch bình đẳng giới năm học 2025-2026", year=year,
                               status=PlanStatus.ISSUED, number="03/KH-THA", issued_at=timezone.now())
    group = TaskGroup.objects.create(plan=plan, position=1, title="Truyền thông")
    Task.objects.create(group=group, position=1, text="Tổ chức chuyên đề về bình đẳng giới")
    Task.objects.create(group=group, position=2, text="Thành lập câu lạc bộ")
    Target.objects.create(plan=plan, position=1, text="100% học sinh được tuyên truyền")
    return plan


def activity(unit, title, day: dt.date, *, status="done", people=(), evidence=0, place="") -> Activity:
    starts = dt.datetime.combine(day, dt.time(8, 0), tzinfo=VIETNAM)
    item = Activity.objects.create(unit=unit, kind="communication", title=title, starts_at=starts, status=status,
                                   place=place)
    for group, sex, n in people:
        Participation.objects.create(activity=item, group=group, sex=sex, count=n)
    for index in range(evidence):
        Evidence.objects.create(activity=item, kind="photo", file=ContentFile(b"x", name=f"anh{index}.jpg"),
                                original_name=f"anh{index}.jpg", content_type="image/jpeg", size=1)
    return item


def rollup(unit, indicator, disaggregation, numerator, denominator=None, period="2025-2026") -> Rollup:
    return Rollup.objects.create(unit=unit, indicator=indicator, period=period, disaggregation=disaggregation,
                                 numerator=numerator, denominator=denominator, reporting=1)
