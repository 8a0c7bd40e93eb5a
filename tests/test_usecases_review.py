"""`usecases/review.py` called directly: a review prepared and recorded from a request and
a date, no CLI, no terminal (tests/test_usecases.py's way, for `leadwork review`)."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from leadwork.errors import UsageProblem, WriteRefused
from leadwork.store.journal import Journal
from leadwork.usecases import review

from conftest import EXAMPLE, tree_hash

TODAY = dt.date(2026, 11, 27)  # a Friday in 2026-W48, the example journal's latest week


def copy(tmp_path: Path) -> Path:
    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    return root


def test_a_strategy_review_is_prepared_then_recorded(tmp_path: Path):
    root = copy(tmp_path)
    prepared = review.run(Journal(root, cache=None), review.StrategyPrep(), TODAY)
    assert len(prepared.brief.signals) == 3 and prepared.brief.last_review == dt.date(2026, 7, 20)
    request = review.StrategyRequest(
        TODAY, participant=("Marcus", "Dale Jensen"), signal=(2,), changes="Faster quotes."
    )
    result = review.run(Journal(root, cache=None), request, TODAY)
    assert result.rel == "reviews/2026-11-27-strategy.toml" and result.written == (result.rel,)
    assert (result.offered, result.next_by) == (3, TODAY + dt.timedelta(weeks=26))
    written = tomllib.loads((root / result.rel).read_text(encoding="utf-8"))
    # a team member's name is kept as their id; anyone else as written
    assert written["participants"] == ["marcus", "Dale Jensen"]
    assert [a["week"] for a in written["answered"]] == [str(prepared.brief.signals[1].week)]
    again = review.run(Journal(root, cache=None), review.StrategyPrep(), TODAY)
    assert again.brief.last_review == TODAY and again.brief.signals == []


def test_a_capability_review_marks_its_steps_and_level_together(tmp_path: Path):
    root = copy(tmp_path)
    request = review.CapabilityRequest(
        "coaching-supervisors",
        TODAY,
        step_done=(2,),
        level=3,
        reason="Both supervisors run their own huddles now.",
        feedback=(review.Said("Marcus", "inside", "the huddles stick"),),
    )
    result = review.run(Journal(root, cache=None), request, TODAY)
    assert result.written == (result.rel, "capabilities.toml")
    assert [s.position for s in result.marked] == [2] and result.old_level == 2
    caps = tomllib.loads((root / "capabilities.toml").read_text(encoding="utf-8"))
    (cap,) = [c for c in caps["capabilities"] if c["id"] == "coaching-supervisors"]
    assert cap["level"] == 3 and cap["steps"][1]["done"] == TODAY
    written = tomllib.loads((root / result.rel).read_text(encoding="utf-8"))
    assert written["feedback"] == [{"who": "marcus", "side": "inside", "text": "the huddles stick"}]
    # the walk through every capability learns which were reviewed that day
    prepared = review.run(Journal(root, cache=None), review.CapabilityPrep(date=TODAY), TODAY)
    assert prepared.reviewed == {"coaching-supervisors": result.rel}
    assert len(prepared.briefs) == 5


def test_the_same_level_edits_no_capability_and_a_second_review_that_day_is_refused(
    tmp_path: Path,
):
    root = copy(tmp_path)
    before = (root / "capabilities.toml").read_bytes()
    request = review.CapabilityRequest("machinist-pipeline", TODAY, level=2)
    result = review.run(Journal(root, cache=None), request, TODAY)
    assert result.written == (result.rel,)
    assert (root / "capabilities.toml").read_bytes() == before
    hash_after = tree_hash(root)
    with pytest.raises(WriteRefused, match="already exists: one review of it a day"):
        review.check(Journal(root, cache=None), request, TODAY)
    with pytest.raises(WriteRefused):
        review.run(Journal(root, cache=None), request, TODAY)
    assert tree_hash(root) == hash_after


@pytest.mark.parametrize(
    ("request_", "given", "message"),
    [
        (review.StrategyRequest(TODAY, signal=(7,)), "signal", "there is no signal 7"),
        (review.StrategyRequest(TODAY, participant=("marcs",)), "participant", "marcs"),
        (review.StrategyRequest(dt.date(2026, 11, 28)), "date", "is after today"),
        (review.CapabilityRequest("coaching-supervisor", TODAY), "capability_id", "no capability"),
        (
            review.CapabilityRequest("coaching-supervisors", TODAY, step_done=(1,)),
            "step_done",
            "step 1 of 'coaching-supervisors' is already done",
        ),
        (
            review.CapabilityRequest("coaching-supervisors", TODAY, step_done=(9,)),
            "step_done",
            "has no step 9",
        ),
        (
            review.CapabilityRequest("coaching-supervisors", TODAY, level=4),
            "reason",
            "the level changes from 2 to 4",
        ),
    ],
)
def test_a_refused_request_names_its_field_and_writes_nothing(
    tmp_path: Path, request_, given, message
):
    root = copy(tmp_path)
    before = tree_hash(root)
    with pytest.raises(UsageProblem, match=message) as raised:
        review.run(Journal(root, cache=None), request_, TODAY)
    problem = raised.value.problems[0]
    assert problem.given == given
    assert "--" not in problem.message, "the core words a value without its flag"
    assert tree_hash(root) == before


def test_check_refuses_before_an_interview_but_leaves_the_reason_to_it(tmp_path: Path):
    root = copy(tmp_path)
    journal = Journal(root, cache=None)
    review.check(journal, review.CapabilityRequest("coaching-supervisors", TODAY, level=4), TODAY)
    with pytest.raises(UsageProblem) as raised:
        review.check(journal, review.StrategyRequest(TODAY, signal=(4,)), TODAY)
    assert raised.value.problems[0].given == "signal"
