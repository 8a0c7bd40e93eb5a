"""A view's command line run again without Typer (`cli/replay.py`, issue 15): what Typer
made of the words, kept and replayed, is what Typer makes of them at any other time, in any
other folder; the replayed run prints the same and exits the same; and an entry that is
not plainly ours and whole is never trusted."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadwork import cachedir
from leadwork.cli import record_checkin, replay, view
from leadwork.cli.messages import flag_names
from leadwork.cli.output import Asked

from conftest import BASE_ENV, EXAMPLE, ROOT, TODAY, invoke

SRC = ROOT / "src" / "leadwork"

# ---- Typer's answer is the words' alone ---------------------------------------------------------

WEEKS = st.sampled_from(["2026-W48", "2026-W01", "2026-W53", "2020-W53", "2026-w07", "2027-W60"])
PATHS = st.sampled_from(["out.txt", "dir/x.html", "/tmp/abs.md", "~/n.json", "-"])
PEOPLE = st.sampled_from(["me", "ana", "bo-2", "Bad Id"])


def option(flags: list[str], values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.tuples(st.sampled_from(flags), values).map(list)


def formats(choices: list[str]) -> st.SearchStrategy[list[str]]:
    return option(["--format", "-f"], st.sampled_from([*choices, "yaml"]))


FLAG = st.sampled_from  # a flag without a value
# Each view's words after its name: options in any order, some repeated (the last wins).
VIEW_OPTIONS: dict[str, st.SearchStrategy[list[str]]] = {
    "dashboard": st.lists(
        st.one_of(
            option(["--week", "-w"], WEEKS),
            formats(["text", "markdown", "json", "html", "svg"]),
            option(["--output", "-o"], PATHS),
            FLAG(["--full"]).map(lambda f: [f]),
            FLAG(["--private"]).map(lambda f: [f]),
        ),
        max_size=4,
    ),
    "indicator list": st.lists(
        st.one_of(
            option(["--week", "-w"], WEEKS),
            option(["--owner"], PEOPLE),
            FLAG(["--all", "-a"]).map(lambda f: [f]),
            formats(["text", "json"]),
        ),
        max_size=4,
    ),
    "indicator show": st.tuples(
        st.sampled_from(["dayton-otd", "nosuch", "--", "x y"]),
        st.lists(st.one_of(option(["--week", "-w"], WEEKS), formats(["text", "json"]))),
    ).map(lambda t: [[t[0]], *t[1]]),
    "capability list": st.lists(
        st.one_of(option(["--owner"], PEOPLE), formats(["text", "json"])), max_size=3
    ),
    "capability show": st.tuples(
        st.sampled_from(["supplier-quality", "nosuch"]), st.lists(formats(["text", "json"]))
    ).map(lambda t: [[t[0]], *t[1]]),
    "commitments": st.lists(formats(["text", "json"]), max_size=2),
    "map": st.lists(formats(["text", "json", "markdown"]), max_size=2),
    # A writer whose work takes Typer's values as they are (`view.WRITERS`).
    "checkin": st.lists(
        st.one_of(
            option(["--week", "-w"], WEEKS),
            option(["--reading", "-r"], st.sampled_from(["dayton-otd=95", "x=", "a@2026-11=3"])),
            option(["--hours"], st.sampled_from(["other=5", "capability=x"])),
            option(["--commitment", "-c"], st.sampled_from(["Walk line 3", ""])),
            option(["--story-who"], PEOPLE),
            FLAG(["--no-input"]).map(lambda f: [f]),
            FLAG(["--commit"]).map(lambda f: [f]),
            FLAG(["--refresh"]).map(lambda f: [f]),
            formats(["text", "json"]),
        ),
        max_size=4,
    ),
}
ROOT_OPTIONS = st.lists(
    st.one_of(
        st.sampled_from(["journal", "/abs/journal", "../j"]).map(lambda p: ["--journal", p]),
        st.sampled_from(["journal"]).map(lambda p: ["-j", p]),
        st.just(["--debug"]),
    ),
    max_size=2,
)


@st.composite
def view_words(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(VIEW_OPTIONS)))
    words = [word for part in draw(ROOT_OPTIONS) for word in part]
    words += command.split()
    words += [word for part in draw(VIEW_OPTIONS[command]) for word in part]
    return words


def typer_made(
    words: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, tuple[Any, ...] | None]:
    """Typer's run of `words`, armed as main() arms it, with the view's work left out:
    the exit code, and what Typer handed the view (None if it ran none)."""
    handed: list[tuple[Any, ...]] = []

    def shown(session: Any, command: str, request: Any, asked: Any) -> None:
        handed.append((command, request, asked, session.journal_option, session.debug))

    def recorded(session: Any, words: Any) -> None:
        shown(session, "checkin", words, Asked(words.format))

    monkeypatch.setattr(view, "run_view", shown)
    monkeypatch.setattr(record_checkin, "record", recorded)
    replay.arm(words)
    try:
        result = invoke(words, env=env)
    finally:
        replay.arm(None)
    return result.exit_code, (handed[0] if handed else None)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(words=view_words())
def test_what_typer_made_of_the_words_is_kept_and_is_theirs_alone(
    words: list[str], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run the same words twice under everything else changed (today, the folder, the
    journal in the environment, stdin): Typer hands the view the same thing both times,
    and the entry kept replays exactly that. Words Typer refuses keep nothing."""
    cache = tmp_path_factory.mktemp("cache")
    first = {**BASE_ENV, "LEADWORK_CACHE_DIR": str(cache)}
    here = os.getcwd()
    try:
        os.chdir(tmp_path_factory.mktemp("a"))
        code, handed = typer_made(words, first, monkeypatch)
        os.chdir(tmp_path_factory.mktemp("b"))
        elsewhere = {
            **first,
            "LEADWORK_TODAY": "2027-03-01",
            "LEADWORK_JOURNAL": str(EXAMPLE),
            "LEADWORK_CACHE_DIR": str(tmp_path_factory.mktemp("other")),
        }
        again_code, again = typer_made(words, elsewhere, monkeypatch)
    finally:
        os.chdir(here)
    assert (again_code, again) == (code, handed)
    kept = replay.load(words, {"LEADWORK_CACHE_DIR": str(cache)})
    if handed is None:
        assert kept is None, words
        return
    assert kept is not None, words
    assert kept.fields()[:3] == handed[:3]
    assert (kept.journal_option, kept.debug) == handed[3:]


def test_the_flags_kept_are_the_commands_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error of a replayed run names the flag as Typer's command names it."""
    from leadwork.cli.app import make_app

    env = {**BASE_ENV, "LEADWORK_CACHE_DIR": str(tmp_path)}
    typer_made(["dashboard", "--week", "2026-W40"], env, monkeypatch)
    kept = replay.load(["dashboard", "--week", "2026-W40"], env)
    assert kept is not None
    import typer.main

    command = typer.main.get_command(make_app(only="dashboard")).commands["dashboard"]  # type: ignore[attr-defined]
    assert kept.flags == flag_names(command.params)
    assert kept.flags["week"] == "--week"


def test_every_view_that_shows_through_show_view_is_listed() -> None:
    """VIEWS and WRITERS (what an entry may name, and how it runs) and the commands that
    keep entries are the same sets: a command left out would keep entries nothing replays."""
    said, kept = set(), set()
    for path in (SRC / "cli").glob("*.py"):
        said |= set(re.findall(r'show_view\(\s*ctx,\s*"([a-z -]+)"', path.read_text()))
        kept |= set(re.findall(r'kept_for_later\(\s*ctx,\s*"([a-z -]+)"', path.read_text()))
    assert said == set(view.VIEWS)
    assert kept == set(view.WRITERS)
    assert set(VIEW_OPTIONS) == {*view.VIEWS, *view.WRITERS}


# ---- what is kept, and when ---------------------------------------------------------------------


def entries(cache: Path) -> list[Path]:
    folder = cache / replay.FOLDER
    return sorted(folder.glob("*" + replay.SUFFIX)) if folder.exists() else []


def test_a_test_runner_keeps_nothing_main_did_not_arm(tmp_path: Path) -> None:
    result = invoke(
        ["--journal", str(EXAMPLE), "dashboard"],
        env={**BASE_ENV, "LEADWORK_CACHE_DIR": str(tmp_path)},
    )
    assert result.exit_code == 0
    assert entries(tmp_path) == []


def test_words_that_warned_keep_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o` (the old spelling of --owner) warns: a replay would not, so nothing is kept."""
    env = {**BASE_ENV, "LEADWORK_CACHE_DIR": str(tmp_path)}
    code, handed = typer_made(["indicator", "list", "-o", "me"], env, monkeypatch)
    assert code == 0 and handed is not None
    assert entries(tmp_path) == []


def test_the_cache_turned_off_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {**BASE_ENV, "LEADWORK_CACHE_DIR": str(tmp_path), cachedir.ENV_OFF: "1"}
    typer_made(["map"], env, monkeypatch)
    assert entries(tmp_path) == []


# ---- the installed command: a replayed run is the same run ---------------------------------


def leadwork(
    cache: Path, *args: str, importtime: bool = False, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWORK_")}
    env.update(LEADWORK_TODAY=TODAY, NO_COLOR="1", COLUMNS="100", LEADWORK_CACHE_DIR=str(cache))
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "leadwork", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
        cwd=cwd,
    )


def imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip() for line in stderr.splitlines() if "|" in line}


def without_importtime(stderr: str) -> str:
    return "".join(line for line in stderr.splitlines(True) if not line.startswith("import time"))


@pytest.mark.parametrize(
    "words",
    [
        ["dashboard"],
        ["dashboard", "--week", "2027-W10"],  # not begun: an error naming its flag, both times
        ["indicator", "show", "nosuch", "-f", "json"],
        ["capability", "list", "--format", "json"],
        ["indicator", "list"],
        ["commitments"],
        ["map"],
    ],
)
def test_the_second_run_is_the_first_without_typer(tmp_path: Path, words: list[str]) -> None:
    """...and without pydantic: a view reads the files it validated before in plain form
    (`model/plain.py`), and the cache's fingerprint reads pydantic's version as installed."""
    cache = tmp_path / "cache"
    argv = ["--journal", str(EXAMPLE), *words]
    first = leadwork(cache, *argv)
    assert len(entries(cache)) == 1
    second = leadwork(cache, *argv, importtime=True)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert without_importtime(second.stderr) == first.stderr
    loaded = imported(second.stderr)
    assert "typer" not in loaded and "leadwork.cli.app" not in loaded
    assert "leadwork.cli.replay" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("pydantic", "pydantic_core")}
    assert "leadwork.model.plain" in loaded or second.returncode != 0


@pytest.mark.parametrize(
    "words",
    [
        ["checkin", "--no-input"],  # nothing to record
        [
            "checkin",
            "--no-input",
            "-r",
            "dayton-otd=95.5",
            "-c",
            "Walk line 3",
            "--hours",
            "other=4",
        ],
        ["checkin", "--no-input", "-r", "nosuch=1"],  # an error naming its flag, both times
        ["checkin", "--format", "json", "--week", "2026-W47", "--story", "Ana fixed it"],
    ],
)
def test_a_check_in_typed_again_runs_without_typer(tmp_path: Path, words: list[str]) -> None:
    """The same words in another copy of the same journal (found from the folder, so the
    words are the same): the same output, exit code and files, without Typer; a check-in
    with nothing to record imports no pydantic either (it builds no model)."""
    import shutil

    cache = tmp_path / "cache"
    here, there = tmp_path / "here", tmp_path / "there"
    shutil.copytree(EXAMPLE, here)
    shutil.copytree(EXAMPLE, there)
    first = leadwork(cache, *words, cwd=here)
    assert len(entries(cache)) == 1
    second = leadwork(cache, *words, importtime=True, cwd=there)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert without_importtime(second.stderr) == first.stderr
    for path in sorted(here.rglob("*.toml")):
        assert (there / path.relative_to(here)).read_bytes() == path.read_bytes(), path
    loaded = imported(second.stderr)
    assert "typer" not in loaded and "leadwork.cli.app" not in loaded
    assert "leadwork.cli.record_checkin" in loaded
    if words == ["checkin", "--no-input"]:
        assert "Nothing" in first.stdout
        assert not {m for m in loaded if m.split(".")[0] in ("pydantic", "pydantic_core")}


def test_an_entry_not_plainly_ours_and_whole_is_a_miss(tmp_path: Path) -> None:
    """Torn, foreign, readable by others, or smuggling a callable: each is ignored, Typer
    runs as always (the same output), and a good entry is kept anew."""
    cache = tmp_path / "cache"
    argv = ["--journal", str(EXAMPLE), "map", "--format", "json"]
    first = leadwork(cache, *argv)
    (entry,) = entries(cache)
    good = entry.read_bytes()
    key = entry.name.removesuffix(replay.SUFFIX)
    marker = tmp_path / "ran"
    smuggled = pickle.dumps((os.system, (f"touch {marker}",)))

    def entry_of(payload: bytes) -> bytes:
        import hashlib

        checksum = hashlib.blake2b(payload, digest_size=cachedir.SUM_SIZE).digest()
        return replay.FORMAT + key.encode() + checksum + payload

    for damaged, mode in [
        (good[:-7], 0o600),  # torn
        (b"leadwork-replay-0\n" + good[len(replay.FORMAT) :], 0o600),  # another format
        (good, 0o644),  # readable by others
        (entry_of(smuggled), 0o600),  # a callable, not a request
    ]:
        entry.write_bytes(damaged)
        entry.chmod(mode)
        assert replay.load(argv, {"LEADWORK_CACHE_DIR": str(cache)}) is None
        again = leadwork(cache, *argv)
        assert (again.returncode, again.stdout, again.stderr) == (
            first.returncode,
            first.stdout,
            first.stderr,
        )
        assert entry.read_bytes() == good and entry.stat().st_mode & 0o777 == 0o600
    assert not marker.exists()


def test_another_cli_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade, or an edit of a command (cli_key), makes every kept entry foreign."""
    env = {**BASE_ENV, "LEADWORK_CACHE_DIR": str(tmp_path)}
    typer_made(["commitments"], env, monkeypatch)
    assert replay.load(["commitments"], env) is not None
    import leadwork.cli.cache as cli_cache

    monkeypatch.setattr(cli_cache, "cli_key", lambda: "another")
    assert replay.load(["commitments"], env) is None
