"""Compare: per-story, cross-document work on the articles' analyses (entities first;
claims, numbers, time and framing build on them)."""

from rashomon.compare.entities import canonical_entities

__all__ = ["canonical_entities"]
