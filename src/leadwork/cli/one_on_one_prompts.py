"""The few prompt helpers the one-on-one interview needs.

Written here because `cli/prompts.py` (the check-in's reusable prompts) had not landed
on main when this was built; swap these for it once it has. Each helper asks until the
answer is acceptable (a wrong answer is explained and asked again, never fatal), and
the end of the input is an error that leaves the journal as it was.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from rich.console import Console

_RELATIVE = re.compile(r"^\+(\d{1,4})d?$")


def stdin_is_terminal() -> bool:
    """May we ask? Only when a person can answer: standard input is a terminal. (Tests
    that drive the interview through CliRunner say it is.)"""
    isatty = getattr(sys.stdin, "isatty", None)
    return bool(isatty and isatty())


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
    """Questions on `console`, answers from standard input."""

    def __init__(self, console: Console, check_text: Callable[[str], str | None]) -> None:
        self.console = console
        self.check_text = check_text

    def _read(self, prompt: str) -> str:
        from rich.text import Text

        self.console.print(Text(prompt, style="bold"), end="")
        try:
            return self.console.input("")
        except EOFError:
            self.console.print()
            raise UsageProblem(
                "the input ended before the one-on-one was recorded; nothing was written",
                hint="answer at a terminal, or give the answers as flags with --no-input "
                "(see leadwork one-on-one --help)",
            ) from None

    def say(self, text: str, style: str = "") -> None:
        from rich.text import Text

        self.console.print(Text(text, style=style))

    def wrong(self, text: str) -> None:
        self.say(f"  {text}", "yellow")

    def text(self, question: str, hint: str = "") -> str:
        """Free text; empty is allowed (the caller decides what it means)."""
        suffix = f" ({hint})" if hint else ""
        while True:
            answer = self._read(f"{question}{suffix}: ").strip()
            reason = self.check_text(answer)
            if reason is None:
                return answer
            self.wrong(f"That cannot be recorded: {reason}.")

    def confirm(self, question: str, default: bool) -> bool:
        options = "[Y/n]" if default else "[y/N]"
        while True:
            answer = self._read(f"{question} {options} ").strip().lower()
            if not answer:
                return default
            if answer in ("y", "yes"):
                return True
            if answer in ("n", "no"):
                return False
            self.wrong("Please answer y or n.")

    def choice(
        self,
        question: str,
        options: Sequence[str],
        default: str | None = None,
        keys: dict[str, str] | None = None,
        inline: bool = True,
    ) -> str:
        """One of `options`: typed in full, by a unique beginning, by its number, or by its
        key in `keys` (e.g. {"x": "dropped"}). A long list is better shown on its own
        line first (`inline=False`)."""
        keys = keys or {}
        named = {value: key for key, value in keys.items()}
        shown = "/".join(f"{o} [{named[o]}]" if o in named else o for o in options)
        suffix = f" (Enter: {default})" if default else ""
        if not inline:
            self.say("  " + ", ".join(f"{i}. {o}" for i, o in enumerate(options, 1)), "dim")
        while True:
            listed = f" {shown}" if inline else ""
            answer = self._read(f"{question}{listed}{suffix}: ").strip().lower()
            if not answer and default is not None:
                return default
            if answer in keys:
                return keys[answer]
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return options[int(answer) - 1]
            matches = [o for o in options if o == answer] or [
                o for o in options if answer and o.startswith(answer)
            ]
            if len(matches) == 1:
                return matches[0]
            self.wrong(f"Please answer one of: {', '.join(options)}.")

    def day(
        self,
        question: str,
        default: dt.date,
        base: dt.date,
        past: Callable[[dt.date], str | None],
    ) -> tuple[dt.date, bool]:
        """A date (YYYY-MM-DD or +days); one in the past is questioned. Returns the date and
        whether a past date was confirmed."""
        while True:
            answer = self._read(f"{question} (YYYY-MM-DD or +days) [{default}]: ").strip()
            day = default if not answer else parse_day(answer, base)
            if day is None:
                self.wrong(f"'{answer}' is not a date: write it as YYYY-MM-DD, or +7 for a week.")
                continue
            reason = past(day)
            if reason is None:
                return day, False
            if self.confirm(f"  {reason[0].upper()}{reason[1:]}. Keep it?", default=False):
                return day, True

    def number(self, question: str, default: float | None = None) -> float | None:
        """A finite number; empty gives `default`."""
        import math

        suffix = f" [{default:g}]" if default is not None else ""
        while True:
            answer = self._read(f"{question}{suffix}: ").strip()
            if not answer:
                return default
            try:
                value = float(answer)
            except ValueError:
                value = math.nan
            if math.isfinite(value):
                return value
            self.wrong(f"'{answer}' is not a number.")
