"""Every kind of bad input, in the file it spoils: every case where the whole journal is
loaded, and each command shown to read each of its files through the same loader.

Each case makes the four checks of `assert_refused`: a message naming the file and the
line, a non-zero exit, no traceback, and nothing changed in or around the journal.

Which (case, command) runs: every command reads its files through one loader
(`leadwork.store.journal.Journal`, or `store.edit.edit_file` for a file it edits, both over
`store.document.read_text`/`parse` and `store.validation.validate`), so a bad file is
refused the same way whichever command meets it. So:

- every case with `check` and `check --format json`, which load every file (the loader,
  case by case, with its messages and lines in text and in JSON);
- every case in a file a command edits, with that command (the edit re-reads the file);
- every "journal" case (files that disagree) with every command that reads the file: it
  reaches each command's own code, past the loader;
- and every other command with one case of each file it reads, the cases taken in turn, so
  that each (command, file) is shown to go through the loader, with a different case each.

That is every case kept, and the table of who reads what kept, in about a third of the
2,770 runs the whole grid (every case x every reader) took.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adversarial.cases import CASES, Case
from adversarial.harness import COMMANDS, FILES, Command, Snapshot, assert_refused


def _runs() -> list[tuple[Case, Command]]:
    runs = []
    for case in CASES:
        for command in COMMANDS:
            if command.reads_file(case.file) and (
                command.cross_checks or case.scope == "journal" or case.file in command.writes
            ):
                runs.append((case, command))
    for file in FILES:
        cases = [case for case in CASES if case.file == file and case.scope == "file"]
        readers = [
            command
            for command in COMMANDS
            if command.reads_file(file) and not command.cross_checks and file not in command.writes
        ]
        runs += [(cases[n % len(cases)], command) for n, command in enumerate(readers)]
    return runs


RUNS = _runs()
PAIRS = [pytest.param(case, command, id=f"{case.id}|{command.id}") for case, command in RUNS]


def test_every_case_runs_where_every_file_is_loaded_and_every_reader_meets_its_files():
    checkers = [command for command in COMMANDS if command.cross_checks]
    assert {command.argv for command in checkers} == {("check",), ("check", "--format", "json")}
    assert all(c.reads_file(f) for c in checkers for f in FILES)
    for checker in checkers:
        assert {case for case, command in RUNS if command == checker} == set(CASES)
    # each (command, file it reads): at least one case of that file
    met = {(command, case.file) for case, command in RUNS}
    assert met == {(c, f) for c in COMMANDS for f in FILES if c.reads_file(f)}
    # the file a command edits: every case of it
    for command in COMMANDS:
        for file in set(command.writes) & set(FILES):
            assert {case for case, c in RUNS if c == command} >= {
                case for case in CASES if case.file == file
            }


def test_every_file_has_cases_and_a_reader():
    files = {case.file for case in CASES}
    assert len(files) == 8
    assert all(any(c.reads_file(f) for c in COMMANDS) for f in files)


@pytest.mark.parametrize(("case", "command"), PAIRS)
def test_bad_input_is_refused_clearly(journal: Path, run, case: Case, command: Command):
    path = journal / case.file
    bad, line = case.make(path.read_bytes())
    path.write_bytes(bad)
    snapshot = Snapshot.take(journal)
    result = run(*command.argv, journal=journal, env=command.environ())
    if case.scope == "file" or command.cross_checks:
        assert_refused(result, snapshot, case.file, line, case.message)
    else:  # files that disagree: shown as they are, but never a crash or a stray write
        # (a command whose flags meet the disagreement may refuse them: exit 2, as
        # `indicator change --target 96` does when the file's celebrate is already below it)
        assert result.exit_code in (0, 1, 2), result
        assert "Traceback" not in result.output
        written = command.writes if result.exit_code == 0 else ()
        changes = snapshot.changes()
        stray = [c for c in changes if not any(re.search(rf"[ /]{rel} ", c) for rel in written)]
        assert stray == []
