"""The one interview toolkit: questions at a terminal for the check-in, the one-on-one and
the reviews, and the one rule for when they may be asked (`may_ask`).

Every question works the same way: Enter keeps the default shown in [brackets], or skips
the question when there is none (the answer is None); a wrong answer says why (the
domain's message) and asks again; Ctrl-C and Ctrl-D (end of input) raise
KeyboardInterrupt, so the caller keeps what was answered (the check-in keeps a draft; the
others write nothing more). Answers are read with the builtin `input()` after importing
the stdlib `readline` where there is one, so the line can be edited (arrow keys, Home/End,
Ctrl-A/E/U/W) and earlier answers come back with the up arrow. Rich draws the questions;
it is imported when a Prompter is made, never at start-up.

    ask = Prompter()
    name = ask.text("Who?")
    value = ask.number("Value", default=97.6, check=lambda v: None if v >= 0 else "below 0")
    level = ask.whole("Level", low=1, high=5, default=3)
    kind = ask.choice("Kind", ["new", "change"], default="new")
    direction = ask.one_of("Which way is better?", ["higher", "lower"])
    outcome = ask.outcome(required=True)  # what became of a commitment, in every interview
    due, confirmed = ask.day("Due", default, base=meeting_day, past=why_not_before)
    refresh = ask.confirm("Does it signal a refresh?", default=False)
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar, overload

T = TypeVar("T")
Number = int | float

# What became of one of last time's commitments: asked by `Prompter.outcome`.
OUTCOME_QUESTION = "What became of it?"

# An escape sequence in a prompt: readline must be told it takes no room on the line.
_ESCAPE = re.compile(r"(\x1b\[[0-9;?]*[A-Za-z])")

# Inside a prompt, a space never broken at (`fit`): in a choice, "5 employee".
KEEP = "\u00a0"
# A prompt's continuation lines start here: under its question, not at column 0.
HANG = "    "


def stdin_is_terminal() -> bool:
    """May we ask? Only when a person can answer: stdin is open and a terminal."""
    stdin = sys.stdin
    if stdin is None or getattr(stdin, "closed", False):  # `0<&-`
        return False
    isatty = getattr(stdin, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False


def may_ask(*, no_input: bool, answered: bool, what: str, flags: str, asks: bool = True) -> bool:
    """The one rule for every interview: whether to ask, or to record what the flags say.

    With --no-input, never ask. At a terminal, ask (what the flags already answered is
    not asked again). With no terminal to ask at (a script, a pipe, a closed stdin) record
    what the flags say when they say anything; when they say nothing, refuse (exit 2)
    naming the flags that answer the questions: answers typed into a pipe are never read
    as answers, and recording an empty interview would be a silent loss. `asks=False` (the
    check-in's `--format json`) never asks, at a terminal either; it is not an answer, so
    without a terminal it is refused alike when the flags say nothing."""
    if no_input:
        return False
    terminal = stdin_is_terminal()
    if terminal and asks:
        return True
    if answered or terminal:
        return False
    from leadwork.errors import UsageProblem

    raise UsageProblem(
        f"stdin is not a terminal, so {what} cannot ask its questions; nothing was written",
        hint=f"answer at a terminal, or give the answers as flags: {flags}",
    )


def _line_editing() -> bool:
    """Turn on line editing for `input()` when a person types at a terminal: True when
    readline edits the line (it is imported once, and only then)."""
    try:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return False
    except (ValueError, OSError, AttributeError):
        return False
    try:
        import readline
    except ImportError:  # Windows, or a Python built without it: the terminal's editing
        return False
    if not getattr(_line_editing, "done", False):
        _line_editing.done = True  # type: ignore[attr-defined]
        # A paste that ends in Enter answers the question, as it always did; and no
        # bracketed-paste codes around each answer.
        readline.parse_and_bind("set enable-bracketed-paste off")
    return True


def read_answer(console: Any, prompt: Any) -> str:
    """Show `prompt` (Rich text) and read one line through `input()`, line-editable.

    The prompt's last line goes to `input()` itself, so readline knows where the answer
    starts and redraws the line from there; its colour codes are wrapped in \\001 and
    \\002, which tell readline they take no room. Lines above it are printed first."""
    if sys.stdin is None or sys.stdin.closed:  # `0<&-`: no answers will come
        raise EOFError
    editing = _line_editing()
    with console.capture() as capture:
        console.print(prompt, end="")
    head, newline, last = capture.get().rpartition("\n")
    if newline:
        console.file.write(head + newline)
    if editing:
        last = _ESCAPE.sub("\x01\\1\x02", last)
    return input(last)


class Invalid(ValueError):
    """An answer that cannot be taken; its message is shown before asking again."""


class Prompter:
    """The questions of every interview. `check_text`, when given, says why a free-text
    answer cannot be recorded (the one-on-one refuses control characters), or None."""

    def __init__(
        self, console: Any = None, check_text: Callable[[str], str | None] | None = None
    ) -> None:
        if console is None:
            from leadwork.render.terminal import terminal_console

            console = terminal_console()  # NO_COLOR: no bold nor dim either, as every view
        self.console = console
        self.check_text = check_text

    # ---- output -------------------------------------------------------------------------

    def say(self, *renderables: Any, style: str = "") -> None:
        """Print renderables; a str is shown as it is (journal text is never markup)."""
        from rich.text import Text

        self.console.print(
            *(Text(r, style=style) if isinstance(r, str) else r for r in renderables)
        )

    def wrong(self, text: str) -> None:
        """Why an answer was refused, its lines under its first word."""
        from rich.text import Text

        self.console.print(fit(Text(f"    ✗ {text}", style="red"), self.console.width, " " * 6))

    # ---- questions ----------------------------------------------------------------------

    def ask(
        self,
        question: Any,
        parse: Callable[[str], T],
        *,
        default: T | None = None,
        shown: str | None = None,
        blank: bool = False,
    ) -> T | None:
        """The one loop every question uses: Enter -> default (None: skipped; with `blank`,
        "" goes to `parse` like any answer); `parse` raises Invalid (or ValueError) with the
        reason, and the question is asked again."""
        from rich.text import Text

        prompt = Text("  ")
        prompt.append_text(question if isinstance(question, Text) else Text(str(question)))
        if default is not None or shown:
            prompt.append(f" [{shown if shown is not None else default}]", style="cyan")
        prompt.append(": ")
        prompt = fit(prompt, self.console.width)
        while True:
            try:
                reply = read_answer(self.console, prompt)
            except EOFError:
                self.console.print()
                raise KeyboardInterrupt from None
            if not reply.strip() and (default is not None or not blank):
                return default
            try:
                return parse(reply.strip())
            except ValueError as error:
                self.wrong(str(error))

    def text(self, question: Any, hint: str = "", *, default: str | None = None) -> str | None:
        """Free text (None when skipped with Enter); `hint` is shown in (parentheses)."""

        def keep(reply: str) -> str:
            reason = self.check_text(reply) if self.check_text else None
            if reason:
                raise Invalid(f"that cannot be recorded: {reason}")
            return reply

        label = f"{question} ({hint})" if hint else question
        return self.ask(label, keep, default=default, shown=_short(default))

    def number(
        self,
        question: Any,
        default: Number | None = None,
        *,
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

        from leadwork.values import format_number

        shown = None if default is None else format_number(default)
        return self.ask(question, read, default=default, shown=shown)

    def whole(
        self, question: Any, *, low: int, high: int, default: int | None = None
    ) -> int | None:
        """A whole number from `low` to `high`."""

        def read(reply: str) -> int:
            if reply.isdigit() and low <= int(reply) <= high:
                return int(reply)
            raise Invalid(f"'{reply}' is not a whole number from {low} to {high}")

        return self.ask(question, read, default=default)

    def choice(
        self, question: Any, options: Sequence[str], default: str | None = None
    ) -> str | None:
        """One of `options`: typed in full, by its number or by an unambiguous start
        (`pick_option`). None when skipped with Enter."""
        from rich.text import Text

        label = Text.assemble(
            question if isinstance(question, Text) else Text(str(question)),
            (f" ({listed(options, keep=KEEP)})", "dim"),
        )
        return self.ask(label, lambda reply: pick_option(reply, options), default=default)

    def one_of(self, question: Any, options: Sequence[str], default: str | None = None) -> str:
        """A choice that must be made: Enter with no default says so and asks again."""
        while True:
            answer = self.choice(question, options, default)
            if answer is not None:
                return answer
            self.wrong(f"answer one of {listed(options)}")

    @overload
    def outcome(self, default: str | None = None, *, required: Literal[True]) -> str: ...
    @overload
    def outcome(self, default: str | None = None, *, required: bool = False) -> str | None: ...
    def outcome(self, default: str | None = None, *, required: bool = False) -> str | None:
        """What became of a commitment: the one question the check-in and the one-on-one
        ask about each of last time's commitments, with one rule for the answer and one
        help beside it: "What became of it? (1 done / 2 carried / 3 dropped)". The answer
        is the word, its number, or a start that names one outcome only ("do", "c", "dr";
        any case). "d" is refused, as done or dropped, and asked again: a commitment
        recorded done when it was dropped is closed and counts in the follow-up rate, so
        an answer that could mean either is never taken as one of them.

        Enter keeps `default` (the outcome already recorded, when a check-in is amended).
        With no default, the check-in skips it (the commitment stays open for a later
        check-in, as every check-in question may be skipped) and, with `required`, the
        one-on-one asks again (its record needs an outcome for each)."""
        from leadwork.domain.checkin import OUTCOMES

        if required:
            return self.one_of(OUTCOME_QUESTION, OUTCOMES, default)
        return self.choice(OUTCOME_QUESTION, OUTCOMES, default)

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

        from leadwork.cli.session import today

        # +days counts from `base` (a meeting written up late: its day), said when not today
        days = "+days" if base == today() else f"+days from {base}"
        while True:
            day = self.ask(f"{question} (YYYY-MM-DD or {days})", read, default=default)
            assert day is not None  # there is always a default
            reason = past(day)
            if reason is None:
                return day, False
            if self.confirm(f"{reason[0].upper()}{reason[1:]}. Keep it?", default=False):
                return day, True

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


def listed(options: Sequence[str], keep: str = " ") -> str:
    """ "1 done / 2 carried / 3 dropped": each option with the number that answers it
    (`keep`: the space between them, and before each "/": KEEP in a prompt, so that no
    line ends in "5" nor begins with "/")."""
    return f"{keep}/ ".join(f"{i}{keep}{option}" for i, option in enumerate(options, 1))


def fit(prompt: Any, width: int, hang: str = HANG) -> Any:
    """A question (Rich text) laid out in `width` columns: broken only at a plain space
    (never at KEEP: a choice stays whole), each line after the first under the question
    (`hang`), and a column left for the cursor. Rich's own wrapping broke "5 / employee" and
    began the rest at column 0 (trial 18). A word longer than a line is left to Rich."""
    from rich.text import Text

    plain = prompt.plain
    room = max(width - 1, 20)
    starts: list[int] = []
    line_start = word_start = indent = 0
    for match in re.finditer(r" |$", plain):
        if match.start() == word_start:  # two spaces, or the end after the last
            word_start = match.end()
            continue
        if indent + match.start() - line_start > room and word_start > line_start:
            starts.append(word_start)
            line_start, indent = word_start, len(hang)
        word_start = match.end()
    lines = prompt.divide(starts) if starts else [prompt]
    shown = Text()
    for index, line in enumerate(lines):
        if index:
            shown.append("\n" + hang)
        if index < len(lines) - 1:
            line.rstrip()
        shown.append_text(line)
    shown.plain = shown.plain.replace(KEEP, " ")
    return shown


_RELATIVE = re.compile(r"^\+(\d{1,4})d?$")


def parse_day(text: str, base: dt.date) -> dt.date | None:
    """YYYY-MM-DD, or +N (N days after `base`); None if it is neither."""
    text = text.strip()
    match = _RELATIVE.match(text)
    if match:
        return base + dt.timedelta(days=int(match[1]))
    from leadwork.weeks import parse_day

    try:
        return parse_day(text)
    except ValueError:
        return None


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
