"""Writing a week: new files read back as written, amended files change only what the
answers change (whatever the file held), and drafts survive a round trip."""

import tempfile
import tomllib
from pathlib import Path

import pytest
import tomli_w
import tomlkit
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from leadwork.domain.checkin import (
    Answers,
    AppendEntry,
    Draft,
    SetValue,
    merge,
)
from leadwork.errors import UsageProblem
from leadwork.model.checkin import Checkin
from leadwork.store.checkins import (
    apply_edits,
    load_draft,
    save_draft,
    save_week,
)
from leadwork.store.document import parse
from leadwork.store.journal import Journal
from leadwork.store.serialize import dumps, model_data
from leadwork.store.validation import validate
from leadwork.weeks import Week

from strategies import checkins, ids, names, numbers

WEEK = Week(2026, 48)
REL = "checkins/2026-W48.toml"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

whole_or_not = st.one_of(st.integers(-1000, 1000), numbers)
answers = st.builds(
    Answers,
    follow_ups=st.dictionaries(names, st.sampled_from(["done", "carried", "dropped"]), max_size=2),
    readings=st.dictionaries(ids, whole_or_not, max_size=3),
    hours=st.dictionaries(
        st.sampled_from(["alignment", "capability", "accountability", "someone_elses_job"]),
        st.integers(0, 10),
        max_size=4,
    ),
    confidence=st.dictionaries(
        st.sampled_from(["alignment", "capability", "accountability"]), st.integers(1, 5)
    ),
    reflection=st.dictionaries(st.sampled_from(["confident", "challenge", "note"]), names),
    commitments=st.lists(names, max_size=2),
    stories=st.lists(
        st.fixed_dictionaries({"text": names}, optional={"who": names, "choice": ids}),
        max_size=2,
    ),
    conversations=st.lists(
        st.fixed_dictionaries(
            {"with": st.sampled_from(["customer", "analyst"]), "text": names},
            optional={"who": names, "refresh": st.just(True)},
        ),
        max_size=2,
    ),
)
this_week = checkins.map(lambda c: c.model_copy(update={"week": str(WEEK)}))


def read_back(path: Path) -> Checkin:
    return validate(Checkin, parse(path, path.read_text(encoding="utf-8")))


@SETTINGS
@given(checkins)
def test_new_files_read_back_as_written(checkin):
    text = dumps(checkin, "Check-in for a week")
    assert read_back_text(text) == checkin
    assert "= [{" not in text.replace(" ", "")  # never an inline array of tables


def read_back_text(text: str) -> Checkin:
    return validate(Checkin, parse(Path("w.toml"), text))


@SETTINGS
@given(this_week, answers, st.booleans())
def test_amending_any_file_gives_exactly_the_merged_week(current, given_answers, natural):
    """Whatever a valid week file holds, and however it was written, the amended file reads
    back as the week the domain computed, and keeps every comment and header line."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / REL
        path.parent.mkdir()
        # As leadwork writes it, or as tomli-w does (short arrays of tables inline).
        body = dumps(current) if natural else tomli_w.dumps(model_data(current))
        original = "# the person's header\n" + body + "\n# the person's last word\n"
        path.write_text(original, encoding="utf-8")
        journal = Journal(root)
        try:
            saved = save_week(journal, WEEK, lambda c: merge(WEEK, c, None, given_answers))
        except UsageProblem:
            assume(False)  # e.g. the hours would add up to more than a week
        written = path.read_text(encoding="utf-8")
        if saved.outcome == "unchanged":
            assert written == original
        else:
            assert read_back(path) == saved.merged.checkin
            assert written.startswith("# the person's header\n")
            assert "# the person's last word\n" in written


def amend(text: str, *edits) -> str:
    document = tomlkit.parse(text)
    apply_edits(document, edits)
    result = tomlkit.dumps(document)
    tomllib.loads(result)
    return result


@pytest.mark.parametrize(
    ("before", "edits", "after"),
    [
        # a file without a final line break
        (
            '[[stories]]\ntext = "A"',
            [AppendEntry("stories", {"text": "B"})],
            '[[stories]]\ntext = "A"\n\n[[stories]]\ntext = "B"\n',
        ),
        # a person who writes no blank lines still gets one around what leadwork adds
        (
            'week = "2026-W48"\n[readings]\na = 1',
            [SetValue("hours", "other", 3)],
            'week = "2026-W48"\n[readings]\na = 1\n\n[hours]\nother = 3\n',
        ),
        # a comment above a section stays above it when a section is inserted before it
        (
            'week = "2026-W48"\n\n# about stories\n[[stories]]\ntext = "A"\n',
            [SetValue("readings", "a", 3)],
            'week = "2026-W48"\n\n[readings]\na = 3\n\n# about stories\n[[stories]]\ntext = "A"\n',
        ),
        # ...also when tomlkit files it under the table above
        (
            'week = "2026-W48"\n\n[readings]\na = 1 # c\n\n# about hours\n[hours]\nother = 1\n',
            [SetValue("readings", "b", 3), SetValue("confidence", "alignment", 3)],
            'week = "2026-W48"\n\n[readings]\na = 1 # c\nb = 3\n\n# about hours\n[hours]\n'
            "other = 1\n\n[confidence]\nalignment = 3\n",
        ),
        (
            '[[commitments]]\ntext = "A"\n\n# the story of the week\n[[stories]]\ntext = "S"\n',
            [AppendEntry("commitments", {"text": "B"})],
            '[[commitments]]\ntext = "A"\n\n[[commitments]]\ntext = "B"\n\n'
            '# the story of the week\n[[stories]]\ntext = "S"\n',
        ),
        # a value's trailing comment survives a new value
        (
            "[readings]\na = 1  # from the plant report\n",
            [SetValue("readings", "a", 2)],
            "[readings]\na = 2  # from the plant report\n",
        ),
        # text with line breaks is written as a multi-line string
        (
            'week = "2026-W48"\n',
            [SetValue("reflection", "note", "two\nlines")],
            'week = "2026-W48"\n\n[reflection]\nnote = """two\nlines"""\n',
        ),
    ],
)
def test_amended_layout(before, edits, after):
    assert amend(before, *edits) == after


def test_drafts_round_trip(tmp_path):
    journal = Journal(tmp_path)
    tricky = 'quotes " and \\ and """ and\nlines and # hashes'
    draft = Draft(
        WEEK,
        ["reading:otd", "story:0:text"],
        Answers(
            follow_ups={tricky: "carried"},
            readings={"otd": 96, "scrap": 2.5},
            hours={"other": 4},
            confidence={"alignment": 3},
            reflection={"note": tricky},
            commitments=[tricky],
            stories=[{"text": tricky}],
            conversations=[{"with": "customer", "text": "x", "refresh": True}],
        ),
    )
    save_draft(journal, draft)
    assert load_draft(journal, WEEK) == draft
    assert load_draft(journal, Week(2026, 47)) is None


@pytest.mark.parametrize(
    "text",
    ["week = ", 'week = "2026-W47"\n', 'week = "2026-W48"\nanswered = 3\n',
     'week = "2026-W48"\n[answers]\nreadings = {otd = "x"}\n'],
)  # fmt: skip
def test_a_draft_that_cannot_be_read_says_why(tmp_path, text):
    (tmp_path / ".drafts").mkdir()
    (tmp_path / ".drafts/2026-W48.toml").write_text(text)
    with pytest.raises(ValueError):
        load_draft(Journal(tmp_path), WEEK)


def test_merge_keeps_what_it_is_not_told():
    current = Checkin.model_validate(
        tomllib.loads('week = "2026-W48"\n[readings]\na = 1.5\nb = 2\n[[stories]]\ntext = "S"\n')
    )
    merged = merge(WEEK, current, None, Answers(readings={"a": 1.5, "c": 3}))
    assert merged.checkin.readings == {"a": 1.5, "b": 2, "c": 3}
    assert merged.edits == [SetValue("readings", "c", 3)]
    assert merged.checkin.stories == current.stories
