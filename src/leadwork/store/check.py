"""Validate a whole journal: every file, then every cross-reference; all problems at once.

A file with values in error is still checked against the others without those values;
what cannot be checked at all, for a file that is not valid, is said in a note."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from leadwork import layout
from leadwork.domain.consistency import Finding, Loaded
from leadwork.domain.review import journal_findings
from leadwork.domain.timeline import checked_in, checkin_done
from leadwork.domain.traceability import gaps
from leadwork.domain.wording import plural
from leadwork.errors import InvalidFile, Note, NoteKind, Problem
from leadwork.layout import KeyPath
from leadwork.store.journal import (
    CHECKIN,
    DEFINITION_MODELS,
    ONE_ON_ONE,
    Journal,
    model_class,
    review_model,
)
from leadwork.store.locate import nested_journals
from leadwork.store.names import misnamed
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.store.validation import Salvaged

_FOLDER_NAMES = {
    layout.CHECKINS: (layout.CHECKIN_NAME, "YYYY-Www.toml, like 2026-W48.toml"),
    layout.ONE_ON_ONES: (
        layout.ONE_ON_ONE_NAME,
        "YYYY-MM-DD-PERSON.toml, like 2026-11-24-maria.toml",
    ),
    layout.REVIEWS: (
        layout.REVIEW_NAME,
        "YYYY-MM-DD-strategy.toml or YYYY-MM-DD-capability-ID.toml",
    ),
}


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]  # errors, then warnings (`_errors_first`)
    notes: list[Note]
    counts: Counts | None = None  # what the journal holds, when every file could be read


@dataclass(frozen=True)
class Counts:
    checkins: int  # weeks whose check-in was done (domain.timeline.checkin_done)
    captures_only: int  # week files that hold only captured stories or conversations
    one_on_ones: int
    reviews: int
    readings_only: int = 0  # week files that hold readings but no check-in (imported, late)


class _Collector:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.problems: list[Problem] = []
        self.unchecked: list[str] = []  # invalid files the checks across files go without
        self.left_out: dict[str, list[KeyPath]] = {}  # values in error, by file
        # entries left out whole (an indicator without a valid `target`), by file
        self.salvaged: dict[str, Salvaged[Any]] = {}

    def load(self, rel: str, model: str) -> Any:
        """The file's model; for a file with values in error, the model without them, so the
        checks across files still run on the rest; None when even that cannot be had."""
        try:
            return self.journal.load(rel, model)
        except InvalidFile as error:
            self.problems.extend(error.problems)
        entries = rel in DEFINITION_MODELS and rel != layout.CONFIG
        salvaged = self.journal.salvage(rel, model_class(model), entries)
        if salvaged is None:
            self.unchecked.append(rel)
            return None
        self.left_out[rel] = salvaged.left_out
        if salvaged.dropped:
            self.salvaged[rel] = salvaged
        return salvaged.model

    def in_error(self) -> tuple[tuple[str, str], ...]:
        """(file, id) of each entry left out whole: its id is known, its entry in error."""
        return tuple(
            (rel, d.id) for rel, kept in self.salvaged.items() for d in kept.dropped if d.id
        )

    def in_file(self, finding: Finding) -> KeyPath:
        """The finding's path in its file, past the entries left out before it."""
        kept = self.salvaged.get(finding.file)
        return finding.path if kept is None else kept.in_file(finding.path)

    def waits(self, file: str, path: KeyPath) -> bool:
        """A finding inside an entry that lost a value: it may rest on a default that stands
        in for what was written (a change's target), so it waits for the file to be fixed."""
        return any(
            path[: len(entry)] == entry for entry in map(_entry, self.left_out.get(file, ()))
        )

    def ids_in_doubt(self, rel: str) -> bool:
        """Whether the file's errors may have taken ids with them (`_ids_in_doubt`), or an
        entry left out whole had no valid id to keep as known."""
        kept = self.salvaged.get(rel)
        return _ids_in_doubt(self.left_out.get(rel, [])) or (
            kept is not None and any(d.id is None for d in kept.dropped)
        )


def check_journal(journal: Journal, today: dt.date) -> CheckResult:
    """Every problem in the journal, and notes on what could not be checked. Reads, never
    writes."""
    collect = _Collector(journal)
    definitions: dict[str, Any] = {}
    for rel, model in DEFINITION_MODELS.items():
        if rel != layout.CONFIG and journal.absent(rel):
            definitions[rel] = journal.definition(rel)
            continue
        definitions[rel] = collect.load(rel, model)

    # First which files there are, from their names alone; then parse them all at once
    # (on both cores for a long journal); then validate each against its model.
    planned: list[tuple[str, str, Any]] = []  # (folder, rel, model)
    nested = _nested(journal, collect)
    for folder, (pattern, expected) in _FOLDER_NAMES.items():
        for name in _listing(journal, folder, collect):
            rel = f"{folder}/{name}"
            if not name.endswith(".toml"):
                continue
            match = pattern.match(name)
            if match is None and folder in nested:
                continue  # the nested journal's own files: its warning says it
            near = None if match else misnamed(journal, rel)
            if near is not None:  # meant as one: skipped, it would make every view wrong
                collect.problems.append(
                    Problem(
                        f"is not named {expected}, so leadwork skips this file",
                        file=journal.path(rel),
                        hint=near.hint(),
                    )
                )
                continue
            reason = f"is not named {expected}" if not match else _not_real(match[1])
            if reason or match is None:
                collect.problems.append(
                    Problem(
                        f"{reason}, so leadwork ignores this file",
                        file=journal.path(rel),
                        hint="rename it",
                        severity="warning",
                    )
                )
                continue
            folder_model = {layout.CHECKINS: CHECKIN, layout.ONE_ON_ONES: ONE_ON_ONE}.get(folder)
            planned.append((folder, rel, folder_model or review_model(match[2])))
    journal.prefetch([(rel, model) for _, rel, model in planned])

    checkins: dict[str, Checkin] = {}
    one_on_ones: dict[str, OneOnOne] = {}
    reviews: dict[str, Any] = {}
    by_folder: dict[str, dict[str, Any]] = {
        layout.CHECKINS: checkins,
        layout.ONE_ON_ONES: one_on_ones,
        layout.REVIEWS: reviews,
    }
    for folder, rel, model in planned:
        loaded_model = collect.load(rel, model)
        if loaded_model is not None:
            by_folder[folder][rel] = loaded_model

    loaded = Loaded(
        strategy=definitions[layout.STRATEGY],
        capabilities=definitions[layout.CAPABILITIES],
        indicators=definitions[layout.INDICATORS],
        team=definitions[layout.TEAM],
        checkins=checkins,
        one_on_ones=one_on_ones,
        reviews=reviews,
        conversation_kinds=_conversation_kinds(definitions[layout.CONFIG], collect),
        # a record read only in part (or not at all) would make the rules that judge one
        # record against earlier ones say what is not so: they wait until it is fixed
        complete=not any(
            rel.startswith((layout.CHECKINS + "/", layout.ONE_ON_ONES + "/"))
            for rel in [*collect.unchecked, *collect.left_out]
        ),
        in_error=collect.in_error(),
    )
    findings = journal_findings(loaded, today)
    # Gaps between the areas (warnings) only once the definitions are sound: a broken or
    # inconsistent definition file would make every gap a false alarm.
    strategy, capabilities, indicators = loaded.strategy, loaded.capabilities, loaded.indicators
    unsound = _unsound_for_gaps(journal, collect.problems, findings)
    if strategy is not None and capabilities is not None and indicators is not None:
        if unsound is None:
            findings += gaps(strategy, capabilities, indicators, today)
    else:
        unsound = None  # the note on the file that could not be read says it

    # The cause first: errors before warnings, each file's own before what the files say of
    # each other (`_errors_first`); and a finding that names an id of a definition file
    # whose errors may have taken ids with them (a misspelt [[people]] header empties the
    # team) is folded under them, counted.
    broken = [rel for rel in DEFINITION_MODELS if collect.ids_in_doubt(rel)]
    withheld: set[str] = set()
    folded: dict[str, int] = {}
    across: list[tuple[Problem, bool]] = []  # each with whether it names an unknown id
    for finding in findings:
        path = collect.in_file(finding)
        if collect.waits(finding.file, path):
            withheld.add(finding.file)
            continue
        cause = next((rel for rel in broken if rel in finding.refers_to), None)
        if cause is not None and cause != finding.file:
            folded[cause] = folded.get(cause, 0) + 1
            continue
        document = journal.document(finding.file)
        problem = document.problem(path, finding.message, finding.hint, finding.severity)
        across.append((problem, bool(finding.refers_to)))
    ran = sum(1 for c in checkins.values() if checkin_done(c))
    read = sum(1 for c in checkins.values() if checked_in(c)) - ran
    counts = Counts(ran, len(checkins) - ran - read, len(one_on_ones), len(reviews), read)
    notes = _notes(journal, collect, withheld)
    notes += [Note(journal.path(rel), "folded", count) for rel, count in folded.items()]
    if unsound is not None:
        notes.append(Note(journal.path(unsound), "gaps"))
    return CheckResult(_errors_first(sorted(collect.problems, key=_order), across), notes, counts)


def _errors_first(own: list[Problem], across: list[tuple[Problem, bool]]) -> list[Problem]:
    """The order `check` lists problems in (cli.md, "The cause first"): every error before
    any warning, so the first line is what fails the check (trial 19: with the example's
    standing warnings the one error came after seven of them); among the errors, and then
    among the warnings, each file's own first, then what the files say of each other, each
    part in file order. The uses of one unknown id stay together, listed with the errors
    when any of them is one (a `who` warning counted with an unknown person's uses)."""
    groups = _together(across)
    errors = [p for p in own if p.severity == "error"]
    errors += [p for group in groups if _has_error(group) for p in group]
    warnings = [p for p in own if p.severity != "error"]
    warnings += [p for group in groups if not _has_error(group) for p in group]
    return errors + warnings


def _has_error(group: list[Problem]) -> bool:
    return any(p.severity == "error" for p in group)


def _ids_in_doubt(left_out: list[KeyPath]) -> bool:
    """Whether the values a definition file lost to its errors may have held ids: a whole
    table or entry (a misspelt [[people]] header), or an id itself. A misspelt key inside
    an entry leaves its ids standing, and what is checked against them stays an error."""
    return any(len(path) <= 2 or path[-1] == "id" for path in left_out)


def _together(across: list[tuple[Problem, bool]]) -> list[list[Problem]]:
    """The problems across files in groups, in file order, each unknown id's uses one group (an id
    renamed in team.toml or removed from indicators.toml): every use is a problem of its
    own, so each place to edit is named and counted (eleventh trial: "1 error in 1 file"
    for 5 places in 4 files), the first one's hint saying how many more follow, and a use
    whose hint is the first's shown on one line (`Problem.again`)."""
    groups: dict[object, list[Problem]] = {}
    ordered = sorted(across, key=lambda item: _order(item[0]))
    for index, (problem, names_id) in enumerate(ordered):
        groups.setdefault(problem.message if names_id else index, []).append(problem)
    together: list[list[Problem]] = []
    for group in groups.values():
        first, rest = group[0], group[1:]
        if rest:
            more = f"the same in {plural(len(rest), 'more place')}, listed after this one"
            first = replace(first, hint=f"{first.hint} ({more})" if first.hint else more)
        together.append(
            [first]
            + [
                replace(p, again=p.hint == before.hint)
                for before, p in zip(group, rest, strict=False)
            ]
        )
    return together


def _conversation_kinds(config: Any, collect: _Collector) -> list[str] | None:
    """leadwork.toml's conversation kinds, or None when the file did not say them clearly
    (a broken list must not make every custom kind in the check-ins an error)."""
    if config is None:
        return None
    written = ("settings", "conversation_kinds")
    for path in collect.left_out.get(layout.CONFIG, ()):
        if path[: len(written)] == written[: len(path)]:
            return None
    return list(config.settings.conversation_kinds)


def _entry(path: KeyPath) -> KeyPath:
    """The entry of an array of tables that `path` lies in (("indicators", 2) for a change's
    target), or the path itself when it lies in none."""
    for index, part in enumerate(path):
        if isinstance(part, int):
            return path[: index + 1]
    return path


def _notes(journal: Journal, collect: _Collector, withheld: set[str]) -> list[Note]:
    notes = []
    for rel in collect.unchecked:
        if rel == layout.CONFIG:
            continue  # no other file refers to leadwork.toml, nor it to them
        kind: NoteKind = "definition" if rel in DEFINITION_MODELS else "file"
        notes.append(Note(journal.path(rel), kind))
    notes += [Note(journal.path(rel), "withheld") for rel in sorted(withheld)]
    return notes


_GAPS_READ = (layout.STRATEGY, layout.CAPABILITIES, layout.INDICATORS)


def _unsound_for_gaps(journal: Journal, problems: list[Problem], findings: list[Any]) -> str | None:
    """The first definition file the gaps between the areas are read from (strategy,
    capabilities, indicators) that is not sound enough to judge them on: with an error of
    its own, or one across files. None: the gaps can be judged. An error in team.toml, or
    an unknown person in them, leaves the gaps standing: people play no part in them
    (eleventh trial: a person's id changed in team.toml hid them; trial 20: so did
    `cadence_days = 0`)."""
    for rel in _GAPS_READ:
        path = journal.path(rel)
        if any(p.severity == "error" and p.file == path for p in problems) or any(
            f.severity == "error" and f.file == rel and f.refers_to != (layout.TEAM,)
            for f in findings
        ):
            return rel
    return None


def _nested(journal: Journal, collect: _Collector) -> set[str]:
    """Warn of each journal nested inside this one (moved or made there by mistake): its
    files are not this journal's, and every command run in its folder uses it instead
    (trial 23). Returns the folders that hold one."""
    found = nested_journals(journal.root)
    for folder in found:
        collect.problems.append(
            Problem(
                f"{folder}/ holds another journal (its own {layout.CONFIG}); its files are "
                "not part of this one, and every command run in that folder uses it instead",
                file=journal.path(f"{folder}/{layout.CONFIG}"),
                hint="move it out of this journal's folder, if it was put there by mistake",
                severity="warning",
            )
        )
    return set(found)


def _listing(journal: Journal, folder: str, collect: _Collector) -> list[str]:
    """The names in a folder, sorted; names, not Path objects: there may be thousands."""
    path = journal.path(folder)
    if journal.absent(folder):
        return []
    if not path.is_dir():
        collect.problems.append(
            Problem("is a file, but leadwork keeps a folder here", file=path, hint="move it away")
        )
        return []
    try:
        return sorted(name for name in os.listdir(path) if not name.startswith("."))
    except PermissionError:
        collect.problems.append(Problem("cannot be read: permission denied", file=path))
        return []


def _not_real(text: str) -> str | None:
    """Why the week or date in a file name does not exist, if it does not."""
    try:
        if "W" in text:
            Week.parse(text)
        else:
            dt.date.fromisoformat(text)
    except ValueError as error:
        return f"its name is not a real {'week' if 'W' in text else 'date'} ({error})"
    return None


def _order(problem: Problem) -> tuple[str, int, int]:
    return (str(problem.file or ""), problem.line or 0, problem.col or 0)
