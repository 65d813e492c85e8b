"""Attributions in one article: who says what, with which cue and stance, read from
the article's one parse (dependencies) and its quotations.

Constructions: direct quotes (any marks, over sentences and paragraphs, unclosed
ones too), reporting verbs with a clause ("X said that ..."), with an object
("X denied the claims", "X accused Y of ..."), "according to X", passives ("... were
confirmed by X", "X is believed to ..."), speakers named through a statement ("a
statement by X said"), relative clauses ("X, which says ..."), shared subjects
("X said ... and added ..."), continuations ("It added that ...", a quotation that
carries on the previous speaker's), and anaphoric contents ("deny these claims")
that refer back to earlier statements. A negated cue ("did not accuse") is no
attribution; modal or hedging words in the content make the stance `hedges`.

Speakers are surface spans here; the compare stage resolves them to entities.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.model import Attribution
from rashomon.nlp.cues import Cues, Stance, default_cues
from rashomon.nlp.datelines import dateline_length
from rashomon.nlp.quotes import Quote, find_quotes

__all__ = ["find_attributions"]

# Nouns that name a statement rather than a speaker: the speaker is whoever made it.
_COMM_NOUNS = frozenset(
    [
        "statement",
        "report",
        "communique",
        "communiqué",
        "message",
        "release",
        "readout",
        "letter",
        "post",
        "tweet",
        "document",
        "note",
        "memo",
        "transcript",
        "announcement",
        "interview",
        "remarks",
        "comments",
        "video",
    ]
)
# Nouns through which a content refers back to statements already made.
_CLAIM_NOUNS = frozenset(
    [
        "claim",
        "claims",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "denial",
        "denials",
        "report",
        "reports",
        "charge",
        "charges",
        "version",
        "account",
        "assertion",
        "assertions",
        "suggestion",
        "suggestions",
        "story",
        "reports",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "statement",
        "statements",
        "remarks",
        "accounts",
    ]
)
# Nouns that report what their owner says, and the verb whose stance they carry:
# "Belmark's claim that the drones were Tarvonian", "the warning by the agency that
# the dam may fail", "his denial that he was there".
_SAYING_NOUNS = {
    "claim": "claim",
    "allegation": "allege",
    "accusation": "accuse",
    "assertion": "assert",
    "announcement": "announce",
    "statement": "state",
    "warning": "warn",
    "admission": "admit",
    "denial": "deny",
    "insistence": "insist",
    "suggestion": "suggest",
    "argument": "argue",
    "contention": "contend",
    "prediction": "predict",
    "estimate": "estimate",
    "belief": "believe",
    "assurance": "assure",
    "confirmation": "confirm",
    "acknowledgment": "acknowledge",
    "acknowledgement": "acknowledge",
    "conclusion": "conclude",
    "finding": "find",
    "speculation": "speculate",
    "complaint": "complain",
    "revelation": "reveal",
    "disclosure": "disclose",
    "charge": "charge",
}
# Things one is accused of and denies: "denied any involvement", "rejects any role".
_INVOLVEMENT_NOUNS = frozenset(
    [
        "involvement",
        "role",
        "responsibility",
        "part",
        "link",
        "links",
        "connection",
        "connections",
        "wrongdoing",
        "knowledge",
        "participation",
        "presence",
        "complicity",
        "guilt",
        "blame",
        "interference",
    ]
)
# Verbs whose object is the listener, not the content: "briefed Erdogan on ...".
_TELL = frozenset({"brief", "inform", "tell", "update", "assure", "warn", "remind"})
# Cues that may follow what they report, with their speaker after them, which the
# parse may take for the cue's object ("..., reported The Wall Street Journal").
# ("announced Apple Pay", "wrote Harry Potter" take things, and are left out)
_INVERTING = frozenset({"say", "report", "add", "note", "explain"})
# What one tells that is not whom one tells ("told the real story of the night").
_TOLD_THINGS = frozenset({"story", "tale", "truth", "lie", "joke", "news", "secret"})
# Occasions, not speakers: "a news conference announcing the merger".
_GATHERINGS = frozenset(
    """conference teleconference meeting briefing ceremony event session summit rally
    hearing interview call webcast""".split()  # noqa: SIM905
)
# Verbs of saying alone: what follows them is a clause or a quotation, and a plain
# object is no statement ("wrote a letter", "maintains the depot", "answered questions").
_SAYING = frozenset(
    """say state add write note maintain explain insist argue contend assert affirm stress
    emphasise emphasize observe remark answer reply respond post tweet testify recall
    conclude complain declare comment""".split()  # noqa: SIM905
)
# What "expressed ..." must be about to report a position.
_ATTITUDES = frozenset(
    [
        "concern",
        "concerns",
        "regret",
        "certainty",
        "confidence",
        "hope",
        "doubt",
        "doubts",
        "support",
        "surprise",
        "dismay",
        "outrage",
        "alarm",
        "satisfaction",
        "disappointment",
        "fear",
        "fears",
        "anger",
        "indignation",
        "opposition",
        "belief",
        "conviction",
        "scepticism",
        "skepticism",
        "worry",
        "worries",
    ]
)
# Verbs of a state of mind: "Y thinks P" in X's words is X's account of Y, not Y's
# statement passed on by X.
_MINDS = frozenset(
    {"believe", "think", "suspect", "fear", "feel", "expect", "assume", "know", "hope",
     "presume", "guess", "surmise", "understand", "want", "anticipate"}
)  # fmt: skip
# Verbs by which a thing shows something ("the data indicate", "the inquiry revealed").
_SHOWING = frozenset({"indicate", "show", "suggest", "reveal", "prove", "demonstrate", "point"})
# Verbs under which an infinitive cue is still said: going on with it ("continued to
# deny", "went on to say") or being made to ("causing the groups to charge that ...").
_SAID_ANYWAY = frozenset(
    {"continue", "go", "keep", "proceed", "repeat", "cause", "prompt", "lead", "spur",
     "force", "compel", "drive", "provoke", "trigger"}
)  # fmt: skip
# Cues whose report is itself in question: "X claims Y told him ..." is X's claim.
_CLAIMING = frozenset({"claim", "allege"})
# Verbs that voice an attitude: a position with one as their object ("voiced support
# for", "stressed its opposition to"), else their own ("stressed the point" is none).
_VOICING = frozenset({"express", "voice", "stress", "reiterate", "reaffirm"})
# Verbs that name what something is: a position only with "as" ("extolled the tram as
# a triumph", "characterized the budget as reckless"; "hailed a taxi" is none).
_AS_VERDICTS = frozenset(
    # ("extoll": the lemma the model gives "extolled")
    {"characterize", "characterise", "extol", "extoll", "hail", "herald", "portray", "brand"}
)
# Verbs that name what something is, with "as", an object complement or a quotation.
_NAMING = frozenset({"call", "describe"}) | _AS_VERDICTS
# Verbs that report a statement only when their object is one: "backs X's account".
_ENDORSE = frozenset({"back", "endorse", "support", "corroborate", "share", "accept"})
# Pledges: a position only with a clause ("vowed to ...", "promised that ...").
_COMMIT = frozenset({"promise", "pledge", "vow"})
# What a claim lacks when someone doubts it: "no evidence", "no proof whatsoever".
_PROOF = frozenset({"evidence", "proof", "confirmation", "basis", "sign", "indication"})
# What one shows signs of is a state, not a claim ("showed no signs of illness").
_SHOW = frozenset({"show", "display", "exhibit", "develop"})
_FIGURES = frozenset({"toll", "figure", "figures", "number", "count", "tally", "estimate"})
# "could not be independently verified": the writer (or the one named) doubts it.
_VERIFY = frozenset({"verify", "confirm", "corroborate", "substantiate"})
# What an unverifiable aside can be about: a claim, a figure, or a pointer to one.
_UNVERIFIED_THINGS = _CLAIM_NOUNS | _FIGURES | {"information", "detail", "details", "it", "this"}
_POSSIBILITY = frozenset({"can", "could", "should", "must", "may", "might"})
_NEGATIVE_PRONOUNS = frozenset({"nothing", "nobody", "none", "noone"})
# What one claims that is a position, not a thing taken ("claimed responsibility", not
# "claimed 600 lives" or "claimed the title").
_CLAIMED = frozenset(
    """responsibility credit victory innocence authorship ownership opposite
    self-defense self-defence""".split()  # noqa: SIM905
)
# Words that open a clause of time ("before it was announced").
_WHEN = frozenset({"before", "after", "until", "till", "since", "once", "when"})
# What one calls a statement one denies: "the claims are baseless", "a fabrication".
# Adverbs on a cue that say the holder said it only by implication.
_IMPLICIT = frozenset({"implicitly", "indirectly", "tacitly", "obliquely"})
_FALSITY = frozenset(
    [
        "false",
        "baseless",
        "fabrication",
        "fabricated",
        "lie",
        "lies",
        "untrue",
        "nonsense",
        "groundless",
        "unfounded",
        "fake",
        "propaganda",
        "slander",
        "absurd",
        "ridiculous",
        "fiction",
        "fantasy",
        "invention",
        "disinformation",
        "misinformation",
        "provocation",
        "smear",
        "libel",
    ]
)
_ANAPHORIC_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "so"})
_PERSONAL = frozenset({"he", "she"})
# What one is denied when a request is refused ("denied bail"), not a claim disputed.
_GRANTED = frozenset(
    """parole bail entry access permission visa request application appeal motion
    petition asylum admission licence license permit""".split()  # noqa: SIM905
)
# What "according to" names that speaks for no one: a practice, a story, a plan.
_NO_SOURCE = frozenset(
    """custom tradition legend myth lore folklore superstition plan schedule script
    design""".split()  # noqa: SIM905
)
_IMPERSONAL = frozenset({"it", "they"})
_RELATIVE = frozenset({"which", "who", "that"})
# Auxiliaries that a narrated past does not take: a verb joined to "said" with one of
# them goes on with what was said.
_NOT_NARRATING = frozenset({"will", "has", "have", "can", "may", "must", "shall", "'s", "'ve"})
# Between a cue and the second part of a quotation it splits: a comma, after at most a
# few words ("she told CBC, ...", "he said on Sunday, ...").
_RESUMING = re.compile(r"(?:\s+[\w'’.-]+){0,4}\s*,\s*[\"“]?")
# Verbs that report only with a clause, and whether it must open with "that" ("the
# study showed that ...", "analysts agree the deal is good"; not "found the body",
# "anticipates a drop in demand", "agreed to a ceasefire").
# Ways of speaking: cues for the words quoted or reported, not for a plain object.
_MANNER = frozenset({"shout", "yell", "scream", "whisper", "exclaim", "joke", "quip", "boast"})
# Cues only for a quotation ('Mr Nash continued: "..."'): "continued its campaign",
# "continued to deny", "fighting continued in the north" report nothing.
_QUOTING_ONLY = frozenset({"continue"})
# Cues that with a plain object give a verdict on a thing, not a proposition
# ("criticized the proposal"), and the prepositions that give the verdict its
# grounds ("criticized X for ...", "... as illegal").
_VERDICTS = frozenset({"criticise", "criticize"})
_GROUNDS = frozenset({"for", "over", "as"})
# Dashes, which may end one clause and open another, or set off an aside in pairs.
_DASHES = frozenset({"\u2014", "\u2013", "--"})
_CLAUSE_ONLY = {
    "find": True,
    "show": True,
    "discover": True,
    "anticipate": True,
    "agree": False,
    "rule": False,
    "project": False,
}
# A cue's verb with a particle that makes it no report: learning ("found out that"),
# arriving ("showed up"), a sum ("does not add up"), cancelling ("called off").
_NOT_SAYING = frozenset({"find_out", "show_up", "add_up", "call_off", "tell_apart"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_RUMOURS = frozenset({"rumor", "rumour", "speculation", "gossip", "hearsay"})
_HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "reputedly", "supposedly"})
_HEDGE_WORDS = frozenset(
    [
        "may",
        "might",
        "could",
        "reportedly",
        "allegedly",
        "possibly",
        "perhaps",
        "probably",
        "apparently",
        "purportedly",
        "supposedly",
        "likely",
        "presumably",
        "seemingly",
    ]
)
# How a clause hangs on the main predicate of what is said, for a hedge to qualify it.
_SPINE_DEPS = frozenset({"ccomp", "conj", "xcomp", "parataxis", "acomp", "attr"})
_OPENING = ('"', "\u201c")
_CLOSING = ('"', "\u201d")
_ACCUSE_PREPS = frozenset({"of", "for", "over", "with"})
_SPEECH_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "pcomp", "parataxis", "acl", "dep"}
)
# How many sentences back a continuation or an anaphor may reach.
_WINDOW = 3
_MIN_QUOTE_WORDS = 4
# Cues that name whom they blame, never ending a sentence as its speaker's verb.
_CHARGING = frozenset({"charge", "accuse", "blame", "criticise", "criticize", "condemn"})
# What someone has none of when they do not know ("no idea", "no information on the
# motive"): saying so denies nothing.
_UNKNOWING = frozenset({"idea", "clue", "information", "knowledge", "indication", "detail"})
# Verbs of knowing or telling whose negation with a question ("did not know
# whether", "would not say why") leaves the question open, and the adjectives of
# "it was not clear whether".
_TELLING_OR_KNOWING = frozenset(
    {"know", "say", "tell", "confirm", "disclose", "reveal", "specify", "determine",
     "elaborate", "explain", "comment", "indicate", "clarify"}
)  # fmt: skip
_KNOWN = frozenset({"clear", "known", "certain", "sure"})
# The words that open a question inside a clause ("whether", "if", "why", "who").
_QUESTION_TAGS = frozenset({"WDT", "WP", "WRB"})
# "not" as the tokenizer gives it, straight or curly.
_NOTS = frozenset({"not", "n't", "n\u2019t"})
# Words that "no" joins into the name of a thing ("no show fee", "no fly zone").
_NO_COMPOUNDS = frozenset({"show", "fly", "go", "claims", "deal", "knock", "win", "spend"})
# Verbs that say little without their object ("did not have a gun").
_LIGHT_VERBS = frozenset({"have", "get", "take", "make", "do", "give", "carry"})
# Words for talking about something, which a refusal to comment negates.
_DISCUSSING = frozenset(
    {"discuss", "discussion", "comment", "talk", "speculate", "speculation", "elaborate",
     "address", "detail", "get"}
)  # fmt: skip
# What a denial of something said before calls it ("had nothing to do with it").
_POINTING = frozenset({"it", "this", "that"})
# The ways from a negated verb to what it is done to that stay in its own clause
# ("to do with it": an infinitive after its object, a preposition), unlike a clause
# of reason, a subject or a reported clause of its own.
_PLAIN_PATH = frozenset({"dobj", "pobj", "prep", "acl", "relcl", "xcomp", "attr", "dative"})
# Cues that question only what they ask about: "asked whether the dam would hold", not
# "asked residents to leave".
_ASKING = frozenset({"ask", "wonder"})
# Verbs of questioning that, put to a person, are an interview or an interrogation.
_INTERROGATING = frozenset({"question", "query"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})
# The writer, outside a quotation; the quoted person, inside one.
_FIRST_PERSON = frozenset({"i", "we"})


# Nouns for people that the suffixes below miss ("police", "officials", "witnesses").
_PEOPLE_NOUNS = frozenset(
    """people police official authority witness expert staff troop soldier rebel militant
    family relative parent child student worker leader member neighbour neighbor friend
    victim survivor doctor nurse medic""".split()  # noqa: SIM905
)


def _people(lemma: str) -> bool:
    """Whether a plural noun names people, by its word or its suffix ("protesters",
    "investigators", "analysts", "residents"), not things ("the talks")."""
    return lemma in _PEOPLE_NOUNS or lemma.endswith(("er", "or", "ist", "yst", "ian", "ant", "ent"))


def _only_marks(between: str, separators: str) -> bool:
    """Whether the text between a cue and a quotation is only separators and opening
    quotation marks ('said: "', "denied ...:" and a new paragraph)."""
    return all(c in separators or c in _OPENING for c in between)


def _names_same(speaker: str, owner: str) -> bool:
    """Whether a speaker phrase names the owner of a pointer ("Turkish President Recep
    Tayyip" and "Erdogan" do not; "President Erdogan" and "Erdogan's" do)."""
    a = {w.strip(".,'’").lower() for w in speaker.split()}
    b = {w.strip(".,'’").lower() for w in owner.split()} - {"s"}
    return bool(b) and (b <= a or any(w.startswith(x) for w in a for x in b if len(x) > 4))


def clause_negated(content: list[Any], conjuncts: bool = False) -> bool:
    """Whether a clause's main verb is negated ("had not supplied", "never armed",
    "had nothing to do with", "no drones were missing"), or with `conjuncts` any verb
    joined to it ("were quarantined and have shown no symptoms"). A command ("Don't
    hide things like this") or a condition ("this cannot happen without ...") denies
    nothing."""
    return bool(negated_heads(content, conjuncts))


def negated_heads(content: list[Any], conjuncts: bool = False) -> list[Any]:
    """The main verbs of a clause that are negated (see `clause_negated`): "hurt" in
    "No one was hurt although people were inside", not "include" of what follows."""
    ids = {t.i for t in content}
    roots = [t for t in content if t.head.i not in ids or t.head.i == t.i]
    if conjuncts:
        # "were quarantined and have shown no symptoms": the verbs joined to the main
        # one, through its complement too, not those of a clause hung on it
        more = list(roots)
        while more:
            t = more.pop()
            for c in t.children:
                if c.i in ids and c.dep_ in ("conj", "acomp", "xcomp") and c not in roots:
                    roots.append(c)
                    more.append(c)
    out = []
    for r in roots:
        if r.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.tag_ == "MD" and c.lemma_.lower() in _POSSIBILITY for c in r.children):
            continue
        if _imperative(r):
            continue
        if _unsure(r):
            continue
        if word_negated(r):
            out.append(r)
            continue
        for c in r.children:
            if c.dep_ == "dobj" and c.lemma_.lower() in _UNKNOWING:
                continue  # "we have no idea what caused it": not knowing denies nothing
            if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and (
                c.lower_ in _NEGATIVE_PRONOUNS
                or any(
                    d.dep_ == "det" and d.lower_ == "no" and not _no_compound(d) for d in c.children
                )
            ):
                out.append(r)
                break
    return out


def _unsure(verb: Any) -> bool:
    """Whether a verb with its "not" says only that something is not known or not told
    ("did not know whether the fire was linked", "would not say why", "it was not clear
    if ..."): no denial of what the question asks."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        if not any(c.dep_ == "acomp" and c.lemma_.lower() in _KNOWN for c in verb.children):
            return False
    elif lemma not in _TELLING_OR_KNOWING:
        return False
    return any(
        ((c.dep_ == "mark" and c.lower_ in ("whether", "if")) or c.tag_ in _QUESTION_TAGS)
        and c.head.i != verb.i
        and _clause_of(c, verb)
        for c in verb.subtree
    )


def _clause_of(tok: Any, verb: Any) -> bool:
    """Whether `tok` is in a clause that is the object or complement of `verb`."""
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
    if tok.head.i == verb.i and tok.dep_ == "acomp":
        return True  # "it was not clear whether": the question hangs on "clear"
    return tok.head.i == verb.i and tok.dep_ in ("ccomp", "xcomp", "dobj", "advcl")


def _addressed(verb: Any) -> bool:
    """Whether a verb of asking has a person it is put to ("asked Coleman", "asked him",
    "questioned the driver", "asked ... to the vet", "the suspect was questioned")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "nsubjpass") and _a_person(c):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON") for g in c.children)
        ):
            return True  # "'Did I hear you right?' she asked to the vet"
    return False


def _a_person(tok: Any) -> bool:
    return (
        tok.ent_type_ == "PERSON"
        or tok.lower_ in _OBJECT_PRONOUNS
        or (tok.pos_ == "NOUN" and _people(tok.lemma_.lower()))
    )


def _when_clause(verb: Any) -> bool:
    """Whether a verb is in a clause of time ("When the prosecutor asked ...")."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "after") for c in verb.children
    )


def _no_compound(no: Any) -> bool:
    """Whether a "no" opens a name of a thing ("a no show fee", "a no fly zone"),
    not a negation."""
    nxt = no.nbor(1) if no.i + 1 < len(no.doc) else None
    return (
        nxt is not None
        and nxt.lower_ in _NO_COMPOUNDS
        and nxt.dep_ in ("compound", "nmod", "amod")
        and nxt.head.i != nxt.i
    )


def _reached_plainly(tok: Any, head: Any) -> bool:
    """Whether `tok` hangs on `head` through its objects and prepositions alone, and
    not through talk of it ("I'm not going to have any discussion about this", "we
    will not comment on it": a refusal to comment, no denial)."""
    while tok.i != head.i:
        if tok.dep_ not in _PLAIN_PATH or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in _DISCUSSING:
            return False
    return True


def _alternative_to_negated(verb: Any) -> bool:
    """Whether a verb is the second of two joined by "or" under one "not" ("did not
    confirm or deny", "would not say or suggest")."""
    return (
        verb.dep_ == "conj"
        and word_negated(verb.head)
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children)
    )


def is_not(tok: Any) -> bool:
    """Whether a word is a "not": the parse's negation, or a "n’t" with a curly
    apostrophe that the small model sometimes takes for punctuation ("wasn’t clean")."""
    return tok.dep_ == "neg" or tok.lower_ in _NOTS


def word_negated(tok: Any) -> bool:
    """Whether a word has its own "not", "never" or "no longer"."""
    return any(
        is_not(c)
        or (c.dep_ in ("advmod", "neg") and c.lower_ == "never")
        or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
        for c in tok.children
    )


def negated_words(tok: Any) -> set[str]:
    """The lemmas of what a negated word says is not so: the verb itself ("hurt"),
    what "be" links ("not credible", "not in jeopardy"), and the thing of a light verb
    ("did not have a gun": "have" and "gun")."""
    lemma = tok.lemma_.lower()
    if lemma == "be":
        out = set()
        for c in tok.children:
            if c.dep_ in ("attr", "acomp"):
                out.add(c.lemma_.lower())
            elif c.dep_ == "prep":
                # "not in jeopardy": where or how, with its preposition ("at the
                # church" is not "to the church")
                out.update(f"{c.lower_} {g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj")
        return out
    out = {lemma}
    if lemma in _LIGHT_VERBS:
        out.update(c.lemma_.lower() for c in tok.children if c.dep_ == "dobj")
    return out


def _has_said(verb: Any) -> Any | None:
    """The subject of a cue after a contracted "has" that the parse took for a passive
    "is" ("He's said he plans to ..."): a clause with a subject of its own cannot follow
    "is said", which would need "it" ("it is said that ..."). None otherwise."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if aux is None or subj is None or aux.lower_ not in ("'s", "\u2019s"):
        return None
    if subj.lower_ == "it" or any(c.dep_ in ("agent", "xcomp") for c in verb.children):
        return None
    said = any(
        c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        for c in verb.children
    )
    return subj if said else None


def _imperative(verb: Any) -> bool:
    """A verb in the base form heading a clause with no subject: a command."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ != "xcomp"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)
        and not any(c.tag_ == "MD" or c.lower_ == "to" for c in verb.children)
    )


def find_attributions(doc: Any, cues: Cues | None = None) -> list[Attribution]:
    """Every attribution in a parsed article, in text order."""
    return _Finder(doc, cues or default_cues()).run()


class _Finder:
    def __init__(self, doc: Any, cues: Cues) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.cues = cues
        self.sents = list(doc.sents)
        self.sent_of_token = {}
        for i, s in enumerate(self.sents):
            for t in s:
                self.sent_of_token[t.i] = i
        self.quotes = [
            q
            for q in find_quotes(self.text)
            if q.words(self.text) >= _MIN_QUOTE_WORDS or self.utterance(q)
        ]
        # The propositions of the content being read ("said A and that B").
        self.parts: list[list[Any]] = []
        self.extra: list[Attribution] = []

    # --- helpers -------------------------------------------------------------------

    def utterance(self, q: Quote) -> bool:
        """Whether a short quotation is someone's whole sentence ('"Everyone was
        respectful," said the juror', 'He said: "We lost."'), not a word or two quoted
        inside the writer's own sentence ("called it 'critical'"): it opens its
        sentence, follows a colon or a verb of saying ("Steward said 'It sounded
        unbelievable.'"), its own punctuation closes it, and it is a clause (a bare
        "Absolutely not," or "Yes," answers a question the text may not give)."""
        closed = self.text[q.end - 1 : q.end] in (",", ".", "!", "?")
        if not closed or not (self.opens(q) or self.after_saying(q)):
            return False
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        return span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)

    def after_saying(self, q: Quote) -> bool:
        """Whether a verb of saying comes right before a quotation's opening mark."""
        words = self.doc.char_span(max(0, q.start - 40), q.start, alignment_mode="contract")
        words = [t for t in words or [] if not (t.is_punct or t.is_space)]
        return bool(words) and (
            words[-1].pos_ == "VERB" and self.cues.stance(words[-1].lemma_.lower()) is not None
        )

    def opens(self, q: Quote) -> bool:
        """Whether a quotation opens its sentence or follows a colon (not a title or a
        phrase quoted inside the writer's sentence: "the intro to 'Takin' It to the
        Streets.'")."""
        line = self.line_of(q.start)[0]
        before = self.text[line : q.start].rstrip(" \t\n\"'\u201c\u2018")
        sent = self.sents[self.sentence_index(q.start)].start_char
        marks = " \t\n\"'\u201c\u2018"
        return (
            not self.text[min(sent, q.start) : q.start].strip(marks)
            or not self.text[min(line, q.start) : q.start].strip(marks)
            or before.endswith(":")
        )

    def sentence_index(self, char: int) -> int:
        for i, s in enumerate(self.sents):
            if s.start_char <= char < s.end_char:
                return i
        return len(self.sents) - 1

    def quoted_question(self, verb: Any, comp: Any) -> bool:
        """Whether what a verb of asking asks is a quotation of its own ('"Who would
        believe this?" he asked'), not words inside a quotation that holds the verb
        too."""
        q = self.quote_at(comp.idx, comp.idx + len(comp.text))
        return q is not None and not q.start <= verb.idx < q.end

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The substantial quote that holds most of [start, end), if any."""
        best, share = None, 0.0
        for q in self.quotes:
            overlap = min(end, q.end) - max(start, q.start)
            if overlap > 0 and overlap / max(1, end - start) > share:
                best, share = q, overlap / max(1, end - start)
        return best if share >= 0.6 else None

    def line_of(self, char: int) -> tuple[int, int]:
        """The paragraph holding a character; a paragraph ending in a colon runs on
        into the next one when that one opens with a quotation, as its sentence does."""
        lo = self.text.rfind("\n", 0, char) + 1
        hi = self.text.find("\n", char)
        hi = len(self.text) if hi < 0 else hi
        while True:
            last = hi
            while last > lo and self.text[last - 1].isspace():
                last -= 1
            nxt = hi
            while nxt < len(self.text) and self.text[nxt].isspace():
                nxt += 1
            if self.text[last - 1 : last] != ":" or nxt >= len(self.text):
                break
            if self.text[nxt] not in _OPENING:
                break
            end = self.text.find("\n", nxt)
            hi = len(self.text) if end < 0 else end
        return lo, hi

    def span_of(self, tokens: list[Any], near: int | None = None) -> tuple[int, int]:
        """The character span of some tokens, kept within the line of `near` (a
        parse may run a headline into the next paragraph)."""
        toks = [t for t in tokens if not (t.is_punct and t.text not in "%$") and not t.is_space]
        if near is not None:
            lo, hi = self.line_of(near)
            toks = [t for t in toks if lo <= t.idx < hi]
        if not toks:
            toks = [t for t in tokens if not t.is_space] or tokens
        lo = min(toks, key=lambda t: t.i)
        hi = max(toks, key=lambda t: t.i)
        start = self.text.rfind("\n", 0, lo.idx) + 1
        head = self.text[start : lo.idx]
        if not head.strip(" \t("):
            # "LONDON (AP) — Britain's Conservative Party was accused ...", "(Reuters) -
            # Microsoft is in talks ...": the place and agency a story was filed from
            # are no part of what was said
            start += len(head) - len(head.lstrip())
            cut = start + dateline_length(self.text[start : hi.idx + len(hi.text)])
            lo = min((t for t in toks if t.idx >= cut), key=lambda t: t.i, default=lo)
        inside = self.doc[lo.i : hi.i + 1].text
        if hi.i + 1 < len(self.doc) and self.doc[hi.i + 1].text in _CLOSING:
            opened = sum(inside.count(q) for q in _OPENING)
            closed = sum(inside.count(q) for q in _CLOSING if q not in _OPENING)
            if opened > closed or inside.count('"') % 2:
                hi = self.doc[hi.i + 1]  # '... were "regrettable"': the quote closes
        return lo.idx, hi.idx + len(hi.text)

    @staticmethod
    def subtree(tok: Any, skip: frozenset[str] = frozenset()) -> list[Any]:
        out = [tok]
        for child in tok.children:
            if child.dep_ in skip:
                continue
            out.extend(child.subtree)
        return out

    def stance_of(self, verb: Any) -> Stance | None:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if f"{verb.lemma_.lower()}_{particle}" in _NOT_SAYING:
            return None  # "found out that his wife was writing to another man"
        stance = self.cues.stance(verb.lemma_.lower(), particle)
        if verb.lemma_.lower() in _QUOTING_ONLY and (
            self.quote_content(verb) is None
            or any(
                c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "advcl", "conj")
                and self.quote_at(c.idx, c.idx + len(c.text)) is None
                for c in verb.children
            )
        ):
            return None
        that = _CLAUSE_ONLY.get(verb.lemma_.lower())
        if particle and f"{verb.lemma_.lower()}_{particle}" in self.cues.stances:
            that = None  # "ruled out Taliban involvement": a cue of its own
        # after what it reports, with a subject of its own ("..., a survey showed")
        after = verb.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "nsubj" for c in verb.children)
        if that is not None and not any(
            c.dep_ == "ccomp" and (self.marked(c) or not that or (after and c.i < verb.i))
            for c in verb.children
        ):
            # "a study found that ..." and "..., a survey showed" report; "found the
            # body" does not
            return None
        if verb.lemma_.lower() in _ASKING:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            # "when asked whether ..., she said": the one asked answers; and the
            # writer's "When I asked Ford whether ..." is the interview, not a doubt
            if subj is None:
                return None
            if subj.lower_ in _FIRST_PERSON and self.quote_at(subj.idx, subj.idx + 1) is None:
                return None
            # 'the lawyer asked Coleman, "You lied, correct?"', "When the prosecutor
            # asked whether she ...": a question put to someone, who answers it
            if _addressed(verb) or _when_clause(verb):
                return None
        if verb.lemma_.lower() in _INTERROGATING and _addressed(verb):
            return None  # "police questioned the driver": no doubt about a claim
        if stance is None and verb.lemma_.lower() in _ENDORSE:
            return "asserts"
        if stance is None and verb.lemma_.lower() in ("put", "give", "estimate", "place"):
            # "puts the toll at 14", "gave a figure of 30"; a referee who "gave the
            # challenger a standing count" gives no figure
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            to_whom = any(c.dep_ == "dative" for c in verb.children)
            if (
                obj is not None
                and obj.lemma_.lower() in _FIGURES
                and (not to_whom or any(t.like_num for t in verb.subtree))
            ):
                return "asserts"
        if stance is None and verb.lemma_.lower() == "read":
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lemma_.lower() in _COMM_NOUNS:
                return "asserts"
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in _COMM_NOUNS:
                return "asserts"
        return stance

    # --- the parts of one attribution ---------------------------------------------

    def subject(self, verb: Any) -> Any | None:
        """The subject of a cue verb, walking up shared-subject constructions."""
        own = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if own is None and self.coordinated_cue(verb):
            return self.subject(verb.head)
        if own is None and verb.dep_ in ("advcl", "conj"):
            # "X said that A, adding B" / "X said A and added B": the parse may hang the
            # second cue on A's verb; the one adding is the one who said.
            for anc in verb.ancestors:
                if anc.pos_ in ("VERB", "AUX") and self.stance_of(anc) is not None:
                    return self.subject(anc)
        if own is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _SAID_ANYWAY:
            # "prompted the unions to charge": the ones made to say it
            made = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if made is not None:
                return made
        if verb.lemma_.lower() == "read":
            # "“...,” read a statement released by X"
            return next(
                (c for c in verb.children if c.dep_ in ("nsubj", "dobj")
                 and c.lemma_.lower() in _COMM_NOUNS),
                None,
            )  # fmt: skip
        tok = verb
        for _ in range(4):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
            if not subjects and (contracted := _has_said(tok)) is not None:
                subjects = [contracted]
            # "The man, who police said was armed": "who" is the one said to be armed,
            # the police speak
            named = [c for c in subjects if c.lower_ not in _RELATIVE]
            before = [c for c in named if c.i < tok.i]
            # Two subjects before the verb are one name the parse broke ("Wikileaks
            # editor-in-chief Hrafnsson said"): the one next to the verb heads it.
            subj = before[-1] if len(before) > 1 else next(iter(named), None)
            if (
                len(before) > 1
                and before[-1].ent_type_ in ("GPE", "LOC")
                and self.doc[before[-1].left_edge.i - 1].text == ","
                and any(c.ent_type_ == "PERSON" for c in before[:-1])
            ):
                # "Colleen Clarke-Murphy of Heart's Desire, Newfoundland in Canada said":
                # the place after the comma is where she lives
                subj = next(c for c in before[:-1] if c.ent_type_ == "PERSON")
            subj = subj if subj is not None else next(iter(subjects), None)
            if self.inverted(tok, subjects):
                subj = subjects[-1]  # "Several stories collapsed, said Ina, a nurse"
            if subj is not None:
                if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    return tok.head
                if subj.lower_ in _PERSONAL or subj.lower_ in _IMPERSONAL:
                    return self.relative_antecedent(tok, subj) or subj
                return subj
            if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                    return None  # "a teleconference to announce the deal": a purpose
                if tok.head.lemma_.lower() in _GATHERINGS:
                    return None  # "a news conference announcing the merger": who held it?
                doc = tok.head
                verb_of = doc.head.head if doc.dep_ == "pobj" and doc.head.dep_ == "prep" else None
                if verb_of is not None and verb_of.pos_ in ("VERB", "AUX") and doc.pos_ == "PROPN":
                    # "Swift posted on Twitter accusing Big Machine of ...": the named
                    # place she posted on is no speaker; the one who posted is ("Council
                    # resolutions declaring ..." still speak)
                    return next((c for c in verb_of.children if c.dep_ == "nsubj"), None)
                issuer = (
                    next((c for c in doc.head.children if c.dep_ == "nsubj"), None)
                    if doc.dep_ == "dobj" and doc.lemma_.lower() in _COMM_NOUNS
                    else None
                )
                # "Willoughby wrote a letter describing ...", "Jackson issued a statement
                # saying ...": its writer; else "a statement saying ..."
                return issuer if issuer is not None else doc
            if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
                tok = tok.head
                continue
            return None
        return None

    def outside_quotation(self, subj: Any, verb: Any, content: list[Any]) -> Any | None:
        """The speaker of a quotation is never one of its words: a subject inside the
        quotation that is the content, with the cue outside it ('"... The mayor has
        the last word, " Ida Berg, a baker, told reporters', parsed with "told" sharing
        the quoted verb's subject), gives way to the name between the closing mark and
        the cue; with none there, nobody is named."""
        q = self.quote_at(subj.idx, subj.idx + len(subj.text))
        if q is None or q.start <= verb.idx < q.end or not content:
            return subj
        lo, hi = self.span_of(content)
        if self.quote_at(lo, hi) != q:
            return subj  # 'The "Friends of the Old Harbour Society" said that ...'
        gap = [t for t in verb.sent if q.end < t.idx < verb.idx and not t.is_punct]
        heads = [
            t for t in gap if t.pos_ in ("NOUN", "PROPN", "PRON") and t.head not in gap
            and t.tag_ not in ("WDT", "WP")  # '"follow the practices" that call for'
        ]  # fmt: skip
        return heads[0] if heads else None

    @staticmethod
    def quoted_as(verb: Any) -> Any | None:
        """For "saying" in "was quoted as saying" (or "cited as saying"): "quoted"."""
        head = verb.head
        if verb.dep_ not in ("pcomp", "advcl") or head.i == verb.i:
            return None
        if head.dep_ == "prep" and head.lower_ == "as":
            head = head.head
        return head if head.lemma_.lower() in ("cite", "quote") else None

    def turn_of_phrase(self, subj: Any, verb: Any) -> bool:
        """ "That said, the Colts won ...": a sentence opening, not a speaker."""
        after = verb.i + 1
        return (
            subj.lower_ in ("that", "this")
            and subj.i == subj.sent.start
            and verb.i == subj.i + 1
            and after < len(self.doc)
            and self.doc[after].text == ","
        )

    @staticmethod
    def relative_antecedent(verb: Any, pronoun: Any) -> Any | None:
        """ "The volunteers, who fight against what they describe as ...": inside a
        relative clause, "they" is the one the clause is about, when the two agree in
        number."""
        for anc in verb.ancestors:
            if anc.dep_ != "relcl" or anc.head.pos_ not in ("NOUN", "PROPN"):
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in anc.children):
                return None
            plural = anc.head.tag_ in ("NNS", "NNPS")
            if (pronoun.lower_ == "they") == plural or (
                pronoun.lower_ == "they" and anc.head.pos_ == "PROPN"
            ):
                return anc.head
            return None
        return None

    def coordinated_cue(self, verb: Any) -> bool:
        """ "X said A and questioned whether B", parsed with "questioned" as a second
        clause of "said": a cue of its own, by X, right after "and"/"but", with no
        subject and a clause of its own."""
        if verb.dep_ != "ccomp" or verb.i == 0 or self.stance_of(verb.head) is None:
            return False
        return self.doc[verb.i - 1].dep_ == "cc" and self.own_clause_cue(verb)

    def speaker_tokens(self, head: Any) -> tuple[list[Any], str]:
        """The speaker phrase for a subject or agent head, and how it names someone:
        "named", "pronoun", or "statement" (a statement with no author given)."""
        if head.lower_ in _PERSONAL or head.lower_ in _IMPERSONAL:
            return [head], "pronoun"
        if (
            head.lemma_.lower() in _COMM_NOUNS
            and head.pos_ == "PROPN"
            and head.text[:1].isupper()
            and head.i > head.sent.start
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)
        ):
            # "The Michael Report believes": a publication by its name, not a report
            # of Michael's
            return self.subtree(head, frozenset({"relcl", "acl", "punct", "appos"})), "named"
        if head.lemma_.lower() in _COMM_NOUNS:
            # "a statement by the Kremlin", "the Kremlin's statement", "Kremlin statement"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if (
                        obj is not None
                        and child.lower_ == "from"
                        and head.lemma_.lower() in ("report", "dispatch")
                        and obj.ent_type_ in ("GPE", "LOC")
                    ):
                        continue  # "a report from Vancouver": where it came from, not who
                    if obj is not None:
                        return self.subtree(obj, frozenset({"relcl"})), "named"
                if child.dep_ == "acl":
                    agent = next((c for c in child.children if c.dep_ == "agent"), None)
                    obj = (
                        next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if agent is not None
                        else None
                    )
                    if obj is not None:
                        return self.subtree(obj, frozenset({"relcl"})), "named"
                if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
                    return list(child.subtree), "named"
                if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                    return [child], "pronoun"
            if any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children):
                return [head], "statement"
            # "according to reports", "earlier reports, including one in UPI": reports
            # of their own, not the last speaker's statement
            return self.subtree(head, frozenset({"relcl", "acl", "punct"})), "named"
        toks = self.subtree(head, frozenset({"relcl", "acl", "punct"}))
        # "Former star running back Maurice Clarett", "a woman named Jane Doe": a clause
        # the parse hung on the head that names the speaker, not set off by a comma
        named = [
            c for c in head.children
            if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and c.i > head.i
            and head.doc[c.i - 1].text != ","
            and self.stance_of(c) is None and not any(t.is_quote for t in c.subtree)
            and any(o.dep_ in ("dobj", "oprd") and o.ent_type_ == "PERSON" for o in c.children)
        ]  # fmt: skip
        if named:
            keep = {t.i for t in toks} | {t.i for c in named for t in c.subtree}
            toks = [t for t in head.doc[min(keep) : max(keep) + 1] if t.i in keep]
        # "John Smith, 45, said": the age is not part of the name
        ages = {
            t.i
            for c in head.children
            if c.dep_ == "appos" and all(x.like_num or x.is_punct for x in c.subtree)
            for t in c.subtree
        }
        toks = [t for t in toks if t.i not in ages]
        if any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children
        ) and not any(t.pos_ == "PROPN" for t in toks):
            return toks, "pronoun"  # "Its foreign ministry": whose is read from before
        return toks, "named"

    def content(
        self, verb: Any, stance: Stance
    ) -> tuple[list[Any], bool | None, str | None] | None:
        """The content tokens of a cue verb, whether they only point back to earlier
        statements ("these claims"), and the owner named in such a pointer."""
        children = list(verb.children)
        asides = self.aside_after(verb)
        comp = next(
            (
                c
                for c in children
                if c.dep_ == "ccomp" and not self.coordinated_cue(c) and c not in asides
            ),
            None,
        )
        if verb.lemma_.lower() in _ASKING and not (
            comp is not None
            and (
                any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in comp.children)
                or self.quoted_question(verb, comp)
            )
        ):
            # "asked residents to stay indoors", "asked not to be named"; and, told
            # inside someone's quotation, "I asked who had heard the word used": a
            # question about what happened, no doubt about a claim
            return None
        if (
            comp is not None
            and comp.i < verb.i
            and any(
                c.dep_ == "dobj"
                and c.i > verb.i
                and (verb.lemma_.lower() not in _TELL or c.lemma_.lower() in _TOLD_THINGS)
                for c in children
            )
        ):
            # "Drone strike kills 12, Tarvonia blames Belmark"; but "Four people died,
            # the governor told reporters": whom one tells is no content
            comp = None
        if comp is not None and comp.i < verb.i and verb.lemma_.lower() in _CHARGING:
            comp = None  # "Woman killed in hit-and-run, driver charged": he is charged
        if comp is None:
            # "said in a statement that the ferry had sunk", the clause hung on the noun
            comp = next(
                (x for c in children if c.dep_ == "prep" and c.lower_ in ("in", "through")
                 for g in c.children if g.dep_ == "pobj"
                 for x in g.children if x.dep_ in ("acl", "relcl", "ccomp") and self.marked(x)),
                None,
            )  # fmt: skip
        subjects = [c for c in children if c.dep_ in ("nsubj", "csubj")]
        around = self.parenthetical(verb, subjects, asides) if comp is None else None
        if around is not None:
            return around, False, None
        if comp is None and self.inverted_object(verb) is not None:
            toks = list(verb.doc[verb.head.left_edge.i : verb.i - 1])
            return toks, False, None
        if comp is None and self.inverted(verb, subjects):
            # "Several stories of the hotel collapsed, said Ina": the parse made the
            # statement a second subject
            return list(verb.doc[verb.sent.start : verb.i - 1]), False, None
        obj = next((c for c in children if c.dep_ in ("dobj", "nsubjpass")), None)
        if (
            comp is not None
            and obj is not None
            and obj.dep_ == "dobj"
            and obj.i < comp.i
            and len(list(comp.subtree)) == 1
        ):
            # "accused the powers co-heading the Minsk Group of supplying weapons": the
            # parse cut a word ("co") into a clause of its own; the object and all that
            # follows it in the sentence's phrase are what was said
            toks = list(verb.doc[obj.left_edge.i : verb.right_edge.i + 1])
            while toks and toks[-1].dep_ in ("cc", "punct"):
                toks.pop()
            anaphor, owner = self.anaphor(obj, stance)
            return (toks, anaphor, owner) if anaphor is not None else None
        if comp is not None:
            # "said A and that B": A here; B becomes an attribution of its own
            parts = [c for c in comp.children if c.dep_ == "conj" and self.marked(c)]
            skip = {t.i for p in parts for t in p.subtree}
            # "said the talks had failed and denied that ...": the denial is a cue of
            # its own, not part of what was said
            # "said he tries it daily, adding that he cannot live without it": the
            # addition, hung on what was said, is a statement of its own
            skip |= {
                t.i
                for c in comp.children
                if (c.dep_ == "conj" and c.pos_ == "VERB")
                or (c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > comp.i)
                if self.own_clause_cue(c)
                for t in c.subtree
            }
            skip |= self.joined_reports(comp)
            # "which he said killed seven": the relative word before the cue stands for
            # what the clause is about; what was said is the clause after the cue
            skip |= {
                t.i
                for t in comp.children
                if t.i < verb.i < comp.i and t.lower_ in _RELATIVE and t.dep_ == "nsubj"
            }
            toks = [
                t for t in self.subtree(comp)
                if t.i not in skip and not (t.dep_ == "mark" and t.head.i == comp.i)
            ]  # fmt: skip
            while toks and toks[-1].dep_ in ("cc", "punct"):
                toks.pop()
            toks += [t for c in self.said_too(verb, comp) for t in c.subtree]
            if parts:
                first = list(toks)
                while first and first[-1].dep_ in ("cc", "punct"):
                    first.pop()
                self.parts = [first] + [
                    [t for t in p.subtree if not (t.dep_ == "mark" and t.head.i == p.i)]
                    for p in parts
                ]
                toks = first + [t for p in self.parts[1:] for t in p]
            return toks, False, None
        lemma = verb.lemma_.lower()
        extra = (
            [
                c
                for c in children
                if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
            ]
            if lemma in _NAMING
            else []
        )
        as_phrase = [c for c in children if c.dep_ == "prep" and c.lower_ == "as"]
        if lemma in _AS_VERDICTS and not as_phrase:
            return None  # "hailed a taxi", "portrayed the king": no verdict
        if as_phrase and verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "the vote, heralded by officials as a step toward openness": the thing
            # and what it is called
            thing = self.subtree(verb.head, frozenset({"acl", "relcl", "punct", "appos"}))
            return thing + [t for c in as_phrase for t in c.subtree], False, None
        # "witnesses described bodies strewn among the stalls": what they describe, as
        # any object below; "called for restraint" says nothing
        if lemma in _NAMING and (obj is None or (lemma != "describe" and not extra)):
            return None
        if obj is not None and extra:
            if obj.lower_ == "what":
                # "against what they describe as years of repression": their
                # words for it, what they assert
                # ("... by the capital" may hang on the verb)
                first = min(c.i for c in extra)
                after = [c for c in children if c.i > first and c.dep_ in ("prep", "pobj")]
                toks = [t for c in extra + after for t in c.subtree]
                return [t for t in toks if t.i > first or t.dep_ != "prep"], False, None
            toks = list(obj.subtree)
            for c in extra:
                toks.extend(c.subtree)
            return toks, False, None
        xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and xcomp is not None:
            return list(verb.head.subtree), False, None
        pred = next((c for c in children if c.dep_ in ("oprd", "acomp")), None)
        if obj is not None and obj.dep_ == "nsubjpass" and pred is not None:
            return list(obj.subtree) + list(pred.subtree), False, None  # "are feared dead"
        subj = next((c for c in children if c.dep_ == "nsubj"), None)
        if verb.tag_ == "VBN" and subj is not None and xcomp is not None and obj is None:
            return list(subj.subtree) + list(xcomp.subtree), False, None
        if obj is not None and obj.dep_ == "nsubjpass" and xcomp is not None:
            # "Turkey is believed to deliver ..."
            return list(obj.subtree) + list(xcomp.subtree), False, None
        if (
            subj is not None
            and verb.dep_ == "conj"
            and verb.lemma_.lower() in _TELL
            and verb.head.i < subj.left_edge.i
            and verb.doc[subj.left_edge.i - 1].text == ","
        ):
            # "Five people were confirmed dead, Fauzi, an official, told AFP.", the cue
            # parsed as joined to what was told
            toks = list(verb.doc[verb.head.left_edge.i : subj.left_edge.i - 1])
            return toks, False, None
        if obj is not None and obj.dep_ == "dobj" and verb.lemma_.lower() in _TELL:
            told = self.told_clause(obj)
            if told is not None:
                return list(told.subtree), False, None
            # "briefed Erdogan on ...", "informed X about ...": the content is the topic
            topic = [c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "about", "of")]
            if not topic:
                return None
            return [t for p in topic for t in p.subtree], False, None
        if obj is not None:
            clause = next(
                (c for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp")
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
                None,
            )  # fmt: skip
            if clause is not None:  # "allegations that Azerbaijan has deployed ..."
                toks = [
                    t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)
                ]
                return toks, False, None
            if obj.dep_ == "nsubjpass":
                anaphor, owner = self.anaphor(obj, stance)
                toks = list(obj.subtree)
                if not anaphor:
                    # "Lopez has been accused of firing into the crowd", "both are
                    # charged with murder", "the damage is estimated at $1m": what
                    # they are accused of, or the amount, is part of what is said
                    toks += [
                        t
                        for c in children
                        if c.i > verb.i and c.dep_ == "prep"
                        and (c.lower_ in ("of", "with", "for", "as")
                             or (c.lower_ == "at" and any(g.like_num for g in c.subtree)))
                        for t in c.subtree
                    ]  # fmt: skip
                return toks, anaphor, owner
            # The object and what follows it in the verb's phrase: "accused Ankara of
            # recruiting ...", "blamed Armenia for ...", "denied any involvement", "puts
            # the toll at 14" (an amount is content; a time or place is not; the particle
            # of "ruled out" is the cue's).
            aside = {
                t.i
                for c in obj.children
                if c.dep_ in ("relcl", "acl") and self.unverified(c) is not None
                for t in c.subtree
            }
            toks = [
                t
                for c in children
                if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj", "advcl", "ccomp", "prt")
                and not (c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "during")
                         and not any(g.like_num for g in c.children))
                for t in c.subtree
                if t.i not in aside
            ]  # fmt: skip
            if (
                lemma in _SAYING
                and obj.dep_ == "dobj"
                and not self.says_something(obj, toks, verb)
                and not self.voiced(verb)
            ):
                return None  # "wrote a letter", "maintains the fuel depot"
            if (
                lemma in _VERDICTS
                and obj.dep_ == "dobj"
                and not self.says_something(obj, toks, verb)
                and not any(c.dep_ == "prep" and c.lower_ in _GROUNDS for c in children)
            ):
                # "criticized the proposal": a verdict on a thing states nothing about it
                # ("criticized the plan as illegal", "criticized Obama for the delay" do)
                return None
            if (
                lemma == "claim"
                and obj.dep_ == "dobj"
                and obj.lemma_.lower() not in _CLAIMED
                and not self.says_something(obj, toks, verb)
            ):
                return None  # "claimed 600 lives", "claimed the top prize": took, won
            if (
                lemma in ("describe", "indicate")
                and verb.tag_ == "VBG"
                and verb.dep_ == "advcl"
                and obj.dep_ == "dobj"
                and not any(t.pos_ in ("VERB", "AUX") or t.lower_ == "as" for t in toks)
            ):
                return None  # '"...," he said, indicating the photo': a gesture, a topic
            anaphor, owner = self.anaphor(obj, stance)
            if anaphor is None:
                return None
            return toks or list(obj.subtree), anaphor, owner
        if xcomp is not None and stance != "asserts":
            return list(xcomp.subtree), False, None  # "denied arming the Brigade"
        if xcomp is not None and lemma in _COMMIT and xcomp.pos_ in ("VERB", "AUX"):
            # "vowed to keep the mill open"
            return [t for t in xcomp.subtree if t.head.i != xcomp.i or t.dep_ != "aux"], False, None
        if xcomp is not None and lemma == "claim" and xcomp.pos_ in ("VERB", "AUX"):
            return list(xcomp.subtree), False, None  # "a site that claims to have sources"
        pcomp = next(
            (g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"),
            None,
        )
        if pcomp is not None and stance in ("denies", "questions"):
            return list(pcomp.subtree), False, None
        return None

    @staticmethod
    def told_clause(listener: Any) -> Any | None:
        """For "told a deacon she regrets it", which the parse reads as a relative
        clause on the one told: the clause, when no relative word opens it, it follows
        the listener, and its subject is a person named or a personal pronoun (a
        clause of its own, not "the deacon who ...")."""
        for c in listener.children:
            if c.dep_ != "relcl" or c.left_edge.i != listener.i + 1:
                continue
            if any(t.tag_ in _QUESTION_TAGS or t.lower_ == "that" for t in c.children):
                continue
            subj = next((t for t in c.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.i != c.left_edge.i:
                continue
            if subj.lower_ in _SUBJECT_PRONOUNS or subj.ent_type_ == "PERSON":
                return c
        return None

    @staticmethod
    def voiced(verb: Any) -> bool:
        """Whether a verb voices an attitude: "voiced support for the plan",
        "expressed concern over", "stressed their opposition to"."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return (
            verb.lemma_.lower() in _VOICING and obj is not None and obj.lemma_.lower() in _ATTITUDES
        )

    def joined_reports(self, clause: Any) -> set[int]:
        """The tokens of others' reports joined to what was said ("the phone called at
        11, and two clerks testified they heard shots"): a cue with a subject of its
        own, named or described, and a clause of its own."""
        return {
            t.i
            for c in clause.children
            if c.dep_ == "conj" and c.pos_ == "VERB" and self.stance_of(c) is not None
            and any(g.dep_ == "nsubj" and g.pos_ != "PRON" for g in c.children)
            and any(g.dep_ == "ccomp" for g in c.children)
            for t in c.subtree
        }  # fmt: skip

    def parenthetical(self, verb: Any, subjects: list[Any], asides: list[Any]) -> list[Any] | None:
        """For a cue set off by commas inside the sentence it reports, with a subject
        and nothing said of its own, what it reports: the sentence around it when it
        hangs on the sentence's verb ("The landers, he said, could carry rovers"; "It
        suits databases, Feldman said, as well as web shops"), without another's report
        joined to it; what comes before it when the parse hangs it on an aside after it
        ("... will help AMD in laptops, he says, two markets where it is small").
        `asides` are the writer's clauses after the cue (`aside_after`), left out."""
        if verb.dep_ != "parataxis" or not subjects:
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c not in asides for c in verb.children):
            return None
        doc = verb.doc
        # the speaker and the cue, between commas (what else hangs on the cue, "...,
        # AMD said, faster than the market", may follow)
        core = [verb.i] + [t.i for s in subjects for t in s.subtree]
        lo, hi = min(core), max(core)
        quoted = lo > 0 and doc[lo - 1].is_quote
        while lo > 0 and doc[lo - 1].is_quote:
            lo -= 1  # 'and "we love you for that," Cook said, most do ...'
        if quoted and verb.head.i < hi:
            return None  # '"...," he said, ruling out ...': a quotation and its cue
        if not (
            lo > 0 and doc[lo - 1].text == "," and hi + 1 < len(doc) and doc[hi + 1].text == ","
        ):
            return None
        head = verb.head
        if head.pos_ in ("VERB", "AUX"):
            inner = {t.i for t in verb.subtree} | self.joined_reports(head)
            # "... on battery life, Kuo says, which has been a sore point": the writer's
            # aside on what was said
            inner |= {t.i for c in asides for t in c.subtree}
            toks = [t for t in head.subtree if t.i not in inner]
        else:
            root = verb.sent.root
            if head.i < hi or root.pos_ not in ("VERB", "AUX") or root.i > lo:
                return None
            toks = list(doc[verb.sent.start : lo])
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks.pop()
        return toks or None

    @staticmethod
    def aside_after(verb: Any) -> list[Any]:
        """Clauses the parse hangs on a cue set off by commas that open with a relative
        word after it ("..., Kuo says, which has been a sore point"): the writer's
        comment, not what was said."""
        return [
            c
            for c in verb.children
            if c.dep_ in ("ccomp", "relcl", "advcl")
            and c.left_edge.i > verb.i
            and c.left_edge.lower_ in ("which", "who", "whom", "whose")
            and verb.doc[c.left_edge.i - 1].text == ","
        ]

    @staticmethod
    def inverted(verb: Any, subjects: list[Any]) -> bool:
        """Whether a cue has a subject on each side, the later one right after it and
        the cue right after a comma: "A collapsed, said Ina" parsed with "A" a subject."""
        return (
            len(subjects) >= 2
            and subjects[0].i < verb.i < subjects[-1].i
            and verb.i > 0
            and verb.doc[verb.i - 1].text == ","
            and subjects[-1].left_edge.i == verb.i + 1
        )

    @staticmethod
    def inverted_object(verb: Any) -> Any | None:
        """The speaker of a cue after a comma closing what it reports, which the parse
        took for the object of a verb joined to that statement: "HP plans to split,
        reported The Wall Street Journal on Sunday". None otherwise."""
        head = verb.head
        if (
            verb.dep_ != "conj"
            or verb.lemma_.lower() not in _INVERTING
            or verb.doc[verb.i - 1].text != ","
            or any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)
            or any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp") for c in verb.children)
        ):
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.left_edge.i != verb.i + 1:
            return None  # the name must come right after the cue
        if (
            obj.pos_ != "PROPN"
            or obj.ent_type_ not in ("", "ORG", "PERSON", "NORP", "GPE", "WORK_OF_ART")
            or any(c.dep_ == "conj" for c in verb.children)
        ):
            return None  # a name that can speak (papers are often tagged as works), no product
        later = [c for c in verb.children if c.i > obj.i]
        if any(c.dep_ not in ("prep", "npadvmod", "advcl", "punct") for c in later):
            return None
        return obj

    def said_too(self, verb: Any, comp: Any) -> list[Any]:
        """Verbs the parse joins to a past cue that go on with what was said, not with
        what the speaker did: their tense does not narrate ("said it remains committed,
        and will continue to invest"; "testified he had a troubled childhood and has
        shown remorse"), against "said the plan had failed and resigned"."""
        if verb.tag_ != "VBD":
            return []
        return [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.i > comp.i
            and c.pos_ in ("VERB", "AUX")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and self.stance_of(c) is None
            and (
                c.tag_ in ("VBZ", "VBP")
                or any(g.dep_ == "aux" and g.lower_ in _NOT_NARRATING for g in c.children)
            )
        ]

    def own_clause_cue(self, verb: Any) -> bool:
        """A cue verb with no subject of its own that carries its own clause ("and
        denied that troops had crossed")."""
        return (
            self.stance_of(verb) is not None
            and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)
            and any(c.dep_ == "ccomp" for c in verb.children)
        )

    @staticmethod
    def marked(clause: Any) -> bool:
        return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)

    @staticmethod
    def says_something(obj: Any, toks: list[Any], verb: Any) -> bool:
        """Whether the object of a verb of saying is something said: words that point
        at statements ("said it", "repeated the accusation"), or a clause the parse hung
        on the verb as an object ("noted efforts to sell it had failed"), not one inside
        a relative clause ("write viruses that exploit flaws")."""
        lemma = obj.lower_ if obj.pos_ == "PRON" else obj.lemma_.lower()
        if obj.pos_ == "PRON" or lemma in _CLAIM_NOUNS:
            return True
        for t in toks:
            if t.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
                continue
            path = [t, *(a for a in t.ancestors if a.i != verb.i and verb in a.ancestors)]
            if not any(a.dep_ == "relcl" for a in path):
                return True
        return False

    def anaphor(self, obj: Any, stance: Stance) -> tuple[bool | None, str | None]:
        """Whether an object points back at statements, and the owner it names; None
        when a denial's object is no proposition ("rebuffed calls", "ruled out talks")."""
        lemma = obj.lower_ if obj.pos_ == "PRON" else obj.lemma_.lower()
        has_clause = any(
            c.tag_ in ("VBD", "VBZ", "VBP", "MD") or (c.dep_ == "mark" and c.lower_ == "that")
            for c in obj.subtree
            if c.i != obj.i
        )
        owner = None
        for c in obj.children:
            if c.dep_ == "poss" and c.pos_ == "PROPN":
                owner = " ".join(t.text for t in c.subtree if t.dep_ != "case")
            elif c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN") and c.is_title:
                owner = c.text
            elif c.dep_ in ("prep", "acl"):
                # "allegations from Russia", "the accusations made by Dornholt"
                by = [c] if c.dep_ == "prep" else [g for g in c.children if g.dep_ == "agent"]
                for p in by:
                    if p.lower_ in ("by", "from"):
                        obj_ = next((g for g in p.children if g.dep_ == "pobj"), None)
                        if obj_ is not None and obj_.pos_ == "PROPN":
                            owner = " ".join(t.text for t in obj_.subtree)
        if obj.pos_ == "PRON" and lemma in _ANAPHORIC_PRONOUNS:
            return True, None
        if obj.text.lower() in _CLAIM_NOUNS or lemma in _CLAIM_NOUNS:
            return not has_clause, owner
        if stance in ("denies", "questions"):
            # "Belmark denied any involvement": a denial that points at what others
            # said; "rebuffed calls for a truce" denies no proposition at all.
            if lemma in _INVOLVEMENT_NOUNS:
                # "any Turkish involvement": Turkey is who is involved, not who claims
                return True, None
            if obj.tag_ == "VBG":
                return False, owner  # "denied arming the Brigade"
            return None, owner
        return False, owner

    def according_to(self, tok: Any) -> tuple[Any, list[Any]] | None:
        """For "according to X, ...": the speaker head and the content tokens."""
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None or obj.lemma_.lower() in _NO_SOURCE:
            return None  # "according to legend", "went according to plan": no one's words
        sent = tok.sent
        last = max(t.i for t in tok.subtree)
        if (
            tok.i > sent.start
            and self.doc[tok.i - 1].text == ","
            and all(t.is_punct or t.is_space for t in sent if t.i > last)
        ):
            # "Nothing in the rules requires that A, nor does it preclude B, according
            # to X.": a source named at the end vouches for the whole sentence before
            # it, whatever clause the parse hangs the phrase on
            start = max(
                [t.i for t in sent if t.text in (";", ":") and t.i < tok.i] + [sent.start - 1]
            )
            dashes = [t.i for t in sent if t.text in _DASHES and start < t.i < tok.i]
            if len(dashes) % 2 and any(
                t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in self.doc[dashes[-1] + 1 : tok.i]
            ):
                # "It is unclear whether A — B was said, according to X": a lone dash
                # before a clause of its own ends the writer's part; a pair sets off an
                # aside ("Microsoft — the parent of Xbox — is in talks"), and a
                # fragment after a lone dash goes on with the clause before it ("Eggs are
                # bad for you — as bad as cigarettes")
                start = dashes[-1]
            # "As Gupta noted at the time, A, according to X": another's report before
            # A is not X's
            aside = {
                t.i
                for c in sent.root.children
                if c.dep_ == "advcl"
                and c.i < sent.root.i
                and any(g.dep_ == "mark" for g in c.children)
                and self.stance_of(c) is not None
                for t in c.subtree
            }
            whole = [t for t in sent if start < t.i < tok.i - 1 and t.i not in aside]
            while whole and whole[0].is_punct:
                whole.pop(0)
            if len(whole) >= 3:
                return obj, whole
        head = tok.head
        skip = set(t.i for t in tok.subtree)
        # "A, according to X, adding to a series of problems": the writer's comment
        # on A, after the source is named, is not X's
        skip |= {
            t.i
            for c in head.children
            if c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and c.i > tok.i
            and not any(g.dep_ == "mark" for g in c.children)
            and c.doc[c.left_edge.i - 1].text == ","
            for t in c.subtree
        }
        if head.dep_ == "relcl":
            # "a cat who, according to the CBC, enjoys ...": what the relative word
            # stands for is the writer's; what follows it is the source's
            skip |= {
                t.i
                for c in head.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE
                for t in c.subtree
            }
        content = [t for t in head.subtree if t.i not in skip]
        # Only the clause the phrase belongs to: "A, according to X; B" is not X's B.
        stops = [t.i for t in content if t.text in (";", ":")]
        before = [i for i in stops if i < tok.i]
        after = [i for i in stops if i > tok.i]
        lo = max(before) if before else -1
        hi = min(after) if after else 10**9
        content = [t for t in content if lo < t.i < hi]
        if not content:
            # "A, according to X; B" with the phrase hung on B's verb: X's words are
            # the clause before it.
            sent = tok.sent
            start = max(
                [t.i for t in sent if t.text in (";", ":") and t.i < tok.i] + [sent.start - 1]
            )
            content = [t for t in sent if start < t.i < tok.i]
            while content and content[-1].is_punct:
                content.pop()
            if len(content) < 3:
                return None
        return obj, content

    # --- the run -------------------------------------------------------------------

    def run(self) -> list[Attribution]:
        # Links between attributions are kept as object references until the end,
        # then written as indexes into the final, sorted list.
        self.cont: dict[int, Attribution] = {}
        self.refs: dict[int, list[Attribution]] = {}
        found: list[Attribution] = []
        for tok in self.doc:
            if tok.lower_ == "according" and tok.dep_ in ("prep", "advcl", "advmod"):
                att = self.from_according(tok)
            elif (
                tok.lower_ in _HEARSAY and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX")
            ):
                att = self.from_hearsay(tok)
            elif self.unverified(tok) is not None:
                att = self.from_unverified(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _SAYING_NOUNS:
                att = self.from_noun(tok)
            elif tok.pos_ in ("VERB", "AUX") and tok.dep_ in _SPEECH_DEPS:
                self.extra = []
                att = self.from_verb(tok)
                if att is not None:
                    found.extend(self.extra)
                    found.extend(self.claim_sources(tok))
            else:
                att = None
            if att is not None:
                found.append(att)
        cued = {a.sentence for a in found}
        for sent in self.doc.sents:
            if self.sent_of_token[sent.start] not in cued:
                att = self.trailing_cue(sent)
                if att is not None:
                    found.append(att)
        found = [a for a in self.dedupe(found) if not self.quoted_cue(a)]
        self.trim_trailing_reports(found)
        found = self.without_channels(found)
        found.sort(key=lambda a: (a.cue_start, a.start))
        carried = self.quote_continuations(found)
        # what a carried-on quotation holds is its speaker's words, cues and all
        found = [a for a in found if not any(self.inside(a, c) for c in carried)]
        found.extend(carried)
        found.sort(key=lambda a: (a.sentence, a.cue_start, a.start))
        self.link_continuations(found)
        found.extend(self.sandwiched(found))
        found.sort(key=lambda a: (a.sentence, a.cue_start, a.start))
        self.link_anaphors(found)
        index = {id(a): i for i, a in enumerate(found)}
        for att in found:
            target = self.cont.get(id(att))
            att.continues = index.get(id(target)) if target is not None else None
            att.refers_to = tuple(sorted(index[id(r)] for r in self.refs.get(id(att), [])))
        return found

    def trim_trailing_reports(self, found: list[Attribution]) -> None:
        """ "Surgeons say her health was not in jeopardy, Fox News reports.": what the
        surgeons say ends where the outlet's report of it ends; the report's speaker
        and cue after it are not the surgeons' words."""
        for a in found:
            for b in found:
                if b is a or b.sentence != a.sentence or b.speaker_start is None:
                    continue
                lo = min(b.speaker_start, b.cue_start)
                hi = max(b.speaker_end or b.cue_end, b.cue_end)
                # (b's words may open before a's: "Police believe A, according to CEN"
                # is CEN's whole sentence, and the police's A)
                inside = a.start < b.end <= lo and a.start < lo < a.end <= hi + 2
                if inside and _only_marks(self.text[b.end : lo], ", ") and hi >= a.end - 2:
                    a.end = b.end

    def quoted_cue(self, att: Attribution) -> bool:
        """A verb of saying inside the quotation it would report, with no speaker or
        with the quoted person as "I" or "we" ("A flaw gets posted online within
        hours." or "So I think we did well." as a paragraph of someone's quotation):
        the quoted person's words, carried on from the one quoted before."""
        q = self.quote_at(att.cue_start, att.cue_end)
        if q is None or not (q.start <= att.start and att.end <= q.end):
            return False
        if att.speaker_start is None:
            return True
        first_person = (att.speaker or "").lower() in _FIRST_PERSON
        return first_person and q.start <= att.speaker_start < q.end

    def trailing_cue(self, sent: Any) -> Attribution | None:
        """A sentence ending "A, the Kremlin press service informed.": a
        speaker and a cue after a comma, read by its shape when the parse hangs the
        cue on the speaker ("service informed" as a participle) instead of on A."""
        words = [t for t in sent if not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        if len(words) < 7:
            return None
        cue = words[-1]
        # "..., Fox 13 reports.": the model may take a present verb for a plural noun
        finite = cue.tag_ in ("VBD", "VBN", "VBZ", "VBP") or (
            cue.tag_ == "NNS" and cue.dep_ in ("ROOT", "appos") and cue.lower_.endswith("s")
        )
        stance = self.stance_of(cue) if finite else None
        if stance is None or cue.lemma_.lower() in _CHARGING:
            return None  # "..., driver charged": a headline's passive, see `content`
        comma = next((k for k in range(len(words) - 2, 0, -1) if words[k].text == ","), None)
        if comma is None or len(words) - comma - 2 > 6 or comma < 4:
            return None
        speaker = words[comma + 1 : -1]
        if not any(t.pos_ in ("NOUN", "PROPN") for t in speaker) or not all(
            t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "PART", "NUM") for t in speaker
        ):
            return None
        return self.make([cue], (speaker, "named"), words[:comma], stance)

    def make(
        self,
        cue_toks: list[Any],
        speaker: tuple[list[Any], str] | None,
        content: list[Any],
        stance: Stance,
        anaphor: bool = False,
        owner: str | None = None,
        plain: bool | None = None,
    ) -> Attribution | None:
        if all(t.tag_ in ("WDT", "WP") or t.is_punct or t.is_space for t in content):
            # "the rules that environmentalists had feared", "a move which was reported
            # by TMZ": the relative word stands for a thing, not a statement
            return None
        content = self.without_that(content)
        cue_lo = min(t.idx for t in cue_toks)
        start, end = self.span_of(content, cue_lo)
        cue_hi = max(t.idx + len(t.text) for t in cue_toks)
        if start >= end:
            return None
        quote = self.quote_at(start, end) or self.quoted_next(cue_hi, start, end)
        direct = quote is not None and self.quoted_head(start, end, quote)
        if quote is not None and not quote.start <= cue_lo < quote.end:
            # The whole quotation; a subject left outside it ('said Belmark "has never
            # armed ..."') stays part of the content.
            start, end = (start if start < quote.start else quote.start), quote.end
            # '"We are sure," he said': the comma belongs to the writer's sentence
            while end > start and (self.text[end - 1] in ",;:" or self.text[end - 1].isspace()):
                end -= 1
        sentence = self.sent_of_token[cue_toks[0].i]
        if quote is None:
            # (quoted words, a phrase too, are the speaker's: their "could" is theirs)
            stance = self.modality(content, stance)
        if (
            stance == "asserts"
            and plain is None
            and any(
                c.dep_ == "advmod" and c.lower_ in _IMPLICIT for t in cue_toks for c in t.children
            )
        ):
            stance = "hedges"  # "implicitly accused": said only by implication
        sp_start = sp_end = None
        sp_text = None
        kind = "unnamed"
        if speaker is not None:
            toks, kind = speaker
            sp_start, sp_end = self.span_of(toks, cue_lo)
            sp_text = self.text[sp_start:sp_end]
        att = Attribution(
            start=start,
            end=end,
            cue=" ".join(t.text for t in sorted(cue_toks, key=lambda t: t.i)),
            cue_start=cue_lo,
            cue_end=cue_hi,
            stance=stance,
            direct=direct,
            sentence=sentence,
            speaker=sp_text,
            speaker_start=sp_start,
            speaker_end=sp_end,
            speaker_kind=kind,
            anaphor=anaphor,
            owner=owner,
            negated=clause_negated(content),
        )
        if self.calls_false(content) or (att.negated and self.about_that(content)):
            # "said the accusation was a fabrication", "insist they had nothing to do
            # with it": a denial of what it points at
            att.stance, att.anaphor, att.negated = "denies", True, False
        elif att.stance == "asserts" and self.finds_no_proof(content):
            # "said Tarvonia had offered no evidence", "saw no proof": doubt, not denial
            att.stance, att.negated = "questions", False
        elif att.stance == "asserts":
            # '"We deny that we engaged in any improper conduct," he said'
            att.stance = self.own_answer(content) or att.stance
        return att

    def quoted_head(self, start: int, end: int, quote: Quote) -> bool:
        """Whether a content holding a quotation is the quotation (`direct`): it
        opens inside the marks, or the quoted words hold its head, with only a subject
        ('said Belmark "has never armed ..."') or a preposition ('informed Erdogan
        about "contacts ..."') left outside. A clause of the writer's that ends in
        quoted words ('said the plan was "reckless and late"', 'described the talks as
        "a waste of time"') reports the speaker indirectly, quoting a phrase; but
        quoted words that run on past the writer's sentence are the speaker's text."""
        if start >= quote.start or self.sentence_index(quote.end - 1) > self.sentence_index(start):
            return True
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        head = span.root
        if head.pos_ == "ADP":
            # 'informed Erdogan about "contacts with ..."': what the preposition takes
            head = next((c for c in head.children if c.dep_ in ("pobj", "pcomp")), head)
        return quote.start <= head.idx < quote.end

    def own_answer(self, content: list[Any]) -> Stance | None:
        """The stance of a content whose main verb is the speaker's own denial or doubt
        ("We deny that ...", "I question whether ..."), else None."""
        inside = {t.i for t in content}
        heads = [t for t in content if t.head.i not in inside or t.head.i == t.i]
        verb = next((t for t in heads if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or word_negated(verb):
            return None
        stance = self.stance_of(verb)
        if stance not in ("denies", "questions") or verb.lemma_.lower() in _ASKING:
            return None  # "we are asking the Marines to ...": a request
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return stance if subj is not None and subj.lower_ in _FIRST_PERSON else None

    @staticmethod
    def without_that(content: list[Any]) -> list[Any]:
        """ "told the Courier that the ferry had left": the conjunction opens what was
        said but is not part of it, whatever the parse calls it ("that" as an object
        of "left"); a "that" that is the subject stays ("said that was wrong")."""
        ordered = sorted(content, key=lambda t: t.i)
        first = ordered[0] if ordered else None
        if first is None or first.lower_ != "that" or first.dep_ in ("nsubj", "nsubjpass", "det"):
            return content
        rest = ordered[1:]
        if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in rest):
            return rest
        return content

    def quoted_next(self, cue_hi: int, start: int, end: int) -> Quote | None:
        """A quotation that follows the cue and opens the content (heard someone say
        "he has a gun," she ran): it is what was said, whatever the parse hangs after it."""
        for q in self.quotes:
            if q.closed and cue_hi <= q.start and start <= q.start < end and q.end < end:
                between = self.text[cue_hi : q.start]
                if len(between) <= 4 and _only_marks(between, ":, "):
                    return q
        return None

    @staticmethod
    def finds_no_proof(content: list[Any]) -> bool:
        """A content that says the evidence is missing or unverifiable (in its main
        clause: "figures that cannot be verified" is the writer's aside)."""
        ids = {t.i for t in content}
        content = [
            t
            for t in content
            if not any(a.dep_ in ("relcl", "acl") and a.i in ids for a in [t, *t.ancestors])
        ]
        for t in content:
            if t.lemma_.lower() not in _PROOF:
                continue
            if any(
                c.lower_ == "of" and any(g.lower_ == "life" for g in c.children) for c in t.children
            ):
                continue  # "there were no signs of life": a finding, not a doubt
            if t.lemma_.lower() in ("sign", "indication") and t.head.lemma_.lower() in _SHOW:
                continue  # "the 28 have shown no signs of the plague": a finding too
            if any(c.lower_ in ("no", "little", "scant") for c in t.children):
                return True
            if t.head.lemma_.lower() in ("lack", "lacking") or any(
                is_not(c) for c in t.head.children
            ):
                return True
        text = " ".join(t.lower_ for t in sorted(content, key=lambda t: t.i))
        # the words as the tokenizer gives them: "can not be", "ca n't be", "ca n’t be"
        pattern = r"\b(?:not|n['\u2019]t) be (?:independently )?(?:verified|confirmed)\b"
        return re.search(pattern, text) is not None

    def modality(self, content: list[Any], stance: Stance) -> Stance:
        if stance != "asserts":
            return stance
        ids = {c.i for c in content}
        heads = {t.i for t in content if t.head.i not in ids or t.dep_ == "ROOT"}
        for t in content:
            hedging = t.lower_ in _HEDGE_WORDS and t.pos_ in ("AUX", "VERB", "ADV", "ADJ")
            if hedging and self.reported_within(t, ids):
                # "a boy suspended for telling a classmate that he could make him
                # vanish", "Rahall says that he will likely invoke ...": the hedge is in
                # words the content reports, theirs, not the source's
                continue
            if t.lower_ in ("could", "can") and any(is_not(c) for c in t.head.children):
                # "could not see", "could not be named": what was not possible, said
                # outright ("might not hold" still hedges)
                continue
            if not hedging:
                continue
            if t.tag_ == "MD" and (t.head.i in heads or t.head.dep_ in ("ROOT", "ccomp", "conj")):
                return "hedges"
            if t.tag_ != "MD" and self.on_spine(t.head, ids, heads):
                # "the fire, which was presumably set at night", "five women, and
                # possibly two children": a hedge on a part leaves the whole asserted
                return "hedges"
        return stance

    @staticmethod
    def on_spine(tok: Any, ids: set[int], heads: set[int]) -> bool:
        """Whether a word is the content's main predicate or one it is said alongside
        or through ("A and B", "said it was B", "is B"), not a word of a relative
        clause, a noun phrase or an adverbial clause."""
        while tok.i not in heads:
            if tok.dep_ not in _SPINE_DEPS or tok.head.i not in ids:
                return False
            tok = tok.head
        return True

    def reported_within(self, tok: Any, ids: set[int]) -> bool:
        """Whether a word lies in what a verb of saying inside a content reports, with
        a speaker of its own: someone else's words within the content ("telling a
        classmate that he could ..."), not the subject of that verb ("the doctor who
        reportedly took a selfie has denied ...") nor a report no one makes ("is
        believed dead or possibly wounded")."""
        below = tok
        for a in tok.ancestors:
            if a.i not in ids:
                return False
            if (
                a.pos_ == "VERB"
                and a.i != tok.head.i
                and below.dep_ in ("ccomp", "xcomp", "dobj", "parataxis")
                and (
                    any(c.dep_ == "agent" for c in a.children)
                    or not any(c.dep_ in ("auxpass", "nsubjpass") for c in a.children)
                )
                and self.stance_of(a) is not None
            ):
                return True
            below = a
        return False

    @staticmethod
    def about_that(content: list[Any]) -> bool:
        """Whether a negated content names nobody and answers something said before:
        "it", "this" or "that" is what its negated verb is done to ("they had nothing to
        do with it", "we did not do that"), by the speaker's side (a personal pronoun)
        or by no one named. "None of it was insured", "People will not buy it", "I've
        never seen him cry like that" and "the gun was not there because he got rid
        of it" answer nothing."""
        if any(t.pos_ == "PROPN" for t in content):
            return False
        inside = {t.i for t in content}
        for head in negated_heads(content):
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.tag_ != "PRP" or c.lower_ in _POINTING for c in subjects):
                continue
            for t in head.subtree:
                if t.i not in inside or t.lower_ not in _POINTING or t.dep_ not in ("dobj", "pobj"):
                    continue
                if t.dep_ == "pobj" and t.head.lower_ in ("like", "as"):
                    continue  # "like that": how, not what
                if _reached_plainly(t, head):
                    return True
        return False

    def calls_false(self, content: list[Any]) -> bool:
        """A content of the shape "the accusation was a fabrication / baseless"."""
        ids = {t.i for t in content}
        for r in content:
            if (r.head.i in ids and r.head.i != r.i) or r.lemma_ != "be":
                continue
            subj = next((c for c in r.children if c.dep_ == "nsubj"), None)
            pred = next((c for c in r.children if c.dep_ in ("attr", "acomp")), None)
            if subj is None or pred is None:
                continue
            pointer = subj.lemma_.lower() in _CLAIM_NOUNS or subj.lower_ in ("it", "this", "that")
            if pointer and pred.lemma_.lower() in _FALSITY:
                return True
            truth = pred.lemma_.lower() in ("true", "correct", "accurate")
            if pointer and truth and word_negated(r):
                return True  # "it was not true"
        return False

    def from_verb(self, verb: Any) -> Attribution | None:
        stance = self.stance_of(verb)
        if stance is None or word_negated(verb) or verb.dep_ == "amod":
            return None  # "the rumored phones", "the reported deal": no one says anything
        if _alternative_to_negated(verb):
            return None  # "would not confirm or deny": neither
        if (
            verb.dep_ == "ccomp"
            and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in verb.children)
            and self.stance_of(verb.head) is not None
        ):
            return None  # "blasts, which officials said suggested ...": what was said
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in (
            "xcomp",
            "ccomp",
        ):
            # "refused to confirm", "declined to comment", "wanted Comey to say ...": not
            # a statement
            head_stance = self.stance_of(verb.head)
            if head_stance is None and verb.head.lemma_.lower() not in _SAID_ANYWAY:
                return None  # ("continued to deny", "prompted them to charge": said)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        has_said = _has_said(verb)
        if has_said is not None:
            passive = False
        if (
            verb.tag_ == "VBN"
            and not any(c.dep_ == "agent" for c in verb.children)
            and any(
                c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                for c in verb.children
            )
        ):
            passive = True  # "mercenaries said to be massing"
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "hundreds of mercenaries said to be massing": a reduced passive
            if not any(c.dep_ in ("xcomp", "ccomp", "agent") for c in verb.children):
                return None
            passive = True
        self.parts = []
        lemma = verb.lemma_.lower()
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if lemma in ("express", "voice") and not self.voiced(verb):
            return None  # "expressed condolences", "voiced the role" state nothing
        if lemma in _ENDORSE and (obj is None or obj.lemma_.lower() not in _CLAIM_NOUNS):
            return None  # "backs Tarvonia's account" reports; "backed Azerbaijan" does not
        if (
            lemma in ("believe", "trust")
            and obj is not None
            and obj.lemma_.lower() not in _CLAIM_NOUNS
            and not any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children)
        ):
            return None  # "the manager believed the waitress": trust in someone, no claim
        if (
            lemma in _MANNER
            and obj is not None
            and self.quote_at(obj.idx, obj.idx + len(obj.text)) is None
        ):
            return None  # "photographers shouting questions", "screamed abuse"
        if lemma in _COMMIT and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return None  # "promised emergency payments": a pledge, not a proposition
        if lemma in ("rumor", "rumour") and not passive:
            return None  # only "X is rumoured to ...", "a phone rumoured to have ..."
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return None  # "If it is confirmed, ...": no one has confirmed anything
        if (
            lemma == "charge"
            and obj is not None
            and obj.dep_ == "dobj"
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        ):
            return None  # "a doctor who charges $9,000", "police charged the crowd"
        if (
            lemma == "deny"
            and obj is not None
            and (
                any(c.dep_ == "nsubjpass" for c in verb.children) or obj.lemma_.lower() in _GRANTED
            )
        ):
            return None  # "was denied parole", "denied him bail": refused, not disputed
        if lemma == "call" and obj is not None and obj.lower_.endswith(("self", "selves")):
            return None  # "who calls herself Jasmine": a name, not a statement
        thing = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if (
            (
                lemma in _SAYING
                or (
                    stance == "asserts"
                    and not any(
                        c.dep_ == "agent"
                        or (c.dep_ == "prep" and c.lower_ in ("of", "for", "with", "as"))
                        or (c.dep_ == "prep" and c.lower_ == "on" and lemma == "blame")
                        for c in verb.children
                    )
                )
            )
            and thing is not None
            and (thing.pos_ != "PRON" or thing.lower_ not in ("it", "this", "that", "which"))
            and thing.lemma_.lower() not in _CLAIM_NOUNS
            and not any(
                c.dep_ in ("xcomp", "ccomp", "oprd")
                and not any(g.dep_ == "nsubj" and g.lower_ in _RELATIVE for g in c.children)
                for c in verb.children
            )
        ):
            # "An image was posted to Facebook (that shows ...)": a thing put up, not a
            # report; "a third case was reported on Sunday", "job cuts will be
            # announced", "he was admitted": told by no one named, an event, not a
            # report ("arson is suspected" is someone's suspicion)
            return None
        if (
            thing is not None
            and not any(c.dep_ == "agent" for c in verb.children)
            and verb.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _WHEN for c in verb.children)
        ):
            # "declined to comment before it was announced", "after one juror was
            # dismissed": a time, not a report
            return None
        subj_pass = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj_pass is not None and (
            subj_pass.lower_ in _NEGATIVE_PRONOUNS
            or (
                any(c.lower_ in ("no", "one") for c in subj_pass.subtree if c.i != subj_pass.i)
                and subj_pass.lower_ in ("one", "body")
            )
        ):
            return None  # "No one was reported hurt": nobody reports anything
        got = self.quote_content(verb) if lemma == "read" else self.content(verb, stance)
        cue = [verb] + [
            c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "auxpass" and passive)
        ]
        quoting = self.quoted_as(verb)
        if quoting is not None:
            cue = [quoting, verb.head, *cue]  # "quoted as saying"
        if got is None:
            got = self.quote_content(verb)
            if got is None:
                return None
        content, anaphor, owner = got
        plain: bool | None = None  # whether an "implicitly" on the cue is another agent's
        speaker: tuple[list[Any], str] | None = self.cited(verb)
        if speaker is not None:
            pass
        elif passive:
            agents = [
                g for c in verb.children if c.dep_ == "agent" for g in c.children
                if g.dep_ == "pobj"
            ]  # fmt: skip
            implied = [c.i for c in verb.children if c.dep_ == "advmod" and c.lower_ in _IMPLICIT]
            if len(agents) > 1 and implied and agents[0].i < implied[0] < agents[-1].i:
                # "echoed by France and, implicitly, by Russia": France says it, Russia
                # only implies it
                late = [a for a in agents if a.i > implied[0]]
                agents = [a for a in agents if a.i < implied[0]]
                implicit = self.make(
                    cue, (self.agent_tokens(late), "named"), content, stance, bool(anaphor), owner
                )
                if implicit is not None:
                    self.extra.append(implicit)
                plain = False
            if agents:
                speaker = (self.agent_tokens(agents), "named")
            elif not anaphor and stance in ("asserts", "hedges"):
                stance = "hedges"  # "Turkey is believed to ...": nobody vouches for it
        elif (named := self.inverted_object(verb)) is not None:
            speaker = self.speaker_tokens(named)
        else:
            subj = self.subject(verb)
            if subj is not None:
                subj = self.outside_quotation(subj, verb, content)
            if subj is None or self.turn_of_phrase(subj, verb):
                return None
            if subj.lower_ == "you" and self.sents[self.sent_of_token[verb.i]].text.rstrip(
                " \"'”’)"
            ).endswith("?"):
                return None  # "Do you think she will win?": a question, not a statement
            speaker = self.speaker_tokens(subj)
            if subj.lemma_.lower() in _RUMOURS and stance in ("asserts", "hedges"):
                speaker, stance = None, "hedges"  # "the rumours proclaim ...": no one vouches
        att = self.make(cue, speaker, content, stance, bool(anaphor), owner, plain)
        if att is not None and self.parts and not att.direct:
            att.parts = tuple(
                (*self.span_of(part, att.cue_start), clause_negated(part)) for part in self.parts
            )
        return att

    def claim_sources(self, verb: Any) -> list[Attribution]:
        """ "dismissed allegations from Russia and France that ...": the ones named as
        the allegations' source assert them."""
        out = []
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass") or obj.lemma_.lower() not in _CLAIM_NOUNS:
                continue
            clause = next(
                (c for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp")
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
                None,
            )  # fmt: skip
            source = next(
                (g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                 for g in c.children if g.dep_ == "pobj"),
                None,
            )  # fmt: skip
            if clause is None or source is None:
                continue
            content = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
            speaker = (self.subtree(source, frozenset({"relcl", "acl", "appos"})), "named")
            att = self.make([obj], speaker, content, "asserts")
            if att is not None:
                out.append(att)
        return out

    def from_noun(self, noun: Any) -> Attribution | None:
        """ "Belmark's claim that the drones were Tarvonian", "the warning by the agency
        that the dam may fail": the owner says what the clause says, with the stance of
        the noun's verb in the lexicon. A noun with no owner named ("the claim that
        ...", "reports that ...") names no speaker and is left to the verb it serves."""
        stance = self.cues.stance(_SAYING_NOUNS[noun.lemma_.lower()])
        if stance is None or (
            noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _ENDORSE
        ):
            return None  # "backs Tarvonia's claim that ...": the verb reads it
        clause = next(
            (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
             and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
            None,
        )  # fmt: skip
        if noun.lemma_.lower() == "charge" and noun.dep_ == "pobj" and noun.head.lower_ == "on":
            return self.from_charges(noun, clause)
        if clause is None:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            if noun.dep_ in ("dobj", "nsubjpass") and self.stance_of(noun.head) is not None:
                return None  # "dismissed allegations from Russia that ...": claim_sources
            owner = next(
                (g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                 for g in c.children if g.dep_ == "pobj"),
                None,
            )  # fmt: skip
        if owner is None or owner.lower_ in _FIRST_PERSON or owner.lower_ in ("my", "our"):
            return None
        content = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
        if owner.tag_ == "PRP$":
            speaker: tuple[list[Any], str] = ([owner], "pronoun")  # "his claim that ..."
        else:
            toks, kind = self.speaker_tokens(owner)
            speaker = ([t for t in toks if not (t.dep_ == "case" and t.head.i == owner.i)], kind)
        return self.make([noun], speaker, content, stance)

    def from_charges(self, noun: Any, clause: Any | None) -> Attribution | None:
        """ "A grand jury indicted Marsh on charges (that) he sold forged permits": the
        one who charges asserts the clause; with no one named ("was indicted on
        charges he ..."), nobody vouches for it, as with any agentless passive."""
        if clause is None:
            # without "that" the parse hangs the clause on the noun as a relative one:
            # a clause of its own when its subject opens it ("charges he sold ...")
            clause = next(
                (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i
                 and any(g.dep_ in ("nsubj", "nsubjpass") and g.i == c.left_edge.i
                         and g.lower_ not in _RELATIVE and g.tag_ not in _QUESTION_TAGS
                         for g in c.children)),
                None,
            )  # fmt: skip
        verb = noun.head.head
        if clause is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        content = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]  # fmt: skip
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if agents:
            return self.make([noun], (self.agent_tokens(agents), "named"), content, "asserts")
        if subj is not None and not any(c.dep_ == "auxpass" for c in verb.children):
            return self.make([noun], self.speaker_tokens(subj), content, "asserts")
        return self.make([noun], None, content, "hedges")

    def agent_tokens(self, agents: list[Any]) -> list[Any]:
        """The words naming the agents of a passive cue ("by France and by Russia")."""
        return [t for a in agents for t in self.subtree(a, frozenset({"relcl", "acl", "punct"}))]

    def cited(self, verb: Any) -> tuple[list[Any], str] | None:
        """ "X cited Y as saying ...", "Y was quoted as saying ...", "Y, quoted by X as
        saying ...": the speaker is Y."""
        quoting = self.quoted_as(verb)
        if quoting is None:
            return None
        who = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if who is None and quoting.dep_ == "acl":
            who = quoting.head
        if who is None:
            return None
        return self.subtree(who, frozenset({"relcl", "acl", "punct", "prep"})), "named"

    def quote_content(self, verb: Any) -> tuple[list[Any], bool | None, str | None] | None:
        """For a cue with no clause of its own, a quotation in its sentence."""
        sent = self.sents[self.sent_of_token[verb.i]]
        for q in self.quotes:
            if (
                q.start < sent.end_char
                and q.end > sent.start_char
                and not (q.start <= verb.idx < q.end)
            ):
                toks = [t for t in sent if q.start <= t.idx < q.end]
                if toks:
                    return toks, False, None
        return None

    def from_according(self, tok: Any) -> Attribution | None:
        got = self.according_to(tok)
        if got is None:
            return None
        obj, content = got
        cue = [tok] + [c for c in tok.children if c.lower_ == "to"]
        speaker = self.speaker_tokens(obj)
        return self.make(cue, speaker, content, "asserts")

    def from_hearsay(self, adv: Any) -> Attribution | None:
        """ "X is reportedly doing Y": a report nobody is named for; the outlet hedges."""
        head = adv.head
        content = [t for t in head.subtree if not (t.dep_ == "punct" and t.head.i == head.i)]
        stops = [
            t.i
            for t in content
            if t.text in (";", ":")
            or (t.dep_ == "prep" and t.lower_ == "with" and t.head.i == head.i)
        ]
        after = [i for i in stops if i > adv.i]
        hi = min(after) if after else 10**9
        content = [t for t in content if t.i < hi]
        return self.make([adv], None, content, "hedges")

    def unverified(self, verb: Any) -> Any | None:
        """For "figures that cannot be independently verified", "a figure Reuters could
        not verify", "The claim could not be confirmed": the thing left unverified,
        when it is a claim or a figure and the doubt is not itself someone's reported
        words ("officials said the figures cannot be verified" is theirs)."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VERIFY or not word_negated(verb):
            return None
        tok = verb
        while tok.head.i != tok.i:
            if tok.dep_ == "ccomp" and self.stance_of(tok.head) is not None:
                return None
            tok = tok.head
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            thing = verb.head
        else:
            thing = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if thing is None or thing.lemma_.lower() not in _UNVERIFIED_THINGS:
            return None
        return thing

    def from_unverified(self, verb: Any) -> Attribution | None:
        """The writer's (or the one named's) doubt about a claim or figure it points at:
        a `questions` pointer, answered by the claims the statement before it made."""
        thing = self.unverified(verb)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        speaker = None
        if subj is not None and subj.lower_ not in _RELATIVE:
            speaker = self.speaker_tokens(subj)  # "a figure Reuters could not verify"
        content = [t for t in self.subtree(thing, frozenset({"relcl", "acl"})) if t.i != verb.i]
        cue = [verb] + [c for c in verb.children if c.dep_ in ("neg", "aux", "auxpass", "advmod")]
        return self.make(cue, speaker, content, "questions", anaphor=True)

    def dedupe(self, found: list[Attribution]) -> list[Attribution]:
        """One attribution per statement: a cue inside a direct quote is part of the
        quote; a quote framed by two cues keeps the first; a report nested in
        another's content ("It added that Putin briefed Erdogan on ...") stays only
        when it carries a clause or a quotation of its own."""
        out: list[Attribution] = []
        quoted_starts: set[int] = set()
        for att in sorted(found, key=lambda a: (a.start, a.cue_start)):
            others = [o for o in found if o is not att]
            if any(o.direct and o.start <= att.cue_start < o.end for o in others):
                continue
            if att.start in quoted_starts and self.holds_quote(att):
                continue
            outer = [
                o for o in others
                if o.start <= att.cue_start < o.end and not o.anaphor
                and not (o.start <= att.start and att.end <= o.end and o is att)
            ]  # fmt: skip
            # "They fear that A, according to people familiar with their thinking":
            # the source named at the end vouches for the report, which stays theirs
            vouched = att.speaker_kind == "pronoun" and all(
                o.cue.lower() == "according to" and o.cue_start > att.cue_end for o in outer
            )
            if (
                outer
                and not att.direct
                and (
                    not self.has_clause(att)
                    or (att.speaker_kind in ("pronoun", "unnamed") and not vouched)
                )
            ):
                # "X was charged with murder, police said": the police say it
                continue
            out.append(att)
            if self.holds_quote(att):
                quoted_starts.add(att.start)
        return out

    def holds_quote(self, att: Attribution) -> bool:
        """Whether a content is or holds a quotation: direct, or an indirect one ending
        in quoted words ('reiterated his belief that it is a "wholly inappropriate use
        of the law"', which the two cues frame as one statement)."""
        return att.direct or self.quote_at(att.start, att.end) is not None

    def without_channels(self, found: list[Attribution]) -> list[Attribution]:
        """Reports passed on: "the spokesman said Dunn told a deacon she regrets it",
        "Officials suspect arson, the Gazette reports". As with "X cited Y as saying
        P", the one named for the inner report holds P, and the outer speaker is only
        its channel: an outer attribution whose content is wholly another's named
        report goes. A cue inside someone's words that reports nothing of its own
        stays part of them: a prediction ("said the vote would show that P") or the
        speaker's own reading ("said that, according to his reading, P")."""
        found = [
            a for a in found if not any(self.nested(a, o) for o in found) or not self.own_view(a)
        ]
        inner = [
            a for a in found
            if a.speaker_kind in ("named", "statement") and any(self.nested(a, o) for o in found)
        ]  # fmt: skip
        return [o for o in found if not any(self.passes_on(o, a) for a in inner)]

    @staticmethod
    def nested(att: Attribution, outer: Attribution) -> bool:
        """Whether an attribution's cue lies in another's indirect content."""
        return outer is not att and not outer.direct and outer.start <= att.cue_start < outer.end

    def passes_on(self, outer: Attribution, att: Attribution) -> bool:
        """Whether all an outer attribution says is another's report: its speaker,
        cue and content, give or take "that" and punctuation."""
        if not self.nested(att, outer) or outer.anaphor or att.speaker_start is None:
            return False
        if outer.stance in ("denies", "questions"):
            return False  # "The UN denied Israeli claims that ...": a position on them
        if self.second_clause(att) or self.unowned_reports(att) or self.evidence(att):
            return False
        if self.cue_lemma(att) in _MINDS:
            # "Simone said Manson thinks he can never die": what Manson thinks is
            # Simone's word, not a statement of Manson's passed on
            return False
        if self.cue_lemma(outer) in _CLAIMING or self.quote_at(att.cue_start, att.cue_end):
            # "a site claiming the actress was telling people ...": that she told them
            # is the site's claim; '"I told my mom ...," said the letter': the
            # letter's own words
            return False
        lo = min(att.speaker_start, att.cue_start, att.start)
        hi = max(att.speaker_end or 0, att.cue_end, att.end)
        rest = (
            self.text[outer.start : max(outer.start, lo)]
            + self.text[min(hi, outer.end) : outer.end]
        )
        return lo >= outer.start and re.fullmatch(r"\W*(?:that\W*)?", rest.lower()) is not None

    def second_clause(self, att: Attribution) -> bool:
        """Whether a content goes on, after "and" or a dash, with a clause of its own
        that no "that" marks as reported too ("he needed time, and the judge gave him
        a deadline"): the parse may have given the inner report the outer speaker's
        own words, which stay theirs."""
        span = self.doc.char_span(att.start, att.end, alignment_mode="expand")
        return span is not None and any(
            t.dep_ == "conj"
            and t.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            and not any(c.dep_ == "mark" for c in t.children)
            for t in span
        )

    def cue_span(self, att: Attribution) -> Any | None:
        """The tokens of an attribution's cue."""
        return self.doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")

    def cue_lemma(self, att: Attribution) -> str:
        """The lemma of an attribution's cue word ("think" for "thinks")."""
        cue = self.cue_span(att)
        return cue.root.lemma_.lower() if cue is not None else att.cue.lower()

    def evidence(self, att: Attribution) -> bool:
        """Whether a cue is a thing's showing, not someone's saying ("the rush to
        patch indicates the threat is serious", "an inquiry revealed that ..."):
        whoever names the evidence holds what it shows."""
        cue = self.cue_span(att)
        if cue is None or self.cue_lemma(att) not in _SHOWING:
            return False
        subj = next((c for c in cue.root.children if c.dep_ in ("nsubj", "csubj")), None)
        return subj is not None and not subj.ent_type_ and not _people(subj.lemma_.lower())

    def unowned_reports(self, att: Attribution) -> bool:
        """Whether a speaker is reports no one is named for ("according to various
        reports"): no holder to hand a report on to."""
        if att.speaker_start is None or att.speaker_end is None:
            return False
        span = self.doc.char_span(att.speaker_start, att.speaker_end, alignment_mode="expand")
        if span is None or span.root.lemma_.lower() not in _CLAIM_NOUNS | _COMM_NOUNS:
            return False
        return not any(
            c.dep_ in ("poss", "compound", "prep") or c.lower_ in _DEFINITE
            for c in span.root.children
        )

    def own_view(self, att: Attribution) -> bool:
        """Whether a cue reports nothing yet ("would show that", "will prove that") or
        names as its source only someone's own view ("according to his reading")."""
        cue = self.cue_span(att)
        if cue is not None and any(
            c.dep_ == "aux" and c.tag_ == "MD" for t in cue for c in t.children
        ):
            return True
        if att.cue.lower() != "according to" or att.speaker_start is None:
            return False
        speaker = self.doc.char_span(att.speaker_start, att.speaker_end, alignment_mode="expand")
        if speaker is None or speaker[0].tag_ != "PRP$":
            return False
        head = speaker.root
        return not head.ent_type_ and not _people(head.lemma_.lower())

    def has_clause(self, att: Attribution) -> bool:
        """Whether a content holds a finite verb (a proposition, not a topic)."""
        span = self.doc.char_span(att.start, att.end, alignment_mode="expand")
        return span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)

    @staticmethod
    def carried_on(att: Attribution) -> bool:
        """Whether what follows a statement may carry it on: only someone's words can
        be; a report no one makes ("Arson is suspected.", "Pagano is expected to
        return") cannot."""
        return att.speaker_kind != "unnamed"

    def quote_continuations(self, found: list[Attribution]) -> list[Attribution]:
        """A quotation with no cue that follows someone's words carries them on, and so
        does the quotation after it, paragraph after paragraph."""
        out: list[Attribution] = []
        for q in self.quotes:
            if any(
                (a.start <= q.start < a.end or q.start <= a.start < q.end) and not self.inside(a, q)
                for a in found + out
            ):
                continue
            here = self.sentence_index(q.start)
            own = self.opens(q)  # a sentence of its own, not a title quoted in one
            prev = [
                a
                for a in found + out
                if (
                    (own and 0 < here - self.sentence_index(max(a.start, a.end - 1)) <= 1)
                    or self.introduces(a, q)
                    or self.resumes(a, q)
                )
                and self.carried_on(a)
            ]
            if not prev:
                introduced = self.introduced(q, here) if own else None
                if introduced is not None:
                    out.append(introduced)
                continue
            last = max(prev, key=lambda a: a.cue_start)
            out.append(self.carry_on(last, q.start, q.end, here, "asserts", direct=True))
        return out

    def introduced(self, q: Quote, here: int) -> Attribution | None:
        """A quotation set as its own paragraph after a short sentence that ends in a
        colon and names someone as its subject, though no verb of saying ("The mayor
        was blunt:", "Ortiz put it this way:"): that subject's words. A sentence about
        a thing ("The sign read:") or with no one named gives no speaker."""
        between = self.text[: q.start].rstrip(" \t\n\"'\u201c\u2018")
        if not between.endswith(":") or "\n" not in self.text[len(between) : q.start]:
            return None
        # (the parse may run the sentence on into the quotation it introduces)
        sent = self.sents[self.sentence_index(len(between) - 1)]
        line = self.text.rfind("\n", 0, len(between)) + 1
        words = [t for t in sent if line <= t.idx < len(between) and not (t.is_punct or t.is_space)]
        root = next((t for t in words if t.head.i == t.i or t.head not in words), None)
        # a short saying of how it was said ("was blunt", "put it this way"), whoever
        # the subject and however long its description
        if root is None or len(words) > 30 or not 1 <= sum(t.i >= root.i for t in words) <= 5:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or root.pos_ not in ("VERB", "AUX"):
            return None
        toks = sorted(subject.subtree, key=lambda t: t.i)
        if subject.lower_ in _PERSONAL or subject.lower_ == "they":
            kind = "pronoun"
        elif subject.pos_ == "PROPN" or any(
            t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in toks
        ):
            kind = "named"
        else:
            return None
        cue = [t for t in words if root.i <= t.i][:4]
        lo, hi = self.span_of(toks)
        return Attribution(
            start=q.start, end=q.end, cue=" ".join(t.text for t in cue),
            cue_start=cue[0].idx, cue_end=cue[-1].idx + len(cue[-1].text),
            stance="asserts", direct=True, sentence=here, speaker=self.text[lo:hi],
            speaker_start=lo, speaker_end=hi, speaker_kind=kind,
        )  # fmt: skip

    def inside(self, att: Attribution, q: Quote | Attribution) -> bool:
        """Whether a report lies wholly inside one clean quotation, its speaker and cue
        included ('"Workers can expect nothing from them now."'): part of the quoted
        words, not a cue of the quotation."""
        return (
            q.start <= min(att.cue_start, att.speaker_start or att.cue_start)
            and max(att.end, att.cue_end) <= q.end
            and not any(m in self.text[q.start : q.end] for m in ('"', "\u201c", "\u201d"))
        )

    def resumes(self, att: Attribution, q: Quote) -> bool:
        """Whether a quotation goes on after its speaker and cue ('"We will rebuild,"
        the mayor said, "and fast."'): the first part ends before the cue, and a comma
        after the cue, its speaker or a few words more ("she told CBC, ...") opens the
        second part."""
        if not att.direct or att.end > att.cue_start:
            return False
        after = max(att.cue_end, att.speaker_end or 0)
        return after <= q.start and _RESUMING.fullmatch(self.text[after : q.start]) is not None

    def introduces(self, att: Attribution, q: Quote) -> bool:
        """Whether a report ends in a colon that opens the quotation ("Gunness denied
        militants were there:" and the quotation as its own paragraph)."""
        between = self.text[att.end : q.start]
        return att.end <= q.start and ":" in between and _only_marks(between, ": \t\n")

    def carry_on(
        self, last: Attribution, start: int, end: int, sentence: int, stance: Stance, direct: bool
    ) -> Attribution:
        """A statement with no cue of its own that carries on `last`'s."""
        made = Attribution(
            start=start, end=end, cue=last.cue, cue_start=last.cue_start,
            cue_end=last.cue_end, stance=stance, direct=direct, sentence=sentence,
            speaker=last.speaker, speaker_start=last.speaker_start,
            speaker_end=last.speaker_end, speaker_kind="continued",
        )  # fmt: skip
        self.cont[id(made)] = self.cont.get(id(last), last)
        return made

    def link_continuations(self, found: list[Attribution]) -> None:
        """ "It added ...", "the statement said ...": the speaker is the previous one."""
        for i, att in enumerate(found):
            pointer = (att.speaker or "").lower()
            if att.speaker_kind == "statement" or (
                att.speaker_kind == "pronoun"
                and (pointer in _IMPERSONAL or pointer.startswith(("its ", "their ")))
            ):
                # not one inside its own words ("Putin informed Erdogan about ..., the
                # statement said": the statement is not Putin's)
                prev = [
                    o
                    for o in found[:i]
                    if att.sentence - o.sentence <= _WINDOW
                    and o.speaker_kind != "unnamed"
                    and not att.start <= o.cue_start < att.end
                ]
                if pointer == "it" or pointer.startswith("its "):
                    # "It expects to close the deal in March" is not the person who
                    # spoke before
                    prev = [o for o in prev if not self.personal(o)]
                if prev and (att.speaker_kind == "statement" or self.reads_on(prev[-1], att)):
                    last = prev[-1]
                    self.cont[id(att)] = self.cont.get(id(last), last)
                    att.speaker, att.speaker_start, att.speaker_end = (
                        last.speaker, last.speaker_start, last.speaker_end,
                    )  # fmt: skip
                    att.speaker_kind = "continued"
                else:
                    self.previous_subject(att)

    def personal(self, att: Attribution) -> bool:
        """Whether the speaker is a person: "he", "she", "I" or a name the model
        calls a person."""
        if (att.speaker or "").lower() in _PERSONAL | _FIRST_PERSON:
            return True
        if att.speaker_start is None or att.speaker_end is None:
            return False
        span = self.doc.char_span(att.speaker_start, att.speaker_end, alignment_mode="expand")
        return span is not None and span.root.ent_type_ == "PERSON"

    @staticmethod
    def reads_on(last: Attribution, att: Attribution) -> bool:
        """Whether "it"/"they" in `att` is the speaker of `last`: `last` is in the
        same sentence or the one just before."""
        return att.sentence - last.sentence <= 1

    def previous_subject(self, att: Attribution) -> None:
        """ "It"/"they" with no statement before: the previous sentence's subject, a
        name, or for "they" a plural ("Doctors and police officers combed the area.
        They believed ...")."""
        if att.sentence == 0:
            return
        sent = self.sents[att.sentence - 1]
        subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.ent_type_ == "PERSON" and (att.speaker or "").lower() == "it":
            # "Lu said AMD is paying $281 million. It expects ...": what was said is
            # about AMD, and "it" is no person
            comp = next((c for c in sent.root.children if c.dep_ == "ccomp"), None)
            subj = next(
                (c for c in (comp.children if comp is not None else []) if c.dep_ == "nsubj"),
                None,
            )
        plural = (
            subj is not None
            and subj.tag_ == "NNS"
            and (att.speaker or "").lower() == "they"
            and _people(subj.lemma_.lower())
        )
        if subj is None or (subj.pos_ != "PROPN" and not plural):
            return
        toks = self.subtree(subj, frozenset({"relcl", "acl", "punct", "appos"}))
        att.speaker_start, att.speaker_end = self.span_of(toks)
        att.speaker = self.text[att.speaker_start : att.speaker_end]
        att.speaker_kind = "named"

    def sandwiched(self, found: list[Attribution]) -> list[Attribution]:
        """Sentences with no cue between a statement and a later "these claims" that
        denies it carry the statement on: "Armenia claims that A. B. Baku denies these
        claims." makes B Armenia's too."""
        out = []
        for att in found:
            if not att.anaphor:
                continue
            before = [
                o
                for o in found
                if o.sentence < att.sentence and att.sentence - o.sentence <= _WINDOW
                and not o.anaphor
            ]  # fmt: skip
            if not before:
                continue
            last = before[-1]
            if not self.carried_on(last) or not self.answers(att):
                continue
            gap = range(last.sentence + 1, att.sentence)
            taken = {o.sentence for o in found}
            if not gap or any(s in taken for s in gap):
                continue
            for s in gap:
                sent = self.sents[s]
                if not any(t.pos_ in ("VERB", "AUX") for t in sent):
                    continue
                start, end = self.span_of(list(sent))
                stance = self.modality(list(sent), "asserts")
                out.append(self.carry_on(last, start, end, s, stance, direct=False))
        return out

    @staticmethod
    def answers(att: Attribution) -> bool:
        """Whether a pointer is someone's answer to what was said ("Baku denies these
        claims"), or doubt cast on it ("these claims could not be verified"); "it was
        announced", said by no one, answers nothing."""
        return att.speaker_kind != "unnamed" or att.stance in ("denies", "questions")

    def link_anaphors(self, found: list[Attribution]) -> None:
        """Point each anaphoric content at the statements it refers to: the nearest
        earlier sentence holding statements by someone else (all of them, within the
        window, for a plural pointer such as "these claims")."""
        for att in found:
            if not att.anaphor:
                continue
            candidates = [
                o
                for o in found
                if o is not att
                and not o.anaphor
                and o.sentence <= att.sentence
                and att.sentence - o.sentence <= _WINDOW
                and o.cue_start < att.cue_start
                and (o.speaker or "") != (att.speaker or "")
            ]
            if att.owner:
                # "Erdogan's allegations": the statements of the one named, anywhere before
                named = [
                    o
                    for o in found
                    if not o.anaphor and o.cue_start < att.cue_start and o.speaker
                    and _names_same(o.speaker, att.owner)
                ]  # fmt: skip
                # Named but not quoted here: the story-level pass looks further.
                candidates = named
            if not candidates:
                continue
            if self.is_plural(att):
                # "these claims": the claims of the party that spoke last, not every
                # statement nearby ("Armenia claims A. B. Baku denies these claims.")
                party = candidates[-1].speaker or ""
                self.refs[id(att)] = [o for o in candidates if (o.speaker or "") == party]
            else:
                last = candidates[-1].sentence
                self.refs[id(att)] = [o for o in candidates if o.sentence == last]

    def is_plural(self, att: Attribution) -> bool:
        span = self.doc.char_span(att.start, att.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.tag_ in ("NNS", "NNPS") or root.lower_ in ("them", "these", "those")
