"""Authorization matrix rows of the indicators app (see test_authz_matrix.py for the columns)."""

from binhdang.testing import World

from .authz_objects import plan_uid
from .authz_rows import Row


def plan_target(attr: str):
    """The first target of a plan of the named unit (created once, reused by every role)."""

    def build(world: World) -> dict:
        from binhdang.plans.models import Plan, Target

        kwargs = plan_uid(attr)(world)
        plan = Plan.objects.get(uid=kwargs["uid"])
        Target.objects.get_or_create(plan=plan, position=1, defaults={"text": "50 % học sinh nữ tham gia câu lạc bộ"})
        return {**kwargs, "position": 1}

    return build


# dashboards
def share_code(world) -> dict:
    """An active indicator of the catalogue (created once per world)."""
    from binhdang.indicators.models import Indicator

    indicator, _created = Indicator.objects.get_or_create(code="women-managers", defaults={
        "name": "Tỷ lệ nữ cán bộ quản lý", "numerator_label": "Nữ cán bộ quản lý",
        "denominator_label": "Cán bộ quản lý", "factor": 100, "time_aggregation": "stock", "source": "staff",
        "computation": "women_managers_share"})
    return {"code": indicator.code}



#  Columns: anonymous outsider no_role teacher counsellor unit_lead committee_member principal
#           commune_officer province_officer admin
INDICATOR_ROWS: dict[str, list[Row]] = {
    # entry, locks, targets
    # Hand entry of the active unit: MANAGE there (the outsider enters at their own school).
    "indicators:entry": [Row("login 200 404 403 403 403 200 200 200 200 200")],
    "indicators:entry_complete": [
        Row("login 405 405 405 405 405 405 405 405 405 405", note="POST"),
        Row("login 302 404 403 403 403 302 302 302 302 302", method="post", note="post"),
    ],
    # Locks are set by the authority above the schools: ADMIN at a unit that is not a school, so a
    # principal (ADMIN at the school) gets 403, like the outsider (a principal too).
    "indicators:lock": [
        Row("login 403 404 403 403 403 403 403 200 200 200"),
        Row("login 403 404 403 403 403 403 403 302 302 302", method="post", note="post"),
    ],
    "indicators:targets": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    # Linking a target: MANAGE on the plan's issuer; a commune's plan is not reachable from its school.
    "indicators:target_link": [
        Row("login 404 404 403 403 403 200 200 200 200 200", plan_target("school")),
        Row("login 404 404 404 404 404 404 404 200 200 200", plan_target("commune"), note="commune"),
        # An empty form is refused with its messages (400), nothing saved.
        Row("login 404 404 403 403 403 400 400 400 400 400", plan_target("school"), method="post", note="post"),
    ],
    # dashboards: VIEW at the active unit (every role has it in its own unit; no_role has no unit).
    "indicators:dashboard": [
        Row("login 200 404 200 200 200 200 200 200 200 200"),
        Row("login 200 404 200 200 200 200 200 200 200 200", query="format=xlsx", note="xlsx"),
        Row("login 400 404 400 400 400 400 400 400 400 400", query="ky=2025", note="bad period"),
    ],
    "indicators:indicator": [
        Row("login 200 404 200 200 200 200 200 200 200 200", share_code),
        Row("login 200 404 200 200 200 200 200 200 200 200", share_code, query="format=csv", note="csv"),
        Row("login 404 404 404 404 404 404 404 404 404 404", lambda world: {"code": "khong-co"}, note="unknown"),
    ],
}
