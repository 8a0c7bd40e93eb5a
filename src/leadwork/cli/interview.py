"""The check-in's questions, in the order a coach would ask them, at a terminal.

Each answer is saved to the week's draft the moment it is given (`save`), so an interrupt
loses nothing; a resumed interview skips the questions the draft already answered. The
questions come from the journal (last week's commitments, the active indicators, the
strategic choices), and every one can be skipped with Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from leadwork.cli.prompts import Prompter
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from leadwork.domain.checkin import Answers
    from leadwork.usecases.checkin import Questions


class Interview:
    def __init__(
        self,
        ask: Prompter,
        context: Questions,
        answers: Answers,
        answered: list[str],
        save: Callable[[list[str], Answers], None],
    ) -> None:
        """`context`: what the questions are about (`usecases.checkin.prepare`), with the
        questions the flags already answered (`context.flagged.keys`)."""
        self.ask = ask
        self.context = context
        self.answers = answers
        self.answered = answered
        self.save = save

    def run(self) -> Answers:
        for step in (
            self.follow_ups,
            self.readings,
            self.hours,
            self.confidence,
            self.stories,
            self.conversations,
            self.capability_steps,
            self.commitments,
            self.reflection,
        ):
            step()
        return self.answers

    # ---- the bookkeeping behind every question ---------------------------------------

    def _pending(self, key: str) -> bool:
        return key not in self.answered and key not in self.context.flagged.keys

    def _done(self, key: str) -> None:
        self.answered.append(key)
        self.save(self.answered, self.answers)

    def _who(self, reply: str) -> str:
        """Who a story or conversation is about, by the one rule (a team id or a name)."""
        from leadwork.domain.checkin import person_or_name

        return person_or_name(reply, self.context.people)

    # ---- the steps --------------------------------------------------------------------

    def follow_ups(self) -> None:
        from leadwork.domain.checkin import previous_commitments
        from leadwork.domain.commitments import follow_up_rate, whose_commitments
        from leadwork.render import checkin as show

        previous = self.context.previous
        texts = previous_commitments(previous)
        if not texts:
            return
        self.ask.say(show.follow_up_step(self.context.week, self.context.previous_week))
        carried = {c.text: c.carried for c in previous.commitments} if previous else {}
        # an older check-in's commitment still open is named by its week, as the summary
        # and the dashboard name it (`commitments.open_by_week`)
        made_in = self.context.previous_made_in
        commitments = previous.commitments if previous else []
        made = dict(zip((c.text for c in commitments), made_in, strict=False))
        recorded = self._recorded_follow_ups()
        for index, text in enumerate(texts, 1):
            key = f"follow-up:{text}"
            if not self._pending(key):
                continue
            older = made.get(text)
            if older == self.context.previous_week:
                older = None
            self.ask.say(show.commitment_line(index, text, carried.get(text, 0), older))
            outcome = self.ask.outcome(recorded.get(text))  # Enter: left open
            if outcome is not None:
                self.answers.follow_ups[text] = outcome
            self._done(key)
        outcomes = {**recorded, **self.answers.follow_ups}
        whose = whose_commitments(self.context.week, self.context.previous_week)
        rate = follow_up_rate(((t, outcomes[t]) for t in texts if t in outcomes), texts)
        self.ask.say(show.done_rate_line(rate, whose))

    def _recorded_follow_ups(self) -> dict[str, str]:
        current = self.context.current
        return {f.text: f.outcome for f in current.last_week} if current else {}

    def readings(self) -> None:
        from leadwork.domain.checkin import parse_reading
        from leadwork.render import checkin as show

        questions = [q for q in self.context.readings if self._pending(q.key)]
        if not questions:
            return
        self.ask.say(show.step("Indicator readings", "this week's value of each"))
        week = self.context.week
        for question in questions:
            self.ask.say(show.reading_context(question, week))
            prompt = show.reading_prompt(question.indicator)
            unit = question.indicator.unit
            value = self.ask.number(
                prompt, default=question.current, parse=partial(parse_reading, unit=unit)
            )
            if value is not None:
                if question.file_week is None:
                    self.answers.readings[question.indicator.id] = value
                else:  # a month (quarter) that ended without one: filed in its last week
                    filed = self.answers.earlier.setdefault(str(question.file_week), {})
                    filed[question.indicator.id] = value
                filed_in = question.file_week or week
                self.ask.say(show.reading_status(question.indicator, filed_in, value))
            self._done(question.key)

    def hours(self) -> None:
        from leadwork.domain.checkin import (
            HOUR_LABELS,
            check_hours,
            fits_in_a_week,
            parse_number,
        )
        from leadwork.model.words import HOUR_AREAS, HOURS_IN_WEEK
        from leadwork.render import checkin as show
        from leadwork.values import format_number

        areas = [a for a in HOUR_AREAS if self._pending(f"hours:{a}")]
        if not areas:
            return
        self.ask.say(
            show.step("Time audit", "hours this week; someone else's job = work your people own")
        )
        current = self.context.current
        recorded = current.hours.model_dump(exclude_none=True) if current and current.hours else {}

        def hours_now() -> dict[str, Any]:
            return {**recorded, **self.answers.hours}

        for area in areas:
            others = sum(v for a, v in hours_now().items() if a != area)

            def check(value: float, others: float = others, area: str = area) -> str | None:
                try:
                    check_hours(value, area)
                except ValueError as error:
                    return str(error)
                if not fits_in_a_week({**hours_now(), area: value}):
                    return (
                        f"with the other areas' {format_number(others)} hours that makes "
                        f"{format_number(others + value)}, more than the {HOURS_IN_WEEK} in a week"
                    )
                return None

            default = recorded.get(area)
            value = self.ask.number(
                show.hours_prompt(HOUR_LABELS[area], default is not None),
                default=_tidy(default),
                parse=parse_number,
                check=check,
            )
            if value is not None:
                self.answers.hours[area] = value
            self._done(f"hours:{area}")
        if hours_now():
            self.ask.say(show.hours_line(hours_now(), self.context.warning_percent))

    def confidence(self) -> None:
        from leadwork.domain.checkin import parse_confidence
        from leadwork.model.words import AREAS
        from leadwork.render import checkin as show

        areas = [a for a in AREAS if self._pending(f"confidence:{a}")]
        if not areas:
            return
        self.ask.say(show.step("Confidence", "1 = shaky … 5 = sure, in your own work"))
        current = self.context.current
        recorded = (
            current.confidence.model_dump(exclude_none=True)
            if current and current.confidence
            else {}
        )
        for area in areas:
            value = self.ask.number(
                area,
                default=recorded.get(area),
                parse=partial(parse_confidence, area=area),
            )
            if value is not None:
                self.answers.confidence[area] = int(value)
            self._done(f"confidence:{area}")

    def stories(self) -> None:
        from leadwork.domain.checkin import PURPOSE
        from leadwork.render import checkin as show

        if not self._pending("stories:done"):
            return
        current = self.context.current
        had = len(current.stories) if current else 0
        note = "someone living the purpose or a strategic choice"
        self.ask.say(show.step("Stories", note + (f"; {had} recorded already" if had else "")))
        options = [*self.context.choices, PURPOSE]
        people = ", ".join(self.context.people)
        index = 0
        while True:
            number = had + index + 1
            if index >= len(self.answers.stories):
                text = self.ask.text(f"Story {number}: what happened? (Enter: no more)")
                if text is None:
                    break
                self.answers.stories.append({"text": text})
                self._done(f"story:{index}:text")
            elif any(self._pending(f"story:{index}:{k}") for k in ("who", "choice")):
                # a story told before a draft was resumed: what it is about, shown again
                self.ask.say(show.resumed_story(number, self.answers.stories[index]["text"]))
            story = self.answers.stories[index]
            if self._pending(f"story:{index}:who"):
                who = self.ask.ask(
                    f"    who? (a name, or {people})" if people else "    who?",
                    self._who,
                )
                if who:
                    story["who"] = who
                self._done(f"story:{index}:who")
            if self._pending(f"story:{index}:choice"):
                choice = self.ask.choice("    which choice did it live?", options)
                if choice:
                    story["choice"] = choice
                self._done(f"story:{index}:choice")
            index += 1
        self._done("stories:done")

    def conversations(self) -> None:
        from leadwork.render import checkin as show

        if not self._pending("conversations:done"):
            return
        current = self.context.current
        had = len(current.conversations) if current else 0
        note = "what did you hear?" + (f" {had} recorded already" if had else "")
        self.ask.say(show.step("Stakeholder conversations", note))
        kinds = self.context.conversation_kinds
        index = 0
        while True:
            if index >= len(self.answers.conversations):
                number = had + index + 1
                kind = self.ask.choice(f"Conversation {number}: with (Enter: no more)", kinds)
                if kind is None:
                    break
                self.answers.conversations.append({"with": kind})
                self._done(f"conversation:{index}:with")
            entry = self.answers.conversations[index]
            if self._pending(f"conversation:{index}:who"):
                who = self.ask.ask(
                    "    who? (name or organization)",
                    self._who,
                )
                if who:
                    entry["who"] = who
                self._done(f"conversation:{index}:who")
            if self._pending(f"conversation:{index}:text"):
                text = self.ask.text("    what did you hear? (Enter: drop this conversation)")
                if text:
                    entry["text"] = text
                self._done(f"conversation:{index}:text")
            if "text" not in entry:
                del self.answers.conversations[index]
                self._forget_entry("conversation", index)
                continue
            if self._pending(f"conversation:{index}:refresh"):
                refresh = self.ask.confirm(
                    "    does it signal that the strategy needs a refresh?", default=False
                )
                if refresh:
                    entry["refresh"] = True
                self._done(f"conversation:{index}:refresh")
            index += 1
        self._done("conversations:done")

    def _forget_entry(self, kind: str, index: int) -> None:
        """A dropped entry's questions are asked again for the next one in its place."""
        prefix = f"{kind}:{index}:"
        self.answered[:] = [k for k in self.answered if not k.startswith(prefix)]
        self.save(self.answered, self.answers)

    def capability_steps(self) -> None:
        """Optional: the capability plan steps completed this week (marked done in
        capabilities.toml once the check-in is saved)."""
        from leadwork.domain.review import choose_open_steps, step_ref
        from leadwork.render import checkin as show
        from leadwork.render.review import open_steps_list

        steps = self.context.open_steps
        if not steps or not self._pending("steps:done"):
            return
        self.ask.say(show.step("Capability plans", "steps completed this week"))
        self.ask.say(open_steps_list(steps))

        def pick(reply: str) -> list[Any]:
            numbers = reply.replace(",", " ").split()
            if not all(n.isdigit() for n in numbers):
                raise ValueError("give the steps' numbers, like 1 or 2,3")
            try:
                return choose_open_steps(steps, [int(n) for n in numbers])
            except UsageProblem as problem:
                raise ValueError(str(problem)) from None

        chosen = self.ask.ask("Completed this week? (numbers like 1,3; Enter: none)", pick)
        for step in chosen or []:
            if step_ref(step) not in self.answers.steps_done:
                self.answers.steps_done.append(step_ref(step))
        self._done("steps:done")
        self._step_days(chosen or [])

    def _step_days(self, chosen: list[Any]) -> None:
        """The day each chosen step was done: Enter keeps today (an earlier week's check-in:
        its Sunday); a day after today is refused."""
        from leadwork.cli.session import today
        from leadwork.domain.review import done_on, step_ref

        now = today()
        default = min(now, self.context.week.sunday)
        for step in chosen:
            label = f"{step.capability.id} step {step.numbered.position} done on (YYYY-MM-DD)"
            day = self.ask.ask(label, lambda reply: done_on(reply, now), default=default)
            if day is None or day == default:
                continue
            ref = step_ref(step)
            self.answers.steps_done[self.answers.steps_done.index(ref)] = step_ref(step, day)
            self.save(self.answered, self.answers)

    def commitments(self) -> None:
        from leadwork.domain.checkin import commitments_after
        from leadwork.render import checkin as show

        if not self._pending("commitments:done"):
            return
        self.ask.say(show.step("Commitments for next week", "they come back next week"))
        # What the save will leave, by its own rule: a carried copy this run added, or took
        # back out when the outcome is no longer "carried".
        listed = commitments_after(
            self.context.current, self.context.previous, self.answers.follow_ups
        )
        for item in listed:
            self.ask.say(_kept(item))
        while True:
            number = len(listed) + len(self.answers.commitments) + 1
            text = self.ask.text(f"Commitment {number} (Enter: no more)")
            if text is None:
                break
            self.answers.commitments.append(text)
            self._done(f"commitment:{number}")
        self._done("commitments:done")

    def reflection(self) -> None:
        from leadwork.render import checkin as show

        questions = {
            "confident": "Where did you feel most confident this week?",
            "challenge": "Your biggest challenge?",
        }
        pending = [k for k in questions if self._pending(f"reflection:{k}")]
        if not pending:
            return
        self.ask.say(show.step("Reflection", "one line each"))
        current = self.context.current
        recorded = current.reflection if current and current.reflection else None
        for key in pending:
            default = getattr(recorded, key) if recorded else None
            text = self.ask.text(questions[key], default=default)
            if text is not None and text != default:
                self.answers.reflection[key] = text
            self._done(f"reflection:{key}")


def _kept(text: str) -> Any:
    from rich.text import Text

    return Text(f"  · {text}", style="dim")


def _tidy(value: float | None) -> float | int | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
