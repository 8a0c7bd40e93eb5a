"""The check-in on screen: the interview's questions and the summary of what was recorded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from leadwork.domain.checkin import (
    HOUR_LABELS,
    SECTION_ORDER,
    Change,
    Draft,
    Merged,
    ReadingQuestion,
    SameReading,
    Saved,
    period_flag,
    status_of,
    week_label,
)
from leadwork.domain.commitments import (
    CARRIED_TOO_OFTEN,
    DoneRate,
    carried_advice,
    carried_too_often,
    open_by_week,
    unmatched_said,
    whose_commitments,
)
from leadwork.domain.status import thresholds_for
from leadwork.domain.timeline import checked_in, checkin_done, period_of
from leadwork.domain.wording import due_for, only_readings
from leadwork.domain.your_work import over_warning, share_elsewhere
from leadwork.render.json_text import to_json
from leadwork.render.layout import Flow, cut_words
from leadwork.render.palette import status_text
from leadwork.values import format_number, format_percent, format_share, format_value
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.model.indicators import Indicator

SECTION_TITLE = {
    "readings": "readings",
    "hours": "hours",
    "confidence": "confidence",
    "reflection": "reflection",
    "last_week": "last week",
    "commitments": "commitments",
    "plans": "your plans",
    "stories": "stories",
    "conversations": "conversations",
}
# The columns of each section's lines that may wrap: texts. Ids, numbers, statuses and
# outcomes never do (hours and confidence wrap only between areas, see _numbers_line).
WRAPS: dict[str, set[int]] = {
    "readings": set(),
    "hours": {0},
    "confidence": {0},
    "reflection": {1},
    "last_week": {0},
    "commitments": {0},
    "plans": {1},
    "stories": {0, 1},
    "conversations": {0, 1},
}
TEXT_WIDTH = 48  # long texts are cut in the summary; the file has them whole


def short(text: str, width: int = TEXT_WIDTH) -> str:
    """The text on one line, cut to `width` at a word's end where one is near (never in
    the middle of a word a reader then has to guess): `layout.cut_words`."""
    return cut_words(" ".join(text.split()), width)


# ---- the interview --------------------------------------------------------------------


def intro(week: Week, rel: str, exists: bool, first_week: bool) -> Text:
    text = Text.assemble(("Check-in for ", "bold"), (week_label(week), "bold"), "\n")
    if exists:
        text.append(f"{rel} already exists: what you type changes it; Enter keeps it.\n")
    text.append(
        "Enter skips a question or keeps the [default]. Ctrl-C stops and keeps your answers.",
        style="dim",
    )
    if first_week:
        text.append("\nNo earlier check-in: this is the first week.", style="dim")
    return text


def last_week_question(last: Week, this: Week) -> Text:
    """Early in a week, when last week's check-in was not done (`timeline.checkin_done`: no
    file, a story captured in it, or readings alone): which week is this one for?"""
    return Text.assemble(
        (f"Last week's check-in, {week_label(last)}, was not done.", "bold"),
        f" Record it instead of {this}?",
    )


def last_week_note(last: Week, saved: Saved) -> str:
    """After a run that asked nothing, early in a week whose predecessor's check-in was not
    done: the week it recorded, and how to record the other instead (the interview asks).
    Doing so leaves what this run wrote in this week's file, so the note says what to undo there:
    delete the file, when this run created it; else what it wrote, named, to remove by
    hand."""
    this = saved.merged.week
    said = (
        f"Recorded for this week, {this}: last week's check-in, {last}, was not done. If this was "
        f"last week's, record it with `leadwork checkin --week {last}`"
    )
    if saved.outcome == "created":
        return f"{said} and delete {saved.rel}, which this run created."
    if saved.outcome == "unchanged":
        return (
            f"{said}; {saved.rel}, which this run left as it was, keeps what it holds: "
            "remove by hand what belongs to last week."
        )
    return (
        f"{said}; what this run wrote stays in {saved.rel}: remove it by hand ({_written(saved)})."
    )


def _written(saved: Saved) -> str:
    """What a run wrote to a week's file, by section: `readings escalations (it was 71);
    stories “Ravi fixed it”`."""
    sections: dict[str, list[str]] = {}
    for change in saved.merged.changes:
        listed = change.section in ("stories", "conversations", "commitments", "last_week")
        item = f"“{short(change.key, 32)}”" if listed else change.key
        if isinstance(change.old, (int, float)) and not isinstance(change.old, bool):
            item += f" (it was {format_number(change.old)})"
        sections.setdefault(change.section, []).append(item)
    titles = {**SECTION_TITLE, "last_week": "follow-ups"}
    return "; ".join(f"{titles[s]} {', '.join(items)}" for s, items in sections.items())


def follow_up_step(week: Week, source: Week | None) -> Text:
    """Last week's commitments, or, after a skipped week, the open ones of the check-in
    that made them (`whose_commitments`)."""
    whose = whose_commitments(week, source)
    if source is None or source == week.minus(1):
        return step(f"{whose} commitments ({source})")
    return step(f"{whose} commitments", "the open ones of the latest check-in that made any")


def resume_question(draft: Draft) -> Text:
    count = draft.count
    return Text(
        f"An unfinished check-in for {draft.week} was kept ({count} answer"
        f"{'s' * (count != 1)}). Resume it?",
        style="bold",
    )


def draft_discarded() -> Text:
    return Text("  The draft is discarded; starting afresh.", style="dim")


def draft_unreadable(rel: str, reason: str) -> Text:
    return Text(
        f"The draft {rel} cannot be read ({reason}); starting afresh. It is replaced by "
        "this run's answers.",
        style="yellow",
    )


def resume_command(week: Week) -> str:
    """The command that resumes a week's kept draft: the week named, since a plain
    `leadwork checkin` asks about the week of the day it runs."""
    return f"leadwork checkin --week {week}"


def draft_kept(rel: str, count: int, week: Week) -> Text:
    answers = "1 answer so far is" if count == 1 else f"{count} answers so far are"
    return Text(f"\nStopped. Your {answers} kept in {rel}; run `{resume_command(week)}` to resume.")


def other_draft(week: Week, rel: str) -> Text:
    """A draft kept for another week than the one asked about now."""
    return Text(
        f"An unfinished check-in for {week} is kept in {rel}; run `{resume_command(week)}` "
        "to resume it.",
        style="yellow",
    )


def resumed_story(number: int, text: str) -> Text:
    """A story told before its draft was resumed, shown again above its "who?"."""
    return Text(f"  Story {number}: {text}")


def step(title: str, note: str = "") -> Text:
    text = Text("\n")
    text.append(title, style="bold underline")
    if note:
        text.append(f"  {note}", style="dim")
    return text


# What Enter means at an hours question with nothing recorded (`your_work.week_hours`).
HOURS_SKIPPED = "Enter: 0"


def hours_prompt(label: str, recorded: bool) -> str:
    """An area's hours question: "someone else's job (Enter: 0)"; with a value already
    recorded, Enter keeps it and the [value] shown says so."""
    return label if recorded else f"{label} ({HOURS_SKIPPED})"


def commitment_line(index: int, text: str, carried: int, made: Week | None = None) -> Text:
    """One commitment to follow up; `made`, the week of an older check-in that made it
    and no later one answered: "3. Call Acme  (from 2026-W50)", never as the heading's."""
    line = Text(f"  {index}. {text}")
    if made is not None:
        line.append(f"  (from {made})", style="dim")
    if carried:
        style = "bold yellow" if carried_too_often(carried) else "dim"
        line.append(f"  (carried {_times(carried)})", style=style)
    return line


def thresholds_line(indicator: Indicator, week: Week) -> str:
    t = thresholds_for(indicator, week)
    better, worse = ("≥", "<") if t.direction == "higher" else ("≤", ">")
    unit = indicator.unit
    return (
        f"target {format_value(t.target, unit)}"
        f" · celebrate {better} {format_value(t.celebrate, unit)}"
        f" · course-correct {worse} {format_value(t.course_correct, unit)}"
    )


def reading_context(question: ReadingQuestion, week: Week) -> Text:
    indicator = question.indicator
    text = Text.assemble(("  ", ""), (indicator.name, "bold"))
    if question.file_week is not None and question.period is not None:
        # a month (quarter) that ended without a reading, asked first (`owed_period`)
        text.append(f" for {question.period} (overdue)", style="bold yellow")
    text.append(f"  {indicator.id}", style="dim")
    last = "no earlier reading"
    if question.last is not None and question.last_week is not None:
        last = f"last {format_value(question.last, indicator.unit)} ({question.last_week})"
    if question.file_week is not None:
        last = f"{indicator.cadence}, filed in {question.file_week} · {last}"
    elif question.period is not None:  # read monthly or quarterly: due for this period
        last = f"{indicator.cadence}, {due_for(question.period)} · {last}"
    thresholds = thresholds_line(indicator, question.file_week or week)
    text.append(f"\n    {thresholds} · {last}", style="dim")
    return text


def reading_prompt(indicator: Indicator) -> str:
    return f"  value{' in ' + indicator.unit if indicator.unit else ''}"


def reading_status(indicator: Indicator, week: Week, value: float | int) -> Text:
    text = Text(f"    → {format_value(value, indicator.unit)} is ")
    text.append_text(status_text(status_of(indicator, week, value)))
    return text


def done_rate_line(rate: DoneRate, whose: str = "Last week's") -> Text:
    """`whose`: `commitments.whose_commitments`."""
    if not rate.total:
        return Text("  Nothing followed up yet.", style="dim")
    percent = format_percent(100 * (rate.rate or 0))
    return Text(f"  {whose} done rate: {rate.done} of {rate.total} ({percent}).")


def hours_line(hours: Mapping[str, float | int | None], warning_percent: int) -> Text:
    """The interview's line after the hours: `hours_share`, indented."""
    return Text("  ").append_text(hours_share(hours, warning_percent))


def hours_share(hours: Mapping[str, float | int | None], warning_percent: int) -> Text:
    """The week's hours in all, and the share that went to someone else's job, judged as
    the dashboard judges it: the interview says it after the hours, the summary of a
    scripted check-in (`--hours`) under the hours it recorded."""
    total = sum(v or 0 for v in hours.values())
    text = Text(f"{format_number(total)} hours in all.")
    share = share_elsewhere(hours)  # as every view judges it: exact, not rounded
    if share:
        note = f" {format_share(share, warning_percent)} went to someone else's job"
        if over_warning(share, warning_percent):
            text.append(note + f" (more than your {warning_percent}%).", style="bold yellow")
        else:
            text.append(note + ".", style="dim")
    return text


# ---- the summary ----------------------------------------------------------------------


@dataclass(frozen=True)
class GitNote:
    committed: bool
    message: str


def summary(
    saved: Saved,
    week: Week,
    indicators: Sequence[Indicator],
    notes: Sequence[str] = (),
    git: GitNote | None = None,
    warning_percent: int | None = None,
    elsewhere: Sequence[Saved] = (),
    same: Sequence[SameReading] = (),
) -> Group:
    """What the run recorded, as one renderable: each change (old → new), then the
    commitments loop and anything worth a second look. With `warning_percent`, when the
    run recorded hours, the week's hours and the share of someone else's job
    (`hours_line`; the interview has said it already, so it passes none). `elsewhere`: the
    earlier weeks that took a reading for their month or quarter, each said plainly:
    "Recorded for Feb 2027 in checkins/2027-W08.toml". `same`: plain readings taken as
    such a period's reading given again (`domain.checkin.same_reading`), each said
    unchanged: "csat 88% for Dec 2026 unchanged (checkins/2026-W53.toml)"."""
    merged = saved.merged
    by_id = {i.id: i for i in indicators}
    parts: list[Any] = []
    filed = [other for other in elsewhere if other.outcome != "unchanged"]
    if saved.outcome == "unchanged" and filed:
        pass  # what was recorded was for earlier periods: said below
    elif saved.outcome == "unchanged" and same and not saved.existed:
        pass  # the answers were earlier periods' readings, unchanged: said below
    elif saved.outcome == "unchanged" and saved.existed:
        parts.append(Text(f"Nothing changed in {saved.rel}: every answer was already there."))
    elif saved.outcome == "unchanged":
        parts.append(Text(f"Nothing to record for {week_label(week)}: no answers were given."))
    else:
        verb = "Recorded" if saved.outcome == "created" else "Amended"
        parts.append(Text.assemble((f"{verb} {week_label(week)}", "bold"), f" in {saved.rel}."))
        hours = merged.checkin.hours if merged.checkin else None
        share = None
        if warning_percent is not None and hours is not None:
            share = hours_share(hours.model_dump(), warning_percent)
        whose = whose_commitments(week, merged.follows_up)  # as the done-rate line says it
        parts.extend(_changes(merged.changes, week, by_id, share, whose[:1].lower() + whose[1:]))
        if checked_in(merged.checkin) and not checkin_done(merged.checkin):
            parts.append(Text(only_readings(week), style="yellow"))  # not a check-in
    for other in filed:
        parts.append(_filed_line(other, by_id))
        parts.extend(_changes(other.merged.changes, other.merged.week, by_id))
    parts.extend(_same_line(kept, by_id) for kept in same)

    rate = merged.follow_up_rate
    if rate.total or merged.unanswered or rate.unmatched:
        line = Text(f"{whose_commitments(week, merged.follows_up)} commitments: ")
        if rate.total:
            line.append(
                f"{rate.done} of {rate.total} done ({format_percent(100 * (rate.rate or 0))})"
            )
        if merged.unanswered:
            line.append("; " if rate.total else "")
            line.append(_without_outcome(merged), style="yellow")
        if rate.unmatched:
            line.append("; " if rate.total or merged.unanswered else "")
            line.append(unmatched_said(rate.unmatched), style="yellow")
        line.append(".")
        parts.append(line)
    for commitment in merged.checkin.commitments if merged.checkin else ():
        if carried_too_often(commitment.carried):
            parts.append(
                Text(carried_advice(commitment.carried, short(commitment.text)), style="yellow")
            )
    for note in [*merged.notes, *notes]:
        parts.append(Text(note, style="dim"))
    if git is not None:
        parts.append(Text(git.message, style="" if git.committed else "yellow"))
    return Group(*parts)


def _without_outcome(merged: Merged) -> str:
    """The follow-up's commitments still without an outcome: those of the check-in it
    follows up counted, an older one's named by its week (`commitments.open_by_week`), never
    under the line's: "1 without an outcome yet; 1 open from 2026-W53 without one"."""
    said = []
    for made, count in open_by_week(merged.unanswered_from):
        if made == merged.follows_up:
            said.append(f"{count} without an outcome yet")
        else:
            said.append(f"{count} open from {made} without an outcome yet")
    return "; ".join(said) or f"{len(merged.unanswered)} without an outcome yet"


def _same_line(same: SameReading, indicators: dict[str, Indicator]) -> Text:
    """ "csat 88% for Dec 2026 unchanged (checkins/2026-W53.toml) ...": a plain reading
    equal to the late one of the period before, taken as that reading given again; and how
    to give the same value for this period, should it be this period's too."""
    indicator = indicators.get(same.indicator)
    held = format_value(same.value, indicator.unit if indicator else "")
    flag = f"-r {same.indicator}@{period_flag(same.this)}={same.typed.strip()}"
    return Text.assemble(
        (f"{same.indicator} {held} for {same.late.period} unchanged", "bold"),
        f" ({same.rel}): the value it holds, given again, is not taken as {same.this}'s; "
        f"if {same.this}'s is the same, give {flag}.",
    )


def _filed_line(saved: Saved, indicators: dict[str, Indicator]) -> Text:
    """ "Recorded for Feb 2027 in checkins/2027-W08.toml.": a reading entered after its month
    (quarter) ended, filed in that period's last week so that it stands for it."""
    week = saved.merged.week
    periods = dict.fromkeys(
        str(period_of(week, indicators[c.key].cadence))
        for c in saved.merged.changes
        if c.section == "readings" and c.key in indicators
    )
    said = " and ".join(periods) or str(week)
    return Text.assemble((f"Recorded for {said}", "bold"), f" in {saved.rel}.")


def _changes(
    changes: Sequence[Change],
    week: Week,
    indicators: dict[str, Indicator],
    hours_share: Text | None = None,
    follow_ups: str = SECTION_TITLE["last_week"],
) -> list[RenderableType]:
    """One block per section, in the file's order: the section's name once, then a line
    per item (old → new), or one line for the few numbers of hours and confidence (the
    hours followed by `hours_share`, if given). The names are a column of their own, so
    what wraps continues under its own column. `follow_ups` names the follow-ups' section,
    as `commitments.whose_commitments` names them: "last week's", "2026-W46's"."""
    blocks: list[tuple[str, list[list[RenderableType]]]] = []
    for section in SECTION_ORDER:
        mine = [c for c in changes if c.section == section]
        if not mine:
            continue
        if section in ("hours", "confidence"):
            rows: list[list[RenderableType]] = [[_numbers_line(mine)]]
            if section == "hours" and hours_share is not None:
                rows.append([hours_share])
        else:
            rows = [_change_row(c, week, indicators) for c in mine]
        blocks.append((section, rows))
    if not blocks:
        return []
    layout = Table.grid(padding=(0, 2, 0, 0))
    layout.add_column(no_wrap=True, style="dim")  # a section's name is never split
    layout.add_column()
    for section, rows in blocks:
        title = follow_ups if section == "last_week" else SECTION_TITLE[section]
        block: RenderableType = _block(rows, WRAPS[section])
        if section in TEXT_FIRST:
            block = _TextFirst(rows, WRAPS[section])
        layout.add_row(title, block)
    return [Padding(layout, (0, 0, 0, 2))]


def _block(rows: list[list[RenderableType]], wraps: set[int]) -> Table:
    """A section's items, their cells aligned; only the columns in `wraps` (texts) may
    wrap: ids, numbers and outcomes stay whole."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    for column in range(max(len(row) for row in rows)):
        grid.add_column(no_wrap=column not in wraps)
    for row in rows:
        grid.add_row(*row)
    return grid


# The sections whose item is a commitment's text beside a note ("carried over (3 times)",
# "carried copy taken out of this week's commitments"): the text gets its room first, up to
# all but NOTE_ROOM columns, and the note wraps beside it (trial 18: the text was cut after
# "with" while half the line stayed empty).
TEXT_FIRST = ("last_week", "commitments")
NOTE_ROOM = 24


class _TextFirst:
    """A section's items laid out when the width is known: the first column (the text)
    as wide as its longest, up to all but NOTE_ROOM of the width; the rest wrap beside it."""

    def __init__(self, rows: list[list[RenderableType]], wraps: set[int]) -> None:
        self.rows = rows
        self.wraps = wraps

    def __rich_console__(self, console: Any, options: Any) -> Any:
        def longest(column: int) -> int:
            cells = [r[column] for r in self.rows if len(r) > column]
            return max((c.cell_len for c in cells if isinstance(c, Text)), default=0)

        columns = max(len(row) for row in self.rows)
        rest = sum(longest(c) + 2 for c in range(1, columns))
        width = min(longest(0), max(options.max_width - min(rest, NOTE_ROOM + 2), 10))
        grid = Table.grid(padding=(0, 2, 0, 0))
        grid.add_column(width=width)
        for column in range(1, columns):
            grid.add_column(no_wrap=column not in self.wraps | {1})
        for row in self.rows:
            grid.add_row(*row)
        yield grid


def _numbers_line(changes: Sequence[Change]) -> Flow:
    """`alignment 8 · capability 6 …`, wrapping between areas, never inside one."""
    items = []
    for change in changes:
        item = Text(f"{HOUR_LABELS.get(change.key, change.key)} ")
        item.append_text(_old_new(change, lambda v: format_value(v, missing="")))
        items.append(item)
    return Flow(items, Text(" · ", style="dim"))


def _change_row(
    change: Change, week: Week, indicators: dict[str, Indicator]
) -> list[RenderableType]:
    section = change.section
    if section == "readings":
        indicator = indicators.get(change.key)
        unit = indicator.unit if indicator else ""
        value = _old_new(change, lambda v: format_value(v, unit, missing=""))
        if indicator is None:
            return [Text(change.key), value]
        status = status_text(status_of(indicator, week, change.new))
        if indicator.cadence != "weekly":  # say which month (or quarter) it stands for
            status.append(f"  for {period_of(week, indicator.cadence)}", style="dim")
        return [Text(change.key), value, status]
    if section == "reflection":
        return [Text(change.key), _old_new(change, lambda v: f"“{short(v)}”")]
    if section == "plans":
        return [Text(change.key), Text(f"“{short(change.new)}”")]
    if section == "last_week":
        return [Text(short(change.key)), _old_new(change, str)]
    if section == "commitments":
        entry = change.new
        if isinstance(entry, dict):
            carried = entry.get("carried", 0)
            note = f"carried over ({carried} time{'s' * (carried != 1)})" if carried else "new"
            style = "yellow" if carried >= CARRIED_TOO_OFTEN else ""
            return [Text(short(change.key)), Text(note, style=style)]
        if change.new is None:  # a follow-up no longer carried: its copy went back out
            return [Text(short(change.key)), Text(TAKEN_OUT)]
        return [Text(short(change.key)), _old_new(change, str)]
    # stories and conversations: what was added, and its details
    entry = change.new if isinstance(change.new, dict) else {}
    details = [entry.get("with"), entry.get("who"), entry.get("choice")]
    items = [Text(str(d), style="dim") for d in details if d]
    if entry.get("refresh"):
        items.append(Text("strategy refresh?", style="bold yellow"))
    return [Text(short(change.key)), Flow(items, Text(" · ", style="dim"))]


TAKEN_OUT = "carried copy taken out of this week's commitments"


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _old_new(change: Change, show: Any) -> Text:
    if change.old is None:
        return Text(show(change.new))
    return Text.assemble((show(change.old), "dim"), " → ", show(change.new))


def summary_json(
    saved: Saved,
    week: Week,
    notes: Sequence[str] = (),
    git: GitNote | None = None,
    elsewhere: Sequence[Saved] = (),
    same: Sequence[SameReading] = (),
) -> str:
    """The same, for scripts (documented in docs/cli.md)."""
    merged = saved.merged
    rate = merged.follow_up_rate
    data = {
        "week": str(week),
        "file": saved.rel,
        "outcome": saved.outcome,
        "changes": [
            {"section": c.section, "key": c.key, "old": c.old, "new": c.new} for c in merged.changes
        ],
        "last_week": {
            "done": rate.done,
            "carried": rate.carried,
            "dropped": rate.dropped,
            "done_rate": rate.rate,
            "without_outcome": list(merged.unanswered),
            "without_outcome_from": [str(w) for w in merged.unanswered_from],
            "unmatched": rate.unmatched,
            "from_week": None if merged.follows_up is None else str(merged.follows_up),
        },
        "notes": [*merged.notes, *notes],
        "earlier": [
            {
                "week": str(other.merged.week),
                "file": other.rel,
                "outcome": other.outcome,
                "changes": [
                    {"section": c.section, "key": c.key, "old": c.old, "new": c.new}
                    for c in other.merged.changes
                ],
            }
            for other in elsewhere
            if other.outcome != "unchanged"
        ],
        "unchanged": [
            {
                "week": str(kept.late.week),
                "file": kept.rel,
                "section": "readings",
                "key": kept.indicator,
                "value": kept.value,
                "period": str(kept.late.period),
            }
            for kept in same
        ],
        "git": None if git is None else {"committed": git.committed, "message": git.message},
    }
    return to_json(data, default=str)
