"""Writers accept every layout `check` accepts (issue 14, item 7).

A week's check-in is written by hand in any valid layout: tables in any order, arrays of
tables split around other tables, inline tables, dotted keys, arrays of inline tables (on
one line or several), comments everywhere, blank lines, CRLF, a BOM, no final line break.
Each layout is generated from a model instance, then amended by the real writers (the
check-in merge behind `checkin`, `story` and `conversation`, and `one-on-one --story`):
none refuses, the result validates and is exactly the merged week, every comment line
stays in its order, and the file keeps its BOM and line endings."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from leadwork.domain.checkin import Answers, merge
from leadwork.errors import UsageProblem
from leadwork.model.checkin import Checkin, Story
from leadwork.store.checkins import save_week
from leadwork.store.document import BOM, parse
from leadwork.store.edit import missing_lines
from leadwork.store.journal import Journal
from leadwork.store.one_on_ones import add_story
from leadwork.store.serialize import model_data
from leadwork.store.together import Together
from leadwork.store.validation import validate
from test_checkin_store import REL, WEEK, answers, this_week

from conftest import Run
from strategies import ids, names

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
TABLES = ("readings", "hours", "confidence", "reflection")
MARK = "#~kept"  # the comment lines the layout adds: no generated text looks like one


def _value(value: object) -> str:
    """A value as TOML writes it on one line (tomli-w escapes line breaks in strings)."""
    return tomli_w.dumps({"x": value})[len("x = ") : -1]


def _inline(entry: dict[str, object]) -> str:
    return "{ " + ", ".join(f"{key} = {_value(value)}" for key, value in entry.items()) + " }"


@st.composite
def layouts(draw: st.DrawFn, checkin: Checkin) -> str:
    """The check-in as a person may write it: the same data, any valid layout."""
    data = model_data(checkin)
    roots: list[list[str]] = [[f"week = {_value(data.pop('week'))}"]]  # key lines, in groups
    blocks: list[tuple[str | None, list[str]]] = []  # (array or None, a header and its keys)
    for name, value in data.items():
        if name in TABLES:
            assert isinstance(value, dict)
            keys = [f"{key} = {_value(v)}" for key, v in value.items()]
            style = draw(st.sampled_from(["header", "inline", "dotted"] if keys else ["header"]))
            if style == "header":
                blocks.append((None, [f"[{name}]", *keys]))
            elif style == "inline":
                roots.append([f"{name} = {_inline(value)}"])
            else:
                roots.append([f"{name}.{line}" for line in keys])
            continue
        assert isinstance(value, list)
        style = draw(st.sampled_from(["tables", "inline", "lines"] if value else ["inline"]))
        if style == "tables":
            for entry in value:
                keys = [f"{key} = {_value(v)}" for key, v in entry.items()]
                blocks.append((name, [f"[[{name}]]", *keys]))
        elif style == "inline":
            roots.append([f"{name} = [{', '.join(_inline(entry) for entry in value)}]"])
        else:
            comma = draw(st.booleans())  # a trailing comma, or none
            items = [f"  {_inline(entry)}," for entry in value]
            if not comma:
                items[-1] = items[-1][:-1]
            roots.append([f"{name} = [", *items, "]"])
    # Tables in any order, arrays split among them; each array's entries in their order.
    order = draw(st.permutations(blocks))
    for name in {array for array, _ in blocks if array is not None}:
        entries = iter([b for b in blocks if b[0] == name])
        order = [next(entries) if b[0] == name else b for b in order]
    lines = [line for group in draw(st.permutations(roots)) for line in group]
    lines += [line for _, block in order for line in block]
    # Comments above any line, at the end of any line, blank lines, a last word.
    written: list[str] = []
    for number, line in enumerate(lines):
        above = draw(st.sampled_from(["", "comment", "blank"]))
        if above == "comment":
            written.append(f"{MARK} {number} above")
        elif above == "blank":
            written.append("")
        tail = draw(st.booleans())
        written.append(f"{line}  {MARK} {number} after" if tail else line)
    if draw(st.booleans()):
        written.append(f"{MARK} the end")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    result = newline.join(written) + (newline if draw(st.booleans()) else "")
    return (BOM if draw(st.booleans()) else "") + result


def _read(path: Path) -> tuple[str, Checkin]:
    raw = path.read_bytes().decode("utf-8")
    return raw, validate(Checkin, parse(path, raw.removeprefix(BOM)))


def _comments(text: str) -> list[str]:
    return [line[line.index(MARK) :].rstrip("\r") for line in text.split("\n") if MARK in line]


stories = st.builds(Story, text=names, who=st.none() | names, choice=st.none() | ids)
writes = st.one_of(
    st.tuples(st.just("checkin"), answers),
    st.tuples(st.just("story"), st.lists(st.fixed_dictionaries({"text": names}), min_size=1)),
    st.tuples(
        st.just("conversation"),
        st.lists(
            st.fixed_dictionaries(
                {"with": st.sampled_from(["customer", "analyst"]), "text": names},
                optional={"who": names},
            ),
            min_size=1,
        ),
    ),
    st.tuples(st.just("one-on-one --story"), stories),
)


@SETTINGS
@given(st.data(), this_week, writes)
def test_every_valid_layout_is_amended_exactly(data, current, write):
    original = data.draw(layouts(current), label="file")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / REL
        path.parent.mkdir()
        path.write_bytes(original.encode("utf-8"))
        assert _read(path)[1] == current  # the layout holds the week it was made from
        journal = Journal(root)
        kind, what = write
        if kind == "one-on-one --story":
            together = Together(journal)
            add_story(together, WEEK, what)
            together.write()
            expected = current.model_copy(update={"stories": [*current.stories, what]})
        else:
            given_answers = {
                "checkin": lambda: what,
                "story": lambda: Answers(stories=what),
                "conversation": lambda: Answers(conversations=what),
            }[kind]()
            try:
                saved = save_week(journal, WEEK, lambda c: merge(WEEK, c, None, given_answers))
            except UsageProblem:
                assume(False)  # e.g. the hours would add up to more than a week
            expected = saved.merged.checkin
        written, checkin = _read(path)
        assert checkin == expected
        assert missing_lines(original.removeprefix(BOM), written.removeprefix(BOM)) == []
        assert _comments(written) == _comments(original)
        assert written.startswith(BOM) == original.startswith(BOM)
        if "\r\n" in original:
            assert written.count("\n") == written.count("\r\n")


# ---- the case, through the real commands -----------------------------------------

SPLIT = """\
# Check-in for 2026-W48, written by hand
week = "2026-W48"

[[stories]]   # the first one, before the numbers
text = "Maria's team caught the heat lot before it shipped."
choice = "quality-first"

# the numbers, late
[readings]
greenville-otd = 97.6   # from the plant report

# one more
[[stories]]
text = "Tom rebuilt the schedule around the Dayton press."
# the end
"""


@pytest.mark.parametrize("crlf", [False, True])
@pytest.mark.parametrize(
    "argv",
    [
        ("story", "Priya kept the line running"),
        ("conversation", "--with", "customer", "Asked about the medical quotes"),
        ("checkin", "--no-input", "--reading", "dayton-otd=96", "--hours", "other=4"),
        (
            "one-on-one", "priya", "--no-input", "--done", "all",
            "--celebrate", "A clean changeover", "--story", "quality-first",
        ),
    ],
    ids=["story", "conversation", "checkin", "one-on-one"],
)  # fmt: skip
def test_stories_on_both_sides_of_readings(run: Run, example_journal: Path, argv, crlf):
    path = example_journal / REL
    original = SPLIT.replace("\n", "\r\n") if crlf else SPLIT
    path.write_bytes(original.encode("utf-8"))
    assert run("check", journal=example_journal).exit_code == 0
    result = run(*argv, journal=example_journal)
    assert result.exit_code == 0, result
    written = path.read_bytes().decode("utf-8")
    assert missing_lines(original, written) == []
    assert run("check", journal=example_journal).exit_code == 0
    # The person's order stands: the numbers still sit between the two stories.
    lines = written.splitlines()
    assert lines.index("[readings]") < lines.index("# one more")
    assert (written.count("\r\n") == written.count("\n")) if crlf else "\r" not in written
