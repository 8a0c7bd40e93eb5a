"""Bad input, one case per way a person (or a bad merge, or a broken disk) can spoil a file.

Each case turns one valid file of the small journal into a bad one and says where the
error must point (the line) and a fragment of what it must say. Most cases replace one
piece of text, and the line expected is the line of that piece.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from adversarial.harness import (
    CAPABILITIES,
    CONFIG,
    INDICATORS,
    MEETING,
    REVIEW,
    STRATEGY,
    TEAM,
    WEEK,
)

Make = Callable[[bytes], tuple[bytes, int | None]]  # valid bytes -> (bad bytes, error line)


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    make: Make
    message: str  # a fragment the error message must hold
    # "file": the file alone is wrong, and every command that reads it must refuse.
    # "journal": the file is fine but disagrees with another (a dangling reference, a
    # duplicate id, thresholds out of order): the commands that cross-check refuse.
    scope: str = "file"

    @property
    def id(self) -> str:
        return f"{self.file}:{self.name}"


def sub(old: str, new: str, line_offset: int = 0) -> Make:
    """Replace the first `old` with `new`; the error is on the line where `old` was."""

    def make(raw: bytes) -> tuple[bytes, int | None]:
        text = raw.decode()
        at = text.find(old)
        assert at >= 0, f"{old!r} not in the file"
        line = text.count("\n", 0, at) + 1 + line_offset
        return (text[:at] + new + text[at + len(old) :]).encode(), line

    return make


def append(addition: str, at: int = 0) -> Make:
    """Add lines at the top level (before the first table); the error is on the added line
    with index `at`."""

    def make(raw: bytes) -> tuple[bytes, int | None]:
        text = raw.decode()
        lines = text.splitlines(keepends=True)
        first_table = next(
            (i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines)
        )
        head = "".join(lines[:first_table])
        if head and not head.endswith("\n"):
            head += "\n"
        line = head.count("\n") + 1 + at
        return (head + addition + "".join(lines[first_table:])).encode(), line

    return make


def tail(addition: str, at: str) -> Make:
    """Add lines at the end; the error is on the added line that starts with `at`."""

    def make(raw: bytes) -> tuple[bytes, int | None]:
        text = raw.decode()
        if not text.endswith("\n"):
            text += "\n"
        added = addition.splitlines()
        index = next(i for i, line in enumerate(added) if line.startswith(at))
        return (text + addition).encode(), text.count("\n") + 1 + index

    return make


def whole(content: bytes, line: int | None) -> Make:
    return lambda raw: (content, line)


def raw_edit(edit: Callable[[bytes], bytes], line: int | None) -> Make:
    return lambda raw: (edit(raw), line)


HUGE = "x" * 100_000
DEEP = "[" * 1000 + "]" * 1000
TEN_MB = b"# filler\n" * (10_000_000 // 9 + 1)


def _non_utf8(raw: bytes) -> bytes:
    return b"# caf\xe9 au lait\n" + raw


def _utf16(raw: bytes) -> bytes:
    return raw.decode().encode("utf-16")


def _double_bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf\xef\xbb\xbf" + raw


def _bom_inside(raw: bytes) -> bytes:
    return b"# note\n\xef\xbb\xbf" + raw


def _bare_cr(raw: bytes) -> bytes:
    return raw.replace(b"\n", b"\r")


def _nul_byte(raw: bytes) -> bytes:
    return b"# a NUL \x00 here\n" + raw


def _truncated(raw: bytes) -> bytes:
    """A file cut mid-value, as a crash of some other tool would leave it."""
    cut = raw.rfind(b'"', 0, len(raw) - 2)
    return raw[:cut] + b'"unfinished'


# Damage any file can suffer, whatever it holds.
EVERY_FILE_CASES = [
    ("not-utf8", raw_edit(_non_utf8, 1), "is not valid UTF-8 (byte 0xe9)"),
    ("utf16", raw_edit(_utf16, 1), "is not valid UTF-8 (byte 0xff)"),
    ("two-boms", raw_edit(_double_bom, 1), "invalid TOML"),
    ("bom-inside", raw_edit(_bom_inside, 2), "invalid TOML"),
    ("cr-line-endings", raw_edit(_bare_cr, 1), "invalid TOML"),
    ("nul-byte", raw_edit(_nul_byte, 1), "invalid character"),
    ("truncated", raw_edit(_truncated, None), "invalid TOML"),
    ("10-mb", raw_edit(lambda raw: TEN_MB, None), "journal files are at most 2 MB"),
    ("nested-1000-deep", append(f"deep = {DEEP}\n"), "nested too deeply"),
    ("100000-char-unknown-key", append(f'zzz = "{HUGE}"\n'), "unknown key 'zzz'"),
    ("unknown-key", append("colour = 'blue'\n"), "unknown key 'colour'"),
    ("duplicate-key", append("a = 1\na = 2\n", at=1), "'a' is set twice (first on line"),
    ("nan-unknown", append("x = nan\n"), "unknown key 'x'"),
]

CASES: list[Case] = [
    Case(name, file, make, message)
    for file in (CONFIG, TEAM, STRATEGY, CAPABILITIES, INDICATORS, WEEK, MEETING, REVIEW)
    for name, make, message in EVERY_FILE_CASES
]


def case(file: str, name: str, make: Make, message: str) -> None:
    scope = "journal" if name in JOURNAL_SCOPE else "file"
    CASES.append(Case(name, file, make, message, scope))


# Cases whose problem lies between files, not in one file.
JOURNAL_SCOPE = {
    "duplicate-id",
    "duplicate-choice",
    "dangling-choice",
    "dangling-owner",
    "dangling-serves",
    "dangling-person",
    "dangling-plan",
    "thresholds-reversed",
    "absurd-threshold",
    "week-not-the-name",
    "date-not-the-name",
    "reading-dangling",
    "story-dangling",
    "conversation-kind",
    "owner-me-in-team",
}


# ---- leadwork.toml ------------------------------------------------------------------------
case(CONFIG, "empty", whole(b"", 1), "missing key 'leader'")
case(CONFIG, "comments-only", whole(b"# nothing yet\n", 1), "missing key 'leader'")
case(CONFIG, "leader-number", sub('leader = "Dana Whitfield"', "leader = 42"), "text in quotes")
case(CONFIG, "leader-empty", sub('leader = "Dana Whitfield"', 'leader = ""'), "is empty")
case(
    CONFIG,
    "leader-100000",
    sub('leader = "Dana Whitfield"', f'leader = "{HUGE}"'),
    "too long (100,000 characters",
)
case(CONFIG, "typo", sub("trend_weeks = 3", "trend_week = 3"), "did you mean 'trend_weeks'")
case(CONFIG, "negative", sub("time_warning_percent = 20", "time_warning_percent = -5"), "-5")
case(CONFIG, "absurd", sub("trend_weeks = 3", "trend_weeks = 99999999999999999999"), "at most 13")
case(CONFIG, "percent-nan", sub("time_warning_percent = 20", "time_warning_percent = nan"), "nan")
case(CONFIG, "settings-array", sub("[settings]", "[[settings]]"), "should be a table")
KINDS = 'conversation_kinds = ["customer", "supplier", "partner", "analyst", "employee", "other"]'
case(CONFIG, "kinds-repeated", sub(KINDS, KINDS.replace("other", "analyst")), "analyst is listed")
case(CONFIG, "kinds-empty", sub(KINDS, "conversation_kinds = []"), "at least 1")

# ---- team.toml ----------------------------------------------------------------------------
case(TEAM, "cadence-string", sub("cadence_days = 14", 'cadence_days = "14"'), "whole number")
case(TEAM, "cadence-float", sub("cadence_days = 14", "cadence_days = 14.5"), "whole number")
case(TEAM, "cadence-inf", sub("cadence_days = 14", "cadence_days = inf"), "whole number")
case(TEAM, "cadence-zero", sub("cadence_days = 14", "cadence_days = 0"), "at least 1")
case(TEAM, "owner-me-in-team", sub('id = "tom"', 'id = "me"'), "'me' is reserved")
case(TEAM, "cadence-negative", sub("cadence_days = 14", "cadence_days = -14"), "at least 1")
case(TEAM, "cadence-absurd", sub("cadence_days = 14", "cadence_days = 1_000_000"), "at most 365")
case(TEAM, "unknown-key", sub("cadence_days = 14", "cadance_days = 14"), "did you mean")
case(TEAM, "duplicate-id", sub('id = "tom"', 'id = "maria"'), "duplicate id 'maria'")
case(TEAM, "people-table", whole(b'people = "maria"\n', 1), "should be an array")
case(TEAM, "name-empty", sub('name = "Tom Reyes"', 'name = ""'), "is empty")
case(TEAM, "name-100000", sub('name = "Tom Reyes"', f'name = "{HUGE}"'), "too long")
case(TEAM, "name-date", sub('name = "Tom Reyes"', "name = 2026-02-28"), "text in quotes")
case(TEAM, "bad-date", sub('name = "Tom Reyes"', "joined = 2026-02-30"), "invalid TOML")
# ids become parts of file names: every path-like or control character is refused
for label, bad_id in [
    ("dotdot", "../tom"),
    ("absolute", "/etc/passwd"),
    ("windows", "C:\\\\tom"),
    ("nul", "to\\u0000m"),
    ("escape", "\\u001b[2Jtom"),
    ("newline", "tom\\nmaria"),
    ("dot", "."),
    ("dotdot-only", ".."),
    ("empty", ""),
    ("space", "tom reyes"),
    ("upper", "Tom"),
    ("slash", "a/b"),
    ("unicode", "tôm"),
]:
    case(TEAM, f"id-{label}", sub('id = "tom"', f'id = "{bad_id}"'), "not a valid id")
case(TEAM, "id-too-long", sub('id = "tom"', f'id = "{"t" * 41}"'), "too long (41 characters")

# ---- strategy.toml ------------------------------------------------------------------------
case(STRATEGY, "purpose-100000", sub("Parts that never come back.", HUGE), "too long")
case(STRATEGY, "purpose-number", sub('"Parts that never come back."', "1e999"), "text in quotes")
case(STRATEGY, "reviewed-30-feb", append("reviewed_on = 2026-02-30\n"), "invalid TOML")
case(STRATEGY, "reviewed-string", append('reviewed_on = "2026-11-01"\n'), "remove the quotes")
case(STRATEGY, "reviewed-datetime", append("reviewed_on = 2026-11-01T10:00:00\n"), "a date")
case(STRATEGY, "choices-string", sub("[[choices]]", 'choices = "quality"\n[[x]]'), "an array")
case(
    STRATEGY,
    "duplicate-choice",
    tail('\n[[choices]]\nid = "quality-first"\nstatement = "Again."\n', "id"),
    "duplicate id 'quality-first'",
)

# ---- capabilities.toml --------------------------------------------------------------------
case(CAPABILITIES, "level-zero", sub("level = 2", "level = 0"), "at least 1")
case(CAPABILITIES, "level-six", sub("level = 2", "level = 6"), "at most 5")
case(CAPABILITIES, "level-negative", sub("level = 2", "level = -1"), "at least 1")
case(CAPABILITIES, "level-float", sub("level = 2", "level = 2.5"), "whole number")
case(CAPABILITIES, "kind-typo", sub('"organizational"', '"organisational"'), "did you mean")
case(
    CAPABILITIES,
    "dangling-choice",
    sub('serves = ["quality-first"]', 'serves = ["speed-first"]'),
    "unknown strategic choice 'speed-first'",
)
case(CAPABILITIES, "dangling-owner", sub('owner = "maria"', 'owner = "ghost"'), "unknown person")
case(CAPABILITIES, "owner-path", sub('owner = "maria"', 'owner = "../maria"'), "not a valid id")
case(
    CAPABILITIES,
    "step-30-feb",
    tail('\n[[capabilities.steps]]\nwhat = "x"\ndue = 2026-02-30\n', "due"),
    "invalid TOML",
)
case(
    CAPABILITIES,
    "step-done-string",
    tail('\n[[capabilities.steps]]\nwhat = "x"\ndone = "yes"\n', "done"),
    "done",
)

# ---- indicators.toml ----------------------------------------------------------------------
case(INDICATORS, "target-nan", sub("target = 95", "target = nan"), "finite number")
case(INDICATORS, "target-inf", sub("target = 95", "target = inf"), "finite number")
case(INDICATORS, "target-overflow", sub("target = 95", "target = 1e309"), "finite number")
case(INDICATORS, "celebrate-minus-inf", sub("celebrate = 98", "celebrate = -inf"), "finite")
case(INDICATORS, "target-string", sub("target = 95", 'target = "95"'), "remove the quotes")
case(INDICATORS, "target-bool", sub("target = 95", "target = true"), "a number")
case(INDICATORS, "direction-typo", sub('direction = "higher"', 'direction = "up"'), "'lower'")
case(INDICATORS, "thresholds-reversed", sub("celebrate = 98", "celebrate = 80"), "celebrate")
case(INDICATORS, "absurd-threshold", sub("course_correct = 90", "course_correct = 1e300"), "")
case(INDICATORS, "unit-too-long", sub('unit = "%"', 'unit = "' + "%" * 21 + '"'), "too long")
case(INDICATORS, "dangling-owner", sub('owner = "tom"', 'owner = "ghost"'), "unknown person")
case(
    INDICATORS,
    "dangling-serves",
    sub('serves = ["quality-at-scale"]', 'serves = ["nowhere"]'),
    "unknown capability or choice 'nowhere'",
)
case(
    INDICATORS,
    "change-30-feb",
    sub("course_correct = 90", "course_correct = 90\nchanges = [{since = 2026-02-30}]", 1),
    "invalid TOML",
)
case(INDICATORS, "duplicate-id", sub('id = "scrap"', 'id = "otd"'), "duplicate id 'otd'")

# ---- checkins/2026-W48.toml ---------------------------------------------------------------
case(WEEK, "week-54", sub('"2026-W48"', '"2026-W54"'), "2026 has only 53 ISO weeks")
case(WEEK, "week-53-of-52", sub('"2026-W48"', '"2025-W53"'), "2025 has only 52 ISO weeks")
case(WEEK, "week-zero", sub('"2026-W48"', '"2026-W00"'), "numbered from 1")
case(WEEK, "week-number", sub('"2026-W48"', "202648"), "text in quotes")
case(WEEK, "week-date", sub('"2026-W48"', "2026-11-27"), "text in quotes")
case(WEEK, "week-not-the-name", sub('"2026-W48"', '"2026-W47"'), "the file is named 2026-W48")
case(WEEK, "week-path", sub('"2026-W48"', '"../2026-W48"'), "is not a week")
case(WEEK, "empty", whole(b"", 1), "missing key 'week'")
case(WEEK, "reading-nan", sub("otd = 93.5", "otd = nan"), "finite number")
case(WEEK, "reading-inf", sub("otd = 93.5", "otd = -inf"), "finite number")
case(WEEK, "reading-string", sub("otd = 93.5", 'otd = "93.5"'), "remove the quotes")
case(WEEK, "reading-dangling", sub("otd = 93.5", "ghost = 93.5"), "unknown indicator 'ghost'")
case(WEEK, "reading-path-key", sub("otd = 93.5", '"../otd" = 93.5'), "not a valid id")
case(WEEK, "readings-array", sub("[readings]\notd = 93.5\nscrap = 2.1", "readings = [1]"), "table")
case(
    WEEK,
    "hours-over-168",
    append("hours = {alignment = 100, someone_elses_job = 100}\n"),
    "more than the 168",
)
case(WEEK, "hours-negative", append("hours = {alignment = -1}\n"), "at least 0")
case(WEEK, "confidence-six", append("confidence = {alignment = 6}\n"), "at most 5")
case(WEEK, "carried-negative", append('commitments = [{text = "x", carried = -1}]\n'), "at least")
case(WEEK, "outcome-typo", append('last_week = [{text = "x", outcome = "don"}]\n'), "done")
case(WEEK, "story-dangling", append('stories = [{text = "x", choice = "ghost"}]\n'), "ghost")
case(WEEK, "story-100000", append(f'stories = [{{text = "{HUGE}"}}]\n'), "too long")
case(
    WEEK,
    "conversation-kind",
    append('conversations = [{with = "alien", text = "x"}]\n'),
    "unknown kind of conversation 'alien'",
)
case(
    WEEK,
    "conversation-kind-not-an-id",
    append('conversations = [{with = "Alien Visitor", text = "x"}]\n'),
    "ids are short slugs",
)

# ---- one-on-ones/2026-11-24-maria.toml ----------------------------------------------------
case(MEETING, "date-30-feb", sub("date = 2026-11-24", "date = 2026-02-30"), "invalid TOML")
case(MEETING, "date-string", sub("date = 2026-11-24", 'date = "2026-11-24"'), "remove the quotes")
case(MEETING, "date-not-the-name", sub("date = 2026-11-24", "date = 2026-11-25"), "file name")
case(MEETING, "dangling-person", sub('person = "maria"', 'person = "ghost"'), "unknown person")
case(MEETING, "person-path", sub('person = "maria"', 'person = "/etc/maria"'), "not a valid id")
case(MEETING, "dangling-plan", sub('indicator = "otd"', 'indicator = "ghost"'), "ghost")
case(MEETING, "status-typo", sub('status = "at-risk"', 'status = "red"'), "course-correct")
case(MEETING, "empty", whole(b"", 1), "missing key")

# ---- reviews/2026-09-01-strategy.toml -----------------------------------------------------
case(REVIEW, "kind-typo", sub('kind = "strategy"', 'kind = "stratgy"'), "strategy")
case(REVIEW, "date-13th-month", sub("date = 2026-09-01", "date = 2026-13-01"), "invalid TOML")
case(REVIEW, "participants-string", sub('["maria", "tom"]', '"maria, tom"'), "an array")
case(REVIEW, "empty", whole(b"", 1), "missing key")
