"""Cleaning: scraped text -> the article's body, with everything taken out kept and
explained in `removed`.

It judges each paragraph by generic features (position, length, sentence
punctuation, second-person calls to action, legal wording, link-bar vocabulary,
repetition), not by a list of known sites' phrases, so it works on sites it has
never seen. Header lines (title, dates, URL) and trailing tag lines are read as
metadata rather than thrown away.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rashomon.ingest.dates import to_iso_date
from rashomon.model import Metadata, Removed

__all__ = ["Cleaned", "clean_text", "normalise"]


@dataclass
class Cleaned:
    text: str
    meta: Metadata = field(default_factory=Metadata)
    removed: list[Removed] = field(default_factory=list)


# --- character-level normalisation -------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        # Spaces of every width become a plain space; invisible characters go.
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2004": " ",
        "\u2005": " ",
        "\u2006": " ",
        "\u2007": " ",
        "\u2008": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\t": " ",
        "\x0b": " ",
        "\x0c": "\n",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
        "\x00": None,
        "\u2028": "\n",
        "\u2029": "\n\n",
        "\x85": "\n",
        # Quote variants become the standard curly pair, keeping their direction.
        "\u00ab": "\u201c",
        "\u00bb": "\u201d",
        "\u201e": "\u201c",
        "\u201f": "\u201c",
        "\u2033": '"',
        "\u301d": "\u201c",
        "\u301e": "\u201d",
        "\uff02": '"',
        "\u2039": "\u2018",
        "\u203a": "\u2019",
        "\u201a": "\u2018",
        "\u201b": "\u2018",
        "\u2032": "'",
        "\uff07": "'",
        # Dash variants become hyphen, en dash or em dash.
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "\u2013",
        "\u2212": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        "\u2015": "\u2014",
        "\u2e3a": "\u2014",
        "\u2e3b": "\u2014",
        "\ufe58": "\u2014",
    }
)
_SPACE_RUN = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) +(?=[.,;:!?](?:\s|$))", re.M)
_DOUBLE_HYPHEN = re.compile(r"(?<=\s)--(?=\s)")
_INNER_QUOTE_SPACE = re.compile(r"(\u201c) +| +(\u201d)")
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


def normalise(text: str) -> str:
    """Unicode NFC, one kind of space, standard quotes and dashes, no stray controls."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    text = _CONTROL.sub("", text)
    text = _DOUBLE_HYPHEN.sub("\u2014", text)
    # Spaces just inside curly quotes (French guillemets set « like this ») go.
    text = _INNER_QUOTE_SPACE.sub(lambda m: m.group(1) or m.group(2), text)
    text = _SPACE_BEFORE_PUNCT.sub("", _SPACE_RUN.sub(" ", text))
    return "\n".join(ln.strip() for ln in text.split("\n"))


# --- paragraphs ----------------------------------------------------------------------

_SENT_END = re.compile(r"[.!?…。！？]\s*[\"'”’)\]」』]*\s*$")


def _paragraphs(text: str) -> list[str]:
    """Blank-line blocks; inside a block each line is a paragraph unless the block is
    hard-wrapped prose (lines broken mid-sentence), which is joined back."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) >= 3 and _hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: all but the last of similar length, most of them
    ending mid-sentence."""
    body = lines[:-1]
    lengths = [len(ln) for ln in body]
    if not 40 <= max(lengths) <= 110 or min(lengths) < 0.7 * max(lengths):
        return False
    open_ends = sum(1 for ln in body if not _SENT_END.search(ln))
    return open_ends / len(body) >= 0.5


# --- features ------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_URL_LINE = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.I)
_DATE_LABEL = re.compile(
    r"^(?:date|published|posted|posted on|publication date|date published|first published|dated)"
    r"\s*[:\-–]?\s*(.+)$",
    re.I,
)
_UPDATED_LABEL = re.compile(
    r"^\(?\s*(?:last\s+)?(?:modified|updated|last update|edited)\s*(?:on|at)?"
    r"\s*[:\-–]?\s*(.+?)\s*\)?$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|author|authors|written by|words by)\s*[:\-–]?\s+(.+)$", re.I)
_BULLET = re.compile(r"^[•·▪◦●■*►»>\-–—]+\s*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_TAGS_LABEL = re.compile(
    r"^(?:tags?|topics?|keywords?|filed under|categories|category)\s*:\s*(.+)$", re.I
)
_INITIALS = re.compile(r"^[\(\[]?(?:[A-Z]{1,4}[./]?){1,3}(?:\s*/\s*[A-Z]{1,4})?[\)\]]?$")
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|^copyright\b|\bcopyright\s*(?:\d{4}|\(c\))|all rights reserved|"
    r"\bmay (?:not )?be (?:reproduced|republished|redistributed|disseminated|copied|reprinted)"
    r"|without (?:prior |express )?(?:written )?permission|origin is credited|"
    r"\breprinted with permission\b",
    re.I,
)
# Legal links that are furniture only as a short line of their own.
_LEGAL_LINKS = re.compile(
    r"\b(?:terms of (?:use|service)|privacy policy|cookie policy|imprint|contact us)\b", re.I
)
_CAPTION = re.compile(
    r"^(?:\(?(?:photo|image|picture|file photo|video|graphic|illustration|credit|source)s?"
    r"(?:\s+(?:by|credit|courtesy))?\s*[:|/]|(?:photo|image|picture)\s*(?:by|courtesy of)\s)",
    re.I,
)
# A cheap first look: no call to action lacks all of these stems.
_CTA_HINT = re.compile(
    r"donat|subscri|sign|newsletter|follow|support|become|join|click|tap|download|share|"
    r"inbox|contribut|gift|advert|sponsor|cookie",
    re.I,
)
_PUBLISHER_CTA = re.compile(
    r"\b(?:donate|donations?|newsletters?|your inbox|follow us|support us|click here|"
    r"for as little as|delivered (?:to|through) your|share it with|"
    r"become a (?:member|patron|supporter))\b",
    re.I,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+(?:comments?|thoughts|responses|replies)\b|"
    r"comments? (?:are|is) (?:closed|disabled)|"
    r"(?:leave|post|add|write) a (?:comment|reply)|tell us what you think|"
    r"thanks for your comment|be the first to comment|join the (?:conversation|discussion))",
    re.I,
)
_CONSENT = re.compile(
    r"\b(?:data protection policy|privacy policy|submitting this form|"
    r"non-commercial use|revoke (?:this|your) consent|cookie settings)\b",
    re.I,
)
# Production credits and syndication notices: who wrote or where it came from.
_CREDIT = re.compile(
    r"^\(?(?:(?:additional )?reporting|writing|written|editing|edited|compiled|translated|"
    r"produced|contributing)(?: by\b|:)[^.]{0,120}$",
    re.I,
)
_SYNDICATION = re.compile(
    r"^(?:this (?:article|story|report) (?:was|is|has been) )?(?:republished|reprinted|"
    r"originally published|first published|distributed|syndicated)\b.{0,150}$",
    re.I,
)
_QUOTE = re.compile(r"[\"“”«»]")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_FIRST_PLURAL = re.compile(r"\b(?:us|our|we)\b", re.I)
# Appeals to the reader on the publisher's behalf; topical words such as "support" or
# "subscription" alone are not enough.
_CTA = re.compile(
    r"\b(?:donate|donating|donations?|subscribe(?: now| today| to (?:our|the))?|sign(?:ing)? up|"
    r"newsletters?|follow us|support (?:us|our|independent|quality)|become a (?:member|patron|"
    r"supporter|subscriber)|join us|click here|tap here|download (?:our|the) app|share this|"
    r"your inbox|contribute (?:to|now|today)|make a (?:gift|contribution)|"
    r"advertisement|sponsored content|accept (?:all )?cookies|cookie (?:policy|settings))\b",
    re.I,
)
_NAV_HEAD = re.compile(
    r"^(?:related|more|read|see|recommended|popular|trending|latest|most|also|"
    r"further|you may|other|top|editor'?s?|share|follow|tags?|topics?|categories|"
    r"comments?|leave a|advertisement|sponsored|support|subscribe|newsletter|"
    r"don'?t miss|also on|watch|listen|must read|in case you missed|more on this)\b",
    re.I,
)
# Promoted headlines of a teaser block: no closing full stop (a tag such as
# "[VIDEO]" or a "|" often ends them).
_HEADLINE = re.compile(r"[^.!…]\s*(?:\[[A-Z ]+\])?\s*\|?$")
# Words of sharing bars and social links: general web vocabulary, not any site's.
_SHARE_WORDS = frozenset(
    (
        "share",
        "shares",
        "sharing",
        "this",
        "on",
        "via",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "email",
        "e-mail",
        "mail",
        "print",
        "linkedin",
        "reddit",
        "pinterest",
        "vk",
        "vkontakte",
        "ok",
        "tumblr",
        "messenger",
        "viber",
        "line",
        "wechat",
        "weibo",
        "copy",
        "link",
        "url",
        "tweet",
        "pin",
        "flipboard",
        "pocket",
        "mastodon",
        "bluesky",
        "threads",
        "instagram",
        "youtube",
        "tiktok",
        "rss",
        "feed",
        "sms",
        "follow",
        "us",
        "save",
        "comment",
        "comments",
        "article",
        "reprint",
        "reprints",
        "order",
    )
)


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _norm_key(s: str) -> str:
    return " ".join(w.lower() for w in _words(s))


def _is_sentence(p: str) -> bool:
    return bool(_SENT_END.search(p))


def _heading_like(p: str) -> bool:
    """Short, no closing sentence punctuation: a heading, label or link text."""
    return len(p) <= 120 and not _is_sentence(p) and 0 < len(_words(p)) <= 12


def _share_bar(p: str) -> bool:
    toks = [t.lower().strip(":|•·,") for t in re.split(r"[\s|•·,/]+", p) if t.strip(":|•·,/")]
    if not toks or len(toks) > 16:
        return False
    hits = sum(1 for t in toks if t in _SHARE_WORDS)
    return hits >= 2 and hits / len(toks) >= 0.6


def _call_to_action(p: str) -> bool:
    """Addresses the reader and asks something for the publisher (donate, subscribe,
    sign up, follow); never inside quoted speech."""
    if _QUOTE.search(p) or not _CTA_HINT.search(p):
        return False
    ctas = len(_CTA.findall(p))
    if ctas == 0:
        return False
    # The publisher speaks of itself ("support our work", "our newsletter") or the line
    # is a bare button label; "you can sign up for a trial" in a review is topic.
    if _FIRST_PLURAL.search(p) or len(_words(p)) <= 6:
        return True
    return bool(_SECOND_PERSON.search(p)) and bool(_PUBLISHER_CTA.search(p))


def _tag_line(p: str) -> list[str] | None:
    """A line listing tags: comma/pipe-separated short names, no sentence."""
    if _dateish(p):
        return None
    m = _TAGS_LABEL.match(p)
    body = m.group(1) if m else p
    if _is_sentence(body) and not m:
        return None
    parts = [x.strip(" #") for x in re.split(r"\s*[,;|]\s*|\s+#", body) if x.strip(" #")]
    if not m and len(parts) < 3:
        return None
    if any(len(_words(x)) > 4 or len(x) > 40 or _NOT_A_TAG.search(x) for x in parts):
        return None
    if not m:
        capitalised = sum(1 for x in parts if x[:1].isupper() or x[:1].isdigit())
        if capitalised / len(parts) < 0.6:
            return None
    return parts


_NOT_A_TAG = re.compile(r"[@–—:()$€£%]|\d{2,}")


_MONTH_OR_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|"
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b|"
    r"\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}\b|\b\d{1,2}:\d{2}\b",
    re.I,
)
_YEAR_OR_TIME = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b")


_DATE_WORD = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)?|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|am|pm|a|p|m|at|on|of|gmt|utc|et|est|edt|cet|cest|bst|pt|pst|"
    r"pdt|ist|msk|updated|update|last|published|posted|released|modified|date|time)$",
    re.I,
)


def _dateish(p: str) -> bool:
    """A short line that is mostly a date or time stamp, parseable or not."""
    if len(p) > 80 or _is_sentence(p) or not _YEAR_OR_TIME.search(p):
        return False
    if not _MONTH_OR_DAY.search(p):
        return False
    tokens = re.findall(r"[^\W_]+", p)
    if not tokens or len(tokens) > 14:
        return False
    dateish = sum(1 for t in tokens if _DATE_WORD.match(t))
    return dateish / len(tokens) >= 0.6


def _date_only(p: str) -> str | None:
    """ISO date when the whole short line is a date or timestamp."""
    if len(p) > 48 or len(_words(p)) > 7:
        return None
    if not re.search(r"\d", p):
        return None
    return to_iso_date(p)


# --- the cleaner ---------------------------------------------------------------------


def clean_text(text: str, *, read_header: bool = True, title: str | None = None) -> Cleaned:
    """Clean scraped `text`. With `read_header`, leading lines (title, dates, URL,
    byline) are read as metadata; trailing tag lines always are."""
    meta = Metadata(title=title)
    pars = _paragraphs(normalise(text))
    reasons: list[str | None] = [None] * len(pars)
    standfirst_zone = 0

    if read_header:
        standfirst_zone = _read_header(pars, reasons, meta)
    if meta.title:
        _drop_title_repeats(pars, reasons, meta.title)
    _drop_repeats(pars, reasons, standfirst_zone)
    _read_trailer(pars, reasons, meta)
    _drop_furniture(pars, reasons)

    if not meta.authors:
        meta.authors = _credited_authors(
            [p for p, r in zip(pars, reasons, strict=True) if r == "production credit"]
        )
    kept = [p for p, r in zip(pars, reasons, strict=True) if r is None]
    removed = [Removed(p, r) for p, r in zip(pars, reasons, strict=True) if r is not None]
    return Cleaned("\n\n".join(kept), meta, removed)


_WRITER_CREDIT = re.compile(r"\b(?:reporting|written|writing|words) by\s+([^;.()]+)", re.I)


def _credited_authors(credits: list[str]) -> list[str]:
    """The writers named in production credits ("Reporting by A and B; editing by C")."""
    for line in credits:
        if m := _WRITER_CREDIT.search(line):
            return _split_authors(m.group(1))
    return []


def _read_header(pars: list[str], reasons: list[str | None], meta: Metadata) -> int:
    """Read metadata lines at the top; returns the index where the body starts."""
    i = 0
    limit = min(len(pars), 12)
    while i < limit:
        p = pars[i]
        if _URL_LINE.match(p):
            meta.url = meta.url or p.strip("<>")
            reasons[i] = "URL line (read as the article's url)"
        elif m := _DATE_LABEL.match(p):
            iso = to_iso_date(m.group(1))
            if iso is None:
                break
            meta.published = meta.published or iso
            reasons[i] = "date line (read as the publication date)"
        elif (m := _UPDATED_LABEL.match(p)) and to_iso_date(m.group(1)):
            meta.modified = meta.modified or to_iso_date(m.group(1))
            reasons[i] = "last-modified line (read as the modification date)"
        elif (iso := _date_only(p)) is not None:
            meta.published = meta.published or iso
            reasons[i] = "timestamp line (read as the publication date)"
        elif _dateish(p):
            reasons[i] = "timestamp line (not understood as a date)"
        elif (m := _BYLINE.match(p)) and len(_words(m.group(1))) <= 10 and not _is_sentence(p):
            meta.authors = meta.authors or _split_authors(m.group(1))
            reasons[i] = "byline (read as the authors)"
        elif meta.title is None and _title_like(p):
            meta.title = _MD_HEADING.sub("", p).strip()
            reasons[i] = "title line (read as the title)"
        elif meta.title and _norm_key(_BULLET.sub("", _MD_HEADING.sub("", p))) == _norm_key(
            meta.title
        ):
            reasons[i] = "title repeated"
        elif _MD_HEADING.match(p):
            reasons[i] = "heading above the body (the title is already known)"
        elif _is_sentence(p) or len(_words(p)) > 25:
            # A lead paragraph can sit among the header lines (scraped standfirsts):
            # look past it only when more header lines follow.
            nxt = pars[i + 1] if i + 1 < len(pars) else ""
            if not (nxt and _header_line(nxt)):
                break
        else:
            break
        i += 1
    return i


def _header_line(p: str) -> bool:
    return bool(
        _URL_LINE.match(p)
        or _DATE_LABEL.match(p)
        or (_UPDATED_LABEL.match(p) and re.search(r"\d", p))
        or _date_only(p)
    )


def _title_like(p: str) -> bool:
    if _MD_HEADING.match(p):
        return True
    if _dateish(p):
        return False
    w = _words(p)
    if not 2 <= len(w) <= 30 or len(p) > 250:
        return False
    # Headlines end without a full stop (a question or exclamation is fine).
    return not re.search(r"[.;,:][\"'”’)\]]*$", p)


def _split_authors(s: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", s)
    return [p.strip() for p in parts if p.strip() and len(_words(p)) <= 5]


def _drop_title_repeats(pars: list[str], reasons: list[str | None], title: str) -> None:
    key = _norm_key(title)
    if not key:
        return
    limit = len(title) * 2 + 10  # a repeat is about as long as the title
    for i, p in enumerate(pars):
        if reasons[i] is not None or len(p) > limit:
            continue
        if _norm_key(_BULLET.sub("", _MD_HEADING.sub("", p))) == key:
            reasons[i] = "title repeated"


def _drop_repeats(pars: list[str], reasons: list[str | None], standfirst_zone: int) -> None:
    """Drop a long paragraph shown twice (a repeated standfirst, a scraping echo). An
    article repeating many paragraphs is structured content (menus, schedules), kept."""
    keys = [" ".join(p.lower().split()) if p.count(" ") >= 10 else "" for p in pars]
    repeated = {k for k in keys if keys.count(k) > 1 and len(k.split()) >= 12}
    if len(repeated) > 2:
        return
    seen: dict[str, int] = {}
    for i, p in enumerate(pars):
        key = keys[i]
        # Short lines and questions repeat legitimately (interviews, lists, prices).
        if len(key.split()) < 12 or p.rstrip().endswith("?"):
            continue
        if key in seen:
            if reasons[i] is None:
                first = seen[key]
                reasons[i] = (
                    "repeated standfirst (the lead paragraph shown twice)"
                    if first < standfirst_zone
                    else "repeated paragraph"
                )
        elif reasons[i] is None:
            seen[key] = i


def _read_trailer(pars: list[str], reasons: list[str | None], meta: Metadata) -> None:
    """Tag lines and author initials at the end."""
    for i in range(len(pars) - 1, max(-1, len(pars) - 6), -1):
        if reasons[i] is not None:
            continue
        p = pars[i]
        if (tags := _tag_line(p)) is not None:
            meta.tags = meta.tags or tags
            reasons[i] = "tag line (read as the tags)"
        elif _INITIALS.match(p) and len(p) <= 12:
            reasons[i] = "author initials"
        elif (m := _DATE_LABEL.match(p)) and _dateish(m.group(1)):
            meta.published = meta.published or to_iso_date(m.group(1))
            reasons[i] = "date line"
        elif _dateish(p):
            meta.published = meta.published or to_iso_date(p)
            reasons[i] = "timestamp line"
        elif not _heading_like(p) and not _date_only(p):
            break


def _furniture_reason(p: str) -> str | None:
    # Long paragraphs are prose: only short ones are tested (this runs on every
    # paragraph of every article, so the cheap length test comes first).
    n = p.count(" ") + 1
    if n > 70:
        return None
    if n <= 16 and _share_bar(p):
        return "share bar"
    if _COPYRIGHT.search(p) and not _QUOTE.search(p):
        return "copyright or reuse notice"
    if n <= 15 and _LEGAL_LINKS.search(p) and not _is_sentence(p):
        return "legal links"
    if n <= 60 and _call_to_action(p):
        return "call to action (donation, subscription or sign-up appeal)"
    if n <= 40 and _CAPTION.match(p):
        return "photo caption or credit"
    if n <= 12 and _COMMENTS.match(p):
        return "comment section"
    if _CONSENT.search(p) and _SECOND_PERSON.search(p):
        return "privacy or consent notice"
    if n <= 25 and _CREDIT.match(p):
        return "production credit"
    if n <= 30 and _SYNDICATION.match(p):
        return "syndication notice"
    return None


def _drop_furniture(pars: list[str], reasons: list[str | None]) -> None:
    for i, p in enumerate(pars):
        if reasons[i] is None:
            reasons[i] = _furniture_reason(p)
    n = len(pars)
    # A navigation heading ("Related posts", "Read more", "Don't miss") takes the short
    # headline lines after it with it: to the end of the text, or, in the middle of
    # it, up to the next paragraph of prose.
    for i, p in enumerate(pars):
        if reasons[i] is not None or not _heading_like(p) or not _NAV_HEAD.match(p):
            continue
        rest = range(i + 1, n)
        if all(reasons[j] is not None or _teaser_line(pars[j]) for j in rest):
            block = list(rest)
        elif _TEASER_HEAD.match(p):
            block = []
            for j in rest:
                if reasons[j] is None and not _teaser_line(pars[j]):
                    break
                block.append(j)
            if not any(reasons[j] is None for j in block):
                continue
        else:
            continue
        if _TAG_HEAD.match(p) and block and reasons[block[0]] is None:
            reasons[i] = "tag line"
            reasons[block[0]] = "tag line"
            continue
        reasons[i] = "related links or navigation"
        for j in block:
            if reasons[j] is None:
                reasons[j] = "related links or navigation"
    # A heading directly above an appeal, legal notice or share bar belongs to it
    # ("Support us" above a donation appeal); one heading per block, no cascade.
    absorbing = ("call to action", "copyright", "share bar", "legal links")
    for i in range(n - 1):
        if reasons[i] is None and _heading_like(pars[i]):
            nxt = reasons[i + 1]
            if nxt is not None and nxt.startswith(absorbing):
                reasons[i] = f"heading of removed block ({nxt.split(' (')[0]})"
    # Navigation labels left at the very end ("Related", "Disclaimer", "Comments").
    for i in range(n - 1, -1, -1):
        if reasons[i] is not None:
            continue
        if _heading_like(pars[i]) and _NAV_HEAD.match(pars[i]) and len(_words(pars[i])) <= 4:
            reasons[i] = "trailing heading or link text"
        else:
            break


# Headings of teaser blocks that may sit in the middle of an article.
_TEASER_HEAD = re.compile(
    r"^(?:related(?: (?:stories|articles|posts|news|coverage|content))?|read more|read also|"
    r"see also|don'?t miss|also on\b.*|more from\b.*|more on this(?: story)?|recommended|"
    r"you (?:may|might) also like|must read|in case you missed it|trending now)\s*:?$",
    re.I,
)
_TAG_HEAD = re.compile(r"^(?:tags?|topics?|keywords?|filed under)\s*:?\s*$", re.I)


def _teaser_line(p: str) -> bool:
    """A promoted headline: short, one line, not a closed sentence."""
    return len(_words(p)) <= 20 and p.count(". ") == 0 and bool(_HEADLINE.search(p))
