"""Fast shell completion: answers Typer's completion protocol without importing Typer.

The completion scripts that `leadwork --install-completion` / `--show-completion` install
(Typer's own) run `leadwork` with `_LEADWORK_COMPLETE=complete_SHELL` on every Tab press.
Going through Typer costs ~0.35 s here (typer alone ~110 ms, its pydantic TypeAdapters
~70 ms more, then building every command), which a person feels on each Tab. So the entry
point (`leadwork.cli.main`) hands those requests to this module first: it knows the
command tree from the user's cache (`leadwork.cli.cache`; derived from the Typer app by
`leadwork.cli.derive`, and compared with Typer's answers by tests/test_completion.py),
follows Click's completion rules, and reads ids with tomllib only. It answers in Typer's
output format for each shell.

If nothing is cached for this installation (the first Tab, or the CLI changed), it
declines: Typer answers, slower, the same, and the entry point fills the cache.
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typing costs ~10 ms to import, on every Tab press
    from typing import Any

COMPLETE_VAR = "_LEADWORK_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
_WHITESPACE = re.compile(r"\s")


def load_tree(environ: dict[str, str]) -> dict[str, Any] | None:
    from leadwork.cli import cache

    return cache.load_tree(environ)


# ---- reading the words the shell sends ------------------------------------------------------


def split_words(text: str) -> list[str]:
    """Like Click's split_arg_string: shell words, an unclosed quote keeps its partial word."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    out: list[str] = []
    try:
        for token in lexer:
            out.append(token)
    except ValueError:
        out.append(lexer.token)
    return out


def completion_args(shell: str, environ: dict[str, str]) -> tuple[list[str], str]:
    """(complete words after the program name, the word being completed), per shell."""
    if shell == "bash":
        words = split_words(environ.get("COMP_WORDS", ""))
        cword = int(environ.get("COMP_CWORD") or 0)
        incomplete = words[cword] if cword < len(words) else ""
        return words[1:cword], incomplete
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    words = split_words(line)
    if shell in ("powershell", "pwsh"):
        incomplete = environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (words[1:-1] if incomplete else words[1:]), incomplete
    args = words[1:]
    if args and not line.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


# ---- Click's rules, on the tree -------------------------------------------------------------


def _is_option(word: str) -> bool:
    return bool(word) and word[0] in "-"


def _option(node: dict[str, Any], name: str) -> dict[str, Any] | None:
    options: list[dict[str, Any]] = node["options"]
    return next((option for option in options if name in option["names"]), None)


class _State:
    """Where the words so far lead: the command, the options given, the arguments filled."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.node = root
        self.used: set[str] = set()  # first name of each option given to this command
        self.filled = 0  # positional arguments of this command given so far
        self.journal: str | None = None


def _walk(root: dict[str, Any], args: list[str]) -> _State:
    state = _State(root)
    index = 0
    only_args = False
    while index < len(args):
        word = args[index]
        index += 1
        if not only_args and word == "--":
            only_args = True
            continue
        if not only_args and _is_option(word):
            name, has_value, value = word.partition("=")
            option = _option(state.node, name)
            if option is None:
                continue
            state.used.add(option["names"][0])
            if not option["flag"] and not has_value:
                value = args[index] if index < len(args) else ""
                index += 1
            if option["names"][0] == "--journal" and state.node is root:
                state.journal = value or None
            continue
        commands = state.node["commands"]
        if commands and state.filled == 0 and word in commands:
            state.node = commands[word]
            state.used = set()
            continue
        state.filled += 1
    return state


def _values(kind: Any, journal: str | None, incomplete: str) -> list[tuple[str, str]]:
    if kind is None:
        return []
    if isinstance(kind, list):  # a choice
        return [(choice, "") for choice in kind if choice.startswith(incomplete)]
    from leadwork.cli.complete_values import VALUES

    return VALUES[kind](journal, incomplete)


def completions(root: dict[str, Any], args: list[str], incomplete: str) -> list[tuple[str, str]]:
    """The candidates for `incomplete` after `args`, as Click would find them."""
    state = _walk(root, args)
    node = state.node
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and _is_option(incomplete):
        name, _, incomplete = incomplete.partition("=")
        args = [*args, name]
    if "--" not in args and _is_option(incomplete):
        return [
            (name, option["help"])
            for option in node["options"]
            if not option["hidden"] and (option["multiple"] or option["names"][0] not in state.used)
            for name in option["names"]
            if name.startswith(incomplete)
        ]
    if args and _is_option(args[-1]):
        option = _option(node, args[-1])
        if option is not None and not option["flag"]:
            return _values(option["complete"], state.journal, incomplete)
    arguments = node["arguments"]
    if state.filled < len(arguments) or (arguments and arguments[-1]["nargs"] == -1):
        argument = arguments[min(state.filled, len(arguments) - 1)]
        return _values(argument["complete"], state.journal, incomplete)
    return [
        (name, command["help"])
        for name, command in node["commands"].items()
        if name.startswith(incomplete) and not command["hidden"]
    ]


# ---- answering in each shell's format (Typer's) --------------------------------------------


def _zsh_escape(text: str) -> str:
    return (
        text.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def answer(
    shell: str, items: list[tuple[str, str]], environ: dict[str, str]
) -> tuple[str | None, int]:
    """(text to print, or None for nothing; exit code), as Typer's completion scripts expect."""
    if shell == "bash":
        return "\n".join(value for value, _ in items), 0
    if shell == "zsh":
        if not items:
            return "_files", 0
        lines = [
            f'"{_zsh_escape(value)}":"{_zsh_escape(help)}"' if help else f'"{_zsh_escape(value)}"'
            for value, help in items
        ]
        return "_arguments '*: :((" + "\n".join(lines) + "))'", 0
    if shell == "fish":
        action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            return None, 0 if items else 1  # 1: let fish complete file names
        lines = [
            f"{value}\t{_WHITESPACE.sub(' ', help)}" if help else value for value, help in items
        ]
        return "\n".join(lines), 0
    return "\n".join(f"{value}:::{help or ' '}" for value, help in items), 0


def respond(environ: dict[str, str]) -> tuple[str | None, int] | None:
    """Answer a `complete_SHELL` request, or None to let Typer handle it."""
    instruction, _, shell = environ.get(COMPLETE_VAR, "").partition("_")
    if instruction != "complete" or shell not in SHELLS:
        return None
    root = load_tree(environ)
    if root is None:
        return None
    args, incomplete = completion_args(shell, environ)
    return answer(shell, completions(root, args, incomplete), environ)


def run(environ: dict[str, str]) -> int | None:
    """Print the answer and return the exit code; None when Typer should answer."""
    import sys

    try:
        response = respond(environ)
    except Exception:  # a completer must never show a traceback on Tab; Typer will answer
        return None
    if response is None:
        return None
    text, code = response
    if text is not None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    return code
