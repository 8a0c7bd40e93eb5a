"""`leadwork reflect`: weekly confidence per area and the challenges written over a range,
answering "which area am I most confident in, where are my challenges?" with evidence."""

import json
from pathlib import Path

import pytest

from leadwork.domain.reflect import named_area, trend

from conftest import tree_hash

EXAMPLE_REFLECT = """\
Confidence and challenges, 2026-W36 to 2026-W48 (13 weeks, 13 check-ins)

  area            weekly, oldest first  average  range  latest  trend
  alignment       ▆▆▄▄▄▄▆▆▆▆▄▄▄             3.5  3-4         3  steady
  capability      ▄▂▂▂▂▄▄▄▄▄▄▄▄             2.7  2-3         3  rising
  accountability  ▄▄▂▂▂▄▄▄▆▆▆▄▄             3.0  2-4         3  rising
  Each mark is one week: ▁ 1 to █ 5, · no rating.

Most confident: alignment, average 3.5 of 5, steady.
Least confident: capability, average 2.7 of 5, rising.
Challenges named most: alignment and someone else's job (4 weeks each); then accountability 3,
capability 2.
Most confident moments named: accountability and alignment (5 weeks each); then capability 3.

Challenges
  2026-W36  Accountability. Tom's recovery plan is Castwell recovering. I asked for a plan B and
            there is none yet.
  2026-W37  Someone else's job. I spent most of Wednesday and Thursday on the phone with foundries.
            I was a good expediter for twelve years, and it shows.
  2026-W38  Accountability. Priya's one-on-one turned into me telling her the plan. It is a decent
            plan. It is not hers.
  2026-W39  Someone else's job. Twenty hours. I chase trucks at six in the morning and do my own
            work at night. Tom waits for me to call instead of calling.
  2026-W40  Someone else's job. I am still the person Greenville calls when a truck is late. Ruth
            asked what would happen if I stopped answering. Probably nothing bad.
  2026-W41  Someone else's job. It was hard not to call Castwell when the Tuesday truck was late. I
            wrote it down here instead.
  2026-W42  Capability. The coaching clinic slipped and I let it, because the supervisors were
            tired. That is a reason, not a plan.
  2026-W43  Alignment. Prairie is cutting 2027 schedules. Our medical target was set for a world
            where ag stayed flat.
  2026-W44  Capability. The Greenville coaching clinic was due 23 Oct and still has no date.
  2026-W45  Alignment. Two refresh signals since the July review, Castwell exiting and Prairie
            cutting, and the next review is not until January.
  2026-W46  Alignment. The analyst call makes three refresh signals. And I have not talked to a
            medical customer since Orthoventure.
  2026-W47  Accountability. Dayton scrap jumped to 3.4% on the first bar from the new 4140 mill. My
            instinct is to drive to Dayton and sort it out. It is Marcus's to sort.
  2026-W48  Alignment. No medical story since early October, Grace's one-on-one is overdue and
            quotes are getting slower. Medical went quiet while I was fixing castings.

Most confident
  2026-W36  Alignment. Everyone knows what is going on at Greenville and why. Nobody is hiding the
            numbers.
  2026-W37  Alignment. Greenville is pulling together. Second shift asked for Saturday work before
            anyone asked them.
  2026-W38  Alignment, barely. People know what matters this month.
  2026-W39  Capability. Keller Castings can sample in three weeks, and we found them because the
            single-source list from August existed.
  2026-W40  Alignment. The visit to Orthoventure with Grace and Ben reminded me why medical is in
            the strategy at all.
  2026-W41  Accountability. I stayed out of the huddle all week and Greenville still shipped 91.5%.
            Priya's plan works without me in the room.
  2026-W42  Alignment. Greenville's second shift told the Keller story to the Dayton supervisors
            themselves.
  2026-W43  Accountability. Greenville is back at 95% and Priya told the story at staff meeting, not
            me.
  2026-W44  Capability. The scheduling review was honest. Tom said it first: we schedule well inside
            our walls and are blind outside them.
  2026-W45  Accountability. Greenville is on track three weeks running and Harlan noticed without
            being told.
  2026-W46  Accountability. Marcus, Priya and Tom all came to their one-on-ones with their own plans
            this cycle.
  2026-W47  Capability. The layered audit I sat in on was a good one: Elena coached the supervisor
            instead of auditing him.
  2026-W48  Accountability. The indicators told me about Dayton scrap before anyone's email did,
            which is what they are for.

Notes
  2026-W37  Short week, Labor Day. Tom's plan B did not come, so I started calling foundries myself.
  2026-W38  19 hours of expediting. Ruth asked who is doing my job while I do Tom's.
  2026-W41  We postponed the coaching clinic; the supervisors are still on Saturdays. No new date
            yet.
  2026-W48  Short week, Thanksgiving. Strategy refresh booked for 8 Dec at Dayton. Scrap stays with
            Marcus; I ask for his plan on Monday.
"""

EXAMPLE_MARKDOWN = Path(__file__).with_name("golden") / "reflect-northfield.md"


def stripped(text: str) -> str:
    """Rich pads wrapped lines with spaces; what a person sees is the text without them."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def test_the_example_answers_the_closing_question_with_evidence(example_journal, run):
    before = tree_hash(example_journal)
    result = run("reflect", journal=example_journal)
    assert result.exit_code == 0, result
    assert stripped(result.stdout) == EXAMPLE_REFLECT
    assert result.stderr == ""
    assert tree_hash(example_journal) == before, "reflect never writes"


@pytest.mark.parametrize("columns", [100, 80, 60])
def test_piped_text_has_no_trailing_spaces(example_journal, run, columns):
    """Rich pads each line to the table's width; in a pipe, a diff or an email the spaces
    are noise, so plain text goes out without them, as the dashboard's does."""
    result = run("reflect", journal=example_journal, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result
    padded = [line for line in result.stdout.splitlines() if line.endswith(" ")]
    assert padded == []
    if columns == 100:
        assert result.stdout == EXAMPLE_REFLECT


def test_markdown_for_a_coach(example_journal, run):
    result = run("reflect", "--format", "markdown", "--private", journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stdout == EXAMPLE_MARKDOWN.read_text(encoding="utf-8")


def test_json_for_scripts(example_journal, run):
    result = run("reflect", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert (data["from"], data["to"], data["checkins"]) == ("2026-W36", "2026-W48", 13)
    assert [w["alignment"] for w in data["weeks"]] == [4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 3, 3, 3]
    assert data["weeks"][-1]["challenge"].startswith("Alignment. No medical story since early")
    assert data["weeks"][-1]["note"].startswith("Short week, Thanksgiving.")
    assert data["weeks"][0]["note"] is None  # W36 wrote none
    assert data["areas"]["capability"] == {
        "average": 2.69,
        "low": 2,
        "high": 3,
        "latest": 3,
        "trend": "rising",
        "rated_weeks": 13,
    }
    assert data["most_confident"] == {"areas": ["alignment"], "average": 3.46}
    assert data["least_confident"] == {"areas": ["capability"], "average": 2.69}
    assert data["challenge_areas"] == [
        {"area": "alignment", "weeks": 4},
        {"area": "someone else's job", "weeks": 4},
        {"area": "accountability", "weeks": 3},
        {"area": "capability", "weeks": 2},
    ]


def test_a_chosen_range(example_journal, run):
    result = run("reflect", "--from", "2026-W37", "--to", "2026-W40", journal=example_journal)
    assert result.exit_code == 0, result
    lines = stripped(result.stdout).splitlines()
    assert lines[0] == "Confidence and challenges, 2026-W37 to 2026-W40 (4 weeks, 4 check-ins)"
    assert lines[3] == "  alignment       ▆▄▄▄                      3.2  3-4         3  falling"
    assert "Challenges named most: someone else's job (3 weeks); then accountability 1." in lines
    # 4 challenges, 4 confident, 2 notes (W37, W38)
    assert sum(line.startswith("  2026-W") for line in lines) == 10


def test_from_alone_runs_to_this_week(example_journal, run):
    data = json.loads(
        run("reflect", "--from", "2026-W45", "-f", "json", journal=example_journal).stdout
    )
    assert [w["week"] for w in data["weeks"]] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]


def test_weeks_without_a_checkin_are_gaps_not_zeros(example_journal, run):
    result = run("reflect", "--from", "2026-W26", "--to", "2026-W31", journal=example_journal)
    lines = stripped(result.stdout).splitlines()
    assert lines[0] == "Confidence and challenges, 2026-W26 to 2026-W31 (6 weeks, 3 check-ins)"
    assert lines[3] == "  alignment       ···▆█▆                    4.3  4-5         4  -"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-W50"], "error: --from: 2026-W50 comes after this week (2026-W48)"),
        (["--from", "2026-W46", "--to", "2026-W45"], "--from 2026-W46 comes after --to 2026-W45"),
        (["--to", "2026-W49"], "--to: 2026-W49 has not started yet (today is 2026-11-27"),
        (["--to", "2026-W54"], "error: --to: '2026-W54': 2026 has only 53 ISO weeks"),
        (["--from", "last week"], "error: --from: 'last week' is not a week"),
    ],
)
def test_bad_ranges_are_usage_errors(example_journal, run, args, message):
    before = tree_hash(example_journal)
    result = run("reflect", *args, journal=example_journal)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(example_journal) == before


# ---- crafted journals ---------------------------------------------------------------------------


def checkin(week: str, alignment=None, capability=None, accountability=None, **reflection) -> str:
    text = f'week = "{week}"\n'
    ratings = {"alignment": alignment, "capability": capability, "accountability": accountability}
    if any(v is not None for v in ratings.values()):
        text += "\n[confidence]\n" + "".join(
            f"{area} = {value}\n" for area, value in ratings.items() if value is not None
        )
    if reflection:
        text += "\n[reflection]\n" + "".join(
            f"{key} = {json.dumps(value)}\n" for key, value in reflection.items()
        )
    return text


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    weeks = {
        "2026-W45": checkin("2026-W45", 2, 4, 3, challenge="Capability: hiring stalled."),
        "2026-W46": checkin("2026-W46", 3, 4, None, challenge="Nothing in particular"),
        "2026-W47": checkin("2026-W47", 4, 3, 3, confident="Accountability, mostly."),
        "2026-W48": checkin("2026-W48", 5, 3, 3, challenge="Alignmentish? no: time."),
    }
    for week, text in weeks.items():
        (fresh_journal / "checkins" / f"{week}.toml").write_text(text)
    return fresh_journal


def test_ties_and_unrated_weeks(journal, run):
    """alignment and capability both average 3.5; accountability is rated 3 of 4 weeks."""
    result = run("reflect", "--from", "2026-W45", "-f", "json", journal=journal)
    data = json.loads(result.stdout)
    assert data["most_confident"] == {"areas": ["alignment", "capability"], "average": 3.5}
    assert data["least_confident"] == {"areas": ["accountability"], "average": 3.0}
    assert data["areas"]["accountability"]["rated_weeks"] == 3
    assert data["areas"]["alignment"]["trend"] == "rising"
    assert data["areas"]["capability"]["trend"] == "falling"
    assert data["areas"]["accountability"]["trend"] is None  # three ratings: too few
    assert data["challenge_areas"] == [{"area": "capability", "weeks": 1}]
    text = stripped(run("reflect", "--from", "2026-W45", journal=journal).stdout)
    assert "Most confident: alignment and capability, average 3.5 of 5.\n" in text
    assert "Least confident: accountability, average 3.0 of 5.\n" in text


def test_a_range_with_no_checkins_says_so(journal, run):
    result = run("reflect", "--from", "2025-W01", "--to", "2025-W02", journal=journal)
    assert result.exit_code == 0, result
    text = stripped(result.stdout)
    assert "(2 weeks, 0 check-ins)" in text
    assert "No confidence ratings in these weeks, so no answer from them." in text
    assert "Challenges named most: none written in these weeks." in text


def test_only_the_checkins_in_the_range_are_read(journal, run):
    (journal / "checkins" / "2026-W40.toml").write_text("not = [toml")
    assert run("reflect", "--from", "2026-W45", journal=journal).exit_code == 0
    result = run("reflect", "--from", "2026-W40", journal=journal)
    assert result.exit_code == 1
    assert "checkins/2026-W40.toml:1:" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Alignment. No medical story", "alignment"),
        ("Alignment, barely.", "alignment"),
        ("accountability: the plans", "accountability"),
        ("Organizational capability - hiring", "capability"),
        ("Capabilities are thin", "capability"),
        ("Someone else's job. Twenty hours.", "someone else's job"),
        ("Someone else\u2019s job again", "someone else's job"),
        ("Alignmentish", None),
        ("My alignment work", None),
        ("", None),
    ],
)
def test_the_area_a_line_names(text, area):
    assert named_area(text) == area


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([3, 3, 3], None),
        ([2, 2, 3, 3], "rising"),
        ([3, 3, 3, 4], "rising"),  # half a point is enough
        ([4, 4, 9, 3, 3], "falling"),  # the middle one is left out
        ([3, 4, 3, 4, 3, 4], "steady"),
    ],
)
def test_trend(ratings, expected):
    assert trend(ratings) == expected


def test_the_capture_in_docs_cli_md_is_what_reflect_prints():
    doc = (Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc.split("## leadwork reflect\n", 1)[1]
    capture = section.split("read.\n\n```\n", 1)[1].split("```\n", 1)[0]
    assert capture.endswith("  …\n")
    assert EXAMPLE_REFLECT.startswith(capture.removesuffix("  …\n"))
