"""Template helpers of the activity pages."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key], or None (the participant grid reads typed values by input name)."""
    return mapping.get(key) if hasattr(mapping, "get") else None
