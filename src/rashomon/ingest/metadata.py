"""Metadata, finalised: what the readers and the cleaner found, tidied, with the
outlet taken from a site name, a signature in the removed furniture, or the URL's
domain, and the language detected from the body. Nothing is invented: an unknown
date stays None."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from rashomon.ingest.dates import to_iso_date
from rashomon.model import Metadata, Removed

__all__ = ["domain_of", "finalise", "outlet_from_signature"]

_SPACES = re.compile(r"\s+")
# "published by the Warsaw Institute Foundation", "© 2024 Harbour Watch Ltd",
# "prepared by the X team": a capitalised name after a publishing cue.
_NAME = (
    r"((?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|for|and|&|de|du|la|al|el)?\s*[A-Z][\w&'’.-]*){0,6})"
)
_SIGNATURES = [
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?" + _NAME, re.I),
    re.compile(
        r"\b(?:published|prepared|produced|brought to you|written|compiled)\s+by\s+" + _NAME
    ),
    re.compile(_NAME + r"\.?\s+all rights reserved", re.I),
]
_TRAILING_NOISE = re.compile(r"\s+(?:team|staff|editors?|newsroom|ltd|llc|inc|gmbh|plc)\.?$", re.I)
_GENERIC = frozenset({"the", "all", "this", "images", "texts", "content", "our", "we"})


def domain_of(url: str | None) -> str | None:
    """The host of `url` without 'www.', or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def outlet_from_signature(texts: list[str]) -> str | None:
    """The publisher named in copyright or credit lines, when one is."""
    for text in texts:
        for pattern in _SIGNATURES:
            for m in pattern.finditer(text):
                # A name ends where a sentence does ("The Daily Clarion. All rights").
                name = re.split(r"\.\s", m.group(1))[0]
                name = _TRAILING_NOISE.sub("", name.strip(" .,;:"))
                name = re.sub(r"^the\s+", "", name, flags=re.I)
                if name and name.split()[0].lower() not in _GENERIC and len(name) >= 3:
                    return name
    return None


def _detect_language(text: str) -> str | None:
    if len(text.split()) < 5:
        return None
    import py3langid

    lang, _ = py3langid.classify(text[:3000])
    return str(lang)


def _tidy(s: str | None) -> str | None:
    if s is None:
        return None
    s = _SPACES.sub(" ", s).strip()
    return s or None


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        t = _tidy(item)
        if t and t.lower() not in seen:
            seen.add(t.lower())
            out.append(t)
    return out


def finalise(meta: Metadata, text: str, removed: list[Removed]) -> Metadata:
    """The article's metadata as the report shows it."""
    url = _tidy(meta.url)
    outlet = (
        _tidy(meta.outlet) or outlet_from_signature([r.text for r in removed]) or domain_of(url)
    )
    authors = _unique([re.sub(r"^(?:by)\s+", "", a, flags=re.I) for a in meta.authors])
    return Metadata(
        title=_tidy(meta.title),
        outlet=outlet,
        url=url,
        published=to_iso_date(meta.published) if meta.published else None,
        modified=to_iso_date(meta.modified) if meta.modified else None,
        authors=authors,
        tags=_unique(meta.tags),
        language=(meta.language or "").lower()[:2] or _detect_language(text),
    )
