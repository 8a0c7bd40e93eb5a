"""The dashboard in the terminal: one Rich renderable, printed once.

Calm on purpose: no boxes, one thin rule per area, colour only where it repeats a status or
a warning (each also has a symbol and a word). The renderable asks Rich how wide it may be
and lays itself out for that width: a long indicator name is cut after a whole word where
that keeps every row on one line (a note too wide for its column then takes a second line
of its own), else the column that would make names wrap moves under the status; a long
kind is abbreviated, and story texts are cut with an ellipsis, not wrapped.

One screen: unless `full`, the dashboard fits `room.SCREEN_ROWS` lines. Each section that can
grow (needs you, indicators, one-on-ones, capabilities, choices, signals) offers its rows most
important first; `room.fit` decides how many of each are shown, and a section shown in part
ends with "+N more", what they are, and the command that shows them all.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Span, Text

from leadwork.domain.alignment import ChoiceStories, StoryLine
from leadwork.domain.capability import CapabilityView
from leadwork.domain.coverage import Coverage
from leadwork.domain.dashboard import Dashboard
from leadwork.domain.needs_you import Finding
from leadwork.domain.scoreboard import IndicatorView
from leadwork.domain.status import CELEBRATE, OFF_TRACK, ON_TRACK, SEVERITY, WeekStatus
from leadwork.domain.wording import short_date, short_names
from leadwork.domain.your_work import TIME_CATEGORIES
from leadwork.plainclass import plainclass
from leadwork.render import dashboard_parts as say
from leadwork.render.dashboard_parts import (
    DASH,
    EMPTY,
    WARNING,
    short_week,
)
from leadwork.render.height import lines_in
from leadwork.render.layout import (
    GAP,
    NAME_KEPT,
    NAME_MIN,
    cell_width,
    column_width,
    cut_words,
    longest_word,
    name_room,
    plain_table,
    stacked,
)
from leadwork.render.lean_table import LeanTable
from leadwork.render.palette import SPARK_STYLE, STATUS_LABEL, STATUS_STYLE, STATUS_SYMBOL
from leadwork.render.room import SCREEN_ROWS, Rows, fit
from leadwork.render.sharing import CONFIDENCE, PRIVATE_SECTIONS, TIME_AUDIT, shown_findings
from leadwork.weeks import SHOWN_WEEKS

FULL = "leadwork dashboard --full"
SHORT_KINDS = {"organizational": "org.", "individual": "indiv."}
TIME_LABELS = {
    "alignment": "alignment",
    "capability": "capability",
    "accountability": "accountability",
    "someone_elses_job": "someone else's job",
    "other": "other",
}


def _facts() -> Table:
    """Label / value lines."""
    grid = LeanTable.grid(padding=(0, GAP, 0, 0))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column()
    return grid


def _status(status: str | None) -> Text:
    if status is None:
        return Text(EMPTY, style="dim")
    if status == ON_TRACK:  # the usual case stays quiet: only its tick is coloured
        return Text.assemble(
            (STATUS_SYMBOL[status], STATUS_STYLE[status]), " ", STATUS_LABEL[status]
        )
    return Text(say.status_label(status), style=STATUS_STYLE[status])


def _spark(history: Sequence[WeekStatus]) -> Text:
    """Each week's bar in its status's style: a span per styled bar, made at once (appending
    bar by bar cost more than the rest of an indicator's row)."""
    plain = ""
    spans: list[Span] = []
    for char, status in say.indicator_spark(history):
        if SPARK_STYLE[status]:
            spans.append(Span(len(plain), len(plain) + len(char), SPARK_STYLE[status]))
        plain += char
    return Text(plain, spans=spans)


def _cut(text: Text) -> Text:
    """One line, cut with an ellipsis where the column ends."""
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def _without_blanks(row: list[RenderableType]) -> list[RenderableType]:
    """A row without its trailing empty cells: Rich leaves the rest of the line blank."""
    while row and row[-1] == "":
        row = row[:-1]
    return row


def _note(row: list, room: int) -> Text:  # type: ignore[type-arg]
    """A scoreboard row's note in a column `room` wide: on one line where it fits, else on
    two, its period (or weeks) on the second."""
    note: Text = row[6] if row[6].cell_len <= room else row[7]
    return note


def _section(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", style="dim", characters="─")


@plainclass
class Section:
    """A section's rows as the screen sees them: the order they matter in, and how to say
    what is left out."""

    order: tuple[int, ...]  # indices of the rows, most important first
    kept: int  # how many of `order` matter (the rest are folded first)
    lines: tuple[int, ...]  # the lines each row of `order` takes
    floor: int
    noun: str  # what the rows are ("people"), or "" when the section's title says it
    rest: str  # what the folded rows are ("on track"), or "" to say only how many
    command: str  # where to see them all
    # what the hidden rows are, said from the rows themselves ("5 on track, 3 with a
    # note"); when None, `rest` names the rows that do not matter
    describe: Callable[[Sequence[int]], str] | None = None

    def rows(self) -> Rows:
        return Rows(self.lines, self.kept, self.floor)


@plainclass
class Cut:
    """The rows of a section that are shown, and what is said about the others."""

    shown: frozenset[int]
    more: Text | None  # the "+N more" line; None when nothing is hidden

    def __contains__(self, index: int) -> bool:
        return index in self.shown


ALL = None  # no cut: every row shown


def _cut_of(section: Section, count: int) -> Cut:
    hidden = section.order[count:]
    if not hidden:
        return Cut(frozenset(section.order), None)
    kept = max(0, section.kept - count)
    rest = len(hidden) - kept
    what = f"+{len(hidden)} more" + (f" {section.noun}" if section.noun else "")
    said = section.describe(hidden) if section.describe is not None else None
    if said:
        what += f" {said}" if said[0].isalpha() or said[0] == "(" else f": {said}"
    elif said is None and section.rest and rest and not kept:
        what += f" {section.rest}"
    elif said is None and section.rest and rest:
        what += f" ({rest} {section.rest})"
    return Cut(frozenset(section.order[:count]), Text(f"{what} · `{section.command}`", style="dim"))


def _person_flagged(row: Coverage) -> bool:
    return row.cadence.state in ("overdue", "due") or row.past_due > 0


def _capability_flagged(cap: CapabilityView) -> bool:
    return bool(cap.overdue) or cap.worst_status in OFF_TRACK


def _capability_urgency(cap: CapabilityView) -> int:
    """Most urgent first: the longest overdue step, then the worst indicator."""
    late = max((step.days_overdue for step in cap.overdue), default=0)
    return -late * 10 + SEVERITY.get(cap.worst_status or "", 5)


def _counted(counts: dict[str, int]) -> str:
    """ "3 on track, 1 at risk"; "on track" alone when all of them are."""
    present = {what: n for what, n in counts.items() if n}
    if len(present) == 1:
        return next(iter(present))
    return ", ".join(f"{n} {what}" for what, n in present.items())


def _indicators_hidden(hidden: Sequence[IndicatorView]) -> str:
    """What the folded indicator rows are, by status, and how many carry a note."""
    counts: dict[str, int] = {}
    for ind in hidden:
        word = STATUS_LABEL.get(ind.now.status or "", "no data")
        counts[word] = counts.get(word, 0) + 1
    noted = sum(1 for ind in hidden if say.indicator_note(ind))
    return _counted(counts) + (f" ({noted} with a note)" if noted else "")


def _choices_hidden(hidden: Sequence[ChoiceStories]) -> str:
    quiet = sum(1 for choice in hidden if choice.quiet)
    return f"({quiet} quiet)" if quiet else ""


def _people_hidden(hidden: Sequence[Coverage]) -> str:
    """What the folded people are: never "on schedule" for someone due or untracked."""
    counts = dict.fromkeys(
        (
            "overdue",
            "due",
            "with commitments past due",
            "on schedule",
            "with no cadence",
            "who left",
        ),
        0,
    )
    for row in hidden:
        if row.cadence.state in ("overdue", "due"):
            counts[row.cadence.state] += 1
        elif row.past_due:
            counts["with commitments past due"] += 1
        elif row.cadence.state == "untracked":
            counts["with no cadence"] += 1
        elif row.cadence.state == "left":
            counts["who left"] += 1
        else:
            counts["on schedule"] += 1
    return _counted(counts)


def _capabilities_hidden(hidden: Sequence[CapabilityView]) -> str:
    overdue = sum(1 for cap in hidden if cap.overdue)
    off = sum(1 for cap in hidden if not cap.overdue and cap.worst_status in OFF_TRACK)
    rest = len(hidden) - overdue - off
    return _counted(
        {"with a step overdue": overdue, "off track": off, "with nothing overdue": rest}
    )


def _with_more(body: RenderableType, cut: Cut | None) -> RenderableType:
    return body if cut is None or cut.more is None else Group(body, cut.more)


Parts = list[tuple[Hashable, Callable[[], RenderableType]]]


def _joined(parts: Parts) -> Group:
    return Group(*(part() for _, part in parts))


def _ranked(
    count: int, matters: Callable[[int], bool], rank: Callable[[int], int] = lambda i: 0
) -> tuple[tuple[int, ...], int]:
    """The indices 0..count-1, those that matter first (by `rank`, then as listed), and how
    many matter."""
    order = sorted(range(count), key=lambda i: (not matters(i), rank(i), i))
    return tuple(order), sum(1 for i in order if matters(i))


class DashboardText:
    """A Rich renderable of a Dashboard; it lays itself out for the width it is given, and,
    unless `full`, for `SCREEN_ROWS` lines."""

    def __init__(
        self,
        dashboard: Dashboard,
        *,
        full: bool = False,
        sections: Collection[str] = PRIVATE_SECTIONS,
    ) -> None:
        """`sections`: the private sections shown (render/sharing.py); all on the terminal."""
        self.d = dashboard
        self.private = frozenset(sections)
        self.short = short_names(dashboard.names)
        self.full = full

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        whole = self.parts(width, {})
        if self.full:
            yield _joined(whole)
            return
        # Each part laid out once, whatever the cut: measured by its lines, which are then
        # what is shown (laying the dashboard out again to print it cost a third of Rich's
        # time). The whole dashboard is only counted, unless it fits: laying out every row
        # of a long journal to learn that it does not cost half of the rest.
        laid_out: dict[Hashable, list[list[Segment]]] = {}

        def height(parts: Parts) -> int:
            for key, part in parts:
                if key not in laid_out:
                    laid_out[key] = console.render_lines(part(), options, pad=False)
            return sum(len(laid_out[key]) for key, _ in parts)

        def counted(parts: Parts) -> int:
            """Their lines, counted without laying them out where that can be done
            (render/height.py): the whole dashboard, measured first, is rarely shown."""
            total = 0
            for key, part in parts:
                lines = lines_in(part(), console, options)
                total += height([(key, part)]) if lines is None else lines
            return total

        def shown(parts: Parts) -> RenderResult:
            newline = Segment.line()
            for key, _ in parts:
                for line in laid_out[key]:
                    yield from line
                    yield newline

        total = counted(whole)
        if total <= SCREEN_ROWS:
            height(whole)
            yield from shown(whole)
            return
        sections = self.sections(console, width)
        rows = [section.rows() for section in sections.values()]
        # what the other lines take, as far as the rows' own lines are known beforehand
        room = SCREEN_ROWS - (total - sum(sum(r.lines) for r in rows))
        # A row may take fewer or more lines than foreseen (a table laid out anew for the
        # rows it keeps): measure, and refit with the difference, a few times at most; the
        # fullest that fits is shown.
        best: tuple[int, Parts] | None = None
        tried: set[tuple[int, ...]] = set()
        parts = whole
        for _ in range(6):
            counts = fit(rows, room)
            if counts in tried:  # going back and forth: try a line less
                room -= 1
                continue
            tried.add(counts)
            cuts = {
                name: _cut_of(section, count)
                for (name, section), count in zip(sections.items(), counts, strict=True)
            }
            parts = self.parts(width, cuts)
            lines = height(parts)
            if lines <= SCREEN_ROWS and (best is None or lines > best[0]):
                best = (lines, parts)
            if lines == SCREEN_ROWS:
                break
            room += SCREEN_ROWS - lines
        yield from shown(parts if best is None else best[1])

    def parts(self, width: int, cuts: dict[str, Cut]) -> Parts:
        """The whole dashboard, each section with the rows its cut shows (all without one),
        as parts made on demand, each with a key that names its cut (to measure it once)."""
        get = cuts.get

        def key(title: str, *names: str) -> Hashable:
            return (title, *(None if (cut := get(n)) is None else cut.shown for n in names))

        def titled(title: str, body: Callable[[], RenderableType]) -> Callable[[], Group]:
            return lambda: Group(_section(title), body())

        return [
            ("header", lambda: self.header(width)),
            (
                key("Alignment", "stories", "signals"),
                titled("Alignment", lambda: self.alignment(get("stories"), get("signals"))),
            ),
            (
                key("Capability", "capabilities"),
                titled("Capability", lambda: self.capability(width, get("capabilities"))),
            ),
            (
                key("Accountability", "indicators", "people"),
                titled(
                    "Accountability",
                    lambda: Group(
                        self.scoreboard(width, get("indicators")),
                        self.coverage(width, get("people")),
                    ),
                ),
            ),
            (
                "Your work",
                titled("Your work", lambda: self.work(width)),
            ),
            (
                key("Needs you", "needs_you"),
                titled("Needs you", lambda: self.needs_you(get("needs_you"))),
            ),
        ]

    # ---- what matters, section by section ---------------------------------------------------

    def sections(self, console: Console, width: int) -> dict[str, Section]:
        """The sections that can be cut, most important first, each with its rows ranked."""
        d = self.d
        findings = self.findings()
        number = len(f"{len(findings)}.") + 1
        needs = tuple(len(Text(f.message).wrap(console, width - number)) for f in findings)
        cells = [self.indicator_cells(ind) for ind in d.indicators]

        def flagged(ind: IndicatorView) -> bool:
            return ind.now.status not in (ON_TRACK, CELEBRATE) or bool(say.indicator_note(ind))

        def severity(ind: IndicatorView) -> int:
            return SEVERITY.get(ind.now.status, 2) if ind.now.status else 2

        indicators = _ranked(
            len(d.indicators),
            lambda i: flagged(d.indicators[i]),
            lambda i: severity(d.indicators[i]),
        )
        # the layout of the rows that matter, which are shown first: their notes beside the
        # status or under it (then a row takes two lines)
        likely = [cells[i] for i in indicators[0][: max(indicators[1], 3)]]
        layout, notes = self.indicator_layout(likely, width) if likely else ("aside", 1)

        def indicator_lines(cell: list) -> int:  # type: ignore[type-arg]
            if not cell[6].plain:
                return 1
            if layout == "aside":
                return len(_note(cell, notes).plain.split("\n"))
            return 1 + len(_under(cell[6]).plain.split("\n"))

        people = _ranked(
            len(d.coverage),
            lambda i: _person_flagged(d.coverage[i]),
            lambda i: -d.coverage[i].cadence.days_overdue,
        )
        capabilities = _ranked(
            len(d.capabilities),
            lambda i: _capability_flagged(d.capabilities[i]),
            lambda i: _capability_urgency(d.capabilities[i]),
        )
        a = d.alignment

        def silence(i: int) -> int:  # the longest quiet first; never a story: longest of all
            last = a.choices[i].last_week if i < len(a.choices) else None
            return -10_000 if last is None else -a.through.weeks_since(last)

        stories = _ranked(
            len(a.choices) + bool(a.purpose),
            lambda i: i < len(a.choices) and a.choices[i].quiet,
            silence,
        )
        signals = _ranked(len(a.signals.items), lambda i: i == 0)
        return {
            "needs_you": Section(
                tuple(range(len(findings))), len(findings), needs, 3, "", "", FULL
            ),
            "indicators": Section(
                *indicators,
                tuple(indicator_lines(cells[i]) for i in indicators[0]),
                3,
                "",
                "on track",
                "leadwork indicator list",
                lambda hidden: _indicators_hidden([d.indicators[i] for i in hidden]),
            ),
            "people": Section(
                *people,
                (1,) * len(people[0]),
                3,
                "people",
                "on schedule",
                FULL,
                lambda hidden: _people_hidden([d.coverage[i] for i in hidden]),
            ),
            "capabilities": Section(
                *capabilities,
                (1,) * len(capabilities[0]),
                1,
                "",
                "on track",
                "leadwork capability list",
                lambda hidden: _capabilities_hidden([d.capabilities[i] for i in hidden]),
            ),
            "stories": Section(
                *stories,
                (1,) * len(stories[0]),
                1,
                "choices",
                "",
                FULL,
                lambda hidden: _choices_hidden(
                    [a.choices[i] for i in hidden if i < len(a.choices)]
                ),
            ),
            "signals": Section(*signals, (1,) * len(signals[0]), 1, "older signals", "", FULL),
        }

    # ---- header -----------------------------------------------------------------------------

    def header(self, width: int) -> RenderableType:
        d = self.d
        who = Text(say.who_line(d))
        who.stylize("bold", 0, len(d.header.leader))
        when = Text(say.when_line(d))
        when.stylize("bold", 0, len(str(d.week)))
        lines: list[RenderableType] = []
        if who.cell_len + GAP + when.cell_len <= width:
            top = Table.grid(expand=True)
            top.add_column(ratio=1)
            top.add_column(justify="right", no_wrap=True)
            top.add_row(who, when)
            lines.append(top)
        else:
            lines += [who, when]
        if d.header.purpose.strip():
            lines.append(Text(say.one_line(d.header.purpose), style="italic"))
        note = say.week_note(d)
        if note:
            lines.append(Text(note, style="yellow"))
        return Group(*lines)

    # ---- alignment --------------------------------------------------------------------------

    def alignment(self, cut: Cut | None = ALL, signal_cut: Cut | None = ALL) -> RenderableType:
        d = self.d
        a = d.alignment
        stories = plain_table()
        stories.add_column("Strategic choice", no_wrap=True)
        stories.add_column("Stories", justify="right", no_wrap=True)
        stories.add_column(f"Latest story, {say.recent_weeks(a.through, d.week)}", ratio=1)
        for index, choice in enumerate(a.choices):
            if cut is not None and index not in cut:
                continue
            if choice.quiet:
                gap = say.quiet_choice(choice, d.week, d.settings.story_gap_weeks, a)
                latest = Text(f"{WARNING} {gap}", style="yellow")
            elif choice.recent:
                latest = self.story(choice.recent[0])
            else:
                latest = Text(EMPTY, style="dim")
            stories.add_row(choice.id, str(len(choice.recent)), latest)
        if a.purpose and (cut is None or len(a.choices) in cut):
            stories.add_row("purpose", str(len(a.purpose)), self.story(a.purpose[0]))

        facts = _facts()
        heard = Text(say.conversations_heard(a.conversations))
        if a.conversations.customer_gap:
            heard.append(
                f"  {WARNING} {say.customer_gap(d.week, a)}",
                style="yellow",
            )
        facts.add_row(f"Conversations, {say.recent_weeks(a.through, d.week)}", heard)
        review = Text(say.review_line(a.review, d.shown.as_of))
        if a.review.due:
            review.stylize("bold red", review.plain.index(";") + 2)
        facts.add_row("Strategy", review)
        if not a.signals.items:
            facts.add_row("Refresh signals", Text("none since the review", style="dim"))
        signals = [
            s for i, s in enumerate(a.signals.items) if signal_cut is None or i in signal_cut
        ]
        kind_width = max((len(s.kind) for s in signals), default=0)
        for i, signal in enumerate(signals):
            line = Text()
            line.append(f"{short_week(signal.week, d.week)} ", style="dim")
            line.append(signal.kind.ljust(kind_width + 1))
            line.append(f"{signal.who}: " if signal.who else "", style="italic")
            line.append(say.one_line(signal.text))
            facts.add_row("Refresh signals" if i == 0 else "", _cut(line))
        if signal_cut is not None and signal_cut.more is not None:
            facts.add_row("", signal_cut.more)
        if a.signals.capped and a.review.last is not None:
            facts.add_row("", Text(say.signals_capped(), style="dim"))
        more = cut.more if cut is not None else None
        return Group(stories, *([more] if more is not None else []), facts)

    def story(self, story: StoryLine) -> Text:
        text = Text()
        text.append(f"{short_week(story.week, self.d.week)} ", style="dim")
        text.append(say.one_line(story.text))
        return _cut(text)

    # ---- capability -------------------------------------------------------------------------

    def capability(self, width: int, cut: Cut | None = ALL) -> RenderableType:
        d = self.d
        if not d.capabilities:
            return Text("No capabilities yet: add them to capabilities.toml.", style="dim")
        rows: list[list[RenderableType]] = []
        for index, cap in enumerate(d.capabilities):
            if cut is not None and index not in cut:
                continue
            reached = cap.level is not None and cap.level >= cap.target
            level = Text(say.level_to_target(cap), style="green" if reached else "")
            plan = f"{cap.steps_done}/{cap.steps_total}" if cap.steps_total else EMPTY
            overdue = Text(say.step_overdue(cap), style="bold red" if cap.overdue else "dim")
            worst = _status(cap.worst_status) if cap.indicators else Text("none", style="dim")
            rows.append([cap.name, cap.kind, level, plan, overdue, worst])
        # Where the names would have to wrap, the kind is abbreviated first; where even then a
        # name would get too little room, each name goes on a line of its own.
        if sum(column_width(rows, i) for i in range(6)) + GAP * 5 > width:
            for row in rows:
                row[1] = SHORT_KINDS.get(str(row[1]), str(row[1]))
        headers = ["Capability", "Kind", "Level", "Plan", "Overdue", "Indicators"]
        if name_room(width, [column_width(rows, i) for i in range(1, 6)]) < NAME_MIN:
            return _with_more(stacked(headers, rows, right={3}), cut)
        table = plain_table()
        table.add_column("Capability", ratio=1)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Level", no_wrap=True)
        table.add_column("Plan", no_wrap=True, justify="right")
        table.add_column("Overdue", no_wrap=True)
        table.add_column("Indicators", no_wrap=True)
        for row in rows:
            table.add_row(*row)
        return _with_more(table, cut)

    # ---- accountability ---------------------------------------------------------------------

    def indicator_headers(self) -> list[str]:
        """The scoreboard's headers, the note's (empty) left out."""
        d = self.d
        first, last = d.weeks[0], d.weeks[-1]
        history = f"{short_week(first, last)}{DASH}{short_week(last, last)}"
        return ["Indicator", "Owner", "Target", short_week(d.week, d.week), "Status", history]

    def indicator_layout(self, rows: list[list], width: int) -> tuple[str, int]:  # type: ignore[type-arg]
        """Where the note (no plan, a bad trend, a reading due) goes, and how wide its
        column is. In a column of its own ("aside") where every name keeps `NAME_KEPT`
        columns beside it (its whole width, if shorter; a longer name is cut after a whole
        word, with an ellipsis: `indicator list` has them whole), so that every indicator
        keeps to one line. Where the notes are too wide for that: under the status ("under")
        if every name is then whole on its line (only the rows with a note take two);
        else still aside, a note too wide for what is left on two lines ("no reading for"
        over "Dec 2026": that row alone takes two), rather than every long name wrapping;
        "under", the names wrapping, where even that does not fit; and each row "stacked"
        where names would get too little room (a note under the status widens its column)."""
        headers = self.indicator_headers()
        fixed = [cell_width([headers[i], *(r[i] for r in rows)]) for i in range(1, 6)]
        if name_room(width, fixed) < NAME_MIN:
            return "stacked", 0
        names = cell_width([headers[0], *(r[0] for r in rows)])
        whole = max(1, cell_width([r[6] for r in rows]))  # an empty one still takes a cell
        left = name_room(width, [*fixed, 0]) - min(names, NAME_KEPT)
        if left >= whole:
            return "aside", whole
        under = max((_under_width(r[6]) for r in rows if r[6].plain), default=0)
        room = name_room(width, [*fixed[:3], max(fixed[3], under), fixed[4]])
        if room >= names:
            return "under", 0
        broken = max(1, cell_width([_note(row, left) for row in rows]))
        if broken <= left:
            return "aside", broken
        return ("stacked" if room < NAME_MIN else "under"), 0

    def scoreboard(self, width: int, cut: Cut | None = ALL) -> RenderableType:
        d = self.d
        if not d.indicators:
            return Text("No indicators yet: add them to indicators.toml.", style="dim")
        rows = [
            self.indicator_cells(ind)
            for index, ind in enumerate(d.indicators)
            if cut is None or index in cut
        ]
        layout, notes = self.indicator_layout(rows, width)
        aside = layout == "aside"
        headers = self.indicator_headers()
        if layout == "stacked":
            for row in rows:
                if row[6].plain:
                    row[4] = Text.assemble(row[4], "\n  ", _indented(row[6]))
            return _with_more(stacked(headers, [row[:6] for row in rows], right={3}), cut)
        if aside:
            fixed = [cell_width([headers[i], *(r[i] for r in rows)]) for i in range(1, 6)]
            room = name_room(width, [*fixed, notes])  # the names are what gives way
            for row in rows:
                row[0] = cut_words(row[0], room)
                row[6] = _note(row, notes)
        table = plain_table()
        table.add_column(headers[0], ratio=1)
        table.add_column(headers[1], no_wrap=True)
        table.add_column(headers[2], no_wrap=True)
        table.add_column(headers[3], no_wrap=True, justify="right")
        table.add_column(headers[4], no_wrap=True)
        table.add_column(headers[5], no_wrap=True)
        if aside:
            table.add_column("", no_wrap=True)
        for name, owner, target, value, status, spark, note, _ in rows:
            if aside:
                table.add_row(name, owner, target, value, status, spark, note)
            else:
                if note.plain:
                    status = Text.assemble(status, "\n  ", _indented(_under(note)))
                table.add_row(name, owner, target, value, status, spark)
        return _with_more(table, cut)

    def indicator_cells(self, ind: IndicatorView) -> list:  # type: ignore[type-arg]
        """The row's cells; the note twice: on one line, and on two (`_note` chooses)."""
        now = ind.now
        owner = self.short.get(ind.owner, ind.owner) if ind.owner else EMPTY
        style = "bold red" if ind.plan_needed else "yellow"
        parts = say.indicator_note_parts(ind)
        return [
            ind.name,
            owner,
            say.target_label(ind.thresholds, ind.unit),
            say.reading(ind),
            _status(now.status),
            _spark(ind.history),
            Text(say.indicator_note(ind), style=style),
            Text("\n".join(parts), style=style),
        ]

    def coverage(self, width: int, cut: Cut | None = ALL) -> RenderableType:
        """One row per person; the dates and the next one-on-one never cut: where they and
        the names leave the commitments too little room, each person is stacked."""
        d = self.d
        if not d.coverage:
            return Text("No people yet: add them to team.toml.", style="dim")
        as_of = d.shown.as_of
        headers = ["One-on-ones", "Last", "Next", "Open commitments"]
        rows: list[list[RenderableType]] = []
        for index, row in enumerate(d.coverage):
            if cut is not None and index not in cut:
                continue
            c = row.cadence
            last = Text(short_date(c.last, as_of)) if c.last else Text("none yet", style="dim")
            style = {"overdue": "bold red", "due": "yellow", "untracked": "dim", "left": "dim"}.get(
                c.state, ""
            )
            nxt = Text(say.next_one_on_one(row, as_of), style=style)
            mine, past = say.open_commitments(row)
            commitments = Text(mine, style="" if row.open else "dim")
            if past:
                commitments.append(f" · {past}", style="yellow")
            rows.append([row.name, last, nxt, commitments])
        fixed = [cell_width([h, *(r[i] for r in rows)]) for i, h in enumerate(headers[:3])]
        if name_room(width, fixed) < longest_word([headers[3], *(r[3] for r in rows)]):
            return _with_more(stacked(headers, rows, right=set()), cut)
        table = plain_table()
        table.add_column(headers[0], no_wrap=True)
        table.add_column(headers[1], no_wrap=True)
        table.add_column(headers[2], no_wrap=True)
        table.add_column(headers[3], ratio=1)
        for cells in rows:
            table.add_row(*cells)
        return _with_more(table, cut)

    # ---- your work --------------------------------------------------------------------------

    def work_table(self, width: int) -> RenderableType:
        """Hours and confidence share their rows: the three areas have both. The numbers
        never wrap or shrink; the labels wrap (whole words) when the table is a little too
        wide, and where even that is not enough each area goes on a line of its own."""
        d = self.d
        t = d.time
        this = short_week(d.week, d.week)
        confidence = {view.area: view for view in d.confidence}
        headers = [
            "Where the hours went",
            this,
            say.average_heading(t),
            f"Confidence {this}",
            f"{SHOWN_WEEKS} weeks",
        ]
        headers.append("vs 4 wks")  # this week against the 4 before
        rows: list[list[RenderableType]] = []
        for category in TIME_CATEGORIES:
            now = say.hours(t.this_week[category]) if t.this_week else EMPTY
            avg = say.hours(round(t.average[category], 1)) if t.average else EMPTY
            label = Text(TIME_LABELS[category])
            if category == "someone_elses_job" and t.over:
                label = Text(f"{TIME_LABELS[category]} {WARNING}", style="bold yellow")
            view = confidence.get(category)
            if view is None:
                rows.append([label, now, avg, "", "", ""])
                continue
            value = f"{view.value}/5" if view.value is not None else EMPTY
            spark = Text(say.rating_spark(view.history), style="cyan")
            trend = Text(say.confidence_trend(view), style="yellow" if view.trend == "down" else "")
            rows.append([label, now, avg, value, spark, trend])
        total_now = say.hours(sum(t.this_week.values())) if t.this_week else EMPTY
        total_avg = say.hours(round(sum(t.average.values()), 1)) if t.average else EMPTY
        rows.append([Text("total", style="dim"), total_now, total_avg, "", "", ""])
        fixed = [cell_width([h, *(r[i] for r in rows)]) for i, h in enumerate(headers) if i]
        shortest = max(NAME_MIN, longest_word([row[0] for row in rows]))
        if name_room(width, fixed) < shortest:
            return stacked(headers, [_without_blanks(row) for row in rows], right={1, 2, 3})
        table = plain_table()
        table.add_column(headers[0])  # the only column that may wrap
        for i, header in enumerate(headers[1:], start=1):
            table.add_column(header, justify="right" if i <= 3 else "left", no_wrap=True)
        for row in rows:
            table.add_row(*_without_blanks(row))
        return table

    def work(self, width: int) -> RenderableType:
        """The time audit and confidence when shown, then the commitments."""
        if TIME_AUDIT in self.private or CONFIDENCE in self.private:
            return Group(self.work_table(width), self.work_facts())
        return self.work_facts()

    def work_facts(self) -> RenderableType:
        d = self.d
        facts = _facts()
        share = say.someone_elses_job(d.time) if TIME_AUDIT in self.private else None
        if share:
            facts.add_row(
                "Someone else's job", Text(share, style="bold yellow" if d.time.over else "")
            )
        rate = say.done_rate(d.commitments)
        facts.add_row(
            say.commitments_label(d),
            Text(rate, style="dim" if not d.commitments.last_week.total else ""),
        )
        return facts

    # ---- needs you --------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        return shown_findings(self.d.needs_you, self.private)

    def needs_you(self, cut: Cut | None = ALL) -> RenderableType:
        findings = self.findings()
        if not findings:
            return Text("Nothing needs you this week. Celebrate what went well.", style="green")
        table = LeanTable.grid(padding=(0, 1, 0, 0))
        table.add_column(justify="right", no_wrap=True, style="bold")
        table.add_column(ratio=1)
        for number, finding in enumerate(findings, start=1):
            if cut is None or number - 1 in cut:
                table.add_row(f"{number}.", finding.message)
        if cut is not None and cut.more is not None:
            table.add_row("", cut.more)
        return table


def _under(note: Text) -> Text:
    """A note put under the status: its sentences on lines of their own ("due for Dec 2026"
    over "Nov 84% at risk", `say.indicator_note`), so that the status column stays narrow."""
    return Text(note.plain.replace(" · ", "\n", 1), style=note.style)


def _under_width(note: Text) -> int:
    """The columns a note takes under the status: its longest line, indented."""
    return max(cell_len(line) for line in _under(note).plain.split("\n")) + 2


def _indented(note: Text) -> Text:
    """A note of two lines put under the status: its second line indented as its first."""
    return Text(note.plain.replace("\n", "\n  "), style=note.style)
