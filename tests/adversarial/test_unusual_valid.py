"""Valid but unusual input must work, not fail: a BOM, CRLF line endings, week 53, names in
any script, empty or missing optional files, every TOML style a person may write, and a
journal reached through a symlink. Every command of the table runs on each."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from adversarial.harness import COMMANDS, FILES, Command, Snapshot

BOM = b"\xef\xbb\xbf"


def _every_file(journal: Path, change: Callable[[bytes], bytes]) -> None:
    for rel in FILES:
        path = journal / rel
        path.write_bytes(change(path.read_bytes()))


def bom(journal: Path) -> None:
    _every_file(journal, lambda raw: BOM + raw)


def crlf(journal: Path) -> None:
    _every_file(journal, lambda raw: raw.replace(b"\n", b"\r\n"))


def bom_and_crlf(journal: Path) -> None:
    _every_file(journal, lambda raw: BOM + raw.replace(b"\n", b"\r\n"))


def no_final_newline(journal: Path) -> None:
    _every_file(journal, lambda raw: raw.rstrip(b"\n"))


def week_53(journal: Path) -> None:
    """2026 has 53 ISO weeks; 2027-01-01 (a Friday) is in 2026-W53."""
    (journal / "checkins/2026-W53.toml").write_text(
        'week = "2026-W53"\n\n[readings]\notd = 96.0\n\n[[stories]]\n'
        'text = "New Year\'s Day shipment went out on time"\ndate = 2027-01-01\n'
    )


def unicode_names(journal: Path) -> None:
    (journal / "team.toml").write_text(
        "# мои люди · 我的团队 · فريقي\n"
        '[[people]]\nid = "maria"\nname = "María José Ñúñez-Öztürk"\nrole = "Jefa de planta 🏭"\n'
        '\n[[people]]\nid = "tom"\nname = "陈汤姆 (Tom)"\n'
        'note = "מנהל משמרת · e\u0301 · 👩\u200d🔧"\n',
        encoding="utf-8",
    )
    path = journal / "strategy.toml"
    path.write_text(
        path.read_text().replace("Parts that never come back.", "Pièces qui ne reviennent jamais ✓")
    )
    path = journal / "checkins/2026-W48.toml"
    path.write_text(
        path.read_text() + '\n[[stories]]\ntext = "Zoë\'s team: «zero defects» 🎉"\nwho = "maria"\n'
    )


def empty_optional_files(journal: Path) -> None:
    for rel in ("strategy.toml", "capabilities.toml", "indicators.toml", "team.toml"):
        (journal / rel).write_text("")
    for folder in ("one-on-ones", "reviews"):
        shutil.rmtree(journal / folder)
    (journal / "checkins/2026-W48.toml").write_text('week = "2026-W48"\n[readings]\n')


def comment_only_files(journal: Path) -> None:
    for rel in ("strategy.toml", "capabilities.toml", "indicators.toml", "team.toml"):
        (journal / rel).write_text("# nothing here yet\n\n   \n# really\n")
    shutil.rmtree(journal / "one-on-ones")
    shutil.rmtree(journal / "reviews")
    shutil.rmtree(journal / "checkins")


def missing_optional_files(journal: Path) -> None:
    for rel in ("strategy.toml", "capabilities.toml", "indicators.toml", "team.toml"):
        (journal / rel).unlink()
    for folder in ("checkins", "one-on-ones", "reviews"):
        shutil.rmtree(journal / folder)


def every_toml_style(journal: Path) -> None:
    """Dotted keys, inline tables, literal and multi-line strings, quoted keys, hex and
    underscored numbers, tabs, trailing comments: all valid TOML that people write."""
    (journal / "team.toml").write_text(
        "people = [\n"
        "\t{ id = 'maria', name = 'Maria \"the fixer\" Santos', cadence_days = 0xe },  # hex\n"
        '\t{ "id" = "tom", name = """Tom\nReyes""", cadence_days = 1_4 },\n'
        "]\n"
    )
    (journal / "checkins/2026-W48.toml").write_text(
        'week = "2026-W48"  # this week\n'
        "readings.otd = 93.5\n"
        "readings.scrap = +2.1\n"
        "hours = { alignment = 10, someone_elses_job = 5.5e0 }\n"
        "\n"
        "[[stories]]\n"
        "text = '''\n"
        'A story with "quotes", a # that is not a comment,\n'
        "[brackets] and a = sign.'''\n"
        "\n"
        "  [[stories]]\n"
        '  text = "tabs\\tand\\u00e9 escapes"\n'
    )


def exactly_at_the_limits(journal: Path) -> None:
    """The longest text a model allows, and a file just under the 2 MB size limit."""
    path = journal / "strategy.toml"
    path.write_text(path.read_text().replace("Parts that never come back.", "p" * 10_000))
    path = journal / "checkins/2026-W48.toml"
    filler = "# " + "x" * 97 + "\n"
    path.write_text(path.read_text() + filler * 19_000)  # 1.9 MB of the person's notes


VARIANTS: dict[str, Callable[[Path], None]] = {
    "bom": bom,
    "crlf": crlf,
    "bom-and-crlf": bom_and_crlf,
    "no-final-newline": no_final_newline,
    "week-53": week_53,
    "unicode-names": unicode_names,
    "empty-optional-files": empty_optional_files,
    "comment-only-files": comment_only_files,
    "missing-optional-files": missing_optional_files,
    "every-toml-style": every_toml_style,
    "exactly-at-the-limits": exactly_at_the_limits,
}
ENV = {"week-53": {"LEADWORK_TODAY": "2027-01-01"}}
WITHOUT_DEFINITIONS = {"empty-optional-files", "comment-only-files", "missing-optional-files"}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.id)
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_unusual_but_valid_input_works(journal: Path, run, variant: str, command: Command):
    VARIANTS[variant](journal)
    snapshot = Snapshot.take(journal)
    result = run(*command.argv, journal=journal, env=command.environ(ENV.get(variant)))
    assert "Traceback" not in result.output
    if command.names_ids and variant in WITHOUT_DEFINITIONS:
        # `--choice quality-first` when strategy.toml has no choices: a clear refusal
        assert result.exit_code in (1, 2), result
        assert "error" in result.stderr
        assert snapshot.changes() == []
        return
    assert result.exit_code == 0, result
    assert "error" not in result.stderr, result
    if not command.writes:
        assert snapshot.changes() == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.id)
def test_a_journal_reached_through_a_symlink(journal: Path, run, command: Command, monkeypatch):
    link = journal.parent / "link-to-journal"
    link.symlink_to(journal, target_is_directory=True)
    snapshot = Snapshot.take(journal)
    results = []
    if not command.writes:  # a writer runs once: some write only once a day
        results.append(run(*command.argv, journal=link, env=command.environ()))
    monkeypatch.chdir(link / "checkins")  # found upward from inside, through the link
    results.append(run(*command.argv, env=command.environ()))
    for result in results:
        assert result.exit_code == 0, result
    assert link.is_symlink()
    if not command.writes:
        assert snapshot.changes() == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.id)
def test_symlinked_files_are_read(journal: Path, run, command: Command):
    """A person may keep team.toml in a folder shared with a peer, symlinked in."""
    shared = journal.parent / "shared"
    shared.mkdir()
    os.replace(journal / "team.toml", shared / "team.toml")
    (journal / "team.toml").symlink_to(Path("..") / "shared" / "team.toml")
    result = run(*command.argv, journal=journal, env=command.environ())
    assert result.exit_code == 0, result
