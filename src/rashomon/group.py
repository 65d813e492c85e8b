"""Group: ok articles -> stories. For now every ok article of a run is one story;
event-level grouping replaces this function's body, not its contract."""

from __future__ import annotations

import hashlib

from rashomon.model import Article, Story

__all__ = ["group"]


def _story_id(article_ids: list[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return "story-" + digest[:10]


def group(articles: list[Article]) -> list[Story]:
    ok = [a for a in articles if a.status == "ok"]
    if not ok:
        return []
    ids = sorted(a.id for a in ok)
    dates = sorted(a.published for a in ok if a.published)
    # The headline of the earliest dated article, else of the first titled one.
    by_date = sorted(ok, key=lambda a: (a.published is None, a.published or "", a.id))
    headline = next((a.title for a in by_date if a.title), None)
    return [
        Story(
            id=_story_id(ids),
            headline=headline,
            article_ids=ids,
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
        )
    ]
