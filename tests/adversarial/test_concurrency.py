"""Concurrent writers: many processes writing the same week at the same moment all land,
one after the other, through the journal's lock; a lock held too long is a clear error.

The writers are released together: each starts stopped (the killshim's SIGSTOP at start),
and the test sends SIGCONT to all of them once every one is waiting.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from adversarial.harness import Snapshot
from adversarial.test_crash import LEADWORK, _env
from leadwork.errors import LockTimeout
from leadwork.store.atomic import journal_lock

WRITERS = 4  # the issue asks for two; more, and a slow CI could pass the 5 s lock timeout
HOLD_LOCK = """
import sys, time
from pathlib import Path
from leadwork.store.atomic import journal_lock
with journal_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()  # hold it until the test closes our stdin
"""


def story_writer(journal: Path, week: str, text: str) -> list[str]:
    return [LEADWORK, "--journal", str(journal), "story", text, "--week", week]


def release_together(argvs: list[list[str]], cwd: Path) -> list[subprocess.CompletedProcess]:
    env = _env({"LEADWORK_KILLSHIM_STOP_AT_START": "1"})
    processes = [
        subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for argv in argvs
    ]
    for process in processes:
        _, status = os.waitpid(process.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status), "a writer ended before it was released"
    for process in processes:
        os.kill(process.pid, signal.SIGCONT)
    done = []
    for process, argv in zip(processes, argvs, strict=True):
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(argv, process.returncode, out, err))
    return done


@pytest.mark.slow
@pytest.mark.parametrize("week", ["2026-W48", "2026-W47"], ids=["existing-week", "new-week"])
def test_writers_at_the_same_moment_all_land(journal: Path, run, week: str):
    texts = [f"Story number {n} from a parallel writer" for n in range(WRITERS)]
    results = release_together([story_writer(journal, week, t) for t in texts], journal)
    for result in results:
        assert result.returncode == 0, result.stderr
    data = tomllib.loads((journal / "checkins" / f"{week}.toml").read_text())
    assert sorted(story["text"] for story in data["stories"]) == sorted(texts)
    if week == "2026-W48":  # what was there before is still there
        assert data["readings"] == {"otd": 93.5, "scrap": 2.1}
    assert run("check", journal=journal).exit_code == 0
    assert not [p for p in journal.rglob("*.leadwork-tmp")]


def test_a_lock_held_too_long_is_a_clear_error(journal: Path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        snapshot = Snapshot.take(journal)
        with pytest.raises(LockTimeout) as caught, journal_lock(journal, timeout=0.3):
            pytest.fail("the lock was had while another process held it")
        assert "another leadwork process has been writing this journal" in str(caught.value)
        problem = caught.value.problems[0]
        assert problem.file == journal / ".leadwork.lock"
        assert problem.hint == "wait for it to finish and try again; nothing was written"
        result = subprocess.run(  # the real command waits its 5 s, then says why
            story_writer(journal, "2026-W48", "too late"),
            env=_env({}),
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1, result
        assert (
            result.stderr.startswith(
                f"{journal / '.leadwork.lock'}: error: another leadwork process has been "
                "writing this journal for over 5 seconds"
            )
            or ".leadwork.lock: error: another leadwork process" in result.stderr
        ), result.stderr
        assert "wait for it to finish and try again; nothing was written" in result.stderr
        assert "Traceback" not in result.stderr
        assert snapshot.changes() == []
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with journal_lock(journal, timeout=5):  # and once it is let go, it can be had
        pass


def test_the_lock_of_a_killed_writer_is_free(journal: Path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()
    with journal_lock(journal, timeout=1):
        pass
