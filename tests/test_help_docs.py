"""`leadwork help [TOPIC]`: the reference docs as installed. The text is docs/*.md itself
(the wheel ships the folder; tests/test_packaging.py checks it byte for byte), and no help
text sends a person to a `docs/` file they do not have after `pipx install`."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from conftest import ROOT, whole_cli

DOCS = sorted((ROOT / "docs").glob("*.md"))


def topic_of(path: Path) -> str:
    return "docs" if path.stem == "README" else path.stem


def test_help_lists_every_doc_with_its_title(run):
    result = run("help")
    assert result.exit_code == 0, result
    listed = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert sorted(listed) == sorted(topic_of(p) for p in DOCS)
    assert "  format            The journal's files" in result.stdout


@pytest.mark.parametrize("path", DOCS, ids=topic_of)
def test_help_topic_prints_the_doc_as_it_is(run, path: Path):
    result = run("help", topic_of(path))
    assert result.exit_code == 0, result
    assert result.stdout == path.read_text(encoding="utf-8")


def test_a_topic_may_be_named_like_its_file(run):
    assert run("help", "CLI.md").stdout == (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_an_unknown_topic_says_the_closest(run):
    result = run("help", "formt")
    assert result.exit_code == 2
    assert "unknown topic 'formt'" in result.stderr
    assert "did you mean 'format'?" in result.stderr


def _help_texts(command: click.Command, path: str = "leadwork") -> list[tuple[str, str]]:
    texts = [(path, command.help or ""), (path, command.epilog or "")]
    texts += [(f"{path} {p.name}", getattr(p, "help", None) or "") for p in command.params]
    for name, sub in getattr(command, "commands", {}).items():
        texts += _help_texts(sub, f"{path} {name}")
    return texts


def test_no_help_text_points_at_a_docs_file():
    pointing = [where for where, text in _help_texts(whole_cli()) if "docs/" in text]
    assert not pointing, f"help that names a docs/ file a user does not have: {pointing}"


def test_the_templates_point_at_leadwork_help_not_at_docs():
    templates = ROOT / "src" / "leadwork" / "templates"
    assert not [p.name for p in templates.iterdir() if "docs/" in p.read_text(encoding="utf-8")]
    assert "`leadwork help format`" in (templates / "leadwork.toml").read_text(encoding="utf-8")
