"""Figures the story list and the story page show beside the HTML report's views."""

from __future__ import annotations

from rashomon.model import Story

__all__ = ["disputes"]


def disputes(story: Story) -> int:
    """Disputed claims plus conflicts (numbers, dates, claims) of a story."""
    return sum(1 for c in story.claims if c.get("status") == "disputed") + len(story.conflicts)
