"""Trial 16's findings 3, 4 and 5, through the CLI: a hint tells the whole way back.

3. A late monthly value typed again in the new month is the new month's: the note says how
   to correct the earlier month *and* what to delete from this week's file.
4. `one-on-one --done|--carried|--dropped N` with a number that is not open names each open
   one with its text, as `--prep` does.
5. A reading given to the wrong week is taken back by deleting its line: `-r ID=` says so.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import Run, tree_hash
from journals import (
    TRIAL10_CSAT,
    TRIAL10_KB,
    said_on,
    trial10_indicators,
    trial10_journal,
    week_readings,
)

INDICATORS = trial10_indicators(TRIAL10_CSAT, TRIAL10_KB)


lw = said_on
readings = week_readings


# ---- 3. the late reading's note says what stays in the new month ----------------------------


def test_following_the_late_reading_note_puts_the_value_in_the_earlier_month_only(
    tmp_path: Path, run: Run
) -> None:
    journal = trial10_journal(tmp_path, run, INDICATORS)
    lw(run, journal, "2026-12-30", "checkin", "--no-input", "--hours", "other=5")  # W53
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", "-r", "csat=30")
    assert "Recorded for Dec 2026 in checkins/2026-W53.toml." in said  # late: December's
    said = lw(run, journal, "2027-01-15", "checkin", "--no-input", "-r", "csat=31", "--hours",
              "other=5")  # fmt: skip
    assert readings(journal, "2027-W02")["csat"] == 31  # a plain reading is January's
    assert (
        "Dec 2026 holds 30% (checkins/2026-W53.toml); if 31% is Dec 2026's, to correct it: -r "
        "csat@2026-12=31, then delete `csat = 31` from checkins/2027-W02.toml by hand "
        "(recorded as Jan 2027's, it stays there)."
    ) in said
    # both steps of the note, as written
    lw(run, journal, "2027-01-15", "checkin", "--no-input", "-r", "csat@2026-12=31")
    path = journal / "checkins" / "2027-W02.toml"
    text = path.read_text()
    assert "csat = 31\n" in text
    path.write_text(text.replace("csat = 31\n", "", 1))
    assert readings(journal, "2026-W53")["csat"] == 31
    assert "csat" not in readings(journal, "2027-W02")
    assert run("check", journal=journal).exit_code == 0


# ---- 5. a reading given to the wrong week is taken back by hand ------------------------------


def test_an_empty_reading_says_how_to_take_one_back(tmp_path: Path, run: Run) -> None:
    journal = trial10_journal(tmp_path, run, INDICATORS)
    lw(run, journal, "2026-12-11", "checkin", "--no-input", "--week", "2026-W40", "-r", "kb=31")
    before = tree_hash(journal)
    for flag in ("-r", "--reading"):
        result = run("checkin", "--no-input", "--week", "2026-W40", flag, "kb=", journal=journal,
                     env={"LEADWORK_TODAY": "2026-12-11"})  # fmt: skip
        assert result.exit_code == 2, result
        assert result.stderr == (
            "leadwork: error: --reading: 'kb=' gives no value\n"
            "  = hint: a reading is taken back by hand: delete `kb = …` from "
            "checkins/2026-W40.toml, or the file if it holds nothing else\n"
        )
    assert tree_hash(journal) == before
    # as the hint says: the file holds nothing else, so it goes, and the journal is whole
    assert set(tomllib.loads((journal / "checkins" / "2026-W40.toml").read_text())) == {
        "week",
        "readings",
    }
    (journal / "checkins" / "2026-W40.toml").unlink()
    assert run("check", journal=journal, env={"LEADWORK_TODAY": "2026-12-11"}).exit_code == 0


def test_a_story_joins_an_inline_array_spaced_as_the_entry_before_it(
    tmp_path: Path, run: Run
) -> None:
    """The one inline-array append `indicator change` shares with the check-in's writers
    (finding 2): the new entry is spaced inside its braces as the one before it."""
    journal = trial10_journal(tmp_path, run, INDICATORS)
    path = journal / "checkins" / "2027-W02.toml"
    for before, after in [
        ('[ { text = "Ana closed Acme" } ]  # so far', '[ { text = "Ana closed Acme" }, '
         '{ text = "Ben called" } ]  # so far'),
        ('[{text = "Ana closed Acme"}]', '[{text = "Ana closed Acme"}, {text = "Ben called"}]'),
    ]:  # fmt: skip
        path.write_text(f'week = "2027-W02"\nstories = {before}\n')
        lw(run, journal, "2027-01-15", "story", "Ben called")
        assert path.read_text() == f'week = "2027-W02"\nstories = {after}\n'
