"""Two one-on-ones with one person on one day (trial 13): `2026-12-09-ben.toml`, then
`2026-12-09-ben-2.toml`. Every reader takes them in that order (`layout.dated_order`):
sorted as text, `-2` came first (`-` before `.`), so `check` warned that every follow-up
after them answered nothing, the report counted them unmatched, and the dashboard showed
the morning's commitments as still open."""

from __future__ import annotations

import json
from pathlib import Path

from leadwork.layout import dated_order

from conftest import Run


def record(run: Run, journal: Path, day: str, *flags: str) -> None:
    result = run(
        "one-on-one", "ben", "--no-input", "--date", day, *flags,
        journal=journal, env={"LEADWORK_TODAY": day},
    )  # fmt: skip
    assert result.exit_code == 0, result


def test_the_second_meeting_of_a_day_comes_after_the_first_in_every_view(
    tmp_path: Path, run: Run
) -> None:
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Ana Costa").exit_code == 0
    (journal / "team.toml").write_text('[[people]]\nid = "ben"\nname = "Ben Walsh"\n')
    record(run, journal, "2026-12-02", "--theirs", "Falls review", "--mine", "Bed alarms")
    record(run, journal, "2026-12-09", "--done", "1,2", "--theirs", "Rounding audit",
           "--mine", "2026-12-15=Chase estates")  # fmt: skip
    record(run, journal, "2026-12-09", "--done", "1,2", "--theirs", "Datix follow-up")
    assert (journal / "one-on-ones" / "2026-12-09-ben-2.toml").exists()

    checked = run("check", "--strict", journal=journal, env={"LEADWORK_TODAY": "2026-12-20"})
    assert checked.exit_code == 0, checked
    assert "follows up no open commitment" not in checked.stdout + checked.stderr

    today = {"LEADWORK_TODAY": "2026-12-20"}
    listed = json.loads(run("commitments", "-f", "json", journal=journal, env=today).stdout)
    assert "Datix follow-up" in json.dumps(listed)
    assert "Rounding audit" not in json.dumps(listed)
    board = run("dashboard", journal=journal, env=today).stdout
    assert "past their date" not in board  # "Chase estates" was done in the afternoon
    data = json.loads(run("dashboard", "-f", "json", journal=journal, env=today).stdout)
    assert "Rounding audit" not in json.dumps(data) and "Chase estates" not in json.dumps(data)

    record(run, journal, "2027-01-05", "--done", "1")
    report = run("report", "--from", "2026-W49", "--to", "2027-W01", journal=journal,
                 env={"LEADWORK_TODAY": "2027-01-08"}).stdout  # fmt: skip
    assert "match no commitment" not in report
    assert "done 5 of 5" in report, report


def test_files_of_one_day_sort_by_their_meeting_number() -> None:
    names = [
        "2026-12-09-ben-10.toml",
        "2026-12-09-ben-2.toml",
        "2026-12-09-bo.toml",
        "2026-12-09-ben.toml",
        "2026-12-08-zoe.toml",
        "2026-12-09-12.toml",
    ]
    assert sorted(names, key=dated_order) == [
        "2026-12-08-zoe.toml",
        "2026-12-09-12.toml",
        "2026-12-09-ben.toml",
        "2026-12-09-ben-2.toml",
        "2026-12-09-ben-10.toml",
        "2026-12-09-bo.toml",
    ]
