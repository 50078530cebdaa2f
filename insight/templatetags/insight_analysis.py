"""Number formats for the item-analysis page: an undefined statistic reads "—", never "None"."""

from django import template

register = template.Library()
DASH = "—"


@register.filter
def share(value):
    """0.8234 → "82 %"."""
    return DASH if value is None else f"{value * 100:.0f} %"


@register.filter
def percent(value):
    """A value already in percent: 82.34 → "82.3 %"."""
    return DASH if value is None else f"{value:.1f} %"


@register.filter
def decimal(value, places=2):
    return DASH if value is None else f"{value:.{int(places)}f}"


@register.filter
def heat_hits(heat):
    return sum(cell[3] for cell in heat.cells)


@register.filter
def heat_misses(heat):
    return sum(cell[2] - cell[3] for cell in heat.cells)
