"""One look per status (render/palette.py): every renderer takes its words, symbol and
colour from there."""

from __future__ import annotations

from leadwork.domain.status import STATUSES
from leadwork.render import dashboard_parts, palette


def test_every_status_has_words_a_symbol_and_a_colour():
    for mapping in (palette.STATUS_LABEL, palette.STATUS_SYMBOL, palette.STATUS_STYLE):
        assert set(mapping) == set(STATUSES)
    assert palette.STATUS_LABEL["on-track"] == "on track"
    assert palette.status_text("at-risk").plain == "at risk"
    assert palette.status_text("at-risk").style == "yellow"
    assert dashboard_parts.status_label("celebrate") == "★ celebrate"


def test_the_views_write_a_status_in_the_same_words(example_journal, run):
    """'on track', as the dashboard says it, in the list, the map and the check-in too."""
    for args in (
        ("dashboard",),
        ("indicator", "list"),
        ("indicator", "show", "greenville-otd"),
        ("map",),
        ("checkin", "--reading", "greenville-otd=97"),
        ("one-on-one", "priya", "--prep"),
    ):
        text = run(*args, journal=example_journal).stdout
        assert "on track" in text, (args, text)
        assert "on-track" not in text, (args, text)
