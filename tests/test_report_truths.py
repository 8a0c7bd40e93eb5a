"""The quarterly report tells the truth (fourth trial): a retired indicator is not counted
as on track at the end of the range; a one-on-one commitment carried too often is named
where a weekly one is (report and dashboard alike); the commitments section says what it
counts, and counts the one-on-ones' follow-ups too."""

import json
import re
from pathlib import Path

from leadwork.render.palette import STATUS_LABEL
from leadwork.render.room import SCREEN_ROWS

QUARTER = ["--from", "2026-W36", "--to", "2026-W48"]


def retire(journal: Path, indicator: str, day: str) -> None:
    path = journal / "indicators.toml"
    text = path.read_text()
    line = f'id = "{indicator}"\n'
    assert line in text
    path.write_text(text.replace(line, f"{line}retired_on = {day}\n", 1))


def report(run, journal: Path, fmt: str, *args: str) -> str:
    result = run("report", *QUARTER, "--format", fmt, *args, journal=journal)
    assert result.exit_code == 0, result
    return result.stdout


# ---- 1. a retired indicator ---------------------------------------------------------------


def test_an_indicator_retired_in_the_range_is_not_counted_at_its_end(example_journal, run):
    before = json.loads(report(run, example_journal, "json"))
    ends = {i["id"]: i["history"][-1]["status"] for i in before["indicators"]}
    retire(example_journal, "greenville-otd", "2026-11-02")
    retire(example_journal, "dayton-otd", "2026-12-14")  # after the range: counted as usual
    data = json.loads(report(run, example_journal, "json"))
    by_id = {i["id"]: i for i in data["indicators"]}
    otd = by_id["greenville-otd"]
    assert otd["retired_on"] == "2026-11-02"
    assert otd["history"][-1]["week"] == "2026-W44"  # the weeks it was tracked
    assert otd["last"]["value"] is not None  # its last reading
    assert by_id["dayton-otd"]["retired_on"] is None

    page = report(run, example_journal, "html")
    counted = re.search(r'<ul class="counts"[^>]*>(.*?)</ul>', page).group(1)
    tiles = {label: int(n) for n, label in re.findall(r"<b>(\d+)</b>([^<]+)", counted)}
    assert sum(tiles.values()) == len(data["indicators"]) - 1
    expected = {s: 0 for s in tiles}
    for ident, status in ends.items():
        if ident != "greenville-otd":
            label = STATUS_LABEL[status]
            expected[label] = expected.get(label, 0) + 1
    assert tiles == {k: v for k, v in expected.items() if k in tiles}
    section = page.split('id="indicator-greenville-otd"')[1].split("</article>")[0]
    assert "retired 2026-11-02" in section
    assert "on track</span>" not in section.split("</h3>")[0]

    markdown = report(run, example_journal, "markdown")
    assert "retired 2026-11-02" in markdown


def test_a_retired_indicator_is_not_left_to_act_on(example_journal, run):
    """Course-correct when it was retired: nothing to act on at the end of the range."""
    retire(example_journal, "dayton-scrap", "2026-11-16")  # red in W47 and W48 if tracked
    data = json.loads(report(run, example_journal, "json"))
    scrap = next(i for i in data["indicators"] if i["id"] == "dayton-scrap")
    assert scrap["retired_on"] == "2026-11-16"
    assert not any(n.startswith(scrap["name"] + ":") for n in data["needs_you"])


# ---- 2. a one-on-one commitment carried too often -----------------------------------------


def carry(journal: Path, meeting: str, text: str, times: int) -> None:
    path = journal / "one-on-ones" / meeting
    body = path.read_text()
    line = f'text = "{text}"\n'
    assert line in body
    path.write_text(body.replace(line, f"{line}carried = {times}\n", 1))


CLINIC = "Pick 8 or 15 Dec for the coaching clinic, with Marcus"


def test_a_one_on_one_commitment_carried_too_often_needs_you(example_journal, run):
    carry(example_journal, "2026-11-24-priya.toml", CLINIC, 3)
    listed = run("commitments", "--format", "json", journal=example_journal)
    assert listed.exit_code == 0, listed
    assert CLINIC in listed.stdout

    result = run("dashboard", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    found = [f for f in json.loads(result.stdout)["needs_you"] if CLINIC in f["message"]]
    assert len(found) == 1
    assert found[0]["kind"] == "commitment-carried"
    assert found[0]["subject"] == "priya"
    assert "Carried 3 times" in found[0]["message"] and "Priya" in found[0]["message"]

    data = json.loads(report(run, example_journal, "json"))
    assert any(CLINIC in n and "Priya" in n for n in data["needs_you"])
    [item] = [c for c in data["carried_too_often"] if c["text"] == CLINIC]
    assert item["carried"] == 3 and item["person"] == "priya" and item["by"] == "them"
    markdown = report(run, example_journal, "markdown")
    commitments = markdown.split("## Commitments")[1].split("## ")[0]
    assert "Pick 8 or 15 Dec" in commitments and "Priya" in commitments


def test_the_text_dashboard_keeps_one_screen_with_the_carried_one(example_journal, run):
    carry(example_journal, "2026-11-24-priya.toml", CLINIC, 3)
    result = run("dashboard", journal=example_journal)
    assert result.exit_code == 0, result
    assert len(result.stdout.splitlines()) <= SCREEN_ROWS  # Needs you folds what is left
    assert "more · `leadwork dashboard --full`" in result.stdout.split("\nNeeds you ─", 1)[1]
    # (promises past their date rank above it since trial 7: --full shows it)
    full = run("dashboard", "--full", journal=example_journal).stdout
    needs = " ".join(full.split("\nNeeds you ─", 1)[1].split())
    assert "Carried 3 times: “Pick 8 or 15 Dec for the coaching clinic, with Marcus”" in needs
    assert "(Priya's, from your one-on-one)" in needs


# ---- 3. what the commitments section counts -----------------------------------------------


def test_the_commitments_section_says_what_it_counts(example_journal, run):
    data = json.loads(report(run, example_journal, "json"))
    assert data["commitments"] == {
        "done": 23,
        "carried": 5,
        "dropped": 1,
        "rate": 0.793,
        "unmatched": 0,
    }
    # Every follow-up recorded in the quarter's one-on-ones (Sep 15 to Nov 25): 28 done,
    # 9 carried, none dropped.
    assert data["one_on_one_commitments"] == {
        "done": 28,
        "carried": 9,
        "dropped": 0,
        "rate": 0.757,
        "unmatched": 0,
    }
    markdown = report(run, example_journal, "markdown")
    section = markdown.split("## Commitments")[1].split("## ")[0]
    assert "Your weekly commitments: done 23 of 29 followed up (79%)" in section
    assert "One-on-one commitments (yours and theirs): done 28 of 37" in section
    page = report(run, example_journal, "html")
    assert "Your weekly commitments: done 23 of 29" in page
    assert "One-on-one commitments (yours and theirs): done 28 of 37" in page


def test_dropped_one_on_one_commitments_are_counted(example_journal, run):
    path = example_journal / "one-on-ones" / "2026-11-24-priya.toml"
    path.write_text(path.read_text().replace('outcome = "done"', 'outcome = "dropped"'))
    data = json.loads(report(run, example_journal, "json"))
    assert data["one_on_one_commitments"]["dropped"] == 2
    assert data["one_on_one_commitments"]["done"] == 26


def test_a_one_on_one_commitment_done_since_is_no_longer_named(example_journal, run):
    """Carried three times on 17 Nov, done on 24 Nov: nothing left to act on."""
    path = example_journal / "one-on-ones" / "2026-11-17-priya.toml"
    path.write_text(path.read_text().replace("carried = 1", "carried = 3"))
    hr = "Ask HR for the coaching facilitator's December dates"
    result = run("dashboard", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    assert not any(hr in f["message"] for f in json.loads(result.stdout)["needs_you"])
    data = json.loads(report(run, example_journal, "json"))
    assert not any(hr in n for n in data["needs_you"])
    # Standing on the week before it was done, the report and the dashboard name it, yours.
    early = run(
        "report",
        "--from",
        "2026-W36",
        "--to",
        "2026-W47",
        "--format",
        "json",
        journal=example_journal,
    )
    assert early.exit_code == 0, early
    [said] = [n for n in json.loads(early.stdout)["needs_you"] if hr in n]
    assert "yours, from your one-on-one with Priya" in said
    board = run("dashboard", "--week", "2026-W47", "--format", "json", journal=example_journal)
    assert board.exit_code == 0, board
    assert any(hr in f["message"] for f in json.loads(board.stdout)["needs_you"])
