"""`check` parses a long journal on two cores; the outcome must be exactly the serial one."""

import datetime as dt
from pathlib import Path

import pytest

from leadwork.store import parallel
from leadwork.store.document import Document

from conftest import EXAMPLE, TODAY

TODAY_DATE = dt.date.fromisoformat(TODAY)


def outcomes_as_data(outcomes):
    return {
        path: (o.text, o.data) if isinstance(o, Document) else [p.message for p in o]
        for path, o in outcomes.items()
    }


@pytest.mark.skipif(
    not parallel._can_fork(), reason="parses in parallel only on Linux with 2+ cores"
)
def test_parallel_and_serial_reads_agree_file_for_file(tmp_path: Path, monkeypatch):
    paths = sorted(EXAMPLE.rglob("*.toml"))
    broken = tmp_path / "broken.toml"
    broken.write_text("a = [\n")
    not_utf8 = tmp_path / "latin1.toml"
    not_utf8.write_bytes(b'name = "T\xf6m"\n')
    paths[3:3] = [broken, not_utf8, tmp_path / "missing.toml"]

    serial = parallel.read_documents(paths)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    forked = parallel.read_documents(paths)

    assert list(forked) == paths  # the order given
    assert outcomes_as_data(forked) == outcomes_as_data(serial)
    assert isinstance(forked[broken], list) and "invalid TOML" in forked[broken][0].message
    assert "does not exist" in forked[tmp_path / "missing.toml"][0].message


def test_check_reports_the_same_on_a_long_journal_read_in_parallel(
    example_journal, run, monkeypatch
):
    (example_journal / "checkins" / "2026-W40.toml").write_text('week = "2026-W40"\nx = [\n')
    serial = run("check", journal=example_journal)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    forked = run("check", journal=example_journal)
    assert serial.exit_code == forked.exit_code == 1
    assert forked.stderr == serial.stderr
    assert "2026-W40.toml:2:6: error: invalid TOML" in forked.stderr


@pytest.mark.skipif(
    not parallel._can_fork(), reason="looks up in parallel only on Linux with 2+ cores"
)
@pytest.mark.parametrize("plain", [True, False], ids=["plain", "model"])
def test_a_check_with_a_cache_half_kept_reads_every_file_as_without_one(
    example_journal, tmp_path, monkeypatch, plain
):
    """`check` looks each file up in the cache of validated files on both cores
    (`look_up_documents`): with some entries kept, one damaged and the rest missing, every
    file is read exactly as with no cache, kept ones from their entries."""
    from leadwork.store import validated
    from leadwork.store.check import check_journal
    from leadwork.store.journal import Journal
    from leadwork.store.validated import ValidatedCache

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    folder = tmp_path / "cache" / validated.FOLDER
    first = ValidatedCache(str(folder))
    first.budget = 15  # a cache half filled
    Journal(example_journal, first, plain=plain).prefetch(
        [(f"checkins/{p.name}", "leadwork.model.checkin.Checkin")
         for p in sorted((example_journal / "checkins").iterdir())]
    )  # fmt: skip
    expected = check_journal(Journal(example_journal, None, plain=plain), TODAY_DATE)
    for journal in (
        Journal(example_journal, None, plain=plain),
        Journal(example_journal, ValidatedCache(str(folder)), plain=plain),
    ):
        result = check_journal(journal, TODAY_DATE)
        assert result == expected
    entries = sorted(folder.glob("*" + validated.SUFFIX))
    assert entries
    entries[0].write_bytes(b"damaged")  # a miss: read again, and kept anew
    again = Journal(example_journal, ValidatedCache(str(folder)), plain=plain)
    assert check_journal(again, TODAY_DATE) == expected
    assert entries[0].read_bytes() != b"damaged"
