"""How any view names a claim: a disputed claim only with its sides, never as a bare
statement of fact (the report's neutrality rule, for every view after the claims
stage: timeline, coverage, Markdown, HTML)."""

from __future__ import annotations

from typing import Any

__all__ = ["STANCE_VERBS", "claim_as_positions", "claim_sides"]

STANCE_VERBS = {"asserts": "say", "hedges": "suggest", "questions": "question", "denies": "deny"}


def claim_sides(claim: dict[str, Any]) -> list[str]:
    """Who holds each stance on a claim, in a fixed order: "Tarvonia, Osterland say",
    "Belmark deny"."""
    positions = claim.get("positions") or []
    out = []
    for stance, verb in STANCE_VERBS.items():
        actors = dict.fromkeys(str(p.get("actor")) for p in positions if p.get("stance") == stance)
        if actors:
            out.append(f"{', '.join(actors)} {verb}")
    return out


def claim_as_positions(claim: dict[str, Any], limit: int | None = None) -> str:
    """A claim's text (its first `limit` characters) as a view that names it must give
    it: a disputed claim with its sides ("disputed: Tarvonia say; Belmark deny:
    \u201c...\u201d"); one whose sources give different figures as such ("figures differ:
    The number of people killed: 12; 40"), since no one says them all; any other claim
    as its text."""
    text = str(claim.get("text") or "")[:limit]
    if claim.get("differs_on"):
        return f"figures differ: {text}"
    if claim.get("status") != "disputed":
        return text
    return f"disputed: {'; '.join(claim_sides(claim))}: \u201c{text}\u201d"
