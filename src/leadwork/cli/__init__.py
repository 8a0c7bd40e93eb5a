"""The command line: thin Typer commands over the core. See `leadwork.cli.app`."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    import os
    import sys

    # Shell completion runs this on every Tab press: answer before importing Typer (see
    # leadwork.cli.complete), unless no command tree is cached yet, then Typer answers.
    completing = os.environ.get("_LEADWORK_COMPLETE", "").startswith("complete_")
    if completing:
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

            only = command_named(sys.argv[1:])
            app = make_app(only=only)
            if only is None and (completing or fasthelp.is_root_help(sys.argv[1:])):
                # The fast path had nothing cached: keep what it needs for next time.
                from leadwork.cli.derive import remember

                remember(app)
            app(prog_name="leadwork")
        finally:
            if sys.stdout is not None:  # here, where a broken pipe is caught, not at exit
                sys.stdout.flush()
    except BrokenPipeError:
        # `leadwork dashboard | head` closed the pipe early: not an error worth a word.
        quiet_stdout()
        sys.exit(0)
