"""Compare: per-story, cross-document work on the articles' analyses (entities first;
claims, numbers, time and framing build on them)."""

from rashomon.compare.entities import canonical_entities
from rashomon.compare.references import resolve_reference

__all__ = ["canonical_entities", "resolve_reference"]
