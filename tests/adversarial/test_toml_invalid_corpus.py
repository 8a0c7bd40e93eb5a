"""Every invalid TOML file of the TOML project's own test suite, in place of every journal
file: a clean error naming that file and a line, a non-zero exit, no traceback, and a
journal byte-for-byte unchanged.

The corpus lives beside the clone in ../shared/corpus/toml-invalid/ (MIT licence there);
it is read from there, never copied into the project.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHARED, tree_hash
from journals import SMALL_JOURNAL, write_small_journal

CORPUS = SHARED / "corpus" / "toml-invalid"
CASES = sorted(p for p in CORPUS.rglob("*.toml")) if CORPUS.is_dir() else []
TARGETS = ["leadwork.toml", *SMALL_JOURNAL]
COMMANDS = [["check"]]

pytestmark = pytest.mark.skipif(
    not CASES, reason=f"the invalid-TOML corpus is not at {CORPUS} (CI has it beside the clone)"
)


def test_the_corpus_is_complete():
    assert len(CASES) == 509


@pytest.fixture
def journal(fresh_journal: Path, monkeypatch) -> Path:
    monkeypatch.chdir(fresh_journal)
    return write_small_journal(fresh_journal)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("target", TARGETS)
def test_every_invalid_file_in_every_place(journal: Path, run, target: str, command: list[str]):
    path = journal / target
    original = path.read_bytes()
    failures = []
    for case in CASES:
        path.write_bytes(case.read_bytes())
        before = tree_hash(journal)
        result = run(*command, journal=journal)
        located = re.search(rf"^{re.escape(target)}:\d+:\d+: error: ", result.stderr, re.M)
        problems = []
        if result.exit_code == 0:
            problems.append("exit 0")
        if not located:
            problems.append("no FILE:LINE:COL error for the file")
        if "Traceback" in result.output:
            problems.append("traceback")
        if tree_hash(journal) != before:
            problems.append("journal changed")
        if problems:
            failures.append(f"{case.relative_to(CORPUS)}: {', '.join(problems)}\n{result.stderr}")
    path.write_bytes(original)
    assert not failures, f"{len(failures)} of {len(CASES)} cases failed:\n" + "\n".join(
        failures[:5]
    )
