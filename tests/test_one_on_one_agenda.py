"""`leadwork one-on-one PERSON --prep --format markdown`: the agenda sent to the person is
addressed to them (issue 17): "Our one-on-one", their indicators with status and plan, both
sides' commitments ("You" and the leader's first name), a place for their topics, the
questions in the second person, and nothing that judges them by an absence. The leader's
text preparation keeps the leader's view."""

from pathlib import Path

from conftest import Run


def agenda(run: Run, journal: Path, person: str, *args: str) -> str:
    result = run("one-on-one", person, "--prep", "-f", "markdown", *args, journal=journal)
    assert result.exit_code == 0, result
    return result.stdout


def test_the_agenda_speaks_to_the_person_and_the_prep_to_the_leader(run, example_journal):
    text = agenda(run, example_journal, "marcus")
    assert text.startswith("# Our one-on-one, Friday 27 November 2026\n")
    assert "## Your indicators" in text and "## Your topics" in text
    assert "## Questions for you" in text
    assert "**What's your plan to get back on track on Dayton scrap rate?**" in text
    assert "1. **You:** Watch scrap" in text and "2. **Dana:** Agree a new date" in text
    for leaders_words in ("Questions to ask", "OVERDUE", "due 2026-11-30", "Marcus:"):
        assert leaders_words not in text
    prep = run("one-on-one", "marcus", "--prep", journal=example_journal).stdout
    assert "Questions to ask" in prep and "Stories about Marcus" in prep
    assert "  1.  Marcus  Watch scrap" in prep


def test_nothing_in_the_agenda_judges_by_an_absence(run, example_journal):
    """Grace has no story in 13 weeks and is overdue for a one-on-one: the leader's prep
    says so; her agenda invites a story and leaves the bookkeeping out."""
    prep = run("one-on-one", "grace", "--prep", journal=example_journal).stdout
    assert "no story about Grace" in prep and "OVERDUE" in prep
    text = agenda(run, example_journal, "grace")
    assert "no story" not in text.casefold()
    assert "Stories about" not in text and "OVERDUE" not in text
    assert "**What have you or your team done lately that others should hear about?**" in text
    assert "**What is changing on Medical quote turnaround, before it turns red?**" in text
    assert "| on track, moving the wrong way |" in text
    assert "Grace done lately" not in text


def test_the_agenda_shows_the_plan_on_record_and_asks_how_it_goes(run, example_journal):
    recorded = run(
        *("one-on-one", "marcus", "--no-input", "--done", "1", "--carried", "2"),
        *("--plan", "dayton-scrap=Quarantine the Allegheny lots and rerun first-article"),
        journal=example_journal,
    )
    assert recorded.exit_code == 0, recorded
    text = agenda(run, example_journal, "marcus", "--date", "2026-12-11")  # the next one
    assert (
        "| Dayton scrap rate | 3.6% | 2% | **course-correct 2 weeks** | ▃▂▄▃▂▁▂▁▂▃▂▇█ | "
        "Quarantine the Allegheny lots and rerun first-article _(agreed 2026-11-27)_ |"
    ) in text
    assert "**How is your plan to get back on track on Dayton scrap rate going?**" in text
    assert "no plan yet" not in text


def test_a_commitment_carried_three_times_is_asked_about_without_calling_it_a_pattern(
    run, example_journal
):
    path = example_journal / "one-on-ones" / "2026-11-16-marcus.toml"
    path.write_text(path.read_text().replace("carried = 1", "carried = 3"))
    prep = run("one-on-one", "marcus", "--prep", journal=example_journal).stdout
    assert "carried over 3 times, a pattern" in prep
    text = agenda(run, example_journal, "marcus")
    assert "(due 2026-11-27, carried over 3 times)" in text
    assert "pattern" not in text
    assert (
        '**Is Dana\'s "Agree a new date for the Greenville coaching clinic" still the right '
        "commitment, or should we drop it?**"
    ) in text


def test_a_person_without_indicators_or_history_gets_an_open_agenda(run, fresh_journal):
    team = fresh_journal / "team.toml"
    team.write_text('[[people]]\nid = "kenji"\nname = "Kenji Sato"\ncadence_days = 14\n')
    text = agenda(run, fresh_journal, "kenji")
    assert "_Kenji and Dana_" in text
    assert "None yet: an indicator we agree on can be the first topic." in text
    assert "Open commitments" not in text
    assert "owns no indicator" not in text
