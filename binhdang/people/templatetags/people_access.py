"""Template checks of the people pages: may this user manage the roster of this unit?"""

from django import template

from binhdang.accounts.access import can
from binhdang.accounts.roles import Level

register = template.Library()


@register.filter
def may_manage(user, unit) -> bool:
    """{% if user|may_manage:active_unit %}: roster imports need Level.MANAGE."""
    return unit is not None and user.is_authenticated and can(user, unit, Level.MANAGE)
