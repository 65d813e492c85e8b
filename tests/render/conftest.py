"""Reports the renderer tests share: the bundled example corpus run through the real
pipeline (with framing and summary entries written here by hand, in the agreed shapes,
where the pipeline does not fill them yet), and a report whose article is hostile."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import rashomon.pipeline
from rashomon.model import Article, Source, Story
from rashomon.report import Report, validate
from rashomon.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "saltmarsh-2025" / "mixed"

HOSTILE_TITLE = '<script>window.__pwned_title = 1; document.title = "pwned"</script>Title'
HOSTILE_TEXT = (
    "The mayor said <script>window.__pwned_text = 1</script> the bridge reopened.\n\n"
    'Officials said <img src=x onerror="window.__pwned_img = 1"> nothing more.'
)
HOSTILE_OUTLET = '"><script>window.__pwned_outlet = 1</script>'
HOSTILE_URL = "javascript:window.__pwned_url = 1"


def _framing(story: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Framing in the agreed shape, built from what the articles really say: every
    'so-called' becomes a hedge at its true offsets, and the most mentioned entity a
    referent whose labels are its mentions' words."""
    entity = max(story["entities"], key=lambda e: e["mention_count"])
    articles = []
    for aid in story["article_ids"]:
        text = by_id[aid]["text"]
        hedges = []
        at = text.find("so-called")
        if at >= 0:
            end = at + len("so-called")
            sentence_start = text.rfind(".", 0, at) + 1
            sentence_end = text.find(".", end) + 1 or len(text)
            hedges.append(
                {
                    "text": "so-called",
                    "kind": "so-called",
                    "target": text[end:sentence_end].split(",")[0].strip(),
                    "target_entity_id": None,
                    "sentence": " ".join(text[sentence_start:sentence_end].split()),
                    "start": at,
                    "end": end,
                }
            )
        words = [m["text"] for m in entity["mentions"] if m["article_id"] == aid]
        articles.append(
            {
                "article_id": aid,
                "outlet": by_id[aid]["outlet"],
                "distinctive_terms": [
                    {"term": w, "score": 2.5, "count": words.count(w), "rest_count": 0}
                    for w in dict.fromkeys(words)
                ],
                "labels": {"ref-1": sorted(set(words))},
                "hedges": hedges,
                "tone": [
                    {"entity_id": entity["id"], "actor": entity["name"], "score": -0.4,
                     "sentences": [], "n": len(words)}
                ] if words else [],
                "unique_claim_ids": [
                    c["id"] for c in story["claims"] if c["article_ids"] == [aid]
                ][:3],
                "omitted_claim_ids": [],
            }
        )  # fmt: skip
    labels: dict[str, list[dict[str, Any]]] = {}
    for m in entity["mentions"]:
        per = labels.setdefault(m["article_id"], [])
        for item in per:
            if item["label"] == m["text"]:
                item["count"] += 1
                break
        else:
            per.append({"label": m["text"], "count": 1})
    return {
        "articles": articles,
        "referents": [
            {"id": "ref-1", "name": entity["name"], "entity_id": entity["id"], "labels": labels}
        ],
    }


def _summary(story: dict[str, Any]) -> list[dict[str, Any]]:
    disputed = next(c for c in story["claims"] if c["status"] == "disputed")
    agreed = next(c for c in story["claims"] if c["status"] == "consensus")
    return [
        {"text": f"Sources disagree: {disputed['text']}", "article_ids": disputed["article_ids"],
         "claim_ids": [disputed["id"]], "kind": "disputed"},
        {"text": f"Sources agree: {agreed['text']}", "article_ids": agreed["article_ids"],
         "claim_ids": [agreed["id"]], "kind": "agreed"},
    ]  # fmt: skip


@pytest.fixture(scope="session")
def example_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The example corpus as the pipeline reports it, with framing and a summary."""
    db = tmp_path_factory.mktemp("store") / "r.db"
    report = rashomon.pipeline.run([str(EXAMPLE)], Settings(quiet=True, db=str(db)))
    by_id = {a.id: a.to_dict() for a in report.articles}
    for story in report.stories:
        data = story.to_dict()
        if not story.summary and any(c["status"] == "disputed" for c in story.claims):
            story.summary = _summary(data)
        if not story.framing.get("articles"):
            story.framing = _framing(data, by_id)
    validate(report.to_dict())
    return report


@pytest.fixture
def example(example_report: Report) -> Report:
    """A copy a test may change."""
    return copy.deepcopy(example_report)


def hostile_report() -> Report:
    """One article whose title, text, outlet and URL try to run script, in a story whose
    claim and summary quote it."""
    article = Article(
        id="evil",
        source=Source(format="txt", path="evil.txt"),
        title=HOSTILE_TITLE,
        outlet=HOSTILE_OUTLET,
        url=HOSTILE_URL,
        published="2024-06-04",
        text=HOSTILE_TEXT,
    )
    start = HOSTILE_TEXT.index("<script>")
    sentence = HOSTILE_TEXT.split("\n\n")[0]
    story = Story(
        id="story-evil",
        headline=HOSTILE_TITLE,
        article_ids=["evil"],
        attributions=[
            {"id": "evil#a1", "article_id": "evil", "speaker": HOSTILE_OUTLET,
             "speaker_entity_id": None, "cue": "said", "stance": "asserts",
             "content": sentence[start:], "direct": False, "sentence": sentence,
             "start": start, "end": len(sentence), "refers_to": []}
        ],
        claims=[
            {"id": "claim-1", "text": HOSTILE_TITLE, "status": "single_source",
             "article_ids": ["evil"],
             "positions": [{"actor": HOSTILE_OUTLET, "entity_id": None, "stance": "asserts",
                            "article_id": "evil", "attribution_id": "evil#a1",
                            "evidence": sentence, "own_voice": False}]}
        ],
        summary=[{"text": HOSTILE_TITLE, "article_ids": ["evil"], "claim_ids": ["claim-1"],
                  "kind": "single_source"}],
    )  # fmt: skip
    return Report(articles=[article], stories=[story], generated_at="2024-06-05T00:00:00Z")
