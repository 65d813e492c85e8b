"""Canonical entities per story: the mentions of every article of a story, from its
one parse, clustered into entities with one name, a type, aliases and traceable
mentions.

- Places that stand for a state (a capital, a seat of government, a demonym, "the X
  side") resolve to the country, keeping the surface form as an alias; a country is
  never typed as a person.
- People: full names cluster by surname when their first names agree (initials,
  spelling variants, transliterations); a bare surname or a cut-off name joins the
  one person it fits in the story, and stays apart when it fits several.
- Role titles are learned from the story itself: "Russian President Vladimir Putin"
  teaches that "the Russian president" is Putin here.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from rashomon.compare.gazetteer import country_name, country_of, fold
from rashomon.model import Article, ArticleAnalysis

__all__ = ["canonical_entities"]

_KEEP = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
_TYPE = {"GPE": "GPE", "LOC": "LOC", "ORG": "ORG", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVENT"}
_SIDE = re.compile(r"\b(?:[Tt]he\s+)?([A-Z][a-z]+)\s+side\b")
_ROLE_WORDS = frozenset(
    """president prime minister leader chancellor king queen premier director chief
    spokesman spokeswoman spokesperson secretary general commander head governor mayor
    envoy ambassador foreign defence defense interior executive ceo chairman
    chairwoman clerk sheriff deputy commissioner attorney superintendent treasurer
    coroner inspector sergeant lieutenant councilman councilwoman councillor councilor
    alderman assemblyman assemblywoman congressman congresswoman trooper constable
    marshal warden prosecutor""".split()  # noqa: SIM905
)
# Role words that only qualify another ("Foreign Minister", "Prime Minister").
_TITLE_PARTS = frozenset({"foreign", "defence", "defense", "interior", "prime"})
# Words that name what someone is, which the model may take for a surname ("W. H. O.
# Doctor"): never read as a name on their own.
_TITLE_NOUNS = frozenset(
    """doctor judge father sister brother captain officer agent coach detective professor
    reverend bishop pope saint senator major""".split()  # noqa: SIM905
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "prime",
                         "minister", "general", "gen", "col", "sen", "rep"})  # fmt: skip


@dataclass
class _Mention:
    article_id: str
    start: int
    end: int
    text: str
    label: str


@dataclass
class _Entity:
    key: str
    name: str
    type: str
    mentions: list[_Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)


def _name_tokens(text: str) -> list[str]:
    tokens = [t for t in re.split(r"[\s-]+", fold(text)) if t and t not in _HONORIFICS]
    return [t.strip(".,") for t in tokens if t.strip(".,")]


def _first_names_agree(a: list[str], b: list[str]) -> bool:
    """First-name parts of two full names with one surname: equal, initials, or
    spelling variants (Sergei/Sergey). A name left out is no disagreement, whether it
    is a middle name ("John F. Kennedy") or a first one ("Tayyip Erdogan")."""
    return _aligned_agree(a, b) or _aligned_agree(a[::-1], b[::-1])


def _aligned_agree(a: list[str], b: list[str]) -> bool:
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if len(x) == 1 or len(y) == 1:
            if x[0] != y[0]:
                return False
            continue
        if SequenceMatcher(None, x, y).ratio() < 0.75:
            return False
    return True


def _role_before(doc: Any, start_char: int) -> str | None:
    """The title words just before a name ("Russian President", "Azerbaijan's President")."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span.start
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < 4:
        tok = doc[j]
        if tok.is_punct and tok.text not in ("'s", "’s"):
            break
        if tok.text in ("'s", "’s") or tok.is_title or tok.lower_ in _ROLE_WORDS:
            words.insert(0, tok.text)
            j -= 1
            continue
        break
    if not any(w.lower() in _ROLE_WORDS for w in words):
        return None
    role = " ".join(words).replace(" 's", "'s").replace(" ’s", "'s")
    return fold(role)


def _title_within(name: str) -> str | None:
    """A one-word title the model took into the name ("King Abdullah", "Governor
    Sandoval"): the story's "the king" is that person. Not a word of a longer title
    ("Foreign Minister Lavrov": "the foreign ministry" is no one's name)."""
    first, _, rest = name.partition(" ")
    title = fold(first)
    if not rest or not first.istitle() or title not in _ROLE_WORDS or title in _TITLE_PARTS:
        return None
    return None if fold(rest.split()[0]) in _ROLE_WORDS else title


def _described_as(doc: Any, start_char: int) -> str | None:
    """The common noun a person's name follows as a title ("journalist Daniel Simone",
    "security expert Rahul Mohandas"), lower-cased; None when there is none."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    words: list[Any] = []
    j = span.start - 1
    while j >= 0 and doc[j].pos_ == "NOUN" and doc[j].dep_ == "compound" and len(words) < 2:
        words.insert(0, doc[j])
        j -= 1
    if not words or words[-1].head.i < span.start or words[-1].tag_ != "NN":
        return None
    if any(not (w.is_lower or w.is_sent_start) for w in words):
        return None
    return fold(" ".join(w.text for w in words))


def _entity_id(story_key: str, name: str, type_: str) -> str:
    digest = hashlib.sha1(f"{story_key}\n{type_}\n{name}".encode()).hexdigest()
    return "ent-" + digest[:10]


def canonical_entities(
    story_id: str, articles: list[Article], analyses: dict[str, ArticleAnalysis]
) -> list[dict[str, Any]]:
    """The story's entities, most mentioned first, each with its mentions."""
    raw: list[_Mention] = []
    roles: dict[str, Counter[str]] = defaultdict(Counter)  # role -> full-name votes
    # "journalist Daniel Simone": what the article calls someone, and where
    nouns: dict[str, Counter[str]] = defaultdict(Counter)
    nouns_in: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for found in analysis.mentions:
            if found.label in _KEEP:
                mention = _trimmed(
                    _Mention(article.id, found.start, found.end, found.text, found.label)
                )
                if mention is None:
                    continue
                raw.append(mention)
                if found.label == "PERSON" and len(_name_tokens(found.text)) >= 2:
                    role = _role_before(analysis.doc, found.start) or _title_within(found.text)
                    if role:
                        roles[role][found.text] += 1
                    elif described := _described_as(analysis.doc, found.start):
                        nouns[described][found.text] += 1
                        nouns_in[described].add(article.id)
        for match in _SIDE.finditer(article.text):
            if country_of(match.group(1)):
                raw.append(_Mention(article.id, match.start(), match.end(), match.group(0), "GPE"))

    entities: dict[str, _Entity] = {}

    def entity(key: str, name: str, type_: str) -> _Entity:
        if key not in entities:
            entities[key] = _Entity(key, name, type_)
        return entities[key]

    people: list[_Mention] = []
    others: dict[str, list[_Mention]] = defaultdict(list)
    for m in raw:
        place = _country(m)
        if place is not None:
            entity(f"country:{place}", country_name(place), "GPE").add(m)
        elif m.label == "PERSON":
            people.append(m)
        else:
            others[fold(m.text)].append(m)
    # A one-word "person" whose name is also used for a place or group in the story
    # is that place or group (the model mislabels unfamiliar names).
    # But a word that is the surname of a full name in the story is that person,
    # whatever label the model gave it ("Erdogan" tagged as a place).
    # "Montell Figgins, who represents Thomas": a full name the text calls "who" is a
    # person, whatever label the model gave it ("Chelsea, who won", one word, stays).
    texts = {a.id: a.text for a in articles}
    for key in [k for k, ms in others.items() if _called_who(ms, texts)]:
        people.extend(_without_office(m) for m in others.pop(key))
    surnames = {toks[-1] for m in people if len(toks := _name_tokens(m.text)) >= 2}
    # a double-barrelled surname whole ("Clarke-Murphy" of "Colleen Clarke-Murphy")
    surnames |= {fold(m.text.split()[-1]) for m in people if len(m.text.split()) >= 2}
    for key in [k for k in others if k in surnames]:
        people.extend(others.pop(key))
    # "Locke and Salazar" taken for one body: two people of the story, by surname
    for key in [k for k in others if _two_surnames(k, surnames)]:
        for m in others.pop(key):
            first, _, second = m.text.partition(" and ")
            people.append(_Mention(m.article_id, m.start, m.start + len(first), first, "PERSON"))
            lo = m.end - len(second)
            people.append(_Mention(m.article_id, lo, m.end, second, "PERSON"))
    kept_people = []
    for m in people:
        key = fold(_display(m.text))
        if len(_name_tokens(m.text)) == 1 and key in others:
            others[key].append(m)
        else:
            kept_people.append(m)
    people = kept_people
    _merge_demonyms(others)
    _merge_short_names(others)
    # A name the story calls a capital is a place, whatever the model said.
    capitals = {fold(m.group("city")) for a in articles for m in _CAPITAL.finditer(a.text)}
    for m in [p for p in people if fold(_display(p.text)) in capitals]:
        people.remove(m)
        others[fold(_display(m.text))].append(m)
    _merge_capitals(articles, others)
    for key, members in others.items():
        # One name, one entity, whatever label the model gave each mention.
        labels = Counter(x.label for x in members)
        if len(labels) > 1:
            labels.pop("NORP", None)  # "Tarvonian" names the place, not a type of its own
        label = labels.most_common(1)[0][0]
        # The name as the story most often writes it ("Tarvonia", not "Republic of ...").
        names = [x for x in members if x.label != "NORP"] or members
        shown = Counter(_display(x.text) for x in names).most_common(1)[0][0]
        target = entity(f"name:{key}", shown, _TYPE.get(label, label))
        for m in members:
            target.add(m)

    for key, name, mentions in _cluster_people(people):
        target = entity(key, name, "PERSON")
        for member in mentions:
            target.add(member)

    _add_role_mentions(articles, roles, entities)
    _add_role_mentions(articles, nouns, entities, nouns_in)
    _add_surnames(articles, entities)
    _retype_places(entities, analyses)
    return _report(story_id, entities)


def _two_surnames(key: str, surnames: set[str]) -> bool:
    """Whether a name is two surnames of the story's people joined by "and"."""
    first, joined, second = key.partition(" and ")
    return bool(joined) and first != second and first in surnames and second in surnames


_WHO_AFTER = re.compile(r"^,?\s+who\b")
# Words of names of bodies, which British usage may also call "who" ("Manchester
# United, who won").
_BODY_WORDS = frozenset(
    """united city fc club team inc corp co company group party council association
    university college institute foundation league union bank news""".split()  # noqa: SIM905
)


def _called_who(mentions: list[_Mention], texts: dict[str, str]) -> bool:
    """Whether a name of two or more words, with no word of a body's name, is followed
    by "who" somewhere, and was never labelled a place."""
    if any(m.label in ("GPE", "LOC", "NORP", "FAC") for m in mentions):
        return False
    words = _name_tokens(mentions[0].text)
    if len(words) < 2 or any(w in _BODY_WORDS for w in words):
        return False
    return any(_WHO_AFTER.match(texts.get(m.article_id, "")[m.end : m.end + 8]) for m in mentions)


# Words before a name that make it a place: "in Dornholt", "from Belmark".
_PLACE_BEFORE = frozenset(
    {"in", "from", "to", "into", "across", "near", "neighbouring", "neighboring", "towards",
     "toward", "inside", "throughout", "within", "visit", "visited", "visiting"}
)  # fmt: skip
# Words after "X's" that only a state or a place has.
_STATE_AFTER = frozenset(
    {"government", "army", "military", "forces", "capital", "border", "borders", "ministry",
     "parliament", "president", "prime", "foreign", "defence", "defense", "embassy", "ally",
     "allies", "territory", "coast", "soil", "economy", "people", "citizens", "authorities",
     "stocks", "navy", "air"}
)  # fmt: skip


def _retype_places(entities: dict[str, _Entity], analyses: dict[str, ArticleAnalysis]) -> None:
    """One-word names the model took for people or organisations, which the story's
    own wording shows to be places or states ("in Belmark", "Belmark's army"), are
    retyped GPE. A name with a first name, or used with a personal title, stays."""
    for ent in entities.values():
        if ent.type not in ("PERSON", "ORG") or (ent.type == "PERSON" and " " in ent.name):
            continue
        place = person = 0
        for m in ent.mentions:
            analysis = analyses.get(m.article_id)
            span = analysis.doc.char_span(m.start, m.end) if analysis is not None else None
            if span is None:
                continue
            doc = analysis.doc  # type: ignore[union-attr]
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            after = [t.lower_ for t in doc[span.end : span.end + 2]]
            if before in _PLACE_BEFORE:
                place += 1
            if "capital" in [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]:
                place += 2
            if after[:1] in (["'s"], ["’s"]) and after[1:2] and after[1] in _STATE_AFTER:
                place += 1
            if before in ("mr", "mrs", "ms", "dr") or (
                after[:1] == ["said"] and ent.type == "PERSON"
            ):
                person += 1
        if place >= 2 and place > person:
            ent.type = "GPE"


_LEADING_LOWER = re.compile(r"^(?:[a-z][\w'’-]*\s+)+(?=[A-Z])")


# A possessive mark the model kept in the span, spaced out by a converter ("Brian
# Nichols '") or after a plural ("the Joneses'"); "McDonald's" keeps its "'s".
_TRAILING_MARK = re.compile(r"\s+['’]s?$|(?<=s)['’]$")


def _trimmed(m: _Mention) -> _Mention | None:
    """A model's span can start with a lower-case word ("harden Belmark"): a name
    starts at its first capital, and a person's after an office ("Interior Ken
    Salazar"); and it ends before a possessive mark."""
    mark = _TRAILING_MARK.search(m.text)
    if mark is not None and mark.start() > 0:
        m = _Mention(m.article_id, m.start, m.end - len(mark.group()), m.text[: mark.start()],
                     m.label)  # fmt: skip
    if m.label == "PERSON":
        m = _without_office(m)
    cut = _LEADING_LOWER.match(m.text)
    if cut is None:
        return m if m.text[:1].isupper() or m.text[:1].isdigit() or m.label == "NORP" else None
    return _Mention(m.article_id, m.start + cut.end(), m.end, m.text[cut.end() :], m.label)


def _without_office(m: _Mention) -> _Mention:
    """A person's name without the word of an office the model took into it
    ("Interior Ken Salazar" from "Secretary of the Interior Ken Salazar")."""
    words = m.text.split()
    while len(words) >= 3 and fold(words[0]) in _ROLE_WORDS:
        # "Attorney General Eric Holder": every word of the office
        cut = m.text.index(words[1], len(words[0]))
        m = _Mention(m.article_id, m.start + cut, m.end, m.text[cut:], m.label)
        words = m.text.split()
    return m


def _country(m: _Mention) -> str | None:
    if m.label not in ("GPE", "NORP", "LOC", "PERSON", "ORG"):
        return None
    surface = m.text
    side = _SIDE.fullmatch(surface)
    if side:
        surface = side.group(1)
    found = country_of(surface)
    if found is None:
        return None
    code, kind = found
    if fold(surface) == "us" and not surface.isupper():
        return None  # the pronoun, not the country
    if kind == "demonym" and m.label == "ORG":
        return None
    return code


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ic")


def _merge_short_names(others: dict[str, list[_Mention]]) -> None:
    """A one-word name that ends exactly one longer name of the story ("the Brigade",
    "Free Coast Brigade") is that name, as a surname is a person's."""
    for key in sorted(k for k in others if " " not in k):
        longer = [k for k in others if " " in k and k.split()[-1] == key]
        if len(longer) == 1:
            others[longer[0]].extend(others.pop(key))


# "the capital, Dornholt", "the Tarvonian capital Dornholt", "Dornholt, the capital"
_CAPITAL = re.compile(
    r"\b(?:the\s+)?(?:(?P<adj>[A-Z][a-z]+)(?:'s)?\s+)?capital,?\s+(?:of\s+(?P<of>[A-Z][a-z]+),?\s+)?"
    r"(?P<city>[A-Z][a-z]+)"
)


# A wire dateline: "SALTMARSH, Tarvonia (Meridian) -" sets the country of the story.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s+(?P<state>[A-Z][a-z]+)\b")


def _merge_capitals(articles: list[Article], others: dict[str, list[_Mention]]) -> None:
    """A capital the story names as such stands for its state, as "Ankara" does; "the
    capital" with no state named is the capital of the country of the dateline."""
    for article in articles:
        dateline = _DATELINE.match(article.text)
        for m in _CAPITAL.finditer(article.text):
            city = fold(m.group("city"))
            state = m.group("of") or m.group("adj") or (dateline and dateline.group("state"))
            if city not in others or not state:
                continue
            target = _state_key(fold(state), others)
            if target is not None and target != city:
                others[target].extend(others.pop(city))


def _state_key(word: str, others: dict[str, list[_Mention]]) -> str | None:
    """The story's name for a state given its name or its adjective."""
    if word in others:
        return word
    longer = [k for k in others if k.split()[-1] == word]  # "republic of tarvonia"
    if len(longer) == 1:
        return longer[0]
    return next((base for base in sorted(others) if _adjective_of(word, base)), None)


def _adjective_of(word: str, base: str) -> bool:
    """ "tarvonian" of "tarvonia", "belmarkish" of "belmark": a one-word name and its
    adjective by the common English endings."""
    if word == base or " " in base or len(base) < 4:
        return False
    stem = base[:-1] if base.endswith(("a", "e", "y")) else base
    return any(word in (base + e, stem + e) for e in _DEMONYM_ENDINGS)


def _merge_demonyms(others: dict[str, list[_Mention]]) -> None:
    """An adjective of a name found in the story ("Tarvonian" of "Tarvonia") joins it."""
    for key in sorted(others):
        if not all(m.label == "NORP" for m in others[key]) or " " in key:
            continue
        base = next((b for b in sorted(others) if _adjective_of(key, b)), None)
        if base is not None:
            others[base].extend(others.pop(key))


def _display(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return re.sub(r"['’]s$", "", text)


def _cluster_people(mentions: list[_Mention]) -> list[tuple[str, str, list[_Mention]]]:
    """Full names grouped by surname and agreeing first names; short mentions join the
    one person they fit."""
    full: list[tuple[list[str], str]] = []  # (tokens, longest surface)
    for m in mentions:
        toks = _name_tokens(m.text)
        if len(toks) < 2:
            continue
        for i, (other, surface) in enumerate(full):
            same_surname = other[-1] == toks[-1] or _similar(other[-1], toks[-1])
            if same_surname and _first_names_agree(other[:-1], toks[:-1]):
                if len(m.text) > len(surface):
                    full[i] = (toks, m.text)
                break
        else:
            full.append((toks, m.text))
    # A name cut short ("Recep Tayyip") is not a person of its own.
    full = [
        (toks, surface)
        for toks, surface in full
        if not any(len(o) > len(toks) and o[: len(toks)] == toks for o, _ in full)
    ]

    groups: dict[int, list[_Mention]] = defaultdict(list)
    loose: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        toks = _name_tokens(m.text)
        fits = [i for i, (person, _) in enumerate(full) if _fits(toks, person)]
        if len(fits) == 1:
            groups[fits[0]].append(m)
        else:
            loose[" ".join(toks) or fold(m.text)].append(m)

    out = []
    for i, members in groups.items():
        toks, surface = full[i]
        out.append((f"person:{' '.join(toks)}", _display(surface), members))
    for key, members in loose.items():
        out.append((f"person:{key}", _display(max((m.text for m in members), key=len)), members))
    return out


def _similar(a: str, b: str) -> bool:
    return len(a) > 3 and len(b) > 3 and SequenceMatcher(None, a, b).ratio() >= 0.8


def _fits(toks: list[str], person: list[str]) -> bool:
    """A mention fits a person when it is the surname, the name itself, or a run of the
    name's parts in order (a name cut short: "Recep Tayyip")."""
    if not toks:
        return False
    if len(toks) >= 2:
        if toks[-1] == person[-1] or _similar(toks[-1], person[-1]):
            return _first_names_agree(person[:-1], toks[:-1])
        # A truncated name: all its parts are the person's leading parts.
        return len(toks) < len(person) and toks == person[: len(toks)]
    return toks[0] == person[-1] or _similar(toks[0], person[-1])


def _add_role_mentions(
    articles: list[Article],
    roles: dict[str, Counter[str]],
    entities: dict[str, _Entity],
    only_in: dict[str, set[str]] | None = None,
) -> None:
    """ "the Russian president" -> the person this story calls Russian President; with
    `only_in`, in the articles that give the title ("the journalist" is the
    "journalist Daniel Simone" of that article, not whoever another one quotes)."""
    by_surface: dict[str, _Entity] = {}
    for ent in entities.values():
        if ent.type == "PERSON":
            for m in ent.mentions:
                by_surface[m.text] = ent
    for role, votes in roles.items():
        people = {id(by_surface[name]): by_surface[name] for name in votes if name in by_surface}
        if len(people) != 1:
            continue  # a title held by several people in this story stays unresolved
        person = next(iter(people.values()))
        person.roles.add(role)
        pattern = re.compile(r"\bthe\s+" + re.escape(role).replace(r"\ ", r"\s+") + r"\b", re.I)
        for article in articles:
            if only_in is not None and article.id not in only_in.get(role, ()):
                continue
            for match in pattern.finditer(article.text):
                person.add(_Mention(article.id, match.start(), match.end(), match.group(0), "ROLE"))


def _add_surnames(articles: list[Article], entities: dict[str, _Entity]) -> None:
    """A surname the model tagged nothing at ('"...," Salazar said'): a mention of the
    one person of the story with that surname, in an article that names them in full,
    when no other entity goes by that name, it is no word for what someone is
    ("Doctor"), the article never uses the word in lower case ("Rice", "rice") and it
    does not stand in a longer name ("Locke Street")."""
    by_surname: dict[str, list[_Entity]] = defaultdict(list)
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    names: set[str] = set()
    for ent in entities.values():
        for m in ent.mentions:
            taken[m.article_id].append((m.start, m.end))
            if ent.type != "PERSON":
                names.add(fold(_display(m.text)))
        toks = _name_tokens(ent.name)
        if (
            ent.type == "PERSON"
            and len(toks) >= 2
            and len(toks[-1]) >= 3
            and toks[-1] not in _ROLE_WORDS | _TITLE_NOUNS
        ):
            by_surname[toks[-1]].append(ent)
    for surname, people in by_surname.items():
        if len(people) != 1 or surname in names:
            continue
        person = people[0]
        named = [m for m in person.mentions if len(_name_tokens(m.text)) >= 2]
        words = [m.text.split()[-1] for m in named]
        form = next((w for w in words if fold(w) == surname and w[:1].isupper()), None)
        if form is None:
            continue
        full = {m.article_id for m in named}
        for article in articles:
            text = article.text
            if article.id not in full or re.search(rf"\b{re.escape(form.lower())}\b", text):
                continue
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                lo, hi = match.span()
                if any(a < hi and lo < b for a, b in taken[article.id]):
                    continue
                before = re.search(r"([A-Z][\w.]*)\s+$", text[max(0, lo - 30) : lo])
                if before and fold(before.group(1).rstrip(".")) not in _HONORIFICS:
                    continue
                if re.match(r"\s+[A-Z]", text[hi : hi + 2]):
                    continue
                person.add(_Mention(article.id, lo, hi, form, "PERSON"))
                taken[article.id].append((lo, hi))


def _report(story_id: str, entities: dict[str, _Entity]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for ent in entities.values():
        mentions = sorted(ent.mentions, key=lambda m: (m.article_id, m.start))
        aliases = sorted({m.text for m in mentions if m.text != ent.name})
        out.append(
            {
                "id": _entity_id(story_id, ent.name, ent.type),
                "name": ent.name,
                "type": ent.type,
                "aliases": aliases,
                "article_ids": sorted({m.article_id for m in mentions}),
                "mention_count": len(mentions),
                "roles": sorted(ent.roles),
                "mentions": [
                    {"article_id": m.article_id, "start": m.start, "end": m.end, "text": m.text}
                    for m in mentions
                ],
            }
        )
    out.sort(key=lambda e: (-e["mention_count"], e["name"], e["type"]))
    return out
