"""Who a story or conversation is about (issue 17): a word shaped like a team id that is
close to one is a typo, refused with "did you mean"; a team member's name is stored as
their id; anything else is a free name, kept as typed. One rule (`person_or_name`) for
`story --who`, `conversation --who`, `checkin --story-who/--conversation-who`,
`one-on-one --story-who` and the questions that ask it."""

import tomllib
from pathlib import Path

import pytest

from test_checkin_interactive import ANSWERS, LAST_WEEK, NEXT_WEEK, W48, typed

from conftest import Run, tree_hash

KENJI = '\n[[people]]\nid = "kenji"\nname = "Kenji Sato"\nrole = "Buyer"\n'
W48_FILE = "checkins/2026-W48.toml"


@pytest.fixture
def journal(example_journal: Path) -> Path:
    with (example_journal / "team.toml").open("a") as team:
        team.write(KENJI)
    return example_journal


def last(journal: Path, key: str) -> dict:
    return tomllib.loads((journal / W48_FILE).read_text())[key][-1]


def refused(run: Run, journal: Path, *args: str) -> str:
    before = tree_hash(journal)
    result = run(*args, journal=journal)
    assert result.exit_code == 2, result
    assert "Traceback" not in result.output
    assert tree_hash(journal) == before, "a refused run writes nothing"
    return " ".join(result.stderr.split())


@pytest.mark.parametrize(
    "args",
    [
        ["story", "Fixed the PO backlog", "--who", "kenj"],
        ["conversation", "Price is up", "--with", "supplier", "--who", "kenj"],
        ["checkin", "--no-input", "--story", "Fixed the PO backlog", "--story-who", "kenj"],
        [
            *("checkin", "--no-input", "--conversation", "Price is up"),
            *("--conversation-with", "supplier", "--conversation-who", "kenj"),
        ],
        [
            *("one-on-one", "marcus", "--no-input", "--no-plan", "dayton-scrap"),
            *("--done", "1", "--carried", "2", "--celebrate", "Kenji found the lot"),
            *("--story", "quality-first", "--story-who", "kenj"),
        ],
    ],
    ids=lambda args: " ".join(a for a in args if a.startswith("-") or a in ("story", "checkin")),
)
def test_a_person_flag_close_to_a_team_id_is_refused(run, journal, args):
    err = refused(run, journal, *args)
    assert "'kenj' is no one in team.toml: did you mean 'kenji'?" in err
    assert "write the name as a name, e.g. 'Kenj'" in err


@pytest.mark.parametrize(
    ("typed_who", "stored"),
    [
        ("kenji", "kenji"),  # the id
        ("Kenji", "kenji"),  # the first name
        ("kenji sato", "kenji"),  # the full name, any case
        ("Keisha Brown", "Keisha Brown"),  # someone outside the team
        ("Kenj", "Kenj"),  # written as a name: a free name, as typed
        ("tim", "tim"),  # one word, not close to any id
        ("acme", "acme"),
    ],
)
def test_a_team_members_name_is_their_id_and_a_free_name_stays_as_typed(
    run, journal, typed_who, stored
):
    result = run("story", "Fixed the PO backlog", "--who", typed_who, journal=journal)
    assert result.exit_code == 0, result
    assert last(journal, "stories")["who"] == stored
    result = run(
        "conversation", "Lead times", "--with", "supplier", "--who", typed_who, journal=journal
    )
    assert result.exit_code == 0, result
    assert last(journal, "conversations")["who"] == stored


def test_close_to_a_first_name_suggests_the_id(run, example_journal):
    with (example_journal / "team.toml").open("a") as team:
        team.write('\n[[people]]\nid = "ksato"\nname = "Kenji Sato"\n')
    err = refused(run, example_journal, "story", "x", "--who", "kenj")
    assert "did you mean 'ksato'?" in err
    assert run("story", "x", "--who", "kenji", journal=example_journal).exit_code == 0
    assert last(example_journal, "stories")["who"] == "ksato"


def test_a_first_name_two_people_share_is_refused(run, journal):
    with (journal / "team.toml").open("a") as team:
        team.write('\n[[people]]\nid = "kenji-m"\nname = "Kenji Mori"\n')
    err = refused(run, journal, "story", "x", "--who", "Kenji")
    assert (
        "'Kenji' is the name of several people in team.toml: did you mean 'kenji' or "
        "'kenji-m'?" in err
    )


def test_a_story_stored_by_first_name_reaches_the_persons_prep(run, journal):
    assert run("story", "Caught the bad lot", "--who", "Kenji", journal=journal).exit_code == 0
    prep = run("one-on-one", "kenji", "--prep", journal=journal)
    assert "Caught the bad lot" in prep.stdout


def test_the_one_on_one_interview_asks_again_after_a_typo(run, example_journal, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    answers = ["", "", "", "Priya's crew helped.", "one-northfield", "prya", "priya", "do", "c"]
    result = run(
        "one-on-one", "marcus", journal=example_journal, input="\n".join(answers) + "\n" * 12
    )
    assert result.exit_code == 0, result
    assert "'prya' is no one in team.toml: did you mean 'priya'?" in result.stdout
    assert last(example_journal, "stories")["who"] == "priya"


def test_the_checkin_interview_asks_again_after_a_typo(run, fresh_journal, monkeypatch):
    from journals import write_small_journal

    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    write_small_journal(fresh_journal)
    (fresh_journal / W48).write_text(LAST_WEEK)
    answers = []
    for step, answer in ANSWERS:
        answers += ["mari", "Maria Santos"] if step == "story who" else [answer]
    result = run("checkin", journal=fresh_journal, env=NEXT_WEEK, input=typed(answers))
    assert result.exit_code == 0, result
    assert "'mari' is no one in team.toml: did you mean 'maria'?" in result.stdout
    week = tomllib.loads((fresh_journal / "checkins/2026-W49.toml").read_text())
    assert week["stories"][0]["who"] == "maria"
    assert week["conversations"][0]["who"] == "Acme"


TITLED = (
    '\n[[people]]\nid = "raj"\nname = "Dr. Raj Mehta"\nrole = "Physician"\n'
    '\n[[people]]\nid = "tomas"\nname = "Tomás Álvarez"\nrole = "Charge nurse"\n'
)


@pytest.mark.parametrize(
    ("who", "stored"),
    [
        ("Raj Mehta", "raj"),
        ("raj mehta", "raj"),
        ("Dr Raj", "raj"),
        ("Dr. Raj Mehta", "raj"),
        ("dr. raj", "raj"),
        ("Tomas", "tomas"),
        ("Tomas Alvarez", "tomas"),
        ("TOMÁS", "tomas"),
        ("Raj Patel", "Raj Patel"),  # someone else: a free name
    ],
)
def test_a_name_matches_whatever_its_case_accents_and_title(journal, run, who, stored):
    """The trial's ED head wrote `--who "Raj Mehta"` for "Dr. Raj Mehta" and "Tomas" for
    "Tomás": each was stored as a free name and missed the person's prep."""
    with (journal / "team.toml").open("a") as team:
        team.write(TITLED)
    result = run("story", "Handover in 9 minutes", "--who", who, journal=journal)
    assert result.exit_code == 0, result
    assert last(journal, "stories")["who"] == stored


def test_review_participants_are_stored_as_ids(journal, run):
    with (journal / "team.toml").open("a") as team:
        team.write(TITLED)
    result = run(
        "review", "strategy", "--no-input", "--participant", "Tomás, Raj Mehta, Board chair",
        "--changes", "Nothing yet", journal=journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    review = journal / "reviews/2026-11-27-strategy.toml"
    recorded = tomllib.loads(review.read_text())
    assert recorded["participants"] == ["tomas", "raj", "Board chair"]
