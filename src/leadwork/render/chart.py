"""An indicator's readings as an inline SVG chart, for the HTML pages a leader sends.

One column per week of the range: the readings as a line, a dot per reading in its
status's colour, the target as a dashed line, the celebrate band and the course-correct
band shaded (each week with the thresholds in effect that week, so an agreed change shows
as a step), and a week without a reading as a gap in the line with a hollow mark on the
axis. Weeks before the indicator was agreed or after it was retired are left blank. The
statuses are the status engine's (`WeekStatus.status`); nothing here judges a reading.
Standard library only; every text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from leadwork.domain.status import WeekStatus
from leadwork.render.palette import STATUS_LABEL
from leadwork.render.visible import visible
from leadwork.values import format_value

WIDTH, HEIGHT = 640, 170
LEFT, RIGHT, TOP, BOTTOM = 64, 14, 12, 26

STATUS_COLOUR = {
    "celebrate": "#1b7f3b",
    "on-track": "#1f4e79",
    "at-risk": "#b35c00",
    "course-correct": "#c0262d",
    "no-data": "#8a8f98",
}
CELEBRATE_FILL = "#e3f4e8"
COURSE_CORRECT_FILL = "#fbe4e4"


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def indicator_chart(
    ident: str, name: str, unit: str, history: Sequence[WeekStatus], *, caption: str = ""
) -> str:
    """The chart of one indicator's `history` (oldest first) as an `<svg>` element."""
    weeks = list(history)
    tracked = [h for h in weeks if h.tracked]
    values = [h.value for h in tracked if h.value is not None]
    levels = [
        level
        for h in tracked
        for level in (h.thresholds.target, h.thresholds.celebrate, h.thresholds.course_correct)
    ]
    span = values + levels or [0.0, 1.0]
    low, high = min(span), max(span)
    pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
    low, high = low - pad, high + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(weeks), 1)

    def x(i: int) -> float:
        return LEFT + step * (i + 0.5)

    def y(v: float) -> float:
        return TOP + plot_h * (high - v) / (high - low)

    title = f"{name}: readings by week, with the target and thresholds"
    out = [
        f'<svg class="chart" data-indicator="{_e(ident)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{_e(title)}">',
        f"<title>{_e(title)}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fff" '
        'stroke="#d5d8dd"/>',
    ]
    # bands and the target, one week at a time (thresholds may change within the range)
    target: list[str] = []
    for i, h in enumerate(weeks):
        if not h.tracked:
            out.append(
                f'<rect x="{_n(x(i) - step / 2)}" y="{TOP}" width="{_n(step)}" '
                f'height="{plot_h}" fill="#f1f2f4"><title>{_e(str(h.week))}: not agreed '
                "yet, or retired</title></rect>"
            )
            continue
        t = h.thresholds
        left = x(i) - step / 2
        higher = t.direction == "higher"
        good_from, good_to = (y(high), y(t.celebrate)) if higher else (y(t.celebrate), y(low))
        bad_from, bad_to = (
            (y(t.course_correct), y(low)) if higher else (y(high), y(t.course_correct))
        )
        for fill, top, bottom in (
            (CELEBRATE_FILL, good_from, good_to),
            (COURSE_CORRECT_FILL, bad_from, bad_to),
        ):
            if bottom > top:
                out.append(
                    f'<rect class="band" x="{_n(left)}" y="{_n(top)}" width="{_n(step + 0.3)}" '
                    f'height="{_n(bottom - top)}" fill="{fill}"/>'
                )
        target.append(f"M{_n(left)} {_n(y(t.target))}H{_n(left + step)}")
    if target:
        out.append(
            f'<path class="target" d="{"".join(target)}" stroke="#4a4f57" '
            'stroke-width="1.2" stroke-dasharray="5 4" fill="none"/>'
        )
    # the readings: a line broken at every week without one
    path: list[str] = []
    pen_down = False
    for i, h in enumerate(weeks):
        if h.tracked and h.value is not None:
            path.append(f"{'L' if pen_down else 'M'}{_n(x(i))} {_n(y(h.value))}")
            pen_down = True
        else:
            pen_down = False
    if path:
        out.append(
            f'<path class="line" d="{"".join(path)}" stroke="#1f2a37" stroke-width="2" '
            'fill="none" stroke-linejoin="round"/>'
        )
    for i, h in enumerate(weeks):
        if not h.tracked:
            continue
        label = STATUS_LABEL.get(h.status, h.status)
        if h.value is None:
            out.append(
                f'<circle class="gap" cx="{_n(x(i))}" cy="{_n(TOP + plot_h - 5)}" r="3.5" '
                f'fill="#fff" stroke="#8a8f98" stroke-width="1.2"><title>{_e(str(h.week))}: '
                "no reading</title></circle>"
            )
            continue
        colour = STATUS_COLOUR.get(h.status, "#1f2a37")
        reading = format_value(h.value, unit)
        out.append(
            f'<circle class="reading" cx="{_n(x(i))}" cy="{_n(y(h.value))}" r="4" '
            f'fill="{colour}" stroke="#fff" stroke-width="1"><title>{_e(str(h.week))}: '
            f"{_e(reading)}, {_e(label)}</title></circle>"
        )
    # the axis: the latest thresholds on the left, the weeks below
    if tracked:
        t = tracked[-1].thresholds
        used: list[float] = []
        for value in (t.target, t.celebrate, t.course_correct):
            at = y(value)
            if any(abs(at - u) < 11 for u in used):
                continue
            used.append(at)
            out.append(
                f'<text x="{LEFT - 6}" y="{_n(at + 4)}" text-anchor="end" font-size="11" '
                f'fill="#4a4f57">{_e(format_value(value, unit))}</text>'
            )
    every = max(1, -(-len(weeks) // 7))
    for i, h in enumerate(weeks):
        if i % every == 0 or i == len(weeks) - 1:
            out.append(
                f'<text x="{_n(x(i))}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" '
                f'fill="#4a4f57">W{h.week.number:02d}</text>'
            )
    if caption:
        out.append(f"<desc>{_e(caption)}</desc>")
    out.append("</svg>")
    return "\n".join(out)
