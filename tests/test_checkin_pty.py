"""The installed `leadwork checkin` in a real pseudo-terminal: Ctrl-C loses no answer.

pexpect gives the command a terminal (so it asks), types like a person, and presses
Ctrl-C (SIGINT through the terminal) in the middle of the interview.
"""

import io
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest

from journals import write_small_journal

pexpect = pytest.importorskip("pexpect")

LEADWORK = Path(sys.executable).with_name("leadwork")
W49 = "checkins/2026-W49.toml"
DRAFT = ".drafts/2026-W49.toml"
LAST_WEEK = """\
week = "2026-W48"

[readings]
otd = 93.5
scrap = 2.1

[[commitments]]
text = "Walk line 3 with Maria"

[[commitments]]
text = "Ask Tom for the scrap plan"
carried = 2
"""
OUTCOME = "What became of it? (1 done / 2 carried / 3 dropped): "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # readline's own codes (no styles: NO_COLOR)


TRANSCRIPT = (
    "Check-in for 2026-W49 (30 Nov \u2013 6 Dec 2026)\n"
    "Enter skips a question or keeps the [default]. Ctrl-C stops and keeps your answers.\n"
    "\n"
    "Last week's commitments (2026-W48)\n"
    "  1. Walk line 3 with Maria\n"
    "  What became of it? (1 done / 2 carried / 3 dropped): d\n"
    "    ✗ 'd' could be done or dropped: type a little more\n"
    "  What became of it? (1 done / 2 carried / 3 dropped): done\n"
    "  2. Ask Tom for the scrap plan  (carried twice)\n"
    "  What became of it? (1 done / 2 carried / 3 dropped): dropped\n"
    "  Last week's done rate: 1 of 2 (50%).\n"
    "\n"
    "Indicator readings  this week's value of each\n"
    "  On-time delivery  otd\n"
    "    target 95% · celebrate ≥ 98% · course-correct < 90% · last 93.5% (2026-W48)\n"
    "    value in %: 97\n"
    "    → 97% is on track\n"
    "  Scrap rate  scrap\n"
    "    target 2 · celebrate ≤ 1.5 · course-correct > 3 · last 2.1 (2026-W48)\n"
    "    value: 1.4\n"
    "    → 1.4 is celebrate\n"
    "\n"
    "Time audit  hours this week; someone else's job = work your people own\n"
    "  alignment (Enter: 0): 10\n"
    "  capability (Enter: 0): 8\n"
    "  accountability (Enter: 0): 9\n"
    "  someone else's job (Enter: 0): 2\n"
    "  other (Enter: 0): 6\n"
    "  35 hours in all. 6% went to someone else's job.\n"
    "\n"
    "Confidence  1 = shaky … 5 = sure, in your own work\n"
    "  alignment: 4\n"
    "  capability: 3\n"
    "  accountability: 4\n"
    "\n"
    "Stories  someone living the purpose or a strategic choice\n"
    "  Story 1: what happened? (Enter: no more): Tom found a second bar supplier\n"
    "      who? (a name, or maria, tom): tom\n"
    "      which choice did it live? (1 quality-first / 2 purpose): purpose\n"
    "  Story 2: what happened? (Enter: no more): \n"
    "\n"
    "Stakeholder conversations  what did you hear?\n"
    "  Conversation 1: with (Enter: no more) (1 customer / 2 supplier / 3 partner / 4 analyst /\n"
    "    5 employee / 6 other): \n"
    "\n"
    "Commitments for next week  they come back next week\n"
    "  Commitment 1 (Enter: no more): Review scrap with Tom\n"
    "  Commitment 2 (Enter: no more): \n"
    "\n"
    "Reflection  one line each\n"
    "  Where did you feel most confident this week?: Alignment\n"
    "  Your biggest challenge?: Letting go of scrap\n"
    "\n"
    "Recorded 2026-W49 (30 Nov \u2013 6 Dec 2026) in checkins/2026-W49.toml.\n"
    "  readings     otd    97%  on track\n"
    "               scrap  1.4  celebrate\n"
    "  hours        alignment 10 · capability 8 · accountability 9 · someone else's job 2 "
    "· other 6\n"
    "  confidence   alignment 4 · capability 3 · accountability 4\n"
    "  reflection   confident  “Alignment”\n"
    "               challenge  “Letting go of scrap”\n"
    "  last week's  Walk line 3 with Maria      done\n"
    "               Ask Tom for the scrap plan  dropped\n"
    "  commitments  Review scrap with Tom  new\n"
    "  stories      Tom found a second bar supplier  tom · purpose\n"
    "Last week's commitments: 1 of 2 done (50%).\n"
)


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / "checkins/2026-W48.toml").write_text(LAST_WEEK)
    return fresh_journal


def spawn(journal: Path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(journal.parent),
        "LEADWORK_TODAY": "2026-12-04",  # 2026-W49
        "NO_COLOR": "1",
        "TERM": "xterm-256color",  # like a person's terminal; styles are stripped below
    }
    return pexpect.spawn(
        str(LEADWORK),
        ["--journal", str(journal), "checkin"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )


def answer(child, prompt: str, text: str) -> None:
    """Wait for the next question (output ending in ': '), check it is `prompt`, answer."""
    child.expect(r": $")
    shown = ANSI.sub("", child.before + child.after)
    assert shown.endswith(prompt), shown[-200:]
    child.sendline(text)


def finish(child) -> str:
    """Press Enter at every remaining question; the whole output once it exits."""
    seen = []
    while child.expect([r": $", pexpect.EOF]) == 0:
        seen.append(child.before + child.after)
        child.sendline("")
    seen.append(child.before)
    child.close()
    return ANSI.sub("", "".join(seen))


def interrupt(child) -> None:
    """Ctrl-C at the prompt, as a person presses it: again if the first was lost. The
    prompt is on the screen a moment before readline waits for a key; on a loaded machine
    a signal that lands in that moment only sets Python's flag, which nothing reads while
    readline waits, so the run would wait for a key that never comes (a person, pressing
    it seconds later, never meets this)."""
    for _ in range(5):
        child.sendintr()
        if child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=5) == 0:
            return
    raise AssertionError("Ctrl-C did not end the run: " + str(child.before))


def test_ctrl_c_keeps_the_answers_and_the_next_run_resumes(journal):
    child = spawn(journal)
    answer(child, OUTCOME, "done")
    answer(child, OUTCOME, "carried")
    answer(child, "value in %: ", "96")
    child.expect(r": $")  # the scrap rate's value: Ctrl-C instead of an answer
    assert ANSI.sub("", child.before).endswith("value")
    interrupt(child)
    output = " ".join(ANSI.sub("", child.before).split())
    child.close()
    assert child.exitstatus == 130
    assert (
        "Stopped. Your 3 answers so far are kept in .drafts/2026-W49.toml; run `leadwork "
        "checkin --week 2026-W49` to resume."
    ) in output
    assert "leadwork: interrupted; nothing more was written" in output
    assert "Traceback" not in output
    assert not (journal / W49).exists()
    draft = tomllib.loads((journal / DRAFT).read_text())
    assert draft["answers"]["follow_ups"] == [
        {"text": "Walk line 3 with Maria", "outcome": "done"},
        {"text": "Ask Tom for the scrap plan", "outcome": "carried"},
    ]
    assert draft["answers"]["readings"] == {"otd": 96}

    child = spawn(journal)
    answer(child, "Resume it? [Y/n]: ", "")
    answer(child, "value: ", "3.4")  # the first question not yet answered
    output = finish(child)
    assert child.exitstatus == 0, output
    assert "Walk line 3 with Maria" not in output.split("Recorded")[0]
    text = (journal / W49).read_text()
    assert "[readings]\notd = 96\nscrap = 3.4\n" in text
    assert '[[last_week]]\ntext = "Walk line 3 with Maria"\noutcome = "done"\n' in text
    assert '[[commitments]]\ntext = "Ask Tom for the scrap plan"\ncarried = 3\n' in text
    assert not (journal / ".drafts").exists()


def test_ctrl_c_before_any_answer_leaves_nothing_behind(journal):
    child = spawn(journal)
    child.expect(r": $")
    interrupt(child)
    child.close()
    assert child.exitstatus == 130
    assert "leadwork: interrupted" in child.before
    assert not (journal / ".drafts").exists()
    assert not (journal / W49).exists()


def test_a_whole_check_in_at_a_real_terminal(journal):
    child = spawn(journal)
    child.logfile_read = seen = io.StringIO()
    for prompt, text in [
        (OUTCOME, "d"),  # ambiguous: asked again
        (OUTCOME, "done"),
        (OUTCOME, "dropped"),
        ("value in %: ", "97"),
        ("value: ", "1.4"),
        ("alignment (Enter: 0): ", "10"),
        ("capability (Enter: 0): ", "8"),
        ("accountability (Enter: 0): ", "9"),
        ("someone else's job (Enter: 0): ", "2"),
        ("other (Enter: 0): ", "6"),
        ("alignment: ", "4"),
        ("capability: ", "3"),
        ("accountability: ", "4"),
        ("(Enter: no more): ", "Tom found a second bar supplier"),
        ("who? (a name, or maria, tom): ", "tom"),
        ("(1 quality-first / 2 purpose): ", "purpose"),
        ("(Enter: no more): ", ""),
        ("6 other): ", ""),
        ("(Enter: no more): ", "Review scrap with Tom"),
        ("(Enter: no more): ", ""),
        ("this week?: ", "Alignment"),
        ("challenge?: ", "Letting go of scrap"),
    ]:
        answer(child, prompt, text)
    child.expect(pexpect.EOF)
    child.close()
    transcript = ANSI.sub("", seen.getvalue()).replace("\r\n", "\n")
    assert child.exitstatus == 0, transcript
    assert transcript == TRANSCRIPT
    # NO_COLOR: no style at all, bold and dim included, as in every view (second trial)
    assert not re.search(r"\x1b\[[0-9;]*m", seen.getvalue()), seen.getvalue()[:500]
    text = (journal / W49).read_text()
    assert '[[stories]]\ntext = "Tom found a second bar supplier"\nwho = "tom"\n' in text


LEFT = "\x1b[D"  # the left arrow, as a terminal sends it


def test_an_answer_is_edited_with_the_arrow_keys(journal):
    """Line editing (readline): "Stedy", two left arrows, "a", Enter is "Steady", not an
    answer holding ^[[D. The up arrow brings back an earlier answer of the session."""
    child = spawn(journal)
    answer(child, OUTCOME, "done")
    answer(child, OUTCOME, "carried")
    answer(child, "value in %: ", "96")
    answer(child, "value: ", "1.4")
    for area in ("alignment", "capability", "accountability", "someone else's job", "other"):
        answer(child, f"{area} (Enter: 0): ", "")
    for area in ("alignment", "capability", "accountability"):
        answer(child, f"{area}: ", "")
    answer(child, "(Enter: no more): ", "")  # no story
    answer(child, "6 other): ", "")  # no conversation
    child.expect(r": $")
    child.send("Stedy" + LEFT * 2 + "a\r")  # Commitment 1
    child.expect(r": $")
    child.send("\x1b[A" + "\x7f" * 3 + "er\r")  # Commitment 2: up arrow, then edit it
    output = finish(child)
    assert child.exitstatus == 0, output
    assert "^[[" not in output
    text = (journal / W49).read_text()
    assert '[[commitments]]\ntext = "Steady"\n' in text
    assert '[[commitments]]\ntext = "Steer"\n' in text
