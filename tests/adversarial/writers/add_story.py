"""A tiny writer, standing in for `leadwork story` until it lands on main: under the
journal's lock, add one story to a week's check-in (edited in place if the file exists,
made new if not), the way the store's primitives are meant to be used.

usage: python add_story.py JOURNAL WEEK TEXT
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomlkit

from leadwork.model.checkin import Checkin, Story
from leadwork.store.atomic import atomic_write, journal_lock
from leadwork.store.edit import edit_file
from leadwork.store.serialize import dumps


def main(root: Path, week: str, text: str) -> None:
    path = root / "checkins" / f"{week}.toml"
    with journal_lock(root):
        if not path.exists():
            atomic_write(path, dumps(Checkin(week=week, stories=[Story(text=text)])))
            return

        def add(document):
            if "stories" not in document:
                document.append("stories", tomlkit.aot())
            stories = document["stories"]
            # [[stories]] tables, or an inline array of { text = ... } as tomli-w writes it
            entry = tomlkit.table() if isinstance(stories, tomlkit.items.AoT) else {}
            entry["text"] = text
            stories.append(entry)

        edit_file(path, add, Checkin)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
