"""Who "he", "the leader" or "the Russian official" is: a reference to a person who
speaks resolves to the nearest compatible named person before it in the same article,
when the text supports one reading; otherwise it stays unresolved. Attribution uses
this for speakers; it never guesses between two candidates."""

from __future__ import annotations

import re
from typing import Any

from rashomon.compare.gazetteer import country_name, country_of, fold
from rashomon.model import ArticleAnalysis

__all__ = ["resolve_reference"]

_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
# How many sentences back a reference may reach; a pronoun whose nearer people are all
# of the other gender may reach further back for one of its own.
_WINDOW = 2
_WIDER = 4
# Words that tell a person's gender: a courtesy title before the name, or a word the
# story calls them by.
_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lady": "f"}
_FEMALE_WORDS = ("spokeswoman", "chairwoman", "congresswoman", "businesswoman", "actress",
                 "queen", "princess", "wife", "mother", "daughter", "sister", "widow", "girl",
                 "woman", "grandmother", "aunt", "girlfriend", "fiancee")  # fmt: skip
_MALE_WORDS = ("spokesman", "chairman", "congressman", "businessman", "actor", "king",
               "prince", "husband", "father", "son", "brother", "widower", "boy", "man",
               "grandfather", "uncle", "boyfriend", "fiance")  # fmt: skip
_GENDERED = {**dict.fromkeys(_FEMALE_WORDS, "f"), **dict.fromkeys(_MALE_WORDS, "m")}
# "the leader", "the Russian official", "the former Conservative prime minister",
# "Apple's CEO", "The Apple chief executive"
_DESCRIPTION = re.compile(
    r"^(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:former\s+)?(?:(?P<adj>[A-Z][\w.&-]*)\s+)?"
    r"|(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})['\u2019]s\s+(?:former\s+)?)"
    r"(?P<head>(?:prime\s+|foreign\s+|chief\s+)?[a-z]+|CEO)$"
)
# Offices written two ways: "CEO" is "chief executive".
_SAME_OFFICE = {"ceo": "chief executive", "chief executive": "ceo"}
_PEOPLE_WORDS = frozenset(
    {"official", "leader", "president", "minister", "spokesman", "spokeswoman",
     "spokesperson", "diplomat", "envoy", "chief", "director", "head", "politician",
     "premier", "chancellor", "governor", "mayor", "general", "commander", "ambassador",
     "ceo", "executive", "chairman", "chairwoman", "secretary", "senator"}
)  # fmt: skip
_LEADER_WORDS = frozenset({"leader", "president", "premier", "chancellor", "head"})


def resolve_reference(
    text: str,
    start: int,
    article_id: str,
    analysis: ArticleAnalysis,
    entities: list[dict[str, Any]],
) -> str | None:
    """The id of the person entity that `text` (a pronoun or a description such as
    "the Russian official", found at `start` in the article) refers to, or None."""
    ref = " ".join(text.split())
    here = analysis.sentence_of(start)
    if fold(ref) in _PERSONAL:
        # "he" is not "Mrs Palin", nor anyone the article calls "she"
        wanted = "m" if fold(ref) in _MALE else "f"
        gender = _genders(article_id, analysis, entities)
        before = _people_before(start, here, _WINDOW, article_id, analysis, entities, wanted)

        def agreeing(people: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
            return [(p, e) for p, e in people if gender.get(e["id"], wanted) == wanted]

        fronted = _fronted_subject(start, agreeing(before), analysis)
        if fronted is not None:
            return fronted
        near = _likely_speakers(agreeing(before), start, analysis)
        if not near and before:
            wider = _people_before(start, here, _WIDER, article_id, analysis, entities, wanted)
            near = _likely_speakers(agreeing(wider), start, analysis)
        elif not near:
            # nobody named near: when someone spoke just before ("..., he said. They
            # rode there, he testified"), the turn is theirs, which the caller settles
            earliest = _window_start(analysis, here, _WINDOW)
            last = max(
                (
                    a
                    for a in analysis.attributions
                    if a.speaker_start is not None and earliest <= a.speaker_start < start
                ),
                key=lambda a: a.speaker_start or 0,
                default=None,
            )
            spoke = _who_spoke(last, wanted, gender, article_id, analysis, entities)
            if spoke is not None:
                return spoke
            # else (a caption or a long quotation between) further back, to someone
            # the article gives its gender (the model calls places people)
            wider = _people_before(start, here, _WIDER, article_id, analysis, entities, wanted)
            near = [(p, e) for p, e in wider if gender.get(e["id"]) == wanted]
            near = _likely_speakers(near, start, analysis)
        known = {e["id"] for _, e in near if gender.get(e["id"]) == wanted}
        return _unique_nearest(near, analysis, here, known=known, article_id=article_id)
    m = _DESCRIPTION.match(ref)
    if m is None:
        return None
    head = " ".join(m.group("head").lower().split())
    adj = m.group("adj") or m.group("owner")
    if head.split()[-1] not in _PEOPLE_WORDS:
        return None
    before = _people_before(start, here, _WINDOW, article_id, analysis, entities)
    before = _not_in_own_quotation(before, start, analysis)
    fitting = [(pos, ent) for pos, ent in before if _fits(ent, head, adj)]
    if not fitting and adj is not None:
        # an office of a body or a place ("Apple's CEO", "the Russian foreign
        # minister") may name someone from further back, when only they hold it
        anyone = _people_before(start, here, here, article_id, analysis, entities)
        anyone = _not_in_own_quotation(anyone, start, analysis)
        fitting = [(pos, ent) for pos, ent in anyone if _fits(ent, head, adj)]
        if len({ent["id"] for _, ent in fitting}) != 1:
            fitting = []
    if not fitting and adj is not None and country_of(adj) is None:
        # "the former Conservative prime minister" just after "Former prime minister
        # Brian Mulroney": a party or a word the title did not carry (never a country:
        # "the US President" is not the "President Putin" of the sentence before)
        fitting = [(pos, ent) for pos, ent in before if _fits(ent, head, None)]
    return _unique_nearest(fitting, analysis, here, by_subject=True)


def _who_spoke(
    att: Any,
    wanted: str,
    gender: dict[str, str],
    article_id: str,
    analysis: ArticleAnalysis,
    entities: list[dict[str, Any]],
) -> str | None:
    """The person who made an attribution, when its speaker is a person named in it
    or a pronoun of the wanted gender that resolves to one ('"It was late," he said.
    They rode there, he testified'); else None."""
    if att is None or att.speaker_start is None or att.speaker is None:
        return None
    lo, hi = att.speaker_start, att.speaker_end or att.speaker_start
    if fold(att.speaker) in _PERSONAL:
        same = (fold(att.speaker) in _MALE) == (wanted == "m")
        return resolve_reference(att.speaker, lo, article_id, analysis, entities) if same else None
    named = {e["id"] for p, e in _people_in(article_id, entities) if lo <= p < hi}
    if len(named) != 1:
        return None
    (found,) = named
    return found if gender.get(found, wanted) == wanted else None


def _fronted_subject(
    start: int, people: list[tuple[int, dict[str, Any]]], analysis: ArticleAnalysis
) -> str | None:
    """For a pronoun that is the subject of its sentence's main verb after a clause
    opening the sentence, the person who is that clause's subject: "When King hired
    O'Brien, he had called him a perfect fit" is King."""
    doc = analysis.doc
    span = doc.char_span(start, start + 1, alignment_mode="expand") if doc is not None else None
    if span is None:
        return None
    pronoun = span[0]
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "ROOT":
        return None
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i < pronoun.i), None)
    if clause is None or clause.left_edge.i != verb.sent.start:
        return None
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
    found = {e["id"] for p, e in people if lo <= p < hi}
    return next(iter(found)) if len(found) == 1 else None


def _window_start(analysis: ArticleAnalysis, here: int, window: int) -> int:
    """Where the sentence `window` sentences before sentence `here` starts."""
    return analysis.sentences[max(0, here - window)][0] if analysis.sentences else 0


def _people_before(
    start: int,
    here: int,
    window: int,
    article_id: str,
    analysis: ArticleAnalysis,
    entities: list[dict[str, Any]],
    wanted: str | None = None,
) -> list[tuple[int, dict[str, Any]]]:
    """Person mentions from `window` sentences back up to `start`, nearest last; for a
    pronoun of gender `wanted`, not one named only as whose friend, lawyer or mother
    someone of that gender may be ("Timmons' best friend took the stand. He said ..."
    is the friend)."""
    earliest = _window_start(analysis, here, window)
    text = analysis.doc.text if analysis.doc is not None else ""
    before = [
        (p, e)
        for p, e in _people_in(article_id, entities)
        if earliest <= p < start and (wanted is None or not _owner_of_someone(text, p, e, wanted))
    ]
    return sorted(before, key=lambda pair: pair[0])


# People one is named by as someone's ("Timmons' best friend", "her lawyer").
_RELATIONS = frozenset(
    """friend lawyer attorney mother father wife husband son daughter brother sister
    cousin uncle aunt girlfriend boyfriend partner roommate spokesman spokeswoman
    spokesperson aide assistant coach agent manager neighbour neighbor colleague
    teammate""".split()  # noqa: SIM905
)


def _owner_of_someone(text: str, start: int, ent: dict[str, Any], wanted: str | None) -> bool:
    """Whether the mention at `start` owns a person who may be the pronoun's (of
    gender `wanted`): "Timmons' best friend" for "he", not "Hef's girlfriend"."""
    end = next((m["end"] for m in ent.get("mentions", []) if m["start"] == start), start)
    # the mark may be in the mention ("Dane Okafor's") or after it ("Timmons '")
    owned = text[max(start, end - 2) : end].rstrip("s").endswith(("'", "\u2019"))
    mark = r"\s+" if owned else r"\s?['\u2019]s?\s+"
    after = re.match(mark + r"((?:[\w-]+\s+){0,3}[\w-]+)", text[end : end + 50])
    if after is None:
        return False
    found = [w for w in after.group(1).lower().split() if w in _RELATIONS]
    return any(_GENDERED.get(w, wanted) == wanted for w in found)


def _likely_speakers(
    people: list[tuple[int, dict[str, Any]]], start: int, analysis: ArticleAnalysis
) -> list[tuple[int, dict[str, Any]]]:
    """Whom a speaker's pronoun may be: never one named in the quotation it reports
    ('"These people (Khartoum) must answer," he said'); and, while anyone else is left,
    no one named only in others' quotations ('"I met Putin," Trump said. He added ...'
    is Trump). Names in indirect speech stay: "Defense lawyers contended Nichols was
    deluded, which made him believe ..." is Nichols."""
    quoted = [a for a in analysis.attributions if a.direct]
    people = _not_in_own_quotation(people, start, analysis)
    outside = [(p, e) for p, e in people if not any(a.start <= p < a.end for a in quoted)]
    return outside or people


def _not_in_own_quotation(
    people: list[tuple[int, dict[str, Any]]], start: int, analysis: ArticleAnalysis
) -> list[tuple[int, dict[str, Any]]]:
    """The people not named in the quotation whose speaker is at `start`: "the
    diplomat" after '"... Power rests with the president ...," the diplomat added' is
    not the president."""
    own = [a for a in analysis.attributions if a.direct and a.speaker_start == start]
    return [(p, e) for p, e in people if not any(a.start <= p < a.end for a in own)]


def _people_in(article_id: str, entities: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """Every mention of a person in an article: (offset, entity)."""
    return [
        (m["start"], ent)
        for ent in entities
        if ent["type"] == "PERSON"
        for m in ent["mentions"]
        if m["article_id"] == article_id
    ]


def _genders(
    article_id: str, analysis: ArticleAnalysis, entities: list[dict[str, Any]]
) -> dict[str, str]:
    """The people of an article whose gender the article makes plain ("m" or "f"): a
    courtesy title before their name ("Mrs Palin"), a word it calls them by
    ("spokeswoman"), or the pronouns in the sentences about them alone (the sentence
    naming only them, but for a speaker's pronoun before the name, and the next one
    when it names nobody; at least two, three to one). A title or such a word outweighs
    pronouns. People with mixed or no signs are left out."""
    doc = analysis.doc
    text = doc.text if doc is not None else ""
    people = [(pos, ent["id"]) for pos, ent in _people_in(article_id, entities)]
    by_sentence: dict[int, set[str]] = {}
    for pos, ent_id in people:
        by_sentence.setdefault(analysis.sentence_of(pos), set()).add(ent_id)
    # id -> [male, female]: titles and words such as "spokeswoman", then pronouns
    strong: dict[str, list[int]] = {}
    votes: dict[str, list[int]] = {}
    for ent in entities:
        if ent["type"] != "PERSON":
            continue
        for role in ent.get("roles", []):
            for word in role.lower().split():
                if word in _GENDERED:
                    strong.setdefault(ent["id"], [0, 0])[_GENDERED[word] == "f"] += 1
    for pos, ent_id in people:
        # "Mrs Palin", "Mr. Steele": the title before the name or opening it
        before = re.search(r"(\w+)\.?\s*$", text[max(0, pos - 6) : pos])
        first = re.match(r"(\w+)", text[pos : pos + 6])
        for title in (before, first):
            if title and title.group(1).lower() in _TITLES:
                strong.setdefault(ent_id, [0, 0])[_TITLES[title.group(1).lower()] == "f"] += 1
                break
        # "Sotloff's mother Shirley Sotloff", "her husband, Tom": the word naming them
        word = re.search(r"\b([a-z]+),?\s+$", text[max(0, pos - 16) : pos])
        if word and word.group(1) in _GENDERED:
            strong.setdefault(ent_id, [0, 0])[_GENDERED[word.group(1)] == "f"] += 1
    speaking = {a.speaker_start for a in analysis.attributions}
    if doc is not None:
        for n, ids in by_sentence.items():
            if len(ids) != 1:
                continue
            (ent_id,) = ids
            # a speaker's pronoun before the name is someone else's, who spoke before
            # ("They rode there, he testified, and Timmons was armed")
            named = min(pos for pos, e in people if e == ent_id and analysis.sentence_of(pos) == n)
            spans = [analysis.sentences[n]]
            if n + 1 < len(analysis.sentences) and n + 1 not in by_sentence:
                spans.append(analysis.sentences[n + 1])
            for lo, hi in spans:
                span = doc.char_span(lo, hi, alignment_mode="expand")
                for tok in span if span is not None else []:
                    word = tok.lower_
                    if tok.idx < named and tok.idx in speaking:
                        continue
                    if word in _MALE or word in _FEMALE:
                        votes.setdefault(ent_id, [0, 0])[word in _FEMALE] += 1
    found = {
        ent_id: ("m" if male > female else "f")
        for ent_id, (male, female) in votes.items()
        if max(male, female) >= 2 and min(male, female) * 3 <= max(male, female)
    }
    found.update(
        (ent_id, "m" if male > female else "f")
        for ent_id, (male, female) in strong.items()
        if male != female
    )
    return found


def _fits(ent: dict[str, Any], head: str, adj: str | None) -> bool:
    """A person fits a description through a title the story gave them: "the leader"
    fits "Azerbaijan's President", "the Russian official" any Russian office holder."""
    roles: list[str] = ent.get("roles", [])
    place = _place_words(adj) if adj else set()

    def of_place(role: str) -> bool:
        return not place or any(w in role for w in place)

    if head in ("official", "politician", "diplomat"):
        return any(of_place(r) for r in roles)
    if head == "leader":
        return any(any(w in r.split() for w in _LEADER_WORDS) and of_place(r) for r in roles)
    forms = [head.split()] + ([_SAME_OFFICE[head].split()] if head in _SAME_OFFICE else [])

    def holds(role: str) -> bool:
        words = fold(role).split()
        return any(all(w in words for w in form) for form in forms)

    return any(holds(r) and of_place(r) for r in roles)


def _place_words(adj: str) -> set[str]:
    """The words that name a place in a title: "Russian" also matches "Russia's"."""
    words = {fold(adj)}
    found = country_of(adj)
    if found is not None:
        words.add(fold(country_name(found[0])))
    return words


def _unique_nearest(
    candidates: list[tuple[int, dict[str, Any]]],
    analysis: ArticleAnalysis,
    here: int,
    by_subject: bool = False,
    known: set[str] | None = None,
    article_id: str = "",
) -> str | None:
    """The nearest candidate, unless a different person is as near (the same sentence).
    With `by_subject` (a description, whose title already fits), the one that sentence
    is about, its main subject, settles it when exactly one is ("When Putin held talks
    with Erdogan, Azerbaijan's President Ilham Aliyev gave an interview. The leader
    dismissed ..." is Aliyev). For a pronoun, the one who speaks in that sentence
    settles it, else the main subject when the article gives it the pronoun's gender
    (`known`) or one the article quotes anywhere: "Last week, Sotloff's mother
    Shirley Sotloff released a video pleading with ... al-Baghdadi. '...,' she said";
    in "Maria Lopez met John Carter. He said ..." nobody's gender is given,
    nobody is quoted, and "he" stays unresolved."""
    if not candidates:
        return None
    pos, nearest = candidates[-1]
    sentence = analysis.sentence_of(pos)
    same = [(p, ent) for p, ent in candidates if analysis.sentence_of(p) == sentence]
    if all(ent["id"] == nearest["id"] for _, ent in same):
        return str(nearest["id"])
    if known is not None:
        # a pronoun: the one who speaks there ("Bart was in a pool of blood and Hutson
        # says he was sure the cat was dead. ... he says he couldn't bear to bury it"),
        # else only those the article gives its gender may settle it
        spans = _speaker_spans(analysis)
        speaking = {ent["id"] for p, ent in same if any(lo <= p < hi for lo, hi in spans)}
        if len(speaking) == 1:
            return str(next(iter(speaking)))
        gendered = [(p, ent) for p, ent in same if ent["id"] in known]
        main = {ent["id"] for p, ent in gendered if _main_subject_at(analysis, p)}
        if len(main) == 1:
            return next(iter(main))
        # else the main subject when the article quotes them anywhere ("Rossi laid out
        # the case before Judge Herrick. He said ...", Rossi quoted before)
        quoted = {
            ent["id"]
            for p, ent in same
            if _main_subject_at(analysis, p)
            for m in ent.get("mentions", [])
            if m["article_id"] == article_id and any(lo <= m["start"] < hi for lo, hi in spans)
        }
        return next(iter(quoted)) if len(quoted) == 1 else None
    if not by_subject:
        return None
    main = {ent["id"] for p, ent in same if _main_subject_at(analysis, p)}
    return next(iter(main)) if len(main) == 1 else None


def _speaker_spans(analysis: ArticleAnalysis) -> list[tuple[int, int]]:
    """Where the article's attributions name their speakers: (start, end) offsets."""
    return [
        (a.speaker_start, a.speaker_end or a.speaker_start)
        for a in analysis.attributions
        if a.speaker_start is not None
    ]


def _main_subject_at(analysis: ArticleAnalysis, start: int) -> bool:
    """Whether the name starting at `start` is the subject of its sentence's main verb."""
    doc = analysis.doc
    if doc is None:
        return False
    sentence = analysis.sentences[analysis.sentence_of(start)]
    span = doc.char_span(start, sentence[1], alignment_mode="expand")
    if span is None:
        return False
    # The name's head: its last word before the words it does not govern; a name in
    # apposition stands for the noun it names ("Berg's mother Anna Berg"), and one
    # that owns ("Berg's") is not the subject.
    head = span[0]
    while head.head.i != head.i and head.dep_ in ("compound", "flat", "amod"):
        head = head.head
    for word in (head, head.head) if head.dep_ == "appos" else (head,):
        if word.dep_ in ("nsubj", "nsubjpass") and word.head.dep_ == "ROOT":
            return True
    # A main verb left with no subject by the parse ("..., Azerbaijan's President Ilham
    # Aliyev gave" read as an apposition): the name just before it.
    root = head.sent.root
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return False
    between = doc[head.i + 1 : root.i]
    return head.i < root.i and all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in between)
