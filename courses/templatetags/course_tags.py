from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in templates, or None."""
    if not mapping:
        return None
    return mapping.get(key)
