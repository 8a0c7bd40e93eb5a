"""The bundled example journal: every file validates, and it tells the story it promises."""

import itertools
from pathlib import Path

import pytest

from leadwork.store.journal import DEFINITION_MODELS, Journal

from conftest import EXAMPLE

# The example shows each traceability gap once (issue 9): these warnings, and nothing else.
# (Line 1 of every file is its #:schema line.)
EXAMPLE_WARNINGS = [
    "capabilities.toml:8:1: warning: capability 'quality-at-scale' has no plan step ahead "
    "(level 3, target 4)",
    "capabilities.toml:63:1: warning: capability 'machinist-pipeline': no indicator tracks it",
    "capabilities.toml:113:1: warning: capability 'coaching-supervisors': no indicator tracks it",
    "indicators.toml:134:1: warning: indicator 'overtime-hours' serves nothing",
    "indicators.toml:134:1: warning: indicator 'overtime-hours' has no owner",
    "indicators.toml:134:1: warning: indicator 'overtime-hours' has no agreed date",
    "strategy.toml:33:1: warning: strategic choice 'one-northfield': no capability serves it",
]


def test_example_checks_clean_with_only_its_traceability_warnings(run, monkeypatch):
    monkeypatch.chdir(EXAMPLE)
    result = run("check", journal=EXAMPLE)
    assert result.exit_code == 0, result
    headers = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert headers == EXAMPLE_WARNINGS
    assert "error" not in result.stderr
    assert result.stderr.rstrip().endswith("7 warnings in 3 files")


@pytest.mark.parametrize(
    "rel",
    sorted(
        p.relative_to(EXAMPLE).as_posix()
        for p in EXAMPLE.rglob("*.toml")
        if p.name != ".taplo.toml"  # editor support (tests/test_schema.py), not a journal file
    ),
)
def test_every_example_file_validates(rel):
    journal = Journal(EXAMPLE)
    if rel in DEFINITION_MODELS:
        journal.load(rel, DEFINITION_MODELS[rel])
    elif rel.startswith("checkins/"):
        from leadwork.weeks import Week

        assert journal.checkin(Week.parse(Path(rel).stem)) is not None
    elif rel.startswith("one-on-ones/"):
        [entry] = [e for e in journal.one_on_one_entries() if e.rel == rel]
        journal.one_on_one(entry)
    else:
        [entry] = [e for e in journal.review_entries() if e.rel == rel]
        journal.review(entry)


def test_example_has_the_promised_shape():
    journal = Journal(EXAMPLE)
    defs = journal.definitions()
    assert 3 <= len(defs.strategy.choices) <= 5
    assert 4 <= len(defs.capabilities.capabilities) <= 6
    assert {c.kind for c in defs.capabilities.capabilities} == {"organizational", "individual"}
    assert 6 <= len(defs.indicators.indicators) <= 10
    assert 4 <= len(defs.team.people) <= 6
    weeks = journal.checkin_weeks()
    assert len(weeks) >= 16
    assert all(b.weeks_since(a) == 1 for a, b in itertools.pairwise(weeks))
    assert journal.one_on_one_entries()


def test_ci_runs_exactly_the_readmes_test_command():
    """CI proves what a new user is told: the README's second command is `.ci/run`'s."""
    root = Path(__file__).parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0].strip() for block in readme.split("```sh\n")[1:3]]
    install_and_show, install_and_test = blocks
    assert "leadwork --journal examples/northfield dashboard" in install_and_show
    ci_lines = (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in ci_lines if line.strip() and not line.startswith(("#", "set "))]
    assert commands[-1] == install_and_test
