"""render/lean_table.py lays out leadwork's borderless tables itself; these tests hold it to
Rich: on generated tables of the kinds leadwork builds (widths, wide and zero-width
characters, styles, justification, no_wrap, overflow, padding, fixed widths, row styles,
multi-line cells, a column that must wrap), a `LeanTable` renders the very segments a Rich
`Table` built the same way renders, whether it laid the table out itself or declined and
left it to Rich; and it counts the lines Rich renders without laying them out. And the
dashboard's and the lists' own tables are the lean kind."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from leadwork.render import lean_table
from leadwork.render.lean_table import LeanTable, lay_out, line_count
from leadwork.render.terminal import VisibleConsole

from conftest import EXAMPLE

# What people write and what leadwork draws: letters and spaces, wide CJK, emoji (one
# code point, a ZWJ sequence, a variation selector), a combining accent, the dashboard's
# symbols and sparks; now and then what makes the lean layout decline: a tab, an escape
# sequence (VisibleConsole shows it as ^[), a line separator.
PIECES = [
    "a", "b", "word", "Dayton", " ", " ", "  ", "-", "·", "…", "→", "✓", "✗", "▲",
    "▁", "▃", "█", "—", "≥ 96.9%", "漢字", "表", "😀", "👩‍💻", "❤️", "é", "e\u0301", "[b]",
]  # fmt: skip
RARE = ["\t", "\x1b[2J", "\u2028", "\n", "\n  "]
STYLES = ["", "dim", "bold", "italic", "bold red", "yellow", "green", "cyan", "on blue"]

common = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)
rare = st.lists(st.sampled_from(PIECES + RARE), max_size=12).map("".join)


def one_in(draw: st.DrawFn, n: int) -> bool:
    """True about once in `n` draws (hypothesis favours the first of integers, not the last
    of a sample)."""
    return draw(st.sampled_from(range(n))) == n - 1


@st.composite
def texts(draw: st.DrawFn) -> Text | str:
    plain = draw(rare if one_in(draw, 50) else common)
    if one_in(draw, 4):
        return plain  # a str cell: Rich makes it a Text
    text = Text(plain, style=draw(st.sampled_from(STYLES)))
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(plain)))
        end = draw(st.integers(start, len(plain)))
        text.stylize(draw(st.sampled_from(STYLES[1:])), start, end)
    if one_in(draw, 4):  # as dashboard_text._cut makes a story line
        text.no_wrap = draw(st.sampled_from([True, False, None]))
        text.overflow = draw(st.sampled_from(["ellipsis", "fold", "crop", None]))
    if one_in(draw, 8):
        text.justify = draw(st.sampled_from(["left", "right", "center", "full", "default"]))
    if one_in(draw, 100):
        text.overflow = "ignore"
    if one_in(draw, 100):
        text.end = ""
    return text


@dataclass
class ColumnSpec:
    header: Text | str
    options: dict[str, Any]


@dataclass
class TableSpec:
    kind: str
    options: dict[str, Any]
    columns: list[ColumnSpec]
    rows: list[tuple[list[Text | str], str | None]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # set on the table once made

    def build(self, cls: type[Table]) -> Table:
        """The table, as `cls`; each gets its own copies of the cells."""
        table = cls.grid(**self.options) if self.kind == "grid" else cls(**self.options)
        for name, value in self.extra.items():
            setattr(table, name, value)
        for column in self.columns:
            table.add_column(_copy(column.header), **column.options)
        for cells, style in self.rows:
            table.add_row(*(_copy(cell) for cell in cells), style=style)
        return table


def _copy(cell: Text | str) -> Text | str:
    return cell.copy() if isinstance(cell, Text) else cell


@st.composite
def columns(draw: st.DrawFn, no_wrap: bool | None) -> ColumnSpec:
    options: dict[str, Any] = {
        "justify": draw(st.sampled_from(["left", "left", "right", "center", "full"])),
        "no_wrap": draw(st.booleans()) if no_wrap is None else no_wrap,
        "overflow": draw(st.sampled_from(["ellipsis", "ellipsis", "fold", "crop"])),
        "style": draw(st.sampled_from(STYLES)),
        "header_style": draw(st.sampled_from(STYLES)),
    }
    if one_in(draw, 3):
        options["ratio"] = 1  # no effect without expand; leadwork sets it on the name
    if one_in(draw, 5):
        options["width"] = draw(st.integers(0, 12))  # layout.stacked's aligned cells
    if one_in(draw, 60):  # what leadwork does not use: Rich lays it out
        extra = draw(st.sampled_from(["min_width", "max_width", "vertical", "highlight"]))
        options[extra] = {"vertical": "middle", "highlight": True}.get(extra, 5)
    return ColumnSpec(draw(texts()), options)


@st.composite
def tables(draw: st.DrawFn) -> TableSpec:
    kind = draw(st.sampled_from(["plain", "grid"]))
    right = draw(st.sampled_from([0, 1, 2, 2]))
    options: dict[str, Any]
    if kind == "plain":  # layout.plain_table and its variations
        options = {
            "box": None,
            "pad_edge": draw(st.booleans()),
            "padding": (0, right, 0, 0),
            "header_style": draw(st.sampled_from(["dim", "", "bold"])),
            "show_header": draw(st.booleans()),
        }
    else:  # Table.grid, as the facts and needs-you grids
        options = {"padding": (0, right, 0, 0) if right else 0}
    extra: dict[str, Any] = {}
    if one_in(draw, 25):  # what leadwork's lean tables never are
        name = draw(st.sampled_from(["expand", "title", "padding", "min_width", "width"]))
        extra[name] = {"expand": True, "title": "T", "padding": (0, 1), "min_width": 30}.get(
            name, 20
        )
    count = draw(st.integers(1, 6))
    # leadwork's tables: one column may wrap (a name, a message), the others never do
    wraps = draw(st.sampled_from([None, *range(count), *range(count), *range(count)]))
    spec = TableSpec(
        kind,
        options,
        [draw(columns(None if wraps is None else i != wraps)) for i in range(count)],
    )
    spec.extra = extra
    for _ in range(draw(st.integers(0 if kind == "plain" else 1, 6))):
        cells = draw(st.lists(texts(), min_size=0, max_size=len(spec.columns)))
        spec.rows.append((cells, draw(st.sampled_from([None, None, None, "dim", "bold"]))))
    return spec


def _console(color: bool) -> Console:
    return VisibleConsole(
        file=io.StringIO(),
        width=200,
        color_system="truecolor" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
        _environ={},
    )


def _rendered(console: Console, table: Table, width: int) -> list[Segment]:
    return list(console.render(table, console.options.update_width(width)))


def _outcome(console: Console, table: Table, width: int) -> list[Segment] | type[Exception]:
    """The segments, or what Rich raised: a table with a `min_width` it cannot reach
    fails an assertion in Rich's `ratio_distribute` (the lean layout declines those)."""
    try:
        return _rendered(console, table, width)
    except AssertionError as error:
        return type(error)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=tables(), color=st.booleans(), data=st.data())
def test_lean_table_renders_what_rich_renders(
    spec: TableSpec, color: bool, data: st.DataObject
) -> None:
    console = _console(color)
    table = spec.build(Table)
    # about the table's own width, where a column must wrap, or any width at all
    natural = Measurement.get(console, console.options.update_width(200), table).maximum
    near = st.integers(-12, 3).map(lambda d: max(1, natural + d))
    width = data.draw(st.one_of(near, near, st.integers(1, 120)), label="width")
    rich = _outcome(console, table, width)
    lean = spec.build(LeanTable)
    laid = lay_out(lean, console, console.options.update_width(width))
    assert _outcome(console, lean, width) == rich  # either way: the same segments
    if not isinstance(rich, list):
        assert laid is None
        return
    event("laid out here" if laid is not None else "left to Rich")
    if laid is not None:  # laid out here: the lines Rich's segments make, style for style
        event("some cell wraps" if len(laid) > len(spec.rows) + 1 else "one line a row")
        assert laid == list(Segment.split_lines(rich))
        assert [segment for line in laid for segment in (*line, Segment.line())] == rich
    # and its lines counted without laying it out are as many, wherever it can count them
    counted = line_count(lean, console, console.options.update_width(width))
    assert counted is None or counted == len(list(Segment.split_lines(rich)))
    assert laid is None or counted == len(laid)


def test_lean_table_covers_the_usual_cases() -> None:
    """The property above would pass with a lay_out that always declines: the kinds
    leadwork builds are laid out here, fitting, narrowed and wrapped, cut with an ellipsis."""
    console = _console(color=True)
    table = LeanTable(box=None, pad_edge=False, padding=(0, 2, 0, 0), header_style="dim")
    table.add_column("Indicator", ratio=1)
    table.add_column("W48", justify="right", no_wrap=True)
    story = Text("W42 a story that is far too long for the column", style="italic")
    story.no_wrap, story.overflow = True, "ellipsis"
    table.add_row("Dayton first-pass yield 漢字 😀", "96.8%")
    table.add_row(Text("Toledo near-miss reports", style="bold"), Text("2", style="red"))
    table.add_row(story, "")
    for width in (100, 30, 14):
        options = console.options.update_width(width)
        assert lay_out(table, console, options) is not None, width


def test_dashboard_and_lists_lay_out_their_tables_lean(run: Any, monkeypatch: Any) -> None:
    """The example journal's dashboard and lists, at a wide and a narrow width: every
    LeanTable is laid out without Rich's Table (the header's expanded grid is Rich's)."""
    declined: list[Table] = []
    original = lean_table.lay_out

    def counted(table: Table, *args: Any) -> Any:
        lines = original(table, *args)
        if lines is None:
            declined.append(table)
        return lines

    monkeypatch.setattr(lean_table, "lay_out", counted)
    for columns in ("100", "60"):
        for command in (["dashboard"], ["indicator", "list"], ["capability", "list"]):
            result = run(*command, journal=EXAMPLE, env={"COLUMNS": columns})
            assert result.exit_code == 0, result
    assert declined == []


@pytest.mark.parametrize("width", [40, 80])
def test_a_wrapping_name_column_is_narrowed_as_rich_narrows_it(width: int) -> None:
    """The case the lists meet at 100 columns: one column wraps, the others keep their
    width; the lines are Rich's, the narrowing done here."""
    console = _console(color=False)
    tables = []
    for cls in (Table, LeanTable):
        table = cls(box=None, pad_edge=False, padding=(0, 2, 0, 0), header_style="dim")
        table.add_column("id", no_wrap=True)
        table.add_column("name", ratio=1)
        table.add_column("target", justify="right", no_wrap=True)
        table.add_row("dayton-oee", "Dayton overall equipment effectiveness", "≥ 75%")
        table.add_row("toledo-fpy", Text("Toledo first-pass yield", style="bold"), "≥ 96.9%")
        tables.append(table)
    options = console.options.update_width(width)
    laid = lay_out(tables[1], console, options)
    assert laid is not None
    assert laid == console.render_lines(tables[0], options, pad=False)
    assert all(Segment.get_line_length(line) == Segment.get_line_length(laid[0]) for line in laid)
    assert Style.parse("dim") in {segment.style for segment in laid[0]}
