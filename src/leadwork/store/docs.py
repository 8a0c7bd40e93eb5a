"""The reference docs, as installed: `docs/*.md` ships inside the package (the wheel
force-includes the folder as `leadwork/docs`, as it does the example journal), so the
text `leadwork help TOPIC` prints is the repository's own file, never a copy that could
drift. In a checkout (an editable install) the docs are read from `docs/` itself."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from leadwork.errors import InvalidFile

INDEX = "README"  # docs/README.md: the map of the docs, shown as the topic "docs"


def docs_root() -> Path | None:
    """The folder of the installed reference docs: inside the package, or the checkout's."""
    packaged = resources.files("leadwork") / "docs"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "docs"
    return checkout if (checkout / "cli.md").is_file() else None


def topics() -> dict[str, Path]:
    """Each topic's name (the file's, without `.md`; "docs" for the index) and its file,
    in name order."""
    root = docs_root()
    if root is None:
        return {}
    found = {}
    for path in sorted(root.glob("*.md")):
        found["docs" if path.stem == INDEX else path.stem] = path
    return found


def title(path: Path) -> str:
    """The first heading of a doc, without its `#`s."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return path.stem


def read_topic(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidFile(f"cannot be read: {error}", file=path) from None
