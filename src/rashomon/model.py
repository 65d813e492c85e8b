"""The plain data objects that every stage of the flow hands to the next.

Field names are the words of the report contract (docs/report-contract.md in
shared/); `to_dict` gives exactly the contract's shape, nothing internal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ok", "duplicate", "rejected"]
# "html" is a whole web page; "fragment" is the markup of a body alone (feeds, records).
BodyKind = Literal["text", "html", "fragment"]


@dataclass(frozen=True)
class Source:
    """Where an input item came from."""

    format: str
    path: str | None = None
    url: str | None = None
    # Position of the item inside a container file (a JSONL line, a feed entry, a
    # WARC record); None for single-item inputs.
    index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": self.format}
        if self.path is not None:
            out["path"] = self.path
        if self.url is not None:
            out["url"] = self.url
        if self.index is not None:
            out["index"] = self.index
        return out


@dataclass
class Metadata:
    """What a reader knows about an item before cleaning; any field may be unknown."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str | None = None

    def merge_missing(self, other: Metadata) -> None:
        """Fill what this one lacks from `other`; what is already known wins."""
        for name in ("title", "outlet", "url", "published", "modified", "language"):
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        if not self.authors:
            self.authors = list(other.authors)
        if not self.tags:
            self.tags = list(other.tags)


@dataclass
class RawItem:
    """One input item as a reader found it: a body (text or HTML) and metadata.

    A reader that cannot produce a body sets `reason` instead; the item then
    becomes a rejected article, so nothing is dropped.
    """

    source: Source
    id_hint: str
    kind: BodyKind = "text"
    body: str = ""
    meta: Metadata = field(default_factory=Metadata)
    reason: str | None = None


@dataclass
class Removed:
    """A piece of boilerplate taken out of an article, kept for review."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass
class Article:
    """One input item, whatever became of it (the report's `articles[]`)."""

    id: str
    source: Source
    status: Status = "ok"
    reason: str | None = None
    duplicate_of: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    # Hash of the normalised text: the store's key and the exact-duplicate key.
    content_hash: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict(),
            "status": self.status,
            "reason": self.reason,
            "duplicate_of": self.duplicate_of,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "published_inferred": self.published_inferred,
            "authors": list(self.authors),
            "tags": list(self.tags),
            "language": self.language,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "content_hash": self.content_hash,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        src = data.get("source") or {}
        return cls(
            id=data["id"],
            source=Source(
                format=src.get("format", "unknown"),
                path=src.get("path"),
                url=src.get("url"),
                index=src.get("index"),
            ),
            status=data.get("status", "ok"),
            reason=data.get("reason"),
            duplicate_of=data.get("duplicate_of"),
            title=data.get("title"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published=data.get("published"),
            published_inferred=bool(data.get("published_inferred", False)),
            authors=list(data.get("authors") or []),
            tags=list(data.get("tags") or []),
            language=data.get("language"),
            text=data.get("text", ""),
            removed=[Removed(r["text"], r["reason"]) for r in data.get("removed") or []],
            content_hash=data.get("content_hash"),
        )


@dataclass(frozen=True)
class Mention:
    """A named entity as the model found it: character offsets into the article's
    text, the model's label, and the index of its sentence."""

    start: int
    end: int
    text: str
    label: str
    sentence: int


@dataclass
class Attribution:
    """One statement ascribed to someone in one article (character offsets into its
    text). The speaker is a surface span here; the compare stage resolves it.

    `speaker_kind`: "named" (a name or description), "pronoun" (he/she/it/its),
    "statement" (a statement with no author given), "continued" (carries on
    attribution `continues`), or "unnamed" (an agentless passive: "is believed").
    `anaphor`: the content only points back ("these claims"); `refers_to` holds the
    indexes of the attributions it points to, `owner` the name in the pointer
    ("Tarvonian claims"). `negated`: the content is a negated clause.
    """

    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    stance: str
    direct: bool
    sentence: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str = "named"
    anaphor: bool = False
    owner: str | None = None
    negated: bool = False
    continues: int | None = None
    refers_to: tuple[int, ...] = ()
    # "said A and that B": the spans of A and B, each with its negation, when a
    # content holds more than one proposition.
    parts: tuple[tuple[int, int, bool], ...] = ()

    def to_list(self) -> list[Any]:
        return [self.start, self.end, self.cue, self.cue_start, self.cue_end, self.stance,
                self.direct, self.sentence, self.speaker, self.speaker_start, self.speaker_end,
                self.speaker_kind, self.anaphor, self.owner, self.negated, self.continues,
                list(self.refers_to), [list(p) for p in self.parts]]  # fmt: skip

    @classmethod
    def from_list(cls, data: list[Any]) -> Attribution:
        head = list(data[:16])
        refers, parts = data[16], data[17]
        att = cls(*head)
        att.refers_to = tuple(refers)
        att.parts = tuple((a, b, c) for a, b, c in parts)
        return att


class ArticleAnalysis:
    """One article parsed once: its sentences as character spans, its entity mentions,
    its attributions, and the spaCy `Doc` (tokens, tags, dependencies). A cached
    analysis reads the Doc from its stored bytes only when a later stage asks for it."""

    def __init__(
        self,
        article_id: str,
        content_hash: str,
        sentences: list[tuple[int, int]],
        mentions: list[Mention],
        attributions: list[Attribution] | None = None,
        quantities: list[Any] | None = None,
        doc: Any = None,
        load_doc: Callable[[], Any] | None = None,
        title_quantities: list[Any] | None = None,
        title_attributions: list[Attribution] | None = None,
        title_doc: Any = None,
        load_title_doc: Callable[[], Any] | None = None,
    ) -> None:
        self.article_id = article_id
        self.content_hash = content_hash
        self.sentences = sentences
        self.mentions = mentions
        self.attributions = attributions or []
        # rashomon.nlp.quantities.Quantity, one per amount that counts something
        self.quantities = quantities or []
        # amounts in the headline ("... kills at least 12"), offsets into the title
        self.title_quantities = title_quantities or []
        # who says what in the headline ("Belmark rejects Tarvonian claims"), offsets
        # into the title
        self.title_attributions = title_attributions or []
        self._doc = doc
        self._load_doc = load_doc
        self._title_doc = title_doc
        self._load_title_doc = load_title_doc

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence that holds a character offset (the last one when
        the offset is past the end)."""
        for i, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return i
        return len(self.sentences) - 1

    def sentence_text(self, text: str, index: int) -> str:
        """Sentence `index` of `text` (the article's), its spaces collapsed: the evidence
        string every stage quotes, so that evidence from two stages compares equal."""
        if not self.sentences:
            return " ".join(text.split())
        start, end = self.sentences[max(0, min(index, len(self.sentences) - 1))]
        return " ".join(text[start:end].split())

    @property
    def doc(self) -> Any:
        if self._doc is None and self._load_doc is not None:
            self._doc = self._load_doc()
        return self._doc

    @property
    def title_doc(self) -> Any:
        """The headline's parse (None without a headline, or from an older cache)."""
        if self._title_doc is None and self._load_title_doc is not None:
            self._title_doc = self._load_title_doc()
        return self._title_doc


@dataclass
class Story:
    """A group of ok articles about one event (the report's `stories[]`).

    The per-story lists are filled by the compare stage; until it runs they are
    empty, which the contract allows.
    """

    id: str
    headline: str | None
    article_ids: list[str]
    first_published: str | None = None
    last_published: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    framing: dict[str, Any] = field(default_factory=lambda: {"articles": []})
    summary: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "article_ids": list(self.article_ids),
            "first_published": self.first_published,
            "last_published": self.last_published,
            "entities": self.entities,
            "attributions": self.attributions,
            "claims": self.claims,
            "quantities": self.quantities,
            "conflicts": self.conflicts,
            "timeline": self.timeline,
            "framing": self.framing,
            "summary": self.summary,
        }
