"""The one-on-one's questions, on top of the shared prompts (`cli/prompts.py`).

What the shared Prompter does not do, the one-on-one needs: free text that refuses control
characters, outcome keys (`d`one, `c`arried, dropped `x`: "d" alone would be ambiguous),
and due dates as YYYY-MM-DD or +days, where a date before the meeting is questioned.
Like every question there, Ctrl-C and the end of the input stop the interview (exit 130)
before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from leadwork.cli.prompts import Invalid, Prompter, pick_option

if TYPE_CHECKING:
    from rich.console import Console

_RELATIVE = re.compile(r"^\+(\d{1,4})d?$")


def parse_day(text: str, base: dt.date) -> dt.date | None:
    """YYYY-MM-DD, or +N (N days after `base`); None if it is neither."""
    text = text.strip()
    match = _RELATIVE.match(text)
    if match:
        return base + dt.timedelta(days=int(match[1]))
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


class Asker:
    """The interview's questions; answers that cannot be taken are explained and asked again."""

    def __init__(self, console: Console, check_text: Callable[[str], str | None]) -> None:
        self.prompter = Prompter(console)
        self.check_text = check_text

    def say(self, text: str, style: str = "") -> None:
        from rich.text import Text

        self.prompter.say(Text(text, style=style))

    def wrong(self, text: str) -> None:
        self.say(f"    ✗ {text}", "red")

    def text(self, question: str, hint: str = "") -> str:
        """Free text; "" when skipped with Enter (the caller says what that means)."""

        def recordable(reply: str) -> str:
            reason = self.check_text(reply)
            if reason:
                raise Invalid(f"that cannot be recorded: {reason}")
            return reply

        label = f"{question} ({hint})" if hint else question
        return self.prompter.ask(label, recordable) or ""

    def confirm(self, question: str, default: bool) -> bool:
        return bool(self.prompter.confirm(question, default=default))

    def choice(
        self,
        question: str,
        options: Sequence[str],
        default: str | None = None,
        keys: dict[str, str] | None = None,
    ) -> str:
        """One of `options`, by name, number or start, or by its key in `keys`."""
        if not keys:
            answer = self.prompter.choice(question, options, default=default)
            return answer if answer is not None else self.choice(question, options, default)
        named = {value: key for key, value in keys.items()}
        listed = " / ".join(f"{o} [{named[o]}]" if o in named else o for o in options)

        def pick(reply: str) -> str:
            return keys.get(reply.lower()) or pick_option(reply, options)

        while True:
            answer = self.prompter.ask(f"{question} ({listed})", pick, default=default)
            if answer is not None:
                return answer
            self.wrong(f"answer one of: {listed}")

    def day(
        self,
        question: str,
        default: dt.date,
        base: dt.date,
        past: Callable[[dt.date], str | None],
    ) -> tuple[dt.date, bool]:
        """A date (YYYY-MM-DD or +days), `default` on Enter. A date that `past` objects to is
        questioned; returns the date and whether such a date was confirmed."""

        def read(reply: str) -> dt.date:
            day = parse_day(reply, base)
            if day is None:
                raise Invalid(f"'{reply}' is not a date: write it as YYYY-MM-DD, or +7 for a week")
            return day

        while True:
            day = self.prompter.ask(f"{question} (YYYY-MM-DD or +days)", read, default=default)
            assert day is not None  # there is always a default
            reason = past(day)
            if reason is None:
                return day, False
            if self.confirm(f"{reason[0].upper()}{reason[1:]}. Keep it?", default=False):
                return day, True

    def number(self, question: str, default: float | None = None) -> float | None:
        """A finite number; Enter gives `default` (None: not answered)."""
        return self.prompter.number(question, default=default)
