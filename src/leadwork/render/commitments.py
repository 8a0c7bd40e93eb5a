"""`leadwork commitments`: the open commitments as a table for people, or JSON for scripts
(documented in docs/cli.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from leadwork.domain.commitment_list import CHECKIN, ListedCommitment
from leadwork.domain.wording import short_date
from leadwork.render.json_text import to_json
from leadwork.render.listing import ListTable


def _who(item: ListedCommitment) -> str:
    return item.who or "You"


def _source(item: ListedCommitment, today: dt.date) -> str:
    """Where it was made: "check-in 2026-W48", or "1:1 Marcus 16 Nov #2", the number
    `one-on-one marcus --done 2` names it by."""
    if item.source == CHECKIN or item.person is None:
        return f"check-in {item.made}"
    made = short_date(dt.date.fromisoformat(item.made), today)
    number = f" #{item.number}" if item.number is not None else ""
    return f"1:1 {item.name} {made}{number}"


def commitments_table(items: list[ListedCommitment], today: dt.date) -> ListTable:
    rows: list[list[RenderableType]] = []
    for item in items:
        due = Text("—" if item.due is None else short_date(item.due, today))
        if item.overdue:
            due = Text(f"{due} overdue", style="bold red")
        carried = Text(str(item.carried) if item.carried else "")
        if item.carried_too_often:
            carried = Text(f"{item.carried} ⚠", style="bold red")
        rows.append([due, item.text, _who(item), _source(item, today), carried])
    overdue = sum(item.overdue for item in items)
    late = f", {overdue} overdue" if overdue else ""
    return ListTable(
        f"Open commitments, as of {today}: {len(items)}{late}",
        ["due", "commitment", "by", "from", "carried"],
        rows,
        right={4},
        empty="No open commitments.",
    )


def commitments_json(items: list[ListedCommitment], today: dt.date) -> str:
    data: dict[str, Any] = {
        "today": today.isoformat(),
        "commitments": [
            {
                "source": item.source,
                "made": item.made,
                "person": item.person.id if item.person is not None else None,
                "by": item.by,
                "text": item.text,
                "due": item.due.isoformat() if item.due else None,
                "overdue": item.overdue,
                "carried": item.carried,
                "carried_too_often": item.carried_too_often,
                "number": item.number,
            }
            for item in items
        ],
    }
    return to_json(data)
