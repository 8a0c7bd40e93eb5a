"""`leadwork schema` and editor support: JSON Schemas generated from the models, found by
Taplo through the `#:schema` line of each template and the journal's `.taplo.toml`."""

import datetime as dt
import json
import shutil
import subprocess
import sys
import tomllib
import typing
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel

from leadwork.render.schema import FILE_KINDS, KINDS, SCHEMA_DIR, all_schemas, kind_of
from leadwork.store import layout
from leadwork.store.serialize import dumps
from leadwork.store.validation import _unwrap

from conftest import EXAMPLE, tree_hash
from strategies import FILES

TAPLO = shutil.which("taplo", path=str(Path(sys.executable).parent)) or shutil.which("taplo")


def jsonish(data):
    """TOML data as Taplo hands it to the schema: dates become strings."""
    if isinstance(data, dict):
        return {key: jsonish(value) for key, value in data.items()}
    if isinstance(data, list):
        return [jsonish(value) for value in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json.loads(all_schemas()[f"{kind}.json"])
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def schema_errors(kind: str, data: dict) -> list[str]:
    return [error.message for error in validator(kind).iter_errors(jsonish(data))]


def journal_files(root: Path) -> list[str]:
    files = [name for name in layout.DEFINITION_FILES if (root / name).exists()]
    for folder in layout.FOLDERS:
        files += [f"{folder}/{p.name}" for p in sorted((root / folder).glob("*.toml"))]
    return files


# ---- the command ----------------------------------------------------------------------------


def test_schema_writes_one_schema_per_file_kind_into_the_journal(fresh_journal, run):
    folder = fresh_journal / SCHEMA_DIR
    shutil.rmtree(folder)
    (fresh_journal / ".taplo.toml").write_text("# my own taplo settings\n")
    result = run("schema", journal=fresh_journal)
    assert result.exit_code == 0, result
    assert result.stdout == f"Wrote 9 of 9 schemas to {SCHEMA_DIR}/ (up to date now).\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted(all_schemas())
    for name, text in all_schemas().items():
        assert (folder / name).read_text() == text
    assert (fresh_journal / ".taplo.toml").read_text() == "# my own taplo settings\n"
    before = tree_hash(fresh_journal)
    again = run("schema", journal=fresh_journal)
    assert again.stdout == f"The 9 schemas in {SCHEMA_DIR}/ are up to date.\n"
    assert tree_hash(fresh_journal) == before


def test_schema_output_dir_needs_no_journal(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("schema", "--output", "out/schemas")
    assert result.exit_code == 0, result
    assert sorted(p.name for p in (tmp_path / "out" / "schemas").iterdir()) == sorted(all_schemas())


def test_the_command_knows_every_kind_of_file():
    from leadwork.cli.schema import SchemaKind

    assert [k.value for k in SchemaKind] == [kind.name for kind in FILE_KINDS]


def test_schema_kind_prints_one_schema(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("schema", "indicators")
    assert result.exit_code == 0, result
    assert json.loads(result.stdout) == json.loads(all_schemas()["indicators.json"])
    bad = run("schema", "indicator")
    assert bad.exit_code == 2
    assert "'indicator' is not one of" in bad.stderr
    assert "'indicators'" in bad.stderr
    assert bad.stdout == ""
    assert list(tmp_path.iterdir()) == []


# ---- the templates point at the schemas ----------------------------------------------------


def test_init_writes_schemas_and_each_template_names_its_own(fresh_journal):
    for name, text in all_schemas().items():
        assert (fresh_journal / SCHEMA_DIR / name).read_text() == text
    for rel in layout.DEFINITION_FILES:
        first = (fresh_journal / rel).read_text().splitlines()[0]
        kind = kind_of(rel).name
        assert first == f"#:schema ./{SCHEMA_DIR}/{kind}.json"
        assert (fresh_journal / first.split(" ", 1)[1]).is_file()
    config = tomllib.loads((fresh_journal / ".taplo.toml").read_text())
    rules = {rule["include"][0]: rule["schema"]["path"] for rule in config["rule"]}
    for kind in FILE_KINDS:
        assert (fresh_journal / rules[kind.files]).is_file()


def test_example_journal_copy_gets_the_schemas_too(tmp_path, run):
    result = run("init", "--example", str(tmp_path / "ex"))
    assert result.exit_code == 0, result
    assert (tmp_path / "ex" / SCHEMA_DIR / "checkin.json").is_file()
    assert (tmp_path / "ex" / ".taplo.toml").is_file()
    # The journal's own files: git's (.gitignore, .gitattributes) and editor support are
    # extra. (Counted from the example, which grows.)
    journal_files = sum(1 for p in EXAMPLE.rglob("*") if p.is_file() and p.name != ".gitattributes")
    assert f"({journal_files} files)" in result.stdout


# ---- the schemas are valid, and agree with the models ----------------------------------------


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_schema_is_valid_draft_07(kind):
    schema = json.loads(all_schemas()[f"{kind}.json"])
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema), "draft-07 keeps definitions under 'definitions'"
    assert '"null"' not in json.dumps(schema), "TOML has no null"


@pytest.mark.parametrize("rel", journal_files(EXAMPLE))
def test_the_example_journal_is_valid_against_the_schemas(rel):
    data = tomllib.loads((EXAMPLE / rel).read_text())
    assert schema_errors(kind_of(rel).name, data) == []


def test_a_fresh_journal_is_valid_against_the_schemas(fresh_journal):
    for rel in journal_files(fresh_journal):
        data = tomllib.loads((fresh_journal / rel).read_text())
        assert schema_errors(kind_of(rel).name, data) == [], rel


def _model(annotation):
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) in (list, dict):
        annotation = _unwrap(typing.get_args(annotation)[-1])
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def _agree(model: type[BaseModel], node: dict, definitions: dict, path: str) -> None:
    if "$ref" in node:
        node = definitions[node["$ref"].rsplit("/", 1)[-1]]
    assert node["additionalProperties"] is False, f"{path}: unknown keys must be errors"
    keys = {field.alias or name: field for name, field in model.model_fields.items()}
    assert set(node["properties"]) == set(keys), path
    assert set(node.get("required", [])) == {k for k, f in keys.items() if f.is_required()}, path
    for key, field in keys.items():
        prop = node["properties"][key]
        if field.description:
            assert prop.get("description") == field.description, f"{path}.{key}"
        inner = _model(field.annotation)
        if inner is not None:
            target = prop.get("items") or prop.get("additionalProperties") or prop
            _agree(inner, target, definitions, f"{path}.{key}")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_and_model_have_the_same_keys_required_keys_and_descriptions(kind):
    schema = json.loads(all_schemas()[f"{kind}.json"])
    _agree(KINDS[kind].model, schema, schema.get("definitions", {}), kind)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_every_valid_model_is_valid_against_its_schema(kind):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(FILES[kind])
    def accepted(model):
        data = tomllib.loads(dumps(model))
        assert schema_errors(kind, data) == []

    accepted()


# Mistakes a person makes by hand: both the model and the schema must refuse each one.
MISTAKES = [
    ("team", {"people": [{"id": "maria", "name": "M", "cadnce_days": 14}]}),
    ("team", {"people": [{"id": "Maria S", "name": "M"}]}),
    ("team", {"people": [{"id": "maria", "name": ""}]}),
    ("team", {"people": [{"id": "maria", "name": "M", "cadence_days": 0}]}),
    ("team", {"people": [{"name": "M"}]}),
    (
        "indicators",
        {
            "indicators": [
                {
                    "id": "x",
                    "name": "X",
                    "direction": "up",
                    "target": 1,
                    "celebrate": 2,
                    "course_correct": 0,
                }
            ]
        },
    ),
    (
        "indicators",
        {
            "indicators": [
                {
                    "id": "x",
                    "name": "X",
                    "direction": "higher",
                    "target": "95",
                    "celebrate": 2,
                    "course_correct": 0,
                }
            ]
        },
    ),
    (
        "capabilities",
        {"capabilities": [{"id": "c", "name": "C", "kind": "team", "level": 2, "target": 3}]},
    ),
    (
        "capabilities",
        {"capabilities": [{"id": "c", "name": "C", "kind": "individual", "level": 6, "target": 3}]},
    ),
    (
        "capabilities",
        {
            "capabilities": [
                {
                    "id": "c",
                    "name": "C",
                    "kind": "individual",
                    "level": 2,
                    "target": 3,
                    "steps": [{"what": "x", "done": "yes"}],
                }
            ]
        },
    ),
    ("checkin", {"week": "2026-48"}),
    ("checkin", {"week": "2026-W48", "readings": {"otd": "93"}}),
    ("checkin", {"week": "2026-W48", "confidence": {"alignment": 7}}),
    ("checkin", {"week": "2026-W48", "conversations": [{"with": "Investor", "text": "t"}]}),
    ("checkin", {"week": "2026-W48", "last_week": [{"text": "t", "outcome": "finished"}]}),
    ("checkin", {"week": "2026-W48", "hours": {"alignment": -1}}),
    (
        "one-on-one",
        {
            "person": "maria",
            "date": dt.date(2026, 11, 24),
            "plans": [{"indicator": "otd", "status": "red"}],
        },
    ),
    ("one-on-one", {"person": "maria"}),
    ("leadwork", {"leader": "D", "settings": {"trend_weeks": 1}}),
    ("leadwork", {"leader": "D", "colour": "blue"}),
    ("leadwork", {"leader": "D", "settings": {"conversation_kinds": []}}),
    ("leadwork", {"leader": "D", "settings": {"conversation_kinds": ["Patients"]}}),
    ("strategy", {"purpose": "p", "choices": [{"id": "c"}]}),
    ("strategy-review", {"kind": "capability", "date": dt.date(2026, 1, 1)}),
    (
        "capability-review",
        {
            "kind": "capability",
            "date": dt.date(2026, 1, 1),
            "capability": "c",
            "feedback": [{"who": "a", "side": "both", "text": "t"}],
        },
    ),
]


@pytest.mark.parametrize(
    ("kind", "data"), MISTAKES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(MISTAKES)]
)
def test_schema_refuses_what_the_model_refuses(kind, data):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        KINDS[kind].model.model_validate(data)
    assert schema_errors(kind, data), f"the {kind} schema accepts {data}"


# ---- a real editor toolkit: Taplo --------------------------------------------------------------


def taplo(cwd: Path, *files: str) -> subprocess.CompletedProcess:
    assert TAPLO, "taplo is a test dependency (pip install -e '.[test]')"
    return subprocess.run(
        [TAPLO, "check", *files],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "RUST_LOG": "error", "HOME": str(cwd)},
    )


@pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (pip install -e '.[test]')")
def test_taplo_finds_the_schemas_through_the_directive_and_the_rules(fresh_journal, tmp_path, run):
    ok = taplo(fresh_journal)
    assert ok.returncode == 0, ok.stderr
    example = tmp_path / "example"
    assert run("init", "--example", str(example)).exit_code == 0
    ok = taplo(example)
    assert ok.returncode == 0, ok.stderr

    # The #:schema line alone is enough (no .taplo.toml): a typo is caught as you type.
    (fresh_journal / ".taplo.toml").unlink()
    team = fresh_journal / "team.toml"
    team.write_text(team.read_text() + '\n[[people]]\nid = "maria"\nname = "M"\ncadnce_days = 14\n')
    bad = taplo(fresh_journal, "team.toml")
    assert bad.returncode == 1
    assert "'cadnce_days' was unexpected" in bad.stderr

    # Files in folders get theirs from the journal's .taplo.toml.
    checkin = example / "checkins" / "2026-W48.toml"
    checkin.write_text(checkin.read_text().replace("dayton-otd = 96.4", 'dayton-otd = "96.4"'))
    bad = taplo(example)
    assert bad.returncode == 1
    assert '"96.4" is not of type "number"' in bad.stderr
    assert "checkins/2026-W48.toml:7:" in bad.stderr
