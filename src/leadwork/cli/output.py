"""The one output path of the commands: a use case's result, shown as asked.

A command turns its flags into a request, runs its use case (`leadwork.usecases`) and
hands the result here with what was asked (`Asked`): the format, the file to write if
any, `--private`, `--full`. `emit` names the files read that have problems (a warning),
decides which private sections the output shows (`render/sharing.py`), picks the
renderer by command and format, and prints to the terminal or writes the file through
the one guarded write (`store/atomic.write_output`: atomic, never over a journal file,
never through a link into the journal). Renderers are imported when called, so that
`--help` loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadwork.cli.echo import echo

if TYPE_CHECKING:
    from collections.abc import Collection

    from leadwork.render.checkin import GitNote
    from leadwork.store.journal import Journal
    from leadwork.usecases import (
        capability,
        capture,
        check,
        checkin,
        commitments,
        dashboard,
        indicator,
        indicator_export,
        indicator_import,
        indicator_write,
        one_on_one,
        reflect,
        report,
        review,
    )
    from leadwork.usecases import (
        map as map_,
    )


@dataclass(frozen=True)
class Asked:
    """How the person asked to see a result: its format, and where."""

    format: str = "text"
    output: Path | None = None  # a file to write (atomically) instead of the terminal
    private: bool = False  # the private sections in an output meant to be shared
    full: bool = False  # every row, not one screen (the dashboard's text and SVG)


@dataclass(frozen=True)
class How:
    """What a renderer needs besides the result."""

    format: str
    sections: Collection[str]  # the private sections it may show
    full: bool
    to_file: bool  # a file has no terminal: text is laid out at a fixed width
    root: Path  # the journal's folder, for paths shown relative to it


# A renderer returns text (printed as it is: it carries its own last newline), a Rich
# renderable for the terminal (printed by render/terminal.py), or a tuple of those, in turn.
Renderer = Callable[[Any, How], Any]


def emit(command: str, result: Any, asked: Asked, journal: Journal) -> None:
    """Show `result` of `command` as `asked`: on the terminal, or written to a file."""
    from leadwork.cli.messages import warn_doubtful
    from leadwork.render.sharing import private_sections, refuse_only_private

    refuse_only_private(command, asked.format, asked.private)  # the command did, before reading
    warn_doubtful(journal, getattr(result, "doubtful", ()))
    sections = private_sections(command, asked.format, asked.private)
    how = How(asked.format, sections, asked.full, asked.output is not None, journal.root)
    shown = _RENDERERS[command](result, how)
    if asked.output is not None:
        from leadwork.store.atomic import write_output

        suffix = {"text": "txt", "markdown": "md"}.get(asked.format, asked.format)
        example = f"{_EXAMPLE_NAMES.get(command, command)}.{suffix}"
        write_output(asked.output, shown, journal.root, example=example)
        message, err = _WROTE[command](result, asked)
        echo(message, err=err)
        return
    try:
        for part in shown if isinstance(shown, tuple) else (shown,):
            if isinstance(part, str):
                echo(part, nl=False)
            else:
                from leadwork.render.terminal import show

                show(part)
    except OSError as error:
        # a writer's files are saved by now: the error says so (`messages.output_failure`)
        from leadwork.cli.messages import OutputLost, output_failure

        written = getattr(result, "written", ())
        if written and output_failure(error) is not None:
            raise OutputLost(error, written) from error
        raise


def _dashboard(result: dashboard.Result, how: How) -> Any:
    if how.format == "text" and not how.to_file:
        from leadwork.render.dashboard_text import DashboardText

        return DashboardText(result.dashboard, full=how.full)
    from leadwork.render.dashboard import render

    return render(result.dashboard, how.format, full=how.full, sections=how.sections)


def _report(result: report.Result, how: How) -> str:
    from leadwork.render.report import report_json, report_markdown
    from leadwork.render.report_html import report_html

    render = {"markdown": report_markdown, "json": report_json, "html": report_html}
    return render[how.format](result.report, how.sections)


def _reflect(result: reflect.Result, how: How) -> Any:
    from leadwork.render.reflect import reflect_json, reflect_markdown, reflect_view

    if how.format == "json":
        return reflect_json(result.reflection) + "\n"
    if how.format == "markdown":
        return reflect_markdown(result.reflection, result.who)
    return reflect_view(result.reflection)


def _map(result: map_.Result, how: How) -> Any:
    from leadwork.render.map import map_json, map_markdown, map_view

    if how.format == "json":
        return map_json(result.chain) + "\n"
    if how.format == "markdown":
        return map_markdown(result.chain)
    return map_view(result.chain)


def _check(result: check.Result, how: How) -> str:
    from leadwork.render.check import check_json, clean_summary

    check = result.check
    if how.format == "json":
        return check_json(how.root, check.problems, check.notes) + "\n"
    counts = check.counts
    if counts is None:
        return ""
    summary = clean_summary(
        counts.checkins,
        counts.captures_only,
        counts.one_on_ones,
        counts.reviews,
        counts.readings_only,
    )
    return summary + "\n"


def _indicator_list(result: indicator.Listed, how: How) -> Any:
    from leadwork.render import listing

    if how.format == "json":
        return listing.indicator_list_json(result.seen_from, result.views) + "\n"
    return listing.indicator_list_table(result.seen_from, result.views, result.owner)


def _indicator_show(result: indicator.Shown, how: How) -> Any:
    from leadwork.render import listing

    if how.format == "json":
        return listing.indicator_detail_json(result.view) + "\n"
    return listing.indicator_detail(result.view)


def _capability_list(result: capability.Listed, how: How) -> Any:
    from leadwork.render import listing

    if how.format == "json":
        return listing.capability_list_json(result.views) + "\n"
    return listing.capability_list_table(result.views)


def _capability_show(result: capability.Shown, how: How) -> Any:
    from leadwork.render import listing

    if how.format == "json":
        return listing.capability_detail_json(result.view) + "\n"
    return listing.capability_detail(result.view)


def _commitments(result: commitments.Result, how: How) -> Any:
    from leadwork.render.commitments import commitments_json, commitments_table

    if how.format == "json":
        return commitments_json(result.commitments, result.today) + "\n"
    return commitments_table(result.commitments, result.today)


def _captured(result: capture.Captured, how: How) -> Any:
    from rich.text import Text

    kind, plural = result.kind, "stories" if result.kind == "story" else "conversations"
    if result.outcome == "unchanged":
        return Text(f"That {kind} is already in {result.rel}: nothing changed.")
    made = " (a new file)" if result.outcome == "created" else ""
    many = kind if result.count == 1 else plural
    return Text(f"Added a {kind} to {result.rel}{made}: {result.count} {many} in {result.week}.")


@dataclass(frozen=True)
class CheckinShown:
    """A check-in's result, with what the command adds to its summary."""

    result: checkin.CheckinResult
    notes: tuple[str, ...] = ()  # the command's own (stdin was not a terminal)
    git: GitNote | None = None  # what became of --commit

    @property
    def written(self) -> tuple[str, ...]:
        """The files the check-in saved, for `emit` to name if its summary is lost."""
        return self.result.written


def _checkin(shown: CheckinShown, how: How) -> Any:
    from rich.console import Group
    from rich.text import Text

    from leadwork.render import checkin as show

    result = shown.result
    notes = list(shown.notes)
    if result.unrecorded_last_week is not None:  # a run that asked nothing, no week named
        notes.append(show.last_week_note(result.unrecorded_last_week, result.saved))
    if result.marked or result.gone:
        from leadwork.render.review import steps_marked_note

        notes += steps_marked_note(result.marked, result.gone)
    if result.kept_draft is not None:
        notes.insert(
            0,
            f"An unfinished check-in for {result.week} is kept in {result.kept_draft}; run "
            f"`{show.resume_command(result.week)}` at a terminal to resume it.",
        )
    if how.format == "json":
        return (
            show.summary_json(
                result.saved, result.week, notes, shown.git, result.elsewhere, result.same
            )
            + "\n"
        )
    # The interview stated the share of someone else's job after the hours; a scripted
    # run states it under what it recorded.
    warning = None if result.interviewed else result.warning_percent
    summary = show.summary(
        result.saved,
        result.week,
        result.indicators,
        notes,
        shown.git,
        warning,
        result.elsewhere,
        result.same,
    )
    return Group(Text(), summary) if result.interviewed else summary


def _lines_added(old: str, new: str) -> Any:
    """The lines that were added, as `git diff` shows them (`added_lines`)."""
    from rich.text import Text

    added = Text()
    for line in added_lines(old, new):
        added.append("  + " + line + "\n", style="green")
    if added.plain.endswith("\n"):
        added.right_crop(1)  # the terminal's own line end closes the last one
    return added


def added_lines(old: str, new: str) -> list[str]:
    """The lines of `new` that are not `old`'s, where a writer adds in one place (a table
    inserted, an entry put on an inline array's line): what lies between the lines both
    texts start with and the lines both end with. An inserted table whose lines repeat
    the ones above it (`agreed_with = ["bo"]`, a blank line) is read as inserted as late
    as it can be, as `git diff` reads it; a line-matching diff (difflib) had matched the
    new `agreed_with` to the earlier change's and printed that one (trial 20, finding 4)."""
    before, after = old.splitlines(), new.splitlines()
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0  # lines both end with, never reaching into those both start with
    while (
        end < min(len(before), len(after)) - start
        and before[len(before) - 1 - end] == after[len(after) - 1 - end]
    ):
        end += 1
    return after[start : len(after) - end]


def _indicator_added(result: indicator_write.Added, how: How) -> tuple[Any, ...]:
    message = f"Added indicator {result.indicator.id} to indicators.toml:\n"
    return (message, _lines_added(result.old, result.new))


def _indicator_changed(result: indicator_write.Changed, how: How) -> tuple[Any, ...]:
    message = (
        f"Changed {result.indicator.id} from {result.since}: {result.described}. "
        "In indicators.toml:\n"
    )
    return (message, _lines_added(result.old, result.new))


def _one_on_one_prep(result: one_on_one.Prepared, how: How) -> Any:
    from leadwork.render.one_on_one import prep_json, prep_markdown, prep_renderable

    if how.format == "json":
        return prep_json(result.prep) + "\n"
    if how.format == "markdown":
        return prep_markdown(result.prep)
    return prep_renderable(result.prep)


def _one_on_one_due(result: one_on_one.Due, how: How) -> Any:
    from leadwork.render.one_on_one import due_json, due_renderable

    if how.format == "json":
        return due_json(result.listed, result.people, result.today) + "\n"
    return due_renderable(result.listed, result.people, result.today, result.next_up)


def _one_on_one_recorded(result: one_on_one.Recorded, how: How) -> Any:
    from leadwork.render.one_on_one import recorded_renderable

    return recorded_renderable(result)


def _indicator_export(result: indicator_export.Exported, how: How) -> str:
    from leadwork.render.readings import readings_csv, readings_json

    return (readings_json if how.format == "json" else readings_csv)(result.rows)


def _indicator_imported(result: indicator_import.Imported, how: How) -> str:
    from leadwork.render.readings import import_lines, import_summary

    summary = import_summary(result.planned, result.changed_weeks, dry_run=result.dry_run)
    return "\n".join([summary, *import_lines(result.planned)]) + "\n"


def _strategy_prep(result: review.StrategyPrepared, how: How) -> Any:
    from leadwork.render.review import strategy_brief_json, strategy_brief_view

    if how.format == "json":
        return strategy_brief_json(result.brief) + "\n"
    return strategy_brief_view(result.brief)


def _capability_prep(result: review.CapabilitiesPrepared, how: How) -> Any:
    from leadwork.render.review import capability_briefs_json, capability_briefs_view

    if how.format == "json":
        return capability_briefs_json(result.briefs) + "\n"
    return capability_briefs_view(result.briefs)


def _strategy_recorded(result: review.StrategyRecorded, how: How) -> str:
    from leadwork.render.review import strategy_recorded

    answered = len(result.review.answered)
    participants = list(result.review.participants)
    return (
        strategy_recorded(result.rel, participants, answered, result.offered, result.next_by) + "\n"
    )


def _capability_recorded(result: review.CapabilityRecorded, how: How) -> str:
    from leadwork.render.review import capability_recorded

    level = result.review.level
    return capability_recorded(result.rel, result.marked, result.old_level, level) + "\n"


_RENDERERS: dict[str, Renderer] = {
    "dashboard": _dashboard,
    "report": _report,
    "reflect": _reflect,
    "map": _map,
    "check": _check,
    "indicator list": _indicator_list,
    "indicator show": _indicator_show,
    "capability list": _capability_list,
    "capability show": _capability_show,
    "commitments": _commitments,
    "checkin": _checkin,
    "story": _captured,
    "conversation": _captured,
    "indicator add": _indicator_added,
    "indicator change": _indicator_changed,
    "one-on-one": _one_on_one_prep,
    "one-on-one due": _one_on_one_due,
    "one-on-one recorded": _one_on_one_recorded,
    "indicator export": _indicator_export,
    "indicator import": _indicator_imported,
    "review strategy --prep": _strategy_prep,
    "review capability --prep": _capability_prep,
    "review strategy": _strategy_recorded,
    "review capability": _capability_recorded,
}

# What a command says once it has written a file, and whether on stderr.
_WROTE: dict[str, Callable[[Any, Asked], tuple[str, bool]]] = {
    "dashboard": lambda r, a: (
        f"Wrote the {a.format} dashboard of {r.dashboard.week} to {a.output}.",
        False,
    ),
    "report": lambda r, a: (f"Wrote the report for {r.first} to {r.last} to {a.output}.", True),
    "indicator export": lambda r, a: (
        f"Wrote {len(r.rows)} reading{'s' * (len(r.rows) != 1)} to {a.output}.",
        True,
    ),
}

# A file name to suggest for `--output` when the one given is refused, when the
# command's name is not one ("dashboard.html"): "readings.csv".
_EXAMPLE_NAMES = {"indicator export": "readings"}
