"""The HTML pages a leader sends (`report` and `dashboard --format html`): self-contained,
a chart per indicator, stories and conversations whole, and rendered by a real browser.

The browser test drives the system's Chromium headless (`.ci/run` installs it) and skips,
saying so, only where no Chromium binary exists.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import tomllib
import zlib
from html import escape
from pathlib import Path

import pytest

QUARTER = ["--from", "2026-W36", "--to", "2026-W48"]
PAGES = {
    "report": ["report", *QUARTER, "--format", "html"],
    "dashboard": ["dashboard", "--format", "html"],
}
HEADINGS = {
    "report": ["Needs you", "What changed", "Alignment", "Capability", "Accountability"],
    "dashboard": [
        "Needs you",
        "What changed since last week",
        "Alignment",
        "Capability",
        "Accountability",
    ],
}


def page(run, journal: Path, which: str, *extra: str) -> str:
    result = run(*PAGES[which], *extra, journal=journal)
    assert result.exit_code == 0, result
    return result.stdout


def indicator_ids(run, journal: Path, which: str) -> list[str]:
    args = ["report", *QUARTER] if which == "report" else ["dashboard"]
    result = run(*args, "--format", "json", journal=journal)
    data = json.loads(result.stdout)
    if which == "report":
        return [i["id"] for i in data["indicators"]]
    return [i["id"] for i in data["accountability"]["indicators"]]


def example_texts(journal: Path) -> list[str]:
    """Every story and conversation of the quarter, as written."""
    texts = []
    for path in sorted((journal / "checkins").glob("2026-W*.toml")):
        week = int(path.stem.split("W")[1])
        if not 36 <= week <= 48:
            continue
        data = tomllib.loads(path.read_text())
        texts += [s["text"] for s in data.get("stories", [])]
        texts += [c["text"] for c in data.get("conversations", [])]
    return texts


# ---- structure, without a browser -------------------------------------------------------------


@pytest.mark.parametrize("which", PAGES)
def test_every_indicator_has_its_chart(run, example_journal, which):
    html = page(run, example_journal, which)
    ids = indicator_ids(run, example_journal, which)
    assert ids
    charts = re.findall(r'<svg class="chart" data-indicator="([^"]+)"', html)
    assert charts == ids
    for ident in ids:
        chart = html.split(f'data-indicator="{ident}"', 1)[1].split("</svg>", 1)[0]
        assert 'class="target"' in chart and 'class="band"' in chart


def test_a_missing_week_is_a_gap_in_the_line(run, example_journal):
    """Overtime has no reading in W48: the dashboard's chart breaks its line there and marks
    the week hollow."""
    html = page(run, example_journal, "dashboard")
    ids = indicator_ids(run, example_journal, "dashboard")
    gaps = {
        ident: html.split(f'data-indicator="{ident}"', 1)[1].split("</svg>", 1)[0] for ident in ids
    }
    with_gap = [ident for ident, svg in gaps.items() if 'class="gap"' in svg]
    assert "overtime-hours" in with_gap, with_gap  # no reading in W48


@pytest.mark.parametrize("which", PAGES)
def test_stories_and_conversations_are_whole(run, example_journal, which):
    html = page(run, example_journal, which)
    assert "…" not in html
    texts = example_texts(example_journal)
    if which == "report":
        for text in texts:
            assert escape(text, quote=True) in html, text
    else:  # the dashboard shows the last 4 weeks' stories and the refresh signals
        shown = [t for t in texts if escape(t, quote=True) in html]
        assert len(shown) >= 5
        assert all(len(t) > 60 for t in shown[:1])


@pytest.mark.parametrize("which", PAGES)
def test_the_page_is_self_contained(run, example_journal, which):
    html = page(run, example_journal, which, "--private")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    for external in ("http://", "https://", "src=", "href=", "@import", "url(", "<script", "<link"):
        assert external not in html, external
    assert "<style>" in html and "@media print" in html


@pytest.mark.parametrize("which", PAGES)
def test_journal_text_is_escaped_and_shown(run, example_journal, which):
    checkin = example_journal / "checkins" / "2026-W48.toml"
    checkin.write_text(
        checkin.read_text()
        + '\n[[stories]]\ntext = "<script>alert(1)</script> & \\u001b[2J done"\n'
        'choice = "grow-medical"\n'
    )
    html = page(run, example_journal, which)
    assert "<script>" not in html and "\x1b" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ^[[2J done" in html


def test_svg_stays_the_terminal_picture(run, example_journal):
    result = run("dashboard", "--format", "svg", journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stdout.lstrip().startswith("<svg")
    help_text = run("dashboard", "--help").stdout
    assert "picture of the terminal" in " ".join(help_text.split())


# ---- a real browser ---------------------------------------------------------------------------


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "headless_shell"):
        found = shutil.which(name)
        if found:
            return found
    return None


def browse(binary: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={tmp / 'profile'}",
            *args,
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB or RGBA PNG (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[i] for i in range(0, stride, bpp)) for r in rows[::4]]


@pytest.mark.parametrize("which", PAGES)
def test_a_real_browser_renders_the_page(run, example_journal, tmp_path, which):
    binary = chromium()
    if binary is None:
        pytest.skip("no chromium binary on PATH (.ci/run installs the Debian package)")
    target = tmp_path / f"{which}.html"
    result = run(*PAGES[which], "--output", str(target), journal=example_journal)
    assert result.exit_code == 0, result
    url = target.as_uri()

    dom = browse(binary, tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    text = dom.stdout.decode()
    headings = re.findall(r"<h2[^>]*>([^<]*)</h2>", text)
    for heading in HEADINGS[which]:
        assert heading in headings, (heading, headings)
    ids = indicator_ids(run, example_journal, which)
    assert len(re.findall(r'<svg class="chart"', text)) == len(ids)

    shot = tmp_path / f"{which}.png"
    taken = browse(binary, tmp_path, f"--screenshot={shot}", "--window-size=1100,1400", url)
    assert taken.returncode == 0 and shot.exists(), taken.stderr.decode(errors="replace")[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1100, 1400)
    # a rendered page: dark text and coloured status tiles, not a blank white sheet
    samples = [v for row in rows for v in row[::4]]
    dark = sum(1 for v in samples if v < 128)
    not_white = sum(1 for v in samples if v < 240)
    assert dark / len(samples) > 0.01, "the screenshot is blank"
    assert not_white / len(samples) > 0.03, "the screenshot is mostly white"

    pdf = tmp_path / f"{which}.pdf"
    printed = browse(binary, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url)
    assert printed.returncode == 0 and pdf.exists(), printed.stderr.decode(errors="replace")[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000


# ---- the chart, on its own --------------------------------------------------------------------


def _history(values, direction="higher", tracked=None):
    from leadwork.domain.status import Thresholds, WeekStatus
    from leadwork.weeks import Week

    limits = Thresholds(direction, target=95.0, celebrate=98.0, course_correct=90.0)
    if direction == "lower":
        limits = Thresholds(direction, target=3.0, celebrate=2.0, course_correct=4.0)
    return [
        WeekStatus(
            Week(2026, 36 + i),
            value,
            "no-data" if value is None else "on-track",
            limits,
            tracked=True if tracked is None else tracked[i],
        )
        for i, value in enumerate(values)
    ]


def test_a_week_without_a_reading_breaks_the_line():
    from leadwork.render.chart import indicator_chart

    svg = indicator_chart("otd", "On-time", "%", _history([96, 97, None, 95, 94, None, None, 99]))
    line = re.search(r'class="line" d="([^"]+)"', svg)
    assert line is not None
    assert line.group(1).count("M") == 3  # three runs of readings: 2, 2 and 1
    assert svg.count('class="gap"') == 3
    assert svg.count('class="reading"') == 5


def test_the_bands_follow_the_direction():
    from leadwork.render.chart import CELEBRATE_FILL, COURSE_CORRECT_FILL, indicator_chart

    def band_tops(svg: str, fill: str) -> set[str]:
        return set(re.findall(rf'class="band" x="[^"]+" y="([^"]+)"[^>]*fill="{fill}"', svg))

    higher = indicator_chart("a", "A", "%", _history([96, 97]))
    lower = indicator_chart("b", "B", "%", _history([2.5, 3.5], direction="lower"))
    from leadwork.render.chart import TOP

    assert band_tops(higher, CELEBRATE_FILL) == {str(TOP)}  # celebrate above
    assert band_tops(lower, COURSE_CORRECT_FILL) == {str(TOP)}  # course-correct above
    assert band_tops(lower, CELEBRATE_FILL) != {str(TOP)}


def test_weeks_outside_the_span_are_blank_and_odd_values_do_not_break_it():
    from leadwork.render.chart import indicator_chart

    svg = indicator_chart(
        "x", "<x & y>", "", _history([None, 5, 5, 5], tracked=[False, True, True, True])
    )
    assert "not agreed yet, or retired" in svg and "&lt;x &amp; y&gt;" in svg
    assert indicator_chart("e", "Empty", "", []).endswith("</svg>")
    flat = indicator_chart("f", "Flat", "", _history([95.0, 95.0, 95.0]))
    assert "nan" not in flat and "inf" not in flat
