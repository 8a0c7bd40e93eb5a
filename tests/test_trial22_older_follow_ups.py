"""Trial 22, finding 7: the check-in interview lists, under "2027-W01's commitments", the
open commitments of older check-ins too; each of those is named by the week that made it,
as the dashboard and the summary name it (`commitments.open_by_week`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_trial21_return import W01, W53

from conftest import Run
from journals import write_small_journal


def test_the_interview_names_an_older_weeks_open_commitment_by_its_week(
    fresh_journal: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    write_small_journal(fresh_journal)
    (fresh_journal / "checkins/2026-W53.toml").write_text(W53)
    (fresh_journal / "checkins/2027-W01.toml").write_text(W01)
    said = run(
        "checkin", "--week", "2027-W03", journal=fresh_journal,
        env={"LEADWORK_TODAY": "2027-01-21", "COLUMNS": "100"}, input="\n" * 60,
    ).stdout  # fmt: skip
    assert "2027-W01's commitments" in said, said
    # the heading's own week is not repeated beside its own commitments
    assert "1. Write Q1 goals with Gus\n" in said, said
    assert "2. Ask finance about the QA budget\n" in said, said
    assert "3. Book 1:1s with Fay and Hal  (from 2026-W53)\n" in said, said
