"""{% plan_workflow_info plan as wf %}: the workflow panel's data (history, version chain) for the
plan detail page, fetched here so the detail view stays the same for every feature."""

from django import template

from binhdang.plans.selectors_workflow import plan_history, version_chain

register = template.Library()


@register.simple_tag
def plan_workflow_info(plan) -> dict:
    return {"history": plan_history(plan), **version_chain(plan)}
