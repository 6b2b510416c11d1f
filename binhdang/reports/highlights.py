"""Highlights (issue 7, item 5: "highlights picked from school reports"): the lines of a handed-in
report's highlights sections, and the issuer's pick of them for its consolidation. The pick is the
issuer's own record beside the frozen report (`PickedHighlight`); picking again replaces it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.lib.vntext import nfc

from .models import PickedHighlight, Report
from .requests import HANDED_IN


def highlight_lines(report: Report) -> list[str]:
    """Every non-empty line of the report's "highlights" sections, in order, without its "- " mark."""
    lines = []
    for section in report.content or []:
        if isinstance(section, dict) and section.get("kind") == "highlights":
            lines += [nfc(line).strip().lstrip("-+ ").strip() for line in str(section.get("text", "")).splitlines()
                      if line.strip().lstrip("-+ ").strip()]
    return lines


def may_pick(user, report: Report) -> bool:
    return report.status in HANDED_IN and access.can(user, report.request.issuer_unit, Level.ADMIN)


@transaction.atomic
def highlights_pick(*, actor, report: Report, positions: list[int]) -> list[PickedHighlight]:
    """Replace the issuer's pick of the report's highlight lines (0-based positions in highlight_lines)."""
    if not access.can(actor, report.request.issuer_unit, Level.ADMIN):
        raise PermissionDenied
    if report.status not in HANDED_IN:
        raise ValidationError(_("Chỉ chọn hoạt động nổi bật từ báo cáo đã nộp hoặc đã tiếp nhận."))
    lines = highlight_lines(report)
    wrong = [n for n in positions if not 0 <= n < len(lines)]
    if wrong:
        raise ValidationError(_("Dòng số %(line)d không có trong phần hoạt động nổi bật của báo cáo.")
                              % {"line": wrong[0] + 1})
    PickedHighlight.objects.filter(report=report).delete()
    picks = PickedHighlight.objects.bulk_create([
        PickedHighlight(request=report.request, report=report, position=n, text=lines[n], picked_by=actor)
        for n in sorted(set(positions))])
    record(actor=actor, unit=report.request.issuer_unit, action="report.highlights_pick", target=report,
           details={"positions": sorted(set(positions))})
    return picks
