"""Context of the parts of a case page: people, consent, referrals, attachments."""

from .access import CaseAccess


def parts_context(access: CaseAccess) -> dict:
    return {}
