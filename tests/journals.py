"""Small, valid journals written by tests (the example journal is the big one)."""

from pathlib import Path
from typing import Any

TEAM = """\
# my people
[[people]]
id = "maria"
name = "Maria Santos"
cadence_days = 14

[[people]]
id = "tom"
name = "Tom Reyes"
"""

STRATEGY = """\
purpose = "Parts that never come back."

[[choices]]
id = "quality-first"
statement = "Quality over speed."
"""

CAPABILITIES = """\
[[capabilities]]
id = "quality-at-scale"
name = "Quality at scale"
kind = "organizational"
serves = ["quality-first"]
owner = "maria"
level = 2
target = 4
"""

INDICATORS = """\
[[indicators]]
id = "otd"
name = "On-time delivery"
owner = "maria"
serves = ["quality-at-scale"]
unit = "%"
direction = "higher"
target = 95
celebrate = 98
course_correct = 90

[[indicators]]
id = "scrap"
name = "Scrap rate"
owner = "tom"
direction = "lower"
target = 2.0
celebrate = 1.5
course_correct = 3.0
"""

# the week's check-in was done: it records more than readings (`timeline.checkin_done`)
CHECKIN = (
    'week = "2026-W48"\n\n[readings]\notd = 93.5\nscrap = 2.1\n\n'
    '[reflection]\nnote = "A steady week."\n'
)

ONE_ON_ONE = """\
person = "maria"
date = 2026-11-24
progress = "Line 3 is stable again."

[[plans]]
indicator = "otd"
status = "at-risk"
plan = "Second shift on the lathe cell."
"""

STRATEGY_REVIEW = """\
kind = "strategy"
date = 2026-09-01
participants = ["maria", "tom"]
changes = "None yet."
"""

SMALL_JOURNAL = {
    "team.toml": TEAM,
    "strategy.toml": STRATEGY,
    "capabilities.toml": CAPABILITIES,
    "indicators.toml": INDICATORS,
    "checkins/2026-W48.toml": CHECKIN,
    "one-on-ones/2026-11-24-maria.toml": ONE_ON_ONE,
    "reviews/2026-09-01-strategy.toml": STRATEGY_REVIEW,
}


def write_small_journal(root: Path) -> Path:
    """Add the small journal's files to a journal made by `leadwork init`."""
    for rel, text in SMALL_JOURNAL.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


# The fifth trial's journal (/tmp/trial5/repro/base.sh): made by `leadwork init` on Monday
# 2026-09-07 (2026-W37), one choice, Omar every 14 days, one indicator he owns.
TRIAL_STRATEGY = """\
purpose = "Keep plants running."
[[choices]]
id = "key-accounts"
statement = "Grow with key accounts."
"""

TRIAL_TEAM = """\
[[people]]
id = "omar"
name = "Omar Haddad"
cadence_days = 14
"""

TRIAL_INDICATORS = """\
[[indicators]]
id = "win-rate"
name = "Chicago quote win rate"
owner = "omar"
agreed_on = 2026-09-07
serves = ["key-accounts"]
unit = "%"
direction = "higher"
target = 35
celebrate = 40
course_correct = 28
"""


def write_trial_journal(root: Path) -> Path:
    """Give a journal made by `leadwork init` the trial's definitions."""
    (root / "strategy.toml").write_text(TRIAL_STRATEGY)
    (root / "team.toml").write_text(TRIAL_TEAM)
    (root / "indicators.toml").write_text(TRIAL_INDICATORS)
    (root / "capabilities.toml").write_text("")
    return root


# The sixth trial's journal (/tmp/trial6/repro/common.sh): made by `leadwork init` on Monday
# 2026-08-31 (2026-W36) for Helen Marsh, one choice, Tony (every 28 days) and Sam (every
# 21), and Tony's grounds work-order backlog (lower is better: target 20, course-correct
# past 30).
SIXTH_TRIAL_STRATEGY = """\
[[choices]]
id = "safe"
statement = "Safe and clean."
"""

SIXTH_TRIAL_INDICATORS = """\
[[indicators]]
id = "grounds-backlog"
name = "Grounds work-order backlog"
owner = "tony"
agreed_on = 2026-08-31
serves = ["safe"]
unit = "orders"
direction = "lower"
target = 20
celebrate = 10
course_correct = 30
"""


def write_sixth_trial_journal(root: Path, tony_left_on: str | None = None) -> Path:
    """Give a journal made by `leadwork init` the sixth trial's definitions; Tony left the
    team on `tony_left_on` (YYYY-MM-DD) if given."""
    left = f"left_on = {tony_left_on}\n" if tony_left_on else ""
    team = (
        f'[[people]]\nid = "tony"\nname = "Tony Brennan"\ncadence_days = 28\n{left}\n'
        '[[people]]\nid = "sam"\nname = "Sam Okoro"\ncadence_days = 21\n'
    )
    for name, text in (
        ("strategy.toml", SIXTH_TRIAL_STRATEGY),
        ("team.toml", team),
        ("indicators.toml", SIXTH_TRIAL_INDICATORS),
    ):
        with (root / name).open("a") as f:
            f.write("\n" + text)
    return root


# Trial 8 (a plant manager): a supervisor and a monthly indicator, appended to a new
# journal's team.toml and indicators.toml by the tests of its findings.
TRIAL8_TEAM = """
[[people]]
id = "oksana"
name = "Oksana P"
"""

TRIAL8_COMPLAINTS = """
[[indicators]]
id = "complaints"
name = "Customer complaints"
owner = "oksana"
agreed_on = 2027-01-04
unit = "complaints"
direction = "lower"
cadence = "monthly"
target = 4
celebrate = 2
course_correct = 6
"""


# The twelfth trial's scoreboard (/tmp/trial12/build.sh): long indicator names, units that
# are words ("tickets", "per 100"), two people called Sam, and a monthly survey read for
# November, not for December.
TWELFTH_TRIAL_TEAM = """\
[[people]]
id = "sam"
name = "Sam Ortiz"

[[people]]
id = "sam-k"
name = "Sam Kim"

[[people]]
id = "ravi"
name = "Ravi Shah"

[[people]]
id = "nora"
name = "Nora Berg"
"""

TWELFTH_TRIAL_INDICATORS = """\
[[indicators]]
id = "escalations"
name = "Escalations to Tier 2 per week, all regions combined"
owner = "sam"
agreed_on = 2026-11-02
unit = "tickets"
direction = "lower"
target = 60
celebrate = 45
course_correct = 80

[[indicators]]
id = "defects"
name = "Damaged parcels per 100 shipped from Warehouse North"
owner = "sam-k"
agreed_on = 2026-11-02
unit = "per 100"
direction = "lower"
target = 2
celebrate = 1
course_correct = 3

[[indicators]]
id = "csat"
name = "Customer satisfaction, monthly survey"
owner = "ravi"
agreed_on = 2026-11-02
unit = "%"
direction = "higher"
cadence = "monthly"
target = 85
celebrate = 90
course_correct = 80

[[indicators]]
id = "otd"
name = "On-time dispatch"
owner = "nora"
agreed_on = 2026-11-02
unit = "%"
direction = "higher"
target = 95
celebrate = 98
course_correct = 90
"""

TWELFTH_TRIAL_CHECKINS = {  # csat read in November only: on 4 Jan, "no reading for Dec 2026"
    "2026-W48": "escalations = 70\ndefects = 2.0\notd = 95\ncsat = 86\n",
    "2026-W49": "escalations = 65\ndefects = 1.8\notd = 96\n",
    "2026-W53": "escalations = 55\ndefects = 1.4\notd = 97\n",
}


def write_twelfth_trial_journal(root: Path) -> Path:
    """Give a journal made by `leadwork init` the twelfth trial's team, indicators and three
    check-ins."""
    (root / "team.toml").write_text(TWELFTH_TRIAL_TEAM)
    (root / "indicators.toml").write_text(TWELFTH_TRIAL_INDICATORS)
    for week, readings in TWELFTH_TRIAL_CHECKINS.items():
        (root / "checkins" / f"{week}.toml").write_text(
            f'week = "{week}"\n\n[readings]\n{readings}\n[reflection]\nnote = "A week."\n'
        )
    return root


# The tenth trial's minimal journal (/tmp/trial10/bin/mini.sh): Chloe, and two indicators
# agreed 2026-09-21, the Monday of 2026-W39, Q3's last week: a quarterly KB deflection rate
# and a monthly CSAT (`TRIAL10_KB` takes the day it was agreed).
TRIAL10_TEAM = '[[people]]\nid = "chloe"\nname = "Chloe Ng"\ncadence_days = 14\n'
TRIAL10_KB = """
[[indicators]]
id = "kb"
name = "KB deflection rate"
owner = "chloe"
agreed_on = {agreed}
unit = "%"
direction = "higher"
cadence = "quarterly"
target = 25
celebrate = 30
course_correct = 15
"""
TRIAL10_CSAT = """
[[indicators]]
id = "csat"
name = "Monthly CSAT"
owner = "chloe"
agreed_on = 2026-09-21
unit = "%"
direction = "higher"
cadence = "monthly"
target = 85
celebrate = 90
course_correct = 80
"""


def trial10_indicators(*blocks: str, kb_agreed: str = "2026-09-21") -> str:
    """indicators.toml of the tenth trial's journal: `blocks` in their order
    (`TRIAL10_KB`, `TRIAL10_CSAT`, or an indicator of the test's own)."""
    return "".join(block.format(agreed=kb_agreed) if block is TRIAL10_KB else block
                   for block in blocks).lstrip("\n")  # fmt: skip


def trial10_journal(tmp_path: Path, run: Any, indicators: str) -> Path:
    """The tenth trial's journal, made by `leadwork init` (leader Sam Okoro), with Chloe and
    `indicators` (`trial10_indicators`)."""
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Sam Okoro").exit_code == 0
    (journal / "team.toml").write_text(TRIAL10_TEAM)
    (journal / "indicators.toml").write_text(indicators)
    return journal


def said_on(run: Any, journal: Path, today: str, *args: str) -> str:
    """What a command run on `today` printed, its whitespace joined into single spaces (a
    sentence wrapped at the terminal's width reads whole); it must exit 0."""
    result = run(*args, journal=journal, env={"LEADWORK_TODAY": today})
    assert result.exit_code == 0, result
    return " ".join(result.stdout.split())


def week_readings(journal: Path, week: str) -> dict[str, float]:
    """The readings of a week's check-in file as written ({} without the file)."""
    import tomllib

    path = journal / "checkins" / f"{week}.toml"
    if not path.exists():
        return {}
    return dict(tomllib.loads(path.read_text()).get("readings", {}))


def replace_once(path: Path, old: str, new: str) -> None:
    """A hand edit: the first `old` in the file becomes `new` (which must be there)."""
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
