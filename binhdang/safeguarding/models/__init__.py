"""Models of student protection (issue 5), one module per topic so later work adds files."""

from .cases import (
    AgeBand,
    Case,
    CaseEntry,
    CaseTeamMember,
    Category,
    Channel,
    EntryKind,
    Hotline,
    Stage,
)
from .handling import (
    CaseAttachment,
    CasePerson,
    Consent,
    ConsentPurpose,
    PersonRole,
    PersonSex,
    Referral,
    ReferralTarget,
)
from .keys import SealedKey

__all__ = [
    "AgeBand", "Case", "CaseEntry", "CaseTeamMember", "Category", "Channel", "EntryKind", "Hotline",
    "SealedKey", "Stage", "CaseAttachment", "CasePerson", "Consent", "ConsentPurpose", "PersonRole", "PersonSex",
    "Referral", "ReferralTarget",
]
