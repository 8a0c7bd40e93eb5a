"""docs/format.md, the file format reference, cannot silently fall behind the models.

For every file's model, walked down through its tables and arrays of tables:
- every key has a row in the section of its file, and no row names a key the model lacks;
- each row gives the key's TOML type, says "required" exactly when the key is, shows the
  default, and names its choices and bounds;
- every key has a description in the model (what `leadwork schema` gives editors).
Every ```toml block in the doc is an example marked with its model and file name: it
parses, validates, passes `leadwork check` in a copy of the example journal, and a file's
examples together use every key of that file. The worked status table agrees with the
status engine.

When you add a key to a model, this file tells you where to document it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import textwrap
import tomllib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from leadwork.domain.status import judge, thresholds_for
from leadwork.model import words as common
from leadwork.model.capabilities import Capabilities
from leadwork.model.checkin import Checkin
from leadwork.model.indicators import Indicators
from leadwork.model.one_on_one import OneOnOne
from leadwork.model.review import CapabilityReview, StrategyReview
from leadwork.model.settings import JournalConfig
from leadwork.model.strategy import Strategy
from leadwork.model.team import Team
from leadwork.store.journal import DEFINITION_MODELS, model_name
from leadwork.weeks import Week

from conftest import EXAMPLE, ROOT

DOCS = ROOT / "docs"
FORMAT = DOCS / "format.md"

SLUG = r"[a-z0-9][a-z0-9_-]*"
DAY = r"\d{4}-\d{2}-\d{2}"


@dataclass(frozen=True)
class FileKind:
    heading: str  # the section heading in format.md, between backticks
    model: type[BaseModel]
    name: re.Pattern[str]  # a real file's path inside the journal


FILES = [
    FileKind("leadwork.toml", JournalConfig, re.compile(r"leadwork\.toml")),
    FileKind("strategy.toml", Strategy, re.compile(r"strategy\.toml")),
    FileKind("capabilities.toml", Capabilities, re.compile(r"capabilities\.toml")),
    FileKind("indicators.toml", Indicators, re.compile(r"indicators\.toml")),
    FileKind("team.toml", Team, re.compile(r"team\.toml")),
    FileKind("checkins/YYYY-Www.toml", Checkin, re.compile(r"checkins/\d{4}-W\d{2}\.toml")),
    FileKind(
        "one-on-ones/YYYY-MM-DD-PERSON.toml",
        OneOnOne,
        re.compile(rf"one-on-ones/{DAY}-{SLUG}\.toml"),
    ),
    FileKind(
        "reviews/YYYY-MM-DD-strategy.toml",
        StrategyReview,
        re.compile(rf"reviews/{DAY}-strategy\.toml"),
    ),
    FileKind(
        "reviews/YYYY-MM-DD-capability-ID.toml",
        CapabilityReview,
        re.compile(rf"reviews/{DAY}-capability-{SLUG}\.toml"),
    ),
]
BY_MODEL = {kind.model.__name__: kind for kind in FILES}


# ---- the models' keys, as a person writes them in TOML ----------------------------------------


@dataclass(frozen=True)
class Key:
    label: str  # as the doc's first column writes it: "[[indicators.changes]] / since"
    field: FieldInfo


def _without_none(annotation: Any) -> list[Any]:
    """The alternatives of a type, with Annotated unwrapped and None left out."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _without_none(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [
            alt
            for arg in typing.get_args(annotation)
            if arg is not type(None)
            for alt in _without_none(arg)
        ]
    return [annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _table(annotation: Any) -> tuple[type[BaseModel], bool] | None:
    """(model, is an array of tables) when the key holds a table or tables, else None."""
    for alt in _without_none(annotation):
        if _is_model(alt):
            return alt, False
        if typing.get_origin(alt) is list:
            (item,) = typing.get_args(alt)
            inner = _without_none(item)
            if len(inner) == 1 and _is_model(inner[0]):
                return inner[0], True
    return None


def _is_free_table(annotation: Any) -> bool:
    """A table whose keys the person chooses, like `[readings]` (indicator id = value)."""
    return any(typing.get_origin(alt) is dict for alt in _without_none(annotation))


def _fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _label(table: str, key: str) -> str:
    return f"{table} / {key}" if table else key


def _header(path: tuple[str, ...], array: bool) -> str:
    dotted = ".".join(path)
    return f"[[{dotted}]]" if array else f"[{dotted}]"


def keys_of(model: type[BaseModel], path: tuple[str, ...] = (), table: str = "") -> Iterator[Key]:
    """Every key a file of `model` may hold; a table is named by its header, `[[a.b]]`."""
    for key, field in _fields(model).items():
        nested = _table(field.annotation)
        if nested is None:
            free = _is_free_table(field.annotation)
            yield Key(_header((*path, key), False) if free else _label(table, key), field)
            continue
        inner, array = nested
        header = _header((*path, key), array)
        yield Key(header, field)
        yield from keys_of(inner, (*path, key), header)


def keys_used(
    data: dict[str, Any], model: type[BaseModel], path: tuple[str, ...] = (), table: str = ""
) -> set[str]:
    """The labels of the keys a parsed file actually uses."""
    used = set()
    fields = _fields(model)
    for key, value in data.items():
        nested = _table(fields[key].annotation)
        if nested is None:
            free = _is_free_table(fields[key].annotation)
            used.add(_header((*path, key), False) if free else _label(table, key))
            continue
        inner, array = nested
        header = _header((*path, key), array)
        used.add(header)
        for item in value if array else [value]:
            used |= keys_used(item, inner, (*path, key), header)
    return used


_SCALARS = {str: "string", bool: "boolean", int: "integer", float: "number", dt.date: "date"}


def toml_type(annotation: Any) -> str:
    """The key's type in the words the doc uses: "array of strings", "date or boolean"."""
    kinds = []
    for alt in _without_none(annotation):
        origin = typing.get_origin(alt)
        if origin is Literal:
            kind = "string"
        elif origin is list:
            kind = "array of " + toml_type(typing.get_args(alt)[0]) + "s"
        elif origin is dict:
            kind = "table of " + toml_type(typing.get_args(alt)[1]) + "s"
        elif _is_model(alt):
            kind = "table"
        else:
            kind = _SCALARS[alt]
        if kind not in kinds:
            kinds.append(kind)
    return " or ".join(kinds)


def choices(annotation: Any) -> list[str]:
    """The values a Literal key allows, wherever it sits (optional, in an array)."""
    found: list[str] = []
    for alt in _without_none(annotation):
        origin = typing.get_origin(alt)
        if origin is Literal:
            found += [str(value) for value in typing.get_args(alt)]
        elif origin is list:
            found += choices(typing.get_args(alt)[0])
    return found


# The limits every id, name and text shares are stated once, in the doc's opening.
_SHARED_LIMITS = {common.ID_MAX, common.NAME_MAX, common.TEXT_MAX}


def bounds(field: FieldInfo) -> list[float]:
    values = []
    for item in field.metadata:
        for attribute in ("ge", "gt", "le", "lt", "max_length"):
            value = getattr(item, attribute, None)
            if value is None:
                continue
            if attribute == "max_length" and value in _SHARED_LIMITS:
                continue
            values.append(value)
    return values


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    return str(value)


def shown_default(field: FieldInfo) -> str | None:
    """The default a row must show, in TOML; None when there is nothing worth showing."""
    value = field.default
    if value is PydanticUndefined or value is None or value == "":
        return None
    if isinstance(value, bool | int | float | str):
        return _toml_value(value)
    return None


# ---- the doc, read as sections, rows and examples ---------------------------------------------

_FILE_HEADING = re.compile(r"^## `([^`]+)`\s*$")
_MARKER = re.compile(r"^<!--\s*model:\s*(\w+)\s*;\s*file:\s*(\S+)\s*-->$")
_CHECK_MARKER = re.compile(r"^<!--\s*check:\s*(\S+?):\s+(.*?)\s+=>\s+(.*?)\s*-->$")


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[str]
    line: int

    @property
    def text(self) -> str:
        return " | ".join(self.cells)


@dataclass(frozen=True)
class Example:
    section: str  # the heading of the file section it sits in ("" if none)
    model: str
    file: str
    text: str
    line: int

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Output:
    """A ```text block after <!-- check: FILE: OLD LINE => NEW LINE -->: what `leadwork check`
    prints once that line of the doc's example of FILE is changed."""

    file: str
    old: str
    new: str
    text: str
    line: int


@dataclass
class Doc:
    rows: dict[str, list[Row]]  # by file section heading
    examples: list[Example]
    unmarked: list[int]  # lines of ```toml blocks without a marker
    tables: dict[str, list[list[str]]]  # rows of a table after <!-- table: NAME -->
    outputs: list[Output]  # ```text blocks that show what `leadwork check` says


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_doc(text: str) -> Doc:
    doc = Doc(rows={}, examples=[], unmarked=[], tables={}, outputs=[])
    lines = text.splitlines()
    section = ""
    table: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith("```"):  # a fence, maybe indented inside a list item
            end = next(
                (j for j in range(index + 1, len(lines)) if lines[j].lstrip().startswith("```")),
                len(lines),
            )
            before = next((lines[j] for j in range(index - 1, -1, -1) if lines[j].strip()), "")
            body = textwrap.dedent("\n".join(lines[index + 1 : end]) + "\n")
            check = _CHECK_MARKER.match(before.strip())
            if line.strip() == "```text" and check:
                doc.outputs.append(Output(check[1], check[2], check[3], body, index + 1))
            if line.strip() == "```toml":
                marker = _MARKER.match(before.strip())
                if marker:
                    doc.examples.append(Example(section, marker[1], marker[2], body, index + 1))
                else:
                    doc.unmarked.append(index + 1)
            index = end + 1
            continue
        if line.startswith("## "):
            heading = _FILE_HEADING.match(line)
            section = heading[1] if heading else ""
            if heading:
                doc.rows.setdefault(section, [])
        named = re.match(r"^<!--\s*table:\s*([\w-]+)\s*-->$", line.strip())
        if named:
            table = named[1]
            doc.tables[table] = []
        elif line.startswith("|"):
            cells = _cells(line)
            if table is not None:
                if not set(line) <= set("|-: "):
                    doc.tables[table].append(cells)
            else:
                keys = re.findall(r"`([^`]+)`", cells[0])
                if keys and section in doc.rows:
                    doc.rows[section].append(Row(" / ".join(keys), cells, index + 1))
        elif not line.strip() and table is not None and doc.tables[table]:
            table = None
        index += 1
    return doc


DOC = read_doc(FORMAT.read_text(encoding="utf-8")) if FORMAT.exists() else None
EXAMPLES = DOC.examples if DOC else []


@pytest.fixture
def doc() -> Doc:
    assert DOC is not None, f"{FORMAT.relative_to(ROOT)} is missing"
    return DOC


def _where(kind: FileKind) -> str:
    return f"docs/format.md, section ## `{kind.heading}`"


# ---- keys -------------------------------------------------------------------------------------


def test_every_file_of_the_journal_has_a_model_here():
    # A new definition file in the store needs a FileKind above, and so a doc section.
    assert set(DEFINITION_MODELS.values()) <= {model_name(kind.model) for kind in FILES}


@pytest.mark.parametrize("kind", FILES, ids=lambda kind: kind.heading)
def test_every_key_has_a_row_in_its_files_section(doc, kind):
    assert kind.heading in doc.rows, f"{_where(kind)} is missing"
    documented = [row.label for row in doc.rows[kind.heading]]
    expected = [key.label for key in keys_of(kind.model)]
    missing = [label for label in expected if label not in documented]
    assert not missing, (
        f"{_where(kind)}: add a table row for each of these keys of {kind.model.__name__} "
        f"(first column like `[[table]]` / `key`): {missing}"
    )
    unknown = [label for label in documented if label not in expected]
    assert not unknown, f"{_where(kind)} documents keys the model does not have: {unknown}"
    repeated = sorted({label for label in documented if documented.count(label) > 1})
    assert not repeated, f"{_where(kind)} documents these keys twice: {repeated}"


@pytest.mark.parametrize("kind", FILES, ids=lambda kind: kind.heading)
def test_each_row_agrees_with_the_model(doc, kind):
    rows = {row.label: row for row in doc.rows.get(kind.heading, [])}
    wrong = []
    for key in keys_of(kind.model):
        row = rows.get(key.label)
        if row is None:
            continue  # the test above says so
        where = f"line {row.line}, {key.label}"
        if len(row.cells) != 5 or not all(row.cells):
            wrong.append(f"{where}: needs 5 filled cells (key, type, required, meaning, example)")
            continue
        _, type_cell, required_cell, _, _ = row.cells
        expected_type = toml_type(key.field.annotation)
        if not type_cell.lower().startswith(expected_type):
            wrong.append(f"{where}: type should start with '{expected_type}', not '{type_cell}'")
        says_required = required_cell.lower().startswith("required")
        if key.field.is_required() != says_required:
            should = "required" if key.field.is_required() else "optional"
            wrong.append(f"{where}: the key is {should}, the row says '{required_cell}'")
        default = shown_default(key.field)
        if default is not None and f"`{default}`" not in required_cell:
            wrong.append(f"{where}: the default `{default}` is not shown ('{required_cell}')")
        for choice in choices(key.field.annotation):
            if f'"{choice}"' not in row.text:
                wrong.append(f'{where}: the choice "{choice}" is not named')
        for bound in bounds(key.field):
            number = f"{bound:g}"
            spelled = {number, f"{bound:,g}"}
            pattern = "|".join(re.escape(s) for s in spelled)
            if not re.search(rf"(?<![\d.,])(?:{pattern})(?!\d|[.,]\d)", row.text):
                wrong.append(f"{where}: the limit {number} is not stated")
    assert not wrong, f"{_where(kind)}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("kind", FILES, ids=lambda kind: kind.heading)
def test_every_key_has_a_description_in_the_model(kind):
    # `leadwork schema` hands these to editors; new keys are described where they are made.
    bare = [key.label for key in keys_of(kind.model) if not (key.field.description or "").strip()]
    assert not bare, f"{kind.model.__name__}: give these keys Field(description=...): {bare}"


def test_the_opening_states_the_shared_limits(doc):
    text = FORMAT.read_text(encoding="utf-8")
    assert f"`{common.ID_PATTERN}`" in text
    for limit in (common.ID_MAX, common.NAME_MAX, common.TEXT_MAX):
        assert f"{limit:,} characters" in text, limit


# ---- examples ---------------------------------------------------------------------------------


def test_every_toml_block_is_a_marked_example(doc):
    unmarked = doc.unmarked
    assert not unmarked, (
        f"```toml blocks at lines {unmarked} need a line before them like "
        "<!-- model: Checkin; file: checkins/2026-W46.toml -->"
    )
    for example in doc.examples:
        kind = BY_MODEL.get(example.model)
        assert kind is not None, f"line {example.line}: no file has the model {example.model}"
        assert example.section == kind.heading, (
            f"line {example.line}: a {example.model} example belongs in ## `{kind.heading}`"
        )
        assert kind.name.fullmatch(example.file), (
            f"line {example.line}: {example.file} is not a name for {kind.heading}"
        )


@pytest.mark.parametrize("kind", FILES, ids=lambda kind: kind.heading)
def test_a_files_examples_use_every_key(doc, kind):
    used: set[str] = set()
    for example in doc.examples:
        if example.model == kind.model.__name__:
            used |= keys_used(tomllib.loads(example.text), kind.model)
    unused = [key.label for key in keys_of(kind.model) if key.label not in used]
    assert not unused, f"{_where(kind)}: no example shows {unused}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.id)
def test_each_example_is_a_valid_file(example):
    model = BY_MODEL[example.model].model
    model.model_validate(tomllib.loads(example.text))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.id)
def test_each_example_passes_check_in_the_example_journal(example, tmp_path, run):
    """Put in its place in a copy of examples/northfield, the example has no problem of
    its own: references resolve, thresholds are in order, the name agrees with the content.
    (An excerpt may leave other files pointing at ids it left out; those are not its own.)"""
    journal = tmp_path / "journal"
    shutil.copytree(EXAMPLE, journal)
    path = journal / example.file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(example.text, encoding="utf-8")
    result = run("check", "--format", "json", journal=journal)
    problems = json.loads(result.stdout)["problems"]
    own = [p for p in problems if p["file"] == example.file]
    assert not own, (
        f"the example at docs/format.md line {example.line}, as {example.file}, has problems "
        "(lines are the example's own):\n" + json.dumps(own, indent=2)
    )


def _with_line_changed(text: str, old: str, new: str) -> str | None:
    lines = text.split("\n")
    if old not in lines:
        return None
    lines[lines.index(old)] = new
    return "\n".join(lines)


OUTPUTS = DOC.outputs if DOC else []


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda output: f"{output.file}:{output.line}")
def test_each_error_shown_is_what_check_says(output, tmp_path, run, monkeypatch):
    """The doc shows real messages: the example, changed as its marker says, in a copy of
    the example journal, gives exactly the problem shown (among others an excerpt causes)."""
    texts = [e.text for e in EXAMPLES if e.file == output.file]
    changed = [t for t in (_with_line_changed(t, output.old, output.new) for t in texts) if t]
    assert changed, f"line {output.line}: no example of {output.file} has the line {output.old!r}"
    journal = tmp_path / "journal"
    shutil.copytree(EXAMPLE, journal)
    (journal / output.file).write_text(changed[0], encoding="utf-8")
    monkeypatch.chdir(journal)  # check names files relative to where the person is
    result = run("check", journal=journal)
    assert result.exit_code == 1, result
    # Problems are separated by blank lines; keep those of this file.
    own = [b.strip("\n") for b in result.stderr.split("\n\n") if b.startswith(output.file + ":")]
    shown = output.text.strip("\n") in own
    assert shown, (
        f"docs/format.md line {output.line} shows:\n{output.text}\n"
        f"check says about {output.file}:\n" + "\n\n".join(own)
    )


def test_the_doc_shows_what_check_says_about_a_mistake(doc):
    assert len(doc.outputs) >= 3, "the ```text blocks after <!-- check: ... --> are missing"


# ---- the scoreboard's rules, worked through ---------------------------------------------------


def test_the_worked_status_examples_agree_with_the_engine(doc):
    indicators = {}
    for example in doc.examples:
        if example.model == "Indicators":
            for indicator in Indicators.model_validate(tomllib.loads(example.text)).indicators:
                indicators[indicator.id] = indicator
    rows = doc.tables.get("status-examples", [])
    assert len(rows) > 1, "the table after <!-- table: status-examples --> is missing"
    header, *rows = rows
    assert header[:4] == ["indicator", "week", "reading", "status"], header
    seen = set()
    for cells in rows:
        ident, week, reading, status = (cell.strip("`* ") for cell in cells[:4])
        indicator = indicators[ident]
        thresholds = thresholds_for(indicator, Week.parse(week))
        assert judge(float(reading), thresholds) == status, cells
        seen.add(status)
    assert seen >= {"celebrate", "on-track", "at-risk", "course-correct"}


# ---- links ------------------------------------------------------------------------------------


def test_the_docs_index_links_the_format_reference():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    assert "(format.md)" in index


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_local_links_in_the_format_reference_resolve(doc):
    text = FORMAT.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        assert (DOCS / target).exists(), f"docs/format.md links to {target}, which is missing"
    anchors = {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in anchors, f"docs/format.md links to #{anchor}, a heading it lacks"
