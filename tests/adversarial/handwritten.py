"""A journal written by a person, not a tool: comments everywhere (headers, between
entries, at the end of lines, inside arrays), blank lines, the person's own key order,
CRLF line endings in one file and a BOM in another. Every writing command must leave all
of it in place. `leadwork check` passes on it."""

from __future__ import annotations

from pathlib import Path

CONFIG = """\
# Dana's journal. Started in July after the offsite.
leader = "Dana Whitfield"   # as on my badge

organization = "Northfield Components"
title = "VP Operations"

# Tuned with my coach, 2026-08.
[settings]
trend_weeks = 3             # three weeks the wrong way = talk about it
time_warning_percent = 25   # 20 was too noisy for me
"""

TEAM = """\
# ── My directs ───────────────────────────────
# Reviewed with HR in September.

[[people]]
name = "Maria Santos"       # plant manager, Greenville
id = "maria"
cadence_days = 14

# Tom moved from quality to scheduling in August.
[[people]]
role = "Scheduling lead"
name = "Tom Reyes"
id = "tom"

# end of list
"""

STRATEGY = """\
# Purpose, as we wrote it together at the offsite.
purpose = "Parts that never come back."

co_created_with = [
  "maria",   # first draft
  "tom",
]

# ── Choices ──
[[choices]]
statement = "Quality over speed."   # the one we argue about
id = "quality-first"

# second choice, added in October
[[choices]]
id = "dependable"
statement = "Ship when we said we would."
"""

CAPABILITIES = """\
# What we have to get good at.

[[capabilities]]
# The big one.
name = "Quality at scale"
id = "quality-at-scale"
kind = "organizational"
serves = ["quality-first"]   # and nothing else, for now
owner = "maria"
level = 2
target = 4

  # steps, in the order we agreed them
  [[capabilities.steps]]
  what = "Train line leads on SPC"
  due = 2026-10-30

  [[capabilities.steps]]
  due = 2026-12-18              # before the holidays
  what = "Second shift audit"
"""

INDICATORS = """\
# Leading indicators, agreed with the owners. Do not change without them.

[[indicators]]
name = "On-time delivery"
id = "otd"
# Maria agreed to these on 2026-08-03.
target = 95
celebrate = 98
course_correct = 90
direction = "higher"
unit = "%"
owner = "maria"
serves = ["quality-at-scale"]

[[indicators]]
id = "scrap"
name = "Scrap rate"
direction = "lower"   # lower is better!
owner = "tom"
celebrate = 1.5
target = 2.0
course_correct = 3.0
"""

CHECKIN = """\
# Week 48. Written on the train, Friday.
week = "2026-W48"

# numbers from the Monday report
[readings]
scrap = 2.1    # rough
otd = 93.5

# Hours, roughly.
[hours]
alignment = 6
someone_elses_job = 9   # again. Greenville.

[[stories]]
# the best one this week
text = "Line 3 ran a full shift with zero rework."
who = "maria"

[[commitments]]
text = "Walk the second shift with Tom."   # promised him
"""

ONE_ON_ONE = """\
# Prep notes at the top, meeting notes below.
date = 2026-11-24
person = "maria"

progress = \"\"\"
Line 3 stable again.
# not a comment: she said "hash-tag winning"
\"\"\"

[[plans]]
status = "at-risk"
indicator = "otd"
plan = "Second shift on the lathe cell."   # her plan, not mine
"""

REVIEW = """\
# Quarterly strategy review.
kind = "strategy"
date = 2026-09-01

participants = ["maria", "tom"]  # and me
changes = "None yet."
"""

FILES = {
    "leadwork.toml": CONFIG,
    "team.toml": TEAM,
    "strategy.toml": STRATEGY,
    "capabilities.toml": CAPABILITIES,
    "indicators.toml": INDICATORS,
    "checkins/2026-W48.toml": CHECKIN,
    "one-on-ones/2026-11-24-maria.toml": ONE_ON_ONE,
    "reviews/2026-09-01-strategy.toml": REVIEW,
}
CRLF_FILES = {"indicators.toml"}  # saved on a Windows laptop
BOM_FILES = {"team.toml"}  # saved by an editor that adds a BOM


def write_handwritten_journal(root: Path) -> Path:
    for folder in ("checkins", "one-on-ones", "reviews"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for rel, text in FILES.items():
        raw = text.replace("\n", "\r\n") if rel in CRLF_FILES else text
        data = raw.encode()
        (root / rel).write_bytes(b"\xef\xbb\xbf" + data if rel in BOM_FILES else data)
    return root
