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

from leadwork import layout
from leadwork.render.schema import (
    FILE_KINDS,
    KINDS,
    SCHEMA_DIR,
    all_schemas,
    editor_files,
    kind_of,
)
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
    (tmp_path / "out").mkdir()
    result = run("schema", "--output", "out/schemas")
    assert result.exit_code == 0, result
    assert sorted(p.name for p in (tmp_path / "out" / "schemas").iterdir()) == sorted(all_schemas())
    again = run("schema", "--output", "out/schemas")  # into the folder it made: fine
    assert again.exit_code == 0, again


def test_schema_output_into_a_missing_folder_is_refused(
    tmp_path, run, monkeypatch, example_journal
):
    """Trial 20, finding 12: `schema --output` made the missing folders on the way, where
    `dashboard`, `report` and `indicator export --output` refuse them. One guard for all
    (`store/atomic.py`): the folder DIR goes into must exist; DIR itself is made."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = run("schema", "--output", "nope/a/schemas")
    assert result.exit_code == 1, result
    assert result.stderr == (
        "leadwork: error: --output: the folder nope/a does not exist: create it first\n"
        "  = hint: mkdir -p 'nope/a', or give --output a folder in a folder that exists\n"
    )
    assert list(here.iterdir()) == []
    dashboard = run("dashboard", "--output", "nope/a/d.md", journal=example_journal)
    assert dashboard.exit_code == 1, dashboard
    assert dashboard.stderr.splitlines()[0] == result.stderr.splitlines()[0]
    assert list(here.iterdir()) == []


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
    editor = set(editor_files())
    journal_files = sum(
        1
        for p in EXAMPLE.rglob("*")
        if p.is_file()
        and p.name != ".gitattributes"
        and p.relative_to(EXAMPLE).as_posix() not in editor
    )
    assert f"({journal_files} files)" in result.stdout
    # A copy gets this leadwork's schemas (the example's own are kept equal to them).
    for rel, text in editor_files().items():
        assert (tmp_path / "ex" / rel).read_text() == text


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

    # Files in folders too (their #:schema line, and the journal's .taplo.toml). Line 8:
    # the #:schema line is line 1.
    checkin = example / "checkins" / "2026-W48.toml"
    checkin.write_text(checkin.read_text().replace("dayton-otd = 96.4", 'dayton-otd = "96.4"'))
    bad = taplo(example)
    assert bad.returncode == 1
    assert '"96.4" is not of type "number"' in bad.stderr
    assert "checkins/2026-W48.toml:8:" in bad.stderr


@pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (pip install -e '.[test]')")
def test_taplo_from_another_folder_catches_a_typo_in_every_kind_of_file(tmp_path, run):
    """Taplo resolves .taplo.toml rules against the folder it runs in: from anywhere else
    only each file's own #:schema line (relative to the file) finds the schema."""
    example = tmp_path / "journals" / "northfield"
    assert run("init", "--example", str(example)).exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    files = [str(example / rel) for rel in example_toml_files()]
    ok = taplo(elsewhere, *files)
    assert ok.returncode == 0, ok.stderr
    for rel in [
        "checkins/2026-W48.toml",
        "one-on-ones/2026-10-20-priya.toml",
        "reviews/2026-07-20-strategy.toml",
        "reviews/2026-11-20-capability-quality-at-scale.toml",
        "team.toml",
    ]:
        path = example / rel
        good = path.read_text()
        path.write_text(good + "\nstorys = 1\n")  # a typo: an unknown key
        bad = taplo(elsewhere, str(path))
        assert bad.returncode == 1, rel
        assert "'storys' was unexpected" in bad.stderr, (rel, bad.stderr)
        assert f"{rel}:{len(good.splitlines()) + 2}:1" in bad.stderr, bad.stderr
        path.write_text(good)
    # The same typo in a check-in that has no #:schema line (as before issue 16) passes
    # vacuously from another folder: the line is what makes the difference.
    checkin = example / "checkins" / "2026-W47.toml"
    checkin.write_text(checkin.read_text().split("\n", 1)[1] + "\nstorys = 1\n")
    assert taplo(elsewhere, str(checkin)).returncode == 0
    assert taplo(example, "checkins/2026-W47.toml").returncode == 1


# ---- every file names its schema, relative to its own folder (no Taplo needed) ----------------


def directive_target(path: Path) -> Path:
    """Where the `#:schema` first line of `path` points, resolved from the file's folder."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#:schema "), f"{path}: first line is {first!r}"
    target = first.removeprefix("#:schema ").strip()
    assert not Path(target).is_absolute() and "://" not in target, first
    return (path.parent / target).resolve()


def assert_names_its_schema(root: Path, rel: str) -> None:
    target = directive_target(root / rel)
    assert target.is_file(), f"{rel}: {target} does not exist"
    assert target == (root / SCHEMA_DIR / f"{kind_of(rel).name}.json").resolve(), rel
    assert (root / rel).read_text().splitlines()[0] == layout.schema_directive(rel)


def example_toml_files() -> list[str]:
    return sorted(
        p.relative_to(EXAMPLE).as_posix()
        for p in EXAMPLE.rglob("*.toml")
        if p.name != ".taplo.toml"
    )


def test_the_example_covers_every_kind_of_file():
    kinds = {kind_of(rel).name for rel in example_toml_files()}
    assert kinds == set(KINDS)
    assert set(layout.SCHEMA_FILES) == set(KINDS)


@pytest.mark.parametrize("rel", example_toml_files())
def test_every_file_of_the_example_starts_with_its_schema(rel):
    assert_names_its_schema(EXAMPLE, rel)


def test_the_example_ships_the_schemas_and_taplo_config_of_this_leadwork():
    # Regenerate after a model change: `leadwork schema` inside examples/northfield.
    for rel, text in editor_files().items():
        assert (EXAMPLE / rel).read_text(encoding="utf-8") == text, rel


def test_the_directive_is_relative_to_the_files_folder():
    assert layout.schema_directive("team.toml") == "#:schema ./.leadwork/schema/team.json"
    assert layout.schema_directive("checkins/2026-W48.toml") == (
        "#:schema ../.leadwork/schema/checkin.json"
    )
    assert layout.schema_directive("reviews/2026-11-27-capability-flow.toml") == (
        "#:schema ../.leadwork/schema/capability-review.json"
    )
    assert layout.schema_directive(".drafts/2026-W48.toml") is None
    assert layout.schema_directive("notes.toml") is None


def test_every_writer_starts_a_new_file_with_its_schema(example_journal, run):
    writes = [
        (("story", "Keisha ran the audit"), "2026-12-01", "checkins/2026-W49.toml"),
        (
            ("conversation", "--with", "customer", "They", "liked", "it"),
            "2026-12-08",
            "checkins/2026-W50.toml",
        ),
        (("checkin", "--no-input", "-r", "dayton-otd=97"), "2026-12-15", "checkins/2026-W51.toml"),
        (
            ("one-on-one", "tom", "--no-input", "--done", "1,2"),
            "2026-12-15",
            "one-on-ones/2026-12-15-tom.toml",
        ),
        (("review", "strategy", "--no-input"), "2026-12-15", "reviews/2026-12-15-strategy.toml"),
        (
            ("review", "capability", "coaching-supervisors", "--no-input"),
            "2026-12-15",
            "reviews/2026-12-15-capability-coaching-supervisors.toml",
        ),
    ]
    for args, today, rel in writes:
        assert not (example_journal / rel).exists(), rel
        result = run(*args, journal=example_journal, env={"LEADWORK_TODAY": today})
        assert result.exit_code == 0, (args, result)
        assert_names_its_schema(example_journal, rel)
    check = run("check", journal=example_journal, env={"LEADWORK_TODAY": "2026-12-15"})
    assert check.exit_code == 0, check


def test_init_writes_each_file_with_its_schema(fresh_journal):
    for rel in layout.DEFINITION_FILES:
        assert_names_its_schema(fresh_journal, rel)


def test_a_file_the_person_has_is_never_given_the_line_unasked(example_journal, run):
    checkin = example_journal / "checkins" / "2026-W48.toml"
    mine = checkin.read_text().split("\n", 1)[1]  # as if written before leadwork added it
    checkin.write_text(mine)
    result = run("story", "Keisha ran the audit", journal=example_journal)
    assert result.exit_code == 0, result
    text = checkin.read_text()
    assert not text.startswith("#:schema")
    assert text.startswith(mine.split("\n", 1)[0] + "\n")
    assert "Keisha ran the audit" in text


def test_schema_offers_the_line_and_adds_it_only_when_asked(example_journal, run):
    team = example_journal / "team.toml"
    checkin = example_journal / "checkins" / "2026-W30.toml"
    team_body = team.read_bytes().split(b"\n", 1)[1].replace(b"\n", b"\r\n")  # CRLF file
    checkin_body = b"\xef\xbb\xbf" + checkin.read_bytes().split(b"\n", 1)[1]  # with a BOM
    team.write_bytes(team_body)
    checkin.write_bytes(checkin_body)
    offer = run("schema", journal=example_journal)
    assert offer.exit_code == 0, offer
    assert offer.stdout == (
        f"The 9 schemas in {SCHEMA_DIR}/ are up to date.\n"
        "2 journal files (e.g. team.toml) have no #:schema line: editors check them only "
        "inside the journal folder.\n"
        "`leadwork schema --add-directives` adds the line at the top; nothing else changes.\n"
    )
    assert team.read_bytes() == team_body and checkin.read_bytes() == checkin_body

    added = run("schema", "--add-directives", journal=example_journal)
    assert added.exit_code == 0, added
    assert added.stdout.endswith("Added the #:schema line to 2 journal files.\n")
    assert team.read_bytes() == b"#:schema ./.leadwork/schema/team.json\r\n" + team_body
    assert checkin.read_bytes() == (
        b"\xef\xbb\xbf#:schema ../.leadwork/schema/checkin.json\n" + checkin_body[3:]
    )
    assert run("check", journal=example_journal).exit_code == 0
    again = run("schema", "--add-directives", journal=example_journal)
    assert again.stdout.endswith("Every journal file already has its #:schema line.\n")


def test_a_line_of_the_persons_own_is_kept(example_journal, run):
    team = example_journal / "team.toml"
    own = (
        "# My staff\n#:schema https://example.invalid/team.json\n"
        + team.read_text().split("\n", 1)[1]
    )
    team.write_text(own)
    result = run("schema", "--add-directives", journal=example_journal)
    assert result.exit_code == 0, result
    assert team.read_text() == own


def test_schema_counts_the_taplo_config_apart_from_the_schemas(fresh_journal, run):
    (fresh_journal / ".taplo.toml").unlink()
    result = run("schema", journal=fresh_journal)
    assert result.stdout == (
        f"The 9 schemas in {SCHEMA_DIR}/ are up to date.\n"
        "Wrote .taplo.toml (Taplo's rules for this journal's files).\n"
    )
    assert (fresh_journal / ".taplo.toml").read_text() == editor_files()[".taplo.toml"]


def test_add_directives_goes_alone(example_journal, run, tmp_path):
    before = tree_hash(example_journal)
    for args in (
        ("team", "--add-directives"),
        ("--output", str(tmp_path / "o"), "--add-directives"),
    ):
        result = run("schema", *args, journal=example_journal)
        assert result.exit_code == 2, result
        assert "--add-directives changes the journal's files" in result.stderr
    assert tree_hash(example_journal) == before
    assert not (tmp_path / "o").exists()
