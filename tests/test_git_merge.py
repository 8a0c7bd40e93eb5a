"""Two machines, one journal: `leadwork git setup`, the merge driver git runs, and
unresolved conflict markers named as such. Real git processes in tmp_path throughout; the
user's own git config is never read or written (HOME and GIT_CONFIG_GLOBAL point into
tmp_path)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from leadwork.store.merge import merge_records

from conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

THIS_WEEK = {"LEADWORK_TODAY": "2026-12-02"}  # a Wednesday in 2026-W49, after the example
WEEK = "checkins/2026-W49.toml"
IDENTITY = ["-c", "user.name=Dana Whitfield", "-c", "user.email=dana@example.invalid"]


@pytest.fixture(autouse=True)
def own_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home and a global git config of the test's own: the user's are never touched."""
    home = tmp_path / "home"
    home.mkdir()
    config = home / ".gitconfig"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    return config


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["git", *IDENTITY, "-C", str(folder), *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


@pytest.fixture
def clones(tmp_path: Path, run) -> tuple[Path, Path]:
    """The example journal in a shared repository, cloned on a laptop and a desktop, each
    set up with `leadwork git setup`."""
    origin = tmp_path / "start"
    assert run("init", str(origin), "--example").exit_code == 0
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "the journal")
    git(tmp_path, "clone", "-q", "--bare", str(origin), str(tmp_path / "shared.git"))
    machines = []
    for name in ("laptop", "desktop"):
        clone = tmp_path / name
        git(tmp_path, "clone", "-q", str(tmp_path / "shared.git"), str(clone))
        result = run("git", "setup", journal=clone)
        assert result.exit_code == 0, result
        machines.append(clone)
    return machines[0], machines[1]


def commit_all(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)


# ---- setup ------------------------------------------------------------------------------


def test_setup_registers_the_driver_once_and_again_changes_nothing(
    example_journal, run, own_git_config
):
    git(example_journal, "init", "-q")
    first = run("git", "setup", journal=example_journal)
    assert first.exit_code == 0, first
    assert "Registered leadwork's merge driver in this clone's git config." in first.stdout
    driver = git(example_journal, "config", "--local", "merge.leadwork.driver").stdout.strip()
    assert driver.endswith("-m leadwork git merge %O %A %B %P --marker-size %L")
    assert sys.executable in driver  # this Python's leadwork, whatever git's PATH is
    assert git(example_journal, "config", "--local", "merge.leadwork.name").stdout.strip()
    attributes = (example_journal / ".gitattributes").read_text()
    assert "checkins/*.toml merge=leadwork" in attributes
    again = run("git", "setup", journal=example_journal)
    assert again.exit_code == 0, again
    assert "already registered" in again.stdout
    assert "already sends the journal's files to it" in again.stdout
    assert (example_journal / ".gitattributes").read_text() == attributes
    config = (example_journal / ".git" / "config").read_text()
    assert config.count('[merge "leadwork"]') == 1
    assert not own_git_config.exists()  # --local: the global config is left alone


def test_setup_global_writes_the_global_config_only(tmp_path, run, own_git_config):
    result = run("git", "setup", "--global", journal=tmp_path / "nowhere")
    assert result.exit_code == 0, result
    assert "your global git config" in result.stdout
    text = own_git_config.read_text()
    assert '[merge "leadwork"]' in text
    assert "git merge %O %A %B %P --marker-size %L" in text
    again = run("git", "setup", "--global", journal=tmp_path / "nowhere")
    assert "already registered" in again.stdout
    assert own_git_config.read_text() == text


def test_setup_outside_a_repository_says_what_to_do(example_journal, run, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above
    result = run("git", "setup", journal=example_journal)
    assert result.exit_code == 1
    assert "is not in a git repository" in result.stderr
    assert "git init" in result.stderr and "--global" in result.stderr


def test_setup_completes_a_journal_s_own_gitattributes(example_journal, run):
    git(example_journal, "init", "-q")
    (example_journal / ".gitattributes").write_text(
        "# mine\n*.png binary\ncheckins/*.toml merge=leadwork\n"
    )
    result = run("git", "setup", journal=example_journal)
    assert result.exit_code == 0, result
    text = (example_journal / ".gitattributes").read_text()
    assert text.startswith("# mine\n*.png binary\ncheckins/*.toml merge=leadwork\n")
    assert text.count("checkins/*.toml merge=leadwork") == 1
    assert "one-on-ones/*.toml merge=leadwork" in text and "team.toml merge=leadwork" in text


def test_init_and_the_example_ship_the_gitattributes(fresh_journal):
    template = (ROOT / "src" / "leadwork" / "templates" / "gitattributes").read_text()
    assert (fresh_journal / ".gitattributes").read_text() == template
    assert (EXAMPLE / ".gitattributes").read_text() == template
    result = subprocess.run(
        ["git", "check-attr", "merge", "--", "checkins/2026-W01.toml", "team.toml"],
        cwd=_repo(fresh_journal),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        "checkins/2026-W01.toml: merge: leadwork",
        "team.toml: merge: leadwork",
    ]


def _repo(folder: Path) -> Path:
    git(folder, "init", "-q")
    return folder


# ---- two clones, one week -------------------------------------------------------------


def test_two_clones_capture_and_check_in_the_same_week_and_pull_merges_cleanly(clones, run):
    laptop, desktop = clones
    assert (
        run(
            "story", "Greenville shipped early", "--who", "priya", journal=laptop, env=THIS_WEEK
        ).exit_code
        == 0
    )
    # a comment of the person's own, by hand, on the laptop: it must survive the merge
    w48 = laptop / "checkins" / "2026-W48.toml"
    w48.write_text(w48.read_text().replace("[readings]\n", "[readings]\n# read on Friday\n", 1))
    commit_all(laptop, "laptop: a story, a note")
    git(laptop, "push", "-q")

    assert (
        run(
            "story",
            "Marcus called the customer back",
            "--who",
            "marcus",
            journal=desktop,
            env=THIS_WEEK,
        ).exit_code
        == 0
    )
    checkin = run(
        "checkin",
        "--no-input",
        "-r",
        "greenville-otd=97.1",
        "-r",
        "dayton-scrap=3.2",
        journal=desktop,
        env=THIS_WEEK,
    )
    assert checkin.exit_code == 0, checkin
    commit_all(desktop, "desktop: a story and the check-in")

    pulled = git(desktop, "pull", "--no-rebase", "--no-edit", check=False)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    assert "CONFLICT" not in pulled.stdout + pulled.stderr
    week = tomllib.loads((desktop / WEEK).read_text())
    assert [story["text"] for story in week["stories"]] == [
        "Marcus called the customer back",
        "Greenville shipped early",
    ]
    assert week["readings"] == {"greenville-otd": 97.1, "dayton-scrap": 3.2}
    assert "# read on Friday" in (desktop / "checkins" / "2026-W48.toml").read_text()
    checked = run("check", journal=desktop, env=THIS_WEEK)
    assert checked.exit_code == 0, checked
    # and back: the laptop gets the same week
    git(desktop, "push", "-q")
    git(laptop, "pull", "-q", "--no-rebase", "--no-edit")
    assert (laptop / WEEK).read_text() == (desktop / WEEK).read_text()


def test_two_readings_of_one_indicator_conflict_and_are_explained(clones, run):
    laptop, desktop = clones
    for clone, value in ((laptop, "96.0"), (desktop, "97.1")):
        result = run(
            "checkin",
            "--no-input",
            "-r",
            f"greenville-otd={value}",
            "-r",
            "dayton-scrap=3.2",
            journal=clone,
            env=THIS_WEEK,
        )
        assert result.exit_code == 0, result
        commit_all(clone, "check-in")
    git(laptop, "push", "-q")
    pulled = git(desktop, "pull", "--no-rebase", "--no-edit", check=False)
    assert pulled.returncode != 0
    said = pulled.stdout + pulled.stderr
    assert "CONFLICT (add/add): Merge conflict in checkins/2026-W49.toml" in said
    assert "readings.greenville-otd is 97.1 here (ours), 96 in theirs" in said
    text = (desktop / WEEK).read_text()
    assert (
        "# leadwork git merge: readings.greenville-otd is 97.1 here (ours), 96 in theirs.\n"
        "# Keep one of the two lines, then delete the other, the marker lines and these two "
        "comments.\n"
        "<<<<<<< ours\ngreenville-otd = 97.1\n=======\ngreenville-otd = 96\n>>>>>>> theirs\n"
        "dayton-scrap = 3.2\n"
    ) in text
    checked = run("check", journal=desktop, env=THIS_WEEK)
    assert checked.exit_code == 1
    assert (
        "checkins/2026-W49.toml:9:1: error: unresolved git merge conflict (lines 9-13)"
        in checked.stderr
    )
    assert "choose one side" in checked.stderr
    # every reader says so too, rather than showing a week without it
    shown = run("dashboard", journal=desktop, env=THIS_WEEK)
    assert shown.exit_code == 1 and "unresolved git merge conflict" in shown.stderr


def test_carried_against_dropped_says_to_keep_one_outcome_and_remove_the_carried_copy(clones, run):
    """Fifth trial: the desktop carried a commitment on Friday, the laptop dropped it on
    Monday. The hint said to keep both as two [[last_week]] entries; keeping "dropped" left
    the carried copy, which `check` passed and every view took for open."""
    laptop, desktop = clones
    for clone, outcome in ((desktop, "--carried"), (laptop, "--dropped")):
        done = run(
            "checkin", "--no-input", outcome, "1", "--done", "2", journal=clone, env=THIS_WEEK
        )
        assert done.exit_code == 0, done
        commit_all(clone, "check-in")
    git(laptop, "push", "-q")
    pulled = git(desktop, "pull", "--no-rebase", "--no-edit", check=False)
    assert pulled.returncode != 0
    keep = 'if you keep "dropped", also remove its carried copy from [[commitments]]'
    assert f'.outcome is "carried" here (ours), "dropped" in theirs; {keep}' in pulled.stderr
    text = (desktop / WEEK).read_text()
    assert (
        "# Keep one of the two lines, then delete the other, the marker lines and these two "
        f'comments; {keep}.\n<<<<<<< ours\noutcome = "carried"\n' in text
    )
    checked = run("check", journal=desktop, env=THIS_WEEK)
    assert checked.exit_code == 1
    hint = next(line for line in checked.stderr.splitlines() if "= hint:" in line)
    assert hint.strip().startswith(
        "= hint: keep one of the two outcomes (one commitment's, not two entries)"
    )
    assert keep in hint and "keep both" not in hint

    # kept "dropped" as the trial did, the carried copy left behind: check names it there
    resolved = re.sub(
        r"# leadwork git merge:.*\n# Keep one.*\n<<<<<<< ours\n.*\n=======\n(.*)\n>>>>>>> theirs\n",
        r"\1\n",
        text,
    )
    (desktop / WEEK).write_text(resolved)
    copy = resolved.splitlines().index("carried = 4") + 1
    checked = run("check", journal=desktop, env=THIS_WEEK)
    assert checked.exit_code == 1
    assert f"checkins/2026-W49.toml:{copy}:1: error: “Agree a new date" in checked.stderr
    assert "was dropped ([[last_week]] #1) but is carried on here (carried = 4)" in checked.stderr


def test_without_the_driver_git_s_own_conflict_is_named_block_by_block(tmp_path, run):
    origin = tmp_path / "journal"
    assert run("init", str(origin), "--example").exit_code == 0
    (origin / ".gitattributes").unlink()  # as a journal made before leadwork had a driver
    git(origin, "init", "-q", "-b", "main")
    commit_all(origin, "start")
    git(origin, "checkout", "-q", "-b", "other")
    assert run("story", "One", "--who", "priya", journal=origin, env=THIS_WEEK).exit_code == 0
    commit_all(origin, "one")
    git(origin, "checkout", "-q", "main")
    assert run("story", "Two", "--who", "marcus", journal=origin, env=THIS_WEEK).exit_code == 0
    commit_all(origin, "two")
    merged = git(origin, "merge", "other", check=False)
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout
    checked = run("check", journal=origin, env=THIS_WEEK)
    assert checked.exit_code == 1
    assert "error: unresolved git merge conflict (lines" in checked.stderr
    assert "invalid statement" not in checked.stderr
    assert "[[stories]]" in checked.stderr  # how to keep both stories


# ---- the driver on its own ------------------------------------------------------------


def merge(tmp_path: Path, run, base: str, ours: str, theirs: str, path: str = WEEK):
    files = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        file = tmp_path / f".merge_file_{name}"
        file.write_text(text, encoding="utf-8", newline="")
        files.append(str(file))
    result = run("git", "merge", *files, path)
    return result, (tmp_path / ".merge_file_ours").read_bytes().decode("utf-8")


BASE_WEEK = """\
# Check-in for 2026-W49
week = "2026-W49"

[[last_week]]
text = "Book the strategy refresh"
outcome = "carried"

[[commitments]]
text = "Ask Marcus for his plan"
"""


def test_done_against_carried_for_one_commitment_is_a_disagreement(tmp_path, run):
    ours = BASE_WEEK.replace('"carried"', '"done"')
    theirs = BASE_WEEK.replace('"carried"', '"dropped"')
    result, text = merge(tmp_path, run, BASE_WEEK, ours, theirs)
    assert result.exit_code == 1
    assert 'last_week “Book the strategy refresh”.outcome is "done" here (ours), "dropped"' in text
    assert '<<<<<<< ours\noutcome = "done"\n=======\noutcome = "dropped"\n>>>>>>> theirs' in text
    assert text.count("[[last_week]]") == 1


def test_one_sided_changes_merge_and_comments_stay(tmp_path, run):
    ours = BASE_WEEK.replace("week = ", "# mine, on the laptop\nweek = ").replace(
        '"carried"', '"done"'
    )
    theirs = BASE_WEEK + '\n[[commitments]]\ntext = "Call Grace"  # theirs\n\n[hours]\nother = 4\n'
    result, text = merge(tmp_path, run, BASE_WEEK, ours, theirs)
    assert result.exit_code == 0, result
    data = tomllib.loads(text)
    assert data["last_week"] == [{"text": "Book the strategy refresh", "outcome": "done"}]
    assert [c["text"] for c in data["commitments"]] == ["Ask Marcus for his plan", "Call Grace"]
    assert data["hours"] == {"other": 4}
    assert "# mine, on the laptop" in text and "# Check-in for 2026-W49" in text


def test_an_entry_removed_on_one_side_stays_removed_and_alike_changes_merge(tmp_path, run):
    base = BASE_WEEK + '\n[[stories]]\ntext = "A"\n\n[[stories]]\ntext = "B"\n'
    ours = base.replace('[[stories]]\ntext = "A"\n\n', "")  # ours removed story A
    theirs = base.replace('text = "B"', 'text = "B"\nwho = "ben"').replace('"carried"', '"done"')
    ours = ours.replace('"carried"', '"done"')  # alike on both sides
    result, text = merge(tmp_path, run, base, ours, theirs)
    assert result.exit_code == 0, result
    data = tomllib.loads(text)
    assert data["stories"] == [{"text": "B", "who": "ben"}]
    assert data["last_week"][0]["outcome"] == "done"


def test_one_on_one_commitments_are_united(tmp_path, run):
    base = 'person = "priya"\ndate = 2026-12-01\nprogress = "fine"\n'
    ours = base + '\n[[commitments]]\nby = "me"\ntext = "Send the numbers"\n'
    theirs = base + '\n[[commitments]]\nby = "them"\ntext = "A plan by Friday"\n'
    result, text = merge(tmp_path, run, base, ours, theirs, "one-on-ones/2026-12-01-priya.toml")
    assert result.exit_code == 0, result
    assert [c["by"] for c in tomllib.loads(text)["commitments"]] == ["me", "them"]


def test_definition_files_merge_line_by_line_as_git_would(tmp_path, run):
    base = 'purpose = "Make things"\n\n[[choices]]\nid = "a"\nstatement = "A"\n'
    ours = base.replace('"Make things"', '"Make good things"')
    theirs = base + '\n[[choices]]\nid = "b"\nstatement = "B"\n'
    result, text = merge(tmp_path, run, base, ours, theirs, "strategy.toml")
    assert result.exit_code == 0, result
    assert tomllib.loads(text)["purpose"] == "Make good things"
    assert len(tomllib.loads(text)["choices"]) == 2
    clash = base.replace('"Make things"', '"Make other things"')
    result, text = merge(tmp_path, run, base, ours, clash, "strategy.toml")
    assert result.exit_code == 1
    assert "<<<<<<< ours" in text and ">>>>>>> theirs" in text


def test_a_side_that_is_not_toml_falls_back_to_git_s_line_merge(tmp_path, run):
    broken = BASE_WEEK.replace("[[commitments]]", "[[commitments]")
    result, text = merge(tmp_path, run, BASE_WEEK, broken, BASE_WEEK + "# theirs\n")
    assert result.exit_code == 0
    assert text == broken + "# theirs\n"


def test_crlf_and_bom_are_kept(tmp_path, run):
    base = BASE_WEEK.replace("\n", "\r\n")
    ours = "\ufeff" + base + '\r\n[[stories]]\r\ntext = "A"\r\n'
    theirs = base + '\r\n[[stories]]\r\ntext = "B"\r\n'
    result, text = merge(tmp_path, run, base, ours, theirs)
    assert result.exit_code == 0, result
    assert text.startswith("\ufeff# Check-in") and "\n" not in text.replace("\r\n", "")
    assert [s["text"] for s in tomllib.loads(text.removeprefix("\ufeff"))["stories"]] == ["A", "B"]


# ---- merging by meaning, by property ----------------------------------------------------


def test_stories_added_on_either_side_are_all_kept_once():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    texts = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), unique=True, max_size=4)

    @settings(max_examples=60, deadline=None)
    @given(texts, texts, texts)
    def check(base: list[str], ours: list[str], theirs: list[str]) -> None:
        def week(stories: list[str]) -> str:
            return 'week = "2026-W49"\n' + "".join(
                f'\n[[stories]]\ntext = "{text}"\n' for text in stories
            )

        merged = merge_records(week(base), week(ours), week(theirs), "checkin")
        assert not merged.conflicts
        got = [s["text"] for s in tomllib.loads(merged.text).get("stories", [])]
        expected = [t for t in ours if t in theirs or t not in base] + [
            t for t in theirs if t not in ours and t not in base
        ]
        assert got == expected

    check()


# ---- conflict markers, named ----------------------------------------------------------


def test_every_conflict_block_is_reported_with_its_lines_and_a_hint(example_journal, run):
    week = example_journal / "checkins" / "2026-W48.toml"
    text = week.read_text()
    text = text.replace(
        "dayton-otd = 96.4\n",
        "<<<<<<< HEAD\ndayton-otd = 96.4\n=======\ndayton-otd = 96.9\n>>>>>>> desktop\n",
    )
    text = text.replace(
        '[[stories]]\ntext = "Greenville',
        '[[stories]]\n<<<<<<< HEAD\ntext = "Mine"\n=======\ntext = "Theirs"\n>>>>>>> desktop\n'
        '\n[[stories]]\ntext = "Greenville',
    )
    text += (
        '\n<<<<<<< HEAD\n[[stories]]\ntext = "X"\n=======\n[[stories]]\ntext = "Y"\n'
        ">>>>>>> desktop\n"
    )
    week.write_text(text)
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    errors = [
        line for line in result.stderr.splitlines() if "unresolved git merge conflict" in line
    ]
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("<<<<<<<")]
    ends = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith(">>>>>>>")]
    assert len(errors) == 3 and len(starts) == 3
    for error, start, end in zip(errors, starts, ends, strict=True):
        where = f"checkins/2026-W48.toml:{start}:1"
        assert error.endswith(
            f"{where}: error: unresolved git merge conflict (lines {start}-{end})"
        )
    assert "keep both: each needs its own [[stories]] header" in result.stderr
    assert "to keep both sides' entries, delete just the marker lines" in result.stderr
    assert "choose one side" in result.stderr
    assert "invalid statement" not in result.stderr


def test_markers_deleted_without_a_header_get_a_hint_that_keeps_both_stories(example_journal, run):
    week = example_journal / "checkins" / "2026-W48.toml"
    week.write_text('week = "2026-W48"\n\n[[stories]]\ntext = "Mine"\ntext = "Theirs"\n')
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    assert "'text' is set twice (first on line 4)" in result.stderr
    assert "keep both: put a [[stories]] header above this line" in result.stderr


def test_a_capture_into_a_week_with_conflict_markers_names_them(example_journal, run):
    week = example_journal / "checkins" / "2026-W48.toml"
    text = week.read_text().replace(
        "dayton-otd = 96.4\n",
        "<<<<<<< HEAD\ndayton-otd = 96.4\n=======\ndayton-otd = 9\n>>>>>>> b\n",
    )
    week.write_text(text)
    result = run("story", "Another one", journal=example_journal)
    assert result.exit_code == 1
    assert "unresolved git merge conflict" in result.stderr
    assert week.read_text() == text


def test_a_merge_that_would_not_be_valid_is_left_to_git_s_line_merge(tmp_path, run):
    base = BASE_WEEK + "\n[hours]\nother = 4\n"
    ours = base + "alignment = 100\n"
    theirs = base + "capability = 100\n"  # each valid; together 204 hours in a week
    result, text = merge(tmp_path, run, base, ours, theirs)
    assert result.exit_code == 1
    assert "the two versions merged are not a valid file; merged line by line" in result.stderr
    assert "<<<<<<< ours\nalignment = 100\n=======\ncapability = 100\n>>>>>>> theirs" in text


def test_two_disagreements_on_one_line_fall_back_to_git_s_line_merge(tmp_path, run):
    base = 'week = "2026-W49"\nreadings = { a = 1, b = 2 }\n'
    ours = base.replace("a = 1, b = 2", "a = 3, b = 4")
    theirs = base.replace("a = 1, b = 2", "a = 5, b = 6")
    result, text = merge(tmp_path, run, base, ours, theirs)
    assert result.exit_code == 1
    assert "<<<<<<< ours\nreadings = { a = 3, b = 4 }\n=======" in text


def test_a_conflict_inside_a_multi_line_string_is_named_too(example_journal, run):
    strategy = example_journal / "strategy.toml"
    text = strategy.read_text()
    marked = text.replace(
        "[[choices]]",
        'note_from_merge = """\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> b\n"""\n\n[[choices]]',
        1,
    )
    strategy.write_text(marked)
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    assert "strategy.toml:" in result.stderr
    assert "unresolved git merge conflict" in result.stderr
    # a lone marker-like line in a text is the person's text, not a conflict
    strategy.write_text(
        text.replace("[[choices]]", 'x = """\n<<<<<<< not one\n"""\n\n[[choices]]', 1)
    )
    again = run("check", journal=example_journal)
    assert "unresolved git merge conflict" not in again.stderr


def test_merging_with_an_unchanged_side_gives_the_other_side():
    """By property, on generated check-ins: a side that did not change since the ancestor
    takes the other side's version (as data; entries in the same multiset); two alike
    sides give that version; never a conflict, never an error."""
    from hypothesis import HealthCheck, given, settings

    from leadwork.store.serialize import dumps

    from strategies import checkins

    def canonical(data: dict) -> dict:
        return {
            key: sorted(map(repr, value)) if isinstance(value, list) else value
            for key, value in data.items()
            if value not in ([], {})
        }

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(checkins, checkins)
    def check(base_model, other_model) -> None:
        base, other = dumps(base_model, "a header"), dumps(other_model)
        for ours, theirs, expected in ((base, other, other), (other, base, other)):
            merged = merge_records(base, ours, theirs, "checkin")
            assert not merged.conflicts
            got = canonical(tomllib.loads(merged.text))
            assert got == canonical(tomllib.loads(expected))
        alike = merge_records(base, other, other, "checkin")
        assert alike.text == other and not alike.conflicts

    check()


def test_any_three_check_ins_merge_or_conflict_and_the_conflicts_are_named():
    """By property: whatever the three versions, the merge never fails unforeseen; a clean
    result is valid TOML holding every entry either side added, and each disagreement is
    one conflict block that `check` names."""
    from hypothesis import HealthCheck, given, settings

    from leadwork.store.conflicts import conflict_problems
    from leadwork.store.merge import CannotMerge
    from leadwork.store.serialize import dumps

    from strategies import checkins

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(checkins, checkins, checkins)
    def check(base_model, ours_model, theirs_model) -> None:
        base, ours, theirs = (dumps(m) for m in (base_model, ours_model, theirs_model))
        try:
            merged = merge_records(base, ours, theirs, "checkin")
        except CannotMerge:
            return  # git's line merge decides
        if merged.conflicts:
            assert len(conflict_problems(Path(WEEK), merged.text)) == len(merged.conflicts)
            return
        data = tomllib.loads(merged.text)
        for side in (tomllib.loads(ours), tomllib.loads(theirs)):
            for story in side.get("stories", []):
                if story not in tomllib.loads(base).get("stories", []):
                    assert story in data["stories"]

    check()
