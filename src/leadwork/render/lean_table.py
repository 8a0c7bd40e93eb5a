"""Leadwork's borderless tables, laid out by Rich's own rules without the machinery Rich
lays out any renderable with.

Rich lays out a table cell by cell through its general protocol: every cell measured through
a `Padding` (`Measurement.get`), then rendered through that `Padding`, `render_lines`, a
wrap, a join and two passes of `split_and_crop_lines`. The dashboard has some 400 cells,
and that was most of the time its terminal view took. The tables leadwork builds are plain:
text cells, no box, padding on the right only, at most one column that may wrap. For those,
`lay_out` takes the same steps directly: a column is as wide as its widest line
(`Text.__rich_measure__`), a table too wide narrows its one column that may wrap (what
`Table` does with a single such column), and each cell is its text as
`Text.__rich_console__` wraps, joins and renders it, padded in the cell's style as
`Padding` and `render_lines` pad it. The segments are Rich's, style for style, so the bytes
on the terminal are too: tests/test_lean_table.py compares the two on generated tables.
`line_count` counts the lines the same layout would make, without making them (the
dashboard counts before it chooses what fits; render/height.py).

Anything else is left to Rich, whole: `LeanTable` is a Rich `Table`, and renders as one
when `lay_out` declines: a box, a title, expand or a set table width, a column with a
minimum or maximum width, several columns that would have to narrow, a cell that is not
text, a tab or a control character in a cell, a line Rich would crop.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import (
    Console,
    ConsoleOptions,
    JustifyMethod,
    OverflowMethod,
    RenderableType,
    RenderResult,
)
from rich.containers import Lines
from rich.segment import Segment
from rich.style import Style
from rich.table import Column, Table
from rich.text import Text

from leadwork.render.visible import visible

Laid = list[list[Segment]]  # lines of segments, as Console.render_lines returns them

NEWLINE = Text("\n")  # what Rich joins a cell's wrapped lines with


class LeanTable(Table):
    """A Rich `Table` that lays itself out directly when `lay_out` can (see above)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = lay_out(self, console, options)
        if lines is None:
            yield from super().__rich_console__(console, options)
            return
        newline = Segment.line()
        for line in lines:
            yield from line
            yield newline


def lay_out(table: Table, console: Console, options: ConsoleOptions) -> Laid | None:
    """The lines Rich would render `table` as, or None where this is not plainly the case."""
    found = _measured(table, console, options)
    if found is None:
        return None
    cells, widths = found
    columns = table.columns
    get_style = console.get_style
    # The cells' styles as Table._render combines them: the column's (the header's in the
    # header row) and the row's.
    header_style = get_style(table.header_style or "")
    column_styles = [get_style(column.style or "") for column in columns]
    row_styles = [get_style(table.get_row_style(console, i)) for i in range(len(table.rows))]
    pads = _right_padding(table)
    lines: Laid = []
    for index in range(len(cells[0])):
        header = table.show_header and index == 0
        row = index - table.show_header
        row_cells: list[Laid] = []
        styles: list[Style] = []
        for column, column_cells, width, pad, column_style in zip(
            columns, cells, widths, pads, column_styles, strict=True
        ):
            if header:
                style = header_style + get_style(column.header_style)
            else:
                style = column_style + row_styles[row]
            cell = _cell(console, column, column_cells[index], width - pad, pad, style)
            if cell is None:
                return None
            row_cells.append(cell)
            styles.append(style)
        height = max(len(cell) for cell in row_cells)
        if not height:  # no cell had room: Segment.set_shape's one blank line, unstyled
            lines.append([Segment(" " * width) for width in widths])
            continue
        for cell, width, style in zip(row_cells, widths, styles, strict=True):
            blank = [Segment(" " * width, style)]
            missing = [blank] * (height - len(cell))
            # a row's cells are aligned at the top, the header's at the bottom (Table._render)
            cell[:] = missing + cell if header else cell + missing
        lines += [[s for cell in row_cells for s in cell[n]] for n in range(height)]
    return lines


def line_count(table: Table, console: Console, options: ConsoleOptions) -> int | None:
    """How many lines `table` renders as, counted without laying it out: each row as many
    as its tallest cell, at least one; None where `lay_out` would not know the widths."""
    found = _measured(table, console, options)
    if found is None:
        return None
    cells, widths = found
    rooms = [width - pad for width, pad in zip(widths, _right_padding(table), strict=True)]
    return sum(
        max(1, *(_height(console, *cell) for cell in zip(table.columns, row, rooms, strict=True)))
        for row in zip(*cells, strict=True)
    )


def _measured(
    table: Table, console: Console, options: ConsoleOptions
) -> tuple[list[list[Text]], list[int]] | None:
    """Each column's cells as Text (the header first) and each column's width, or None when
    the table is not a case covered here."""
    if not _plain(table):
        return None
    texts = [_texts(table, column, console, options) for column in table.columns]
    cells = [column for column in texts if column is not None]
    if len(cells) < len(texts):
        return None
    widths = _widths(table, cells, options.max_width)
    return None if widths is None else (cells, widths)


def _plain(table: Table) -> bool:
    """Whether `table` is a case `lay_out` covers, as far as the table and its columns say."""
    top, _, bottom, left = table.padding
    return (
        table.box is None
        and bool(table.columns)
        and not (top or bottom or left)  # then collapse_padding changes nothing
        and not table.show_footer
        and not table.title
        and not table.caption
        and table.width is None
        and table.min_width is None
        and not table.expand
        and (table.show_header or bool(table.rows))
        and all(_plain_column(column) for column in table.columns)
    )


def _plain_column(column: Column) -> bool:
    return (
        column.vertical == "top"
        and not column.highlight
        and column.min_width is None
        and column.max_width is None
        and column.overflow != "ignore"
    )


def _texts(
    table: Table, column: Column, console: Console, options: ConsoleOptions
) -> list[Text] | None:
    """A column's cells as Text, the header first if shown, as Rich turns a string into
    one; None if a cell is anything else, or holds what `lay_out` does not measure."""
    cells: Iterable[RenderableType] = column.cells
    if table.show_header:
        cells = [column.header, *cells]
    texts: list[Text] = []
    for cell in cells:
        if isinstance(cell, str):
            text = console.render_str(cell, highlight=False, markup=options.markup)
        elif isinstance(cell, Text):
            text = cell
        else:
            return None
        plain = text.plain
        # VisibleConsole rewrites control characters after layout: Rich's nested renders
        # would measure the rewritten text, this one the text as it is. Tabs are expanded
        # after measuring; other line breaks are measured as breaks but not rendered as such.
        if "\t" in plain or "\u2028" in plain or "\u2029" in plain or visible(plain) != plain:
            return None
        if text.end != "\n":
            return None
        texts.append(text)
    return texts


def _right_padding(table: Table) -> list[int]:
    """Each column's padding: on the right, none after the last column unless `pad_edge`."""
    right = table.padding[1]
    last = len(table.columns) - 1
    return [0 if i == last and not table.pad_edge else right for i in range(last + 1)]


def _widths(table: Table, cells: list[list[Text]], max_width: int) -> list[int] | None:
    """Each column's width, padding included, as Table._calculate_column_widths has them
    for a table that is not expanded and has at most one column that may wrap."""
    if max_width < 1:
        return None
    pads = _right_padding(table)
    widest: list[int] = []
    for column, texts, pad in zip(table.columns, cells, pads, strict=True):
        if pad and max_width - pad < 1:
            return None
        if column.width is not None:
            widest.append(min(column.width + pad, max_width))
            continue
        # Text.__rich_measure__: the longest line; Measurement.get caps it at the width
        longest = max((_longest_line(text) for text in texts), default=max_width)
        widest.append(min(min(longest, max_width) + pad, max_width))
    widths = [width or 1 for width in widest]
    excess = sum(widths) - max_width
    if excess <= 0:
        return widths
    wraps = [i for i, c in enumerate(table.columns) if c.width is None and not c.no_wrap]
    if len(wraps) != 1:
        return None  # Rich would narrow several columns, or every column evenly
    # One column may wrap: Rich takes the whole excess from it; the others keep their
    # measured widths (measured again, at those widths, they stay what they were).
    wrap = wraps[0]
    widths = [widths[wrap] - excess if i == wrap else widest[i] for i in range(len(widest))]
    return widths if min(widths) >= 1 else None


def _longest_line(text: Text) -> int:
    lines = text.plain.splitlines()
    return max(cell_len(line) for line in lines) if lines else 0


def _cell(
    console: Console, column: Column, text: Text, room: int, pad: int, style: Style
) -> Laid | None:
    """One cell's lines, `room` and `pad` cells each: its text wrapped as
    Text.__rich_console__ wraps it, then padded in `style` as Padding and render_lines pad
    it; None if a line would have to be cropped."""
    if room < 1:
        return []  # Rich renders nothing in no room; the row's blank lines fill the cell
    justify, overflow, no_wrap = _how(column, text)
    if _whole(text, room, overflow):  # wrapping breaks nothing: only justify it
        line = text
        if justify not in ("default", "full"):  # (`full` leaves a last line as it is)
            line = text.copy()
            Lines([line]).justify(console, room, justify=justify, overflow=overflow)
        rendered = [list(NEWLINE.join([line]).render(console))]
    else:
        lines = text.wrap(console, room, justify=justify, overflow=overflow, no_wrap=no_wrap)
        joined = NEWLINE.join(lines).render(console, end=text.end)
        rendered = list(Segment.split_lines(joined))
    laid: Laid = []
    for segments in rendered:
        if style:
            segments = [Segment(part, style + part_style) for part, part_style, _ in segments]
        used = sum(cell_len(segment.text) for segment in segments)
        if used > room:
            return None
        if used < room:
            segments.append(Segment(" " * (room - used), style))
        if pad:
            segments.append(Segment(" " * pad, style))
        laid.append(segments)
    return laid


def _height(console: Console, column: Column, text: Text, room: int) -> int:
    """The lines `_cell` makes of a cell, without making them."""
    if room < 1:
        return 0
    justify, overflow, no_wrap = _how(column, text)
    if _whole(text, room, overflow):
        return 1
    return len(text.wrap(console, room, justify=justify, overflow=overflow, no_wrap=no_wrap))


def _how(column: Column, text: Text) -> tuple[JustifyMethod, OverflowMethod, bool]:
    """How a cell's text is wrapped: its own settings first, then its column's
    (Text.__rich_console__ with the options Table._render gives a cell)."""
    justify = text.justify or column.justify or "default"
    overflow = text.overflow or column.overflow or "fold"
    no_wrap = column.no_wrap if text.no_wrap is None else text.no_wrap
    return justify, overflow, no_wrap


def _whole(text: Text, room: int, overflow: OverflowMethod) -> bool:
    """Whether Text.wrap leaves `text` one whole line in `room`: a line that fits is not
    broken. Not so with "ignore" (then the line is not justified either), nor for a line
    longer than its room in characters, zero-width ones included, even when its cells fit:
    Text.wrap strips the trailing spaces of such a line."""
    plain = text.plain
    return (
        "\n" not in plain
        and len(plain) <= room
        and cell_len(plain) <= room
        and overflow != "ignore"
    )
