"""`leadwork one-on-one`'s use case called directly (`usecases/one_on_one.py`): a request
and `today` in, data out; no CLI, no terminal, no interview. The answers are data, as the
flags or the interview give them (tests/test_usecases.py has the other commands')."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from leadwork.domain.one_on_one import Answers, FollowUpAnswer, NewCommitment, PlanAnswer
from leadwork.errors import UsageProblem
from leadwork.store.journal import Journal
from leadwork.usecases import one_on_one

from conftest import EXAMPLE, tree_hash

TODAY = dt.date(2026, 11, 27)  # a Friday in 2026-W48, the example journal's latest week


def copy(tmp_path: Path) -> Path:
    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    return root


def answers(**given: object) -> Answers:
    """What marcus's one-on-one needs: a word on dayton-scrap (course-correct, no plan) and
    an outcome for last time's two commitments; `given` adds or replaces."""
    base = Answers(
        progress="Scrap jumped with the first Allegheny lots.",
        plans=[PlanAnswer("dayton-scrap", "Quarantine the heat lots")],
        follow_ups=[FollowUpAnswer(1, "done"), FollowUpAnswer(2, "dropped")],
    )
    for name, value in given.items():
        setattr(base, name, value)
    return base


def test_the_preparation_is_of_the_person_on_the_day(tmp_path: Path):
    prepared = one_on_one.run(
        Journal(copy(tmp_path), cache=None), one_on_one.PrepRequest("marcus"), TODAY
    )
    prep = prepared.prep
    assert (prep.person.id, prep.date) == ("marcus", TODAY)
    assert [c.number for c in prep.commitments] == [1, 2]
    assert any(v.indicator.id == "dayton-scrap" and v.plan_missing for v in prep.indicators)
    assert prepared.choices == ()  # read only to record


def test_recording_writes_the_meeting_and_says_what_it_wrote(tmp_path: Path):
    root = copy(tmp_path)
    request = one_on_one.RecordRequest(
        "marcus",
        answers(
            celebrate="The night shift caught a bad lot.",
            story_choice="quality-first",
            story_who="Marcus",  # a name: kept as the team id
            commitments=[NewCommitment("them", "Audit the second shift", dt.date(2026, 12, 11))],
        ),
    )
    recorded = one_on_one.run(Journal(root, cache=None), request, TODAY)
    assert recorded.rel == "one-on-ones/2026-11-27-marcus.toml"
    assert recorded.story == "checkins/2026-W48.toml"
    assert recorded.written == (recorded.rel, recorded.story)
    assert recorded.answers.story_who == "marcus"
    assert [(f.outcome, old.number) for f, old in recorded.followed] == [
        ("done", 1),
        ("dropped", 2),
    ]
    text = (root / recorded.rel).read_text(encoding="utf-8")
    assert "Quarantine the heat lots" in text and "Audit the second shift" in text
    assert recorded.meeting.person == "marcus" and recorded.meeting.date == TODAY


def test_a_refusal_writes_nothing_and_names_each_answer_it_is_about(tmp_path: Path):
    root = copy(tmp_path)
    before = tree_hash(root)
    request = one_on_one.RecordRequest(
        "marcus",
        answers(
            plans=[PlanAnswer("nope", "x"), PlanAnswer("dayton-scrap", None)],
            follow_ups=[FollowUpAnswer(9, "done")],
            commitments=[NewCommitment("me", "Send the numbers", dt.date(2026, 11, 20))],
        ),
    )
    with pytest.raises(UsageProblem) as raised:
        one_on_one.run(Journal(root, cache=None), request, TODAY)
    given = {p.message.split(" (")[0]: p.given for p in raised.value.problems}
    assert given["unknown indicator 'nope'"] == "plan"
    assert given["there is no commitment 9 from last time"] == "done"
    assert given['"Send the numbers": the due date 2026-11-20 is in the past'] == "mine"
    assert not any("--" in p.message for p in raised.value.problems)  # the CLI names flags
    assert tree_hash(root) == before
    # What is given is right, but not all the record needs: what is missing, by answer.
    missing = one_on_one.RecordRequest("marcus", answers(plans=[]))
    with pytest.raises(UsageProblem) as raised:
        one_on_one.run(Journal(root, cache=None), missing, TODAY)
    assert raised.value.problems[0].given == "plan"
    assert "Dayton scrap rate is course-correct" in raised.value.problems[0].message
    assert tree_hash(root) == before


def test_problems_are_what_is_wrong_before_anything_is_asked(tmp_path: Path):
    journal = Journal(copy(tmp_path), cache=None)
    prepared = one_on_one.run(journal, one_on_one.PrepRequest("marcus", to_record=True), TODAY)
    request = one_on_one.RecordRequest("marcus", Answers(story_choice="qualty-first"))
    found = one_on_one.problems(prepared, request)
    assert [p.given for p in found] == ["story_choice", "story_choice"]
    assert "did you mean 'quality-first'?" in (found[1].hint or "")
    assert one_on_one.problems(prepared, one_on_one.RecordRequest("marcus", Answers())) == []


def test_a_meeting_after_today_or_before_a_recorded_one_is_refused(tmp_path: Path):
    journal = Journal(copy(tmp_path), cache=None)
    later = one_on_one.PrepRequest("marcus", TODAY + dt.timedelta(days=3), to_record=True)
    with pytest.raises(UsageProblem, match="recorded only once it has happened") as raised:
        one_on_one.run(journal, later, TODAY)
    assert raised.value.problems[0].given == "date"
    assert one_on_one.run(journal, one_on_one.PrepRequest("marcus", later.date), TODAY)
    earlier = one_on_one.RecordRequest("marcus", answers(), date=dt.date(2026, 11, 1))
    with pytest.raises(UsageProblem, match="one-on-ones are recorded in order"):
        one_on_one.run(journal, earlier, TODAY)


def test_the_leader_and_an_unknown_person_name_the_person(tmp_path: Path):
    journal = Journal(copy(tmp_path), cache=None)
    for person in ("me", "Marcus"):
        with pytest.raises(UsageProblem) as raised:
            one_on_one.run(journal, one_on_one.PrepRequest(person), TODAY)
        assert raised.value.problems[0].given == "person"


def test_who_is_due_most_overdue_first(tmp_path: Path):
    due = one_on_one.run(Journal(copy(tmp_path), cache=None), one_on_one.DueRequest(), TODAY)
    assert due.today == TODAY and set(due.people) >= {c.person for c in due.listed}
    overdue = [c.days_overdue for c in due.listed]
    assert overdue == sorted(overdue, reverse=True)
