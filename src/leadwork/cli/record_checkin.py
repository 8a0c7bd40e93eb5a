"""`leadwork checkin`'s work, without Typer: the words as Typer parsed them, recorded and shown.

`cli/checkin.py` is the command's one definition (Typer's options and help); it hands
what Typer made of the words here, as `CheckinWords`. Kept apart so that the same words
typed again run without importing Typer (`cli/replay.py`): a check-in is run every week
with the same few command lines, and Typer's parse of them costs about a third of a
`checkin --no-input` (docs/performance.md). Everything that depends on more than the
words (today, the week it resolves to, stdin, the journal) is read here, at every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from leadwork.cli.session import today

if TYPE_CHECKING:
    from leadwork.cli.session import Session
    from leadwork.domain.checkin import Answers
    from leadwork.errors import LeadworkError
    from leadwork.render.checkin import GitNote
    from leadwork.store.journal import Journal
    from leadwork.usecases.checkin import CheckinRequest, CheckinResult

CHECKIN_FLAGS = (
    "--reading, --hours, --confidence, --done, --story, --conversation, --commitment, "
    "--confident, --challenge... (see `leadwork checkin --help`), or --no-input"
)
PIPED = (
    "stdin is not a terminal, so nothing was asked: only the flags given were "
    "recorded (see `leadwork checkin --help`)."
)


@dataclass(frozen=True)
class CheckinWords:
    """What Typer made of `leadwork checkin`'s words: each option's value, as typed (the
    week unresolved: it is resolved from today at each run)."""

    week: str | None = None
    reading: tuple[str, ...] = ()
    hours: tuple[str, ...] = ()
    confidence: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    carried: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    commitment: tuple[str, ...] = ()
    story: tuple[str, ...] = ()
    story_who: str | None = None
    story_choice: str | None = None
    conversation: tuple[str, ...] = ()
    conversation_with: str | None = None
    conversation_who: str | None = None
    refresh: bool = False
    step_done: tuple[str, ...] = ()
    plan: tuple[str, ...] = ()
    confident: str | None = None
    challenge: str | None = None
    note: str | None = None
    no_input: bool = False
    commit: bool = False
    format: str = "text"  # text, or json for scripts (never asks)


def record(session: Session, words: CheckinWords) -> None:
    """The check-in the words describe: asked at a terminal, or the flags alone; written,
    shown, vouched for, and committed when --commit says so."""
    from leadwork.cli.messages import vouch
    from leadwork.cli.output import Asked, CheckinShown, emit
    from leadwork.cli.prompts import may_ask
    from leadwork.domain.checkin import resolve_week
    from leadwork.usecases import checkin as usecase

    request = usecase.CheckinRequest(
        week=resolve_week(words.week, today()),
        week_named=words.week is not None,
        reading=words.reading,
        hours=words.hours,
        confidence=words.confidence,
        done=words.done,
        carried=words.carried,
        dropped=words.dropped,
        commitment=words.commitment,
        story=words.story,
        story_who=words.story_who,
        story_choice=words.story_choice,
        conversation=words.conversation,
        conversation_with=words.conversation_with,
        conversation_who=words.conversation_who,
        refresh=words.refresh,
        step_done=words.step_done,
        plan=words.plan,
        confident=words.confident,
        challenge=words.challenge,
        note=words.note,
    )
    journal = session.journal(plain=True)  # read plain; what it writes is validated by its model
    scripted = words.no_input or words.format != "text"  # json: for scripts, never asks
    asking = may_ask(
        no_input=words.no_input,
        asks=words.format == "text",
        answered=request.says_something(),
        what="checkin",
        flags=CHECKIN_FLAGS,
    )
    if asking:
        request = _interview(journal, request, week_named=words.week is not None)
    result = usecase.run(journal, request, today())
    git, failure = _commit(journal, result) if words.commit else (None, None)
    # Answers piped in are not read as answers: say so, or a person who piped them
    # believes they were recorded.
    notes = () if asking or scripted else (PIPED,)
    emit("checkin", CheckinShown(result, notes, git), Asked(words.format), journal)
    saved = "(the check-in was saved all the same)"
    vouch(journal, today(), saved, refuse=False, written=result.written)
    if failure is not None:
        raise failure


def _interview(journal: Journal, request: CheckinRequest, week_named: bool) -> CheckinRequest:
    """Ask, saving every answer to the week's draft; resume a draft if the person wants.
    What the flags answered is not asked again; the answers come back in the request.
    Early in a week whose predecessor has no check-in, and no --week named, it first asks
    which of the two weeks this is for."""
    from dataclasses import replace

    from leadwork.cli.interview import Interview
    from leadwork.cli.prompts import Prompter
    from leadwork.render import checkin as show
    from leadwork.usecases import checkin as usecase

    questions = usecase.prepare(journal, request, today())
    ask = Prompter()
    last = questions.unrecorded_last_week if not week_named else None
    if last is not None and ask.confirm(show.last_week_question(last, request.week), default=True):
        request = replace(request, week=last)
        questions = usecase.prepare(journal, request, today())
    week = request.week
    ask.say(show.intro(week, questions.rel, questions.current is not None, questions.first_week))
    for other, rel in questions.other_drafts:
        ask.say(show.other_draft(other, rel))
    answers, answered = questions.flagged.answers, []
    if questions.draft_problem is not None:
        ask.say(show.draft_unreadable(questions.draft_rel, questions.draft_problem))
    elif questions.draft is not None:
        if ask.confirm(show.resume_question(questions.draft), default=True):
            answers = usecase.overlay(questions.draft.answers, answers)
            answered = list(questions.draft.answered)
        else:
            usecase.discard_draft(journal, week)
            ask.say(show.draft_discarded())

    def save(answered: list[str], answers: Answers) -> None:
        usecase.save_draft(journal, week, answered, answers)

    interview = Interview(ask, questions, answers, answered, save)
    try:
        return replace(request, gathered=interview.run())
    except KeyboardInterrupt:
        if interview.answered:
            ask.say(show.draft_kept(questions.draft_rel, interview.answers.count(), week))
        raise


def _commit(journal: Journal, result: CheckinResult) -> tuple[GitNote, LeadworkError | None]:
    """Commit what the check-in wrote: what became of it, for the summary, and git's
    refusal, raised once the summary is shown."""
    from leadwork.cli.git import commit_written
    from leadwork.errors import LeadworkError
    from leadwork.render.checkin import GitNote

    try:
        committed = commit_written(journal, result.written, f"checkin {result.week}")
    except LeadworkError as error:
        return GitNote(False, "Not committed: git refused (see below)."), error
    return GitNote(committed.committed, committed.message), None
