"""The use cases called directly: a request and `today` in, data out; no CLI, no terminal.

Each command that reads the journal is `run(journal, request, today)` in
`leadwork.usecases.<family>` (docs/architecture.md, "Add a command"); the CLI only turns
flags into the request and hands the result to `cli/output.emit`.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from leadwork.errors import InvalidFile, UsageProblem
from leadwork.store.journal import Journal
from leadwork.usecases import (
    capability,
    check,
    commitments,
    dashboard,
    indicator,
    reflect,
    report,
)
from leadwork.usecases import map as map_usecase
from leadwork.weeks import Week

from conftest import EXAMPLE

TODAY = dt.date(2026, 11, 27)  # a Friday in 2026-W48, the example journal's latest week
W48 = Week(2026, 48)


def journal() -> Journal:
    return Journal(EXAMPLE, cache=None)


def test_the_dashboard_stands_on_the_week_asked_for_or_the_current_one():
    now = dashboard.run(journal(), dashboard.Request(), TODAY)
    assert now.dashboard.week == W48 and now.doubtful == ()
    earlier = dashboard.run(journal(), dashboard.Request(Week(2026, 40)), TODAY)
    assert earlier.dashboard.week == Week(2026, 40)


def test_the_dashboard_refuses_a_week_not_yet_begun():
    with pytest.raises(UsageProblem):
        dashboard.run(journal(), dashboard.Request(Week(2026, 49)), TODAY)


def test_indicator_list_filters_by_owner_and_hides_the_retired():
    everyone = indicator.run(journal(), indicator.ListRequest(), TODAY)
    assert everyone.seen_from == "2026-W48"
    assert everyone.views and all(v.active for v in everyone.views)
    priyas = indicator.run(journal(), indicator.ListRequest(owner="priya"), TODAY)
    assert priyas.views and {v.indicator.owner for v in priyas.views} == {"priya"}
    assert len(priyas.views) < len(everyone.views)


def test_an_unknown_owner_or_id_names_what_there_is():
    with pytest.raises(UsageProblem, match="no person with id 'pryia'") as raised:
        indicator.run(journal(), indicator.ListRequest(owner="pryia"), TODAY)
    assert raised.value.problems[0].hint == "did you mean 'priya'?"
    with pytest.raises(UsageProblem, match="no indicator with id"):
        indicator.run(journal(), indicator.ShowRequest("nothing-like-it"), TODAY)
    with pytest.raises(UsageProblem, match="no capability with id"):
        capability.run(journal(), capability.ShowRequest("nothing-like-it"), TODAY)


def test_indicator_show_is_the_listed_view_of_that_indicator():
    shown = indicator.run(journal(), indicator.ShowRequest("greenville-otd"), TODAY)
    listed = indicator.run(journal(), indicator.ListRequest(), TODAY)
    (same,) = [v for v in listed.views if v.indicator.id == "greenville-otd"]
    assert shown.view == same


def test_capability_list_and_show_agree():
    listed = capability.run(journal(), capability.ListRequest(), TODAY)
    first = listed.views[0]
    shown = capability.run(journal(), capability.ShowRequest(first.capability.id), TODAY)
    assert shown.view == first


def test_report_covers_the_range_asked_for():
    result = report.run(journal(), report.Request(Week(2026, 36), W48), TODAY)
    assert (result.first, result.last) == (Week(2026, 36), W48)
    assert result.report.first == Week(2026, 36) and result.report.weeks == 13
    assert result.report.checkin_weeks


def test_reflect_names_the_leader_only_when_signed():
    request = reflect.Request(Week(2026, 36), W48)
    unsigned = reflect.run(journal(), request, TODAY)
    assert unsigned.who == "" and len(unsigned.reflection.weeks) == 13
    signed = reflect.run(journal(), reflect.Request(Week(2026, 36), W48, signed=True), TODAY)
    assert signed.who.startswith(journal().config().leader)


def test_map_statuses_are_those_of_the_indicator_list():
    chain = map_usecase.run(journal(), map_usecase.Request(), TODAY).chain
    assert chain.week == W48
    links = [
        link
        for choice in chain.choices
        for links in (choice.indicators, *(c.indicators for c in choice.capabilities))
        for link in links
    ]
    listed = indicator.run(journal(), indicator.ListRequest(), TODAY)
    status = {v.indicator.id: v.track.now.status for v in listed.views}
    assert links and all(link.status == status[link.indicator.id] for link in links)


def test_commitments_are_measured_from_today():
    result = commitments.run(journal(), commitments.Request(), TODAY)
    assert result.today == TODAY and result.commitments
    overdue = [c for c in result.commitments if c.due is not None and c.due < TODAY]
    assert overdue and result.commitments[: len(overdue)] == overdue  # overdue ones first


def test_check_passes_the_example_and_fails_a_warning_only_when_strict(tmp_path: Path):
    result = check.run(journal(), check.Request(), TODAY)
    assert result.passed and result.check.counts is not None
    strict = check.run(journal(), check.Request(strict=True), TODAY)
    assert strict.failing == tuple(strict.check.problems)


def test_a_reader_refuses_an_id_used_twice_and_names_doubtful_files(tmp_path: Path):
    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    team = root / "team.toml"
    text = team.read_text(encoding="utf-8")
    start = text.index("[[people]]")
    team.write_text(text + "\n" + text[start : text.index("[[people]]", start + 1)])
    with pytest.raises(InvalidFile):
        commitments.run(Journal(root, cache=None), commitments.Request(), TODAY)


def test_a_story_is_added_to_the_week_once(tmp_path: Path):
    from leadwork.usecases import capture

    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    request = capture.StoryRequest("Priya's crew ran the audit", W48, who="priya")
    first = capture.run(Journal(root, cache=None), request, TODAY)
    assert (first.kind, first.outcome, first.rel) == ("story", "amended", "checkins/2026-W48.toml")
    assert first.written == (first.rel,)
    again = capture.run(Journal(root, cache=None), request, TODAY)
    assert again.outcome == "unchanged" and again.written == () and again.count == first.count


def test_a_conversation_with_an_unknown_kind_names_the_flag_and_writes_nothing(tmp_path: Path):
    from leadwork.usecases import capture

    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    before = (root / "checkins" / "2026-W48.toml").read_bytes()
    request = capture.ConversationRequest("They want it sooner", "custmer", W48)
    with pytest.raises(UsageProblem, match=r"^unknown kind of conversation 'custmer'") as raised:
        capture.run(Journal(root, cache=None), request, TODAY)
    # The use case names the journal's word for the value; the CLI puts the flag first.
    assert raised.value.problems[0].given == "with"
    assert (root / "checkins" / "2026-W48.toml").read_bytes() == before


def test_an_indicator_added_then_changed_keeps_the_file_and_says_what_changed(tmp_path: Path):
    from leadwork.usecases import indicator_write

    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    add = indicator_write.AddRequest(
        id="scrap-rate",
        name="Dayton scrap rate",
        owner="priya",
        direction="lower",
        target=2.0,
        celebrate=1.5,
        course_correct=3.0,
        agreed_on=TODAY,
        unit="%",
    )
    added = indicator_write.run(Journal(root, cache=None), add, TODAY)
    assert added.indicator.agreed_with == ["priya"]  # the owner agreed it, by default
    assert added.new.startswith(added.old) and "scrap-rate" in added.new[len(added.old) :]
    change = indicator_write.ChangeRequest("scrap-rate", since=TODAY, target=2.5)
    changed = indicator_write.run(Journal(root, cache=None), change, TODAY)
    assert changed.described == "target 2% → 2.5%"
    assert (root / "indicators.toml").read_text(encoding="utf-8") == changed.new
    with pytest.raises(UsageProblem, match=r"^'up' must be 'higher' or 'lower'"):
        indicator_write.run(Journal(root, cache=None), replace(add, direction="up"), TODAY)


NEXT = dt.date(2026, 12, 4)  # a Friday in 2026-W49, the week after the example's last


def copy(tmp_path: Path) -> Path:
    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    return root


def test_a_checkin_writes_the_week_and_the_step_done_and_says_what_it_wrote(tmp_path: Path):
    from leadwork.usecases import checkin

    root = copy(tmp_path)
    request = checkin.CheckinRequest(
        Week(2026, 49),
        reading=("dayton-scrap=2.9",),
        done=("1",),
        commitment=("Walk line 3 with Priya",),
        step_done=("coaching-supervisors:2",),
    )
    result = checkin.run(Journal(root, cache=None), request, NEXT)
    assert result.saved.outcome == "created" and result.saved.rel == "checkins/2026-W49.toml"
    assert result.written == ("checkins/2026-W49.toml", "capabilities.toml")
    assert [(s.capability.id, on) for s, on in result.marked] == [
        ("coaching-supervisors", dt.date(2026, 12, 4))
    ]
    written = Journal(root, cache=None).checkin(Week(2026, 49))
    assert written is not None and written.readings == {"dayton-scrap": 2.9}
    assert [c.text for c in written.commitments] == ["Walk line 3 with Priya"]
    assert [f.outcome for f in written.last_week] == ["done"]
    assert result.saved.merged.follow_up_rate.done == 1 and not result.interviewed
    # The same again: nothing to write, and the step is no longer open.
    again = checkin.run(Journal(root, cache=None), replace(request, step_done=()), NEXT)
    assert again.saved.outcome == "unchanged" and again.written == ()


@pytest.mark.parametrize(
    ("flags", "given", "message"),
    [
        (
            {"reading": ("dayton-scrap=abc",)},
            "reading",
            "'dayton-scrap=abc': 'abc' is not a number",
        ),
        ({"reading": ("dayton-scarp=3",)}, "reading", "unknown indicator 'dayton-scarp'"),
        ({"hours": ("other=3", "other=4")}, "hours", "other is given twice"),
        ({"done": ("9",)}, "done", "'9' is not one of last week's commitments"),
        ({"step_done": ("coaching-supervisors",)}, "step_done", "is not CAPABILITY:N"),
        ({"story_who": "priya"}, "story_who", "describes a story, and no story is given"),
        ({"conversation": ("x",)}, "conversation_with", "a conversation needs the kind"),
        ({"story": ("x",), "story_choice": "grow-medicl"}, "story_choice", "unknown strategic"),
    ],
)
def test_a_checkin_refused_writes_nothing_and_names_the_field(tmp_path, flags, given, message):
    from leadwork.usecases import checkin

    from conftest import tree_hash

    root = copy(tmp_path)
    before = tree_hash(root)
    request = checkin.CheckinRequest(Week(2026, 49), commitment=("Walk line 3",), **flags)
    with pytest.raises(UsageProblem) as raised:
        checkin.run(Journal(root, cache=None), request, NEXT)
    problem = raised.value.problems[0]
    assert problem.given == given and message in problem.message
    assert "--" not in problem.message  # the CLI names the flag, not the use case
    assert tree_hash(root) == before


def test_the_interview_is_prepared_and_its_answers_are_recorded_and_the_draft_dropped(
    tmp_path: Path,
):
    from leadwork.domain.checkin import Answers
    from leadwork.usecases import checkin

    root = copy(tmp_path)
    request = checkin.CheckinRequest(Week(2026, 49), hours=("other=4",))
    questions = checkin.prepare(Journal(root, cache=None), request, NEXT)
    assert questions.rel == "checkins/2026-W49.toml" and questions.current is None
    assert questions.previous_week == W48 and questions.previous is not None
    assert "hours:other" in questions.flagged.keys and questions.flagged.answers.hours == {
        "other": 4
    }
    assert {q.indicator.id for q in questions.readings} >= {"dayton-scrap"}
    answers = checkin.overlay(Answers(readings={"dayton-scrap": 3}), questions.flagged.answers)
    checkin.save_draft(Journal(root, cache=None), Week(2026, 49), ["reading:dayton-scrap"], answers)
    # A run without the interview leaves the draft and says it is there.
    kept = checkin.run(Journal(root, cache=None), request, NEXT)
    assert kept.kept_draft is not None and (root / kept.kept_draft).is_file()
    done = checkin.run(Journal(root, cache=None), replace(request, gathered=answers), NEXT)
    assert done.interviewed and done.kept_draft is None
    assert not (root / kept.kept_draft).exists()
    written = Journal(root, cache=None).checkin(Week(2026, 49))
    assert written is not None and written.readings == {"dayton-scrap": 3}
