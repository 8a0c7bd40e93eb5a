"""`leadwork help [TOPIC]`: the reference docs installed with leadwork (`store/docs.py`)."""

from __future__ import annotations

from typing import Annotated

import typer

from leadwork.cli.echo import echo


def help_command(
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC",
            help="A topic: format (the files), cli (commands, JSON, exit codes), json (the "
            "dashboard's JSON), ... Without one, the list.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the reference installed with leadwork: the files' format, the commands, the
    JSON, the editor and shell setup, two machines, reliability.

    Markdown, as in leadwork's repository; pipe it to a pager or a markdown viewer:
    `leadwork help cli | less`.
    """
    from leadwork.domain.checkin import unknown_id
    from leadwork.errors import LeadworkError
    from leadwork.store.docs import read_topic, title, topics

    found = topics()
    if not found:
        raise LeadworkError(
            "the reference docs are missing from this installation",
            hint="reinstall leadwork (pipx reinstall leadwork), or read them in its repository",
        )
    if topic is None:
        width = max(len(name) for name in found)
        echo("Topics (leadwork help TOPIC):")
        for name, path in found.items():
            echo(f"  {name.ljust(width)}  {title(path)}")
        return
    name = topic.lower().removesuffix(".md")
    if name not in found:
        raise unknown_id("topic", topic, found)
    echo(read_topic(found[name]), nl=False)
