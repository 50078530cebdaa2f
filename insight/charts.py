"""Server-side SVG charts for item analysis: no JavaScript, no CDN, nothing to vendor.

Each chart is an <svg role="img"> with a title and a description; the page puts a table with the
same numbers next to it, which is the text alternative screen readers and printouts use.
Every piece of text goes through format_html, so a question titled "<script>" stays text.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

TEAL, GREY, AMBER, INK, GRID = "#007d7e", "#767676", "#b45309", "#262626", "#d9d9d9"


def _clean(value):
    """Numbers keep their format spec ({:.1f}); anything else is escaped."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return conditional_escape(value)


def format_html(template: str, *args, **kwargs) -> SafeString:
    """django.utils.html.format_html, but numbers reach str.format unescaped so specs work."""
    return mark_safe(  # noqa: S308 (every argument but a number is escaped first)
        template.format(*(_clean(arg) for arg in args), **{k: _clean(v) for k, v in kwargs.items()})
    )


def _svg(*, chart_id: str, title: str, desc: str, width: int, height: int, body) -> SafeString:
    return format_html(
        '<svg class="analysis-chart" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMidYMid meet">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        id=chart_id,
        title=title,
        desc=desc,
        body=body,
    )


def _join(parts) -> SafeString:
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (parts are escaped)


def _band(index: int, bands: int) -> str:
    return f"{index * 10}–{index * 10 + (10 if index == bands - 1 else 9)}"


def histogram(counts: Sequence[int], *, pass_mark: int, chart_id: str = "histogram"):
    """Attempts per 10 % band of the score, with the pass mark drawn as a line."""
    width, height, left, bottom, top = 640, 280, 44, 40, 34
    plot_w, plot_h = width - left - 12, height - bottom - top
    peak = max(max(counts, default=0), 1)
    bar = plot_w / len(counts)
    parts = []
    for tick in range(5):  # horizontal grid and count labels
        value = peak * tick / 4
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="{}"/>'
                '<text x="{}" y="{:.1f}" text-anchor="end" font-size="12" fill="{}">{}</text>',
                left, width - 12, y, y, GRID, left - 6, y + 4, INK, f"{value:.0f}",
            )
        )  # fmt: skip
    for index, count in enumerate(counts):
        bar_h = plot_h * count / peak
        x = left + index * bar
        parts.append(
            format_html(
                '<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}">'
                "<title>{}–{} %: {} attempt{}</title></rect>"
                '<text x="{:.1f}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>',
                x + 3, top + plot_h - bar_h, bar - 6, bar_h, TEAL, index * 10,
                index * 10 + (10 if index == len(counts) - 1 else 9), count,
                "" if count == 1 else "s", x + bar / 2, height - bottom + 16, INK,
                _band(index, len(counts)),
            )
        )  # fmt: skip
    mark_x = left + plot_w * pass_mark / 100
    parts.append(
        format_html(
            '<line x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}" stroke="{}" stroke-width="2" '
            'stroke-dasharray="6 4"/><text x="{:.1f}" y="{}" font-size="12" fill="{}" '
            'text-anchor="middle">pass mark {} %</text>'
            '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">score (%)</text>',
            mark_x, mark_x, top - 6, top + plot_h, AMBER, min(max(mark_x, 60), width - 60),
            top - 12, AMBER, pass_mark,
            left + plot_w / 2, height - 6, INK,
        )
    )  # fmt: skip
    total = sum(counts)
    return _svg(
        chart_id=chart_id,
        title="Score distribution",
        desc=f"{total} attempts in 10 % bands of the score; the table below lists each band.",
        width=width,
        height=height,
        body=_join(parts),
    )


def scatter(points: Sequence[tuple[str, float, float, bool]], *, chart_id: str = "scatter"):
    """Items by facility (x, 0–100 %) and discrimination (y, −1 to 1); the bands where an item
    needs a look are shaded. `points` are (number, facility, discrimination, flagged)."""
    width, height, left, bottom, top, right = 640, 340, 48, 44, 12, 12
    plot_w, plot_h = width - left - right, height - bottom - top

    def px(facility: float) -> float:
        return left + plot_w * facility

    def py(value: float) -> float:
        return top + plot_h * (1 - value) / 2

    shade = '<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#fdf3e7"/>'
    parts = [
        format_html(shade, px(0), top, px(0.2) - px(0), plot_h),
        format_html(shade, px(0.95), top, px(1) - px(0.95), plot_h),
        format_html(shade, px(0), py(0.2), plot_w, py(-1) - py(0.2)),
    ]
    for value in (-1, -0.5, 0, 0.2, 0.5, 1):
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="{}"{}/>'
                '<text x="{}" y="{:.1f}" text-anchor="end" font-size="12" fill="{}">{}</text>',
                left, width - right, py(value), py(value), GRID if value != 0.2 else AMBER,
                mark_safe(' stroke-dasharray="6 4"') if value == 0.2 else "",
                left - 6, py(value) + 4, INK, f"{value:g}",
            )
        )  # fmt: skip
    for value in range(0, 101, 20):
        parts.append(
            format_html(
                '<text x="{:.1f}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>',
                px(value / 100), top + plot_h + 16, INK, f"{value}",
            )
        )  # fmt: skip
    parts.append(
        format_html(
            '<text x="{:.1f}" y="{}" text-anchor="middle" font-size="12" fill="{}">'
            "facility (%)</text><text x=\"12\" y=\"{:.1f}\" font-size=\"12\" fill=\"{}\" "
            'transform="rotate(-90 12 {:.1f})" text-anchor="middle">discrimination</text>',
            left + plot_w / 2, height - 6, INK, top + plot_h / 2, INK, top + plot_h / 2,
        )
    )  # fmt: skip
    for number, facility, value, flagged in points:
        colour = AMBER if flagged else TEAL
        parts.append(
            format_html(
                '<g><title>Item {}: facility {:.0f} %, discrimination {:.2f}{}</title>'
                '<circle cx="{:.1f}" cy="{:.1f}" r="10" fill="{}" fill-opacity="0.9" '
                'stroke="#fff"/>'
                '<text x="{:.1f}" y="{:.1f}" text-anchor="middle" font-size="11" fill="#fff" '
                'font-weight="bold">{}</text></g>',
                number, facility * 100, value, " (flagged)" if flagged else "",
                px(facility), py(value), colour, px(facility), py(value) + 4, number,
            )
        )  # fmt: skip
    return _svg(
        chart_id=chart_id,
        title="Facility and discrimination of each item",
        desc=f"{len(points)} items plotted; shaded bands are where an item needs a look "
        "(facility under 20 % or over 95 %, discrimination under 0.2). The item table below "
        "has the same numbers.",
        width=width,
        height=height,
        body=_join(parts),
    )


def option_bars(options, *, chart_id: str):
    """Each option's share of the bottom and the top third (grey and teal bars)."""
    row_h, left, width = 50, 150, 440
    height = 30 + row_h * len(options)
    plot_w = width - left - 52
    parts = [
        format_html(
            '<rect x="{}" y="6" width="12" height="12" fill="{}"/><text x="{}" y="16" '
            'font-size="13" fill="{}">bottom third</text><rect x="{}" y="6" width="12" '
            'height="12" fill="{}"/><text x="{}" y="16" font-size="13" fill="{}">top third</text>',
            left, GREY, left + 16, INK, left + 120, TEAL, left + 136, INK,
        )
    ]  # fmt: skip
    for index, option in enumerate(options):
        y = 28 + index * row_h
        label = option.text if len(option.text) <= 22 else option.text[:21] + "…"
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{}"{}>{}{}</text>',
                left - 8, y + 19, INK,
                mark_safe(' font-weight="bold"') if option.is_keyed else "",
                "✓ " if option.is_keyed else "", label,
            )
        )  # fmt: skip
        for offset, share, colour in ((0, option.bottom, GREY), (18, option.top, TEAL)):
            share = share or 0.0
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{:.1f}" height="16" fill="{}"/>'
                    '<text x="{:.1f}" y="{}" font-size="12" fill="{}">{:.0f} %</text>',
                    left, y + offset + 4, max(plot_w * share, 1), colour,
                    left + max(plot_w * share, 1) + 4, y + offset + 16, INK, share * 100,
                )
            )  # fmt: skip
    return _svg(
        chart_id=chart_id,
        title="Option choices by the bottom and top thirds",
        desc="For each option, the share of the bottom and the top third of attempts (by total "
        "score) that chose it; ✓ marks a keyed option. The table beside it lists the numbers.",
        width=width,
        height=height,
        body=_join(parts),
    )


def _zone(zone) -> SafeString:
    shape, coords = zone.get("shape"), zone.get("coords") or []
    style = mark_safe('fill="none" stroke="#262626" stroke-width="3" stroke-dasharray="8 4"')
    try:
        if shape == "circle":
            cx, cy, r = (float(value) for value in coords[:3])
            return format_html('<circle cx="{}" cy="{}" r="{}" {}/>', cx, cy, r, style)
        if shape == "rect":
            x, y, w, h = (float(value) for value in coords[:4])
            return format_html('<rect x="{}" y="{}" width="{}" height="{}" {}/>', x, y, w, h, style)
        if shape == "polygon":
            points = " ".join(f"{float(px)},{float(py)}" for px, py in coords)
            return format_html('<polygon points="{}" {}/>', points, style)
    except (TypeError, ValueError):
        pass
    return mark_safe("")


def heat_map(heat, *, chart_id: str):
    """Clicks over the image in square cells (darker: more clicks), zones drawn dashed."""
    width, height = heat.width or 100, heat.height or 100
    cell = width / heat.columns
    peak = max((clicks for *_, clicks, _ in heat.cells), default=1) or 1
    image = (
        format_html(
            '<image href="{}" x="0" y="0" width="{}" height="{}" '
            'preserveAspectRatio="none" opacity="0.85"/>',
            heat.image_url, width, height,
        )
        if heat.image_url
        else format_html('<rect width="{}" height="{}" fill="#f2f2f2"/>', width, height)
    )  # fmt: skip
    cells = _join(
        format_html(
            '<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" '
            'fill-opacity="{:.2f}"><title>{} click{} here, {} in a scoring zone</title></rect>',
            column * cell, row * cell, cell, cell, "#c2410c", 0.25 + 0.65 * clicks / peak,
            clicks, "" if clicks == 1 else "s", hits,
        )
        for column, row, clicks, hits in heat.cells
    )  # fmt: skip
    zones = _join(_zone(zone) for zone in heat.zones)
    return _svg(
        chart_id=chart_id,
        title="Where trainees clicked",
        desc=f"{heat.clicks} clicks over the image ({heat.alt}); darker cells had more clicks; "
        "dashed outlines are the scoring zones. The table beside it counts clicks in and out "
        "of the zones.",
        width=int(width),
        height=int(height),
        body=_join([image, cells, zones]),
    )
