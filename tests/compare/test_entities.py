"""Canonical entities per story, on short texts written for each rule (the real model
parses them)."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.compare import canonical_entities
from rashomon.ingest import content_hash
from rashomon.model import Article, Source
from rashomon.nlp import analyze_articles


def entities(*texts: str) -> list[dict[str, Any]]:
    articles = [
        Article(id=f"a{n}", source=Source("text"), text=t, content_hash=content_hash(t))
        for n, t in enumerate(texts)
    ]
    return canonical_entities("story", articles, analyze_articles(articles))


def find(ents: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(e for e in ents if e["name"] == name)


def test_capitals_seats_and_sides_resolve_to_the_country() -> None:
    ents = entities(
        "Ankara denied the report on Monday. Officials in Moscow said the Kremlin was concerned.",
        "The Turkish side rejected the claim, and Russia called for talks.",
    )
    turkey, russia = find(ents, "Turkey"), find(ents, "Russia")
    assert {"Ankara", "The Turkish side"} <= set(turkey["aliases"])
    assert {"Moscow", "Kremlin"} <= set(russia["aliases"])
    assert turkey["type"] == "GPE" and turkey["article_ids"] == ["a0", "a1"]


def test_neighbouring_countries_are_never_merged() -> None:
    ents = entities("Armenia and Azerbaijan accused each other of shelling on Sunday.")
    names = {e["name"] for e in ents}
    assert {"Armenia", "Azerbaijan"} <= names


def test_spelling_variants_of_one_person_merge() -> None:
    ents = entities(
        "Sergei Naryshkin, the intelligence chief, warned of militants.",
        "Sergey Naryshkin said the fighters were moving south.",
    )
    person = find(ents, "Sergei Naryshkin")
    assert person["type"] == "PERSON"
    assert "Sergey Naryshkin" in person["aliases"]
    assert person["mention_count"] == 2


def test_surname_and_cut_off_name_join_the_full_name() -> None:
    ents = entities(
        "Russian President Vladimir Putin spoke with Turkish President Recep Tayyip Erdogan.",
        "Putin said later that Erdogan had called him. Turkish President Recep Tayyip has "
        "accused the mediators of bias.",
    )
    putin, erdogan = find(ents, "Vladimir Putin"), find(ents, "Recep Tayyip Erdogan")
    assert "Putin" in putin["aliases"]
    assert {"Erdogan", "Recep Tayyip"} <= set(erdogan["aliases"])


def test_role_title_learned_from_the_story() -> None:
    ents = entities(
        "Russian President Vladimir Putin held a call on Tuesday.",
        "The Russian president told reporters that the talks had gone well.",
    )
    putin = find(ents, "Vladimir Putin")
    assert any(a.lower() == "the russian president" for a in putin["aliases"])
    assert putin["article_ids"] == ["a0", "a1"]


def test_people_sharing_a_surname_stay_apart() -> None:
    ents = entities(
        "Ilham Aliyev met the envoy in the morning. Heydar Aliyev's portrait hung behind him.",
        "Aliyev said nothing more.",
    )
    people = {e["name"] for e in ents if e["type"] == "PERSON"}
    assert {"Ilham Aliyev", "Heydar Aliyev"} <= people
    # The bare surname fits both: it is not guessed.
    ilham = find(ents, "Ilham Aliyev")
    assert "Aliyev" not in ilham["aliases"]


def test_mentions_point_into_the_text() -> None:
    text = "Officials in Ankara said Turkey would respond."
    ents = entities(text)
    for e in ents:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_unfamiliar_state_named_like_a_person_is_retyped_by_its_context() -> None:
    ents = entities(
        "The drones were sent from Velmora, officials said. Velmora's army denied it.",
        "Talks with Velmora will resume, and Velmora's government has called for calm.",
    )
    assert find(ents, "Velmora")["type"] == "GPE"


def test_person_named_by_title_is_not_retyped() -> None:
    ents = entities(
        "Mayor Lena Ortiz said the bridge would reopen. Ortiz said the works were done.",
        "Ortiz thanked the engineers in a statement.",
    )
    assert find(ents, "Lena Ortiz")["type"] == "PERSON"


def test_one_word_name_joins_the_one_longer_name_it_ends() -> None:
    ents = entities(
        "Fighters of the Northern Shore Brigade crossed the river.",
        "The Brigade did not respond to questions on Tuesday.",
    )
    brigade = find(ents, "Northern Shore Brigade")
    assert "Brigade" in brigade["aliases"]


def test_name_most_often_written_is_shown() -> None:
    ents = entities(
        "The Republic of Velmora protested. Velmora said the drones came from the east.",
        "Velmora's army was put on alert, and Velmora closed the border.",
    )
    names = {e["name"] for e in ents}
    assert "Velmora" in names and "Republic of Velmora" not in names


def test_the_capital_of_the_dateline_country_stands_for_it() -> None:
    ents = entities(
        "KESSOCK, Velmora (Wire) - Velmora's army said on Monday that it had closed the "
        "border, Defence Minister Ana Ruiz told reporters in the capital, Dornby.",
        "Dornby accused its neighbour of arming the rebels. Velmora's government wants talks.",
    )
    velmora = find(ents, "Velmora")
    assert "Dornby" in velmora["aliases"]
    assert velmora["type"] == "GPE"


def test_a_country_the_model_calls_a_person_is_typed_as_a_country() -> None:
    ents = entities("Armenia said on Sunday that the shelling had stopped near the border.")
    assert find(ents, "Armenia")["type"] == "GPE"
    assert all(e["type"] != "PERSON" for e in ents if e["name"] == "Armenia")


def test_a_person_is_never_merged_with_their_country() -> None:
    ents = entities("Russian President Vladimir Putin said Russia would not take sides.")
    putin, russia = find(ents, "Vladimir Putin"), find(ents, "Russia")
    assert putin["id"] != russia["id"]
    assert "Russia" not in putin["aliases"]


def test_diacritics_and_initials_are_the_same_person() -> None:
    ents = entities("Emmanuel Macron spoke.", "Emmanuel Macrón spoke again, and E. Macron left.")
    macron = find(ents, "Emmanuel Macron")
    assert {"Emmanuel Macrón", "E. Macron"} <= set(macron["aliases"])


def test_a_left_out_first_name_is_no_disagreement() -> None:
    ents = entities(
        "President Jean-Luc Martin Vasseur spoke on Monday.",
        "Martin Vasseur answered questions, and Jean-Luc Vasseur left early.",
    )
    people = [e for e in ents if e["type"] == "PERSON" and "Vasseur" in e["name"]]
    assert len(people) == 1


def test_a_possessive_mark_cut_off_by_the_tokenizer_is_not_part_of_the_name() -> None:
    # converted text often spaces out the mark: "Brian Nichols ' parents"
    text = (
        "Brian Nichols ' parents sat behind him. Brian Nichols was convicted in March, "
        "and Nichols will appeal."
    )
    ents = entities(text)
    nichols = find(ents, "Brian Nichols")
    for m in nichols["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert not m["text"].endswith("'")


def test_a_full_name_the_text_calls_who_is_a_person() -> None:
    # the model labels "Montell Figgins" an organisation; "who" says otherwise
    ents = entities(
        "Montell Figgins, who represents Thomas, said his client chose not to accept a plea "
        "agreement. The Green Party, who won two seats, said nothing."
    )
    assert find(ents, "Montell Figgins")["type"] == "PERSON"
    assert find(ents, "Green Party")["type"] == "ORG"


def _analysed(text: str) -> tuple[Article, Any]:
    article = Article(id="a", source=Source("text"), text=text, content_hash=content_hash(text))
    return article, analyze_articles([article])["a"]


def _as_the_model_read(analysis: Any, text: str, name: str, label: str) -> None:
    """Make the model's mentions what it gives on some real text for `name`: one
    mention with `label`, or none when `label` is empty."""
    from rashomon.model import Mention

    lo = text.index(name)
    hi = lo + len(name)
    kept = [m for m in analysis.mentions if m.end <= lo or m.start >= hi]
    if label:
        kept.append(Mention(lo, hi, name, label, analysis.sentence_of(lo)))
    analysis.mentions = sorted(kept, key=lambda m: m.start)


def test_a_surname_the_model_did_not_tag_is_the_one_person_with_it() -> None:
    text = 'Ken Varga spoke on Monday. "We will rebuild the pier," Varga said.'
    article, analysis = _analysed(text)
    _as_the_model_read(analysis, text, "Varga said", "")
    person = find(canonical_entities("s", [article], {"a": analysis}), "Ken Varga")
    at = text.index("Varga said")
    assert {"start": at, "end": at + 5} in [
        {"start": m["start"], "end": m["end"]} for m in person["mentions"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the word in lower case elsewhere: it may be a word, not the name
        'Ken Varga spoke about the varga harvest. "Prices are up," Varga said.',
        # a longer name
        "Ken Varga spoke on Monday. The office on Varga Street is closed.",
        # two people of that surname
        'Ken Varga spoke on Monday. His sister, Ada Varga, spoke on Tuesday. "We will '
        'rebuild," Varga said.',
    ],
)
def test_a_surname_is_not_read_where_it_may_be_another_word_or_name(text: str) -> None:
    article, analysis = _analysed(text)
    last = text.rindex("Varga")
    _as_the_model_read(analysis, text, text[last:], "")
    ents = canonical_entities("s", [article], {"a": analysis})
    assert not any(m["start"] == last for e in ents for m in e["mentions"])


def test_two_surnames_the_model_took_for_one_body_are_two_people() -> None:
    text = "Gary Lorne and Ken Salvano met on Monday. Lorne and Salvano said a review would follow."
    article, analysis = _analysed(text)
    _as_the_model_read(analysis, text, "Lorne and Salvano", "ORG")
    ents = canonical_entities("s", [article], {"a": analysis})
    assert not any(e["name"] == "Lorne and Salvano" for e in ents)
    for name in ("Gary Lorne", "Ken Salvano"):
        assert len(find(ents, name)["mentions"]) == 2, ents


def test_an_office_the_model_took_into_a_name_is_no_part_of_it() -> None:
    text = "Secretary of the Interior Ken Salvano, who heads the agency, spoke on Monday."
    article, analysis = _analysed(text)
    _as_the_model_read(analysis, text, "Interior Ken Salvano", "ORG")
    ents = canonical_entities("s", [article], {"a": analysis})
    assert find(ents, "Ken Salvano")["type"] == "PERSON"


@pytest.mark.parametrize(
    ("taken", "name"),
    [
        ("Clerk Janette Bowen", "Janette Bowen"),
        ("Attorney General Erik Holm", "Erik Holm"),
        ("Constable Joseph Rusk", "Joseph Rusk"),
    ],
)
def test_every_word_of_an_office_the_model_took_into_a_name_is_left_out(
    taken: str, name: str
) -> None:
    text = f"Palmer City {taken} said the records were complete. {name.split()[1]} left."
    article, analysis = _analysed(text)
    _as_the_model_read(analysis, text, taken, "PERSON")
    ents = canonical_entities("s", [article], {"a": analysis})
    assert find(ents, name)["type"] == "PERSON", [e["name"] for e in ents]
