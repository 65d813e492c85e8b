"""The neutral summary of a story: agreed facts first, disputes as positions of both
sides, single-source claims labelled, every sentence cited; and the neutrality check
that catches a summary stating a disputed claim as fact. Articles are written for
these tests and run through the real pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rashomon.compare.summary import neutrality_violations, summarize
from rashomon.render import render
from tests.conftest import analyse_texts

FIRE = {
    "a.txt": (
        "Fire destroys Harlow paper mill\n\n"
        "The fire at the Harlow paper mill started on Sunday night and burned for nine "
        "hours, the fire brigade said. The Harlow council said the fire was caused by a "
        "faulty boiler that the owner, Kestrel Paper, had failed to repair. Kestrel Paper "
        "denied the claim. Two workers were taken to hospital with burns, according to the "
        "Harlow hospital.\n"
    ),
    "b.txt": (
        "Kestrel Paper rejects blame for Harlow mill fire\n\n"
        "The fire at the Harlow paper mill started on Sunday night, the fire brigade said. "
        "Officials at the Harlow council said a faulty boiler that Kestrel Paper had not "
        "repaired caused the fire at the mill. Kestrel Paper rejected these claims and said "
        "its boilers had been inspected in May. Three workers were taken to hospital, the "
        "company said.\n"
    ),
    "c.txt": (
        "Harlow mill fire: river closed to boats\n\n"
        "The fire at the Harlow paper mill started on Sunday night and spread to the "
        "warehouse, the fire brigade said. The Environment Agency closed the river Dane to "
        "boats because ash from the mill fell into the water. Residents of Harlow said the "
        "smoke could be seen from the town of Wexley, twenty miles away.\n"
    ),
}
ONE = {
    "only.txt": (
        "Ferry service to Marrow Island suspended\n\n"
        "The ferry company Blue Tern suspended its service to Marrow Island on Friday after "
        "one of its two boats failed an engine inspection, the company said. The island "
        "council said the shop on Marrow Island would run out of fresh food within a week. "
        "A replacement boat from the port of Kilda is expected on Monday, the harbour "
        "master said.\n"
    ),
}
AGREE = {
    "x.txt": (
        "Orchestra names new conductor\n\n"
        "The Brenford Symphony Orchestra named Ana Lukas as its new chief conductor on "
        "Thursday, the orchestra said. Lukas will take up the post in September and lead "
        "twelve concerts in her first season, the orchestra said.\n"
    ),
    "y.txt": (
        "Ana Lukas to lead Brenford Symphony Orchestra\n\n"
        "The Brenford Symphony Orchestra has named Ana Lukas its new chief conductor, the "
        "orchestra announced on Thursday. Lukas takes up the post in September and will "
        "lead twelve concerts in her first season, according to the orchestra.\n"
    ),
}


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> Any:
    report = analyse_texts(tmp_path_factory.mktemp("fire"), FIRE)
    assert len(report.stories) == 1
    return report.stories[0]


def _summary_of(story: Any, articles: Any) -> list[dict[str, Any]]:
    return summarize(
        story.claims, story.timeline, story.conflicts, story.quantities, story.entities, articles
    )


def test_agreed_facts_come_first_then_disputes_then_single_source(fire: Any) -> None:
    kinds = [s["kind"] for s in fire.summary]
    assert kinds[0] == "agreed"
    order = ["agreed", "timeline", "disputed", "numbers", "single_source"]
    assert [order.index(k) for k in kinds] == sorted(order.index(k) for k in kinds)
    first = fire.summary[0]
    claim = next(c for c in fire.claims if c["id"] == first["claim_ids"][0])
    assert claim["status"] == "consensus"
    assert set(first["article_ids"]) == {"a", "b", "c"}


def test_a_dispute_is_given_as_the_positions_of_both_sides(fire: Any) -> None:
    disputes = [s for s in fire.summary if s["kind"] == "disputed"]
    assert disputes
    text = disputes[0]["text"]
    assert "Harlow council says that" in text
    assert "Kestrel Paper denies it" in text
    assert "boiler" in text


def test_what_one_source_alone_reports_is_labelled_with_that_source(fire: Any) -> None:
    single = [s for s in fire.summary if s["kind"] == "single_source"]
    assert single
    for s in single:
        assert s["text"].startswith("Only ")
        assert len(s["article_ids"]) == 1
        assert s["article_ids"][0] in s["text"]


def test_every_sentence_cites_articles_and_claims_of_the_story(fire: Any) -> None:
    claim_ids = {c["id"] for c in fire.claims}
    for s in fire.summary:
        assert s["article_ids"] and set(s["article_ids"]) <= set(fire.article_ids)
        assert s["claim_ids"] and set(s["claim_ids"]) <= claim_ids


def test_a_story_with_enough_material_gets_five_to_ten_sentences(fire: Any) -> None:
    assert 5 <= len(fire.summary) <= 10
    assert all(s["text"].strip() for s in fire.summary)


def test_the_summary_is_the_same_on_every_run(fire: Any, tmp_path: Path) -> None:
    report = analyse_texts(tmp_path, FIRE)
    assert report.stories[0].summary == fire.summary
    articles = report.articles
    assert _summary_of(fire, articles) == _summary_of(fire, articles) == fire.summary


def test_the_generated_summary_states_no_disputed_claim_as_fact(fire: Any) -> None:
    assert any(c["status"] == "disputed" for c in fire.claims)
    assert neutrality_violations(fire.summary, fire.claims) == []


def test_a_single_article_story_is_summarised_as_that_source_alone(tmp_path: Path) -> None:
    story = analyse_texts(tmp_path, ONE).stories[0]
    assert 1 <= len(story.summary) < 5
    for s in story.summary:
        assert s["kind"] == "single_source"
        assert s["text"].startswith("Only the article only reports that")
        assert s["article_ids"] == ["only"]


def test_a_story_where_all_sources_agree_has_no_dispute(tmp_path: Path) -> None:
    story = analyse_texts(tmp_path, AGREE).stories[0]
    kinds = [s["kind"] for s in story.summary]
    assert "disputed" not in kinds
    assert kinds[0] == "agreed"
    assert story.summary[0]["article_ids"] == ["x", "y"]
    assert "Ana Lukas" in " ".join(s["text"] for s in story.summary)


def _position(actor: str, stance: str, article_id: str, entity_id: str | None) -> dict[str, Any]:
    own = entity_id is None
    return {"actor": actor, "entity_id": entity_id, "stance": stance, "article_id": article_id,
            "attribution_id": None if own else f"{article_id}#a1", "evidence": "...",
            "own_voice": own}  # fmt: skip


DISPUTED = {
    "id": "claim-boiler",
    "text": "A faulty boiler that Kestrel Paper had not repaired caused the fire",
    "status": "disputed",
    "article_ids": ["a", "b"],
    "positions": [
        _position("Harlow council", "asserts", "a", "e1"),
        _position("Kestrel Paper", "denies", "b", "e2"),
    ],
}


@pytest.mark.parametrize(
    ("text", "claim_ids"),
    [
        ("A faulty boiler caused the fire.", ["claim-boiler"]),
        ("The fire was caused by a faulty boiler Kestrel Paper had not repaired.", []),
        ("Reports say a faulty boiler that had not been repaired caused the fire.", []),
    ],
    ids=["cited-as-fact", "restated-without-citation", "verb-but-no-holder"],
)
def test_the_neutrality_check_flags_a_disputed_claim_stated_as_fact(
    text: str, claim_ids: list[str]
) -> None:
    bad = [{"text": text, "article_ids": ["a"], "claim_ids": claim_ids}]
    found = neutrality_violations(bad, [DISPUTED])
    assert [v["claim_id"] for v in found] == ["claim-boiler"]


def test_the_neutrality_check_accepts_a_dispute_given_as_positions() -> None:
    good = [
        {
            "text": "The Harlow council says a faulty boiler that Kestrel Paper had not "
            "repaired caused the fire; Kestrel Paper denies it.",
            "article_ids": ["a", "b"],
            "claim_ids": ["claim-boiler"],
        }
    ]
    assert neutrality_violations(good, [DISPUTED]) == []


def test_sources_that_differ_on_a_number_are_each_named_with_their_figure() -> None:
    conflict = {
        "id": "conflict-1",
        "kind": "quantity",
        "about": "people killed",
        "items": [
            {"article_id": "a", "value": 12, "evidence": "At least 12 died.", "text": "12",
             "stated_by": "the hospital"},
            {"article_id": "b", "value": [24, 99], "evidence": "Dozens died.", "text": "Dozens",
             "stated_by": "b"},
        ],
    }  # fmt: skip
    articles = [{"id": "a", "outlet": "Wire"}, {"id": "b", "outlet": "Clarion"}]
    out = summarize([], [], [conflict], [], [], articles)
    assert [s["kind"] for s in out] == ["numbers"]
    assert out[0]["text"] == (
        "Sources differ on the number of people killed: the hospital says 12; Clarion says dozens."
    )
    assert out[0]["article_ids"] == ["a", "b"]


def test_the_markdown_report_opens_each_story_with_its_cited_summary(
    fire: Any, tmp_path: Path
) -> None:
    report = analyse_texts(tmp_path, FIRE)
    md = render(report, "md")
    story_part = md.split("\n## ")[1]
    assert story_part.index("### Summary") < story_part.index("Sources:")
    first = report.stories[0].summary[0]
    assert f"{first['text']} [a][b][c]" in md


def test_a_fact_all_sources_give_only_with_caution_is_said_to_be_suggested() -> None:
    hedged = {
        "id": "claim-smoke",
        "text": "The smoke may have reached the town of Wexley",
        "status": "consensus",
        "article_ids": ["a", "b"],
        "positions": [
            _position("Wire", "hedges", "a", None),
            _position("Clarion", "hedges", "b", None),
        ],
    }
    articles = [{"id": "a", "outlet": "Wire"}, {"id": "b", "outlet": "Clarion"}]
    out = summarize([hedged], [], [], [], [], articles)
    assert out[0]["text"] == (
        "Clarion and Wire suggest that the smoke may have reached the town of Wexley."
    )


def test_a_sentence_that_still_names_its_speaker_is_not_told_as_the_sources_own() -> None:
    def held(actor: str, aid: str, evidence: str) -> dict[str, Any]:
        return dict(_position(actor, "asserts", aid, "e1"), evidence=evidence)

    quoted = {
        "id": "claim-crisis",
        "text": "While we focus on the crisis",  # no statement: its evidence stands in
        "status": "consensus",
        "article_ids": ["a", "b"],
        "positions": [
            held(
                "Kristi Noem",
                "a",
                "The meth crisis is growing at an alarming rate, "
                "Noem said in the campaign's public service announcement.",
            ),
            held("Kristi Noem", "b", "Is the meth crisis growing at an alarming rate?"),
        ],
    }
    articles = [{"id": "a", "outlet": "Wire"}, {"id": "b", "outlet": "Clarion"}]
    # "Clarion and Wire report that the crisis is growing ..., Noem said ..." would give
    # Noem's words as the outlets'; a question states nothing
    assert summarize([quoted], [], [], [], [], articles) == []
    outlets = ["Wire", "Clarion"]
    own_voice = [
        dict(p, own_voice=True, actor=o) for p, o in zip(quoted["positions"], outlets, strict=True)
    ]
    own = dict(quoted, positions=own_voice)
    out = summarize([own], [], [], [], [], articles)
    assert out[0]["text"].startswith("Clarion and Wire report that the meth crisis is growing")


TOLL = {
    "p.txt": (
        "Blast at Orrin depot\n\n"
        "A blast destroyed the fuel depot at Orrin on Monday. The Orrin council puts the "
        "toll at nine, and the depot's owner, Calder Fuels, blamed a faulty valve.\n"
    ),
    "q.txt": (
        "Orrin depot blast kills nine\n\n"
        "A blast destroyed the fuel depot at Orrin on Monday. The Orrin council puts the "
        "toll at nine. Calder Fuels blamed a faulty valve for the blast at the depot.\n"
    ),
}


def test_a_claim_named_by_a_cue_s_object_is_told_as_a_clause(tmp_path: Path) -> None:
    """Regression: "X reports that the toll at nine" (a cue's object after "that")."""
    story = analyse_texts(tmp_path, TOLL).stories[0]
    toll = [c for c in story.claims if "toll at nine" in c["text"]]
    assert toll and not any(c["text_is_clause"] for c in toll)
    assert not any("that the toll at nine" in s["text"] for s in story.summary)
    assert any(c["text_is_clause"] for c in story.claims)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "SIOUX FALLS, S.D. – The campaign was led by Gov. Kristi Noem of South Dakota",
            "Clarion and Wire report that the campaign was led by Gov. Kristi Noem of South "
            "Dakota.",
        ),
        (
            "Google's controller is the best part of the new streaming service",
            "Clarion and Wire report that Google's controller is the best part of the new "
            "streaming service.",
        ),
        ("You are going to see things the service can do that no other can", None),
    ],
    ids=["dateline-and-title", "possessive-name", "spoken-to-you"],
)
def test_an_agreed_claim_reads_as_a_clause_of_the_summary(text: str, said: str | None) -> None:
    claim = {
        "id": "claim-1",
        "text": text,
        "status": "consensus",
        "article_ids": ["a", "b"],
        "positions": [
            _position("Wire", "asserts", "a", None),
            _position("Clarion", "asserts", "b", None),
        ],
    }
    entities = [{"id": "e1", "name": "Google", "aliases": [], "article_ids": ["a", "b"]}]
    articles = [{"id": "a", "outlet": "Wire"}, {"id": "b", "outlet": "Clarion"}]
    out = summarize([claim], [], [], [], entities, articles)
    assert [s["text"] for s in out] == ([said] if said else [])


def test_what_outlets_agree_someone_said_is_given_as_that_one_s_words() -> None:
    claim = {
        "id": "claim-servers",
        "text": "The company's servers can deliver high fidelity games all over the world",
        "status": "consensus",
        "article_ids": ["a", "b"],
        "positions": [
            _position("Jack Buser", "asserts", "a", "e1"),
            _position("Jack Buser", "asserts", "b", "e1"),
        ],
    }
    articles = [{"id": "a", "outlet": "Wire"}, {"id": "b", "outlet": "Clarion"}]
    out = summarize([claim], [], [], [], [], articles)
    assert out[0]["text"] == (
        "Jack Buser says that the company's servers can deliver high fidelity games all over "
        "the world, as Clarion and Wire report."
    )
