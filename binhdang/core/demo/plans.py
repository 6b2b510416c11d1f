"""Demo plans: each seed plan imported for the school that wrote it (idempotent).

The seeds live outside the repository (binhdang.plans.seeds); without them the demo still
builds, with no plans, and says so.
"""

from binhdang.orgs.models import OrgUnit
from binhdang.plans.importing import read_plan_file
from binhdang.plans.models import Plan, PlanKind
from binhdang.plans.seeds import seed_dir
from binhdang.plans.services import plan_create_from_parsed

# seed file → the unit that issued it (see the seeds' README).
SEED_ISSUERS = {
    "000_b75ea42580e22e9e.txt": "thpt-que-son",
    "001_1e38a6a36f82991c.txt": "th-ly-thuong-kiet",
}


def ensure_seed_plans(units: dict[str, OrgUnit]) -> list[Plan] | None:
    """The seed plans of the demo schools; None when the seed folder is not found."""
    folder = seed_dir()
    if folder is None:
        return None
    plans = []
    for name, code in SEED_ISSUERS.items():
        path = folder / name
        parsed = read_plan_file(name, path.read_bytes())
        unit = units[code]
        plan = Plan.objects.filter(issuer_unit=unit, title=parsed.title).first()
        if plan is None:
            plan = plan_create_from_parsed(actor=None, unit=unit, parsed=parsed, kind=PlanKind.YEARLY)
        plans.append(plan)
    return plans
