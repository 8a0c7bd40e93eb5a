"""The shell of an HTML page a leader sends (report, dashboard): one self-contained file,
inline CSS, no script, no external asset, laid out for a screen and for print (PDF).

Every text from the journal goes through `e`: control characters made visible
(render/visible.py), then HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from leadwork.domain.status import STATUSES
from leadwork.render.palette import STATUS_LABEL, STATUS_SYMBOL
from leadwork.render.visible import visible

STYLE = """
:root { --ink:#1f2a37; --muted:#5b6472; --line:#dfe2e7; --paper:#fff; --wash:#f6f7f9;
  --celebrate:#1b7f3b; --on-track:#1f4e79; --at-risk:#b35c00; --course-correct:#c0262d;
  --no-data:#8a8f98; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, system-ui, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: var(--paper); }
header.page { border-bottom: 3px solid var(--ink); padding-bottom: .75rem; margin-bottom: 1.25rem; }
header.page h1 { margin: 0; font-size: 1.75rem; letter-spacing: -.01em; }
header.page p { margin: .25rem 0 0; color: var(--muted); }
.purpose { font-style: italic; color: var(--ink); }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .3rem;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1.02rem; margin: 1.25rem 0 .4rem; }
.summary { display: grid; grid-template-columns: 1.4fr 1fr; gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1.1rem;
  background: #fff; }
.card h2 { margin-top: 0; border: 0; font-size: 1.05rem; }
.needs { border-left: 5px solid var(--course-correct); }
.needs ol { margin: 0; padding-left: 1.3rem; }
.needs li { margin: .2rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0; padding: 0; list-style: none; }
.counts li { flex: 1 1 5.5rem; border-radius: 6px; padding: .4rem .6rem; background: var(--wash);
  border-top: 4px solid var(--no-data); }
.counts b { display: block; font-size: 1.5rem; line-height: 1.1; }
.counts .celebrate { border-color: var(--celebrate); }
.counts .on-track { border-color: var(--on-track); }
.counts .at-risk { border-color: var(--at-risk); }
.counts .course-correct { border-color: var(--course-correct); }
.changes { margin: .75rem 0 0; padding-left: 1.2rem; }
.changes li { margin: .2rem 0; }
.pill { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .85rem;
  font-weight: 600; color: #fff; background: var(--no-data); white-space: nowrap; }
.pill.celebrate { background: var(--celebrate); } .pill.on-track { background: var(--on-track); }
.pill.at-risk { background: var(--at-risk); }
.pill.course-correct { background: var(--course-correct); }
.indicator { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem;
  margin: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
.indicator h3 { margin: 0 0 .2rem; display: flex; gap: .6rem; align-items: baseline;
  justify-content: space-between; }
.indicator .facts { margin: 0 0 .4rem; color: var(--muted); font-size: .9rem; }
.indicator svg { display: block; max-width: 100%; height: auto; }
.legend { color: var(--muted); font-size: .85rem; margin: .3rem 0 0; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em;
  border: 1px solid var(--line); margin-right: .25em; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th { background: var(--wash); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.stories { list-style: none; padding: 0; margin: .3rem 0 1rem; }
ul.stories li { border-left: 3px solid var(--line); padding: .25rem .8rem; margin: .45rem 0;
  white-space: pre-wrap; break-inside: avoid; }
ul.stories .meta { display: block; color: var(--muted); font-size: .85rem; white-space: normal; }
.quiet { color: var(--muted); }
.private { border: 1px dashed var(--at-risk); border-radius: 8px; padding: .2rem 1rem 1rem;
  margin-top: 2rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 700px) { .summary { grid-template-columns: 1fr; } }
@media print {
  @page { margin: 14mm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  .summary { display: block; }
  .summary .card { margin-bottom: .8rem; }
}
"""


def e(text: object) -> str:
    """Journal text for HTML: control characters shown, then escaped."""
    return html.escape(visible(str(text)), quote=True)


def page(title: str, body: Iterable[str]) -> str:
    """A whole, self-contained HTML document."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="leadwork">',
        f"<title>{e(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        *body,
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def entries(items: Iterable[tuple[str, str]]) -> list[str]:
    """Stories, conversations, signals: each its (meta, text), the text in full."""
    listed = [f'<li><span class="meta">{e(meta)}</span>{e(text)}</li>' for meta, text in items]
    return ['<ul class="stories">', *listed, "</ul>"] if listed else []


def change_list(changes: Sequence[str], none: str) -> str:
    """What changed, as a list of items already in HTML, or `none` said quietly."""
    if not changes:
        return f'<p class="quiet">{e(none)}</p>'
    return '<ul class="changes">' + "".join(f"<li>{c}</li>" for c in changes) + "</ul>"


def pill(status: str | None) -> str:
    if status is None:
        return ""
    return (
        f'<span class="pill {e(status)}">{STATUS_SYMBOL[status]} {e(STATUS_LABEL[status])}</span>'
    )


def status_counts(counts: dict[str, int], noun: str) -> str:
    """The tiles: how many indicators (or weeks) in each status."""
    tiles = "".join(
        f'<li class="{s}"><b>{counts.get(s, 0)}</b>{e(STATUS_LABEL[s])}</li>' for s in STATUSES
    )
    return f'<ul class="counts" aria-label="{e(noun)} by status">{tiles}</ul>'


def table(
    header: Sequence[str], rows: Iterable[Sequence[object]], numeric: set[int] | None = None
) -> str:
    right = numeric or set()

    def cls(i: int) -> str:
        return ' class="num"' if i in right else ""

    head = "".join(f"<th{cls(i)}>{e(h)}</th>" for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{e(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def legend() -> str:
    return (
        '<p class="legend"><span class="swatch" style="background:#e3f4e8"></span>celebrate '
        'band &nbsp; <span class="swatch" style="background:#fbe4e4"></span>course-correct '
        "band &nbsp; dashed line: target &nbsp; hollow mark: a week without a reading</p>"
    )
