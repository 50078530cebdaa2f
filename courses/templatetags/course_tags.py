from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in templates, or None."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def order_by_response(items, response):
    """Items in the trainee's saved order (if any), else as displayed."""
    order = (response or {}).get("order")
    if not order:
        return items
    position = {item_id: index for index, item_id in enumerate(order)}
    return sorted(items, key=lambda item: position.get(item["id"], len(position)))
