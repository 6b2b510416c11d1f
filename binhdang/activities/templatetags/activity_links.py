from django import template

from binhdang.activities.links import activity_url

register = template.Library()


@register.filter
def activity_href(activity) -> str:
    """{{ activity|activity_href }}: the activity's page, or "" while it has none."""
    return activity_url(activity)
