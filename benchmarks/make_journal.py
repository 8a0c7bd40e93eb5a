"""Write a realistic, valid leadwork journal of any length, for benchmarks and tests.

    python benchmarks/make_journal.py --years 10 --people 20 --indicators 40 OUT

The journal passes `leadwork check` and reads like a real one: a leader's strategy with
its choices, capabilities with plans that get done (mostly) on time, leading indicators
whose readings wander, slump into course-correct and recover, and whose targets get
changed now and then; one check-in a week (the week between Christmas and New Year is
skipped, as people do) with readings for every indicator, a time audit, confidence,
stories, stakeholder conversations and commitments that are followed up, carried or
dropped; one-on-ones at each person's cadence (a few days late, now and then skipped),
with plans for the indicators that are off track; strategy and capability reviews; and
comments in every hand-written file.

The same arguments and `--seed` give the same bytes. Standard library only (plus two
stdlib-only helpers of leadwork), so it runs before anything else is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from leadwork.store.tomltext import toml_string
from leadwork.weeks import Week

DEFAULT_TODAY = dt.date(2026, 11, 27)  # the tests' fixed today (a Friday in 2026-W48)

FIRST_NAMES = (
    "marcus",
    "priya",
    "elena",
    "tom",
    "grace",
    "aisha",
    "ben",
    "carmen",
    "dmitri",
    "fatima",
    "gustavo",
    "hana",
    "ivan",
    "jonas",
    "keiko",
    "luis",
    "mei",
    "nadia",
    "omar",
    "paula",
    "quinn",
    "rosa",
    "samir",
    "tariq",
    "uma",
    "victor",
    "wen",
    "xavier",
    "yara",
    "zoe",
    "amara",
    "bruno",
    "chloe",
    "diego",
    "esther",
    "felix",
    "gita",
    "hugo",
    "ines",
    "jakob",
)
LAST_NAMES = (
    "Reyes",
    "Natarajan",
    "Kowalski",
    "Okafor",
    "Lindqvist",
    "Bello",
    "Carter",
    "Ortiz",
    "Volkov",
    "Haddad",
    "Silva",
    "Sato",
    "Petrov",
    "Berg",
    "Tanaka",
    "Moreno",
    "Chen",
    "Farouk",
    "Nasser",
    "Duarte",
    "Ahmed",
    "Rossi",
    "Khan",
    "Iyer",
    "Novak",
    "Wu",
    "Laurent",
    "Mensah",
    "Weber",
    "Ito",
    "Adeyemi",
    "Costa",
    "Dubois",
    "Herrera",
    "Levi",
    "Fischer",
    "Rao",
    "Moreau",
    "Santos",
    "Braun",
)
ROLES = (
    "Plant manager, {site}",
    "Quality lead",
    "Supply chain lead",
    "Account management lead",
    "Engineering manager",
    "HR business partner",
    "Finance controller",
    "Maintenance lead, {site}",
    "Production supervisor, {site}",
    "Continuous improvement lead",
)
# A few direct reports at a tight cadence, the rest monthly or rarer, some untracked.
CADENCES = (14, 7, 14, 14, 14, 28, 28, 28, None, 56, 28, 56, 28, None, 56, 28, 91, None, 56, 91)
SITES = ("dayton", "greenville", "toledo", "monterrey", "leeds", "pune")
CHOICES = (
    ("quality-first", "We win on parts that never come back: first-pass quality before speed."),
    ("dependable-delivery", "The date we promise is the date the customer can plan on."),
    ("grow-medical", "We grow medical devices to a third of sales, on our traceability."),
    ("build-bench", "We grow our own machinists, supervisors and managers."),
    ("lean-cost", "We take cost out of the process, never out of the part."),
)
CAPABILITY_NAMES = (
    ("quality-at-scale", "High-quality manufacturing at scale", "organizational"),
    ("dependable-scheduling", "Dependable scheduling and S&OP", "organizational"),
    ("consultative-selling", "Consultative selling to medical OEMs", "individual"),
    ("coaching-supervisors", "Supervisors who coach", "individual"),
    ("supplier-development", "Supplier development", "organizational"),
    ("lean-flow", "Lean flow on every line", "organizational"),
    ("regulatory-fluency", "Regulatory fluency (ISO 13485, FDA)", "individual"),
    ("data-literacy", "Reading the numbers on the shop floor", "individual"),
    ("tooling-engineering", "In-house tooling engineering", "organizational"),
    ("safety-culture", "A safety culture people own", "organizational"),
    ("new-product-intro", "New product introduction in weeks", "organizational"),
    ("negotiation", "Negotiating with suppliers and customers", "individual"),
)


@dataclass(frozen=True)
class Kind:
    """A kind of leading indicator: how it is measured and how its readings behave."""

    key: str
    name: str
    unit: str
    direction: str
    target: float
    celebrate: float
    course_correct: float
    spread: float  # week-to-week noise, in the indicator's unit
    decimals: int
    ceiling: float | None = None


KINDS = (
    Kind("otd", "on-time delivery", "%", "higher", 95, 98, 90, 1.2, 1, 100),
    Kind("scrap", "scrap rate", "%", "lower", 2.0, 1.5, 3.0, 0.25, 1),
    Kind("fpy", "first-pass yield", "%", "higher", 96.5, 98, 95, 0.6, 1, 100),
    Kind("changeover", "changeover time", "min", "lower", 45, 35, 60, 4, 0),
    Kind("quote-days", "quote turnaround", "days", "lower", 4, 3, 6, 0.5, 1),
    Kind("near-misses", "near-miss reports", "", "higher", 6, 10, 3, 1.5, 0),
    Kind("oee", "overall equipment effectiveness", "%", "higher", 75, 82, 68, 2, 1, 100),
    Kind("turns", "inventory turns", "", "higher", 8, 10, 6, 0.4, 1),
    Kind("overtime", "overtime share", "%", "lower", 8, 5, 12, 1.2, 1),
    Kind("training", "training hours per person", "h", "higher", 2, 3, 1, 0.35, 1),
    Kind("complaints", "customer complaints", "", "lower", 2, 0, 5, 1, 0),
    Kind("supplier-otd", "supplier on-time delivery", "%", "higher", 92, 96, 85, 2, 1, 100),
    Kind("absence", "unplanned absence", "%", "lower", 3, 2, 5, 0.4, 1),
    Kind("discovery", "customer discovery meetings", "", "higher", 3, 5, 1, 0.9, 0),
)

CUSTOMERS = (
    "Prairie Implement",
    "Harlan Ag Equipment",
    "Halvorsen Medical",
    "Northway Pumps",
    "Cresta Orthopedics",
    "Bluestem Tractors",
    "Kessler Surgical",
)
SUPPLIERS = ("Castwell Foundry", "Keller Castings", "Midwest Bar Stock", "Apex Tooling")
PARTNERS = ("the state MEP center", "Ohio Tech college", "our ERP partner")
ANALYSTS = ("the ag-equipment analyst at Baird", "a medtech analyst", "our industry association")

PLACES = ("on line 3", "on second shift", "in the tool room", "at receiving", "in cell 5")
GOOD_DEEDS = (
    "stopped the line for a burr nobody else had seen",
    "called the customer before the date slipped, not after",
    "trained two new machinists on their own time",
    "found the root cause of the porosity in a week",
    "turned down an expedite that would have broken the schedule",
    "rebuilt the changeover cart so the kit is complete every time",
    "walked a medical customer through our traceability records",
    "wrote the one-pager on what medical work asks of a supervisor",
    "cut the quote checklist from twelve steps to seven",
    "let a supervisor run the huddle and said nothing for ten minutes",
)
HEARD = (
    "wants a second source qualified before they double volumes",
    "is moving two part families to a supplier in Mexico",
    "praised our dates but says the price gap is growing",
    "asked whether we can hold 13485 at both plants next year",
    "expects demand to soften in the second half",
    "wants weekly status calls until delivery recovers",
    "is looking for partners for a new implant line",
    "says our quotes are slower than last year",
)
ACTIONS = (
    "Walk the {site} floor with {name}",
    "Call {customer} about the next quarter",
    "Review the supplier risk list with {name}",
    "Read {name}'s plan for {indicator}",
    "Book a skip-level lunch at {site}",
    "Draft the agenda for the strategy review",
    "Ask {name} what they need to get {indicator} back on track",
    "Send {customer} the corrective action summary",
    "Sit in on the {site} coaching clinic",
    "Thank the {site} night shift in person",
)
PLANS = (
    "Second shift on the bottleneck cell until the backlog is gone.",
    "Daily review at the 8:10 huddle; escalate by noon.",
    "SMED kits on every machine, audited each Monday.",
    "Qualify the second foundry and move half the volume.",
    "Pair each new operator with a mentor for four weeks.",
    "Stop quoting from scratch: reuse the last similar quote.",
)
PROGRESS = (
    "Steady week at {site}; {name} is covering the second shift.",
    "Behind on {indicator}, ahead on everything else.",
    "The new supervisor at {site} is finding their feet.",
    "{customer} visited; the audit went well.",
    "Tired. Three weeks of overtime at {site}.",
    "Back on plan after the shutdown at {site}.",
)
REVIEW_OUTCOMES = (
    "Kept the choices.",
    "Sharpened one choice; the others stand.",
    "Kept the choices, and owe the supervisors a one-pager on each.",
)
CONFIDENT = (
    "Alignment. People can say which choice their work serves.",
    "Accountability. The indicators told me before the emails did.",
    "Capability. The plans are moving without me pushing them.",
    "Accountability. My one-on-ones ended with their plans, not mine.",
)
CHALLENGE = (
    "Someone else's job again: I expedited instead of asking for the plan.",
    "Alignment. No story for one of the choices in weeks.",
    "Capability. The training plan slipped behind production again.",
    "Accountability. I let a red week pass without a conversation.",
)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    cadence: int | None
    note: str | None


@dataclass
class Change:
    since: dt.date
    target: float
    celebrate: float
    course_correct: float
    note: str


@dataclass
class Indicator:
    id: str
    name: str
    kind: Kind
    owner: Person
    serves: str
    agreed_on: dt.date
    changes: list[Change] = field(default_factory=list)
    # how the readings behave: a mean-reverting wander, with slumps now and then
    wander: float = 0.0
    slump_left: int = 0
    slump_length: int = 0
    slump_depth: float = 0.0

    def thresholds(self, week: Week) -> tuple[float, float, float]:
        """(target, celebrate, course_correct) in effect during `week`."""
        now = (self.kind.target, self.kind.celebrate, self.kind.course_correct)
        for change in self.changes:
            if Week.of(change.since) <= week:
                now = (change.target, change.celebrate, change.course_correct)
        return now


@dataclass
class Capability:
    id: str
    name: str
    kind: str
    serves: list[str]
    owner: Person
    level: int
    target: int
    steps: list[tuple[str, dt.date, dt.date | None]]  # (what, due, done)


def status(value: float, direction: str, thresholds: tuple[float, float, float]) -> str:
    """The scoreboard's rule (see leadwork.domain.status), to write plans where they belong."""
    target, celebrate, course_correct = thresholds

    def as_good(a: float, b: float) -> bool:
        return a >= b if direction == "higher" else a <= b

    if as_good(value, celebrate):
        return "celebrate"
    if as_good(value, target):
        return "on-track"
    if not as_good(value, course_correct):  # strictly past it
        return "course-correct"
    return "at-risk"


def fmt(value: float, decimals: int) -> str:
    """A TOML number: a whole number when it is one, else the given decimals."""
    rounded = round(value, decimals)
    if decimals == 0 or rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.{decimals}f}".rstrip("0")


def weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


class Writer:
    """Collects files as text, then writes them all; nothing is written on a bad argument."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def add(self, rel: str, lines: list[str]) -> None:
        self.files[rel] = "\n".join(lines).rstrip("\n") + "\n"

    def write(self, root: Path) -> None:
        for rel, text in self.files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")


class Generator:
    def __init__(self, years: int, people: int, indicators: int, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.years = years
        self.today = today
        self.last_week = Week.of(today)
        self.first_week = self.last_week.minus(52 * years - 1)
        self.start = self.first_week.monday
        self.out = Writer()
        self.team = self._team(people)
        self.leader = "Dana Whitfield"
        self.choices = [c[0] for c in CHOICES]
        self.capabilities = self._capabilities(max(2, min(len(CAPABILITY_NAMES), indicators // 5)))
        self.indicators = self._indicators(indicators)
        self.readings: dict[Week, dict[str, float]] = {}

    # ---- the cast -------------------------------------------------------------------------

    def _team(self, count: int) -> list[Person]:
        people = []
        for i in range(count):
            first = FIRST_NAMES[i % len(FIRST_NAMES)]
            ident = first if i < len(FIRST_NAMES) else f"{first}-{i // len(FIRST_NAMES) + 1}"
            site = SITES[i % len(SITES)].title()
            note = None
            if i % 4 == 0:
                note = f"Joined in {self.start.year - 1 - i % 7}. Ask about the family first."
            people.append(
                Person(
                    id=ident,
                    name=f"{first.title()} {LAST_NAMES[i % len(LAST_NAMES)]}",
                    role=ROLES[i % len(ROLES)].format(site=site),
                    cadence=CADENCES[i % len(CADENCES)],
                    note=note,
                )
            )
        return people

    def _capabilities(self, count: int) -> list[Capability]:
        caps = []
        rng = self.rng
        for i in range(count):
            ident, name, kind = CAPABILITY_NAMES[i]
            serves = sorted({self.choices[i % len(self.choices)], rng.choice(self.choices)})
            steps = []
            due = self.start + dt.timedelta(days=rng.randint(60, 200))
            end = self.today + dt.timedelta(days=240)
            number = 0
            # Plan steps up to eight months ahead, and always at least one still to come.
            while due < end or steps[-1][1] <= self.today:
                number += 1
                # Old steps got done (some late); of this year's, a few are overdue.
                done = None
                age = (self.today - due).days
                if age > 365 or (age > 30 and rng.random() < 0.85):
                    done = due + dt.timedelta(days=rng.randint(-20, 25))
                elif age > 0 and rng.random() < 0.5:
                    done = min(self.today, due + dt.timedelta(days=rng.randint(0, 10)))
                steps.append((f"Step {number} of the {name.lower()} plan", due, done))
                due += dt.timedelta(days=rng.randint(120, 300))
            caps.append(
                Capability(
                    ident,
                    name,
                    kind,
                    serves,
                    self.team[i % min(len(self.team), 8)],
                    level=rng.randint(2, 4),
                    target=5 if i % 3 == 0 else 4,
                    steps=steps,
                )
            )
        # Every strategic choice is served by some capability (`check` warns otherwise).
        for j, choice in enumerate(self.choices):
            if not any(choice in cap.serves for cap in caps):
                cap = caps[j % len(caps)]
                cap.serves = sorted({*cap.serves, choice})
        return caps

    def _indicators(self, count: int) -> list[Indicator]:
        rng = self.rng
        owners = self.team[: max(1, min(len(self.team), 10))]
        found = []
        for i in range(count):
            kind = KINDS[i % len(KINDS)]
            site = SITES[(i // len(KINDS)) % len(SITES)]
            ident = f"{site}-{kind.key}"
            if i >= len(KINDS) * len(SITES):
                ident += f"-{i // (len(KINDS) * len(SITES)) + 1}"
            indicator = Indicator(
                id=ident,
                name=f"{site.title()} {kind.name}",
                kind=kind,
                owner=owners[i % len(owners)],
                serves=self.capabilities[i % len(self.capabilities)].id,
                agreed_on=self.start - dt.timedelta(days=rng.randint(3, 40)),
            )
            # A change of target every few years: tightened after a good run, relaxed
            # after a reorganization; never past what the unit allows.
            tighter = True
            for year in range(1, self.years + 1):
                if rng.random() < 0.3:
                    since = self.start + dt.timedelta(days=365 * year - rng.randint(0, 300))
                    if since >= self.today:
                        continue
                    indicator.changes.append(self._change(kind, since, tighter, indicator))
                    tighter = not tighter
            found.append(indicator)
        return found

    def _change(self, kind: Kind, since: dt.date, tighter: bool, indicator: Indicator) -> Change:
        before = indicator.thresholds(Week.of(since))
        step = abs(kind.celebrate - kind.target) * 0.25
        sign = 1 if kind.direction == "higher" else -1
        shift = sign * step * (1 if tighter else -1)
        values = [round(v + shift, kind.decimals or 1) for v in before]
        if kind.ceiling is not None and max(values) > kind.ceiling:
            values = list(before)
        if kind.direction == "lower" and min(values) < 0:
            values = list(before)
        note = (
            "Raised after two good quarters; agreed in the one-on-one."
            if tighter
            else "Relaxed while the new line ramps up; back to review in a year."
        )
        return Change(since, values[0], values[1], values[2], note)

    # ---- readings ---------------------------------------------------------------------------

    def _reading(self, indicator: Indicator, week: Week) -> float:
        rng = self.rng
        kind = indicator.kind
        target, celebrate, course_correct = indicator.thresholds(week)
        if indicator.slump_left == 0 and rng.random() < 1 / 70:
            indicator.slump_length = indicator.slump_left = rng.randint(4, 9)
            indicator.slump_depth = rng.uniform(0.8, 1.6)
        slump = 0.0
        if indicator.slump_left:
            # a slide over two weeks, a few bad weeks, a recovery over three
            elapsed = indicator.slump_length - indicator.slump_left + 1
            slump = indicator.slump_depth * min(1.0, elapsed / 2, indicator.slump_left / 3)
            indicator.slump_left -= 1
        indicator.wander = 0.75 * indicator.wander + rng.gauss(0, 0.6)
        mean = target + 0.35 * (celebrate - target)
        bad = course_correct - target  # signed: the way things get worse
        value = mean + indicator.wander * kind.spread + slump * bad * 1.1
        if kind.ceiling is not None:
            value = min(value, kind.ceiling)
        return max(0.0, round(value, kind.decimals))

    # ---- files ----------------------------------------------------------------------------

    def generate(self) -> Writer:
        self._leadwork_toml()
        self._team_toml()
        self._strategy_toml()
        self._capabilities_toml()
        self._indicators_toml()
        self._checkins()
        self._one_on_ones()
        self._capability_reviews()
        return self.out

    def _leadwork_toml(self) -> None:
        self.out.add(
            "leadwork.toml",
            [
                f"# {self.leader}'s leadership journal: {self.years} years of weekly check-ins.",
                f"# Made by benchmarks/make_journal.py (seed {self.seed}) to measure leadwork",
                "# on a long history; it reads like a real one, but nobody here exists.",
                "",
                f"leader = {toml_string(self.leader)}",
                'title = "VP of Operations"',
                'organization = "Northfield Components"',
                "",
                "[settings]",
                "# One day in five on someone else's job is the line my coach drew.",
                "time_warning_percent = 20",
                "trend_weeks = 3",
                "story_gap_weeks = 6",
                "customer_gap_weeks = 4",
                "# Twice a year, January and July, unless the conversations say sooner.",
                "review_every_weeks = 26",
            ],
        )

    def _team_toml(self) -> None:
        lines = [
            "# The people I work with. Direct reports first; skip-levels and peers after,",
            "# at a slower cadence or none.",
        ]
        for i, person in enumerate(self.team):
            lines += ["", "[[people]]", f"id = {toml_string(person.id)}"]
            lines.append(f"name = {toml_string(person.name)}")
            lines.append(f"role = {toml_string(person.role)}")
            if person.cadence is not None:
                if i % 5 == 1:
                    lines.append("# Weekly while the new plant ramps up; revisit in January.")
                lines.append(f"cadence_days = {person.cadence}")
            if person.note:
                lines.append(f"note = {toml_string(person.note)}")
        self.out.add("team.toml", lines)

    def _strategy_toml(self) -> None:
        reviews = self._strategy_reviews()
        everyone = [p.id for p in self.team[:6]] + ["Shift supervisors at every plant"]
        lines = [
            "# What we are for, and the choices we made about how to win.",
            "# Drafted at an offsite with my staff, tested with supervisors before it was agreed.",
            "",
            'purpose = "We make the precise parts that keep farms running and patients moving."',
            f"co_created_with = [{', '.join(toml_string(x) for x in everyone)}]",
            f"co_created_on = {self.start - dt.timedelta(days=30)}",
        ]
        if reviews:
            lines += ["# The latest review is in reviews/.", f"reviewed_on = {reviews[-1]}"]
        for ident, statement in CHOICES:
            lines += ["", "[[choices]]", f"id = {toml_string(ident)}"]
            lines.append(f"statement = {toml_string(statement)}")
        self.out.add("strategy.toml", lines)

    def _capabilities_toml(self) -> None:
        lines = [
            "# What the organization has to be able to do for the choices to be more than words.",
            "# Levels: 1 absent, 2 emerging, 3 working, 4 strong, 5 distinctive.",
        ]
        for cap in self.capabilities:
            lines += ["", "[[capabilities]]", f"id = {toml_string(cap.id)}"]
            lines.append(f"name = {toml_string(cap.name)}")
            lines.append(f"kind = {toml_string(cap.kind)}")
            lines.append(f"serves = [{', '.join(toml_string(c) for c in cap.serves)}]")
            lines.append(f"owner = {toml_string(cap.owner.id)}")
            lines.append(f"level = {cap.level}")
            lines.append(f"target = {cap.target}")
            for number, (what, due, done) in enumerate(cap.steps, start=1):
                lines.append("")
                if number % 4 == 1 and number > 1:
                    lines.append(f"# Added at the {due.year} capability review.")
                lines += ["[[capabilities.steps]]", f"what = {toml_string(what)}", f"due = {due}"]
                if done is not None:
                    lines.append(f"done = {done}")
        self.out.add("capabilities.toml", lines)

    def _indicators_toml(self) -> None:
        lines = [
            "# Leading indicators, one owner each, agreed face to face. A red week is a",
            "# conversation, not a verdict; two red weeks need a plan.",
        ]
        for ind in self.indicators:
            kind = ind.kind
            lines += ["", "[[indicators]]", f"id = {toml_string(ind.id)}"]
            lines.append(f"name = {toml_string(ind.name)}")
            lines.append(f"owner = {toml_string(ind.owner.id)}")
            lines.append(f"agreed_with = [{toml_string(ind.owner.id)}]")
            lines.append(f"agreed_on = {ind.agreed_on}")
            lines.append(f"serves = [{toml_string(ind.serves)}]")
            if kind.unit:
                lines.append(f"unit = {toml_string(kind.unit)}")
            lines.append(f"direction = {toml_string(kind.direction)}")
            if kind.key in ("otd", "scrap"):
                lines.append("# The customer's scorecard lines, so we are judged as they judge us.")
            lines.append(f"target = {fmt(kind.target, 2)}")
            lines.append(f"celebrate = {fmt(kind.celebrate, 2)}")
            lines.append(f"course_correct = {fmt(kind.course_correct, 2)}")
            for change in ind.changes:
                lines += ["", f"# {change.note}", "[[indicators.changes]]"]
                lines.append(f"since = {change.since}")
                lines.append(f"target = {fmt(change.target, 2)}")
                lines.append(f"celebrate = {fmt(change.celebrate, 2)}")
                lines.append(f"course_correct = {fmt(change.course_correct, 2)}")
                lines.append(f"agreed_with = [{toml_string(ind.owner.id)}]")
        self.out.add("indicators.toml", lines)

    # ---- the weekly check-ins -----------------------------------------------------------------

    def _text(self, template: str, week: Week) -> str:
        rng = self.rng
        return template.format(
            site=rng.choice(SITES).title(),
            name=rng.choice(self.team).name.split()[0],
            customer=rng.choice(CUSTOMERS),
            indicator=rng.choice(self.indicators).name,
            week=week,
        )

    def _checkins(self) -> None:
        rng = self.rng
        open_commitments: list[tuple[str, int]] = []
        confidence = [3, 3, 3]
        for index in range(52 * self.years):
            week = self.first_week + index
            if week.monday.month == 12 and week.monday.day >= 25 and week != self.last_week:
                self.readings[week] = {i.id: self._reading(i, week) for i in self.indicators}
                continue  # the week between Christmas and New Year: no check-in
            readings = {i.id: self._reading(i, week) for i in self.indicators}
            self.readings[week] = readings
            red = sum(
                status(readings[i.id], i.kind.direction, i.thresholds(week)) == "course-correct"
                for i in self.indicators
            )
            sunday = week.sunday
            lines = [
                f"# Check-in for {week} ({week.monday:%d %b} to {sunday:%d %b %Y})",
                f'week = "{week}"',
                "",
                "[readings]",
            ]
            if rng.random() < 0.1:
                lines.append("# From the Monday plant reports; Toledo's came in on Tuesday.")
            for ind in self.indicators:
                lines.append(f"{ind.id} = {fmt(readings[ind.id], ind.kind.decimals)}")

            # Red weeks pull the leader into someone else's job.
            elses = max(0, round(rng.gauss(4 + 3 * red, 2)))
            lines += [
                "",
                "[hours]",
                f"alignment = {max(0, round(rng.gauss(8, 2)))}",
                f"capability = {max(0, round(rng.gauss(6, 2)))}",
                f"accountability = {max(0, round(rng.gauss(11, 3)))}",
                f"someone_elses_job = {min(elses, 40)}",
                f"other = {max(0, round(rng.gauss(14, 3)))}",
            ]
            confidence = [min(5, max(1, c + rng.choice((-1, 0, 0, 0, 1)))) for c in confidence]
            lines += ["", "[confidence]"]
            lines += [
                f"{a} = {c}"
                for a, c in zip(
                    ("alignment", "capability", "accountability"), confidence, strict=True
                )
            ]
            lines += [
                "",
                "[reflection]",
                f"confident = {toml_string(rng.choice(CONFIDENT))}",
                f"challenge = {toml_string(rng.choice(CHALLENGE))}",
            ]
            if rng.random() < 0.3:
                note = f"{red} indicators in course-correct this week." if red else "A calm week."
                lines.append(f"note = {toml_string(note)}")

            carried = []
            for text, times in open_commitments:
                outcome = rng.choices(("done", "carried", "dropped"), (65, 25, 10))[0]
                if times >= 3 and outcome == "carried":
                    outcome = "done" if rng.random() < 0.6 else "dropped"
                lines += ["", "[[last_week]]", f"text = {toml_string(text)}"]
                lines.append(f'outcome = "{outcome}"')
                if outcome == "carried":
                    carried.append((text, times + 1))
            new = [(self._text(rng.choice(ACTIONS), week), 0) for _ in range(rng.randint(1, 3))]
            open_commitments = carried + new
            for text, times in open_commitments:
                lines += ["", "[[commitments]]", f"text = {toml_string(text)}"]
                if times:
                    lines.append(f"carried = {times}")

            for _ in range(rng.choices((0, 1, 2), (35, 45, 20))[0]):
                who = rng.choice(self.team)
                lines += ["", "[[stories]]"]
                deed = rng.choice(GOOD_DEEDS)
                story = f"{who.name.split()[0]} {deed} {rng.choice(PLACES)}."
                lines.append(f"text = {toml_string(story)}")
                lines.append(f"who = {toml_string(who.id)}")
                choice = rng.choice([*self.choices, "purpose"])
                lines.append(f"choice = {toml_string(choice)}")

            for _ in range(rng.choices((0, 1, 2), (40, 45, 15))[0]):
                kind = rng.choices(
                    ("customer", "supplier", "partner", "analyst", "employee"), (50, 20, 8, 7, 15)
                )[0]
                who = {
                    "customer": CUSTOMERS,
                    "supplier": SUPPLIERS,
                    "partner": PARTNERS,
                    "analyst": ANALYSTS,
                    "employee": ("a second-shift operator", "the Dayton supervisors"),
                }[kind]
                lines += ["", "[[conversations]]", f'with = "{kind}"']
                lines.append(f"who = {toml_string(rng.choice(who))}")
                lines.append(f"text = {toml_string('They ' + rng.choice(HEARD) + '.')}")
                if rng.random() < 0.04:
                    lines.append("# This one matters for the next strategy review.")
                    lines.append("refresh = true")
            self.out.add(f"checkins/{week}.toml", lines)

    # ---- one-on-ones ----------------------------------------------------------------------

    def _latest_readings(self, day: dt.date) -> tuple[Week, dict[str, float]]:
        week = Week.of(day).minus(1)
        return week, self.readings.get(week, {})

    def _one_on_ones(self) -> None:
        rng = self.rng
        owned: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            owned.setdefault(ind.owner.id, []).append(ind)
        for person in self.team:
            if person.cadence is None:
                continue
            day = weekday_on_or_after(
                self.start + dt.timedelta(days=rng.randint(0, person.cadence))
            )
            previous: list[tuple[str, str]] = []
            while day <= self.today:
                if rng.random() < 0.07:  # cancelled: travel, holidays, a fire to put out
                    day = weekday_on_or_after(day + dt.timedelta(days=person.cadence))
                    continue
                previous = self._one_on_one(person, day, owned.get(person.id, []), previous)
                late = rng.choices((0, 1, 2, 3, 6), (50, 20, 15, 10, 5))[0]
                day = weekday_on_or_after(day + dt.timedelta(days=person.cadence + late))

    def _one_on_one(
        self,
        person: Person,
        day: dt.date,
        indicators: list[Indicator],
        previous: list[tuple[str, str]],
    ) -> list[tuple[str, str]]:
        rng = self.rng
        week, readings = self._latest_readings(day)
        lines = [
            f"# One-on-one with {person.name}, {day:%A %d %B %Y}.",
            f"person = {toml_string(person.id)}",
            f"date = {day}",
            f"progress = {toml_string(self._text(rng.choice(PROGRESS), week))}",
        ]
        if rng.random() < 0.3:
            lines.append(f"celebrate = {toml_string(rng.choice(GOOD_DEEDS).capitalize() + '.')}")
        for ind in indicators:
            if ind.id not in readings:
                continue
            judged = status(readings[ind.id], ind.kind.direction, ind.thresholds(week))
            if judged not in ("at-risk", "course-correct"):
                continue
            lines += ["", "[[plans]]", f"indicator = {toml_string(ind.id)}", f'status = "{judged}"']
            if rng.random() < 0.85:
                lines.append(f"plan = {toml_string(rng.choice(PLANS))}")
            else:
                lines.append("# No plan yet: they asked for a week to look at the data.")
        for by, text in previous:
            lines += ["", "[[last_time]]", f'by = "{by}"', f"text = {toml_string(text)}"]
            lines.append(
                f'outcome = "{rng.choices(("done", "carried", "dropped"), (70, 20, 10))[0]}"'
            )
        made = []
        for _ in range(rng.randint(1, 3)):
            by = rng.choice(("me", "them"))
            text = self._text(rng.choice(ACTIONS), week)
            made.append((by, text))
            lines += ["", "[[commitments]]", f'by = "{by}"', f"text = {toml_string(text)}"]
            lines.append(f"due = {day + dt.timedelta(days=rng.randint(5, 14))}")
        self.out.add(f"one-on-ones/{day}-{person.id}.toml", lines)
        return made

    # ---- reviews --------------------------------------------------------------------------

    def _strategy_reviews(self) -> list[dt.date]:
        """Twice a year, in January and July; written to reviews/ and named in strategy.toml."""
        rng = self.rng
        days = []
        for year in range(self.start.year, self.today.year + 1):
            for month in (1, 7):
                day = weekday_on_or_after(dt.date(year, month, rng.randint(10, 24)))
                if not self.start <= day <= self.today:
                    continue
                days.append(day)
                names = [self.leader] + [p.name for p in self.team[:5]]
                signals = [f"{rng.choice(CUSTOMERS)} {rng.choice(HEARD)}." for _ in range(3)]
                lines = [
                    "# Strategy review, half a day, with my staff.",
                    'kind = "strategy"',
                    f"date = {day}",
                    f"participants = [{', '.join(toml_string(n) for n in names)}]",
                    "signals = [",
                    *(f"  {toml_string(s)}," for s in signals[: rng.randint(0, 3)]),
                    "]",
                    f"changes = {toml_string(rng.choice(REVIEW_OUTCOMES))}",
                ]
                self.out.add(f"reviews/{day}-strategy.toml", lines)
        return days

    def _capability_reviews(self) -> None:
        rng = self.rng
        for number, cap in enumerate(self.capabilities):
            for year in range(self.start.year, self.today.year + 1):
                day = weekday_on_or_after(dt.date(year, 3 + number % 8, rng.randint(1, 25)))
                if not self.start <= day <= self.today:
                    continue
                done = [n for n, (_, _, d) in enumerate(cap.steps, 1) if d is not None and d <= day]
                lines = [
                    f"# Capability review of {cap.name.lower()}.",
                    'kind = "capability"',
                    f"date = {day}",
                    f"capability = {toml_string(cap.id)}",
                    f"level = {max(1, cap.level - (self.today.year - year) // 3)}",
                    f"reason = {toml_string('The plan moved; the floor has not caught up yet.')}",
                    f"steps_done = [{', '.join(str(n) for n in done[-3:])}]",
                ]
                for side, who in (("inside", cap.owner.name), ("outside", rng.choice(CUSTOMERS))):
                    lines += ["", "[[feedback]]", f"who = {toml_string(who)}", f'side = "{side}"']
                    lines.append(f"text = {toml_string('They ' + rng.choice(HEARD) + '.')}")
                self.out.add(f"reviews/{day}-capability-{cap.id}.toml", lines)


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, metavar="OUT", help="folder to write (new or empty)")
    parser.add_argument("--years", type=positive, default=1, help="years of weekly check-ins")
    parser.add_argument("--people", type=positive, default=20, help="people in team.toml")
    parser.add_argument("--indicators", type=positive, default=40, help="leading indicators")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same journal")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=DEFAULT_TODAY,
        help=f"the journal's last day (default {DEFAULT_TODAY}, the tests' today)",
    )
    args = parser.parse_args(argv)
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        parser.error(f"{args.out} exists and is not an empty folder")
    writer = Generator(args.years, args.people, args.indicators, args.seed, args.today).generate()
    writer.write(args.out)
    checkins = sum(rel.startswith("checkins/") for rel in writer.files)
    meetings = sum(rel.startswith("one-on-ones/") for rel in writer.files)
    size = sum(len(text.encode()) for text in writer.files.values())
    print(
        f"wrote {args.out}: {len(writer.files)} files, {size / 1e6:.1f} MB "
        f"({checkins} check-ins, {meetings} one-on-ones)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
