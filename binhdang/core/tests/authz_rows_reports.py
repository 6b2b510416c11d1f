"""Authorization matrix rows of reports (see test_authz_matrix.py for the columns).

Requests are issued by the commune: its officer and the province officer above (rights flow down)
reach them; the school's own staff are not members of the commune, so its pages are "not found"."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from binhdang.reports.exports import basis_of
from binhdang.reports.models import ConsolidationFile, ReportRequest

from .authz_rows import Row


def _request(world, *, sent: bool) -> ReportRequest:
    title = "matrix sent" if sent else "matrix draft"
    found = ReportRequest.objects.filter(issuer_unit=world.commune, title=title).first()
    if found:
        return found
    today = timezone.localdate()
    return ReportRequest.objects.create(
        issuer_unit=world.commune, kind="other", title=title, period=f"{today.year - 1}-{today.year}",
        covers_from=today - dt.timedelta(days=10), covers_to=today, due_on=today + dt.timedelta(days=5),
        sections=[{"title": "Nội dung"}], sent_at=timezone.now() if sent else None)


def draft_request_uid(world) -> dict:
    return {"uid": _request(world, sent=False).uid}


def sent_request_uid(world) -> dict:
    return {"uid": _request(world, sent=True).uid}


def consolidation_file(world, fmt=None) -> dict:
    request = _request(world, sent=True)
    made = ConsolidationFile.objects.filter(request=request).first()
    if made is None:
        made = ConsolidationFile(request=request, basis=basis_of(request), status=ConsolidationFile.Status.DONE)
        made.docx.save("m.docx", ContentFile(b"PK docx"), save=False)
        made.xlsx.save("m.xlsx", ContentFile(b"PK xlsx"), save=False)
        made.save()
    return {"uid": made.uid, **({"fmt": fmt} if fmt else {})}


def _post_only(kwargs, admin_status: str) -> list[Row]:
    return [
        Row("login 405 405 405 405 405 405 405 405 405 405", kwargs, note="POST"),
        Row(f"login 404 404 404 404 404 404 404 {admin_status} {admin_status} {admin_status}", kwargs,
            method="post", note="post"),
    ]


REPORT_ROWS: dict[str, list[Row]] = {
    # A school's to-do (every role of the school, the outsider at theirs), an authority's requests.
    "reports:list": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    # ADMIN on the active unit, never at a school (the principals: 403).
    "reports:request_create": [Row("login 403 404 403 403 403 403 403 200 200 200")],
    "reports:request_detail": [
        Row("login 404 404 404 404 404 404 404 200 200 200", draft_request_uid),
        Row("login 404 404 404 404 404 404 404 200 200 200", sent_request_uid, note="sent"),
    ],
    "reports:request_edit": [
        Row("login 404 404 404 404 404 404 404 200 200 200", draft_request_uid),
        # Sent: back to the tracking page with a message.
        Row("login 404 404 404 404 404 404 404 302 302 302", sent_request_uid, note="sent"),
    ],
    # Sending a sent request is refused with a message and a redirect (302), as is a second send.
    "reports:request_send": _post_only(sent_request_uid, "302"),
    "reports:request_remind": _post_only(sent_request_uid, "302"),
    # The consolidation's files: VIEW at the issuer (the school's own staff are not members there: 404);
    # asking for them redirects to the worker's progress page.
    "reports:consolidate": _post_only(sent_request_uid, "302"),
    "reports:consolidation_status": [Row("login 404 404 404 404 404 404 404 200 200 200", consolidation_file)],
    "reports:consolidation_download": [
        Row("login 404 404 404 404 404 404 404 200 200 200", lambda world: consolidation_file(world, "docx")),
        Row("login 404 404 404 404 404 404 404 200 200 200", lambda world: consolidation_file(world, "xlsx"),
            note="xlsx"),
    ],
}
