"""The one interview toolkit (cli/prompts.py): the rule for asking without a terminal, and
prompts that readline can edit. The interviews themselves are driven in real terminals in
test_checkin_pty.py and test_one_on_one_pty.py."""

import io
import sys

import pytest

from leadwork.cli import prompts
from leadwork.errors import EXIT_USAGE, UsageProblem


@pytest.mark.parametrize(
    ("no_input", "terminal", "answered", "asks"),
    [
        (True, True, False, False),  # --no-input never asks
        (True, False, False, False),  # ... and records what the flags say, even nothing
        (False, True, False, True),  # a terminal: ask
        (False, True, True, True),  # ... what the flags did not answer
        (False, False, True, False),  # no terminal, flags: record them
    ],
)
def test_the_one_rule(monkeypatch, no_input, terminal, answered, asks):
    monkeypatch.setattr(prompts, "stdin_is_terminal", lambda: terminal)
    assert prompts.may_ask(no_input=no_input, answered=answered, what="x", flags="--a") is asks


def test_no_terminal_and_no_flags_is_refused_naming_the_flags(monkeypatch):
    monkeypatch.setattr(prompts, "stdin_is_terminal", lambda: False)
    with pytest.raises(UsageProblem) as raised:
        prompts.may_ask(no_input=False, answered=False, what="checkin", flags="--reading")
    assert raised.value.exit_code == EXIT_USAGE == 2
    assert str(raised.value) == (
        "stdin is not a terminal, so checkin cannot ask its questions; nothing was written"
    )
    assert "--reading" in (raised.value.problems[0].hint or "")


def test_a_closed_or_missing_stdin_is_no_terminal(monkeypatch):
    closed = io.StringIO()
    closed.close()
    for stdin in (closed, None, io.StringIO("y\n")):
        monkeypatch.setattr(sys, "stdin", stdin)
        assert prompts.stdin_is_terminal() is False


class Console:
    """Just what read_answer uses of Rich's console: a coloured prompt, captured."""

    width = 100  # the terminal's width, as Rich's console has it

    def __init__(self, rendered: str) -> None:
        self.rendered, self.file = rendered, io.StringIO()

    def capture(self):
        console = self

        class Capture:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def get(self):
                return console.rendered

        return Capture()

    def print(self, *args, **kwargs) -> None:
        pass


@pytest.mark.parametrize("editing", [True, False])
def test_the_prompt_goes_to_input_with_its_codes_marked_for_readline(monkeypatch, editing):
    """readline counts every character of the prompt as a column unless told (\\001..\\002)
    that a colour code takes none; the lines above the last are printed, not given."""
    asked = []
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(prompts, "_line_editing", lambda: editing)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "Steady")
    console = Console("A long question\nthat wraps \x1b[36m[no]\x1b[0m: ")
    assert prompts.read_answer(console, "ignored") == "Steady"
    assert console.file.getvalue() == "A long question\n"
    if editing:
        assert asked == ["that wraps \x01\x1b[36m\x02[no]\x01\x1b[0m\x02: "]
    else:
        assert asked == ["that wraps \x1b[36m[no]\x1b[0m: "]


def test_the_end_of_the_input_stops_the_interview(monkeypatch):
    """Ctrl-D, or a stdin closed under it, is Ctrl-C for the interview's caller."""
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stdin", closed)
    ask = prompts.Prompter(Console(""))
    with pytest.raises(KeyboardInterrupt):
        ask.text("Who?")


def test_a_number_in_a_range_is_asked_again(monkeypatch):
    replies = iter(["6", "two", "4"])
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(prompts, "read_answer", lambda console, prompt: next(replies))
    said = []
    ask = prompts.Prompter(Console(""))
    monkeypatch.setattr(ask.console, "print", lambda *a, **k: said.append(str(a[0]) if a else ""))
    assert ask.whole("Level", low=1, high=5, default=None) == 4
    assert [s.strip() for s in said] == [
        "✗ '6' is not a whole number from 1 to 5",
        "✗ 'two' is not a whole number from 1 to 5",
    ]
