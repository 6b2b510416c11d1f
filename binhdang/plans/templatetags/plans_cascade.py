"""Template checks of the cascade buttons: is the user a member of the plan's issuer (or above)?"""

from django import template

from binhdang.accounts.access import level_in

register = template.Library()


@register.filter
def member_of_issuer(user, plan) -> bool:
    """{% if user|member_of_issuer:plan %}: coverage pages are for the issuer and the levels above,
    not for the units below that read an issued plan."""
    return user.is_authenticated and level_in(user, plan.issuer_unit) is not None
