"""A check-in, one-on-one or review file whose name is NEAR the one it should have (trial
19: `2026-w50.toml`, `2026-W5.toml`, `2026-W50 .toml`, `2026-12-03-Grace.toml`; trial 20:
`2026-12-01-Strategy.toml`), and the name it should have: the one rule `check` (an error),
the views (a warning that names the rename) and the writers (`refuse_second`: no second
file for the same week, meeting or review) follow.

The near names themselves are `layout.near_weeks`, `layout.near_meeting` and
`layout.near_review`; what the file says (`week`, `person`, `kind`, `capability` and
`date`) decides between them, read with tomllib alone (a view imports no pydantic for it).
A name far from any stays `check`'s warning."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tomllib
from typing import TYPE_CHECKING, Any

from leadwork import layout
from leadwork.errors import LeadworkError, WriteRefused
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.store.journal import Journal

FOLDERS = (layout.CHECKINS, layout.ONE_ON_ONES, layout.REVIEWS)


class Misnamed:
    """A file leadwork skips for its name, and what to rename it to (a plain class: a
    dataclass costs a view half a millisecond to define)."""

    def __init__(self, rel: str, renames: tuple[str, ...], taken: bool) -> None:
        self.rel = rel  # the file, relative to the journal
        self.renames = renames  # the name it should have; two when it cannot tell (W05, W50)
        self.taken = taken  # that name is another file's already: merge, then delete

    def renames_dated(self) -> list[str]:
        """Its renames as `layout.dated_order` sorts them (a second meeting that day)."""
        return [layout.dated_order(r)[0] for r in self.renames]

    def hint(self) -> str:
        """What to do, in words: the exact new name."""
        if self.taken:
            return f"{self.renames[0]} exists: move what this file holds into it, then delete it"
        if len(self.renames) > 1:
            return f"rename it to {' or '.join(self.renames)}, the week it holds"
        return f"rename it to {self.renames[0]}"


def misnamed(journal: Journal, rel: str) -> Misnamed | None:
    """The file at `rel` (in checkins/, one-on-ones/ or reviews/) if its name is near a
    right one, with the name it should have; None for a right name or one far from any."""
    folder, _, name = rel.partition("/")
    if folder == layout.CHECKINS:
        return _week_file(journal, rel, name)
    if folder == layout.ONE_ON_ONES:
        return _meeting_file(journal, rel, name)
    if folder == layout.REVIEWS:
        return _review_file(journal, rel, name)
    return None


def misnamed_files(journal: Journal) -> list[Misnamed]:
    """Every near-named file in checkins/, one-on-ones/ and reviews/: a listing of each folder, the
    names a right one does not match found by one regex over them all (a dashboard of ten
    years, 2,800 names, pays about a millisecond); only a name that is near is read."""
    found = []
    for folder, other in _OTHER_NAMES.items():
        for match in other.finditer("\n".join(_names(journal, folder, ordered=False))):
            near = misnamed(journal, f"{folder}/{match['name']}")
            if near is not None:
                found.append(near)
    return sorted(found, key=lambda m: m.rel)


# A .toml name (one per line) that the folder's right names do not match.
_OTHER_NAMES = {
    folder: re.compile(rf"^(?!{right.pattern.strip('^$')}$)(?P<name>.*\.toml)$", re.MULTILINE)
    for folder, right in (
        (layout.CHECKINS, layout.CHECKIN_NAME),
        (layout.ONE_ON_ONES, layout.ONE_ON_ONE_NAME),
        (layout.REVIEWS, layout.REVIEW_NAME),
    )
}


def refuse_second(journal: Journal, rel: str) -> None:
    """Refuse to create `rel` while a near-named file holds the same week, meeting or
    review (`blocking`): there would be two files for one, the skipped one unseen."""
    near = blocking(journal, rel)
    if near is not None:
        raise WriteRefused(
            f"holds what {rel} would: it is skipped for its name; nothing was written",
            file=journal.path(near.rel),
            hint=f"{near.hint()} first",
        )


def blocking(journal: Journal, rel: str) -> Misnamed | None:
    """A near-named file for the same week (or person and day, or review) as the new file
    `rel`: a writer creating `rel` would make a second file for one week, meeting or review."""
    folder, _, name = rel.partition("/")
    if folder not in FOLDERS:
        return None
    # a review's name is whole (a capability id may end in "-2"); a meeting's may count
    meant = rel if folder == layout.REVIEWS else layout.dated_order(rel)[0]
    for other in _names(journal, folder):
        if folder == layout.CHECKINS:
            near = name.removesuffix(".toml") in layout.near_weeks(other)
        elif folder == layout.ONE_ON_ONES:
            near = (layout.near_meeting(other) or ("",))[0] == name[:10]
        else:
            near = layout.near_review(other) is not None
        if not near:
            continue
        found = misnamed(journal, f"{folder}/{other}")
        if found is None:
            continue
        said = found.renames if folder == layout.REVIEWS else found.renames_dated()
        if meant in said:
            return found
    return None


def _week_file(journal: Journal, rel: str, name: str) -> Misnamed | None:
    weeks = [w for w in layout.near_weeks(name) if _real_week(w)]
    if not weeks:
        return None
    said = _content(journal, rel).get("week")
    if said in weeks:
        weeks = [said]
    renames = tuple(layout.checkin_file(w) for w in weeks)
    taken = len(renames) == 1 and _other_file(journal, renames[0], rel)
    return Misnamed(rel, renames, taken)


def _meeting_file(journal: Journal, rel: str, name: str) -> Misnamed | None:
    near = layout.near_meeting(name)
    if near is None:
        return None
    day, who = near
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return None  # not a real day: check says so of the name as it is
    content = _content(journal, rel)
    person, date = content.get("person"), content.get("date")
    if isinstance(person, str) and layout.ONE_ON_ONE_NAME.match(f"2000-01-01-{person}.toml"):
        who = person  # a right id, as the file says
    else:
        who = _person(journal, who)
    if isinstance(date, dt.date) and not isinstance(date, dt.datetime):
        day = date.isoformat()
    stem = f"{layout.ONE_ON_ONES}/{day}-{who}"
    for number in range(1, 100):
        target = f"{stem}.toml" if number == 1 else f"{stem}-{number}.toml"
        if not _other_file(journal, target, rel):
            return Misnamed(rel, (target,), False)
    return Misnamed(rel, (f"{stem}.toml",), True)


def _review_file(journal: Journal, rel: str, name: str) -> Misnamed | None:
    near = layout.near_review(name)
    if near is None:
        return None
    day, subject = near
    content = _content(journal, rel)
    kind, date, capability = content.get("kind"), content.get("date"), content.get("capability")
    if kind == "strategy":
        subject = "strategy"
    elif kind == "capability" and isinstance(capability, str):
        subject = f"capability-{capability}"
    if isinstance(date, dt.date) and not isinstance(date, dt.datetime):
        day = date.isoformat()
    target = f"{layout.REVIEWS}/{day}-{subject}.toml"
    if not layout.REVIEW_NAME.match(target.partition("/")[2]):
        return None  # neither the name nor the file says which review: far from any
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return None  # not a real day: check says so of the name as it is
    return Misnamed(rel, (target,), _other_file(journal, target, rel))


def _person(journal: Journal, who: str) -> str:
    """The team id `who` (from a file name, lower case, dashes) stands for: an id, a
    person's full name or an unshared first name; else itself (a case variant of an id)."""
    base, dash, tail = who.rpartition("-")
    suffix = f"-{tail}" if dash and tail.isdigit() else ""
    base = base if suffix else who
    try:
        people = journal.team().people
    except LeadworkError:
        return who
    ids = {p.id for p in people}
    if base in ids:
        return who
    full = {"-".join(p.name.lower().split()): p.id for p in people}
    firsts: dict[str, list[str]] = {}
    for p in people:
        firsts.setdefault(p.name.lower().split()[0], []).append(p.id)
    if base in full:
        return full[base] + suffix
    if len(firsts.get(base, [])) == 1:
        return firsts[base][0] + suffix
    return who


def _real_week(text: str) -> bool:
    try:
        Week.parse(text)
    except ValueError:
        return False
    return True


def _content(journal: Journal, rel: str) -> dict[str, Any]:
    """The file's top-level keys, or nothing if it cannot be read as TOML."""
    with contextlib.suppress(OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = journal.path(rel).read_bytes()
        if len(data) <= layout.MAX_BYTES:
            return tomllib.loads(data.decode("utf-8-sig"))
    return {}


def _other_file(journal: Journal, target: str, rel: str) -> bool:
    """A file at `target` that is not `rel` itself (on a disk that ignores case it is)."""
    path = journal.path(target)
    if not path.exists():
        return False
    try:
        return not os.path.samefile(path, journal.path(rel))
    except OSError:
        return True


def _names(journal: Journal, folder: str, *, ordered: bool = True) -> list[str]:
    try:
        names = [n for n in os.listdir(journal.path(folder)) if not n.startswith(".")]
        return sorted(names) if ordered else names
    except OSError:
        return []
