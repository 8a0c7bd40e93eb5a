"""A year of irregular use, checked against an oracle that knows only the rules (issue 12).

The journals are built from seeds (tests/simulation.py), never from the bundled example:
weeks skipped, captures on random weekdays before the check-in, check-ins written late,
monthly and quarterly readings, indicators agreed and retired midway, one-on-ones early and
late with plans, then weeks without a reading, weeks checked in twice with answers changed
(trial 16). Every disagreement names the seed, the day, the view and the indicator;
`Simulation(seed, ...).play(until=DAY)` rebuilds the journal as it was that day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from simulation import (
    YEAR_START,
    Oracle,
    Simulation,
    make_runner,
    parse_week,
    renderings,
    week_text,
)

from conftest import BASE_ENV

RUN = make_runner(BASE_ENV)


def simulate(tmp_path: Path, seed: int, with_cadence: bool, every: int = 1) -> Simulation:
    sim = Simulation(
        seed,
        tmp_path / f"journal-{seed}",
        RUN,
        with_cadence=with_cadence,
        check_days=lambda index: index % every == seed % every,
    )
    sim.play()
    return sim


def test_a_year_checked_on_every_day(tmp_path: Path) -> None:
    """One journal, every day of a year: dashboard, indicator list and one person's
    one-on-one prep (the owners in turn; each person's on the morning of their meeting)
    show each indicator in span, with the value, status, plan and plan flag of the rules;
    no commitment vanishes without an outcome."""
    sim = simulate(tmp_path, seed=20261, with_cadence=True)
    assert sim.days_checked == 364
    assert sim.second_runs >= 3  # weeks checked in twice, answers changed
    assert not sim.findings, sim.report()


@pytest.mark.parametrize(
    ("seed", "with_cadence"),
    [(7, True), (31, False)],
    ids=["seed7-cadences", "seed31-weekly-only"],
)
def test_more_seeds_on_sampled_days(tmp_path: Path, seed: int, with_cadence: bool) -> None:
    """More journals, every action done, the views checked every thirteenth day (each
    weekday in turn). The weekly-only journal has no `cadence` key: the rules of time hold
    without reading periods too."""
    sim = simulate(tmp_path, seed, with_cadence, every=13)
    assert sim.days_checked == 28
    assert not sim.findings, sim.report()


# ---- one journal, one day, every view ---------------------------------------------------------

SCIENTIFIC = re.compile(r"\d\.\d+[eE][+-]\d+")


def views_disagree(sim: Simulation, day: dt.date) -> list[str]:
    """Everything on which the views of one day disagree: an indicator's value or status
    (dashboard, indicator list, every one-on-one prep, a report of the reference week), which
    indicators are shown, a week written as something else than YYYY-Www, and a reading
    written two ways in the text outputs."""
    ref, expected = sim.oracle.day(day)
    where = f"seed={sim.seed} day={day} ({week_text(ref)} is the reference week)"
    problems: list[str] = []

    def out(*args: str) -> str | None:
        result = sim.cli(day, *args)
        if result.exit_code != 0:
            first = next((line for line in result.output.splitlines() if line.strip()), "")
            problems.append(f"{where}: `leadwork {' '.join(args)}` fails: {first[:200]}")
            return None
        return result.stdout

    def load(*args: str) -> dict | None:
        text = out(*args)
        return json.loads(text) if text is not None else None

    seen: dict[str, dict[str, tuple[object, object]]] = {}  # indicator -> view -> (v, status)
    dashboard = load("dashboard", "--format", "json")
    if dashboard is not None:
        for item in dashboard["accountability"]["indicators"]:
            seen.setdefault(item["id"], {})["dashboard"] = (item["value"], item["status"])
    listing = load("indicator", "list", "--format", "json")
    if listing is not None:
        for item in listing["indicators"]:
            value = (item.get("latest") or {}).get("value")
            shown = None if item["status"] == "no-data" else value
            seen.setdefault(item["id"], {})["indicator list"] = (shown, item["status"])
    for person in sim.people:
        prep = load("one-on-one", person, "--prep", "--format", "json")
        for item in prep["indicators"] if prep else []:
            seen.setdefault(item["id"], {})[f"prep {person}"] = (item["value"], item["status"])
    report = load("report", "--from", week_text(ref), "--to", week_text(ref), "--format", "json")
    bad_weeks = set()
    for item in report["indicators"] if report else []:
        bad_weeks |= {
            str(entry["week"])
            for entry in item["history"]
            if not re.fullmatch(r"\d{4}-W\d{2}", str(entry["week"]))
        }
        last = item["history"][-1] if item["history"] else {"value": None, "status": "no-data"}
        seen.setdefault(item["id"], {})["report"] = (last["value"], last["status"])

    if bad_weeks:
        problems.append(f"{where}: report JSON writes weeks as {sorted(bad_weeks)}")
    owners = {ind["id"]: ind.get("owner") for ind in sim.oracle.indicators}
    by_id = {ind["id"]: ind for ind in sim.oracle.indicators}
    for ident, views in sorted(seen.items()):
        if len(set(views.values())) > 1:
            problems.append(f"{where}: {ident} differs between views: {views}")
        must = {"dashboard", "indicator list", "report", f"prep {owners.get(ident)}"}
        if sim.oracle.new_on(by_id[ident], ref, day) is not None:
            # docs/format.md: an indicator agreed after the reference week, by today, is
            # "new": the views of today list it; a report of the reference week does not
            must -= {"report"}
        if dashboard and listing and report and set(views) != must:
            problems.append(f"{where}: {ident} shown only in {sorted(views)}, not {sorted(must)}")

    texts = {
        "dashboard": out("dashboard"),
        "indicator list": out("indicator", "list"),
        "report": out("report", "--from", week_text(ref), "--to", week_text(ref)),
    }
    for person in sim.people:
        texts[f"prep {person}"] = out("one-on-one", person, "--prep")
    for plan in sim.indicators:
        if plan.style in ("big", "3dp") and plan.id in expected:
            texts[f"indicator show {plan.id}"] = out("indicator", "show", plan.id)
    for view, text in texts.items():
        for token in SCIENTIFIC.findall(text or ""):
            problems.append(f"{where}: {view} writes a number as {token}")
    for plan in sim.indicators:
        exp = expected.get(plan.id)
        if plan.style not in ("big", "3dp") or exp is None or exp.value is None:
            continue
        written = {view: renderings(text or "", exp.value) for view, text in texts.items()}
        tokens = set().union(*written.values())
        exact = {
            t for t in tokens if "e" not in t.lower() and float(t.replace(",", "")) == exp.value
        }
        if len(tokens) > 1 or tokens != exact:
            found = {view: sorted(ts) for view, ts in written.items() if ts}
            problems.append(f"{where}: {plan.id} = {exp.value!r} is written as {found}")
    return problems


@pytest.mark.parametrize(
    ("seed", "with_cadence"),
    [(11, True), (12, False)],
    ids=["seed11-cadences", "seed12-weekly-only"],
)
def test_views_agree_on_every_indicator(tmp_path: Path, seed: int, with_cadence: bool) -> None:
    """On a handful of days of a half-year journal (mid-week after a capture, weekends,
    Mondays before the check-in), every view writes each indicator's value and status
    alike, in JSON and in text."""
    sim = Simulation(seed, tmp_path / "journal", RUN, with_cadence=with_cadence)
    problems: list[str] = []
    for index, day in sim.live(days=182):
        if index % 17 == 16:
            problems += views_disagree(sim, day)
    assert not problems, f"{len(problems)} disagreements:\n" + "\n".join(problems[:40])


# ---- the oracle itself, on a journal small enough to work out by hand --------------------------


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_the_oracle_follows_the_rules(tmp_path: Path) -> None:
    """The rules the simulation is judged by, worked out by hand: a capture-only week is
    not checked in; a monthly reading stands for its month; an indicator exists from the
    week it was agreed; weeks without data neither end an episode nor break a
    course-correct run; a plan belongs to the episode it was made in."""
    root = tmp_path
    write(
        root,
        "indicators.toml",
        """\
[[indicators]]
id = "scrap"
name = "Scrap"
owner = "ana"
direction = "lower"
target = 2.0
celebrate = 1.5
course_correct = 3.0

[[indicators]]
id = "pipeline"
name = "Pipeline"
owner = "ana"
direction = "higher"
target = 100
celebrate = 120
course_correct = 80
cadence = "monthly"

[[indicators]]
id = "late"
name = "Agreed late"
owner = "ana"
agreed_on = 2026-03-18
direction = "higher"
target = 1
celebrate = 2
course_correct = 0
""",
    )
    write(root, "checkins/2026-W09.toml", "[readings]\nscrap = 1.9\npipeline = 70\n")  # Feb
    write(root, "checkins/2026-W10.toml", "[readings]\nscrap = 3.0\npipeline = 90\n")  # Mar
    write(root, "checkins/2026-W11.toml", "[readings]\nscrap = 3.2\n")
    write(root, "checkins/2026-W12.toml", '[[stories]]\ntext = "A capture."\n')
    write(root, "checkins/2026-W13.toml", "[confidence]\nalignment = 3\n")
    write(root, "checkins/2026-W14.toml", "[readings]\nscrap = 3.4\n")
    write(
        root,
        "one-on-ones/2026-02-25-ana.toml",
        'person = "ana"\ndate = 2026-02-25\n\n[[plans]]\nindicator = "scrap"\nplan = "Old."\n',
    )
    write(
        root,
        "one-on-ones/2026-03-13-ana.toml",
        'person = "ana"\ndate = 2026-03-13\n\n[[plans]]\nindicator = "scrap"\nplan = "Fix it."\n',
    )
    oracle = Oracle(root)

    # Tuesday of W12: only a story so far, so W11 is the reference week.
    ref, shown = oracle.day(dt.date(2026, 3, 17))
    assert ref == parse_week("2026-W11")
    assert set(shown) == {"scrap", "pipeline"}  # "late" is agreed in W12
    assert (shown["scrap"].value, shown["scrap"].status) == (3.2, "course-correct")
    assert (shown["pipeline"].value, shown["pipeline"].status) == (90.0, "at-risk")  # March's
    assert shown["scrap"].episode_start == parse_week("2026-W10")  # 3.0 is at risk
    assert shown["scrap"].plan == "Fix it." and not shown["scrap"].needs_plan

    # W13 ran without readings: scrap has no data that week, pipeline still stands for March.
    ref, shown = oracle.day(dt.date(2026, 3, 28))
    assert ref == parse_week("2026-W13")
    assert "late" in shown and shown["late"].status == "no-data"
    assert (shown["scrap"].value, shown["scrap"].status) == (None, "no-data")
    assert shown["scrap"].plan == "Fix it."  # a week without data does not end the episode
    assert (shown["pipeline"].value, shown["pipeline"].reading_week) == (90.0, (2026, 10))

    # W14 (April): a new month without a pipeline reading; scrap course-correct W11 and W14,
    # across the gap: two weeks of course-correct, but the plan of 13 March belongs to it.
    ref, shown = oracle.day(dt.date(2026, 4, 2))
    assert shown["pipeline"].status == "no-data"
    assert shown["scrap"].plan == "Fix it." and not shown["scrap"].needs_plan
    write(root, "one-on-ones/2026-03-13-ana.toml", 'person = "ana"\ndate = 2026-03-13\n')
    ref, shown = oracle.day(dt.date(2026, 4, 2))
    assert shown["scrap"].plan is None  # 25 February is before the episode began (W10)
    assert shown["scrap"].needs_plan


@pytest.mark.parametrize("with_cadence", [True, False], ids=["cadences", "weekly-only"])
def test_a_simulated_journal_is_valid(tmp_path: Path, with_cadence: bool) -> None:
    """The generator writes what `leadwork check` accepts (the definitions as docs/format.md
    describes them, plus the `cadence` key of issue 12)."""
    sim = Simulation(3, tmp_path / "journal", RUN, with_cadence=with_cadence)
    days = [day for _index, day in sim.live(days=60)]
    assert days[-1] == YEAR_START + dt.timedelta(days=59)
    result = RUN("check", journal=sim.root, env={"LEADWORK_TODAY": days[-1].isoformat()})
    assert result.exit_code == 0, result.output
