"""A seeded simulation of a year of irregular use, and an oracle that knows the rules.

`Simulation(seed, ...)` builds a journal with `leadwork init`, writes its definitions (a
team, a strategy, capabilities and 5-8 indicators: weekly, monthly and quarterly, higher and
lower is better, some agreed mid-year, one retired midway), then lives a year day by day
through the real CLI, as a leader would: stories and conversations captured on random
weekdays (often before that week's check-in), check-ins on random days (some weeks skipped,
some capture-only, some checked in late with --week), readings that wander off track and
back, monthly and quarterly readings in some weeks only, commitments followed up by the next
check-in that runs, one-on-ones early and late, sometimes with plans. About one week in
seven is checked in a second time (later that day, a later day of the week, or the day after
a late check-in), changing answers: a follow-up's outcome, a reading, a new commitment.
After each run the week's file must hold exactly the final answers and the summary say them
truly; on the weeks the seed picks, `leadwork check` must find no error.

`Oracle` reads the journal's files with tomllib and computes, from the rules of issue 12
alone (never from leadwork's domain code), what every view must show on a day: the
reference week, the indicators in span, each one's value and status, its off-track episode,
the plan that belongs to it and whether it needs a plan.

`Simulation.check_day` compares the JSON views (dashboard, indicator list, one-on-one prep)
with the oracle, and the dashboard's follow-ups and `leadwork commitments` with the final
answers of the check-ins, and collects every disagreement as a `Finding` that names the seed,
the day, the view, the indicator, what was expected and what was shown, so a failure is
reproducible:
`Simulation(seed, path, make_runner(BASE_ENV)).play(until=day)` rebuilds the journal as it
was that evening.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Week = tuple[int, int]  # (ISO year, ISO week number)

OFF_TRACK = ("at-risk", "course-correct")
YEAR_START = dt.date(2025, 12, 29)  # the Monday of 2026-W01
YEAR_DAYS = 364  # 52 whole weeks: 2026-W01 .. 2026-W52


# ---- weeks, months, quarters (stdlib only: the oracle does not use leadwork's Week) --------


def week_of(day: dt.date) -> Week:
    iso = day.isocalendar()
    return (iso[0], iso[1])


def monday(week: Week) -> dt.date:
    return dt.date.fromisocalendar(week[0], week[1], 1)


def thursday(week: Week) -> dt.date:
    return dt.date.fromisocalendar(week[0], week[1], 4)


def week_text(week: Week) -> str:
    return f"{week[0]}-W{week[1]:02d}"


def parse_week(text: str) -> Week:
    match = re.fullmatch(r"(\d{4})-W(\d{2})", text)
    if not match:
        raise ValueError(f"not a week: {text!r}")
    return (int(match[1]), int(match[2]))


def previous_week(week: Week) -> Week:
    return week_of(monday(week) - dt.timedelta(days=7))


def next_week(week: Week) -> Week:
    return week_of(monday(week) + dt.timedelta(days=7))


def period_of(week: Week, cadence: str) -> tuple[int, ...]:
    """The reading period holding `week`: the week itself, or the month or quarter that holds
    its Thursday (as an ISO week belongs to the year of its Thursday)."""
    if cadence == "weekly":
        return week
    thu = thursday(week)
    if cadence == "monthly":
        return (thu.year, thu.month)
    return (thu.year, (thu.month - 1) // 3 + 1)


def judge(value: float | None, ind: dict[str, Any]) -> str:
    """The scoreboard's rule, written from the spec: celebrate at or past celebrate, on-track
    at or past the target, course-correct past course_correct, else at-risk; a threshold on
    the wrong side of the target counts as absent."""
    if value is None:
        return "no-data"
    higher = ind["direction"] == "higher"
    target, celebrate, course_correct = ind["target"], ind["celebrate"], ind["course_correct"]

    def at_least(bar: float) -> bool:
        return value >= bar if higher else value <= bar

    def worse(a: float, b: float) -> bool:
        return a < b if higher else a > b

    if at_least(celebrate) and not worse(celebrate, target):
        return "celebrate"
    if at_least(target):
        return "on-track"
    if worse(value, course_correct) and not worse(target, course_correct):
        return "course-correct"
    return "at-risk"


# ---- the oracle ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What every view must show for one indicator on one day."""

    id: str
    owner: str | None
    value: float | None
    reading_week: Week | None
    status: str
    episode_start: Week | None  # first week of the current off-track episode
    plan: str | None  # the plan that belongs to the episode (the latest)
    needs_plan: bool
    latest_status: str | None = None  # the status of the latest reading, up to the day

    @property
    def off_track(self) -> bool:
        """In an off-track episode: its latest reading is at risk or in course-correct (a
        week without a reading does not end it, so `status` may be no-data)."""
        return self.episode_start is not None


@dataclass(frozen=True)
class PlanEntry:
    date: dt.date
    indicator: str
    text: str
    order: str  # file name, to break ties between meetings on one day


class Oracle:
    """The rules of issue 12, computed from the journal's files as they are on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}

    def _load(self, path: Path) -> dict[str, Any]:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(path)
        if cached is None or cached[0] != key:
            cached = (key, tomllib.loads(path.read_text(encoding="utf-8")))
            self._cache[path] = cached
        return cached[1]

    def refresh(self) -> None:
        """Read the files again (cheap: unchanged files come from the cache)."""
        self.indicators: list[dict[str, Any]] = self._load(self.root / "indicators.toml").get(
            "indicators", []
        )
        self.checkins: dict[Week, dict[str, Any]] = {}
        for path in sorted((self.root / "checkins").glob("*.toml")):
            self.checkins[parse_week(path.stem)] = self._load(path)
        self.plans: list[PlanEntry] = []
        folder = self.root / "one-on-ones"
        for path in sorted(folder.glob("*.toml")) if folder.exists() else []:
            meeting = self._load(path)
            for plan in meeting.get("plans", []):
                text = (plan.get("plan") or "").strip()
                if text:
                    self.plans.append(
                        PlanEntry(meeting["date"], plan["indicator"], text, path.name)
                    )

    # -- weeks

    def checked_in(self, week: Week) -> bool:
        """The check-in ran: anything but captured stories and conversations recorded."""
        data = self.checkins.get(week) or {}
        ran = ("readings", "hours", "confidence", "last_week", "commitments", "plans")
        return any(data.get(key) for key in ran) or any((data.get("reflection") or {}).values())

    def reference_week(self, day: dt.date) -> Week:
        week = week_of(day)
        if self.checked_in(week):
            return week
        earlier = [w for w in self.checkins if w < week and self.checked_in(w)]
        return max(earlier) if earlier else week

    # -- span

    def first_reading_week(self, ind_id: str) -> Week | None:
        weeks = [w for w, data in self.checkins.items() if ind_id in data.get("readings", {})]
        return min(weeks) if weeks else None

    def new_on(self, ind: dict[str, Any], ref: Week, day: dt.date) -> dt.date | None:
        """Agreed after the reference week but by `day`, not retired by then: shown as new.
        docs/format.md, "Time, as real weeks are": "an indicator agreed this week, after
        the week a view stands on but by the view's day (...), is shown as *new*: `no
        data`, `new, agreed 7 Dec`, owed no reading for the earlier week and in no trend"."""
        agreed = ind.get("agreed_on")
        if agreed is None or agreed > day or week_of(agreed) <= ref or self.in_span(ind, ref):
            return None
        retired = ind.get("retired_on")
        return agreed if retired is None or retired > day else None

    def in_span(self, ind: dict[str, Any], week: Week) -> bool:
        agreed = ind.get("agreed_on")
        start = week_of(agreed) if agreed is not None else self.first_reading_week(ind["id"])
        if start is not None and week < start:
            return False
        retired = ind.get("retired_on")
        return retired is None or monday(week) < retired

    # -- values

    def value_at(
        self, ind: dict[str, Any], week: Week, as_of: Week | None = None
    ) -> tuple[float | None, Week | None]:
        """The value of `week` as a view standing on `as_of` (default: `week`) sees it: the
        latest reading in a week <= `week` within `week`'s reading period; failing that, the
        period's first reading entered after `week` and up to `as_of` (a period's reading
        stands for all its weeks, but never shows in a view of a week before it was made)."""
        cadence = ind.get("cadence", "weekly")
        period = period_of(week, cadence)
        last = as_of or week
        weeks = []  # the weeks of the period up to `last`
        w = week
        while period_of(w, cadence) == period:
            weeks.insert(0, w)
            w = previous_week(w)
        w = next_week(week)
        while w <= last and period_of(w, cadence) == period:
            weeks.append(w)
            w = next_week(w)
        read = [w for w in weeks if self._reading(ind, w) is not None]
        before = [w for w in read if w <= week]
        chosen = before[-1] if before else (read[0] if read else None)
        if chosen is None:
            return None, None
        return self._reading(ind, chosen), chosen

    def _reading(self, ind: dict[str, Any], week: Week) -> float | None:
        data = self.checkins.get(week)
        value = data.get("readings", {}).get(ind["id"]) if data else None
        return None if value is None else float(value)

    def _data_weeks_back(self, ind: dict[str, Any], week: Week) -> Iterable[tuple[Week, str, Week]]:
        """The judged weeks of the span up to `week`, newest first, as a view of `week` sees
        them, weeks without data skipped: (week, status, the week its reading was made)."""
        earliest = min(self.checkins) if self.checkins else week
        w = week
        while w >= earliest and self.in_span(ind, w):
            value, read_in = self.value_at(ind, w, week)
            if value is not None and read_in is not None:
                yield w, judge(value, ind), read_in
            w = previous_week(w)

    def history(self, ind: dict[str, Any], ref: Week, weeks: Iterable[Week]) -> dict[Week, Any]:
        """Each of `weeks` (up to `ref`) as a view standing on `ref` shows it: (value,
        status); a week out of span has no value."""
        shown: dict[Week, Any] = {}
        for w in weeks:
            value = self.value_at(ind, w, ref)[0] if self.in_span(ind, w) else None
            shown[w] = (value, judge(value, ind))
        return shown

    def expected(
        self, ind: dict[str, Any], ref: Week, day: dt.date, prep: bool = False
    ) -> Expected:
        value, reading_week = self.value_at(ind, ref)
        status = judge(value, ind)
        cadence = ind.get("cadence", "weekly")
        episode_start: Week | None = None
        cc_periods: set[tuple[int, ...]] = set()
        cc_run_open = True
        latest_status: str | None = None
        for w, st, read_in in self._data_weeks_back(ind, ref):
            latest_status = latest_status or st
            if st not in OFF_TRACK:
                break
            episode_start = read_in  # an episode starts with a reading, in the week it was made
            if cc_run_open and st == "course-correct":
                cc_periods.add(period_of(w, cadence))
            else:
                cc_run_open = False
        plan: str | None = None
        if episode_start is not None:
            since = monday(episode_start)
            until = day - dt.timedelta(days=1) if prep else day  # a prep: before the day
            mine = [p for p in self.plans if p.indicator == ind["id"] and since <= p.date <= until]
            if mine:
                plan = max(mine, key=lambda p: (p.date, p.order)).text
        needs_plan = len(cc_periods) >= 2 and plan is None
        return Expected(
            ind["id"],
            ind.get("owner"),
            value,
            reading_week,
            status,
            episode_start,
            plan,
            needs_plan,
            latest_status,
        )

    def day(self, day: dt.date, prep: bool = False) -> tuple[Week, dict[str, Expected]]:
        """The reference week and, for every indicator in span in it, what must be shown;
        with `prep`, by a one-on-one's preparation for that day, which stands before the
        one-on-ones of the day (their plans are not on record yet)."""
        self.refresh()
        ref = self.reference_week(day)
        shown = {
            ind["id"]: self.expected(ind, ref, day, prep)
            for ind in self.indicators
            if self.in_span(ind, ref)
        }
        return ref, shown


# ---- the journal's definitions, from a seed -------------------------------------------------


@dataclass
class IndicatorPlan:
    id: str
    name: str
    unit: str
    direction: str
    target: float
    celebrate: float
    course_correct: float
    style: str  # "1dp", "int", "big", "3dp"
    cadence: str = "weekly"
    owner: str = ""
    serves: str = ""
    agreed_on: dt.date | None = None
    retired_on: dt.date | None = None
    first_read: dt.date | None = None  # without agreed_on: readings start here
    band: float = 0.3  # where it stands: 0 = target, 1 = celebrate, -1 = course_correct
    regime: float = 0.5


TEMPLATES = [
    # id, name, unit, direction, target, celebrate, course_correct, style
    ("otd", "On-time delivery", "%", "higher", 95.0, 98.0, 90.0, "1dp"),
    ("scrap", "Scrap rate", "%", "lower", 2.0, 1.5, 3.0, "1dp"),
    ("fill-accuracy", "Fill accuracy", "%", "higher", 97.5, 98.5, 96.5, "3dp"),
    ("pipeline", "Qualified pipeline", "$", "higher", 1_200_000, 1_500_000, 900_000, "big"),
    ("quote-days", "Days to quote", "days", "lower", 5.0, 3.0, 8.0, "1dp"),
    ("nps", "Customer NPS", "", "higher", 40, 50, 30, "int"),
    ("coaching", "Coaching hours", "h", "higher", 10, 14, 6, "int"),
    ("escapes", "Defect escapes", "", "lower", 4, 2, 7, "int"),
]

PEOPLE = [
    ("ana", "Ana Ferreira"),
    ("ben", "Ben Okoro"),
    ("chloe", "Chloe Martin"),
    ("dev", "Dev Raman"),
    ("eva", "Eva Lindgren"),
]

CHOICES = ["quality-first", "dependable-delivery", "grow-service"]
CAPABILITIES = [
    ("quality-at-scale", "Quality at scale", "quality-first"),
    ("planning", "Dependable planning", "dependable-delivery"),
    ("consultative-selling", "Consultative selling", "grow-service"),
]


def toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) >= 1000 else f"{value:.1f}"
    return str(value)


# ---- findings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    kind: str  # a short, stable name of what disagreed, like "dashboard status"
    seed: int
    day: dt.date
    subject: str  # the indicator (or the command)
    expected: object
    shown: object
    detail: str = ""

    def __str__(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return (
            f"[{self.kind}] seed={self.seed} day={self.day} ({week_text(week_of(self.day))}, "
            f"{self.day:%a}) {self.subject}: expected {self.expected!r}, "
            f"shown {self.shown!r}{extra}"
        )


def summarize(findings: list[Finding], examples: int = 2) -> str:
    """Every kind of finding with its count and its first examples."""
    by_kind: dict[str, list[Finding]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    lines = [f"{len(findings)} findings of {len(by_kind)} kinds:"]
    for kind, items in by_kind.items():
        lines.append(f"- {kind}: {len(items)} (first on {items[0].day})")
        lines.extend(f"    {item}" for item in items[:examples])
    return "\n".join(lines)


# ---- the simulation -------------------------------------------------------------------------

Runner = Callable[..., Any]  # like the `run` fixture of tests/conftest.py


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def make_runner(base_env: dict[str, str]) -> Runner:
    """The `run` fixture's runner, with the root app built for the one command the argv
    names (as `leadwork.cli.main` does): building all fifteen commands costs ~80 ms a run,
    and a simulated year runs thousands."""
    from typer.testing import CliRunner

    from leadwork.cli.app import COMMANDS, make_app

    apps: dict[str, Any] = {}
    runner = CliRunner()

    def invoke(
        *args: str,
        journal: Path | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> Result:
        name = next((a for a in args if a in COMMANDS), None)
        app = apps.get(name or "") or apps.setdefault(name or "", make_app(name))
        argv = [*(["--journal", str(journal)] if journal is not None else []), *args]
        result = runner.invoke(
            app, argv, env={**base_env, **(env or {})}, input=input, catch_exceptions=False
        )
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


@dataclass
class Commitment:
    text: str
    carried: int = 0


@dataclass
class WeekAnswers:
    """A week's check-in as its latest run left it: the answers the file must hold."""

    before: list[Commitment]  # the open commitments the week follows up
    follow: dict[str, str]  # their outcomes (text -> done, carried, dropped)
    new: list[str]  # the week's new commitments
    readings: dict[str, float]

    def open_after(self) -> list[Commitment]:
        """The commitments the next check-in follows up: the carried ones, counted one
        higher, and the new ones."""
        carried = [c for c in self.before if self.follow.get(c.text) == "carried"]
        return [Commitment(c.text, c.carried + 1) for c in carried] + [
            Commitment(text) for text in self.new
        ]


# A second run of a week changes what became of a commitment, as a leader changes their mind.
CHANGED_OUTCOME = {"carried": ("done", "dropped"), "done": ("carried",), "dropped": ("done",)}
FOLLOW_UP_CHANGE = re.compile(r"\b(done|carried|dropped) → (done|carried|dropped)\b")
DONE_RATE = re.compile(r"commitments: (\d+) of (\d+) done")


@dataclass
class Simulation:
    """One journal, one seed, a year of irregular use through the CLI."""

    seed: int
    root: Path
    run: Runner
    with_cadence: bool = True  # False: every indicator weekly, no `cadence` key written
    check_days: Callable[[int], bool] = lambda index: True
    findings: list[Finding] = field(default_factory=list)
    days_checked: int = 0
    commands: int = 0

    def __post_init__(self) -> None:
        self.rng = self.rng_for("define")
        self.walks: dict[str, random.Random] = {}
        self.oracle = Oracle(self.root)
        self.open: list[Commitment] = []  # the commitments the next check-in follows up
        self.open_made: Week | None = None  # the check-in whose commitments `open` are
        self.answers: dict[Week, WeekAnswers] = {}  # each week's check-in, as last run
        self.second_runs = 0
        self.meetings: dict[str, dt.date] = {}  # person -> next one-on-one
        self.latest_value: dict[str, tuple[float, Week]] = {}

    def rng_for(self, *parts: object) -> random.Random:
        """A random stream of its own for each decision (str seeds hash with sha512, so
        they are stable across runs): the journal a seed builds does not shift when
        leadwork answers differently, and a fixed leadwork meets the same year."""
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    def report(self) -> str:
        """Every kind of finding, with how to rebuild the journal of a failing day."""
        return (
            summarize(self.findings)
            + f"\nTo look at the journal of a DAY: Simulation({self.seed}, PATH, "
            f"make_runner(BASE_ENV), with_cadence={self.with_cadence}).play(until=DAY), "
            "then run leadwork with LEADWORK_TODAY=DAY on PATH."
        )

    # -- running commands

    def cli(self, day: dt.date, *args: str) -> Any:
        self.commands += 1
        return self.run(*args, journal=self.root, env={"LEADWORK_TODAY": day.isoformat()})

    def cli_json(self, day: dt.date, view: str, *args: str) -> Any | None:
        result = self.cli(day, *args)
        if result.exit_code != 0:
            self.find(
                f"{view} fails",
                day,
                " ".join(args),
                "exit 0",
                result.exit_code,
                _first_line(result.output),
            )
            return None
        try:
            return json.loads(result.stdout)
        except json.JSONDecodeError as error:
            self.find(f"{view} not JSON", day, " ".join(args), "JSON", str(error))
            return None

    def find(
        self,
        kind: str,
        day: dt.date,
        subject: str,
        expected: object,
        shown: object,
        detail: str = "",
    ) -> None:
        self.findings.append(Finding(kind, self.seed, day, subject, expected, shown, detail))

    # -- the journal's definitions

    def define(self) -> None:
        rng = self.rng
        result = self.run("init", str(self.root), "--leader", "Dana Whitfield")
        assert result.exit_code == 0, result
        people = PEOPLE[: rng.randint(3, 5)]
        self.people = [pid for pid, _ in people]
        team = [f"# generated by tests/simulation.py, seed {self.seed}\n"]
        self.cadence_days: dict[str, int] = {}
        for pid, name in people:
            cadence = rng.choice([7, 14, 14, 21, 28])
            self.cadence_days[pid] = cadence
            team.append(f'[[people]]\nid = "{pid}"\nname = "{name}"\ncadence_days = {cadence}\n')
            self.meetings[pid] = YEAR_START + dt.timedelta(days=rng.randint(3, cadence + 3))
        (self.root / "team.toml").write_text("\n".join(team), encoding="utf-8")
        strategy = ['purpose = "Parts that keep farms running."\n']
        for choice in CHOICES:
            strategy.append(f'[[choices]]\nid = "{choice}"\nstatement = "We choose {choice}."\n')
        (self.root / "strategy.toml").write_text("\n".join(strategy), encoding="utf-8")
        caps = []
        for cid, name, choice in CAPABILITIES:
            caps.append(
                f'[[capabilities]]\nid = "{cid}"\nname = "{name}"\nkind = "organizational"\n'
                f'serves = ["{choice}"]\nowner = "{rng.choice(self.people)}"\nlevel = 2\n'
                "target = 4\n"
            )
        (self.root / "capabilities.toml").write_text("\n".join(caps), encoding="utf-8")

        chosen = [t for t in TEMPLATES if t[0] in ("fill-accuracy", "pipeline")]
        others = [t for t in TEMPLATES if t not in chosen]
        rng.shuffle(others)
        chosen += others[: rng.randint(3, 6)]
        rng.shuffle(chosen)
        plans = [IndicatorPlan(*t) for t in chosen]
        if self.with_cadence:
            cadences = ["monthly", "quarterly"] + [
                rng.choice(["weekly", "weekly", "weekly", "monthly", "quarterly"])
                for _ in plans[2:]
            ]
            rng.shuffle(cadences)
            for plan, cadence in zip(plans, cadences, strict=True):
                plan.cadence = cadence
        # The two whose numbers test how values are written are there all year; two others
        # are agreed midway and one more is retired midway.
        plain = [i for i, plan in enumerate(plans) if plan.style not in ("big", "3dp")]
        mid_year = rng.sample(plain, 2)
        retired = rng.choice([i for i in plain if i not in mid_year])
        never_agreed = rng.choice([i for i in range(len(plans)) if i != retired])
        for i, plan in enumerate(plans):
            plan.owner = rng.choice(self.people)
            plan.serves = rng.choice(CAPABILITIES)[0]
            plan.band = rng.uniform(-0.5, 1.0)
            if i in mid_year:
                plan.agreed_on = YEAR_START + dt.timedelta(days=rng.randint(90, 220))
            elif i != never_agreed:
                plan.agreed_on = YEAR_START + dt.timedelta(days=rng.randint(-60, 20))
            else:
                plan.first_read = YEAR_START + dt.timedelta(days=rng.randint(20, 120))
            if i == retired:
                plan.retired_on = YEAR_START + dt.timedelta(days=rng.randint(150, 260))
        self.indicators = plans
        lines = ["# generated by tests/simulation.py\n"]
        for plan in plans:
            entry = [
                "[[indicators]]",
                f'id = "{plan.id}"',
                f'name = "{plan.name}"',
                f'owner = "{plan.owner}"',
                f'agreed_with = ["{plan.owner}"]',
            ]
            if plan.agreed_on is not None:
                entry.append(f"agreed_on = {plan.agreed_on.isoformat()}")
            entry += [
                f'serves = ["{plan.serves}"]',
                f'unit = "{plan.unit}"',
                f'direction = "{plan.direction}"',
                f"target = {toml_value(plan.target)}",
                f"celebrate = {toml_value(plan.celebrate)}",
                f"course_correct = {toml_value(plan.course_correct)}",
            ]
            if self.with_cadence and (plan.cadence != "weekly" or rng.random() < 0.5):
                entry.append(f'cadence = "{plan.cadence}"')
            if plan.retired_on is not None:
                entry.append(f"retired_on = {plan.retired_on.isoformat()}")
            lines.append("\n".join(entry) + "\n")
        (self.root / "indicators.toml").write_text("\n".join(lines), encoding="utf-8")

    # -- readings that wander off track and back

    def reading(self, plan: IndicatorPlan) -> float:
        rng = self.walks.setdefault(plan.id, self.rng_for("walk", plan.id))
        if rng.random() < 0.12:
            plan.regime = rng.choice([-2.0, -1.2, 0.5, 1.2])
        plan.band += 0.45 * (plan.regime - plan.band) + rng.gauss(0, 0.45)
        if rng.random() < 0.06:  # exactly on a line: the boundaries are part of the rule
            return self._rounded(
                plan, rng.choice([plan.target, plan.celebrate, plan.course_correct])
            )
        band = plan.band
        if band >= 0:
            value = plan.target + band * (plan.celebrate - plan.target)
        else:
            value = plan.target + band * (plan.target - plan.course_correct)
        return self._rounded(plan, value)

    @staticmethod
    def _rounded(plan: IndicatorPlan, value: float) -> float:
        if plan.style == "1dp":
            return max(0.0, round(value, 1))
        if plan.style == "3dp":
            return round((math.floor(value * 20) + 0.5) / 20, 3)  # 97.625, 97.675 ...
        if plan.style == "big":
            return float(round(value) + 7)  # 1234567-like, never a round number
        return float(max(0, round(value)))

    def tracked(self, plan: IndicatorPlan, week: Week) -> bool:
        """Does the leader read it in `week`? Only inside its span."""
        start = plan.agreed_on or plan.first_read
        if start is not None and week < week_of(start):
            return False
        return plan.retired_on is None or monday(week) < plan.retired_on

    # -- a year

    def play(self, days: int = YEAR_DAYS, until: dt.date | None = None) -> None:
        """Live `days` days (or up to `until`), checking the days `check_days` picks."""
        for index, day in self.live(days, until):
            if self.check_days(index):
                self.check_day(day)

    def live(
        self, days: int = YEAR_DAYS, until: dt.date | None = None
    ) -> Iterator[tuple[int, dt.date]]:
        """Define the journal, then live day by day: each day's actions are done when the
        day is yielded, so the caller can look at the journal as it is that evening."""
        self.define()
        self.plan_weeks(days // 7 + 1)
        for index in range(days):
            day = YEAR_START + dt.timedelta(days=index)
            if until is not None and day > until:
                return
            self.act(day)
            yield index, day

    def twice(self, week: Week) -> bool:
        """Is the week checked in a second time (about one week in seven)?"""
        return self.rng_for("again", week_text(week)).random() < 0.15

    def plan_weeks(self, weeks: int) -> None:
        """For each week: how it goes (check-in day, skipped, capture-only, late) and the
        days of its captures."""
        rng = self.rng_for("weeks")
        self.actions: dict[dt.date, list[tuple[str, Any]]] = {}
        not_before = 0  # after a late check-in, this week's comes after it
        for n in range(weeks):
            mon = YEAR_START + dt.timedelta(days=7 * n)
            week = week_of(mon)
            mode = rng.choices(
                ["checkin", "late", "skip", "capture-only"], weights=[70, 10, 12, 8]
            )[0]
            captures = {
                "checkin": rng.randint(0, 3),
                "late": rng.randint(0, 2),
                "skip": 0,
                "capture-only": rng.randint(1, 3),
            }[mode]
            for _ in range(captures):
                day = mon + dt.timedelta(days=rng.choices(range(7), [3, 4, 4, 3, 2, 1, 1])[0])
                kind = rng.choice(["story", "story", "conversation"])
                self.actions.setdefault(day, []).append((kind, week))
            # Some weeks are checked in twice, changing answers (a stream of its own, so
            # the weeks above stay what they were before second runs were lived).
            twice = self.twice(week)
            again = self.rng_for("again", "day", week_text(week))
            if mode == "checkin":
                offset = rng.choices(range(7), weights=[1, 1, 2, 3, 5, 1, 1])[0]
                offset = max(offset, not_before)
                self.actions.setdefault(mon + dt.timedelta(days=offset), []).append(
                    ("checkin", week)
                )
                if twice:  # later the same day, or a later day of the week
                    later = again.randint(offset, 6)
                    self.actions.setdefault(mon + dt.timedelta(days=later), []).append(
                        ("again", week)
                    )
            not_before = 0
            if mode == "late":
                offset = rng.choice([7, 8])  # Monday or Tuesday of the next week, --week
                self.actions.setdefault(mon + dt.timedelta(days=offset), []).insert(
                    0, ("checkin", week)
                )
                not_before = offset - 7
                if twice:  # the day after, before the next week's check-in
                    self.actions.setdefault(mon + dt.timedelta(days=offset + 1), []).insert(
                        0, ("again", week)
                    )
                    not_before += 1

    def act(self, day: dt.date) -> None:
        for n, (kind, week) in enumerate(self.actions.get(day, [])):
            if kind == "checkin":
                self.checkin(day, week)
            elif kind == "again":
                self.checkin_again(day, week)
            else:
                self.capture(day, kind, n)
        for person in self.people:
            if self.meetings[person] == day:
                self.one_on_one(day, person)

    def capture(self, day: dt.date, kind: str, n: int) -> None:
        rng = self.rng_for("capture", day, n)
        if kind == "story":
            args = [
                "story",
                f"S {day} #{n} the team lived it",
                "--who",
                rng.choice(self.people),
                "--choice",
                rng.choice(CHOICES),
            ]
        else:
            args = [
                "conversation",
                f"V {day} #{n} what we heard",
                "--with",
                rng.choice(["customer", "supplier", "partner", "employee"]),
                "--who",
                "Acme",
            ]
        result = self.cli(day, *args)
        if result.exit_code != 0:
            self.find(
                f"{kind} fails", day, kind, "exit 0", result.exit_code, _first_line(result.output)
            )

    def checkin(self, day: dt.date, week: Week) -> None:
        rng = self.rng_for("checkin", week_text(week))
        args = ["checkin", "--no-input", "--week", week_text(week)]
        readings: dict[str, float] = {}
        chance = {"weekly": 0.85, "monthly": 0.3, "quarterly": 0.12}
        for plan in self.indicators:
            if self.tracked(plan, week) and rng.random() < chance[plan.cadence]:
                readings[plan.id] = self.reading(plan)
                args += ["--reading", f"{plan.id}={_number(readings[plan.id])}"]
        audit = rng.random() < 0.6
        confident = rng.random() < 0.7 or not (readings or audit)
        if audit:
            for area in ("alignment", "capability", "accountability", "someone-elses-job"):
                args += ["--hours", f"{area}={rng.randint(2, 12)}"]
        if confident:
            for area in ("alignment", "capability", "accountability"):
                args += ["--confidence", f"{area}={rng.randint(1, 5)}"]
        new = [
            f"C {week_text(week)} #{n} follow up with the team"
            for n in range(1, 1 + rng.choices([0, 1, 2, 3], weights=[2, 4, 3, 1])[0])
        ]
        follow: dict[str, str] = {}
        for commitment in self.open:
            outcome = self.rng_for("outcome", week_text(week), commitment.text).choices(
                ["done", "carried", "dropped"], weights=[5, 3, 2]
            )[0]
            follow[commitment.text] = outcome
        follow_args = [a for text, outcome in follow.items() for a in (f"--{outcome}", text)]
        new_args = [a for text in new for a in ("--commitment", text)]
        result = self.cli(day, *args, *follow_args, *new_args)
        followed = True
        if result.exit_code != 0 and follow_args:
            self.find(
                "checkin refuses follow-ups of open commitments",
                day,
                week_text(week),
                sorted(follow.items())[:2],
                result.exit_code,
                _first_line(result.output),
            )
            result = self.cli(day, *args, *new_args)
            followed = False
        if result.exit_code != 0:
            self.find(
                "checkin fails",
                day,
                week_text(week),
                "exit 0",
                result.exit_code,
                _first_line(result.output),
            )
            return
        answers = WeekAnswers(list(self.open), follow if followed else {}, new, readings)
        self.check_summary(day, week, result.stdout, readings)
        self.check_done_rate_said(day, week, result.stdout, answers)
        self.check_commitments_written(day, week, answers)
        self.open = answers.open_after()
        self.open_made = week
        if followed:
            self.answers[week] = answers
        if (week[1] + self.seed) % 8 == 0 or self.twice(week):
            self.check_journal(day, week, "checkin")

    def checkin_again(self, day: dt.date, week: Week) -> None:
        """The week checked in again, later: some follow-ups change outcome, a reading is
        corrected, a commitment is added. The file must then hold exactly the final answers,
        and the summary say what changed, truly."""
        answers = self.answers.get(week)
        if answers is None:  # the first run failed or its follow-ups were refused: found
            return
        self.second_runs += 1
        rng = self.rng_for("again", week_text(week), day)
        args = ["checkin", "--no-input", "--week", week_text(week)]
        follow = dict(answers.follow)
        for text, outcome in answers.follow.items():
            if rng.random() < 0.5:
                follow[text] = rng.choice(CHANGED_OUTCOME[outcome])
                args += [f"--{follow[text]}", text]
            elif rng.random() < 0.3:
                args += [f"--{outcome}", text]  # said again, as the first run said it
        readings = dict(answers.readings)
        corrected: dict[str, float] = {}
        for plan in self.indicators:
            if plan.id in readings and rng.random() < 0.35:
                spread = abs(plan.target - plan.course_correct)
                value = self._rounded(
                    plan, readings[plan.id] + rng.choice([-1, 1]) * rng.uniform(0.2, 0.9) * spread
                )
                if value != readings[plan.id]:
                    corrected[plan.id] = readings[plan.id] = value
                    args += ["--reading", f"{plan.id}={_number(value)}"]
        added = []
        if rng.random() < 0.5 or (follow == answers.follow and not corrected):
            added.append(f"C {week_text(week)} #a{self.second_runs} added on {day}")
            args += ["--commitment", added[0]]
        result = self.cli(day, *args)
        if result.exit_code != 0:
            self.find(
                "second checkin fails",
                day,
                week_text(week),
                "exit 0",
                result.exit_code,
                _first_line(result.output),
            )
            return
        final = WeekAnswers(answers.before, follow, answers.new + added, readings)
        self.check_summary(day, week, result.stdout, corrected)
        self.check_changes_said(day, week, result.stdout, answers.follow, follow)
        self.check_done_rate_said(day, week, result.stdout, final)
        self.check_commitments_written(day, week, final)
        self.answers[week] = final
        self.open = final.open_after()
        self.open_made = week
        if self.second_runs % 2 == 1:
            self.check_journal(day, week, "second checkin")

    def check_changes_said(
        self, day: dt.date, week: Week, text: str, before: dict[str, str], after: dict[str, str]
    ) -> None:
        """A second run's summary names each follow-up it changed (old → new) and each
        carried copy it took back out, no more and no fewer."""
        changed = Counter((before[t], after[t]) for t in after if before[t] != after[t])
        said = Counter(FOLLOW_UP_CHANGE.findall(text))
        if said != changed:
            self.find(
                "second checkin summary misstates the follow-ups it changed",
                day,
                week_text(week),
                sorted(changed.elements()),
                sorted(said.elements()),
            )
        taken_out = sum(n for (old, _new), n in changed.items() if old == "carried")
        if text.count("carried copy taken out") != taken_out:
            self.find(
                "second checkin summary misstates the carried copies taken out",
                day,
                week_text(week),
                taken_out,
                text.count("carried copy taken out"),
            )

    def check_done_rate_said(
        self, day: dt.date, week: Week, text: str, answers: WeekAnswers
    ) -> None:
        """The summary's "Last week's commitments: N of M done" counts the week's follow-ups
        as they now stand (all of them, not only this run's); none without an outcome."""
        done = sum(1 for outcome in answers.follow.values() if outcome == "done")
        expected = (done, len(answers.follow)) if answers.follow else None
        match = DONE_RATE.search(text)
        said = (int(match[1]), int(match[2])) if match else None
        if said != expected:
            self.find("checkin summary done rate", day, week_text(week), expected, said)
        if "without an outcome" in text and answers.follow:
            self.find(
                "checkin summary says a commitment has no outcome",
                day,
                week_text(week),
                "every one followed up",
                next(line for line in text.splitlines() if "without an outcome" in line),
            )

    def check_journal(self, day: dt.date, week: Week, after: str) -> None:
        """`leadwork check` finds no error in the journal a check-in run saved (warnings
        allowed)."""
        result = self.cli(day, "check", "--format", "json")
        try:  # exit 1 when it finds an error: the JSON says which
            data = json.loads(result.stdout)
        except json.JSONDecodeError:
            self.find("check fails", day, week_text(week), "JSON", _first_line(result.output))
            return
        errors = [p for p in data["problems"] if p["severity"] == "error"]
        if errors or data["errors"] or result.exit_code != 0:
            self.find(
                f"check reports an error after a {after}",
                day,
                week_text(week),
                "no error",
                [f"{p['file']}:{p['line']}: {p['message']}" for p in errors][:3],
            )

    def check_commitments_written(self, day: dt.date, week: Week, answers: WeekAnswers) -> None:
        """The week's file follows up every open commitment with its outcome, carried ones
        reappear with their count one higher, done and dropped ones do not, the new ones are
        there; and each reading holds the value last given."""
        follow, new = answers.follow, answers.new
        data = tomllib.loads(
            (self.root / "checkins" / f"{week_text(week)}.toml").read_text(encoding="utf-8")
        )
        for ident, value in answers.readings.items():
            held = data.get("readings", {}).get(ident)
            if held is None or float(held) != value:
                self.find("reading not written as last given", day, ident, value, held)
        written = {item["text"]: item.get("outcome") for item in data.get("last_week", [])}
        carried_now = {item["text"]: item.get("carried", 0) for item in data.get("commitments", [])}
        for commitment in answers.before:
            if commitment.text not in follow:
                self.find(
                    "commitment vanished without an outcome",
                    day,
                    commitment.text,
                    "an outcome in " + week_text(week),
                    None,
                )
                continue
            if written.get(commitment.text) != follow[commitment.text]:
                self.find(
                    "follow-up not written",
                    day,
                    commitment.text,
                    follow[commitment.text],
                    written.get(commitment.text),
                )
            again = carried_now.get(commitment.text)
            if follow[commitment.text] == "carried" and again != commitment.carried + 1:
                self.find(
                    "carried count does not continue",
                    day,
                    commitment.text,
                    commitment.carried + 1,
                    again,
                )
            if follow[commitment.text] != "carried" and again:
                self.find(
                    f"{follow[commitment.text]} commitment still carried on",
                    day,
                    commitment.text,
                    "no carried copy",
                    f"carried = {again}",
                )
        for text in new:
            if text not in carried_now:
                self.find("new commitment not written", day, text, "written", None)

    def one_on_one(self, day: dt.date, person: str) -> None:
        rng = self.rng_for("one-on-one", person, day)
        late = rng.choice([-5, -3, -2, 0, 0, 2, 4, 7, 10])
        # The morning of the meeting: the prep the leader reads.
        self.check_prep(day, person)
        meeting = day
        if rng.random() < 0.2 and day > YEAR_START + dt.timedelta(days=3):
            meeting = day - dt.timedelta(days=rng.randint(1, 3))  # written up late
        _ref, expected = self.oracle.day(meeting)
        args = [
            "one-on-one",
            person,
            "--no-input",
            "--date",
            meeting.isoformat(),
            "--progress",
            # Written on `day`: two meetings the same date say different things (one said
            # word for word again is a retry, which leadwork refuses to record twice).
            f"Steady, said on {day}.",
        ]
        no_plan = []
        for exp in expected.values():
            if exp.owner != person or not exp.off_track:
                continue
            if self.rng_for("plan", day, exp.id).random() < 0.5:
                args += ["--plan", f"{exp.id}=P {meeting} plan to get {exp.id} back"]
            elif exp.plan is not None:  # the plan on record stands: said again, as it is
                args += ["--plan", f"{exp.id}={exp.plan}"]
            else:
                no_plan.append(exp.id)
        if rng.random() < 0.2:
            args += ["--celebrate", f"S {day} a win", "--story", rng.choice(CHOICES)]
        result = self.cli(day, *args, *(a for i in no_plan for a in ("--no-plan", i)))
        asked = set(
            re.findall(r"(\S+) is (?:at-risk|course-correct): what is the plan", result.output)
        )
        if result.exit_code != 0 and asked:
            # leadwork sees an indicator off track that the rules do not: say so, and answer
            for ident in sorted(asked):
                exp = expected.get(ident)
                off = exp is not None and exp.off_track
                self.find(
                    "one-on-one asks again for a plan it was given"
                    if off
                    else "one-on-one asks a plan for an indicator not off track",
                    day,
                    ident,
                    exp.status if exp else "not in span",
                    "asked for a plan",
                    f"meeting {meeting}",
                )
            no_plan += sorted(asked - set(no_plan))
            result = self.cli(day, *args, *(a for i in no_plan for a in ("--no-plan", i)))
        if result.exit_code != 0:
            self.find(
                "one-on-one record fails",
                day,
                person,
                "exit 0",
                result.exit_code,
                _first_line(result.output),
            )
        else:
            self.check_plans_written(day, person, meeting, expected)
        self.meetings[person] = day + dt.timedelta(days=max(3, self.cadence_days[person] + late))

    def check_plans_written(
        self, day: dt.date, person: str, meeting: dt.date, expected: dict[str, Expected]
    ) -> None:
        """The meeting's file records each plan with the status of the indicator's latest
        reading at the meeting (the reading the plan answers)."""
        files = sorted((self.root / "one-on-ones").glob(f"{meeting.isoformat()}-{person}*.toml"))
        if not files:
            self.find("one-on-one not written", day, person, f"{meeting}-{person}.toml", None)
            return
        data = tomllib.loads(files[-1].read_text(encoding="utf-8"))
        for plan in data.get("plans", []):
            exp = expected.get(plan["indicator"])
            status = exp.latest_status if exp else None
            if plan.get("status") != status:
                self.find(
                    "one-on-one records a plan with the wrong status",
                    day,
                    plan["indicator"],
                    status,
                    plan.get("status"),
                    f"meeting {meeting}",
                )

    # -- the checks

    def check_day(self, day: dt.date) -> None:
        self.days_checked += 1
        ref, expected = self.oracle.day(day)
        dashboard = self.check_dashboard(day, ref, expected)
        self.check_commitment_views(day, ref, dashboard)
        self.check_list(day, ref, expected)
        person = self.people[day.toordinal() % len(self.people)]
        self.check_prep(day, person)

    def _compare(
        self,
        view: str,
        day: dt.date,
        exp: Expected,
        value: object,
        status: object,
    ) -> None:
        if status != exp.status:
            self.find(
                f"{view} status",
                day,
                exp.id,
                exp.status,
                status,
                f"reading {exp.value!r} of {_wk(exp.reading_week)}",
            )
        if value != exp.value:
            self.find(
                f"{view} value", day, exp.id, exp.value, value, f"read in {_wk(exp.reading_week)}"
            )

    def _shown_set(
        self,
        view: str,
        day: dt.date,
        ref: Week,
        expected: set[str],
        items: dict[str, Any],
        owner: str | None = None,
    ) -> None:
        shown = set(items)
        this_week = {
            ind["id"] for ind in self.oracle.indicators if self.oracle.in_span(ind, week_of(day))
        }
        for ind in self.oracle.indicators:  # agreed since the reference week: new
            new = self.oracle.new_on(ind, ref, day)
            if new is None or (owner is not None and ind.get("owner") != owner):
                continue
            expected = expected | {ind["id"]}
            item = items.get(ind["id"])
            said = None if item is None else (item.get("status"), item.get("new_on"))
            if item is not None and said != ("no-data", new.isoformat()):
                self.find(f"{view} new indicator", day, ind["id"], new, said, "")
        for ident in sorted(shown - expected):
            edge = " (in span today's week only)" if ident in this_week else ""
            self.find(
                f"{view} shows an indicator out of span{edge}",
                day,
                ident,
                "not shown",
                "shown",
                f"reference week {week_text(ref)}",
            )
        for ident in sorted(expected - shown):
            edge = " (in span in the reference week only)" if ident not in this_week else ""
            self.find(
                f"{view} misses an indicator in span{edge}",
                day,
                ident,
                "shown",
                "missing",
                f"reference week {week_text(ref)}",
            )

    def check_dashboard(
        self, day: dt.date, ref: Week, expected: dict[str, Expected]
    ) -> dict[str, Any] | None:
        data = self.cli_json(day, "dashboard", "dashboard", "--format", "json")
        if data is None:
            return None
        shown = {item["id"]: item for item in data["accountability"]["indicators"]}
        self._shown_set("dashboard", day, ref, set(expected), shown)
        flagged = {
            item["subject"]
            for item in data["needs_you"]
            if item["kind"] == "course-correct-no-plan"
        }
        for ident, exp in expected.items():
            item = shown.get(ident)
            if item is None:
                continue
            self._compare("dashboard", day, exp, item["value"], item["status"])
            self.check_history(day, ref, ident, item["history"])
            if item["plan_needed"] != exp.needs_plan:
                self.find(
                    "dashboard plan_needed",
                    day,
                    ident,
                    exp.needs_plan,
                    item["plan_needed"],
                    _episode(exp),
                )
            if (ident in flagged) != exp.needs_plan:
                self.find(
                    "dashboard needs_you course-correct-no-plan",
                    day,
                    ident,
                    exp.needs_plan,
                    ident in flagged,
                    _episode(exp),
                )
        return data

    def check_commitment_views(
        self, day: dt.date, ref: Week, dashboard: dict[str, Any] | None
    ) -> None:
        """The dashboard's follow-ups of the week it stands on are that week's final
        answers, and `leadwork commitments` lists exactly the open ones, with their carried
        counts and the check-in that made them."""
        answers = self.answers.get(ref)
        if dashboard is not None and answers is not None:
            counts = Counter(answers.follow.values())
            total = len(answers.follow)
            expected = {
                "done": counts["done"],
                "carried": counts["carried"],
                "dropped": counts["dropped"],
                # docs/json.md: "numbers are the journal's own, unrounded, except
                # percentages and averages (one or two decimals)": a rate of 0 to 1, a
                # percentage with one decimal
                "done_rate": round(counts["done"] / total, 3) if total else None,
                "not_followed_up": [],
            }
            said = dashboard["your_work"]["commitments"]
            shown = {key: said.get(key) for key in expected}
            if shown != expected:
                self.find(
                    "dashboard commitments",
                    day,
                    week_text(ref),
                    expected,
                    shown,
                    f"the follow-ups of {week_text(ref)}",
                )
        listing = self.cli_json(day, "commitments", "commitments", "--format", "json")
        if listing is None:
            return
        listed = {
            item["text"]: (item["carried"], item["made"])
            for item in listing["commitments"]
            if item["source"] == "checkin"
        }
        made = week_text(self.open_made) if self.open_made else None
        expected_open = {c.text: (c.carried, made) for c in self.open}
        for text in sorted(set(listed) | set(expected_open)):
            if listed.get(text) != expected_open.get(text):
                self.find(
                    "commitments lists an open commitment wrongly",
                    day,
                    text,
                    expected_open.get(text, "not open"),
                    listed.get(text, "not listed"),
                    "(carried, made)",
                )

    def check_history(
        self, day: dt.date, ref: Week, ident: str, history: list[dict[str, Any]]
    ) -> None:
        """Every week of the dashboard's history (its sparkline) as a view of `ref` sees it."""
        ind = next(i for i in self.oracle.indicators if i["id"] == ident)
        weeks = [parse_week(h["week"]) for h in history]
        expected = self.oracle.history(ind, ref, weeks)
        for h, week in zip(history, weeks, strict=True):
            value, status = expected[week]
            if (h["value"], h["status"]) != (value, status):
                self.find(
                    "dashboard history",
                    day,
                    ident,
                    (value, status),
                    (h["value"], h["status"]),
                    f"week {week_text(week)} seen from {week_text(ref)}",
                )

    def check_list(self, day: dt.date, ref: Week, expected: dict[str, Expected]) -> None:
        data = self.cli_json(day, "indicator list", "indicator", "list", "--format", "json")
        if data is None:
            return
        shown = {item["id"]: item for item in data["indicators"]}
        self._shown_set("indicator list", day, ref, set(expected), shown)
        for ident, exp in expected.items():
            item = shown.get(ident)
            if item is None:
                continue
            latest = item.get("latest") or {}
            value = latest.get("value") if exp.value is not None else None
            self._compare("indicator list", day, exp, value, item["status"])

    def check_prep(self, day: dt.date, person: str) -> None:
        ref, expected = self.oracle.day(day, prep=True)
        data = self.cli_json(
            day, "one-on-one prep", "one-on-one", person, "--prep", "--format", "json"
        )
        if data is None:
            return
        mine = {i: e for i, e in expected.items() if e.owner == person}
        shown = {item["id"]: item for item in data["indicators"]}
        self._shown_set("one-on-one prep", day, ref, set(mine), shown, person)
        for ident, exp in mine.items():
            item = shown.get(ident)
            if item is None:
                continue
            self._compare("one-on-one prep", day, exp, item["value"], item["status"])
            if item["flagged"] != exp.needs_plan:
                self.find(
                    "one-on-one prep flagged",
                    day,
                    ident,
                    exp.needs_plan,
                    item["flagged"],
                    _episode(exp),
                )
            if exp.episode_start is not None:
                plan = (item.get("plan") or {}).get("text")
                if plan != exp.plan:
                    self.find("one-on-one prep plan", day, ident, exp.plan, plan, _episode(exp))

    def check_summary(
        self, day: dt.date, week: Week, text: str, readings: dict[str, float]
    ) -> None:
        """The check-in's summary writes each reading as it was given."""
        for plan in self.indicators:
            if plan.id in readings and plan.style in ("big", "3dp"):
                problem = misspelled(text, readings[plan.id])
                if problem:
                    self.find(
                        "checkin summary writes a reading differently",
                        day,
                        plan.id,
                        _number(readings[plan.id]),
                        problem,
                        week_text(week),
                    )


# ---- numbers as written ---------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?")


def _number(value: float) -> str:
    """A reading as the leader types it: 1234567, 97.625, 3.1."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def renderings(text: str, value: float) -> set[str]:
    """Every token in `text` that is `value` written some way (rounded, scientific, with
    thousands separators)."""
    found = set()
    tolerance = max(abs(value) * 1e-5, 0.006)
    for token in NUMBER.findall(text):
        try:
            number = float(token.replace(",", ""))
        except ValueError:
            continue
        if abs(number - value) <= tolerance:
            found.add(token)
    return found


def misspelled(text: str, value: float) -> str | None:
    """A rendering of `value` in `text` that is not exactly `value` (or is scientific)."""
    for token in sorted(renderings(text, value)):
        if "e" in token.lower() or float(token.replace(",", "")) != value:
            return token
    return None


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")[:160]


def _wk(week: Week | None) -> str:
    return week_text(week) if week else "-"


def _episode(exp: Expected) -> str:
    return f"status {exp.status}, episode since {_wk(exp.episode_start)}, plan {exp.plan!r}"
