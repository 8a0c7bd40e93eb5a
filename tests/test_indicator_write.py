"""`leadwork indicator add|change`: a joint indicator appended to a commented
indicators.toml, or a change inside the right indicator's block. Every original line is
still there, in order; the file stays valid; bad input writes nothing."""

import datetime as dt
import difflib
import json
import tomllib
from pathlib import Path

import pytest

from conftest import tree_hash


def only_added(old: str, new: str) -> list[tuple[int, list[str]]]:
    """Where (index in the old lines) and what `new` adds; fails if any original line was
    changed, lost or moved. Diffs every line, not only comments."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    added = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), f"{tag}: {old.splitlines()[i1:i2]}"
        if tag == "insert":
            added.append((i1, new.splitlines()[j1:j2]))
    return added


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line)


ADD = (
    "indicator",
    "add",
    "bar-first-piece",
    "--name",
    "Allegheny bar first-piece pass rate",
    "--owner",
    "marcus",
    "--unit",
    "%",
    "--direction",
    "higher",
    "--target",
    "98",
    "--celebrate",
    "99.5",
    "--course-correct",
    "95",
    "--serves",
    "quality-at-scale",
    "--agreed-with",
    "marcus",
    "--agreed-with",
    "elena",
)

NEW_BLOCK = [
    "",
    "[[indicators]]",
    'id = "bar-first-piece"',
    'name = "Allegheny bar first-piece pass rate"',
    'owner = "marcus"',
    'agreed_with = ["marcus", "elena"]',
    "agreed_on = 2026-11-27",
    'serves = ["quality-at-scale"]',
    'unit = "%"',
    'direction = "higher"',
    "target = 98",
    "celebrate = 99.5",
    "course_correct = 95",
]


def test_add_appends_at_the_end_of_the_commented_example_file(run, example_journal):
    path = example_journal / "indicators.toml"
    old = path.read_text()
    assert old.count("\n#") >= 10, "the example file is well commented"
    result = run(*ADD, journal=example_journal)
    assert result.exit_code == 0, result
    new = path.read_text()
    assert only_added(old, new) == [(len(old.splitlines()), NEW_BLOCK)]
    assert tomllib.loads(new)["indicators"][-1]["agreed_with"] == ["marcus", "elena"]
    assert result.stdout.splitlines()[0] == "Added indicator bar-first-piece to indicators.toml:"
    assert "  + [[indicators]]" in result.stdout
    assert run("check", journal=example_journal).exit_code == 0
    # The new indicator is the owner's from now on.
    prep = json.loads(run("one-on-one", "marcus", "-f", "json", journal=example_journal).stdout)
    assert "bar-first-piece" in [i["id"] for i in prep["indicators"]]


def test_add_to_the_template_of_a_new_journal(run, fresh_journal):
    path = fresh_journal / "indicators.toml"
    old = path.read_text()
    team = fresh_journal / "team.toml"
    team.write_text(team.read_text() + '\n[[people]]\nid = "maria"\nname = "Maria Santos"\n')
    result = run(
        "indicator",
        "add",
        "otd",
        "--name",
        "On-time delivery",
        "--owner",
        "maria",
        "--direction",
        "higher",
        "--target",
        "95",
        "--celebrate",
        "98",
        "--course-correct",
        "90",
        journal=fresh_journal,
    )
    assert result.exit_code == 0, result
    new = path.read_text()
    assert only_added(old, new) == [
        (
            len(old.splitlines()),
            [
                "",
                "[[indicators]]",
                'id = "otd"',
                'name = "On-time delivery"',
                'owner = "maria"',
                'agreed_with = ["maria"]',
                "agreed_on = 2026-11-27",
                'direction = "higher"',
                "target = 95",
                "celebrate = 98",
                "course_correct = 90",
            ],
        )
    ]
    assert run("check", journal=fresh_journal).exit_code == 0


def test_change_goes_inside_the_right_block(run, example_journal):
    path = example_journal / "indicators.toml"
    old = path.read_text()
    result = run(
        "indicator",
        "change",
        "dayton-scrap",
        "--target",
        "2.5",
        "--since",
        "2026-11-30",
        "--note",
        "The Allegheny bar runs higher until the mill changes its process.",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[0] == (
        "Changed dayton-scrap from 2026-11-30: target 2% → 2.5%. In indicators.toml:"
    )
    new = path.read_text()
    [(where, block)] = only_added(old, new)
    assert block == [
        "",
        "[[indicators.changes]]",
        "since = 2026-11-30",
        "target = 2.5",
        'agreed_with = ["marcus"]',
        'note = "The Allegheny bar runs higher until the mill changes its process."',
    ]
    # Right after dayton-scrap's last key, before the next indicator and its comments.
    old_lines = old.splitlines()
    scrap = line_of(old, 'id = "dayton-scrap"')
    following = line_of(old, 'id = "first-pass-yield"')
    assert scrap < where < following
    assert old_lines[where - 1] == "course_correct = 3.0"
    data = tomllib.loads(new)
    scrap_data = next(i for i in data["indicators"] if i["id"] == "dayton-scrap")
    assert scrap_data["changes"][0]["target"] == 2.5
    assert run("check", journal=example_journal).exit_code == 0


def test_change_after_an_existing_change_and_its_comment(run, example_journal):
    path = example_journal / "indicators.toml"
    old = path.read_text()
    result = run(
        "indicator",
        "change",
        "first-pass-yield",
        "--celebrate",
        "99",
        "--agreed-with",
        "elena",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    new = path.read_text()
    [(where, block)] = only_added(old, new)
    # (difflib may pair either blank line with the original one; both read the same)
    assert [line for line in block if line] == [
        "[[indicators.changes]]",
        "since = 2026-11-27",
        "celebrate = 99",
        'agreed_with = ["elena"]',
    ]
    assert "\n\n[[indicators.changes]]\nsince = 2026-11-27\n" in new
    earlier = line_of(
        old, "# Raised in Elena's one-on-one on 22 Sep. Weeks before keep the old target."
    )
    assert earlier < where < line_of(old, 'id = "castings-otd"')
    assert old.splitlines()[where - 1].startswith('note = "We ran above 97') or (
        old.splitlines()[where - 2].startswith('note = "We ran above 97')
    )


def test_the_change_is_judged_from_its_week_on(run, example_journal):
    """W48 reads 3.6: course-correct under the agreed 3.0, at risk once 4.0 applies."""
    result = run(
        "indicator",
        "change",
        "dayton-scrap",
        "--course-correct",
        "4",
        "--since",
        "2026-11-23",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    data = json.loads(run("one-on-one", "marcus", "-f", "json", journal=example_journal).stdout)
    scrap = data["indicators"][0]
    assert [h["status"] for h in scrap["history"][-2:]] == ["course-correct", "at-risk"]


def test_change_owner_hands_it_on_from_its_week_keeping_every_line(run, example_journal):
    path = example_journal / "indicators.toml"
    old = path.read_text()
    result = run(
        "indicator", "change", "castings-otd", "--owner", "grace", "--since", "2026-11-23",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[0] == (
        "Changed castings-otd from 2026-11-23: owner tom → grace. In indicators.toml:"
    )
    new = path.read_text()
    [(where, block)] = only_added(old, new)  # every line of the commented file kept
    # (difflib may pair either blank line with the original one; both read the same)
    assert [line for line in block if line] == [
        "[[indicators.changes]]",
        "since = 2026-11-23",
        'owner = "grace"',
        'agreed_with = ["grace"]',  # agreed with the new owner
    ]
    assert line_of(old, 'id = "castings-otd"') < where < line_of(old, 'id = "medical-quote-days"')
    data = tomllib.loads(new)
    castings = next(i for i in data["indicators"] if i["id"] == "castings-otd")
    assert castings["owner"] == "tom"  # the owner before stays, for the weeks before
    assert castings["changes"] == [
        {"since": dt.date(2026, 11, 23), "owner": "grace", "agreed_with": ["grace"]}
    ]
    assert run("check", journal=example_journal).exit_code == 0

    def owner_in(week: str) -> str:
        args = ("indicator", "show", "castings-otd", "--week", week, "-f", "json")
        return json.loads(run(*args, journal=example_journal).stdout)["owner"]

    assert (owner_in("2026-W47"), owner_in("2026-W48")) == ("tom", "grace")


HAND_WRITTEN = """\
# Our indicators. Agreed face to face.

[[indicators]]
id = "otd"   # the big one
name = "On-time delivery"
owner = "maria"
direction = "higher"
target = 95
celebrate = 98
course_correct = 90
# measured Mondays

# Tom's, agreed in March
[[indicators]]
id = "scrap"
name = "Scrap rate"
owner = "tom"
direction = "lower"
target = 2.0
celebrate = 1.5
course_correct = 3.0
[[indicators.changes]]
since = 2026-06-01
target = 1.8
# last line of the file, about nothing in particular
"""


@pytest.fixture
def hand(fresh_journal: Path) -> Path:
    from journals import write_small_journal

    journal = write_small_journal(fresh_journal)
    (journal / "indicators.toml").write_text(HAND_WRITTEN)
    return journal


def test_a_change_never_slips_between_a_comment_and_its_header(run, hand):
    path = hand / "indicators.toml"
    result = run("indicator", "change", "otd", "--target", "96", journal=hand)
    assert result.exit_code == 0, result
    new = path.read_text()
    [(where, block)] = only_added(HAND_WRITTEN, new)
    assert HAND_WRITTEN.splitlines()[where - 1] == "# measured Mondays"
    assert HAND_WRITTEN.splitlines()[where] == ""
    assert block == [
        "",
        "[[indicators.changes]]",
        "since = 2026-11-27",
        "target = 96",
        'agreed_with = ["maria"]',
    ]
    lines = new.splitlines()
    assert lines[lines.index("# Tom's, agreed in March") + 1] == "[[indicators]]"


def test_a_second_change_follows_the_last_one(run, hand):
    path = hand / "indicators.toml"
    result = run(
        "indicator", "change", "scrap", "--target", "1.7", "--since", "2026-11-30", journal=hand
    )
    assert result.exit_code == 0, result
    new = path.read_text()
    [(where, block)] = only_added(HAND_WRITTEN, new)
    assert (
        HAND_WRITTEN.splitlines()[where - 1]
        == "# last line of the file, about nothing in particular"
    )
    assert block[1] == "[[indicators.changes]]"
    assert tomllib.loads(new)["indicators"][1]["changes"][-1]["target"] == 1.7


def test_crlf_and_bom_are_kept(run, hand):
    path = hand / "indicators.toml"
    raw = b"\xef\xbb\xbf" + HAND_WRITTEN.replace("\n", "\r\n").encode()
    path.write_bytes(raw)
    result = run("indicator", "change", "otd", "--target", "96", journal=hand)
    assert result.exit_code == 0, result
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in after.replace(b"\r\n", b"")
    only_added(HAND_WRITTEN, after[3:].decode().replace("\r\n", "\n"))


def test_add_when_there_is_no_indicators_file(run, hand):
    (hand / "indicators.toml").unlink()
    result = run(
        "indicator",
        "add",
        "audits",
        "--name",
        "Layered audits",
        "--owner",
        "maria",
        "--direction",
        "higher",
        "--target",
        "5",
        "--celebrate",
        "8",
        "--course-correct",
        "3",
        journal=hand,
    )
    assert result.exit_code == 0, result
    assert tomllib.loads((hand / "indicators.toml").read_text())["indicators"][0]["id"] == "audits"


# ---- bad input --------------------------------------------------------------------------------


def refused(run, journal, *args):
    before = tree_hash(journal)
    result = run(*args, journal=journal)
    assert result.exit_code == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert tree_hash(journal) == before
    return result.stderr


def replaced(args: tuple, option: str, value: str) -> tuple:
    args = list(args)
    args[args.index(option) + 1] = value
    return tuple(args)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--celebrate", "97", "celebrate (97) is below the target (98), but higher is better"),
        (
            "--course-correct",
            "99",
            "course_correct (99) is above the target (98), but higher is better",
        ),
        ("--owner", "marcos", "did you mean 'marcus'?"),
        ("--owner", "../x", "--owner: '../x' is not a person id: it holds a path separator"),
        ("--serves", "quality-at-scal", "did you mean 'quality-at-scale'?"),
        ("--direction", "up", "--direction: 'up' must be 'higher' or 'lower'"),
        ("--target", "nan", "--target: input should be a finite number"),
        ("--unit", "x" * 21, "--unit: string should have at most 20 characters"),
    ],
)
def test_add_refuses_bad_values(run, example_journal, option, value, message):
    assert message in refused(run, example_journal, *replaced(ADD, option, value))


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        ("dayton-scrap", "indicator 'dayton-scrap' already exists"),
        ("../evil", "is not an indicator id: it holds a path separator"),
        ("Bar", "did you mean 'bar'?"),
        ("", "it is empty"),
    ],
)
def test_add_refuses_bad_ids(run, example_journal, ident, message):
    args = tuple(ident if arg == "bar-first-piece" else arg for arg in ADD)
    assert message in refused(run, example_journal, *args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("dayton-scarp", "--target", "2.5"), "did you mean 'dayton-scrap'?"),
        (("dayton-scrap",), "nothing to change on dayton-scrap"),
        (
            ("dayton-scrap", "--target", "1.4"),
            "celebrate (1.5) is above the target (1.4), but lower is better",
        ),
        (("dayton-scrap", "--target", "2.5", "--agreed-with", "marcos"), "did you mean 'marcus'?"),
        (("dayton-scrap", "--target", "2.5", "--since", "soon"), "--since 'soon' is not a date"),
        (("dayton-scrap", "--owner", "marcos"), "did you mean 'marcus'?"),
        (("dayton-scrap", "--owner", "../x"), "--owner: '../x' is not a person id"),
    ],
)
def test_change_refuses_bad_values(run, example_journal, args, message):
    assert message in refused(run, example_journal, "indicator", "change", *args)


def test_a_change_must_fit_with_the_changes_after_it(run, hand):
    stderr = refused(
        run, hand, "indicator", "change", "scrap", "--celebrate", "1.9", "--since", "2026-05-01"
    )
    assert (
        "from 2026-06-01 (a later change) on, celebrate (1.9) is above the target (1.8)" in stderr
    )


def test_an_invalid_indicators_file_is_never_edited(run, example_journal):
    path = example_journal / "indicators.toml"
    path.write_text(path.read_text().replace("target = 95", "target = [", 1))
    before = tree_hash(example_journal)
    result = run("indicator", "change", "dayton-scrap", "--target", "2.5", journal=example_journal)
    assert result.exit_code == 1
    assert "indicators.toml:" in result.stderr and "invalid TOML" in result.stderr
    assert tree_hash(example_journal) == before


def test_an_inline_array_of_indicators_is_left_alone(run, hand, monkeypatch):
    monkeypatch.chdir(hand)  # a file is named relative to where one stands
    path = hand / "indicators.toml"
    path.write_text("indicators = []  # none yet\n")
    result = run(
        "indicator",
        "add",
        "audits",
        "--name",
        "Layered audits",
        "--owner",
        "maria",
        "--direction",
        "higher",
        "--target",
        "5",
        "--celebrate",
        "8",
        "--course-correct",
        "3",
        journal=hand,
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "indicators.toml:1: error: holds its indicators as an inline array (indicators = [ … ]),"
        " which leadwork does not add to\n"
        "  = hint: write each indicator as an [[indicators]] table, or add this indicator by"
        " hand\n"
    )
    assert path.read_text() == "indicators = []  # none yet\n"


def test_a_value_already_in_effect_is_left_out_of_the_change(run, hand):
    """Trial 7, A4: `--celebrate 98` when celebrate is 98 is no change: not written, not
    said ("celebrate 98 → 98")."""
    path = hand / "indicators.toml"
    result = run(
        "indicator", "change", "otd", "--since", "2026-11-16", "--target", "96",
        "--celebrate", "98", "--course-correct", "91", journal=hand,
    )  # fmt: skip
    assert result.exit_code == 0, result
    said = " ".join(result.stdout.split())
    assert "from 2026-11-16: target 95 → 96, course-correct 90 → 91." in said, said
    assert "celebrate" not in said
    [(_, block)] = only_added(HAND_WRITTEN, path.read_text())
    assert block == [
        "",
        "[[indicators.changes]]",
        "since = 2026-11-16",
        "target = 96",
        "course_correct = 91",
        'agreed_with = ["maria"]',
    ]


def test_a_change_of_nothing_is_refused_and_writes_nothing(run, hand):
    before = tree_hash(hand)
    # scrap's target is 1.8 since June (a change), its celebrate 1.5 as agreed
    result = run(
        "indicator", "change", "scrap", "--since", "2026-11-16", "--target", "1.8",
        "--celebrate", "1.5", journal=hand,
    )  # fmt: skip
    assert result.exit_code == 2, result
    assert "nothing to change: scrap already has target 1.8, celebrate 1.5 on 2026-11-16" in (
        result.stderr
    )
    assert tree_hash(hand) == before


def test_a_hand_written_change_repeating_a_value_is_not_said_to_change_it(run, hand):
    path = hand / "indicators.toml"
    path.write_text(
        HAND_WRITTEN + "[[indicators.changes]]\nsince = 2026-11-16\ntarget = 1.8\ncelebrate = 1.2\n"
    )
    show = run("indicator", "show", "scrap", journal=hand)
    assert show.exit_code == 0, show
    assert "2026-11-16: celebrate 1.5 → 1.2" in show.stdout
    assert "1.8 → 1.8" not in show.stdout
    report = run("report", "--from", "2026-W46", "--to", "2026-W48", journal=hand).stdout
    assert "Scrap rate: changed from 2026-11-16: celebrate 1.5 → 1.2" in report
    assert "1.8 → 1.8" not in report
    data = json.loads(
        run("report", "--from", "2026-W46", "--to", "2026-W48", "-f", "json", journal=hand).stdout
    )
    [scrap] = [i for i in data["indicators"] if i["id"] == "scrap"]
    assert scrap["changes"] == [
        {"since": "2026-11-16", "target": None, "celebrate": 1.2, "course_correct": None,
         "owner": None}
    ]  # fmt: skip


# ---- changes written as an inline array (trial 16, finding 2) ---------------------------------

INLINE_CHANGES = HAND_WRITTEN.replace(
    "course_correct = 90\n",
    "course_correct = 90\n"
    "# raised in Maria's 1:1, written inline on purpose\n"
    'changes = [ { since = 2026-11-02, target = 96, note = "Q4 push" } ]   # keep\n',
    1,
)


def test_a_change_joins_changes_written_as_an_inline_array(run, hand):
    """`changes = [ { … } ]` is the same data as [[indicators.changes]]: a change is one
    more entry of that array, on its line, spaced as the person spaced theirs; every other
    byte of the file stays."""
    path = hand / "indicators.toml"
    path.write_text(INLINE_CHANGES)
    result = run(
        "indicator", "change", "otd", "--since", "2026-11-23", "--course-correct", "91",
        journal=hand,
    )  # fmt: skip
    assert result.exit_code == 0, result
    entry = '{ since = 2026-11-02, target = 96, note = "Q4 push" }'
    added = '{ since = 2026-11-23, course_correct = 91, agreed_with = ["maria"] }'
    assert path.read_text() == INLINE_CHANGES.replace(entry, f"{entry}, {added}")
    assert "Changed otd from 2026-11-23: course-correct 90 → 91." in result.stdout
    assert run("check", journal=hand).exit_code == 0


def test_a_change_joins_an_inline_array_written_one_entry_a_line(run, hand):
    path = hand / "indicators.toml"
    text = INLINE_CHANGES.replace(
        '[ { since = 2026-11-02, target = 96, note = "Q4 push" } ]   # keep',
        "[\n    {since = 2026-11-02, target = 96},  # Q4 push\n    # more to come\n]",
    )
    path.write_text(text)
    result = run(
        "indicator", "change", "otd", "--since", "2026-11-23", "--target", "97", journal=hand
    )
    assert result.exit_code == 0, result
    assert path.read_text() == text.replace(
        "    # more to come\n",
        '    # more to come\n    {since = 2026-11-23, target = 97, agreed_with = ["maria"]},\n',
    )


def test_a_change_to_an_inline_array_of_indicators_names_its_line(run, hand, monkeypatch):
    monkeypatch.chdir(hand)  # a file is named relative to where one stands
    path = hand / "indicators.toml"
    text = (
        "# agreed in March\n"
        "indicators = [\n"
        '  { id = "otd", name = "On-time delivery", owner = "maria", direction = "higher",'
        " target = 95, celebrate = 98, course_correct = 90 },\n"
        "]\n"
    )
    path.write_text(text)
    result = run("indicator", "change", "otd", "--target", "96", journal=hand)
    assert result.exit_code == 1, result
    assert result.stderr == (
        "indicators.toml:2: error: holds its indicators as an inline array (indicators = [ … ]),"
        " which leadwork does not add to\n"
        "  = hint: write each indicator as an [[indicators]] table, or add this change by hand\n"
    )
    assert path.read_text() == text


REPEATED_LINES = """\
[[indicators]]
id = "otd"
name = "On-time delivery"
owner = "maria"
agreed_with = ["maria"]
direction = "higher"
target = 95
celebrate = 98
course_correct = 90

[[indicators.changes]]
since = 2026-11-16
target = 96
agreed_with = ["maria"]

[[indicators]]
id = "scrap"
name = "Scrap rate"
owner = "tom"
direction = "lower"
target = 2.0
celebrate = 1.5
course_correct = 3.0

[[indicators]]
id = "returns"
name = "Returns per 100 shipped"
owner = "tom"
direction = "lower"
target = 2.0
celebrate = 1.5
course_correct = 3.0
"""


def test_the_excerpt_of_a_change_is_the_lines_added(run, hand):
    """Trial 20, finding 4: a new `[[indicators.changes]]` table after one ending with the
    same `agreed_with` line printed the earlier change's `agreed_with` as added, and left out
    the new one's. The excerpt is what `git diff` shows: the lines of the new table."""
    path = hand / "indicators.toml"
    path.write_text(REPEATED_LINES)
    result = run(
        "indicator",
        "change",
        "otd",
        "--since",
        "2026-11-30",
        "--course-correct",
        "88",
        journal=hand,
    )
    assert result.exit_code == 0, result
    excerpt = [line for line in result.stdout.splitlines() if line.startswith("  +")]
    assert excerpt == [
        "  + [[indicators.changes]]",
        "  + since = 2026-11-30",
        "  + course_correct = 88",
        '  + agreed_with = ["maria"]',
        "  +",
    ]
    old, new = REPEATED_LINES.splitlines(), path.read_text().splitlines()
    at = old.index('id = "scrap"') - 1  # the new table goes in before the next indicator
    assert new == old[:at] + [line[4:] for line in excerpt] + old[at:]


def test_the_excerpt_of_a_change_to_an_inline_array_is_its_line(run, hand):
    path = hand / "indicators.toml"
    path.write_text(
        REPEATED_LINES.replace(
            '\n[[indicators.changes]]\nsince = 2026-11-16\ntarget = 96\nagreed_with = ["maria"]\n',
            "changes = [{ since = 2026-11-16, target = 96 }]\n",
        )
    )
    result = run(
        "indicator", "change", "otd", "--since", "2026-11-30", "--target", "97", journal=hand
    )
    assert result.exit_code == 0, result
    [line] = [line for line in path.read_text().splitlines() if line.startswith("changes")]
    assert "2026-11-30" in line
    said = result.stdout[result.stdout.index("  + ") :]
    assert said.split() == ["+", *line.split()]  # the line as written (wrapped to the terminal)
