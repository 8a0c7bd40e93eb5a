"""The TOML parser every read goes through: tomli's compiled build, else the standard library.

`tomllib` is tomli 2.0, copied into Python 3.11 as pure Python. tomli's own wheels are
compiled with mypyc since 2.2 and parse the same TOML ~2.5x faster, and parsing is most of
what `leadwork check` does on a long journal (see docs/performance.md). Same parser, same
TOML 1.0, same error messages: tests/test_toml_parser.py holds them equal on the TOML
project's invalid-file corpus. tomli 2.4 reads TOML 1.1, which tomlkit (our editor) and
the source map do not; pyproject.toml pins below it, and an older or newer tomli found
here anyway is not used.
"""

from __future__ import annotations

import types


def _compiled_tomli() -> types.ModuleType | None:
    try:
        import tomli
    except ImportError:
        return None
    version = getattr(tomli, "__version__", "0.0")
    try:
        major_minor = tuple(int(part) for part in version.split(".")[:2])
    except ValueError:
        return None
    return tomli if (2, 2) <= major_minor < (2, 4) else None


_tomli = _compiled_tomli()
if _tomli is not None:
    loads = _tomli.loads
    TOMLDecodeError = _tomli.TOMLDecodeError
    PARSER = f"tomli {_tomli.__version__}"
else:
    import tomllib

    loads = tomllib.loads
    TOMLDecodeError = tomllib.TOMLDecodeError
    PARSER = "tomllib"
