"""Layout for a width, shared by every text renderer: how a table degrades when the terminal
(or a pipe's 80 columns) is too narrow for it, and how a line of items wraps.

One approach everywhere, the dashboard's: numbers, status words and ids are never cut or
squeezed (their columns do not wrap); a name wraps instead (or, where a row is to stay one
line, is cut after a whole word: `cut_words`); and where a name would get too little room
beside the rest, each row is stacked: the name on a line of its own, its cells aligned on
the line below. Rich alone would shrink every column evenly and elide numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len, set_cell_size
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    RenderableType,
    RenderResult,
)
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from leadwork.render.lean_table import LeanTable

GAP = 2  # spaces between columns
NAME_MIN = 12  # a name column never shrinks below this, however narrow the terminal
NAME_KEPT = 24  # a name cut to keep its row on one line keeps this many columns at least:
# some four words, enough to tell one indicator from another; with less, wrapping says more
BOXED_EDGES = 4  # a boxed table's outer borders and padding: "│ " and " │"
BOXED_GAP = 3  # between two columns of a boxed table: " │ "


def plain_table() -> Table:
    """A table with no lines: columns two spaces apart, a dim header."""
    return LeanTable(box=None, pad_edge=False, padding=(0, GAP, 0, 0), header_style="dim")


def column_width(rows: Sequence[Sequence[RenderableType]], column: int) -> int:
    """The widest cell of one column, each cell as one line."""
    return max(cell_len(str(row[column])) for row in rows)


def cell_width(cells: Sequence[RenderableType]) -> int:
    """The widest line of any cell (a cell may hold two lines)."""
    return max(cell_len(line) for cell in cells for line in str(cell).split("\n"))


def longest_word(cells: Sequence[RenderableType]) -> int:
    """The narrowest a wrapping column can be without breaking a word."""
    return max((cell_len(word) for cell in cells for word in str(cell).split()), default=0)


def cut_words(text: str, width: int) -> str:
    """`text` in `width` columns: whole when it fits; else cut after a whole word where one
    ends in the second half of the room, an ellipsis after ("Escalations to Tier 2 per…",
    never "Escalations to Tier 2 per 10…", a word or number a reader then has to guess)."""
    if cell_len(text) <= width:
        return text
    if width < 2:
        return "…"[:width]
    room = set_cell_size(text, width - 1)  # cells, not characters: a wide one counts two
    space = room.rfind(" ")
    if space >= width // 2:
        room = room[:space]
    return room.rstrip(" ,;:.-") + "…"


def name_room(width: int, fixed: Sequence[int], gap: int = GAP, edges: int = 0) -> int:
    """What is left for the one wrapping column beside columns of the `fixed` widths."""
    return width - sum(fixed) - gap * len(fixed) - edges


def boxed_room(width: int, fixed: Sequence[int]) -> int:
    """The same for a table drawn with borders (Rich's default box)."""
    return name_room(width, fixed, BOXED_GAP, BOXED_EDGES)


STACK_INDENT = 2  # a stacked row's cells sit this far in under its name


def stacked(
    headers: Sequence[RenderableType],
    rows: Sequence[Sequence[RenderableType]],
    right: set[int],
) -> RenderableType:
    """The narrow layout of a table whose first column is a name: each name on its own line,
    its cells under it. Used when the name would get too few columns beside the rest (Rich
    would otherwise drop or squeeze it). A row may have fewer cells than there are headers:
    the missing ones are left blank. See `Stacked` for the two ways the cells go. A table
    without headers (all blank: the one-on-one prep's commitments) stacks without them."""
    rows = [[*row, *[""] * (len(headers) - len(row))] for row in rows]
    return Stacked(headers, rows, right)


class Stacked:
    """A stacked table, laid out for the width it is given. Where the cells fit aligned in
    columns on one line under each name (`aligned_width`), they are ("aligned"). Narrower
    still, each row is a block of lines ("blocks"): the name; then its cells' first lines
    joined by " · " (`owner · target · value · status`), wrapping only between cells, so
    that no number, target or status word is ever cut; then a cell's further lines (a
    note), wrapping at word ends. The headers go the same way, so the reader knows which
    cell is which. Never is a cell dropped or cut inside."""

    def __init__(
        self,
        headers: Sequence[RenderableType],
        rows: Sequence[Sequence[RenderableType]],
        right: set[int],
    ) -> None:
        self.headers = headers
        self.rows = rows
        self.right = right
        self.widths = [cell_width([h, *(r[i] for r in rows)]) for i, h in enumerate(headers) if i]
        self.titled = any(str(h) for h in headers)  # else no title and no header line

    def aligned_width(self) -> int:
        """The columns the aligned layout takes: the indent, then the cells one apart."""
        return STACK_INDENT + sum(self.widths) + max(0, len(self.widths) - 1)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.aligned_width() <= options.max_width:
            yield self.aligned()
        else:
            yield from self.blocks()

    def aligned(self) -> RenderableType:
        def line(cells: Sequence[RenderableType], style: str = "") -> Table:
            grid = LeanTable.grid(padding=(0, 1, 0, 0))  # narrow: one space between columns
            grid.add_column(width=STACK_INDENT - 1)
            for i, w in enumerate(self.widths, start=1):
                justify: JustifyMethod = "right" if i in self.right else "left"
                grid.add_column(width=w, no_wrap=True, justify=justify)
            grid.add_row("", *cells, style=style)
            return grid

        parts: list[RenderableType] = []
        if self.titled:
            parts += [_title(self.headers[0]), line(self.headers[1:], "dim")]
        for row in self.rows:
            parts += [row[0], line(row[1:])]
        return Group(*parts)

    def blocks(self) -> Iterator[RenderableType]:
        if self.titled:
            yield _title(self.headers[0])
            yield _indent(
                Flow([Text(str(h), style="dim") for h in self.headers[1:] if str(h)], DOT)
            )
        for row in self.rows:
            yield row[0]
            firsts: list[Text] = []
            further: list[Text] = []
            for cell in row[1:]:
                text = cell if isinstance(cell, Text) else Text(str(cell))
                first, *rest = text.split("\n")
                firsts.append(first)
                further += [_lstripped(line) for line in rest if line.plain.strip()]
            while firsts and not firsts[-1].plain.strip():  # the blanks a row ends with
                firsts.pop()
            # a blank cell before others keeps its place, so that each cell is where its
            # header says
            firsts = [t if t.plain.strip() else Text(BLANK, style="dim") for t in firsts]
            yield _indent(Group(Flow(firsts, DOT), *further))


DOT = Text(" · ", style="dim")  # between the cells of a row in blocks
BLANK = "\u2013"  # an empty cell among others in blocks (the dashboard's mark for nothing)


def _title(first: RenderableType) -> RenderableType:
    return Text(first, style="dim") if isinstance(first, str) else first


def _indent(renderable: RenderableType) -> RenderableType:
    return Padding(renderable, (0, 0, 0, STACK_INDENT), expand=False)


def _lstripped(text: Text) -> Text:
    """A note's line without the indent it had under a status (it wraps on its own)."""
    indent = len(text.plain) - len(text.plain.lstrip(" "))
    return text[indent:]


def flow_lines(widths: Sequence[int], width: int, separator: int) -> list[list[int]]:
    """Which items go on which line when items of these widths are laid out left to right,
    `separator` columns apart, in `width` columns; an item is never split, and an item too
    wide for any line gets a line of its own."""
    lines: list[list[int]] = []
    used = 0
    for index, item in enumerate(widths):
        if lines and used + separator + item <= width:
            lines[-1].append(index)
            used += separator + item
        else:
            lines.append([index])
            used = item
    return lines


class Flow:
    """Items on a line, joined by a separator, wrapping only between items: in a table cell,
    `alignment 8 · someone else's job 12` may go onto two lines, never as `someone else's`
    on one and `job 12` on the next."""

    def __init__(self, items: Sequence[Text], separator: Text) -> None:
        self.items = list(items)
        self.separator = separator

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widths = [item.cell_len for item in self.items]
        joined = sum(widths) + self.separator.cell_len * max(0, len(widths) - 1)
        return Measurement(max(widths, default=0), joined)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [item.cell_len for item in self.items]
        for indices in flow_lines(widths, options.max_width, self.separator.cell_len):
            line = Text()
            for position, index in enumerate(indices):
                if position:
                    line.append_text(self.separator)
                line.append_text(self.items[index])
            yield line
