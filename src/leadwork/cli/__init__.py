"""The command line: thin Typer commands over the core. See `leadwork.cli.app`."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    import os
    import sys

    # Shell completion runs this on every Tab press: answer before importing Typer (see
    # leadwork.cli.complete), unless the command tree is stale, then Typer answers.
    if os.environ.get("_LEADWORK_COMPLETE", "").startswith("complete_"):
        from leadwork.cli.complete import run

        code = run(dict(os.environ))
        if code is not None:
            sys.exit(code)

    from leadwork.cli import fasthelp
    from leadwork.render.plain import fall_back_to_ascii, quiet_stdout

    fall_back_to_ascii(sys.stdout)
    fall_back_to_ascii(sys.stderr)
    try:
        try:
            # `leadwork --help` and `--version` without importing Typer (see fasthelp).
            if fasthelp.answer(sys.argv[1:]):
                return
            from leadwork.cli.app import command_named, make_app

            make_app(only=command_named(sys.argv[1:]))(prog_name="leadwork")
        finally:
            if sys.stdout is not None:  # here, where a broken pipe is caught, not at exit
                sys.stdout.flush()
    except BrokenPipeError:
        # `leadwork dashboard | head` closed the pipe early: not an error worth a word.
        quiet_stdout()
        sys.exit(0)
