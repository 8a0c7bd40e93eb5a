"""What a week follows up: the weekly commitments still open, read newest first and only
as far as needed. For the check-in (which writes) and for the `commitments` view (which
only reads, so this module imports no model: `model/plain.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadwork.domain.commitments import follow_up, next_follow_up, open_weekly
from leadwork.weeks import Week

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.commitments import WeeklyFollowUp
    from leadwork.model.checkin import Checkin, Commitment
    from leadwork.store.journal import Journal


def previous_checkin(journal: Journal, week: Week) -> tuple[Week, Checkin] | None:
    """The check-in whose commitments `week` follows up (`domain.commitments.follow_up_source`):
    the latest earlier one that made any, however long ago, with its open ones. Files are
    read newest first, and only as far as needed."""
    found = previous_follow_up(journal, week)
    return None if found is None else (found.week, found.checkin)


def previous_follow_up(journal: Journal, week: Week) -> WeeklyFollowUp | None:
    """`previous_checkin`, with the week that made each open commitment
    (`domain.commitments.follow_up`): the check-in's summary names an older one by it."""
    return follow_up(journal.checkins_before(week), _answered_later(journal, week))


def _answered_later(journal: Journal, week: Week) -> set[str]:
    # A skipped week filled in afterwards: the next check-in that followed anything up has
    # answered what was open then; this week must not ask it again, nor count it twice.
    # (What this week's own file already answers stays its own: an amended week.)
    later = next_follow_up(journal.checkins_after(week))
    answered = {f.text for f in later[1].last_week} if later is not None else set()
    own = journal.checkin(week)
    answered -= {f.text for f in own.last_week} if own is not None else set()
    return answered


def open_weekly_commitments(journal: Journal, today: dt.date) -> list[tuple[Week, Commitment]]:
    """The weekly commitments open as of `today`, each with the week that made it: those
    `previous_checkin` gives the week after this one (this week's own included), less
    those a later check-in answered, with their carried counts."""
    week = Week.of(today) + 1
    return open_weekly(journal.checkins_before(week), _answered_later(journal, week))
