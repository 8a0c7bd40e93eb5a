"""Ten years of history cost what one year does: the dashboard opens the same files.

No timing (timed assertions are flaky): the example journal is given ten years of older
check-ins and one-on-ones, and the test records every file the dashboard reads. The set
must be the same as for the example alone, and the output identical. Then the older files
are made unreadable: if the dashboard opened one, it would fail.
"""

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

import leadwork.store.journal as journal_module
from leadwork.weeks import Week, week_range

from conftest import EXAMPLE

FIRST_EXAMPLE_WEEK = Week(2026, 29)
PEOPLE = ("marcus", "priya", "elena", "tom", "grace")


def add_history(root: Path, years: int, text_of=None) -> int:
    """Older check-ins, weekly, and one-on-ones, every two weeks per person, before the
    example's first week. `text_of(rel, text)` may replace what is written."""
    text_of = text_of or (lambda rel, text: text)
    first = FIRST_EXAMPLE_WEEK.minus(52 * years)
    count = 0
    for week in week_range(first, FIRST_EXAMPLE_WEEK.minus(1)):
        rel = f"checkins/{week}.toml"
        body = (
            f'week = "{week}"\n\n[readings]\ndayton-scrap = 2.2\ngreenville-otd = 94\n\n'
            '[[conversations]]\nwith = "customer"\ntext = "old news"\nrefresh = true\n'
        )
        (root / rel).write_text(text_of(rel, body))
        count += 1
        if week.number % 2 == 0:
            for i, person in enumerate(PEOPLE):
                day = week.monday + dt.timedelta(days=i % 5)
                rel = f"one-on-ones/{day}-{person}.toml"
                body = (
                    f'person = "{person}"\ndate = {day}\n\n[[commitments]]\nby = "them"\n'
                    'text = "old"\n'
                )
                (root / rel).write_text(text_of(rel, body))
                count += 1
    return count


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Every file the journal parses during the test, as paths inside the journal."""
    seen: list[str] = []
    # read_text: read to be looked up in the cache of validated files (store/validated.py),
    # then taken from it or parsed; read_document: read and parsed, without the cache.
    for name in ("read_document", "read_text"):
        original = getattr(journal_module, name)

        def recording(path: Path, original=original):
            seen.append(path.as_posix())
            return original(path)

        monkeypatch.setattr(journal_module, name, recording)
    return seen


def copy_example(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(EXAMPLE, root)
    return root


def dashboard_json(run, root: Path, reads: list[str], *args: str) -> tuple[dict, set[str]]:
    reads.clear()
    result = run("dashboard", "--format", "json", *args, journal=root)
    assert result.exit_code == 0, result
    files = {p.removeprefix(root.as_posix() + "/") for p in reads}
    return json.loads(result.stdout), files


def test_ten_years_read_the_same_files_as_one(run, tmp_path, reads):
    one_year = copy_example(tmp_path, "one-year")
    ten_years = copy_example(tmp_path, "ten-years")
    assert add_history(ten_years, years=10) > 1500

    small, small_files = dashboard_json(run, one_year, reads)
    big, big_files = dashboard_json(run, ten_years, reads)
    assert big == small
    assert big_files == small_files
    checkins = sorted(f for f in big_files if f.startswith("checkins/"))
    # The 13 weeks shown and the weeks from the July review's week on (W30..W48): 19 files.
    assert checkins[0] == "checkins/2026-W30.toml" and len(checkins) == 19
    meetings = sorted(f for f in big_files if f.startswith("one-on-ones/"))
    # Each person's latest, and every one since Dayton scrap went red (16 Nov).
    assert meetings == [
        "one-on-ones/2026-10-21-grace.toml",
        "one-on-ones/2026-11-16-marcus.toml",
        "one-on-ones/2026-11-17-elena.toml",
        "one-on-ones/2026-11-17-priya.toml",
        "one-on-ones/2026-11-24-priya.toml",
        "one-on-ones/2026-11-25-tom.toml",
    ]
    assert "reviews/2026-07-20-strategy.toml" in big_files
    assert len(big_files) == 5 + 19 + 6 + 1


def test_older_files_are_never_opened(run, tmp_path, reads):
    """Make every older file unreadable TOML: the dashboard must not notice."""
    root = copy_example(tmp_path, "broken-past")
    add_history(root, years=10, text_of=lambda rel, text: "this = is not [ TOML\n")
    expected, _ = dashboard_json(run, copy_example(tmp_path, "clean"), reads)
    got, _ = dashboard_json(run, root, reads)
    assert got == expected
    # ...whereas a broken file the view needs is reported (so this test can fail).
    (root / "checkins" / "2026-W36.toml").write_text("this = is not [ TOML\n")
    result = run("dashboard", journal=root)
    assert result.exit_code == 1 and "2026-W36.toml:1" in result.stderr


def test_an_old_review_caps_the_signal_search_at_26_weeks(run, tmp_path, reads):
    root = copy_example(tmp_path, "old-review")
    add_history(root, years=10)
    (root / "reviews" / "2026-07-20-strategy.toml").unlink()
    strategy = root / "strategy.toml"
    strategy.write_text(strategy.read_text().replace("2026-07-20", "2023-01-16"))
    data, files = dashboard_json(run, root, reads)
    signals = data["alignment"]["refresh_signals"]
    assert signals["capped"] is True and signals["first_week_searched"] == "2026-W23"
    assert len([f for f in files if f.startswith("checkins/")]) == 26
    text = run("dashboard", journal=root).stdout
    assert "26+ weeks" in text
