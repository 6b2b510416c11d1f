"""Report requests (issue 7): an authority asks its schools for a report, edits it while unsent,
sends it (the schools' principals are told) and reminds the schools that have not submitted."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts.models import Membership
from binhdang.audit.services import record
from binhdang.core.notifications import notify
from binhdang.indicators import periods
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgKind, OrgUnit

from .drafting import section_kind
from .models import Report, ReportEvent, ReportKind, ReportRequest, ReportStatus
from .scope import ANSWERING_KINDS, HEAD_ROLES, expected_schools

# The sections each kind of report is usually asked for (the form starts with these).
DEFAULT_SECTIONS = {
    ReportKind.ACTION_MONTH: ["Kết quả thực hiện", "Hoạt động nổi bật", "Số liệu", "Phòng ngừa, hỗ trợ học sinh",
                              "Khó khăn, đề xuất"],
    ReportKind.MID_YEAR: ["Kết quả thực hiện học kỳ I", "Số liệu", "Tồn tại, hạn chế", "Nhiệm vụ học kỳ II"],
    ReportKind.YEAR_END: ["Kết quả thực hiện năm học", "Số liệu", "Tồn tại, hạn chế", "Phương hướng năm học tới"],
    ReportKind.OTHER: ["Nội dung báo cáo", "Khó khăn, đề xuất"],
}
NOTIFY_KIND = "report_request"
# Statuses of a latest version that count as "handed in" (a returned one owes a new version).
HANDED_IN = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


def schools_below(unit: OrgUnit):
    return OrgUnit.objects.filter(kind=OrgKind.SCHOOL, valid_to__isnull=True,
                                  path__startswith=unit.path).exclude(pk=unit.pk)


def answering_units_below(unit: OrgUnit):
    """What a request may list: the open schools and communes below the unit."""
    return OrgUnit.objects.filter(kind__in=ANSWERING_KINDS, valid_to__isnull=True,
                                  path__startswith=unit.path).exclude(pk=unit.pk)


def _overlaps(units) -> list[tuple[OrgUnit, OrgUnit]]:
    """(school, commune) pairs where both are listed and the school lies under the commune: its
    activities would count twice (once as itself, once in the commune's answer)."""
    communes = [u for u in units if u.kind == OrgKind.COMMUNE]
    return [(u, c) for u in units for c in communes if u.pk != c.pk and u.path.startswith(c.path)]


def _clean(unit, *, kind, title, period, covers_from, covers_to, due_on, schools, sections, campaign) -> dict:
    errors: dict[str, list[str]] = {}
    if kind not in ReportKind.values:
        errors.setdefault("kind", []).append(_("Loại báo cáo không hợp lệ."))
    if not title:
        errors.setdefault("title", []).append(_("Tên báo cáo: không được để trống."))
    try:
        first, last = periods.parse(period)
    except periods.PeriodError as error:
        errors.setdefault("period", []).append(_("Năm học: %(error)s") % {"error": error})
        first = last = None
    if first and covers_from and not first <= covers_from <= last:
        errors.setdefault("covers_from", []).append(_("Từ ngày: phải nằm trong năm học %(period)s.") % {
            "period": period})
    if first and covers_to and not first <= covers_to <= last:
        errors.setdefault("covers_to", []).append(_("Đến ngày: phải nằm trong năm học %(period)s.") % {
            "period": period})
    if covers_from and covers_to and covers_to < covers_from:
        errors.setdefault("covers_to", []).append(_("Đến ngày: không được trước “Từ ngày”."))
    # The report is written after the span it covers, so it cannot be due before that span ends.
    if due_on and covers_to and due_on < covers_to:
        errors.setdefault("due_on", []).append(_("Hạn nộp: không được trước “Đến ngày” (%(day)s).") % {
            "day": covers_to.strftime("%d/%m/%Y")})
    if first and due_on and not first <= due_on <= last + dt.timedelta(days=31):
        errors.setdefault("due_on", []).append(
            _("Hạn nộp: phải nằm trong năm học %(period)s (hoặc tháng 9 ngay sau).") % {"period": period})
    below = set(answering_units_below(unit).values_list("pk", flat=True))
    if any(school.pk not in below for school in schools):
        errors.setdefault("schools", []).append(_("Các đơn vị: chỉ chọn trường hoặc xã trực thuộc đơn vị."))
    for school, commune in _overlaps(list(schools)):
        errors.setdefault("schools", []).append(
            _("Các đơn vị: “%(school)s” thuộc “%(commune)s” đã chọn; xã báo cáo cả cho trường này, hãy bỏ chọn "
              "một trong hai.") % {"school": school.name, "commune": commune.name})
    if campaign is not None and campaign.issuer_unit_id != unit.pk:
        errors.setdefault("campaign", []).append(_("Tháng hành động: phải do chính đơn vị phát động."))
    return errors


def _snapshot(request: ReportRequest) -> dict:
    return {"kind": request.kind, "period": request.period, "due_on": request.due_on.isoformat(),
            "schools": sorted(request.schools.values_list("pk", flat=True)), "sections": len(request.sections)}


@transaction.atomic
def request_save(*, actor, unit: OrgUnit, request: ReportRequest | None = None, kind, title, period,
                 covers_from, covers_to, due_on, schools=(), sections=(), indicators=(), campaign=None,
                 note="") -> ReportRequest:
    """Create (request None) or edit an unsent request; ValidationError naming the field, nothing saved."""
    if unit.is_school:
        raise ValidationError(_("Chỉ cơ quan quản lý (xã/phường, Sở) gửi yêu cầu báo cáo."))
    if request is not None:
        request = ReportRequest.objects.select_for_update().get(pk=request.pk)
        if request.sent_at is not None:
            raise ValidationError(_("Yêu cầu đã gửi: không sửa được nữa."))
    title = nfc(title or "").strip()
    # No section written: the usual set of the kind.
    sections = [nfc(line).strip() for line in sections if nfc(line).strip()] or DEFAULT_SECTIONS.get(kind, [])
    schools = list(schools)
    errors = _clean(unit, kind=kind, title=title, period=period, covers_from=covers_from, covers_to=covers_to,
                    due_on=due_on, schools=schools, sections=sections, campaign=campaign)
    if errors:
        raise ValidationError(errors)
    creating = request is None
    if creating:
        request = ReportRequest(issuer_unit=unit, created_by=actor)
    request.kind, request.title, request.period = kind, title, period
    request.covers_from, request.covers_to, request.due_on = covers_from, covers_to, due_on
    request.sections = [{"title": line, "kind": section_kind(line)} for line in sections]
    request.campaign, request.note = campaign, nfc(note or "").strip()
    request.save()
    request.schools.set(schools)
    request.indicators.set(list(indicators))
    record(actor=actor, unit=unit, action="report.request_create" if creating else "report.request_edit",
           target=request, details=_snapshot(request))
    return request


def principals_of(schools) -> dict[int, list]:
    """unit pk → the people who answer for it (principals, commune officers; active users), in one query."""
    found: dict[int, list] = {}
    memberships = Membership.objects.filter(unit__in=schools, role__in=HEAD_ROLES, user__is_active=True)
    for membership in memberships.select_related("user"):
        found.setdefault(membership.unit_id, []).append(membership.user)
    return found


@transaction.atomic
def request_send(*, actor, request: ReportRequest) -> int:
    """Send a draft request: sets sent_at, tells the expected schools' principals. Returns how many were told."""
    request = ReportRequest.objects.select_for_update().get(pk=request.pk)
    if request.sent_at is not None:
        raise ValidationError(_("Yêu cầu này đã được gửi."))
    request.sent_at = timezone.now()
    request.save(update_fields=["sent_at"])
    schools = list(expected_schools(request))
    url = reverse("reports:list")
    title = _("Yêu cầu báo cáo: %(title)s, hạn nộp %(due)s") % {
        "title": request.title, "due": request.due_on.strftime("%d/%m/%Y")}
    told = 0
    for school_pk, users in principals_of(schools).items():
        school = next(s for s in schools if s.pk == school_pk)
        for user in users:
            told += notify(user, school, NOTIFY_KIND, f"{NOTIFY_KIND}:{request.pk}:{user.pk}", title,
                           body=request.issuer_unit.name, url=url)
    record(actor=actor, unit=request.issuer_unit, action="report.request_send", target=request,
           details={"schools": len(schools), "notified": told})
    return told


def not_handed_in(request: ReportRequest, schools) -> list:
    """The schools whose latest version is not submitted/accepted (none, draft, approved, returned)."""
    latest = {}
    for report in Report.objects.filter(request=request, unit__in=schools).order_by("unit_id", "-version"):
        latest.setdefault(report.unit_id, report)
    return [s for s in schools if s.pk not in latest or latest[s.pk].status not in HANDED_IN]


@transaction.atomic
def request_remind(*, actor, request: ReportRequest) -> int:
    """Remind the schools that have not handed in, each at most once per local day. Returns schools reminded."""
    request = ReportRequest.objects.select_for_update().get(pk=request.pk)
    if request.sent_at is None:
        raise ValidationError(_("Yêu cầu chưa gửi: chưa nhắc nộp được."))
    # Today's local date: the events' own timestamps (auto_now_add) are what "once a day" is checked against.
    today = timezone.localdate()
    pending = not_handed_in(request, list(expected_schools(request)))
    day_start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    done_today = set(ReportEvent.objects.filter(
        request=request, action=ReportEvent.Action.REMINDED, at__gte=day_start,
        at__lt=day_start + dt.timedelta(days=1)).values_list("unit_id", flat=True))
    pending = [school for school in pending if school.pk not in done_today]
    principals = principals_of(pending)
    title = _("Nhắc nộp báo cáo: %(title)s, hạn nộp %(due)s") % {
        "title": request.title, "due": request.due_on.strftime("%d/%m/%Y")}
    url = reverse("reports:list")
    for school in pending:
        for user in principals.get(school.pk, []):
            notify(user, school, NOTIFY_KIND, f"{NOTIFY_KIND}:remind:{request.pk}:{user.pk}:{today.isoformat()}",
                   title, body=request.issuer_unit.name, url=url)
    ReportEvent.objects.bulk_create([
        ReportEvent(request=request, unit=school, action=ReportEvent.Action.REMINDED, actor=actor)
        for school in pending])
    record(actor=actor, unit=request.issuer_unit, action="report.request_remind", target=request,
           details={"schools": [school.pk for school in pending], "day": today.isoformat()})
    return len(pending)
