"""Authorization matrix rows of the report pages (drafting and workflow; see test_authz_matrix.py)."""

import datetime as dt

from django.utils import timezone

from binhdang.reports.models import Report, ReportRequest, ReportStatus

from .authz_rows import Row


def _request(world) -> ReportRequest:
    """A sent request of the commune, expecting school A (every school below it)."""
    found = ReportRequest.objects.filter(issuer_unit=world.commune, title="matrix").first()
    return found or ReportRequest.objects.create(
        issuer_unit=world.commune, kind="other", title="matrix", period="2025-2026",
        covers_from=dt.date(2025, 11, 15), covers_to=dt.date(2025, 12, 15), due_on=dt.date(2099, 1, 1),
        sent_at=timezone.now(), sections=[{"title": "Kết quả", "kind": ""}])


def request_uid(world) -> dict:
    return {"uid": _request(world).uid}


def _report(world, status: str) -> Report:
    request = _request(world)
    found = Report.objects.filter(request=request, unit=world.school).first()
    return found or Report.objects.create(request=request, unit=world.school, title="matrix", status=status,
                                          content=[{"title": "Kết quả", "kind": "", "text": "", "figures": []}])


def draft_uid(world) -> dict:
    return {"uid": _report(world, ReportStatus.DRAFT).uid}


def submitted_uid(world) -> dict:
    return {"uid": _report(world, ReportStatus.SUBMITTED).uid}


GET_405 = "login 405 405 405 405 405 405 405 405 405 405"
# A POST an ADMIN at the school may send: refused steps (wrong status) come back as a message (302).
SCHOOL_ADMIN_POST = "login 404 404 403 403 403 403 302 302 302 302"
SCHOOL_MANAGE_POST = "login 404 404 403 403 403 302 302 302 302 302"
# Accept / return: the issuer (the commune) and above; the school reads the report but cannot decide.
ISSUER_POST = "login 404 404 403 403 403 403 403 302 302 302"


def _post_only(expect: str, kwargs) -> list[Row]:
    return [Row(GET_405, kwargs, note="POST"), Row(expect, kwargs, method="post", note="post")]


REPORT_DRAFT_ROWS: dict[str, list[Row]] = {
    "reports:report_detail": [
        Row("login 404 404 200 200 200 200 200 200 200 200", draft_uid),
        Row("login 404 404 200 200 200 200 200 200 200 200", submitted_uid, note="submitted"),
    ],
    "reports:report_edit": [Row("login 404 404 403 403 403 200 200 200 200 200", draft_uid)],
    # Started from the active unit: only a school the request expects (officers' units are not asked).
    "reports:report_start": _post_only("login 404 404 403 403 403 302 302 404 404 404", request_uid),
    "reports:report_approve": _post_only(SCHOOL_ADMIN_POST, draft_uid),
    "reports:report_submit": _post_only(SCHOOL_ADMIN_POST, draft_uid),
    "reports:report_refresh": _post_only(SCHOOL_MANAGE_POST, draft_uid),
    "reports:report_new_version": _post_only(SCHOOL_MANAGE_POST, draft_uid),
    "reports:report_accept": _post_only(ISSUER_POST, submitted_uid),
    "reports:report_return": _post_only(ISSUER_POST, submitted_uid),
    # The issuer picks highlights for its consolidation; the school reads but does not pick (403).
    "reports:report_highlights": _post_only(ISSUER_POST, submitted_uid),
}
