"""Creating cases (issue 5, item 1): from the public help page and from staff who received a
report in person, by phone or from the suggestion box; the student's follow-up messages.

What is stored: the school, the channel, the category, "happening now", the time, and the
narrative, name and class sealed under the case's own data key. What is not: no user link for
the public page, no IP address, no user agent (nothing here reads them). The audit row holds
ids only; notifications say that a case needs attention, never what or who.
"""

import secrets

from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.audit.services import record

from .alerts import alert
from .models import Case, CaseEntry, CaseTeamMember, Channel, EntryKind
from .sealing import field_context, new_data_key, seal, unseal

# 31 symbols without 0/O, 1/I/L: 12 of them give 12 × log2(31) ≈ 59.4 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
PASSPHRASE_MIN_LENGTH = 8
# Argon2 always, whatever PASSWORD_HASHERS says (tests make user passwords cheap with MD5; a
# passphrase guards a child's case, so it never is).
PASSPHRASE_HASHER = Argon2PasswordHasher()


def hash_passphrase(passphrase: str) -> str:
    return PASSPHRASE_HASHER.encode(passphrase, PASSPHRASE_HASHER.salt())


def new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
        if not Case.objects.filter(code=code).exists():
            return code


def normalise_code(raw: str) -> str:
    """What the student types: spaces, dashes and lower case are forgiven."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def display_code(code: str) -> str:
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def _seal_optional(case: Case, field: str, text: str):
    return seal(case.key, text, field_context(case, field)) if text else None


@transaction.atomic
def case_create(*, unit, channel: str, category: str, narrative: str, name: str = "", school_class: str = "",
                happening_now: bool = False, passphrase: str = "", actor=None) -> Case:
    """One case with its own data key; returns it (the caller shows `code` once)."""
    case = Case(
        unit=unit, code=new_code(), key=new_data_key(), channel=channel, category=category,
        happening_now=happening_now, received_at=timezone.now(),
        passphrase_hash=hash_passphrase(passphrase) if passphrase else "",
        recorded_by=actor if channel != Channel.HELP_PAGE else None,
        narrative_sealed=b"",
    )
    # The uid exists before saving (default), so the sealing context is final here.
    case.narrative_sealed = seal(case.key, narrative, field_context(case, "narrative_sealed"))
    case.reporter_name_sealed = _seal_optional(case, "reporter_name_sealed", name)
    case.reporter_class_sealed = _seal_optional(case, "reporter_class_sealed", school_class)
    case.save()
    record(actor=actor, unit=unit, action="case.create", target=case, details={})
    for member in CaseTeamMember.objects.filter(unit=unit).select_related("user"):
        alert(member.user, unit, key=f"case-new:{case.uid}",
               title=_("Có yêu cầu hỗ trợ mới cần xử lý"), url="/thong-bao/")
    return case


def case_for_student(code: str, passphrase: str) -> Case | None:
    """The case if code and passphrase match, else None, the same for both failures. An unknown
    code still runs one hash so both failures take comparable work."""
    case = Case.objects.filter(code=normalise_code(code)).select_related("key").first()
    if case is None or not case.passphrase_hash:
        hash_passphrase(passphrase)
        return None
    return case if PASSPHRASE_HASHER.verify(passphrase, case.passphrase_hash) else None


def student_messages(case: Case) -> list[dict]:
    """Replies to the student and the student's own messages, opened (never anything else)."""
    entries = case.entries.filter(kind__in=[EntryKind.MESSAGE_OUT, EntryKind.MESSAGE_IN])
    return [
        {"at": entry.at, "from_school": entry.kind == EntryKind.MESSAGE_OUT,
         "text": unseal(case.key, entry.text_sealed, field_context(entry, "text_sealed"))}
        for entry in entries
    ]


@transaction.atomic
def student_message_add(*, case: Case, text: str) -> CaseEntry:
    entry = CaseEntry(case=case, kind=EntryKind.MESSAGE_IN, at=timezone.now())
    entry.text_sealed = seal(case.key, text, field_context(entry, "text_sealed"))
    entry.save()
    record(actor=None, unit=case.unit, action="case.message_in", target=case, details={"entry": str(entry.uid)})
    for member in CaseTeamMember.objects.filter(unit=case.unit).select_related("user"):
        alert(member.user, case.unit, key=f"case-message:{entry.uid}",
               title=_("Có tin nhắn mới trong một yêu cầu hỗ trợ"), url="/thong-bao/")
    return entry
