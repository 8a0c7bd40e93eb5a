"""Questions at a terminal, for any interactive command (the check-in, the one-on-one).

Every question works the same way: Enter keeps the default shown in [brackets], or skips
the question when there is none (the answer is None); a wrong answer says why and asks
again; Ctrl-C and Ctrl-D (end of input) raise KeyboardInterrupt, so the caller keeps what
was answered. Rich draws the questions; it is imported when a Prompter is made, never at
start-up.

    ask = Prompter()
    name = ask.text("Who?")
    value = ask.number("Value", default=97.6, check=lambda v: None if v >= 0 else "below 0")
    outcome = ask.choice("Outcome", ["done", "carried", "dropped"], default="done")
    refresh = ask.confirm("Does it signal a refresh?", default=False)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
Number = int | float


def stdin_is_terminal() -> bool:
    """May we ask? Only when a person can answer: stdin is a terminal."""
    isatty = getattr(sys.stdin, "isatty", None)
    return bool(isatty and isatty())


class Invalid(ValueError):
    """An answer that cannot be taken; its message is shown before asking again."""


class Prompter:
    def __init__(self, console: Any = None) -> None:
        if console is None:
            from leadwork.render.terminal import VisibleConsole

            console = VisibleConsole()
        # No readline: it redraws the line from column 0 and would erase the prompt Rich
        # printed; the terminal's own editing (backspace, Ctrl-U, Ctrl-W) is enough here.
        self.console = console

    # ---- output -------------------------------------------------------------------------

    def say(self, *renderables: Any) -> None:
        self.console.print(*renderables)

    # ---- questions ----------------------------------------------------------------------

    def ask(
        self,
        question: Any,
        parse: Callable[[str], T],
        *,
        default: T | None = None,
        shown: str | None = None,
    ) -> T | None:
        """The one loop every question uses: Enter -> default (None: skipped); `parse`
        raises Invalid (or ValueError) with the reason, and the question is asked again."""
        from rich.text import Text

        prompt = Text("  ")
        prompt.append_text(question if isinstance(question, Text) else Text(str(question)))
        if default is not None or shown:
            prompt.append(f" [{shown if shown is not None else default}]", style="cyan")
        prompt.append(": ")
        while True:
            try:
                if sys.stdin is None or sys.stdin.closed:  # `0<&-`: no answers will come
                    raise EOFError
                reply = self.console.input(prompt)
            except EOFError:
                self.console.print()
                raise KeyboardInterrupt from None
            if not reply.strip():
                return default
            try:
                return parse(reply.strip())
            except ValueError as error:
                self.console.print(Text(f"    ✗ {error}", style="red"))

    def text(self, question: Any, *, default: str | None = None) -> str | None:
        def keep(reply: str) -> str:
            return reply

        return self.ask(question, keep, default=default, shown=_short(default))

    def number(
        self,
        question: Any,
        *,
        default: Number | None = None,
        parse: Callable[[str], Number] | None = None,
        check: Callable[[Number], str | None] | None = None,
    ) -> Number | None:
        """A number; `check` returns why a number is not acceptable (or None if it is)."""

        if parse is None:
            from leadwork.domain.checkin import parse_number

            parse = parse_number

        def read(reply: str) -> Number:
            value = parse(reply)
            problem = check(value) if check else None
            if problem:
                raise Invalid(problem)
            return value

        from leadwork.domain.values import format_number

        shown = None if default is None else format_number(default)
        return self.ask(question, read, default=default, shown=shown)

    def choice(
        self,
        question: Any,
        options: Sequence[str],
        *,
        default: str | None = None,
    ) -> str | None:
        """One of `options`: typed in full, by its number, or by an unambiguous start."""
        from rich.text import Text

        listed = " / ".join(f"{i} {option}" for i, option in enumerate(options, 1))
        label = Text.assemble(
            question if isinstance(question, Text) else Text(str(question)),
            (f" ({listed})", "dim"),
        )

        def pick(reply: str) -> str:
            return pick_option(reply, options)

        return self.ask(label, pick, default=default)

    def confirm(self, question: Any, *, default: bool | None = None) -> bool | None:
        shown = {True: "Y/n", False: "y/N", None: "y/n"}[default]

        def yes_no(reply: str) -> bool:
            word = reply.lower()
            if word in ("y", "yes"):
                return True
            if word in ("n", "no"):
                return False
            raise Invalid("answer y or n")

        return self.ask(question, yes_no, default=default, shown=shown)


def pick_option(reply: str, options: Sequence[str]) -> str:
    word = reply.strip().lower()
    if word.isdigit() and 1 <= int(word) <= len(options):
        return options[int(word) - 1]
    exact = [o for o in options if o.lower() == word]
    if exact:
        return exact[0]
    starts = [o for o in options if o.lower().startswith(word)]
    if len(starts) == 1:
        return starts[0]
    if starts:
        raise Invalid(f"'{reply}' could be {' or '.join(starts)}: type a little more")
    raise Invalid(f"'{reply}' is not one of {', '.join(options)}")


def _short(text: str | None, width: int = 40) -> str | None:
    if text is None:
        return None
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
