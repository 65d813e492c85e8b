"""The Markdown report's account of who claims what."""

from __future__ import annotations

from typing import Any

from rashomon.render.markdown import _claims


def _position(actor: str, stance: str, article: str, evidence: str) -> dict[str, Any]:
    return {"actor": actor, "entity_id": None, "stance": stance, "article_id": article,
            "attribution_id": None, "evidence": evidence}  # fmt: skip


def _claim(text: str, *positions: dict[str, Any], **more: Any) -> dict[str, Any]:
    articles = sorted({p["article_id"] for p in positions})
    return {"id": "claim-1", "text": text, "status": "disputed", "article_ids": articles,
            "positions": list(positions), **more}  # fmt: skip


def test_a_claim_whose_sources_give_different_figures_names_no_one_as_saying_them_all() -> None:
    toll = _claim(
        "The number of people killed: 14; as many as 40",
        _position("Harbour officials", "asserts", "a", "Officials said 14 people were killed."),
        _position("Union leaders", "asserts", "b", "The union said as many as 40 died."),
        differs_on="people killed",
    )
    lines = _claims([toll])
    head = next(line for line in lines if line.startswith("- "))
    assert "figures differ" in head and "40" in head
    # not "Harbour officials, Union leaders say: 14; as many as 40"
    assert "Harbour officials" not in head and " say" not in head
    # each figure stays with the one who gives it
    assert "  - Harbour officials (asserts, a): Officials said 14 people were killed." in lines
    assert "  - Union leaders (asserts, b): The union said as many as 40 died." in lines


def test_a_disputed_claim_says_who_holds_each_side() -> None:
    claim = _claim(
        "The bridge was closed",
        _position("Police", "asserts", "a", "Police said the bridge was closed."),
        _position("The council", "denies", "b", "The council denied the bridge was closed."),
    )
    head = next(line for line in _claims([claim]) if line.startswith("- "))
    assert head.startswith("- **Disputed** (2 articles): Police say; The council deny:")
