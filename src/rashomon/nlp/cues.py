"""The cue lexicon: the verbs and phrases that report what someone says, and the
stance each carries. Written by us; a user extends it with a TOML file:

    [cues]
    assert = ["trumpet", "aver"]
    deny = ["pooh-pooh"]
    hedge = ["intuit"]
    question = ["second-guess"]

Keys are stances; values are verb lemmas (multi-word cues: the verb and its
particle, e.g. "rule out").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rashomon import errors

__all__ = ["Cues", "Stance", "default_cues"]

Stance = Literal["asserts", "denies", "hedges", "questions"]

_KEYS: dict[str, Stance] = {
    "assert": "asserts",
    "deny": "denies",
    "hedge": "hedges",
    "question": "questions",
}

# Verbs of saying and reporting: the content is a clause or a quotation.
_ASSERT = [
    "say",
    "tell",
    "state",
    "add",
    "announce",
    "report",
    "claim",
    "insist",
    "maintain",
    "warn",
    "stress",
    "emphasise",
    "emphasize",
    "note",
    "write",
    "explain",
    "declare",
    "reveal",
    "inform",
    "brief",
    "confirm",
    "affirm",
    "argue",
    "assert",
    "contend",
    "acknowledge",
    "admit",
    "allege",
    "predict",
    "reiterate",
    "repeat",
    "promise",
    "pledge",
    "vow",
    "tweet",
    "post",
    "testify",
    "complain",
    "conclude",
    "echo",
    "accuse",
    "blame",
    "charge",
    "criticise",
    "criticize",
    "condemn",
    "blast",
    "slam",
    "express",
    "voice",
    "describe",
    "characterize",
    "characterise",
    "portray",
    "brand",
    "extol",
    "extoll",
    "hail",
    "herald",
    "call",
    "recall",
    "observe",
    "remark",
    "answer",
    "reply",
    "respond",
    "point_out",
    "disclose",
    "concede",
    "assure",
    "recount",
    "proclaim",
    "reaffirm",
    "agree",
    "find",
    "show",
    "discover",
    "forecast",
    "shout",
    "yell",
    "scream",
    "exclaim",
    "whisper",
    "joke",
    "quip",
    "boast",
    "rule",
    "comment",
    "continue",
]
_DENY = [
    "deny",
    "reject",
    "dismiss",
    "refute",
    "rebut",
    "rebuff",
    "disavow",
    "disown",
    "contradict",
    "rule_out",
    "deflect",
    "dispute",
]
_HEDGE = [
    "suggest",
    "speculate",
    "believe",
    "think",
    "suspect",
    "fear",
    "hint",
    "imply",
    "estimate",
    "guess",
    "indicate",
    "expect",
    "assume",
    "rumor",
    "rumour",
    "anticipate",
    "presume",
    "project",
    "surmise",
    "conjecture",
]
# "ask" and "wonder" only with "whether" or "if" (see attributions._ASKING)
_QUESTION = ["question", "doubt", "challenge", "query", "ask", "wonder"]


@dataclass(frozen=True)
class Cues:
    """Lemma -> stance. Multi-word cues are stored with an underscore ("rule_out")."""

    stances: dict[str, Stance] = field(default_factory=dict)

    def stance(self, lemma: str, particle: str | None = None) -> Stance | None:
        if particle:
            found = self.stances.get(f"{lemma}_{particle}")
            if found is not None:
                return found
        return self.stances.get(lemma)

    def digest(self) -> str:
        """A short fingerprint, part of the analysis cache key."""
        data = json.dumps(sorted(self.stances.items())).encode("utf-8")
        return hashlib.sha1(data).hexdigest()[:8]

    def extended(self, path: str | Path) -> Cues:
        """These cues plus the ones in a TOML file (see the module's docstring)."""
        from rashomon.settings import read_toml

        p = Path(path)
        data = read_toml(p, "cue lexicon not found")
        table = data.get("cues", data)
        stances = dict(self.stances)
        for key, words in table.items():
            if key not in _KEYS or not isinstance(words, list):
                raise errors.bad_config(
                    str(p), f"[cues] keys are {', '.join(_KEYS)}, each a list of verbs"
                )
            for word in words:
                stances[str(word).strip().lower().replace(" ", "_")] = _KEYS[key]
        return Cues(stances)


def default_cues() -> Cues:
    stances: dict[str, Stance] = {}
    for words, stance in ((_ASSERT, "asserts"), (_HEDGE, "hedges"), (_QUESTION, "questions"),
                          (_DENY, "denies")):  # fmt: skip
        for w in words:
            stances[w] = stance  # type: ignore[assignment]
    return Cues(stances)
