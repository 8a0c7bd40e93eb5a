"""JSON Schema of every journal file, generated from the models, for editors.

Taplo (and Even Better TOML, which uses it) validates and completes a TOML file against a
JSON Schema while the person types. The schemas are generated from the pydantic models, so
they cannot drift from what `leadwork check` accepts; a few things only `check` can judge
(cross-references, a week that does not exist) stay with `check`.

They are written as JSON Schema draft-07 (`definitions`, not `$defs`): Taplo documents
draft-4 support and handles draft-07 keywords; draft-07 is what most editors understand.
TOML has no null, so pydantic's "X or null" for optional keys becomes plain X.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from leadwork import __version__, layout
from leadwork.model.capabilities import Capabilities
from leadwork.model.checkin import Checkin
from leadwork.model.indicators import Indicators
from leadwork.model.one_on_one import OneOnOne
from leadwork.model.review import CapabilityReview, StrategyReview
from leadwork.model.settings import JournalConfig
from leadwork.model.strategy import Strategy
from leadwork.model.team import Team

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = layout.SCHEMA_DIR  # inside the journal; every file's #:schema line points here
WEEK_PATTERN = r"^\d{4}-W\d{2}$"


@dataclass(frozen=True)
class FileKind:
    name: str  # the schema's file name without .json
    model: type[BaseModel]
    files: str  # which journal files it describes (a glob, relative to the journal)
    title: str


_MODELS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("leadwork", JournalConfig, "leadwork.toml: whose journal it is"),
    ("strategy", Strategy, "strategy.toml: purpose and choices"),
    ("capabilities", Capabilities, "capabilities.toml: what to build"),
    ("indicators", Indicators, "indicators.toml: leading indicators"),
    ("team", Team, "team.toml: the people you work with"),
    ("checkin", Checkin, "A weekly check-in"),
    ("one-on-one", OneOnOne, "A one-on-one"),
    ("strategy-review", StrategyReview, "A strategy review"),
    ("capability-review", CapabilityReview, "A capability review"),
)
# Which files each schema describes is the layout's (layout.py SCHEMA_FILES).
FILE_KINDS: tuple[FileKind, ...] = tuple(
    FileKind(name, model, layout.SCHEMA_FILES[name], title) for name, model, title in _MODELS
)
KINDS = {kind.name: kind for kind in FILE_KINDS}


def schema_file(kind: str) -> str:
    """Where the schema of `kind` lives in a journal, relative to its root."""
    return f"{SCHEMA_DIR}/{kind}.json"


def kind_of(rel: str) -> FileKind:
    """The kind of the journal file at `rel` (forward slashes, relative to the root)."""
    name = layout.schema_name(rel)
    if name is None:
        raise KeyError(rel)
    return KINDS[name]


def json_schema(kind: FileKind) -> dict[str, Any]:
    raw = kind.model.model_json_schema(
        by_alias=True, mode="validation", ref_template="#/definitions/{model}"
    )
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": kind.title,
        "description": (
            f"leadwork {__version__}: {kind.files} (written by `leadwork schema`; "
            "`leadwork check` also checks what a schema cannot, like cross-references)"
        ),
    }
    definitions = raw.pop("$defs", {})
    raw.pop("title", None)
    raw.pop("description", None)
    schema.update(_tidy(raw))
    if definitions:
        schema["definitions"] = {name: _tidy(d) for name, d in sorted(definitions.items())}
    return schema


def _tidy(node: Any) -> Any:
    """Make pydantic's output fit TOML: no null, no auto-titles on keys, weeks as a pattern."""
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _tidy(value) for key, value in node.items()}
    options = node.get("anyOf")
    if options is not None:
        options = [o for o in options if o != {"type": "null"}]
        if len(options) == 1:
            del node["anyOf"]
            node = {**options[0], **node}
        else:
            node["anyOf"] = options
    if node.get("default", 0) is None:
        del node["default"]
    if node.get("examples") == ["2026-W48"] and node.get("type") == "string":
        node.setdefault("pattern", WEEK_PATTERN)
    properties = node.get("properties")
    if isinstance(properties, dict):
        for prop in properties.values():
            prop.pop("title", None)
    return node


def all_schemas() -> dict[str, str]:
    """Schema file name -> JSON text, for every kind of journal file."""
    return {f"{kind.name}.json": dumps(json_schema(kind)) for kind in FILE_KINDS}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def taplo_config() -> str:
    """A `.taplo.toml` for the journal: every file gets its schema by rule, also files with
    no directive of their own (check-ins leadwork writes, a copied example journal)."""
    lines = [
        "# Editor support: Taplo and Even Better TOML check each journal file against its",
        "# JSON Schema while you type (a #:schema line at the top of a file wins over these",
        "# rules). Written by `leadwork init`; `leadwork schema` refreshes the",
        f"# schemas in {SCHEMA_DIR}/ after an upgrade.",
        'include = ["*.toml", "checkins/*.toml", "one-on-ones/*.toml", "reviews/*.toml"]',
    ]
    for kind in FILE_KINDS:
        lines += [
            "",
            "[[rule]]",
            f'include = ["{kind.files}"]',
            f'schema.path = "./{schema_file(kind.name)}"',
        ]
    return "\n".join(lines) + "\n"


TAPLO_CONFIG = ".taplo.toml"


def editor_files() -> dict[str, str]:
    """What a journal needs for editor support, by path relative to its root."""
    files = {f"{SCHEMA_DIR}/{name}": text for name, text in all_schemas().items()}
    files[TAPLO_CONFIG] = taplo_config()
    return files
