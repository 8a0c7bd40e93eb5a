"""How many lines a renderable takes, counted without laying out the lean tables in it.

The dashboard's one screen is chosen by counting lines (render/dashboard_text.py): the whole
dashboard is measured first, and shown only if it fits, which with a long journal it never
does; then only the rows that fit are laid out. Counting a lean table's lines costs a
fraction of laying it out (`lean_table.line_count`); anything else is laid out by Rich, and
its lines counted.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment

from leadwork.render.lean_table import LeanTable, line_count


def lines_in(renderable: RenderableType, console: Console, options: ConsoleOptions) -> int | None:
    """The lines `Console.render_lines(renderable, options, pad=False)` returns, or None
    where counting them apart would not say: a group whose part does not end its last line
    (its lines and the next part's would run together), a height set in `options` (Rich
    then pads or crops to it)."""
    if options.height is not None:
        return None
    if isinstance(renderable, Group):
        total = 0
        for part in renderable.renderables:
            lines = lines_in(part, console, options)
            if lines is None:
                return None
            total += lines
        return total
    if isinstance(renderable, LeanTable):
        lines = line_count(renderable, console, options)
        if lines is not None:
            return lines
    rendered = console.render_lines(renderable, options, pad=False, new_lines=True)
    if rendered and rendered[-1][-1:] != [Segment.line()]:
        return None
    return len(rendered)
