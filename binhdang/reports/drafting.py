"""Drafting a report (issue 7, item 2): the sections a request lists, written from the unit's
own records.

Each section of `ReportRequest.sections` is {"title": str, "kind": str}; the kind says where its
text and figures come from (a section without a kind, or with an unknown one, starts empty for the
school to write):

- "plan": the tasks and targets of the unit's issued plan for the school year;
- "activities": the activities done inside covers_from..covers_to, with date and participants by sex;
- "highlights": the done activities that carry evidence (photos, files);
- "indicators": the request's indicator tables from the unit's Rollup rows for the request's period;
- "protection": student protection, ONLY the suppressed totals of
  `safeguarding.statistics.case_count_totals` (nothing else of a case ever leaves the school);
- "proposals": the proposals (đề xuất) from reviews of teaching materials sent upward in the span
  (review app), so they travel with the report.

Everything is text the school edits; the figures are kept apart with their source so that
`refreshed_figures` can re-read them later without touching the text.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch
from django.utils import timezone

from binhdang.activities.campaign_report import SEX_LABEL, _sexes
from binhdang.activities.models import Activity, ActivityStatus, Participation
from binhdang.activities.selectors import activity_list
from binhdang.indicators.models import Rollup
from binhdang.indicators.selectors import figure
from binhdang.lib.vntext import fold, nfc
from binhdang.orgs.models import OrgKind
from binhdang.plans.models import Plan, PlanStatus, Target, Task
from binhdang.plans.workflow import VIETNAM
from binhdang.review.selectors import proposals_below
from binhdang.safeguarding.statistics import case_count_totals

from .models import ReportRequest

KINDS = ("plan", "activities", "highlights", "indicators", "protection", "proposals")
# A section typed as a title only (the request form) gets its kind from its words, accents
# ignored; the first match wins, so "Hoạt động nổi bật" is highlights before activities.
KIND_WORDS = (
    ("highlights", ("noi bat", "dien hinh")),
    ("protection", ("bao ve", "phong ngua", "bao luc", "xam hai")),
    ("indicators", ("so lieu", "chi so")),
    ("plan", ("ke hoach",)),
    ("proposals", ("de xuat", "kien nghi")),
    ("activities", ("ket qua", "hoat dong")),
)


def section_kind(title: str) -> str:
    folded = fold(title)
    return next((kind for kind, words in KIND_WORDS if any(word in folded for word in words)), "")
# A request that lists no sections gets these (the usual outline of a school's programme report).
DEFAULT_SECTIONS = [
    {"title": "Kế hoạch năm học: nhiệm vụ và chỉ tiêu", "kind": "plan"},
    {"title": "Kết quả thực hiện các hoạt động", "kind": "activities"},
    {"title": "Hoạt động nổi bật", "kind": "highlights"},
    {"title": "Các chỉ số", "kind": "indicators"},
    {"title": "Phòng ngừa, hỗ trợ học sinh", "kind": "protection"},
    {"title": "Khó khăn, vướng mắc; đề xuất, kiến nghị", "kind": "proposals"},
]
SEXES = ("F", "M", "U")


def _day(moment) -> str:
    return timezone.localtime(moment, VIETNAM).strftime("%d/%m/%Y")


def _bounds(request: ReportRequest) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(request.covers_from, dt.time.min, tzinfo=VIETNAM)
    return start, dt.datetime.combine(request.covers_to + dt.timedelta(days=1), dt.time.min, tzinfo=VIETNAM)


def school_year_plan(unit, period: str) -> Plan | None:
    """The unit's issued plan for the school year ("2025-2026": the yearly plan of 2025, as a
    school year's plan is numbered from its autumn); an amended plan's latest issued version."""
    start_year = int(period[:4])
    plans = (Plan.objects.filter(issuer_unit=unit, status=PlanStatus.ISSUED)
             .exclude(amendments__status=PlanStatus.ISSUED).order_by("-issued_at", "-id"))
    return plans.filter(year=start_year).first() or plans.filter(year__isnull=True).first()


def _plan_text(unit, request: ReportRequest) -> str:
    plan = school_year_plan(unit, request.period)
    if plan is None:
        return f"Chưa có kế hoạch năm học {request.period} đã ban hành."
    number = f" số {plan.number}" if plan.number else ""
    lines = [f"Thực hiện Kế hoạch{number} “{nfc(plan.title)}”:", "Nhiệm vụ:"]
    tasks = Task.objects.filter(group__plan=plan, parent__isnull=True).order_by("group__position", "position")
    lines += [f"- {nfc(t.text)}" for t in tasks] or ["- (không có nhiệm vụ)"]
    targets = Target.objects.filter(plan=plan).order_by("position")
    lines += ["Chỉ tiêu:", *[f"- {nfc(t.text)}" for t in targets]] if targets else []
    return "\n".join(lines)


def _done_activities(unit, request: ReportRequest):
    low, high = _bounds(request)
    # activity_list: the unit and the units below (a commune answering its authority reports its schools' too).
    return (activity_list(unit, {"status": ActivityStatus.DONE}).filter(starts_at__gte=low, starts_at__lt=high)
            .prefetch_related(Prefetch("participations", queryset=Participation.objects.order_by("group", "sex")))
            .order_by("starts_at", "id"))


def _counts(activity: Activity) -> dict[str, int]:
    counts = dict.fromkeys(SEXES, 0)
    for p in activity.participations.all():
        counts[p.sex] += p.count
    return counts


def _activity_line(activity: Activity) -> str:
    place = f", tại {nfc(activity.place)}" if activity.place else ""
    return f"- Ngày {_day(activity.starts_at)}: {nfc(activity.title)}{place}; tham gia: {_sexes(_counts(activity))}."


def _activities_text(unit, request: ReportRequest) -> str:
    activities = list(_done_activities(unit, request))
    if not activities:
        return "Chưa có hoạt động nào được ghi nhận trong thời gian báo cáo."
    total = dict.fromkeys(SEXES, 0)
    for activity in activities:
        for sex, n in _counts(activity).items():
            total[sex] += n
    head = (f"Từ ngày {request.covers_from:%d/%m/%Y} đến ngày {request.covers_to:%d/%m/%Y}, đã tổ chức "
            f"{len(activities)} hoạt động; số lượt người tham gia: {_sexes(total)}.")
    return "\n".join([head, *[_activity_line(a) for a in activities]])


def _highlights_text(unit, request: ReportRequest) -> str:
    activities = [a for a in _done_activities(unit, request).annotate(proofs=Count("evidence", distinct=True))
                  if a.proofs]
    if not activities:
        return "Chưa có hoạt động nào có minh chứng trong thời gian báo cáo."
    lines = []
    for a in activities:
        result = f" Kết quả: {nfc(a.results).strip()}" if a.results.strip() else ""
        lines.append(f"- {nfc(a.title)} (ngày {_day(a.starts_at)}, {a.proofs} minh chứng).{result}")
    return "\n".join(lines)


def indicator_figures(unit, request: ReportRequest) -> list[dict]:
    """The request's indicators: every Rollup row of the unit for the period (total and each
    disaggregation). Seen from a school nothing is suppressed (it keeps the records); a commune
    answering upward hides small incident counts as the dashboards do."""
    indicators = {i.pk: i for i in request.indicators.all()}
    rows = (Rollup.objects.filter(unit=unit, period=request.period, indicator_id__in=indicators)
            .select_related("indicator").order_by("indicator__code", "disaggregation"))
    figures = []
    for row in rows:
        shown = figure(row.indicator, row.numerator, row.denominator, from_school=unit.kind == OrgKind.SCHOOL)
        value = shown.rounded(2)
        figures.append({"indicator": row.indicator.code, "name": row.indicator.name,
                        "disaggregation": row.disaggregation, "numerator": shown.numerator,
                        "denominator": shown.denominator, "value": None if value is None else str(value),
                        "suppressed": shown.suppressed, "source": "indicators"})
    return figures


def _indicators_text(figures: list[dict]) -> str:
    if not figures:
        return "Chưa có số liệu chỉ số cho năm học này."
    return "Số liệu các chỉ số theo bảng dưới đây (lấy từ số liệu chỉ số của đơn vị)."


def protection_figures(unit, request: ReportRequest) -> list[dict]:
    """The suppressed totals only: a hidden cell is sent as suppressed, never its count."""
    totals = case_count_totals(unit, request.covers_from, request.covers_to)
    cells = [("", totals.total), *((f"sex={sex}", cell) for sex, cell in totals.by_sex.items())]
    return [{"indicator": "safeguarding.cases", "name": "Số vụ việc được tiếp nhận", "disaggregation": key,
             "numerator": cell.value, "denominator": None, "value": None if cell.suppressed else str(cell.count),
             "suppressed": cell.suppressed, "source": "safeguarding"} for key, cell in cells]


def _protection_text(figures: list[dict]) -> str:
    total = figures[0]
    shown = "dưới ngưỡng công bố" if total["suppressed"] else total["value"]
    return f"Số vụ việc được tiếp nhận và hỗ trợ trong thời gian báo cáo: {shown}."


def _proposals_text(unit, request: ReportRequest) -> str:
    """The materials-review proposals sent in the span by the unit (and the schools below it)."""
    low, high = _bounds(request)
    sent = proposals_below(unit).filter(sent_at__gte=low, sent_at__lt=high).order_by("sent_at", "id")
    lines = [f"- Đề xuất điều chỉnh tài liệu “{nfc(r.title)}” ({nfc(r.unit.name)}): {r.accepted_count} nội dung mang "
             f"định kiến giới đề nghị sửa, gửi ngày {_day(r.sent_at)}." for r in sent]
    return "\n".join(["Đề xuất từ rà soát tài liệu dạy học:", *lines]) if lines else ""


def figures_for(kind: str, request: ReportRequest, unit) -> list[dict]:
    if kind == "indicators":
        return indicator_figures(unit, request)
    if kind == "protection":
        return protection_figures(unit, request)
    return []


def sections_of(request: ReportRequest) -> list[dict]:
    return [s for s in (request.sections or DEFAULT_SECTIONS) if isinstance(s, dict)]


def draft_for(request: ReportRequest, unit) -> list[dict]:
    """The content of a new report: one {"title", "kind", "text", "figures"} per requested section."""
    content = []
    for section in sections_of(request):
        kind = section.get("kind") if section.get("kind") in KINDS else ""
        figures = figures_for(kind, request, unit)
        text = {
            "plan": lambda: _plan_text(unit, request),
            "activities": lambda: _activities_text(unit, request),
            "highlights": lambda: _highlights_text(unit, request),
            "indicators": lambda figures=figures: _indicators_text(figures),
            "protection": lambda figures=figures: _protection_text(figures),
            "proposals": lambda: _proposals_text(unit, request),
        }.get(kind, lambda: "")()
        content.append({"title": nfc(str(section.get("title", ""))), "kind": kind, "text": text, "figures": figures})
    return content


def refreshed_figures(content: list[dict], request: ReportRequest, unit) -> list[dict]:
    """The same content with every section's figures re-read from their source; texts untouched."""
    return [{**section, "figures": figures_for(section.get("kind", ""), request, unit)} for section in content]


def disaggregation_label(key: str) -> str:
    if key.startswith("sex="):
        return SEX_LABEL.get(key[4:], key)
    return key or "tổng"
