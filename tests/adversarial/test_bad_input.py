"""Every kind of bad input, in the file it spoils, with every command that reads that file.

Each case makes the four checks of `assert_refused`: a message naming the file and the
line, a non-zero exit, no traceback, and nothing changed in or around the journal.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adversarial.cases import CASES, Case
from adversarial.harness import COMMANDS, Command, Snapshot, assert_refused

PAIRS = [
    pytest.param(case, command, id=f"{case.id}|{command.id}")
    for case in CASES
    for command in COMMANDS
    if command.reads_file(case.file)
]


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
