"""The interview in a real terminal (a pty, through pexpect), with the installed command."""

import os
import sys
import tomllib
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from test_checkin_pty import interrupt  # noqa: E402  (after the skip: it needs pexpect)

LEADWORK = Path(sys.executable).parent / "leadwork"


@pytest.mark.skipif(not LEADWORK.exists(), reason="the leadwork command is not installed")
def test_one_on_one_in_a_real_terminal(example_journal):
    env = {
        **os.environ,
        "LEADWORK_TODAY": "2026-11-27",
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "LINES": "40",
        "TERM": "xterm",
    }
    env.pop("FORCE_COLOR", None)
    child = pexpect.spawn(
        str(LEADWORK),
        ["--journal", str(example_journal), "one-on-one", "marcus"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )
    try:
        child.expect_exact("What's your plan to get back on track?")
        child.expect_exact("Record the one-on-one now? [Y/n]")
        child.sendline("y")
        child.expect_exact("How is Marcus progressing, in their words?")
        child.sendline("Scrap jumped with the new bar.")
        child.expect_exact("What's Marcus's plan to get back on track?")
        child.sendline("Quarantine the Allegheny heat lots; first-piece check on every setup.")
        child.expect_exact("What is worth celebrating?")
        child.sendline("")
        child.expect_exact("What became of it?")
        child.sendline("d")  # done or dropped? asked again
        child.expect_exact("'d' could be done or dropped: type a little more")
        child.expect_exact("What became of it? (1 done / 2 carried / 3 dropped)")
        child.sendline("do")
        child.expect_exact("What became of it?")
        child.sendline("3")
        child.expect_exact("Commitment")
        child.sendline("Scrap back under 3% by Christmas")
        child.expect_exact("Due (YYYY-MM-DD or +days) [2026-12-11]")
        child.sendline("2026-12-01")  # no --allow-past-due needed: it is after the meeting
        child.expect_exact("Commitment")
        child.sendline("")
        child.expect_exact("Commitment")
        child.sendline("")
        child.expect_exact("Did you agree a new indicator")
        child.sendline("")
        child.expect_exact("Anything else to note?")
        child.sendline("")
        child.expect_exact("Recorded one-on-ones/2026-11-27-marcus.toml")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    record = tomllib.loads((example_journal / "one-on-ones" / "2026-11-27-marcus.toml").read_text())
    assert record["plans"] == [
        {
            "indicator": "dayton-scrap",
            "status": "course-correct",
            "plan": "Quarantine the Allegheny heat lots; first-piece check on every setup.",
        }
    ]
    assert [f["outcome"] for f in record["last_time"]] == ["done", "dropped"]
    assert record["commitments"][0]["text"] == "Scrap back under 3% by Christmas"


@pytest.mark.skipif(not LEADWORK.exists(), reason="the leadwork command is not installed")
def test_ctrl_c_in_the_interview_writes_nothing(example_journal):
    from conftest import tree_hash

    before = tree_hash(example_journal)
    env = {**os.environ, "LEADWORK_TODAY": "2026-11-27", "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        str(LEADWORK),
        ["--journal", str(example_journal), "one-on-one", "marcus"],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect_exact("Record the one-on-one now?")
    child.sendline("y")
    child.expect_exact("How is Marcus progressing")
    interrupt(child)
    assert "interrupted; nothing was written; the answers typed are not kept" in child.before
    child.close()
    assert child.exitstatus == 130
    assert tree_hash(example_journal) == before


@pytest.mark.skipif(not LEADWORK.exists(), reason="the leadwork command is not installed")
def test_an_answer_is_edited_with_the_arrow_keys(example_journal):
    """Line editing (readline), with colour on: "Stedy", two left arrows, "a" is "Steady",
    not an answer holding ^[[D (which the one-on-one refused as a control character)."""
    env = {**os.environ, "LEADWORK_TODAY": "2026-11-27", "FORCE_COLOR": "1", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        str(LEADWORK),
        ["--journal", str(example_journal), "one-on-one", "marcus"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )
    try:
        child.expect_exact("Record the one-on-one now?")
        child.sendline("y")
        child.expect_exact("How is Marcus progressing, in their words?")
        child.send("Stedy" + "\x1b[D" * 2 + "a\r")
        child.expect_exact("What's Marcus's plan to get back on track?")
        child.sendline("Quarantine the heat lots.")
        child.expect_exact("What is worth celebrating?")
        child.send("\x1b[A" * 2 + " week\r")  # the up arrow brings back an earlier answer
        child.expect_exact("A story?")
        child.sendline("")
        for outcome in ("done", "dr"):
            child.expect_exact("What became of it?")
            child.sendline(outcome)
        for question in ("Commitment", "Commitment", "Did you agree", "Anything else"):
            child.expect_exact(question)
            child.sendline("")
        child.expect_exact("Recorded one-on-ones/2026-11-27-marcus.toml")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    record = tomllib.loads((example_journal / "one-on-ones" / "2026-11-27-marcus.toml").read_text())
    assert record["progress"] == "Steady"
    assert record["celebrate"] == "Steady week"
