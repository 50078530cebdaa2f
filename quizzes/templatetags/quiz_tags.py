from django import template
from django.utils import timezone

from quizzes import review

register = template.Library()
register.filter("response_text", review.response_text)
register.filter("correct_text", review.correct_text)
register.filter("option_feedback", review.option_feedback)


@register.filter
def polygon_points(coords) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in coords)


@register.filter
def marker_radius(width) -> float:
    return max(6, float(width or 0) / 60)


@register.filter
def order_by_response(items, response):
    """Items in the trainee's saved order (if any), else as displayed."""
    order = (response or {}).get("order")
    if not order:
        return items
    position = {item_id: index for index, item_id in enumerate(order)}
    return sorted(items, key=lambda item: position.get(item["id"], len(position)))


@register.filter
def seconds_until(deadline) -> int:
    """Whole seconds from now to the deadline (0 once passed): the countdown needs no clock sync."""
    if deadline is None:
        return 0
    return max(0, int((deadline - timezone.now()).total_seconds()))
