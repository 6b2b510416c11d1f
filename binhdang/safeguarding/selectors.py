"""Reads of cases for the case pages. Opening sealed values happens here, for one case at a
time, only after access.case_view let the request through (and audited it)."""

from .access import CaseAccess
from .models import Case, CaseEntry
from .sealing import field_context, unseal


def opened(record, field: str, case: Case) -> str:
    """The plaintext of one sealed field of `record` (a row of `case`), or "" when empty."""
    blob = getattr(record, field)
    if blob is None or bytes(blob) == b"":
        return ""
    return unseal(case.key, blob, field_context(record, field))


def entry_rows(case: Case) -> list[dict]:
    return [
        {"entry": entry, "text": opened(entry, "text_sealed", case)}
        for entry in CaseEntry.objects.filter(case=case).select_related("by")
    ]


def case_detail(access: CaseAccess) -> dict:
    case = access.case
    return {
        "access": access,
        "case": case,
        "narrative": opened(case, "narrative_sealed", case),
        "reporter_name": opened(case, "reporter_name_sealed", case),
        "reporter_class": opened(case, "reporter_class_sealed", case),
        "entries": entry_rows(case),
    }
