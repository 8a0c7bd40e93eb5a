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
    assert changed.described == "target 2 → 2.5"
    assert (root / "indicators.toml").read_text(encoding="utf-8") == changed.new
    with pytest.raises(UsageProblem, match=r"^'up' must be 'higher' or 'lower'"):
        indicator_write.run(Journal(root, cache=None), replace(add, direction="up"), TODAY)
