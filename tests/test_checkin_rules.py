"""A flag's or a prompt's value is checked by the model's own rule for the field it fills
(domain/checkin.py through pydantic), so the check-in and `check` never disagree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from leadwork.domain import checkin as rules
from leadwork.model.checkin import Checkin, Confidence, Story, TimeAudit


def _model_accepts(build) -> bool:
    try:
        build()
    except ValidationError:
        return False
    return True


@given(st.one_of(st.integers(-1000, 1000), st.floats(-1000, 1000)))
def test_hours_are_checked_as_the_time_audit_checks_them(value):
    accepted = _model_accepts(lambda: TimeAudit(other=value))
    try:
        rules.check_hours(value, "other")
    except ValueError:
        assert not accepted
    else:
        assert accepted


@given(st.one_of(st.integers(-10, 10), st.floats(-10, 10)))
def test_confidence_is_checked_as_the_model_checks_it(value):
    text = str(value)
    parsed = rules.parse_number(text)
    accepted = _model_accepts(lambda: Confidence(capability=parsed))
    try:
        assert rules.parse_confidence(text, "capability") == parsed
    except ValueError:
        assert not accepted
    else:
        assert accepted


@pytest.mark.parametrize("length", [0, 1, 200, 201, 10_000, 10_001])
def test_texts_and_names_are_checked_as_a_story_checks_them(length):
    text = "x" * length
    story_ok = _model_accepts(lambda: Story(text=text, who=text or None))
    try:
        rules.check_text(text, "story")
        rules.check_name(text)
    except ValueError:
        assert not story_ok or length == 0  # a blank answer is refused before the model
    else:
        assert story_ok


def test_the_messages_say_it_for_a_person_with_the_models_bounds():
    with pytest.raises(ValueError, match=r"^200 hours is more than the 168 in a week$"):
        rules.check_hours(200, "alignment")
    with pytest.raises(ValueError, match=r"^-1 hours is below 0$"):
        rules.check_hours(-1)
    with pytest.raises(ValueError, match=r"^confidence is a whole number from 1 to 5, not '6'$"):
        rules.parse_confidence("6")
    with pytest.raises(ValueError, match=r"^the story is 10,001 characters long; at most 10,000$"):
        rules.check_text("x" * 10_001, "story")
    with pytest.raises(ValueError, match=r"^the name is longer than 200 characters$"):
        rules.check_name("x" * 201)
    with pytest.raises(ValueError, match=r"^the name is empty$"):
        rules.check_name("  ")
    assert rules.field_bounds("Confidence", "alignment") == (1, 5)


def test_the_lists_of_keys_are_the_models():
    """`model.words` names them so that a check-in that writes nothing builds no model to
    learn them: the models' keys, in the models' order."""
    from leadwork.model.words import AREAS

    assert tuple(TimeAudit.model_fields) == rules.HOUR_AREAS
    assert tuple(Confidence.model_fields) == AREAS
    assert rules.fits_in_a_week({"alignment": 100, "other": 68})
    assert not rules.fits_in_a_week({"alignment": 100, "other": 68.5})
    assert rules.fits_in_a_week({})
    assert (
        tuple(Checkin.model_fields["reflection"].annotation.__args__[0].model_fields)
        == rules.REFLECTION_KEYS
    )


def test_all_names_every_open_commitment_as_the_one_on_one_does():
    texts = ["All-hands agenda", "Budget bid"]
    assert rules.resolve_commitments("all", texts) == texts
    assert rules.resolve_commitments(" ALL ", texts) == texts
    assert rules.resolve_commitments("1", texts) == ["All-hands agenda"]  # by its number
    assert rules.resolve_commitments("All-h", texts) == ["All-hands agenda"]
    with pytest.raises(rules.UsageProblem, match="no earlier check-in made commitments"):
        rules.resolve_commitments("all", [], source=None)
