"""Demo of reports (issue 7): the current Action Month reported upward along the Hà Nội branch.

Phường Đống Đa asks its schools (Lý Thường Kiệt) for the Action Month report, and the Ban VSTBPN
of Lý Thường Kiệt has drafted it from the school's records (the principal approves and submits it
in the demo); Sở Hà Nội asks the phường, which answers for its schools. Both requests are sent
through the services, so the principal and the phường officer find them in their to-do lists.
Idempotent: nothing is made again when the requests exist."""

import datetime as dt

from binhdang.accounts.models import User
from binhdang.indicators import periods
from binhdang.indicators.models import Indicator
from binhdang.orgs.models import OrgUnit
from binhdang.reports import requests, workflow
from binhdang.reports.models import ReportKind, ReportRequest

COMMUNE, PROVINCE, SCHOOL = "ubnd-phuong-dong-da", "so-gddt-ha-noi", "th-ly-thuong-kiet"
INDICATORS = ["girls_participation_share", "communication_sessions", "action_month_activities"]


def _request(issuer: OrgUnit, actor: User, title: str, due: dt.date, listed=()) -> ReportRequest:
    start = int(periods.current()[:4])
    made = requests.request_save(
        actor=actor, unit=issuer, kind=ReportKind.ACTION_MONTH, title=title, period=periods.current(),
        covers_from=dt.date(start, 11, 15), covers_to=dt.date(start, 12, 15), due_on=due, schools=list(listed),
        sections=requests.DEFAULT_SECTIONS[ReportKind.ACTION_MONTH],
        indicators=list(Indicator.objects.filter(code__in=INDICATORS)), campaign=None,
        note="Các đơn vị nộp báo cáo trên Bình Đẳng trước hạn.")
    requests.request_send(actor=actor, request=made)
    made.refresh_from_db()  # sent_at was set on the service's locked copy
    return made


def ensure_reports(units: dict[str, OrgUnit]) -> int:
    commune, province, school = units[COMMUNE], units[PROVINCE], units[SCHOOL]
    if ReportRequest.objects.filter(issuer_unit__in=[commune, province]).exists():
        return 0
    start = int(periods.current()[:4])
    asked = _request(commune, User.objects.get(username="xa.dongda"),
                     f"Báo cáo kết quả Tháng hành động vì bình đẳng giới năm {start}", dt.date(start, 12, 20))
    _request(province, User.objects.get(username="so.hanoi"),
             f"Báo cáo tổng hợp Tháng hành động vì bình đẳng giới năm {start}", dt.date(start, 12, 25),
             listed=[commune])
    workflow.report_create(actor=User.objects.get(username="ban.lythuongkiet"), request=asked, unit=school)
    return 2
