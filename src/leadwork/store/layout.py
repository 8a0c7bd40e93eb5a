"""The journal's files and folders, by name. Standard library only (used at start-up)."""

from __future__ import annotations

import re

CONFIG = "leadwork.toml"
STRATEGY = "strategy.toml"
CAPABILITIES = "capabilities.toml"
INDICATORS = "indicators.toml"
TEAM = "team.toml"
DEFINITION_FILES = (CONFIG, STRATEGY, CAPABILITIES, INDICATORS, TEAM)

CHECKINS = "checkins"
ONE_ON_ONES = "one-on-ones"
REVIEWS = "reviews"
FOLDERS = (CHECKINS, ONE_ON_ONES, REVIEWS)

LOCK_FILE = ".leadwork.lock"
DRAFTS = ".drafts"  # unfinished interactive answers, resumed by the next run

CHECKIN_NAME = re.compile(r"^(\d{4}-W\d{2})\.toml$")
# 2026-11-24-maria.toml, or 2026-11-24-maria-2.toml for a second meeting that day.
ONE_ON_ONE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9_-]*)\.toml$")
# 2026-06-15-strategy.toml, 2026-09-01-capability-lean-flow.toml
REVIEW_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(strategy|capability-[a-z0-9][a-z0-9_-]*)\.toml$")


def checkin_file(week: object) -> str:
    return f"{CHECKINS}/{week}.toml"
