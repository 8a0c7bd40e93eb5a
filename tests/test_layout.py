"""`render.layout.cut_words`: the one rule by which a name or a text too long for its room is
cut (the scoreboard's names, a one-on-one's role, the check-in summary's texts)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from leadwork.render.layout import cut_words


def test_a_name_is_cut_after_a_whole_word():
    name = "Escalations to Tier 2 per 100 tickets"
    assert cut_words(name, 37) == name
    assert cut_words(name, 29) == "Escalations to Tier 2 per…"  # never "per 10…"
    assert cut_words("Clinical lead, ED physicians", 20) == "Clinical lead, ED…"
    # no word ends in the second half of the room: cut inside the word
    assert cut_words("Overtime-hours-both-plants", 12) == "Overtime-ho…"
    assert cut_words("Wide 漢字漢字漢字", 10) == "Wide 漢字…"


@given(st.text(st.characters(codec="utf-8", exclude_categories=["C"])), st.integers(1, 40))
def test_the_cut_fits_its_room_and_starts_the_text(text, width):
    cut = cut_words(text, width)
    assert cell_len(cut) <= width
    if cut != text:
        assert cut.endswith("…") and text.startswith(cut[:-1])
