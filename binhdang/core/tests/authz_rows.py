"""The row type of the authorization matrix and its column order (shared by the matrix and the
per-app row files)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from binhdang.testing import World

# Column order of every expectation string below.
ROLES = (
    "anonymous", "outsider", "no_role", "teacher", "counsellor", "unit_lead",
    "committee_member", "principal", "commune_officer", "province_officer", "admin",
)


@dataclass(frozen=True)
class Row:
    """One way to call a URL and the status each role gets."""

    expect: str  # one status per role, in ROLES order, separated by spaces
    kwargs: Callable[[World], dict] = field(default=lambda world: {})
    query: str = ""
    note: str = ""
    # "get" for the matrix proper; a "post" row sends an empty form, for POST-only URLs
    # whose refusal must still be 404/403 (roles run in ROLES order against one world).
    method: str = "get"

    def statuses(self) -> dict[str, str]:
        values = self.expect.split()
        assert len(values) == len(ROLES), f"{self.note or self.expect}: need {len(ROLES)} statuses"
        return dict(zip(ROLES, values, strict=True))
