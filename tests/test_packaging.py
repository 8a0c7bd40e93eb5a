"""Packaging: the wheel has the example journal inside, and no tests, caches or generated
CLI answers (those are derived from the app at run time: leadwork.cli.cache); installed
in a fresh environment, `leadwork` works on its own."""

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

ENV = {**os.environ, "LEADWORK_TODAY": "2026-11-27", "LEADWORK_JOURNAL": "", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("leadwork-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_holds_the_example_and_no_tests_or_caches(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "leadwork/example/leadwork.toml",
        "leadwork/example/checkins/2026-W48.toml",
        "leadwork/example/one-on-ones/2026-11-25-tom.toml",
        "leadwork/example/.gitattributes",
        # Its editor support: what each file's #:schema line points at, and Taplo's rules.
        "leadwork/example/.leadwork/schema/checkin.json",
        "leadwork/example/.taplo.toml",
        "leadwork/templates/team.toml",
        "leadwork/templates/gitattributes",
    ):
        assert needed in names, needed
    assert not [n for n in names if n.endswith(("command_tree.json", "roothelp.py"))]
    example = sum(1 for p in (ROOT / "examples" / "northfield").rglob("*") if p.is_file())
    assert len([n for n in names if n.startswith("leadwork/example/")]) == example
    for name in names:
        assert not name.startswith("tests/") and "/tests/" not in name, name
        assert "__pycache__" not in name and not name.endswith(".pyc"), name
        assert ".pytest_cache" not in name and ".hypothesis" not in name, name


@pytest.mark.slow
def test_the_wheel_ships_the_docs_as_they_are(wheel):
    """`leadwork help TOPIC` prints the installed docs: the wheel holds docs/ byte for byte
    (force-included from the one folder, so an installed doc cannot drift from it)."""
    archive = zipfile.ZipFile(wheel)
    docs = sorted(p for p in (ROOT / "docs").iterdir() if p.is_file())
    shipped = sorted(n for n in archive.namelist() if n.startswith("leadwork/docs/"))
    assert shipped == [f"leadwork/docs/{p.name}" for p in docs]
    for path in docs:
        assert archive.read(f"leadwork/docs/{path.name}") == path.read_bytes(), path.name


def _venv_bin(folder: Path) -> Path:
    return folder / ("Scripts" if os.name == "nt" else "bin")


@pytest.mark.slow
def test_the_installed_wheel_works_on_its_own(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = _venv_bin(env_dir)
    install = subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    leadwork = bin_dir / "leadwork"
    journal = tmp_path / "try"
    made = subprocess.run(
        [leadwork, "init", "--example", str(journal)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=tmp_path,  # not the checkout: the example must come from the package
    )
    assert made.returncode == 0, made.stderr
    assert (journal / "checkins" / "2026-W48.toml").is_file()
    assert (journal / ".leadwork" / "schema" / "checkin.json").is_file()
    checked = subprocess.run(
        [leadwork, "check"], capture_output=True, text=True, env=ENV, cwd=journal
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("ok: the journal is valid (20 check-ins")
    tab = {
        **ENV,
        "LEADWORK_CACHE_DIR": str(tmp_path / "cache"),
        "_LEADWORK_COMPLETE": "complete_bash",
        "COMP_WORDS": "leadwork indicator show dayton-",
        "COMP_CWORD": "3",
    }
    for _ in ("Typer answers and fills the cache", "the cache answers"):
        completed = subprocess.run([leadwork], capture_output=True, text=True, cwd=journal, env=tab)
        assert completed.stdout.split() == ["dayton-otd", "dayton-scrap"]
    assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".help", ".json"]


def _tool(name: str) -> str | None:
    """The tool beside the running Python (the test extra installs it), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def _tool_install(tool: list[str], tmp_path: Path) -> Path:
    """Install the project with pipx or uv into folders under tmp_path; the bin folder."""
    home = tmp_path / "tool-home"
    bin_dir = tmp_path / "tool-bin"
    env = {
        **os.environ,
        "PIPX_HOME": str(home),
        "PIPX_BIN_DIR": str(bin_dir),
        "UV_TOOL_DIR": str(home),
        "UV_TOOL_BIN_DIR": str(bin_dir),
    }
    result = subprocess.run([*tool, str(ROOT)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return bin_dir


def _works(bin_dir: Path, tmp_path: Path) -> None:
    journal = tmp_path / "j"
    made = subprocess.run(
        [bin_dir / "leadwork", "init", "--example", str(journal)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    checked = subprocess.run(
        [bin_dir / "leadwork", "check"], capture_output=True, text=True, env=ENV, cwd=journal
    )
    assert checked.returncode == 0, checked.stderr


# Both come with the test extra, so these run wherever the README's test command does.
@pytest.mark.slow
@pytest.mark.skipif(_tool("pipx") is None, reason="pipx is not installed here")
def test_pipx_install(tmp_path):
    _works(_tool_install([_tool("pipx"), "install", "--force"], tmp_path), tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(_tool("uv") is None, reason="uv is not installed here")
def test_uv_tool_install(tmp_path):
    _works(_tool_install([_tool("uv"), "tool", "install", "--force"], tmp_path), tmp_path)
