"""{% plan_workflow_info plan as wf %}: the workflow panel's data (history, version chain) for the
plan detail page, fetched here so the detail view stays the same for every feature."""

from django import template

from binhdang.accounts.access import level_in
from binhdang.plans.selectors_workflow import plan_history, version_chain

register = template.Library()


@register.simple_tag
def plan_workflow_info(plan, user) -> dict:
    """History only for members of the issuer (and above): a unit below reading an issued plan
    sees the document, not the issuer's internal steps (who returned it and why)."""
    inside = level_in(user, plan.issuer_unit) is not None
    return {"history": plan_history(plan) if inside else [], **version_chain(plan)}
