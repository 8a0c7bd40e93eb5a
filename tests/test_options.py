"""The option values several commands share (cli/options.py): one parser each."""

from __future__ import annotations

import datetime as dt

import pytest

from leadwork.cli.options import parse_date, parse_numbers
from leadwork.errors import UsageProblem

TODAY = dt.date(2026, 11, 27)


def test_a_date_is_written_out_or_absent():
    assert parse_date(None, "--date", TODAY) == TODAY
    assert parse_date(" 2026-11-20 ", "--date", TODAY) == dt.date(2026, 11, 20)
    for bad in ("20261120", "2026-W48-1", "2026-11-31", "soon", ""):
        with pytest.raises(UsageProblem, match=f"--since '{bad}' is not a date"):
            parse_date(bad, "--since", TODAY)


def test_numbers_as_shown():
    assert parse_numbers(["1,3", "2"], "step") == [(1, None), (3, None), (2, None)]
    assert parse_numbers(["1 3"], "signal") == [(1, None), (3, None)]
    assert parse_numbers(["all"], "signal", every=3) == [(1, None), (2, None), (3, None)]
    assert parse_numbers(
        ["2=2026-12-11, 1"], "commitment", flag="--carried", dates_with="--carried"
    ) == [
        (2, "2026-12-11"),
        (1, None),
    ]
    with pytest.raises(UsageProblem, match=r"^'two' is not a step number$"):
        parse_numbers(["two"], "step")
    with pytest.raises(UsageProblem, match=r"^--done 'one' is not a commitment number$"):
        parse_numbers(["one"], "commitment", flag="--done")
    with pytest.raises(UsageProblem, match="only --carried takes a due date"):
        parse_numbers(["1=2026-12-01"], "commitment", flag="--dropped", dates_with="--carried")
    with pytest.raises(UsageProblem, match="'all' is not a step number"):
        parse_numbers(["all"], "step")  # no count, no 'all'


def test_the_commands_share_them(example_journal, run):
    for args in (
        ("one-on-one", "priya", "--prep", "--date", "2026-11-31"),
        ("review", "strategy", "--date", "2026-11-31"),
    ):
        result = run(*args, journal=example_journal)
        assert result.exit_code != 0
        assert "--date '2026-11-31' is not a date" in result.output, (args, result)
