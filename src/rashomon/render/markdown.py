"""A Markdown report for notes and tickets: the stories with who claims what, then
every article with what became of it. A disputed claim is only ever written as the
positions of its actors, never as a fact."""

from __future__ import annotations

from typing import Any

from rashomon.model import Article
from rashomon.render import claim_as_positions, claim_sides, register_renderer
from rashomon.report import Report


def _cell(value: str | None) -> str:
    return (value or "—").replace("|", "\\|").replace("\n", " ")


def _article_line(a: Article) -> str:
    where = a.source.path or a.source.url or "-"
    if a.source.index is not None:
        where += f" #{a.source.index}"
    outcome = a.status if a.status == "ok" else f"{a.status}: {a.reason}"
    return (
        f"| {_cell(a.id)} | {_cell(a.outlet)} | {_cell(a.published)} | {_cell(a.title)} "
        f"| {_cell(outcome)} | {_cell(where)} |"
    )


_MAX_CLAIMS = 40


def _claims(claims: list[dict[str, Any]]) -> list[str]:
    shown = [c for c in claims if c["status"] != "single_source"][:_MAX_CLAIMS]
    if not shown:
        return []
    out = ["### Who claims what", ""]
    for c in shown:
        sources = len(c["article_ids"])
        plural = "s" if sources != 1 else ""
        if c.get("differs_on"):
            # no one says every figure: each position below gives its own
            status = "Disputed" if c["status"] == "disputed" else "Reported"
            out.append(f"- **{status}**, figures differ ({sources} article{plural}): "
                       f"{_cell(c['text'])}")  # fmt: skip
        elif c["status"] == "disputed":
            sides = claim_sides(c)
            out.append(f"- **Disputed** ({sources} article{plural}): {'; '.join(sides)}: "
                       f"\u201c{_cell(c['text'])}\u201d")  # fmt: skip
        else:
            out.append(f"- **Reported by {sources} articles**, denied by none: {_cell(c['text'])}")
        for p in c["positions"]:
            out.append(f"  - {_cell(p['actor'])} ({p['stance']}, {p['article_id']}): "
                       f"{_cell(p['evidence'])}")  # fmt: skip
    out.append("")
    return out


def _summary(summary: list[dict[str, Any]]) -> list[str]:
    """The story's summary, each sentence followed by the articles it rests on, so a
    reader can check every line against its sources."""
    if not summary:
        return []
    out = ["### Summary", ""]
    for s in summary:
        cites = "".join(f"[{_cell(a)}]" for a in s["article_ids"])
        out.append(f"- {_cell(s['text'])} {cites}".rstrip())
    out.append("")
    return out


def _amount(value: Any) -> str:
    if isinstance(value, list):
        low, high = value
        return f"{low} or more" if high is None else f"{low} to {high}"
    return str(value)


def _timeline(entries: list[dict[str, Any]]) -> list[str]:
    if not entries:
        return []
    out = ["### Timeline", ""]
    for e in entries:
        mark = " (date inferred)" if e["inferred"] else ""
        out.append(f"- **{e['date']}**{mark}: {_cell(e['event'])} "
                   f"({', '.join(e['article_ids'])})")  # fmt: skip
    out.append("")
    return out


def _conflicts(conflicts: list[dict[str, Any]]) -> list[str]:
    if not conflicts:
        return []
    out = ["### Numbers and dates that disagree", ""]
    for c in conflicts:
        out.append(f"- **{_cell(c['about'])}**")
        for i in c["items"]:
            who = i.get("stated_by") or i["article_id"]
            out.append(f"  - {_cell(str(who))} ({i['article_id']}): {_amount(i['value'])}: "
                       f"{_cell(i['evidence'])}")  # fmt: skip
    out.append("")
    return out


@register_renderer("md", extensions=(".md", ".markdown"))
def render_markdown(report: Report) -> str:
    counts = report.counts()
    out = [
        "# rashomon report",
        "",
        f"{len(report.articles)} inputs: {counts['ok']} analysed, {counts['duplicate']} "
        f"duplicate, {counts['rejected']} rejected. Generated {report.generated_at} by "
        f"rashomon {report.tool.get('version', '')}.",
        "",
    ]
    by_id = {a.id: a for a in report.articles}
    for story in report.stories:
        span = " to ".join(
            d for d in dict.fromkeys([story.first_published, story.last_published]) if d
        )
        out += [f"## {story.headline or story.id}", ""]
        out += _summary(story.summary)
        if span:
            out += [f"Published {span}.", ""]
        out += ["Sources:", ""]
        for aid in story.article_ids:
            a = by_id[aid]
            out.append(
                f"- **{a.outlet or 'unknown outlet'}** ({a.published or 'undated'}): "
                f"{a.title or a.id}"
            )
        out.append("")
        out += _claims(story.claims)
        out += _conflicts(story.conflicts)
        out += _timeline(story.timeline)
        out += _framing(story, by_id)
    out += [
        "## Articles",
        "",
        "| id | outlet | published | title | status | source |",
        "|---|---|---|---|---|---|",
        *(_article_line(a) for a in report.articles),
        "",
    ]
    removed = [(a, r) for a in report.articles for r in a.removed]
    if removed:
        out += ["## Removed boilerplate", "", "| article | reason | text |", "|---|---|---|"]
        out += [
            f"| {_cell(a.id)} | {_cell(r.reason)} | {_cell(r.text[:200])} |" for a, r in removed
        ]
        out.append("")
    return "\n".join(out)


def _framing(story: Any, by_id: dict[str, Article]) -> list[str]:
    """How each outlet frames the story: its words for the same things side by side,
    its distinctive terms, hedges, tone towards the main actors, and coverage."""
    rows = story.framing.get("articles", [])
    if not rows:
        return []
    outlets = [_cell(by_id[r["article_id"]].outlet or r["article_id"]) for r in rows]
    head = ["", "|---|" + "---|" * len(rows)]
    out = ["### How each outlet frames the story", ""]
    refs = [r for r in story.framing.get("referents", []) if len(r["labels"]) > 1][:10]
    if refs:
        out += ["Words for the same thing:", "", f"| referent | {' | '.join(outlets)} |", head[1]]
        for ref in refs:
            cells = [
                ", ".join(x["label"] for x in ref["labels"].get(r["article_id"], [])) for r in rows
            ]
            out.append(f"| {_cell(ref['name'])} | {' | '.join(_cell(c) for c in cells)} |")
        out.append("")
    actors = list(dict.fromkeys(t["actor"] for r in rows for t in r.get("tone", [])))
    if actors:
        out += ["Tone towards the main actors (VADER compound, -1 to 1; sentences):", ""]
        out += [f"| actor | {' | '.join(outlets)} |", head[1]]
        for actor in actors:
            cells = []
            for r in rows:
                t = next((t for t in r.get("tone", []) if t["actor"] == actor), None)
                cells.append(f"{t['score']:+.2f} ({t['n']})" if t else "—")
            out.append(f"| {_cell(actor)} | {' | '.join(cells)} |")
        out.append("")
    claims = {c["id"]: c for c in story.claims}
    for name, r in zip(outlets, rows, strict=True):
        terms = ", ".join(
            f"{t['term']} ({t['count']} here, {t['rest_count']} elsewhere)"
            for t in r["distinctive_terms"][:8]
        )
        out.append(f"- **{name}**")
        if terms:
            out.append(f"  - distinctive terms: {terms}")
        for h in r["hedges"]:
            out.append(f"  - {h['kind']}: \u201c{_cell(h['text'])}\u201d on {_cell(h['target'])}")
        for label, ids in (("reports alone", r["unique_claim_ids"]),
                           ("leaves out", r["omitted_claim_ids"])):  # fmt: skip
            # a disputed claim is named with its sides, as everywhere else
            shown = "; ".join(
                _cell(claim_as_positions(claims[i], 120)) for i in ids[:5] if i in claims
            )
            if shown:
                out.append(f"  - {label}: {shown}")
    out.append("")
    return out
