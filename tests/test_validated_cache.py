"""The cache of validated files (store/validated.py): a hit skips parsing and validating,
and is the very model validation gives; anything stale, corrupt, foreign or not ours is
ignored and rebuilt; a cache that cannot be written only costs speed."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import leadwork.store.journal as journal_module
from leadwork import cachedir
from leadwork.model.checkin import Checkin
from leadwork.model.plain import Plain, rebuild, to_plain
from leadwork.store import validated
from leadwork.store.journal import (
    CHECKIN,
    DEFINITION_MODELS,
    ONE_ON_ONE,
    Journal,
    model_name,
    review_model,
)
from leadwork.store.validated import ValidatedCache
from test_architecture import imports_of

from conftest import EXAMPLE, ROOT, TODAY, tree_hash

W48 = "checkins/2026-W48.toml"


def every_file(root: Path) -> list[tuple[str, str]]:
    """Every file of a journal with the model (its name) it is validated against."""
    files: list[tuple[str, str]] = [
        (rel, model) for rel, model in DEFINITION_MODELS.items() if (root / rel).exists()
    ]
    files += [(f"checkins/{p.name}", CHECKIN) for p in sorted((root / "checkins").iterdir())]
    journal = Journal(root, None)
    files += [(e.rel, ONE_ON_ONE) for e in journal.one_on_one_entries()]
    files += [(e.rel, review_model(e.rest)) for e in journal.review_entries()]
    return files


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The journal files parsed (not taken from the cache) during the test."""
    seen: list[str] = []
    original = journal_module.parse

    def recording(path: Path, text: str):
        seen.append(path.name)
        return original(path, text)

    monkeypatch.setattr(journal_module, "parse", recording)
    return seen


def entries(cache: Path) -> list[Path]:
    folder = cache / validated.FOLDER
    return sorted(folder.glob("*" + validated.SUFFIX)) if folder.exists() else []


def generated(tmp_path: Path) -> Path:
    out = tmp_path / "generated"
    script = str(ROOT / "benchmarks" / "make_journal.py")
    subprocess.run(
        [sys.executable, script, "--years", "1", "--people", "6", "--indicators", "8", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.mark.parametrize("form", ["model", "plain"])
@pytest.mark.parametrize("journal", ["example", "generated"])
def test_a_kept_model_is_the_validated_one_for_every_file(tmp_path, journal, form):
    """In either form: the model itself (writers, `check`) or its plain form (the views,
    `model/plain.py`), which must be the validated model's, field for field."""
    root = EXAMPLE if journal == "example" else generated(tmp_path)
    files = every_file(root)
    assert len(files) > 20
    in_plain = form == "plain"
    bare = Journal(root, None)
    cold = Journal(root, ValidatedCache(str(tmp_path / "cache" / "validated")), plain=in_plain)
    cold_cache = cold._cache
    assert cold_cache is not None
    cold_cache.budget = cold_cache.first = 10_000
    warm = Journal(root, ValidatedCache(str(tmp_path / "cache" / "validated")), plain=in_plain)
    for rel, model in files:
        expected = bare.load(rel, model)
        if in_plain:
            expected = to_plain(expected)
        assert cold.load(rel, model) == expected, rel
    assert len(entries(tmp_path / "cache")) == len(files)
    for rel, model in files:
        kept = warm.load(rel, model)
        validated_model = bare.load(rel, model)
        if in_plain:
            assert isinstance(kept, Plain) and type(kept).model == model
            assert kept == to_plain(validated_model), rel
            assert kept.model_dump() == validated_model.model_dump(), rel
            assert kept.model_dump(mode="json") == validated_model.model_dump(mode="json")
        else:
            assert kept == validated_model, rel
            assert model_name(type(kept)) == model
        assert rel in warm._texts  # a hit: never parsed
        # ...and where a message needs a position, the document is there, of that text
        assert warm.document(rel).data == bare.document(rel).data


def test_a_second_run_parses_nothing_the_first_validated(run, example_journal, tmp_path, parses):
    env = {"LEADWORK_CACHE_DIR": str(tmp_path / "cache")}
    first = run("dashboard", journal=example_journal, env=env)
    assert first.exit_code == 0, first
    assert parses and entries(tmp_path / "cache")
    parses.clear()
    second = run("dashboard", journal=example_journal, env=env)
    assert second.stdout == first.stdout
    assert parses == []


def test_no_cache_turns_it_off(run, example_journal, tmp_path):
    env = {"LEADWORK_CACHE_DIR": str(tmp_path / "cache"), "LEADWORK_NO_CACHE": "1"}
    assert run("check", journal=example_journal, env=env).exit_code == 0
    assert not (tmp_path / "cache" / validated.FOLDER).exists()


def test_an_edit_of_the_same_size_in_the_same_second_is_seen(example_journal, tmp_path):
    cache = str(tmp_path / "cache" / validated.FOLDER)
    path = example_journal / W48
    before = Journal(example_journal, ValidatedCache(cache)).load(W48, Checkin)
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "greenville-otd = 97.6" in text
    path.write_text(
        text.replace("greenville-otd = 97.6", "greenville-otd = 97.9"), encoding="utf-8"
    )
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # same size, same mtime
    assert path.stat().st_size == info.st_size
    after = Journal(example_journal, ValidatedCache(cache)).load(W48, Checkin)
    assert before.readings["greenville-otd"] == 97.6
    assert after.readings["greenville-otd"] == 97.9


def test_a_file_that_does_not_validate_is_not_kept(example_journal, tmp_path):
    path = example_journal / W48
    path.write_text(path.read_text().replace("greenville-otd = 97.6", 'greenville-otd = "97.6"'))
    journal = Journal(example_journal, ValidatedCache(str(tmp_path / "c" / validated.FOLDER)))
    with pytest.raises(journal_module.InvalidFile):
        journal.load(W48, Checkin)
    assert entries(tmp_path / "c") == []


def _one_entry(
    example_journal: Path, tmp_path: Path, *, plain: bool = False
) -> tuple[Path, Checkin]:
    cache = ValidatedCache(str(tmp_path / "cache" / validated.FOLDER))
    model = Journal(example_journal, cache, plain=plain).load(W48, CHECKIN)
    (entry,) = entries(tmp_path / "cache")
    return entry, model


def _foreign(entry: Path, evil: object = None) -> bytes:
    """An entry whose checksum is right but whose pickle would run a program."""

    class Evil:
        def __reduce__(self):
            return (os.system, ("touch /tmp/leadwork-pwned",))

    payload = pickle.dumps(evil or Evil())
    import hashlib

    key = entry.name.removesuffix(validated.SUFFIX).encode()
    checksum = hashlib.blake2b(payload, digest_size=cachedir.SUM_SIZE).digest()
    return validated.FORMAT + key + checksum + payload


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry, data: b"garbage",
        lambda entry, data: data[: len(data) // 2],  # truncated
        lambda entry, data: b"leadwork-validated-0\n" + data[len(validated.FORMAT) :],  # version
        lambda entry, data: data[:-5] + b"xxxxx",  # checksum fails
        lambda entry, data: _foreign(entry),
        lambda entry, data: b"",
    ],
    ids=["garbage", "truncated", "other-version", "bit-rot", "foreign-pickle", "empty"],
)
@pytest.mark.parametrize("plain", [False, True], ids=["model", "plain"])
def test_a_corrupt_entry_is_ignored_and_rebuilt(example_journal, tmp_path, parses, damage, plain):
    entry, model = _one_entry(example_journal, tmp_path, plain=plain)
    good = entry.read_bytes()
    entry.write_bytes(damage(entry, good))
    parses.clear()
    cache = ValidatedCache(str(tmp_path / "cache" / validated.FOLDER))
    assert Journal(example_journal, cache, plain=plain).load(W48, CHECKIN) == model
    assert parses == [W48.split("/")[1]]  # validated again...
    assert entry.read_bytes() == good  # ...and kept anew
    assert not os.path.exists("/tmp/leadwork-pwned")


class _Smuggled:
    """A plain entry that asks `rebuild` for something other than data."""

    def __reduce__(self):
        return (rebuild, ("leadwork.model.checkin.Checkin", ("week",), {}, (os.system,)))


class _Misshapen:
    """A plain entry whose record has more values than fields."""

    def __reduce__(self):
        return (rebuild, ("leadwork.model.checkin.Checkin", "week", {}, ("2026-W48",)))


@pytest.mark.parametrize("evil", [_Smuggled(), _Misshapen()], ids=["code", "misshapen"])
def test_a_plain_entry_holds_records_of_data_or_is_a_miss(example_journal, tmp_path, evil):
    """The unpickler knows `rebuild` and dates alone, and `rebuild` refuses what is not
    a record's shape: either entry is a miss, and the file is validated again."""
    entry, model = _one_entry(example_journal, tmp_path, plain=True)
    entry.write_bytes(_foreign(entry, evil))
    cache = ValidatedCache(str(tmp_path / "cache" / validated.FOLDER))
    found = cache.get(CHECKIN, entry.name.removesuffix(validated.SUFFIX), plain=True)
    assert found is None
    assert Journal(example_journal, cache, plain=True).load(W48, CHECKIN) == model


def test_an_entry_of_another_model_is_not_served(example_journal, tmp_path):
    entry, _ = _one_entry(example_journal, tmp_path)
    other = ValidatedCache(str(tmp_path / "cache" / validated.FOLDER))
    key = entry.name.removesuffix(validated.SUFFIX)
    assert other.get(ONE_ON_ONE, key) is None
    assert other.get(CHECKIN, key) is not None
    assert other.get(CHECKIN, key, plain=True) is None  # kept as the model, not plain


def test_an_entry_or_folder_others_could_write_is_not_trusted(example_journal, tmp_path, parses):
    entry, model = _one_entry(example_journal, tmp_path)
    folder = entry.parent
    assert folder.stat().st_mode & 0o777 == 0o700
    assert entry.stat().st_mode & 0o777 == 0o600
    for change in ("entry mode", "folder mode", "entry owner", "folder owner"):
        if change == "entry mode":
            entry.chmod(0o644)
        elif change == "folder mode":
            entry.chmod(0o600)
            folder.chmod(0o777)
        else:
            folder.chmod(0o700)
            if os.geteuid() != 0:
                continue  # only root can give a file away
            os.chown(entry if change == "entry owner" else folder, 12345, -1)
        parses.clear()
        cache = ValidatedCache(str(folder))
        assert Journal(example_journal, cache).load(W48, Checkin) == model
        assert parses, change  # not served: validated again
    if os.geteuid() == 0:
        os.chown(folder, 0, -1)


@contextlib.contextmanager
def read_only(folder: Path):
    """`folder` read-only, for root too (which writes through a mode of 0500): immutable."""
    folder.chmod(0o500)
    immutable = False
    if os.geteuid() == 0:
        immutable = (
            subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        )
        if not immutable:
            folder.chmod(0o700)
            pytest.skip("root writes into a read-only folder, and chattr is not available")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o700)


def test_a_read_only_cache_folder_works_and_still_serves(run, example_journal, tmp_path, parses):
    cache = tmp_path / "cache"
    env = {"LEADWORK_CACHE_DIR": str(cache)}
    expected = run("dashboard", journal=example_journal, env={"LEADWORK_NO_CACHE": "1"})
    (cache / validated.FOLDER).mkdir(parents=True, mode=0o700)
    with read_only(cache / validated.FOLDER):
        result = run("dashboard", journal=example_journal, env=env)
        assert (result.exit_code, result.stdout) == (0, expected.stdout)
        assert entries(cache) == []
    assert run("dashboard", journal=example_journal, env=env).stdout == expected.stdout
    kept = entries(cache)
    assert kept
    with read_only(cache / validated.FOLDER):  # what was kept before is still served
        parses.clear()
        result = run("dashboard", journal=example_journal, env=env)
        assert (result.exit_code, result.stdout) == (0, expected.stdout)
        assert parses == []
        assert entries(cache) == kept


def test_a_cache_that_cannot_be_written_only_costs_speed(
    run, example_journal, tmp_path, monkeypatch
):
    expected = run("check", journal=example_journal, env={"LEADWORK_NO_CACHE": "1"}).stdout
    # A cache folder that cannot be made (a file is in the way) ...
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("check", journal=example_journal, env={"LEADWORK_CACHE_DIR": str(blocker)})
    assert (result.exit_code, result.stdout) == (0, expected)
    # ... and one whose writes fail (read-only file system), tried once a run, not per file
    calls = []

    def read_only(path, data, *, sync=True):
        calls.append(path)
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("leadwork.cachedir.write_private", read_only)
    result = run("check", journal=example_journal, env={"LEADWORK_CACHE_DIR": str(tmp_path / "c")})
    assert (result.exit_code, result.stdout) == (0, expected)
    assert len(calls) == 1


def test_two_runs_at_once_are_both_right(example_journal, tmp_path):
    env = dict(os.environ, LEADWORK_TODAY=TODAY, NO_COLOR="1", COLUMNS="100")
    env["LEADWORK_CACHE_DIR"] = str(tmp_path / "cache")
    env.pop("LEADWORK_NO_CACHE", None)
    command = [sys.executable, "-m", "leadwork", "--journal", str(example_journal)]
    expected = subprocess.run(
        [*command, "dashboard"], env={**env, "LEADWORK_NO_CACHE": "1"}, capture_output=True
    ).stdout
    for _ in range(2):  # cold, then warm
        runs = [
            subprocess.Popen([*command, "dashboard"], env=env, stdout=subprocess.PIPE)
            for _ in range(2)
        ]
        outputs = [r.communicate()[0] for r in runs]
        assert [r.returncode for r in runs] == [0, 0]
        assert outputs == [expected, expected]
    # every entry written whole and valid; no temp file left
    folder = tmp_path / "cache" / validated.FOLDER
    assert not list(folder.glob("*.tmp"))
    cache = ValidatedCache(str(folder))
    journal = Journal(example_journal, cache, plain=True)  # the dashboard reads plain records
    expected_model = to_plain(Journal(example_journal, None).load(W48, Checkin))
    assert journal.load(W48, CHECKIN) == expected_model
    assert W48 in journal._texts


def test_the_cache_is_never_written_inside_the_journal(run, example_journal, tmp_path):
    before = tree_hash(example_journal)
    xdg = tmp_path / "xdg"
    env = {"LEADWORK_CACHE_DIR": "", "XDG_CACHE_HOME": str(xdg)}
    for command in (["check"], ["dashboard"]):
        assert run(*command, journal=example_journal, env=env).exit_code == 0
    assert tree_hash(example_journal) == before
    assert entries(xdg / "leadwork")
    assert (xdg / "leadwork").stat().st_mode & 0o777 == 0o700


VIEWS = {
    "dashboard": ["dashboard"],
    "dashboard json": ["dashboard", "--format", "json"],
    "check": ["check"],
    "indicator list": ["indicator", "list"],
    "report json": ["report", "--format", "json"],
    "map": ["map"],
}


@pytest.mark.parametrize("view", VIEWS)
def test_views_are_the_same_with_and_without_the_cache(run, example_journal, tmp_path, view):
    argv = VIEWS[view]
    plain = run(*argv, journal=example_journal, env={"LEADWORK_NO_CACHE": "1"})
    env = {"LEADWORK_CACHE_DIR": str(tmp_path / "cache")}
    cold = run(*argv, journal=example_journal, env=env)
    warm = run(*argv, journal=example_journal, env=env)
    assert plain.exit_code == 0, plain
    assert (cold.exit_code, cold.stdout, cold.stderr) == (0, plain.stdout, plain.stderr)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (0, plain.stdout, plain.stderr)


def test_a_warm_check_still_finds_a_cross_file_error_with_its_line(run, example_journal, tmp_path):
    """A file taken from the cache still gets a located message when another file makes
    it wrong (its source map is built from the text read, on demand)."""
    env = {"LEADWORK_CACHE_DIR": str(tmp_path / "cache")}
    assert run("check", journal=example_journal, env=env).exit_code == 0
    team = example_journal / "team.toml"
    team.write_text(team.read_text().replace('id = "marcus"', 'id = "marcus-b"'))
    plain = run("check", journal=example_journal, env={"LEADWORK_NO_CACHE": "1"})
    warm = run("check", journal=example_journal, env=env)
    assert plain.exit_code != 0
    assert (warm.exit_code, warm.stdout, warm.stderr) == (
        plain.exit_code,
        plain.stdout,
        plain.stderr,
    )


def test_old_entries_and_stray_temp_files_are_pruned(example_journal, tmp_path):
    entry, _ = _one_entry(example_journal, tmp_path)
    folder = entry.parent
    stale = folder / ("0" * 40 + validated.SUFFIX)
    stale.write_bytes(b"old")
    stray = folder / "x.pickle.1.ab.tmp"
    stray.write_bytes(b"half")
    old = time.time() - 31 * cachedir.DAY
    os.utime(stale, (old, old))
    os.utime(stray, (old, old))
    marker = folder / ".pruned"
    marker.touch()
    os.utime(marker, (old, old))  # pruned a month ago: time again
    Journal(example_journal, ValidatedCache(str(folder))).load(
        "strategy.toml", DEFINITION_MODELS["strategy.toml"]
    )
    assert entry.exists()
    assert not stale.exists()
    assert not stray.exists()
    assert time.time() - marker.stat().st_mtime < 60


def test_a_run_keeps_a_bounded_number_of_new_entries(example_journal, tmp_path):
    cache = ValidatedCache(str(tmp_path / "cache" / validated.FOLDER))
    cache.budget = 3
    journal = Journal(example_journal, cache)
    for rel, model in every_file(example_journal)[:6]:
        journal.load(rel, model)
    assert len(entries(tmp_path / "cache")) == 3


def test_past_its_first_entries_a_run_writes_only_within_its_share_of_time(
    example_journal, tmp_path
):
    """On a slow disk: past its first FIRST_ENTRIES, a run whose writes have taken more
    than WRITE_SHARE of its time keeps no more entries; the next run keeps what it could
    not."""
    folder = tmp_path / "cache" / validated.FOLDER
    files = every_file(example_journal)[:6]
    slow = ValidatedCache(str(folder))
    slow.first = 2
    slow.writing = time.process_time()  # its writes took as long as all the rest
    journal = Journal(example_journal, slow)
    for rel, model in files:
        journal.load(rel, model)
    assert len(entries(tmp_path / "cache")) == 2
    quick = ValidatedCache(str(folder))
    quick.first = 2
    journal = Journal(example_journal, quick)  # writes that took nothing
    for rel, model in files:
        journal.load(rel, model)
    assert len(entries(tmp_path / "cache")) == 6


def test_the_fingerprint_covers_every_module_the_models_import():
    """Every leadwork module a model imports, and what those import in turn: a change in
    any of them may change what validates, so it must change every key."""
    package = ROOT / "src" / "leadwork"
    todo = sorted((package / "model").glob("*.py"))
    sources: set[str] = set()
    while todo:
        for module in imports_of(todo.pop()):
            rel = module.removeprefix("leadwork.").replace(".", "/") + ".py"
            if not rel.startswith("model/") and rel not in sources:
                sources.add(rel)
                todo.append(package / rel)
    assert sources <= set(validated._SOURCES)


def test_a_removed_journal_file_is_not_served(example_journal, tmp_path):
    cache = str(tmp_path / "cache" / validated.FOLDER)
    Journal(example_journal, ValidatedCache(cache)).load(W48, Checkin)
    (example_journal / W48).unlink()
    with pytest.raises(journal_module.InvalidFile):
        Journal(example_journal, ValidatedCache(cache)).load(W48, Checkin)
    shutil.rmtree(cache)


_COUNTING = """
import sys
import leadwork.store.validation as validation
validated = []
original = validation.validate
def counting(model, document):
    validated.append(document.path.name)
    return original(model, document)
validation.validate = counting
from leadwork.cli import main
sys.argv = ["leadwork", "--journal", *sys.argv[1:]]
try:
    main()
finally:
    print("validated:", len(validated), file=sys.stderr)
"""


@pytest.mark.parametrize("command", [["check"], ["dashboard"], ["indicator", "list"]])
def test_a_fresh_process_validates_nothing_the_last_one_kept(example_journal, tmp_path, command):
    """In a new process no model module is imported yet when the cache is read (the store
    imports a model only when a file needs it): an entry must still be served, not taken
    for foreign. (An in-process test cannot see this: its models are long imported.)"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWORK_")}
    env.update(LEADWORK_TODAY=TODAY, NO_COLOR="1", LEADWORK_CACHE_DIR=str(tmp_path / "c"))
    argv = [sys.executable, "-c", _COUNTING, str(example_journal), *command]
    runs = [subprocess.run(argv, env=env, capture_output=True, text=True) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    assert "validated: 0" not in runs[0].stderr
    assert runs[1].stderr.strip().endswith("validated: 0"), runs[1].stderr
