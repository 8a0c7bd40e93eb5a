"""The bundled example journal: every file validates, and it tells the story it promises."""

import itertools
from pathlib import Path

import pytest

from leadwork.store.journal import DEFINITION_MODELS, Journal

from conftest import EXAMPLE


def test_example_checks_clean_without_warnings(run):
    result = run("check", journal=EXAMPLE)
    assert result.exit_code == 0, result
    assert result.stderr == ""


@pytest.mark.parametrize(
    "rel", sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*.toml"))
)
def test_every_example_file_validates(rel):
    journal = Journal(EXAMPLE)
    if rel in DEFINITION_MODELS:
        journal.load(rel, DEFINITION_MODELS[rel])
    elif rel.startswith("checkins/"):
        from leadwork.domain.weeks import Week

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
