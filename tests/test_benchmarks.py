"""The benchmark's tools keep working: the journal generator makes valid, realistic,
reproducible journals, and one short pass of the runner prints its table.

This is how CI "runs the generator and one short benchmark pass": nothing here is timed,
and no assertion depends on how fast anything is.
"""

from __future__ import annotations

import importlib.util
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from leadwork.store.journal import Journal
from leadwork.weeks import Week

from conftest import ROOT, TODAY, tree_hash

BENCHMARKS = ROOT / "benchmarks"


def _load(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


make_journal = _load("leadwork_benchmarks_make_journal", "make_journal.py")


def generate(out: Path, *args: str) -> Path:
    assert make_journal.main([*args, str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def three_years(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "three-years"
    return generate(out, "--years", "3", "--people", "6", "--indicators", "9")


def test_the_generated_journal_passes_check(three_years, run):
    result = run("check", journal=three_years)
    assert result.exit_code == 0, result
    assert result.stderr == "", "a generated journal has no warnings either"
    assert result.stdout.startswith("ok: the journal is valid (")


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    args = ("--years", "1", "--people", "4", "--indicators", "5", "--seed", "7")
    first = generate(tmp_path / "a", *args)
    second = generate(tmp_path / "b", *args)
    other = generate(tmp_path / "c", *args[:-1], "8")
    assert tree_hash(first) == tree_hash(second)
    assert tree_hash(first) != tree_hash(other)


def test_it_reads_like_a_real_journal(three_years):
    journal = Journal(three_years)
    defs = journal.definitions()
    assert len(defs.team.people) == 6
    assert len(defs.indicators.indicators) == 9
    ids = {i.id for i in defs.indicators.indicators}

    # A check-in every week of three years ending today's week, but for the week between
    # Christmas and New Year; each with a reading for every indicator.
    weeks = journal.checkin_weeks()
    assert weeks[-1] == Week.of(make_journal.DEFAULT_TODAY)
    assert 150 <= len(weeks) <= 156
    gaps = [b.weeks_since(a) for a, b in itertools.pairwise(weeks)]
    assert set(gaps) <= {1, 2}
    checkins = journal.checkins(weeks)
    assert all(set(c.readings) == ids for c in checkins.values())
    assert all(c.hours is not None and c.confidence is not None for c in checkins.values())
    assert sum(len(c.stories) for c in checkins.values()) > len(weeks) / 2
    assert any(c.conversations for c in checkins.values())
    assert any(x.carried >= 2 for c in checkins.values() for x in c.commitments)
    assert any(f.outcome == "dropped" for c in checkins.values() for f in c.last_week)

    # Some weeks go red, and some one-on-ones hold a plan to get back on track.
    statuses = set()
    meetings = [journal.one_on_one(e) for e in journal.one_on_one_entries()]
    for meeting in meetings:
        statuses |= {p.status for p in meeting.plans}
    assert {"at-risk", "course-correct"} <= statuses

    # One-on-ones at each person's cadence: about 365 / cadence a year, never for people
    # without one.
    for person in defs.team.people:
        dates = sorted(m.date for m in meetings if m.person == person.id)
        if person.cadence_days is None:
            assert dates == []
        else:
            expected = 3 * 365 / person.cadence_days
            assert 0.6 * expected <= len(dates) <= 1.05 * expected, person.id
            spacing = [(b - a).days for a, b in itertools.pairwise(dates)]
            assert min(spacing) >= person.cadence_days

    assert any(i.changes for i in defs.indicators.indicators), "targets change over the years"
    assert any(s.is_done for c in defs.capabilities.capabilities for s in c.steps)
    assert journal.review_entries()
    for rel in ("leadwork.toml", "team.toml", "strategy.toml", "indicators.toml"):
        assert (three_years / rel).read_text().startswith("# "), f"{rel} has the person's notes"


def test_it_never_writes_over_a_folder_that_has_files(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(SystemExit) as exit_info:
        make_journal.main(["--years", "1", str(tmp_path)])
    assert exit_info.value.code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_one_short_benchmark_pass_prints_the_table(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PATH": str(Path(sys.executable).parent), "LEADWORK_TODAY": TODAY},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # jrnl, the peer, is measured where it is installed and reported "n/a" where not.
    cases = ("python -c pass", "import floor", "jrnl 4.6", "leadwork --help", "check, 2-year")
    for case in cases:
        row = next((line for line in lines if line.startswith(case)), None)
        assert row is not None, f"no row for {case}:\n{result.stdout}"
        assert "failed" not in row, row
    assert any(line.startswith("- leadwork --help: ") for line in lines)
    assert any(line.startswith("- dashboard 2-year / jrnl: ") for line in lines)
    assert "Traceback" not in result.stderr
