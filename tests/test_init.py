"""`leadwork init`: commented templates that are valid as written; never touches a journal."""

import re
import tomllib
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from leadwork import layout
from leadwork.store.journal import DEFINITION_MODELS, model_class

from conftest import tree_hash


def test_init_writes_commented_templates_that_check_clean(fresh_journal: Path, run):
    for name in layout.DEFINITION_FILES:
        text = (fresh_journal / name).read_text()
        assert text.startswith("#"), f"{name} should open with an explaining comment"
        tomllib.loads(text)
    for folder in layout.FOLDERS:
        assert (fresh_journal / folder).is_dir()
    assert 'leader = "Dana Whitfield"' in (fresh_journal / "leadwork.toml").read_text()
    result = run("check", journal=fresh_journal)
    assert result.exit_code == 0, result
    assert result.stderr == ""


def _keys(model: type[BaseModel]) -> dict[str, None]:
    """Every key of a file's model, its tables' and arrays of tables' keys included."""
    keys: dict[str, None] = {}
    for name, field in model.model_fields.items():
        keys[field.alias or name] = None
        todo = [field.annotation]
        while todo:
            kind = todo.pop()
            todo += typing.get_args(kind)
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                keys |= _keys(kind)
    return keys


# A key line, set or commented out: `key = ...`, `# key = ...`, `# [[table]]`.
KEY_LINE = r"^(?:# )?(?:{key} =|\[\[(?:[\w.]+\.)?{key}\]\]|\[{key}\])"


@pytest.mark.parametrize("name", sorted(DEFINITION_MODELS))
def test_every_key_is_explained_in_the_template(fresh_journal: Path, name: str):
    """A person learns the file from the template: each key is there, and its commented
    example, uncommented, is a valid file."""
    text = (fresh_journal / name).read_text(encoding="utf-8")
    model = model_class(DEFINITION_MODELS[name])
    missing = [k for k in _keys(model) if not re.search(KEY_LINE.format(key=k), text, re.M)]
    assert not missing, f"the template {name} does not show {missing}"
    example = "\n".join(
        line.removeprefix("# ") if re.match(r"# (\[|[a-z_]+ = )", line) else line
        for line in text.splitlines()
    )
    model.model_validate(tomllib.loads(example))


def test_init_escapes_names_into_valid_toml(tmp_path, run):
    target = tmp_path / "j"
    result = run("init", str(target), "--leader", 'Zoë "Z" O\\Neil', "--organization", "Ünïcode")
    assert result.exit_code == 0, result
    data = tomllib.loads((target / "leadwork.toml").read_text())
    assert data["leader"] == 'Zoë "Z" O\\Neil'
    assert data["organization"] == "Ünïcode"


def test_init_refuses_an_existing_journal_and_changes_nothing(fresh_journal: Path, run):
    (fresh_journal / "strategy.toml").write_text('purpose = "mine"\n')
    before = tree_hash(fresh_journal)
    result = run("init", str(fresh_journal))
    assert result.exit_code == 1
    assert "already holds a journal" in result.stderr
    assert tree_hash(fresh_journal) == before
    result = run("init", "--example", str(fresh_journal))
    assert result.exit_code == 1
    assert tree_hash(fresh_journal) == before


def test_init_refuses_to_overwrite_other_files(tmp_path, run):
    target = tmp_path / "j"
    target.mkdir()
    (target / "team.toml").write_text("# my team\n")
    before = tree_hash(target)
    result = run("init", str(target))
    assert result.exit_code == 1
    assert "team.toml" in result.stderr
    assert tree_hash(target) == before


def test_init_example_copies_a_valid_journal(tmp_path, run):
    target = tmp_path / "example"
    result = run("init", "--example", str(target))
    assert result.exit_code == 0, result
    assert (target / "leadwork.toml").is_file()
    assert len(list((target / "checkins").glob("*.toml"))) >= 16
    assert ".leadwork.lock" in (target / ".gitignore").read_text()
    # The example is there to be looked at, not filled in; and no line is over 80 columns.
    assert f"Next: look around with `leadwork --journal {target} dashboard`" in result.stdout
    assert "edit the files" not in result.stdout
    fresh = run("init", str(tmp_path / "fresh"))
    assert "Next: edit the files" in fresh.stdout
    assert max(len(line) for line in fresh.stdout.replace(str(tmp_path), "").splitlines()) <= 80
    result = run("check", journal=target)
    assert result.exit_code == 0, result


def test_init_leaves_out_empty_optional_names_and_refuses_an_empty_leader(tmp_path, run):
    target = tmp_path / "j"
    result = run("init", str(target), "--title", "", "--organization", "")
    assert result.exit_code == 0, result
    assert '# title = ""' in (target / "leadwork.toml").read_text()
    assert run("check", journal=target).exit_code == 0
    empty = run("init", str(tmp_path / "k"), "--leader", " ")
    assert empty.exit_code == 2
    assert "--leader: the leader's name is empty" in empty.stderr
    assert not (tmp_path / "k").exists()
