"""`leadwork review strategy`: shows the time since the last review, the refresh signals
since then and the quiet choices; records one file per review; never rewrites strategy.toml."""

import datetime as dt
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadwork.domain.review import last_strategy_review
from leadwork.model.review import AnsweredSignal, CapabilityReview, Feedback, StrategyReview
from leadwork.model.strategy import Strategy
from leadwork.store.document import parse
from leadwork.store.serialize import dumps
from leadwork.store.validation import validate

from conftest import tree_hash
from strategies import dates, ids, names, text, weeks

GOLDEN = Path(__file__).with_name("golden")
TODAY = "2026-11-27"
NEW_REVIEW = f"reviews/{TODAY}-strategy.toml"


@pytest.fixture
def terminal(monkeypatch):
    """CliRunner's stdin is not a terminal; say it is, so the review asks (its answers are
    typed through `input`)."""
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)


def stripped(output: str) -> str:
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".leadwork.lock"
    }


def added(before: dict[str, bytes], root: Path) -> dict[str, str]:
    """What a command added; it must have changed nothing else."""
    after = files(root)
    changed = [rel for rel in before if after.get(rel) != before[rel]]
    assert changed == [], f"changed: {changed}"
    return {rel: after[rel].decode() for rel in after if rel not in before}


# ---- the briefing --------------------------------------------------------------------------------


def test_the_briefing_on_the_example(example_journal, run):
    before = tree_hash(example_journal)
    result = run("review", "strategy", "--show-only", journal=example_journal)
    assert result.exit_code == 0, result
    assert stripped(result.stdout) == (GOLDEN / "review-strategy-northfield.txt").read_text()
    assert tree_hash(example_journal) == before


def test_the_briefing_as_json(example_journal, run):
    result = run("review", "strategy", "--show-only", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert (data["last_review"], data["days_since"], data["due_on"], data["overdue"]) == (
        "2026-07-20",
        130,
        "2027-01-18",
        False,
    )
    assert [(s["number"], s["week"], s["with"]) for s in data["signals"]] == [
        (1, "2026-W37", "supplier"),
        (2, "2026-W43", "customer"),
        (3, "2026-W46", "analyst"),
    ]
    assert data["quiet_choices"] == [
        {
            "id": "grow-medical",
            "statement": "We grow medical devices to 30% of sales by 2028, using the precision "
            "and traceability our ag work taught us.",
            "last_story": "2026-W40",
            "weeks": 8,
        }
    ]


# ---- recording -----------------------------------------------------------------------------------


def test_an_interactive_review_records_one_file_and_touches_nothing_else(
    example_journal, run, terminal
):
    before = files(example_journal)
    answers = "marcus, priya, Dana Whitfield\n2, 3\n\nMedical goes to 35% by 2028.\n"
    result = run("review", "strategy", journal=example_journal, input=answers)
    assert result.exit_code == 0, result
    assert "Refresh signals since the last review (3)" in result.stdout
    assert result.stdout.rstrip().endswith(
        f"Recorded {NEW_REVIEW} with marcus, priya and Dana Whitfield; it answered 2 of 3 "
        "signals. The next review is due by 2027-05-28."
    )
    assert added(before, example_journal) == {
        NEW_REVIEW: (
            "#:schema ../.leadwork/schema/strategy-review.json\n"
            "# Strategy review of 2026-11-27, recorded by `leadwork review`.\n"
            "# It is yours to edit; `leadwork check` validates it.\n"
            "\n"
            'kind = "strategy"\n'
            "date = 2026-11-27\n"
            "participants = [\n"
            '    "marcus",\n'
            '    "priya",\n'
            '    "Dana Whitfield",\n'
            "]\n"
            'changes = "Medical goes to 35% by 2028."\n'
            "\n"
            "[[answered]]\n"
            'week = "2026-W43"\n'
            'source = "conversation"\n'
            'who = "Prairie Implement (Dale Jensen)"\n'
            'text = "Prairie is cutting 2027 build schedules by about 15 percent; farm income is '
            "down and dealers are full. If ag shrinks that much, 30 percent medical by 2028 may "
            'be too slow, not too ambitious."\n'
            "\n"
            "[[answered]]\n"
            'week = "2026-W46"\n'
            'source = "conversation"\n'
            'who = "Meridian Capital (Paul Brandt, industrial analyst)"\n'
            'text = "Medical OEMs are moving precision machining out of Asia faster than '
            "expected, and they short-list suppliers with ISO 13485 at every plant. Our medical "
            'timeline may be too cautious."\n'
        )
    }
    check = run("check", journal=example_journal)
    assert check.exit_code == 0
    assert "3 check-ins" not in check.stdout and "4 reviews" in check.stdout


def test_since_the_last_review_counts_from_the_new_review(example_journal, run):
    run("review", "strategy", "--no-input", "--signal", "2", journal=example_journal)
    data = json.loads(
        run("review", "strategy", "--show-only", "-f", "json", journal=example_journal).stdout
    )
    assert (data["last_review"], data["days_since"], data["signals"]) == (TODAY, 0, [])


def test_a_signal_after_the_review_is_offered_next_time(example_journal, run):
    run("review", "strategy", "--no-input", "--date", "2026-11-24", journal=example_journal)
    checkin = example_journal / "checkins" / "2026-W48.toml"
    checkin.write_text(
        checkin.read_text()
        + '\n[[conversations]]\nwith = "customer"\nwho = "Halvorsen"\n'
        + 'text = "They want a second plant with 13485."\nrefresh = true\n'
    )
    data = json.loads(
        run("review", "strategy", "--show-only", "-f", "json", journal=example_journal).stdout
    )
    assert data["last_review"] == "2026-11-24"
    assert [s["text"] for s in data["signals"]] == ["They want a second plant with 13485."]


def test_a_scripted_review(example_journal, run):
    before = files(example_journal)
    result = run(
        "review",
        "strategy",
        "--no-input",
        "-p",
        "marcus,priya",
        "-p",
        "Ruth Adler",
        "--signal",
        "3",
        "--signal",
        "1",
        "--other-signal",
        'Ruth: "is medical a bet or a hope?"',
        "--other-signal",
        "Board asked for a\nplan B",
        "--changes",
        "Nothing yet.",
        "--date",
        "2026-11-20",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Recorded reviews/2026-11-20-strategy.toml with marcus, priya and Ruth Adler; it "
        "answered 2 of 3 signals. "
        "The next review is due by 2027-05-21.\n"
    )
    [content] = added(before, example_journal).values()
    data = tomllib.loads(content)
    assert data["participants"] == ["marcus", "priya", "Ruth Adler"]
    assert data["signals"] == ['Ruth: "is medical a bet or a hope?"', "Board asked for a\nplan B"]
    assert [a["week"] for a in data["answered"]] == ["2026-W37", "2026-W46"]
    assert data["date"] == dt.date(2026, 11, 20)


def test_all_signals_at_once(example_journal, run):
    result = run("review", "strategy", "--no-input", "--signal", "all", journal=example_journal)
    assert result.exit_code == 0, result
    data = tomllib.loads((example_journal / NEW_REVIEW).read_text())
    assert len(data["answered"]) == 3
    assert "participants" not in data and "changes" not in data


def test_strategy_toml_is_never_rewritten(example_journal, run):
    strategy = (example_journal / "strategy.toml").read_bytes()
    run("review", "strategy", "--no-input", "--signal", "all", journal=example_journal)
    assert (example_journal / "strategy.toml").read_bytes() == strategy


def test_a_wrong_answer_is_asked_again(example_journal, run, terminal):
    answers = "marcus\n7\nx\n1\n\n\n"
    result = run("review", "strategy", journal=example_journal, input=answers)
    assert result.exit_code == 0, result
    assert "✗ there is no signal 7: the signals are numbered 1 to 3" in result.stdout
    assert "✗ 'x' is not a signal number" in result.stdout
    data = tomllib.loads((example_journal / NEW_REVIEW).read_text())
    assert [a["week"] for a in data["answered"]] == ["2026-W37"]


# ---- bad input: a clear message, nothing written -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--signal", "4"],
            "error: --signal: there is no signal 4: the signals are numbered 1 to 3",
        ),
        (["--signal", "two"], "error: 'two' is not a signal number"),
        (["--date", "2026-11-31"], "error: --date '2026-11-31' is not a date"),
        (["--date", "2026-11-28"], "error: --date: 2026-11-28 is after today (2026-11-27)"),
        (["--format", "xml"], "invalid value for '--format'"),
    ],
)
def test_bad_flags_write_nothing(example_journal, run, args, message):
    before = tree_hash(example_journal)
    result = run("review", "strategy", "--no-input", *args, journal=example_journal)
    assert result.exit_code == 2, result
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(example_journal) == before


def test_one_review_a_day(example_journal, run):
    assert run("review", "strategy", "--no-input", journal=example_journal).exit_code == 0
    before = tree_hash(example_journal)
    result = run("review", "strategy", journal=example_journal, input="marcus\n")
    assert result.exit_code == 1
    assert (
        f"error: {NEW_REVIEW} already exists: one review of it a day; nothing was written"
    ) in result.stderr
    assert "hint: edit that file, or give another day with --date" in result.stderr
    assert "Who took part?" not in result.stdout, "refused before asking anything"
    assert tree_hash(example_journal) == before


def test_answers_that_end_early_write_nothing(example_journal, run, terminal):
    """Ctrl-D (the end of the input) at a question stops the review as Ctrl-C does."""
    before = tree_hash(example_journal)
    result = run("review", "strategy", journal=example_journal, input="marcus\n")
    assert result.exit_code == 130
    assert "Which signals did it answer?" in result.stdout
    assert "interrupted; nothing more was written" in result.stderr
    assert tree_hash(example_journal) == before


def test_no_terminal_and_no_answers_is_refused_naming_the_flags(example_journal, run):
    """Answers piped in are not read as answers (one rule for every interview)."""
    before = tree_hash(example_journal)
    result = run("review", "strategy", journal=example_journal, input="marcus\n")
    assert result.exit_code == 2, result
    assert (
        "error: stdin is not a terminal, so review strategy cannot ask its questions; "
        "nothing was written"
    ) in result.stderr
    assert "--participant, --signal, --other-signal, --changes (or --no-input)" in result.stderr
    assert "Who took part?" not in result.stdout
    assert tree_hash(example_journal) == before


def test_no_terminal_records_what_the_flags_say(example_journal, run):
    result = run("review", "strategy", "-p", "marcus", journal=example_journal, input="x\n")
    assert result.exit_code == 0, result
    assert "Who took part?" not in result.stdout
    data = tomllib.loads((example_journal / NEW_REVIEW).read_text())
    assert data["participants"] == ["marcus"] and "changes" not in data


def test_a_broken_checkin_is_reported_and_nothing_written(example_journal, run):
    (example_journal / "checkins" / "2026-W43.toml").write_text('week = "2026-W43"\nrefresh = 1\n')
    before = tree_hash(example_journal)
    result = run("review", "strategy", "--no-input", journal=example_journal)
    assert result.exit_code == 1
    assert "checkins/2026-W43.toml:2:1: error: unknown key 'refresh'" in result.stderr
    assert tree_hash(example_journal) == before


# ---- crafted journals ----------------------------------------------------------------------------

STRATEGY = """\
purpose = "Parts that never come back."
co_created_on = 2026-09-01

[[choices]]
id = "quality-first"
statement = "Quality over speed."

[[choices]]
id = "grow-medical"
statement = "Grow medical."
"""


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    (fresh_journal / "strategy.toml").write_text(STRATEGY)
    (fresh_journal / "checkins" / "2026-W46.toml").write_text(
        'week = "2026-W46"\n\n[[stories]]\ntext = "A buyer asked us into a design review."\n'
        'choice = "quality-first"\nrefresh = true\n\n[[stories]]\ntext = "Ordinary good news."\n'
        'choice = "quality-first"\n\n[[conversations]]\nwith = "partner"\n'
        'text = "Nothing new."\n'
    )
    return fresh_journal


def brief(run, journal) -> dict:
    result = run("review", "strategy", "--show-only", "-f", "json", journal=journal)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_stories_marked_refresh_are_signals_too(journal, run):
    [signal] = brief(run, journal)["signals"]
    assert signal == {
        "number": 1,
        "week": "2026-W46",
        "source": "story",
        "with": None,
        "who": None,
        "text": "A buyer asked us into a design review.",
    }
    text = stripped(run("review", "strategy", "--show-only", journal=journal).stdout)
    assert " 1 2026-W46 story\n            A buyer asked us into a design review.\n" in text


def test_never_reviewed_counts_from_co_creation(journal, run):
    data = brief(run, journal)
    assert (data["last_review"], data["review_every_weeks"], data["due_on"]) == (
        "2026-09-01",
        13,
        "2026-12-01",
    )
    strategy = journal / "strategy.toml"
    strategy.write_text(STRATEGY.replace("co_created_on = 2026-09-01\n", ""))
    data = brief(run, journal)
    assert (data["last_review"], data["days_since"]) == (None, None)
    text = stripped(run("review", "strategy", "--show-only", journal=journal).stdout)
    assert "The strategy has never been reviewed (no reviewed_on, no review).\n" in text
    assert "Refresh signals in the check-ins (1)" in text


def test_an_overdue_review_says_so(journal, run):
    (journal / "strategy.toml").write_text(STRATEGY.replace("2026-09-01", "2026-01-05"))
    text = stripped(run("review", "strategy", "--show-only", journal=journal).stdout)
    assert (
        "Co-created 2026-01-05, 46 weeks ago; you review every 13 weeks, so it was due by "
        "2026-04-06.\n"
    ) in text


def test_a_choice_with_no_story_at_all(journal, run):
    [quiet] = brief(run, journal)["quiet_choices"]
    assert (quiet["id"], quiet["last_story"], quiet["weeks"]) == ("grow-medical", None, None)
    text = stripped(run("review", "strategy", "--show-only", journal=journal).stdout)
    # the journal began in W46: its age, in the dashboard's words (`wording.quiet_for`)
    assert " grow-medical no story since the journal began, 2 weeks ago\n" in text


def test_older_checkins_are_read_only_to_find_the_last_story(journal, run):
    """grow-medical's last story is long before the last review; quality-first's is not."""
    (journal / "checkins" / "2026-W30.toml").write_text(
        'week = "2026-W30"\n\n[[stories]]\ntext = "Old."\nchoice = "grow-medical"\n'
    )
    (journal / "checkins" / "2026-W20.toml").write_text("broken = [")
    [quiet] = brief(run, journal)["quiet_choices"]
    assert (quiet["id"], quiet["last_story"], quiet["weeks"]) == ("grow-medical", "2026-W30", 18)


def test_a_signal_already_answered_is_not_offered_again(journal, run):
    """Even a review earlier in the same week takes the signals it answered off the list."""
    (journal / "checkins" / "2026-W46.toml").write_text(
        (journal / "checkins" / "2026-W46.toml").read_text()
        + '\n[[conversations]]\nwith = "analyst"\ntext = "Second signal."\nrefresh = true\n'
    )
    result = run(
        "review", "strategy", "--no-input", "-s", "1", "--date", "2026-11-10", journal=journal
    )
    assert result.exit_code == 0, result
    assert [s["text"] for s in brief(run, journal)["signals"]] == [
        "A buyer asked us into a design review."
    ]


def test_a_review_with_no_signals_to_answer(fresh_journal, run, terminal):
    result = run("review", "strategy", journal=fresh_journal, input="Dana\n\nNothing.\n")
    assert result.exit_code == 0, result
    assert "No refresh signals in the check-ins." in result.stdout
    assert "Which signals" not in result.stdout
    assert result.stdout.rstrip().endswith(
        f"Recorded {NEW_REVIEW} with Dana. The next review is due by 2027-02-26."
    )


# ---- rules and files -----------------------------------------------------------------------------


def test_the_last_review_is_the_later_of_reviewed_on_and_the_review_files():
    strategy = Strategy(reviewed_on=dt.date(2026, 7, 20), co_created_on=dt.date(2026, 2, 12))
    assert last_strategy_review(strategy, []).on == dt.date(2026, 7, 20)
    assert last_strategy_review(strategy, [dt.date(2026, 6, 1)]).on == dt.date(2026, 7, 20)
    assert last_strategy_review(strategy, [dt.date(2026, 12, 8)]).on == dt.date(2026, 12, 8)
    created = Strategy(co_created_on=dt.date(2026, 2, 12))
    assert last_strategy_review(created, []).on == dt.date(2026, 2, 12)
    assert last_strategy_review(Strategy(), []).on is None


strategy_reviews = st.builds(
    StrategyReview,
    kind=st.just("strategy"),
    date=dates,
    participants=st.lists(names, max_size=3),
    signals=st.lists(text, max_size=2),
    changes=st.one_of(st.none(), text),
    answered=st.lists(
        st.builds(
            AnsweredSignal,
            week=weeks,
            source=st.sampled_from(["conversation", "story"]),
            who=st.one_of(st.none(), names),
            text=text,
        ),
        max_size=2,
    ),
)
capability_reviews = st.builds(
    CapabilityReview,
    kind=st.just("capability"),
    date=dates,
    capability=ids,
    level=st.one_of(st.none(), st.integers(1, 5)),
    reason=st.one_of(st.none(), text),
    steps_done=st.lists(st.one_of(text, st.integers(1, 1000)), max_size=3),
    feedback=st.lists(
        st.builds(Feedback, who=names, side=st.sampled_from(["inside", "outside"]), text=text),
        max_size=2,
    ),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(strategy_reviews, capability_reviews))
def test_review_files_round_trip(review):
    """Whatever people type, the file leadwork writes reads back as the same review."""
    written = dumps(review, "a review")
    assert validate(type(review), parse(Path("review.toml"), written)) == review


PROBE = """
import sys
sys.argv = ["leadwork", *{args!r}]
try:
    from leadwork.cli import main
    main()
except SystemExit:
    pass
print("HEAVY=" + ",".join(m for m in ("rich", "tomlkit", "tomli_w") if m in sys.modules))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--help"],
        ["review", "strategy", "--help"],
        ["review", "capability", "--help"],
        ["map", "--help"],
        ["reflect", "--help"],
    ],
)
def test_help_stays_light(args):
    """The new commands import rich and the writers only when they run (tests/test_startup)."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "HEAVY="


def test_a_strategy_never_reviewed_says_co_created_as_the_dashboard_does(example_journal, run):
    """Counted from the day it was co-created, the brief said 'Last reviewed' of that day
    while the dashboard said 'co-created' (fourth trial)."""
    strategy = example_journal / "strategy.toml"
    strategy.write_text(strategy.read_text().replace("reviewed_on = 2026-07-20\n", "", 1))
    for review in (example_journal / "reviews").glob("*-strategy.toml"):
        review.unlink()
    brief = run("review", "strategy", "--prep", journal=example_journal)
    assert brief.exit_code == 0, brief
    assert "Co-created 2026-02-12" in brief.stdout and "Last reviewed" not in brief.stdout
    board = run("dashboard", journal=example_journal).stdout
    assert "co-created 12 Feb" in board


def test_the_summary_names_who_was_recorded(run, example_journal):
    """Trial 15: a comma in a --participant splits it into two names, as --help says;
    the summary names them as recorded, so a name split in two shows as two."""
    result = run(
        "review", "strategy", "--no-input", "--participant", "Acme Payments, Inc. (Jo Reyes)",
        "--changes", "Nothing yet.", "--date", "2026-11-20", journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "with Acme Payments and Inc. (Jo Reyes);" in result.stdout
