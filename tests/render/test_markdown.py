"""The Markdown report's account of who claims what."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from rashomon.render.markdown import _claims, _framing


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


def test_an_outlets_coverage_names_a_disputed_claim_only_with_its_sides() -> None:
    disputed = _claim(
        "The bridge was closed",
        _position("Police", "asserts", "a", "Police said the bridge was closed."),
        _position("The council", "denies", "b", "The council denied the bridge was closed."),
    )
    agreed = dict(_claim("The river rose", _position("Police", "asserts", "a", "It rose.")),
                  id="claim-2", status="consensus")  # fmt: skip
    row = {"article_id": "c", "distinctive_terms": [], "hedges": [], "tone": [],
           "unique_claim_ids": ["claim-2"], "omitted_claim_ids": ["claim-1"]}  # fmt: skip
    story = SimpleNamespace(framing={"articles": [row], "referents": []},
                            claims=[disputed, agreed])  # fmt: skip
    lines = _framing(story, {"c": SimpleNamespace(outlet="The Courier")})
    sides = "disputed: Police say; The council deny: \u201cThe bridge was closed\u201d"
    assert f"  - leaves out: {sides}" in lines
    assert "  - reports alone: The river rose" in lines
