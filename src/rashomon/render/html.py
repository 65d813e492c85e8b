"""A self-contained HTML report: no script, no network request, every value from an
article escaped (article text and metadata are untrusted)."""

from __future__ import annotations

from html import escape

from rashomon.model import Article
from rashomon.render import register_renderer
from rashomon.report import Report

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;width:100%;margin:1rem 0}
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.ok{color:#176a2c}.duplicate{color:#8a5a00}.rejected{color:#a11}
article{border-top:1px solid #ddd;margin-top:1.5rem}.body p{margin:.4rem 0}
details{margin:.5rem 0}summary{cursor:pointer;color:#555}.removed{color:#777;font-size:.9em}
.meta{color:#555;font-size:.9em}
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _article(a: Article) -> str:
    paras = "".join(f"<p>{_e(p)}</p>" for p in a.text.split("\n\n") if p)
    removed = "".join(f"<li><b>{_e(r.reason)}</b>: {_e(r.text)}</li>" for r in a.removed)
    link = f' · <a href="{_e(a.url)}" rel="noopener noreferrer">{_e(a.url)}</a>' if a.url else ""
    return (
        f'<article id="article-{_e(a.id)}"><h3>{_e(a.title or a.id)}</h3>'
        f'<p class="meta">{_e(a.outlet or "unknown outlet")} · {_e(a.published or "undated")}'
        f"{link}</p>"
        f'<div class="body">{paras}</div>'
        + (
            f'<details class="removed"><summary>Removed boilerplate ({len(a.removed)})</summary>'
            f"<ul>{removed}</ul></details>"
            if a.removed
            else ""
        )
        + "</article>"
    )


@register_renderer("html", extensions=(".html", ".htm"))
def render_html(report: Report) -> str:
    counts = report.counts()
    by_id = {a.id: a for a in report.articles}
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>rashomon report</title><style>{_CSS}</style></head><body>",
        "<h1>rashomon report</h1>",
        f'<p class="meta">{len(report.articles)} inputs: {counts["ok"]} analysed, '
        f"{counts['duplicate']} duplicate, {counts['rejected']} rejected · generated "
        f"{_e(report.generated_at)}</p>",
    ]
    for story in report.stories:
        parts.append(f'<section id="{_e(story.id)}"><h2>{_e(story.headline or story.id)}</h2>')
        parts.append(
            f'<p class="meta">{_e(story.first_published or "?")} – '
            f"{_e(story.last_published or '?')} · {len(story.article_ids)} sources</p>"
        )
        parts.append("<ul>")
        for aid in story.article_ids:
            a = by_id[aid]
            parts.append(
                f'<li><a href="#article-{_e(a.id)}">{_e(a.outlet or a.id)}</a> '
                f"({_e(a.published or 'undated')}): {_e(a.title or '')}</li>"
            )
        parts.append("</ul>")
        parts.extend(_article(by_id[aid]) for aid in story.article_ids)
        parts.append("</section>")
    parts.append(
        "<h2>Every input</h2><table><tr><th>id</th><th>status</th><th>reason</th>"
        "<th>source</th></tr>"
    )
    for a in report.articles:
        where = a.source.path or a.source.url or ""
        parts.append(
            f'<tr><td>{_e(a.id)}</td><td class="{_e(a.status)}">{_e(a.status)}</td>'
            f"<td>{_e(a.reason or '')}</td><td>{_e(where)}</td></tr>"
        )
    parts.append("</table></body></html>\n")
    return "".join(parts)
