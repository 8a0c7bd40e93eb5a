"""The command line: thin Typer commands over the core. See `leadwork.cli.app`."""

from __future__ import annotations

from typing import NoReturn


def run() -> NoReturn:
    """Console-script entry point: `main()`, then the process ends without the
    interpreter's teardown (30-50 ms of freeing every module and object it made).

    What teardown would do that matters still happens: stdout and stderr are flushed and
    the exit handlers run (`atexit`: logging, `weakref.finalize`, the test shims), then
    `os._exit` with the exit code `sys.exit` would have given. Where ending early is not
    plainly safe (another thread or a child process alive, a flush that fails), the
    process exits the ordinary way. `main()` itself returns, for callers in-process."""
    try:
        main()
        code = 0
    except SystemExit as stop:
        code = _exit_code(stop.code)
    _end(code)


def _exit_code(code: object) -> int:
    """What Python makes of `sys.exit(code)`: None is 0, a number itself, anything else
    is printed to stderr and is 1."""
    import sys

    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _end(code: int) -> NoReturn:
    import atexit
    import os
    import sys

    threading = sys.modules.get("threading")  # not imported: no thread was started with it
    multiprocessing = sys.modules.get("multiprocessing")
    alone = (threading is None or threading.active_count() == 1) and not (
        multiprocessing is not None and multiprocessing.active_children()
    )
    if alone and _flushed():
        atexit._run_exitfuncs()  # as at exit: each handler once, errors printed, not raised
        if _flushed():
            os._exit(code)
    sys.exit(code)  # the ordinary way: threads joined, handlers run, streams flushed


def _flushed() -> bool:
    """stdout and stderr flushed; False if either could not be (teardown retries, and
    reports the error as Python does)."""
    import sys

    from leadwork.render.plain import quiet_stdout

    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            if stream is sys.stdout:  # `leadwork dashboard | head`: quiet, as main() is
                quiet_stdout()
                continue
            return False
        except (OSError, ValueError):
            return False
    return True


def main() -> None:
    """The command line, run from sys.argv; exits through SystemExit as Typer does."""
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

    if sys.stdout is None:  # `>&-`: whatever the command does, its output is lost
        from leadwork.cli.messages import closed_stdout

        sys.exit(closed_stdout())
    from leadwork.cli import fasthelp
    from leadwork.render.plain import fall_back_to_ascii, quiet_stdout

    fall_back_to_ascii(sys.stdout)
    fall_back_to_ascii(sys.stderr)
    try:
        try:
            # `leadwork --help` and `--version` without importing Typer (see fasthelp).
            if fasthelp.answer(sys.argv[1:]):
                return
            if not completing:
                # A view's words Typer parsed before: run them again without it (replay).
                from leadwork.cli import replay

                kept = replay.load(sys.argv[1:])
                if kept is not None:
                    sys.exit(replay.run(kept))
                replay.arm(sys.argv[1:])
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
