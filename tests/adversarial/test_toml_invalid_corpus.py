"""Every invalid TOML file of the TOML project's own test suite, in place of every journal
file: a clean error naming that file and a line, a non-zero exit, no traceback, and a
journal byte-for-byte unchanged.

The corpus lives beside the clone in ../shared/corpus/toml-invalid/ (MIT licence there);
it is read from there, never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adversarial.harness import COMMANDS, FILES, Snapshot, refusal_problems

from conftest import SHARED

CORPUS = SHARED / "corpus" / "toml-invalid"
CASES = sorted(p for p in CORPUS.rglob("*.toml")) if CORPUS.is_dir() else []
# Every (file, command that reads it) pair of the adversarial table, one way of running
# each command (its first line in the table): the other ways share its reading path.
# `check` gets all 509 files in every place; the other commands, which read through the
# same `store.document.read_document`, get every 10th (51 files, the same each run), so
# the suite stays minutes, not most of an hour (43 pairs x 509 took about 25 minutes).
FIRST_WAY = list({command.argv[0]: command for command in reversed(COMMANDS)}.values())
PAIRS = [
    pytest.param(file, command, id=f"{file}|{command.id}")
    for file in FILES
    for command in FIRST_WAY
    if command.reads_file(file)
]
SAMPLE = CASES[::10]

pytestmark = pytest.mark.skipif(
    not CASES, reason=f"the invalid-TOML corpus is not at {CORPUS} (CI has it beside the clone)"
)


def test_the_corpus_is_complete():
    assert len(CASES) == 509


_ANY_LINE = -1  # refusal_problems: a FILE:LINE:COL error, whatever the line


@pytest.mark.parametrize(("target", "command"), PAIRS)
def test_every_invalid_file_in_every_place(journal: Path, run, target: str, command):
    path = journal / target
    failures = []
    cases = CASES if command.argv[0] == "check" else SAMPLE
    for case in cases:
        path.write_bytes(case.read_bytes())
        snapshot = Snapshot.take(journal)
        result = run(*command.argv, journal=journal, env=command.environ())
        # Every corpus file is invalid TOML, so the error always has a line to point at.
        problems = refusal_problems(result, snapshot, target, line=_ANY_LINE)
        if problems:
            failures.append(f"{case.relative_to(CORPUS)}: {', '.join(problems)}\n{result.stderr}")
    assert not failures, f"{len(failures)} of {len(cases)} cases failed:\n" + "\n".join(
        failures[:5]
    )
