"""`leadwork checkin`: the weekly check-in, asked at a terminal or given as flags."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from leadwork.cli import complete_values, prompts
from leadwork.cli.echo import echo
from leadwork.cli.git import commit_option
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from leadwork.domain.checkin import Answers
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator
    from leadwork.store.journal import Journal
    from leadwork.store.together import Together
    from leadwork.weeks import Week


class SummaryFormat(StrEnum):
    text = "text"
    json = "json"


CHECKIN_FLAGS = (
    "--reading, --hours, --confidence, --done, --story, --conversation, --commitment, "
    "--confident, --challenge... (see `leadwork checkin --help`), or --no-input"
)
CheckinCommit = Annotated[bool, commit_option("checkin YYYY-Www")]
WEEK_HELP = "The ISO week, like 2026-W48. Default: this week. A week not yet begun is refused."


def checkin(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week", "-w", metavar="YYYY-Www", help=WEEK_HELP, autocompletion=complete_values.weeks
        ),
    ] = None,
    reading: Annotated[
        list[str] | None,
        typer.Option(
            "--reading",
            "-r",
            metavar="INDICATOR=VALUE",
            help="This week's value of an indicator, e.g. -r dayton-scrap=3.1. Repeatable.",
            autocompletion=complete_values.readings,
            show_default=False,
        ),
    ] = None,
    hours: Annotated[
        list[str] | None,
        typer.Option(
            "--hours",
            metavar="AREA=H",
            help="Time audit: hours this week in alignment, capability, accountability, "
            "someone-elses-job (work your people own) or other. Repeatable.",
            show_default=False,
        ),
    ] = None,
    confidence: Annotated[
        list[str] | None,
        typer.Option(
            "--confidence",
            metavar="AREA=N",
            help="Confidence 1-5 in alignment, capability or accountability. Repeatable.",
            show_default=False,
        ),
    ] = None,
    done: Annotated[
        list[str] | None,
        typer.Option(
            "--done",
            metavar="N|TEXT",
            help="One of last week's commitments was done: its number (as the interview "
            "lists them) or the start of its text. Repeatable.",
            show_default=False,
        ),
    ] = None,
    carried: Annotated[
        list[str] | None,
        typer.Option(
            "--carried",
            metavar="N|TEXT",
            help="One of last week's commitments is carried over into this week's "
            "commitments, its carried count one higher. Repeatable.",
            show_default=False,
        ),
    ] = None,
    dropped: Annotated[
        list[str] | None,
        typer.Option(
            "--dropped",
            metavar="N|TEXT",
            help="One of last week's commitments was dropped. Repeatable.",
            show_default=False,
        ),
    ] = None,
    commitment: Annotated[
        list[str] | None,
        typer.Option(
            "--commitment",
            "-c",
            metavar="TEXT",
            help="A commitment for next week. Repeatable.",
            show_default=False,
        ),
    ] = None,
    story: Annotated[
        list[str] | None,
        typer.Option(
            "--story",
            metavar="TEXT",
            help="A story of someone living the purpose or a strategic choice. Repeatable; "
            "for several stories about different people, use `leadwork story`.",
            show_default=False,
        ),
    ] = None,
    story_who: Annotated[
        str | None,
        typer.Option(
            "--story-who",
            metavar="PERSON",
            help="Who the --story is about.",
            autocompletion=complete_values.people,
        ),
    ] = None,
    story_choice: Annotated[
        str | None,
        typer.Option(
            "--story-choice",
            metavar="CHOICE",
            help="The strategic choice the --story lived, or 'purpose'.",
            autocompletion=complete_values.choices,
        ),
    ] = None,
    conversation: Annotated[
        list[str] | None,
        typer.Option(
            "--conversation",
            metavar="TEXT",
            help="What you heard in a stakeholder conversation (needs --conversation-with). "
            "Repeatable.",
            show_default=False,
        ),
    ] = None,
    conversation_with: Annotated[
        str | None,
        typer.Option(
            "--conversation-with",
            metavar="KIND",
            help="Who the --conversation was with: a kind from leadwork.toml "
            "(by default customer, supplier, partner, analyst, employee or other).",
            autocompletion=complete_values.kinds,
        ),
    ] = None,
    conversation_who: Annotated[
        str | None,
        typer.Option(
            "--conversation-who", metavar="NAME", help="Name or organization you talked with."
        ),
    ] = None,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh", help="The --conversation signals that the strategy needs a refresh."
        ),
    ] = False,
    step_done: Annotated[
        list[str] | None,
        typer.Option(
            "--step-done",
            metavar="CAPABILITY:N[@YYYY-MM-DD]",
            help="A capability plan step completed this week, e.g. quality-at-scale:3 (N as "
            "its plan numbers it); marked done in capabilities.toml on the day after @ "
            "(quality-at-scale:3@2026-12-01; not after today), else today (a past week: its "
            "Sunday). Repeatable.",
            autocompletion=complete_values.steps,
            show_default=False,
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan",
            metavar="INDICATOR=PLAN",
            help='Your plan to get back on track for an indicator you own (owner = "me"); '
            "the plans of the people you lead go in their one-on-ones. Repeatable.",
            autocompletion=complete_values.readings,
            show_default=False,
        ),
    ] = None,
    confident: Annotated[
        str | None,
        typer.Option("--confident", metavar="TEXT", help="Where you felt most confident."),
    ] = None,
    challenge: Annotated[
        str | None,
        typer.Option("--challenge", metavar="TEXT", help="Your biggest challenge."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="Anything else about the week.")
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Never ask; record only what the flags say (the same when stdin is not "
            "a terminal and flags are given).",
        ),
    ] = False,
    commit: CheckinCommit = False,
    format: Annotated[
        SummaryFormat,
        typer.Option(
            "--format", "-f", help="The summary as text, or json for scripts (never asks)."
        ),
    ] = SummaryFormat.text,
) -> None:
    """The weekly check-in: last week's commitments, indicator readings, the time audit,
    confidence, stories, stakeholder conversations, next week's commitments, a reflection.

    At a terminal it asks, step by step (Enter skips; flags given answer their questions
    first). Ctrl-C keeps the answers given as a draft, and the next run offers to resume
    it. With --no-input, or when stdin is not a terminal, it records the flags only; with
    no terminal and no flags it refuses (exit 2), for there is nothing to record.
    Writes checkins/YYYY-Www.toml; a week that has a file is amended, keeping your edits
    and comments, and the summary shows what changed.
    """
    from leadwork import layout
    from leadwork.domain.checkin import merge, resolve_week
    from leadwork.store.checkins import previous_checkin, save_week

    the_week = resolve_week(week, today())
    journal = session(ctx).journal()
    indicators = journal.indicators().indicators
    earlier = previous_checkin(journal, the_week)
    previous = earlier[1] if earlier else None
    flags = Flags(
        reading or [],
        hours or [],
        confidence or [],
        {"done": done or [], "carried": carried or [], "dropped": dropped or []},
        commitment or [],
        story or [],
        story_who,
        story_choice,
        conversation or [],
        conversation_with,
        conversation_who,
        refresh,
        {"confident": confident, "challenge": challenge, "note": note},
        step_done or [],
        plans=plan or [],
    )
    answers, preanswered = flags.answers(journal, the_week, indicators, previous)
    notes: list[str] = []
    interactive = prompts.may_ask(
        no_input=no_input or format is not SummaryFormat.text,  # json: for scripts, never asks
        answered=answers.count() > 0 or bool(preanswered),
        what="checkin",
        flags=CHECKIN_FLAGS,
    )
    if interactive:
        answers = _interview(journal, the_week, indicators, earlier, answers, preanswered)
    else:
        notes += _draft_note(journal, the_week)
        if not no_input and format is SummaryFormat.text:
            # Answers piped in are not read as answers: say so, or a person who piped
            # them believes they were recorded.
            notes.append(
                "stdin is not a terminal, so nothing was asked: only the flags given were "
                "recorded (see `leadwork checkin --help`)."
            )

    def build(current: Checkin | None) -> Any:
        return merge(the_week, current, previous, answers)

    marks = _steps_to_mark(journal, the_week, answers, notes)
    saved = save_week(journal, the_week, build, marks)
    marked = [layout.CAPABILITIES] if marks else []
    if interactive:
        from leadwork.store.checkins import delete_draft

        delete_draft(journal, the_week)
    _finish(journal, the_week, saved, indicators, notes, commit, format, interactive, marked)


@dataclass
class Flags:
    """The check-in's data flags, checked and turned into answers before anything is asked
    or written: a bad flag stops the run with nothing changed."""

    readings: list[str]
    hours: list[str]
    confidence: list[str]
    follow_ups: dict[str, list[str]]
    commitments: list[str]
    stories: list[str]
    story_who: str | None
    story_choice: str | None
    conversations: list[str]
    conversation_with: str | None
    conversation_who: str | None
    refresh: bool
    reflection: dict[str, str | None]
    steps_done: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def _once(self, key: str, flag: str, name: str) -> None:
        """A value given twice would silently lose one of them: refuse it instead."""
        if key in self.keys:
            raise UsageProblem(f"{flag} {name} is given twice", hint=f"give one {flag} for {name}")
        self.keys.add(key)

    def answers(
        self,
        journal: Journal,
        week: Week,
        indicators: list[Indicator],
        previous: Checkin | None,
    ) -> tuple[Answers, set[str]]:
        from leadwork.domain import checkin as rules

        answers = rules.Answers()
        for item in self.readings:
            ident, value = _pair("--reading", item, "ID=VALUE", "dayton-scrap=3.1")
            indicator = rules.resolve_reading(ident, indicators, week)
            answers.readings[indicator.id] = _checked(
                "--reading",
                item,
                lambda text, unit=indicator.unit: rules.parse_reading(text, unit),
                value,
            )
            self._once(f"reading:{indicator.id}", "--reading", indicator.id)
        for item in self.hours:
            area_name, value = _pair("--hours", item, "AREA=H", "alignment=8")
            area = _checked("--hours", item, rules.hours_area, area_name)
            number = _checked("--hours", item, rules.parse_number, value)
            _checked("--hours", item, lambda n, a=area: rules.check_hours(n, a), number)
            answers.hours[area] = number
            self._once(f"hours:{area}", "--hours", area.replace("_", "-"))
        for item in self.confidence:
            area_name, value = _pair("--confidence", item, "AREA=N", "alignment=4")
            area = _checked("--confidence", item, rules.confidence_area, area_name)
            answers.confidence[area] = _checked(
                "--confidence", item, lambda t, a=area: rules.parse_confidence(t, a), value
            )
            self._once(f"confidence:{area}", "--confidence", area)
        texts = rules.previous_commitments(previous)
        for outcome, refs in self.follow_ups.items():
            for ref in refs:
                text = rules.resolve_commitment(ref, texts)
                if answers.follow_ups.get(text, outcome) != outcome:
                    raise UsageProblem(
                        f"'{rules.short(text)}' is given two outcomes: "
                        f"{answers.follow_ups[text]} and {outcome}"
                    )
                answers.follow_ups[text] = outcome
                self.keys.add(f"follow-up:{text}")
        for text in self.commitments:
            answers.commitments.append(_checked("--commitment", text, rules.check_text, text))
        for item in self.plans:
            ident, text = _pair("--plan", item, "ID=PLAN", "attrition=Stay interviews monthly")
            indicator = rules.resolve_reading(ident, indicators, week)
            answers.plans[indicator.id] = _checked("--plan", item, rules.check_text, text)
            self._once(f"plan:{indicator.id}", "--plan", indicator.id)
        self._stories(answers, journal)
        self._conversations(
            answers, journal.config().settings.conversation_kinds, _team_names(journal)
        )
        self._steps_done(answers, journal)
        for key, reflected in self.reflection.items():
            if reflected is not None:
                answers.reflection[key] = _checked(
                    f"--{key}", reflected, rules.check_text, reflected
                )
                self.keys.add(f"reflection:{key}")
        return answers, self.keys

    def _stories(self, answers: Answers, journal: Journal) -> None:
        from leadwork.domain import checkin as rules

        team = _team_names(journal)

        if not self.stories and (self.story_who or self.story_choice):
            raise UsageProblem("--story-who and --story-choice describe a --story; give one")
        choice = None
        if self.story_choice:
            choices = [c.id for c in journal.strategy().choices]
            choice = rules.resolve_choice(self.story_choice, choices)
        for text in self.stories:
            story = {"text": _checked("--story", text, rules.check_text, text)}
            if self.story_who:
                who = self.story_who
                story["who"] = _checked(
                    "--story-who", who, lambda name: rules.person_or_name(name, team), who
                )
            if choice:
                story["choice"] = choice
            answers.stories.append(story)

    def _conversations(
        self, answers: Answers, kinds: Sequence[str], team: Mapping[str, str]
    ) -> None:
        from leadwork.domain import checkin as rules

        described = self.conversation_with or self.conversation_who or self.refresh
        if not self.conversations:
            if described:
                raise UsageProblem(
                    "--conversation-with, --conversation-who and --refresh describe a "
                    "--conversation; give one"
                )
            return
        if not self.conversation_with:
            raise UsageProblem(
                "--conversation needs --conversation-with KIND",
                hint=f"the kinds are {', '.join(kinds)}",
            )
        kind = _checked(
            "--conversation-with",
            self.conversation_with,
            lambda name: rules.conversation_kind(name, kinds),
            self.conversation_with,
        )
        for text in self.conversations:
            entry: dict[str, Any] = {"with": kind}
            if self.conversation_who:
                entry["who"] = _checked(
                    "--conversation-who",
                    self.conversation_who,
                    lambda name: rules.person_or_name(name, team),
                    self.conversation_who,
                )
            entry["text"] = _checked("--conversation", text, rules.check_text, text)
            if self.refresh:
                entry["refresh"] = True
            answers.conversations.append(entry)

    def _steps_done(self, answers: Answers, journal: Journal) -> None:
        if not self.steps_done:
            return
        from leadwork.domain.review import done_on, open_steps, step_flag, step_ref

        capabilities = journal.capabilities()
        steps = open_steps(capabilities, today())
        for item in self.steps_done:
            which, at, day = item.partition("@")
            on = _checked("--step-done", item, lambda d: done_on(d, today()), day) if at else None
            step = step_flag(which, steps, capabilities)
            if not any(step_ref(step).items() <= r.items() for r in answers.steps_done):
                answers.steps_done.append(step_ref(step, on))
        self.keys.add("steps:done")


def _steps_to_mark(
    journal: Journal, week: Week, answers: Answers, notes: list[str]
) -> Callable[[Together], None] | None:
    """Marking the capability steps completed this week done in capabilities.toml (on the
    day given, else the week's last day, or today if that is earlier), written together
    with the check-in; None if there are none."""
    if not answers.steps_done:
        return None
    from leadwork.domain.review import find_steps, open_steps
    from leadwork.render.review import steps_marked_note
    from leadwork.store.reviews import mark_steps_done

    day = min(today(), week.sunday)
    found, gone = find_steps(answers.steps_done, open_steps(journal.capabilities(), day), day)
    notes += steps_marked_note(found, gone)
    if not found:
        return None
    return lambda together: mark_steps_done(together, found)


def _pair(flag: str, item: str, shape: str, example: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise UsageProblem(
            f"{flag} '{item}' is not {shape}", hint=f"write it like {flag} {example}"
        )
    return name.strip(), value.strip()


def _team_names(journal: Journal) -> dict[str, str]:
    """Team id -> name: what `--story-who` and `--conversation-who` are checked against."""
    return {p.id: p.name for p in journal.team().people}


def _checked(flag: str, item: str, check: Any, value: Any) -> Any:
    """`check(value)`, its ValueError turned into a usage problem naming the flag."""
    try:
        result = check(value)
    except ValueError as error:
        raise UsageProblem(f"{flag} '{item}': {error}") from None
    return value if result is None else result


# ---- at a terminal ------------------------------------------------------------------------


def _interview(
    journal: Journal,
    week: Week,
    indicators: list[Indicator],
    earlier: tuple[Week, Checkin] | None,
    flagged: Answers,
    preanswered: set[str],
) -> Answers:
    """Ask, saving every answer to the week's draft; resume a draft if the person wants."""
    from leadwork.cli.interview import Context, Interview
    from leadwork.cli.prompts import Prompter
    from leadwork.domain.checkin import reading_questions
    from leadwork.render import checkin as show
    from leadwork.store.checkins import (
        Draft,
        delete_draft,
        draft_rel,
        load_draft,
        save_draft,
    )
    from leadwork.weeks import Week

    this_week = Week.of(today())
    ask = Prompter()
    rel = journal.checkin_rel(week)
    current = journal.checkin(week)
    previous_week, previous = earlier if earlier else (None, None)
    first_week = not any(w < week for w in journal.checkin_weeks())
    ask.say(show.intro(week, rel, current is not None, first_week))

    answers, answered = flagged, []
    try:
        draft = load_draft(journal, week)
    except ValueError as error:
        draft = None
        ask.say(show.draft_unreadable(draft_rel(week), str(error)))
    if draft is not None:
        if ask.confirm(show.resume_question(draft), default=True):
            answers, answered = _overlay(draft.answers, flagged), list(draft.answered)
        else:
            delete_draft(journal, week)
            ask.say(show.draft_discarded())

    history = journal.checkins([w for w in journal.checkin_weeks() if w < week][-13:])
    context = Context(
        week=week,
        current=current,
        previous=previous,
        previous_week=previous_week,
        readings=reading_questions(indicators, week, current, history),
        choices=[c.id for c in journal.strategy().choices],
        people=_team_names(journal),
        warning_percent=journal.config().settings.time_warning_percent,
        conversation_kinds=list(journal.config().settings.conversation_kinds),
        preanswered=preanswered,
        open_steps=_open_steps(journal),
    )

    def save(answered: list[str], answers: Answers) -> None:
        save_draft(journal, Draft(week, answered, answers))

    interview = Interview(ask, context, answers, answered, save)
    try:
        return interview.run()
    except KeyboardInterrupt:
        if interview.answered:
            command = "leadwork checkin" + (f" --week {week}" if week != this_week else "")
            ask.say(show.draft_kept(draft_rel(week), interview.answers.count(), command))
        raise


def _open_steps(journal: Journal) -> list[Any]:
    """The capability steps the interview offers; none when capabilities.toml is broken
    (`leadwork check` says why; the check-in itself goes on)."""
    from leadwork.domain.review import open_steps
    from leadwork.errors import InvalidFile

    try:
        return open_steps(journal.capabilities(), today())
    except InvalidFile:
        return []


def _overlay(draft: Answers, flagged: Answers) -> Answers:
    """The draft's answers, with what this run's flags say on top."""
    draft.follow_ups.update(flagged.follow_ups)
    draft.readings.update(flagged.readings)
    draft.hours.update(flagged.hours)
    draft.confidence.update(flagged.confidence)
    draft.reflection.update(flagged.reflection)
    draft.commitments += [c for c in flagged.commitments if c not in draft.commitments]
    draft.stories += [s for s in flagged.stories if s not in draft.stories]
    draft.conversations += [c for c in flagged.conversations if c not in draft.conversations]
    draft.steps_done += [s for s in flagged.steps_done if s not in draft.steps_done]
    return draft


def _draft_note(journal: Journal, week: Week) -> list[str]:
    from leadwork.store.checkins import draft_rel

    if journal.path(draft_rel(week)).is_file():
        return [
            f"An unfinished check-in for {week} is kept in {draft_rel(week)}; run "
            "`leadwork checkin` at a terminal to resume it."
        ]
    return []


# ---- after writing ------------------------------------------------------------------------


def _finish(
    journal: Journal,
    week: Week,
    saved: Any,
    indicators: list[Indicator],
    notes: list[str],
    commit: bool,
    format: SummaryFormat,
    interactive: bool,
    also_written: Sequence[str] = (),
) -> None:
    from rich.console import Group
    from rich.text import Text

    from leadwork.cli.options import show as print_for_people
    from leadwork.render import checkin as show

    git = None
    failure = None
    if commit:
        from leadwork.cli.git import commit_written
        from leadwork.errors import LeadworkError

        try:
            written = [*saved.written, *also_written]
            result = commit_written(journal, written, f"checkin {week}")
            git = show.GitNote(result.committed, result.message)
        except LeadworkError as error:
            failure = error
            git = show.GitNote(False, "Not committed: git refused (see below).")
    if format is SummaryFormat.json:
        echo(show.summary_json(saved, week, notes, git))
    else:
        # The interview stated the share of someone else's job after the hours; a scripted
        # run states it under what it recorded.
        warning = None if interactive else journal.config().settings.time_warning_percent
        summary = show.summary(saved, week, indicators, notes, git, warning)
        print_for_people(Group(Text(), summary) if interactive else summary)
    if failure is not None:
        raise failure
