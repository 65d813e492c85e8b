"""Attributions in one article: each construction rashomon reads, and the ones it
must not read as statements. Sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon import errors
from rashomon.model import Attribution
from rashomon.nlp.attributions import find_attributions
from rashomon.nlp.cues import default_cues
from rashomon.nlp.models import load_nlp
from rashomon.nlp.quotes import find_quotes


def attributions(text: str, cues: object = None) -> list[Attribution]:
    return find_attributions(load_nlp()(text), cues)  # type: ignore[arg-type]


def content(text: str, att: Attribution) -> str:
    return text[att.start : att.end]


def reading(text: str) -> tuple[str | None, str, str]:
    """The one attribution's speaker as written, stance and content."""
    att = only(text)
    return att.speaker, att.stance, content(text, att)


def only(text: str) -> Attribution:
    found = attributions(text)
    assert len(found) == 1, [(a.speaker, a.cue, content(text, a)) for a in found]
    return found[0]


# --- direct quotes -------------------------------------------------------------------


def test_quote_with_the_cue_after_it() -> None:
    text = "\u201cWe will rebuild the port within a year,\u201d the mayor said."
    att = only(text)
    assert att.direct and att.stance == "asserts"
    assert att.speaker == "the mayor"
    assert content(text, att).startswith("We will rebuild the port")


def test_quote_after_a_colon_with_straight_marks() -> None:
    text = 'The finance minister said: "Prices will fall sharply next month."'
    att = only(text)
    assert att.direct and att.speaker == "The finance minister"
    assert "Prices will fall" in content(text, att)


def test_a_short_quotation_that_is_a_whole_sentence_is_read() -> None:
    text = '"We lost," the coach said. The club said: "Nobody resigns."'
    found = attributions(text)
    assert [(a.speaker, content(text, a), a.direct) for a in found] == [
        ("the coach", "We lost", True),
        ("The club", "Nobody resigns.", True),
    ]


def test_a_bare_reply_or_a_word_quoted_inside_a_sentence_is_no_quotation() -> None:
    # "Absolutely not" answers a question the sentence does not give; "critical" is
    # the writer's sentence quoting one word, which the officials' report holds.
    assert attributions('"Absolutely not," the coach said.') == []
    text = 'The alert was raised to "critical," the highest level, officials said.'
    att = only(text)
    assert not att.direct and att.speaker == "officials"
    assert content(text, att).startswith("The alert was raised")


def test_quote_in_the_paragraph_after_a_colon() -> None:
    text = "The finance minister said:\n\n\u201cPrices will fall sharply next month.\u201d"
    att = only(text)
    assert att.direct and att.speaker == "The finance minister"
    assert content(text, att).startswith("Prices will fall sharply")


def test_a_report_ending_in_a_colon_gives_its_speaker_to_the_quotation_after_it() -> None:
    text = (
        "Mr Hallan denied that fighters were at the school:\n\n"
        "\u201cWe are sure there were no fighters in the school compound.\u201d"
    )
    denial, quoted = attributions(text)
    assert (denial.speaker, denial.stance) == ("Mr Hallan", "denies")
    assert quoted.direct and quoted.speaker == "Mr Hallan"
    assert content(text, quoted).startswith("We are sure there were no fighters")


@pytest.mark.parametrize(
    ("opening", "speaker", "kind"),
    [
        ("Mayor Ana Ruiz was blunt:", "Mayor Ana Ruiz", "named"),
        ("She put it this way:", "She", "pronoun"),
    ],
)
def test_a_sentence_naming_someone_before_a_colon_gives_them_the_quotation_after_it(
    opening: str, speaker: str, kind: str
) -> None:
    text = (
        f"The council met on Monday.\n\n{opening}\n\n"
        "\u201cWe will not pay for a wall that fell twice.\u201d\n\nThe vote is on Friday."
    )
    att = only(text)
    assert (att.speaker, att.speaker_kind, att.direct) == (speaker, kind, True)
    assert content(text, att) == "We will not pay for a wall that fell twice."


def test_a_thing_before_a_colon_says_nothing() -> None:
    text = (
        "The council met on Monday.\n\nThe sign on the hall door read:\n\n"
        "\u201cClosed until further notice.\u201d"
    )
    assert attributions(text) == []


def test_a_quotation_right_after_the_cue_is_what_was_said() -> None:
    # The parse hangs the rest of the sentence under the quoted words; the quotation
    # is still all that was said.
    text = 'After she heard someone say "he has a gun," she ran into the shop.'
    att = only(text)
    assert att.speaker == "someone" and att.direct
    assert content(text, att) == "he has a gun"


def test_an_age_after_the_name_is_not_part_of_the_speaker() -> None:
    text = "Karl Brenner, 45, said the fire had started in the kitchen."
    att = only(text)
    assert att.speaker == "Karl Brenner"
    assert content(text, att) == "the fire had started in the kitchen"


def test_quote_over_two_sentences_is_one_attribution() -> None:
    text = "\u201cThe road is closed. Nobody can pass until Friday,\u201d a police spokesman said."
    att = only(text)
    assert content(text, att).startswith("The road is closed.")
    assert content(text, att).endswith("until Friday")


def test_quote_reopened_in_the_next_paragraph_continues() -> None:
    text = (
        "\u201cWe saw the fire from the hill and ran down.\n"
        "\u201cThen the sirens started,\u201d said Anna Berg."
    )
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end].startswith("We saw the fire")


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("'The new line", "'It will open before the winter,' the board said."),
        ("'The new line", "It will open before the winter', the board said."),
        ("\u2018The new line", "\u2018It will open before the winter,\u2019 the board said."),
        ("\u2018The new line", "It will open before the winter\u2019, the board said."),
        # text rebuilt from tokens: the closing mark set off by spaces
        ("'The new line", "'It will open before the winter, ' the board said."),
    ],
)
def test_a_quotation_in_single_marks_runs_over_paragraphs(first: str, last: str) -> None:
    # reopened in each paragraph, or closed only at its end
    text = (
        "The council published its transport plan on Monday.\n\n"
        f"{first} will carry ten thousand passengers a day.\n\n{last}\n\n"
        "Work starts in May."
    )
    att = only(text)
    assert att.direct and att.speaker == "the board"
    assert content(text, att).startswith("The new line will carry")
    assert content(text, att).endswith("before the winter")


@pytest.mark.parametrize(
    "text",
    [
        # an apostrophe, not a quotation that runs on
        "'90s music filled the hall.\n\nThe band played until midnight, it's said.",
        "'The line is ready,' he wrote, and the buses too.\n\nThe drivers' union agreed.",
        "'The line is ready and the buses too.\n\nThe drivers' union agreed on Monday.",
        "'The line is ready and the buses too.\n\nWork starts in May.",
    ],
)
def test_a_single_mark_opening_a_paragraph_runs_on_only_to_a_closing_mark(text: str) -> None:
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert all("\n" not in q for q in quotes)
    assert all("union" not in q and "Work" not in q for q in quotes)


def test_unbalanced_quote_never_fails_and_ends_with_its_sentence() -> None:
    text = (
        'The governor said "the bridge will reopen on Monday after repairs. '
        "Traffic was heavy all day on the coast road."
    )
    found = attributions(text)
    assert found and found[0].speaker == "The governor"
    assert "Traffic" not in content(text, found[0])
    # stray closing marks and odd apostrophes neither crash nor invent quotes
    assert attributions("He said \u201d nothing\u2019s changed \u201d and left.") is not None


def test_a_quote_set_one_sentence_to_a_line_closes_where_its_mark_does() -> None:
    # text set one sentence to a paragraph, with no mark reopening each one
    text = (
        '"The harbour wall gave way in minutes.\n\n'
        'We lost three boats, " said Ola Brandt.\n\n'
        'The harbour master said: "We will rebuild the wall by May.\n\n'
        "The council met on Monday."
    )
    found = attributions(text)
    assert [(a.speaker, content(text, a)) for a in found] == [
        ("Ola Brandt", "The harbour wall gave way in minutes.\n\nWe lost three boats"),
        ("The harbour master", "We will rebuild the wall by May."),
    ]


def test_a_report_inside_a_quotation_says_only_its_own_part() -> None:
    # the quotation's speaker is not given; the one it reports says only what follows
    text = (
        "The coach smiled.\n\n"
        '"That really stuck with me.\n\n'
        'Anna told me that the league is a different world. "\n\n'
        "The team left."
    )
    att = only(text)
    assert att.speaker == "Anna" and content(text, att) == "the league is a different world"


def test_a_quoted_question_is_its_askers() -> None:
    text = '"Then I called the police," said a witness. "Who was driving?" a reporter asked.'
    found = attributions(text)
    assert [(a.speaker, a.stance, content(text, a)) for a in found] == [
        ("a witness", "asserts", "Then I called the police"),
        ("a reporter", "questions", "Who was driving?"),
    ]


def test_an_unclosed_quote_runs_past_a_title_to_its_sentence_end() -> None:
    text = "The judge said: \u201cDo not trust Mr. Lind ever again. The court rose."
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "Do not trust Mr. Lind ever again."
    ]


def test_quote_that_carries_on_the_previous_speaker() -> None:
    text = (
        "\u201cThe harbour wall gave way in minutes,\u201d said Ola Brandt, a fisherman. "
        "\u201cWe lost three boats in the storm.\u201d"
    )
    found = attributions(text)
    assert len(found) == 2
    assert found[1].speaker_kind == "continued" and found[1].continues == 0


def test_i_think_inside_a_carried_on_quote_is_the_quoted_person() -> None:
    text = (
        "\u201cWe played hard all night,\u201d the coach said after the game. "
        "\u201cSo I think on all fronts we did what we had to do.\u201d"
    )
    found = attributions(text)
    assert [(a.speaker, a.speaker_kind) for a in found] == [
        ("the coach", "named"),
        ("the coach", "continued"),
    ]
    assert content(text, found[1]).startswith("So I think on all fronts")


def test_a_quote_does_not_carry_on_a_report_no_one_makes() -> None:
    text = (
        "The coach is expected to return to the team next week. "
        "\u201cThe season has been long for all of us.\u201d"
    )
    assert [a.speaker_kind for a in attributions(text)] == ["unnamed"]


def test_a_quoted_paragraph_with_a_verb_of_saying_in_it_carries_on_its_speaker() -> None:
    # "posted" is the engineer's word, not a cue with no one to say it
    text = (
        '"People read the code all day," said Ida Berg, an engineer at Norvik.\n\n'
        '"A flaw gets posted online within hours."'
    )
    found = attributions(text)
    assert len(found) == 2
    second = found[1]
    assert second.speaker_kind == "continued" and second.continues == 0
    assert content(text, second).startswith("A flaw gets posted")


def test_a_subject_in_the_last_paragraph_of_a_quotation_is_not_its_speaker() -> None:
    # the parse hangs "told" on the quoted "has" and shares its subject
    text = (
        "The vote was held on Sunday.\n\n"
        '" It does not matter who wins.\n\n'
        'The governor has the final say, " Ilse-mor, who grows olives in a remote '
        "mountain village, told the Reuters news agency."
    )
    att = only(text)
    assert att.speaker == "Ilse-mor" and att.direct
    assert content(text, att).startswith("It does not matter who wins.")
    assert content(text, att).endswith("The governor has the final say")


def test_a_quoted_paragraph_after_another_speaker_s_quote_keeps_its_own_cue() -> None:
    text = (
        '"The storm broke the sea wall in two places," said Karl Dahl, the harbour master.'
        '\n\n" The repairs will take a year.\n\n'
        'The ministry pays for none of it, " a council engineer told reporters.'
    )
    found = attributions(text)
    assert [(a.speaker, a.speaker_kind) for a in found] == [
        ("Karl Dahl, the harbour master", "named"),
        ("a council engineer", "named"),
    ]
    assert content(text, found[1]).startswith("The repairs will take a year.")


def test_quoted_words_before_a_relative_clause_name_no_speaker() -> None:
    text = (
        "Until then, according to the memo, officials should "
        '"follow the longstanding review practices of the agency" that call for '
        "independent reviews."
    )
    assert [a.cue for a in attributions(text)] == ["according to"]


def test_a_name_in_quote_marks_is_still_the_speaker_of_what_it_says() -> None:
    text = 'The "Friends of the Old Harbour Society" said that the wall would not hold.'
    att = only(text)
    assert att.speaker == 'The "Friends of the Old Harbour Society"'
    assert content(text, att) == "the wall would not hold"


def test_a_quotation_mark_opening_a_paragraph_opens_its_sentence() -> None:
    text = (
        '"It was a hard game, we were down early," Manning said.\n\n'
        '" The crowd was loud and the pitch is always tough here."'
    )
    sentences = [s.text.strip() for s in load_nlp()(text).sents]
    assert sentences[-1].startswith('" The crowd')
    found = attributions(text)
    assert [a.speaker_kind for a in found] == ["named", "continued"]


# --- indirect speech -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "start"),
    [
        ("The ministry said that the convoy had crossed the border at night.", "The ministry",
         "the convoy"),
        ("The general told reporters that the troops would withdraw.", "The general", "the troops"),
        ("Health officials warned that the outbreak could spread quickly.", "Health officials",
         "the outbreak"),
        ("The union claims that wages fell by a third last year.", "The union", "wages"),
        ("The agency reported that two ships had been seized.", "The agency", "two ships"),
        ("The ambassador insisted the sanctions were working.", "The ambassador", "the sanctions"),
    ],
)  # fmt: skip
def test_reporting_verbs_with_a_clause(text: str, speaker: str, start: str) -> None:
    att = only(text)
    assert att.speaker == speaker and not att.direct
    assert content(text, att).startswith(start)


def test_according_to() -> None:
    text = "According to the coast guard, three boats sank overnight."
    att = only(text)
    assert att.speaker == "the coast guard"
    assert content(text, att).startswith("three boats sank")


def test_the_author_of_a_statement_speaks() -> None:
    text = "A statement by the Harbour Authority said the port would stay shut until June."
    att = only(text)
    assert att.speaker == "the Harbour Authority"


def test_accusation_keeps_the_accused_and_the_charge() -> None:
    text = "The opposition has accused the government of hiding the audit report."
    att = only(text)
    assert content(text, att) == "the government of hiding the audit report"


def test_an_accusation_whose_object_the_parse_cuts_keeps_all_of_it() -> None:
    # the parse makes "co" of "co-heading" a clause of its own
    text = (
        "Turkish President Recep Tayyip has accused the three world powers co-heading the "
        "Minsk Group of supplying weapons to Armenia."
    )
    att = only(text)
    assert content(text, att) == (
        "the three world powers co-heading the Minsk Group of supplying weapons to Armenia"
    )


@pytest.mark.parametrize(
    ("text", "speaker", "stance", "said"),
    [
        (
            "The union's claim that the mine had flooded twice was never tested in court.",
            "The union",
            "asserts",
            "the mine had flooded twice",
        ),
        (
            "A warning by the coastguard that the ferry was overloaded went unheeded.",
            "the coastguard",
            "asserts",
            "the ferry was overloaded",
        ),
        (
            "Voters were unmoved by Mayor Dunn's denial that the contract was rigged.",
            "Mayor Dunn",
            "denies",
            "the contract was rigged",
        ),
        (
            "The board's suggestion that the plant might be sold drew protests.",
            "The board",
            "hedges",
            "the plant might be sold",
        ),
    ],
)
def test_a_noun_of_saying_with_its_owner_reports_what_the_owner_says(
    text: str, speaker: str, stance: str, said: str
) -> None:
    assert reading(text) == (speaker, stance, said)


def test_a_disputed_claim_keeps_both_the_one_who_makes_it_and_the_one_who_rejects_it() -> None:
    text = "The ministry rejected the union's claim that the mine had flooded twice."
    found = {(a.speaker, a.stance, content(text, a)) for a in attributions(text)}
    assert found == {
        ("The ministry", "denies", "the mine had flooded twice"),
        ("the union", "asserts", "the mine had flooded twice"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # nobody named as its owner
        "The claim that the mine had flooded twice was never tested in court.",
        # the writer's own
        "Our belief that the mine will reopen is unchanged.",
        # a relative clause: a thing said, not what was said
        "The union repeated a claim that it had first made in March.",
        # a noun that is no report
        "The union's hope was that the mine would reopen.",
    ],
)
def test_a_noun_of_saying_without_an_owner_or_a_clause_reports_nothing_of_its_own(
    text: str,
) -> None:
    assert not any(a.cue in ("claim", "belief", "hope") for a in attributions(text))


def test_allegations_from_a_named_source_are_read_once() -> None:
    text = "The mayor dismissed allegations from the union that the contract was rigged."
    assert sorted((a.speaker, a.stance) for a in attributions(text)) == [
        ("The mayor", "denies"),
        ("the union", "asserts"),
    ]


def test_rejecting_someone_s_denials_points_at_what_they_denied() -> None:
    text = "We reject the denials issued by Belmark."
    att = only(text)
    assert (att.stance, att.anaphor, att.owner) == ("denies", True, "Belmark")
    assert content(text, att) == "the denials issued by Belmark"


def test_what_witnesses_describe_is_what_they_assert() -> None:
    text = "Witnesses described bodies strewn among the stalls after the blast."
    att = only(text)
    assert (att.speaker, att.stance) == ("Witnesses", "asserts")
    assert content(text, att).startswith("bodies strewn among the stalls")
    assert attributions("Osterland called for restraint.") == []


def test_a_shared_subject_speaks_for_both_verbs() -> None:
    text = "The mayor said the dam was safe and added that repairs would start soon."
    found = attributions(text)
    assert {a.speaker for a in found} == {"The mayor"}
    assert any(content(text, a).startswith("repairs") for a in found)


def test_said_a_and_that_b_keeps_both_propositions_apart() -> None:
    text = "The ministry said the drones came from the north and that the pilots were foreign."
    att = only(text)
    parts = [text[a:b] for a, b, _ in att.parts]
    assert len(parts) == 2 and parts[1].startswith("the pilots")


# --- passives and hedges ---------------------------------------------------------------


def test_passive_with_an_agent() -> None:
    text = "The reports were confirmed by the regional governor."
    att = only(text)
    assert att.speaker == "the regional governor" and att.anaphor


def test_agentless_passive_hedges_with_nobody_named() -> None:
    text = "The company is believed to have moved its offices abroad."
    att = only(text)
    assert att.speaker is None and att.speaker_kind == "unnamed" and att.stance == "hedges"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "A local man has been accused of firing a rifle into the crowd.",
            "A local man has been accused of firing a rifle into the crowd",
        ),
        ("Both brothers are charged with murder.", "Both brothers are charged with murder"),
        (
            "Damage to the hall is estimated at two million euros.",
            "Damage to the hall is estimated at two million euros",
        ),
    ],
)
def test_agentless_passive_keeps_what_someone_is_accused_of(text: str, said: str) -> None:
    att = only(text)
    assert att.speaker is None and content(text, att) == said


def test_a_passive_inside_someone_s_report_is_theirs() -> None:
    text = "The driver was charged with manslaughter, police said."
    att = only(text)
    assert att.speaker == "police" and content(text, att).startswith("The driver was charged")


def test_reportedly_is_a_report_nobody_vouches_for() -> None:
    att = only("The general reportedly ordered the strike on the depot.")
    assert att.speaker is None and att.stance == "hedges"


def test_modal_in_the_content_hedges() -> None:
    assert only("The spokesman said the toll may rise overnight.").stance == "hedges"
    assert only("The spokesman said the toll rose overnight.").stance == "asserts"
    assert only("The spokesman said the bridge might not hold.").stance == "hedges"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "Four workers, and possibly a few visitors, were inside the depot when the "
            "roof fell, the manager said.",
            "asserts",
        ),
        (
            "Nobody was hurt in the blaze, which was presumably started by a heater, "
            "according to Chief Ada Morrow.",
            "asserts",
        ),
        ("The minister said the allegedly stolen paintings were returned on Monday.", "asserts"),
        ("Police said the suspect, a likely member of the gang, was arrested.", "asserts"),
        # on the main statement, or on one said alongside it, a hedge still hedges
        ("The chief said the blaze was presumably started by a heater.", "hedges"),
        ("The manager said the roof possibly fell because of the snow.", "hedges"),
        ("Police said the suspect is likely to face charges.", "hedges"),
        ("The coach said the club was solvent and that the stadium was apparently sold.", "hedges"),
    ],
)
def test_a_hedge_on_a_part_leaves_the_statement_asserted(text: str, stance: str) -> None:
    assert only(text).stance == stance


def test_what_could_not_be_done_is_said_outright() -> None:
    assert only("She told police she could not see the driver.").stance == "asserts"
    assert only("He said the victims could not be named yet.").stance == "asserts"


def test_asking_whether_questions_it() -> None:
    text = "Residents asked whether the dam would hold through the winter."
    att = only(text)
    assert att.speaker == "Residents" and att.stance == "questions"
    assert content(text, att) == "the dam would hold through the winter"
    assert only("Critics wondered if the ban would last.").stance == "questions"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor asked residents to stay indoors overnight.",
        "The witness asked not to be named.",
        # the one asked answers; the asking is nobody's statement
        "Asked whether the riots were an uprising, most respondents said no.",
        # the writer asking in an interview doubts nothing
        "When I asked the coach whether he kept the ball, he smiled.",
        # a question put to someone, who answers it: a cross-examination, an interview
        'At one point, Lynch asked Coleman, "You lied to this jury, correct?"',
        # neither confirmed nor denied
        "US officials would not confirm or deny the report.",
        "When prosecutor Seth Goldman asked whether she shielded her son, she nodded.",
        "'Did I just hear you right?' she asked to the vet.",
    ],
)
def test_asking_for_something_or_being_asked_states_nothing(text: str) -> None:
    assert all(a.stance not in ("questions", "denies") for a in attributions(text))


def test_a_question_told_inside_a_quotation_doubts_nothing() -> None:
    text = (
        "\u2018Everything happened in a blink of an eye because I saw her when she was "
        "coming with a bottle but I didn\u2019t realise that she was carrying acid,\u2019 "
        "Khoza, from Mpumalanga, South Africa, told Citi FM Online.\n\n"
        "\u2018She just angrily called me a dog. She asked how in the world I could have "
        "done such an evil thing to her. It was only then that I realised that she was "
        "talking about the video that I took.\u2019"
    )
    # Khoza tells what was asked; the asking is no doubt about any claim
    assert all(a.stance != "questions" for a in attributions(text))


@pytest.mark.parametrize(
    ("text", "questioned"),
    [
        # questioning a person is an interview or an interrogation, no doubt
        ("The officer and his partner were questioned by a magistrate on Tuesday.", False),
        ("Detectives questioned him about the fire.", False),
        ("Critics questioned the claim that the dam was safe.", True),
    ],
)
def test_questioning_a_person_doubts_nothing(text: str, questioned: bool) -> None:
    assert any(a.stance == "questions" for a in attributions(text)) is questioned


# --- continuation and claim anaphora --------------------------------------------------


def test_said_in_a_statement_that_keeps_its_clause_and_is_carried_on() -> None:
    text = (
        "The harbour authority said in a statement that the ferry had sunk. "
        'The captain informed the crew about "a serious leak" before midnight, the statement '
        "said."
    )
    found = attributions(text)
    said = next(a for a in found if a.cue == "said" and a.sentence == 1)
    assert said.speaker == "The harbour authority"
    assert content(text, said).startswith("The captain informed the crew")
    # "said in a statement that ...", the clause hung on "statement" by the parse
    first = next(a for a in found if a.sentence == 0)
    assert content(text, first) == "the ferry had sunk"


def test_the_statement_is_not_the_one_whose_words_it_reports() -> None:
    text = (
        '"The talks were useful," the Kremlin press service said in a Tuesday statement. '
        'Putin informed Erdogan about "contacts with the leadership of Armenia" during the '
        "conversation, the statement said."
    )
    found = attributions(text)
    assert [a.speaker for a in found if a.cue == "informed"] == ["Putin"]
    said = next(a for a in found if a.cue == "said" and a.sentence == 1)
    assert said.speaker == "the Kremlin press service"


def test_it_added_continues_the_previous_statement() -> None:
    text = (
        "The foreign ministry said the talks had failed. "
        "It added that a new round would start in May."
    )
    found = attributions(text)
    assert len(found) == 2
    assert found[1].speaker_kind == "continued" and found[1].continues == 0
    assert found[1].speaker == "The foreign ministry"


def test_the_statement_said_continues_too() -> None:
    text = (
        "The Coastal Authority said the beaches would reopen on Friday. "
        "The statement said the water was clean again."
    )
    found = attributions(text)
    assert found[1].continues == 0 and found[1].speaker == "The Coastal Authority"


def test_denial_of_these_claims_points_back() -> None:
    text = (
        "The union says the factory dumped waste into the river for years. "
        "The company denies these claims."
    )
    found = attributions(text)
    assert len(found) == 2
    denial = found[1]
    assert denial.stance == "denies" and denial.anaphor and denial.refers_to == (0,)


def test_uncued_sentences_before_these_claims_carry_the_claim() -> None:
    text = (
        "Farmers claim that the new dam flooded their fields. "
        "The water destroyed the whole harvest in the valley. "
        "The builder denies these claims."
    )
    found = attributions(text)
    middle = [a for a in found if content(text, a).startswith("The water destroyed")]
    assert middle and middle[0].speaker == "Farmers" and middle[0].speaker_kind == "continued"
    assert len(found[-1].refers_to) == 2


def test_sentences_after_a_report_no_one_makes_are_the_writer_s() -> None:
    # "Arson is suspected" is nobody's words to carry on; not knowing denies nothing
    text = (
        "Arson is suspected in the fire at the church. "
        "A crafts group was meeting in the hall at the time. "
        '"We have no idea what caused it," the pastor said.'
    )
    found = attributions(text)
    assert [a.speaker_kind for a in found] == ["unnamed", "named"]
    assert found[1].stance == "asserts" and not found[1].refers_to


def test_a_named_owner_picks_the_statements_it_points_to() -> None:
    text = (
        "Mr Lind said the port was unsafe. The agency said the port was safe. "
        "Ministers rejected Lind's allegations."
    )
    found = attributions(text)
    assert found[-1].refers_to == (0,)


def test_whose_involvement_is_denied_is_not_who_made_the_claim() -> None:
    text = "Mr Lind said Norland armed the rebels. Norland denied any Norlandic involvement."
    denial = attributions(text)[-1]
    assert denial.stance == "denies" and denial.anaphor
    assert denial.owner is None  # "Norlandic" names who is involved, not who claims


def test_according_to_hung_on_the_next_clause_still_takes_the_clause_before() -> None:
    text = (
        "At least 12 people were killed, according to the hospital in Vell; "
        "the government puts the toll at 14."
    )
    first, second = attributions(text)
    assert first.speaker == "the hospital in Vell"
    assert content(text, first) == "At least 12 people were killed"
    assert second.speaker == "the government" and content(text, second) == "the toll at 14"


def test_a_speaker_and_cue_after_a_comma_end_the_sentence() -> None:
    # The parser reads "service informed" as a participle on the speaker; the shape
    # of the sentence still says who informed of what.
    text = (
        "The talks were held on the Turkish side\u2019s initiative, "
        "the Kremlin press service informed."
    )
    att = only(text)
    assert att.speaker == "the Kremlin press service" and att.stance == "asserts"
    assert content(text, att) == "The talks were held on the Turkish side\u2019s initiative"


@pytest.mark.parametrize(
    "text",
    [
        "The vote was held on Monday, a rainy day in the capital.",
        "The bridge reopened in May after repairs, the council decided.",
    ],
)
def test_a_phrase_after_a_comma_without_a_cue_is_no_speaker(text: str) -> None:
    assert attributions(text) == []


# --- negation and what is not a statement ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister did not directly accuse the rebels of the attack.",
        "The mayor did not respond to a request for comment.",
        "The army rejected calls for a truce.",
        "We express our condolences to the families.",
        "No one was reported hurt in the blaze.",
        "The council never said it would close the school.",
        "That said, the home side won the turnover battle three to nothing.",
        "This said, the council still has to find the money.",
        "A fuel company maintains the storage tanks behind the dairy.",
        "Malware authors write viruses that exploit flaws in old browsers.",
        "The mayor answered questions from residents for an hour.",
        "The chief executive spoke at a news conference announcing the merger in Oslo.",
        "Do you think the new coach will make a great team of them?",
        # the driver is charged, in a headline's shorthand; he charges no one
        "A woman was killed in a hit-and-run crash in Queens on Friday, driver charged.",
        # a story one tells is no listener: what comes before it is not what was told
        "And in a brief quote that will probably be lost to memory, Jan Ode told the real "
        "story of the night.",
        # the relative word stands for a thing, not for something said
        "The agency dropped the rules that environmentalists had feared.",
        "The move, which was first reported by a celebrity website, surprised fans.",
    ],
)
def test_not_an_attribution(text: str) -> None:
    assert attributions(text) == []


def test_a_clause_the_parse_hangs_on_the_object_of_a_saying_verb_is_said() -> None:
    text = "The audit noted efforts to sell the dairy in 1996 and again in 2001 had failed."
    att = only(text)
    assert content(text, att).startswith("efforts to sell the dairy")


def test_a_meeting_held_to_announce_something_is_not_a_speaker() -> None:
    text = (
        '"Together we intend to create a stronger group," said Anna Weiss, chair of the '
        "bank, during a teleconference to announce the deal."
    )
    assert [a.speaker for a in attributions(text)] == ["Anna Weiss, chair of the bank"]


def test_denial_of_involvement() -> None:
    att = only("The army denied any involvement in the blast.")
    assert att.stance == "denies" and att.anaphor


def test_an_accusation_made_by_implication_hedges() -> None:
    assert only("The minister implicitly accused Turkey of sending fighters.").stance == "hedges"
    assert only("The minister openly accused Turkey of sending fighters.").stance == "asserts"


def test_negated_content_is_marked() -> None:
    att = only("The spokesman said the army had not fired on civilians.")
    assert att.negated and att.stance == "asserts"


@pytest.mark.parametrize(
    ("content", "negated"),
    [
        ("his son was given a no show fee invoice", False),
        ("the army set up a no fly zone over the city", False),
        ("police found no weapons in the car", True),
    ],
)
def test_a_thing_named_with_no_is_no_negation(content: str, negated: bool) -> None:
    assert only(f"The spokesman said {content}.").negated is negated


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_not_with_either_apostrophe_negates(apostrophe: str) -> None:
    # the small model can take a curly "n’t" for punctuation
    assert only(f"The spokesman said the cut wasn{apostrophe}t clean.").negated
    said = only(f"The spokesman said the figures can{apostrophe}t be independently verified.")
    assert said.stance == "questions"


@pytest.mark.parametrize(
    ("content", "negated"),
    [
        # not knowing or not telling the answer to a question denies none of it
        ("investigators did not know whether the fire was linked to the campaign", False),
        ("the company would not say how many jobs would go", False),
        ("it was not immediately clear whether anyone was hurt", False),
        ("officials have not determined what caused the fire", False),
        # not knowing someone, or not confirming a thing, is still a negation
        ("he did not know the victim", True),
        ("the ministry did not confirm the report", True),
    ],
)
def test_an_open_question_is_no_negation(content: str, negated: bool) -> None:
    att = only(f"The spokesman said {content}.")
    assert att.negated is negated and att.stance == "asserts"


@pytest.mark.parametrize(
    ("text", "points_back"),
    [
        ("The spokesman said the accusation was a fabrication.", True),
        ("The spokesman said it was not true.", True),
        ("The company's lawyers insist they had nothing to do with it.", True),
        # a negated statement about something named is no pointer
        ("The spokesman said the bridge was not safe.", False),
        ("The company said it had nothing to do with the fire at the Kell depot.", False),
        ("The minister said we did not do that.", True),
        # "it" or "that" that is no thing the speaker's side is said not to have done:
        # someone else's act, a part of the subject, a manner, a clause of reason
        ("The lawyer said prosecutors have not approved it yet.", False),
        ("The owner said none of it was insured.", False),
        ("The analyst said people will not buy it.", False),
        ('"I have never seen him cry like that," the coach said.', False),
        ("The officer said the gun was not found because the boy had got rid of it.", False),
        # a refusal to talk about it is no denial of it
        ('"I am not going to have any discussion about this," the coach said.', False),
        ('"We will not comment on it," the spokesman said.', False),
    ],
)
def test_calling_a_claim_false_or_disowning_it_denies_it(text: str, points_back: bool) -> None:
    att = only(text)
    if points_back:
        assert att.stance == "denies" and att.anaphor and not att.negated
    else:
        assert att.stance == "asserts" and att.negated and not att.anaphor


# --- the lexicon -----------------------------------------------------------------------


def test_the_cue_lexicon_can_be_extended(tmp_path: Path) -> None:
    text = "The minister trumpeted that exports had doubled."
    assert attributions(text) == []
    lexicon = tmp_path / "cues.toml"
    lexicon.write_text('[cues]\nassert = ["trumpet"]\ndeny = ["pooh-pooh"]\n', encoding="utf-8")
    cues = default_cues().extended(lexicon)
    assert cues.stance("trumpet") == "asserts"
    assert cues.digest() != default_cues().digest()
    found = attributions(text, cues)
    assert len(found) == 1 and found[0].speaker == "The minister"


def test_a_bad_lexicon_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[cues]\nshout = ["yell"]\n', encoding="utf-8")
    with pytest.raises(errors.ConfigError, match="keys are"):
        default_cues().extended(bad)
    with pytest.raises(errors.ConfigError, match="not found"):
        default_cues().extended(tmp_path / "missing.toml")


def test_attributions_survive_the_cache_round_trip() -> None:
    text = "The union says the factory dumped waste. The company denies these claims."
    for att in attributions(text):
        assert Attribution.from_list(att.to_list()) == att


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said Tarvonia had offered no evidence for the claim.",
        "Officials said the figures cannot be independently verified.",
        "The envoy said he saw no proof whatsoever of the army's role.",
    ],
)
def test_saying_the_evidence_is_missing_questions(text: str) -> None:
    assert only(text).stance == "questions"


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("The driver, who police said was drunk, was arrested.", "police", "was drunk"),
        (
            "Crews heard two blasts, which army officials said suggested the tunnel was mined.",
            "army officials",
            "suggested the tunnel was mined",
        ),
    ],
)
def test_a_cue_inside_a_relative_clause_is_its_own_subject_s(
    text: str, speaker: str, said: str
) -> None:
    # the relative word is what the words are about, neither the speaker nor a speaker
    # of the verb that follows
    att = only(text)
    assert (att.speaker, content(text, att)) == (speaker, said)


def test_who_said_in_a_relative_clause_is_still_the_one_it_is_about() -> None:
    att = only("Pavel Orsk, who said the claims were false, left early.")
    assert att.speaker == "Pavel Orsk"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The company said it remains committed to its old business, and will continue "
            "to invest in it.",
            "it remains committed to its old business, and will continue to invest in it",
        ),
        (
            "Witnesses testified he had a hard childhood and has shown signs of remorse.",
            "he had a hard childhood and has shown signs of remorse",
        ),
    ],
)
def test_a_verb_joined_to_said_in_a_tense_that_does_not_narrate_is_said_too(
    text: str, said: str
) -> None:
    assert content(text, only(text)) == said


def test_a_second_cue_joined_to_said_stays_its_own() -> None:
    text = "She said the talks failed and denied that troops moved."
    assert [content(text, a) for a in attributions(text)] == ["the talks failed", "troops moved"]


def test_a_speaker_after_said_speaks_when_the_parse_makes_the_statement_a_subject() -> None:
    # The parse reads "stories ... collapsed" as a subject of "said" beside Ina
    text = (
        "A search for victims was under way.\n\n"
        "Several stories of the Mutiara Hotel in the main city Manokwari collapsed, said "
        "Ina, a nurse at a navy hospital, adding that she had treated 20 victims."
    )
    found = attributions(text)
    assert [(a.speaker, content(text, a)) for a in found] == [
        (
            "Ina, a nurse at a navy hospital",
            "Several stories of the Mutiara Hotel in the main city Manokwari collapsed",
        ),
        ("Ina, a nurse at a navy hospital", "she had treated 20 victims"),
    ]


def test_finding_no_sign_of_life_is_a_finding_not_a_doubt() -> None:
    att = only("The rescuers said there were no signs of life in the wreck.")
    assert att.stance == "asserts"
    assert only("The inspectors said they found no sign of tampering.").stance == "questions"


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            "At least four people died in the north, President Anna Lind told reporters.",
            "President Anna Lind",
            "At least four people died in the north",
        ),
        (
            "Five people had been confirmed dead, Ravi Osei, an official from the disaster "
            "agency, told AFP late Tuesday.",
            "Ravi Osei, an official from the disaster agency",
            "Five people had been confirmed dead",
        ),
    ],
)
def test_what_comes_before_x_told_someone_is_what_was_told(
    text: str, speaker: str, said: str
) -> None:
    # whom one tells is not what was said; "Drone strike kills 12, Tarvonia blames
    # Belmark" still blames Belmark (see the headline test)
    att = only(text)
    assert (att.speaker, content(text, att)) == (speaker, said)


def test_a_title_s_stop_ends_neither_the_sentence_nor_the_name() -> None:
    text = "The base was hit twice, said Commander Col. Inf. Irham Saputra of the army."
    att = only(text)
    assert att.speaker is not None and att.speaker.endswith("Irham Saputra of the army")
    assert content(text, att) == "The base was hit twice"


def test_these_claims_are_the_last_party_s_not_every_statement_nearby() -> None:
    text = (
        "The ministry said trade talks would resume in June. "
        "The union claims that the factory dumped waste into the river. "
        "The company denies these claims."
    )
    found = attributions(text)
    assert found[-1].refers_to == (1,)


def test_a_condition_is_not_a_denial() -> None:
    assert not only("A spokesman said this cannot happen without the council's consent.").negated


def test_a_second_cue_after_and_is_its_own_statement_by_the_same_speaker() -> None:
    text = (
        'The council said the mayor\'s remarks were "unhelpful" and questioned whether '
        "the port could stay open."
    )
    found = attributions(text)
    assert [(a.speaker, a.stance) for a in found] == [
        ("The council", "asserts"),
        ("The council", "questions"),
    ]
    said, questioned = (content(text, a) for a in found)
    assert said == 'the mayor\'s remarks were "unhelpful"'
    assert questioned == "the port could stay open"


def test_a_denial_joined_to_what_was_said_is_not_part_of_it() -> None:
    text = "The minister said the talks had failed and denied that troops had crossed the border."
    said, denied = attributions(text)
    assert content(text, said) == "the talks had failed"
    assert denied.stance == "denies" and denied.speaker == "The minister"


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "The rebels, who fight against what they describe as years of repression by "
            "the capital, have not claimed the attack.",
            "The rebels",
            "years of repression by the capital",
        ),
        (
            "The army has begun what it calls a limited security operation.",
            "it",
            "a limited security operation",
        ),
    ],
)
def test_what_someone_calls_it_is_their_claim(text: str, speaker: str, words: str) -> None:
    att = next(a for a in attributions(text) if a.cue in ("describe", "calls"))
    assert att.speaker == speaker and att.stance == "asserts"
    assert content(text, att) == words


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Port officials have given figures that cannot be independently verified.",
            None,
            "figures",
        ),
        (
            "The army said 40 fighters were killed, a figure Reuters could not "
            "independently verify.",
            "Reuters",
            "a figure",
        ),
        (
            "The rebels claimed they had shot down a jet. The claim could not be "
            "independently verified.",
            None,
            "The claim",
        ),
    ],
)
def test_an_unverifiable_claim_is_questioned_and_points_back(
    text: str, speaker: str | None, words: str
) -> None:
    found = attributions(text)
    doubt = found[-1]
    assert doubt.stance == "questions" and doubt.anaphor
    assert doubt.speaker == speaker and content(text, doubt) == words
    assert doubt.refers_to == (0,)
    assert "verified" not in content(text, found[0])


@pytest.mark.parametrize(
    "text",
    [
        "His whereabouts could not be confirmed.",
        "The ministry did not confirm the report.",
    ],
)
def test_what_is_not_confirmed_is_not_always_a_doubt(text: str) -> None:
    assert attributions(text) == []


def test_only_the_agent_that_implies_a_claim_hedges_it() -> None:
    text = (
        "The union accused the company of dumping waste. These claims have been echoed by "
        "the regulator and, implicitly, by the mayor."
    )
    stances = {a.speaker: a.stance for a in attributions(text)[1:]}
    assert stances == {"the regulator": "asserts", "the mayor": "hedges"}


def test_a_subheading_with_no_full_stop_is_not_read_into_the_next_sentence() -> None:
    # scraped articles carry subheadings between blank lines; read into the sentence
    # after them, "Varby denies" made Varby the accuser
    text = (
        "The port at Ostrava was closed on Friday.\n\nVarby denies\n\n"
        "Lena Holm, the mayor of Ostrava, accused Varby of closing the port."
    )
    sentences = [s.text.strip() for s in load_nlp()(text).sents]
    assert "Varby denies" in sentences
    accusation = only(text)
    assert text[accusation.speaker_start : accusation.speaker_end].startswith("Lena Holm")
    assert content(text, accusation) == "Varby of closing the port"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Abdul Rahman Al Fahd, a cleric, was quoted as saying that the ban would stay.",
         "Abdul Rahman Al Fahd, a cleric"),
        ("The Daily Mail quoted the minister as saying the ban would stay.", "the minister"),
        ("Iraqi officials have been quoted as saying the ban would stay.", "Iraqi officials"),
    ],
)  # fmt: skip
def test_quoted_as_saying_is_the_quoted_one_s_statement(text: str, speaker: str) -> None:
    att = only(text)
    assert (att.speaker, att.cue, content(text, att)) == (
        speaker, "quoted as saying", "the ban would stay"
    )  # fmt: skip


def test_quoted_as_something_else_says_nothing() -> None:
    assert attributions("He was quoted as an expert in the report.") == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Jobs assured him that the phone would be fixed.", "the phone would be fixed"),
        ("She recounted that the police had arrived late.", "the police had arrived late"),
        ("Most analysts agree the deal is good for shareholders.",
         "the deal is good for shareholders"),
        ("The two sides agreed to a ceasefire.", None),
        ("The two sides agreed to hold talks on Monday.", None),
    ],
)  # fmt: skip
def test_assuring_recounting_and_agreeing_that_report(text: str, said: str | None) -> None:
    found = attributions(text)
    assert [content(text, a) for a in found] == ([said] if said else [])


def test_what_is_rumoured_is_hedged_by_no_one_and_a_rumoured_thing_is_no_report() -> None:
    text = "The singer is rumoured to have married in secret."
    att = only(text)
    assert (att.speaker, att.stance) == (None, "hedges")
    assert attributions("Nobody knows if these rumored phones will ever be launched.") == []


def test_a_report_after_what_it_reports_is_not_part_of_the_words_reported() -> None:
    text = "The roof held, but engineers say the hall is not safe, the Courier reports."
    found = {a.speaker: content(text, a) for a in attributions(text)}
    assert found == {"engineers": "the hall is not safe", "the Courier": "the hall is not safe"}


def test_rumours_that_say_something_are_no_one_s_word() -> None:
    text = "Moreover, the rumours proclaim the deal will be done as soon as this week."
    att = only(text)
    assert (att.speaker, att.stance) == (None, "hedges")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The mayor told the Courier that the ferry had left.", "the ferry had left"),
        ("He said that was wrong.", "that was wrong"),
        ("They said that that plan had failed.", "that plan had failed"),
    ],
)
def test_the_conjunction_that_opens_a_report_is_not_part_of_it(text: str, said: str) -> None:
    assert content(text, only(text)) == said


@pytest.mark.parametrize(
    "text",
    [
        "She wrote a letter to the mayor after the lesson.",
        "She posted a video of herself on Sunday.",
        "A photo was posted online on Sunday.",
        "If it is confirmed, he is among the first Britons killed.",
        "She visited a doctor who charges 9,000 dollars for the surgery.",
        "The woman, who calls herself Jasmine, runs a shop.",
    ],
)
def test_writing_posting_charging_naming_or_a_hypothesis_reports_nothing(text: str) -> None:
    assert attributions(text) == [], [(a.cue, content(text, a)) for a in attributions(text)]


def test_charging_someone_with_a_crime_still_reports() -> None:
    att = only("Prosecutors charged him with murder.")
    assert (att.speaker, att.cue) == ("Prosecutors", "charged")


def test_a_letter_describing_something_is_its_writer_s_words() -> None:
    text = "The principal, Matthew Willoughby, wrote a letter describing the boy as diligent."
    att = only(text)
    assert att.speaker == "The principal, Matthew Willoughby"
    assert content(text, att) == "the boy as diligent"


def test_reports_of_no_one_named_do_not_carry_on_the_last_speaker() -> None:
    text = "The Kremlin said Putin would travel. According to reports, he would meet Erdogan."
    second = attributions(text)[1]
    assert second.speaker == "reports" and second.continues is None
    # "the statement" does carry on the one before
    text = "The Kremlin said Putin would travel. The statement said he would meet Erdogan."
    assert attributions(text)[1].speaker == "The Kremlin"


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the port," the mayor said, "and we will do it with our own money."',
        '"We will rebuild the port," said the mayor, "and we will do it with our own money."',
        '"We will rebuild the port," she told the Courier, "and we will do it with our own money."',
    ],
)
def test_a_quotation_split_by_its_cue_is_one_speaker_s_words(text: str) -> None:
    found = attributions(text)
    assert [content(text, a) for a in found] == [
        "We will rebuild the port",
        "and we will do it with our own money.",
    ]
    assert found[1].speaker == found[0].speaker and found[1].continues == 0


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Researchers found that the drug cut deaths by half.", "the drug cut deaths by half"),
        ("The autopsy showed that three bullets entered his back.",
         "three bullets entered his back"),
        ("Snopes discovered that the photo was fake.", "the photo was fake"),
        ("Police found the body on Sunday.", None),
        ("Police discovered the body on Sunday.", None),
        ("Kuo anticipates a drop in demand for the tablet.", None),
        ("The video shows a man running.", None),
    ],
)  # fmt: skip
def test_a_finding_is_reported_only_with_a_that_clause(text: str, said: str | None) -> None:
    assert [content(text, a) for a in attributions(text)] == ([said] if said else [])


def test_claiming_to_have_something_is_a_claim() -> None:
    text = "The laptop is ready, says one site that claims to have sources within the company."
    claims = [a for a in attributions(text) if a.cue == "claims"]
    assert [content(text, a) for a in claims] == ["to have sources within the company"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Kuo forecast that Apple would sell 30 million watches.", "asserts"),
        ("Kuo anticipates that the watch will sell well.", "hedges"),
        ("The fire service presumed that the blaze started in the kitchen.", "hedges"),
    ],
)
def test_forecasts_and_presumptions_are_reports(text: str, stance: str) -> None:
    assert only(text).stance == stance


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Doctors and police officers combed the area. They believed a dog took it.",
         "Doctors and police officers"),
        ("The talks collapsed on Monday. They said the vote was rigged.", "They"),
    ],
)  # fmt: skip
def test_they_is_the_people_the_sentence_before_is_about(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "direct"),
    [
        # a clause of the writer's ending in quoted words: indirect, quoting a phrase
        (
            "Senator Ruth Okoye said in a statement the new rules were "
            '"sensible changes to a law long overdue for reform."',
            False,
        ),
        (
            'A government handbook from 1998 described the checks as "some of the most '
            'valuable tools we have to protect rare birds."',
            False,
        ),
        # the quoted words hold the content's verb, or are all of it
        ('The defence ministry said Belmark "has never armed any group in the region."', True),
        ('"The new rules are sensible changes to a law long overdue," Ruth Okoye said.', True),
        ('The mayor said: "The bridge will reopen on Monday after the repairs."', True),
        # quoted words running on past the writer's sentence are the speaker's text
        (
            'According to the report, the guards saw one man "run from the group as they '
            'came near the gate.\n\nHe reached for his belt and turned to face the guards."',
            True,
        ),
    ],
)
def test_a_content_is_direct_only_when_the_quoted_words_hold_its_verb(
    text: str, direct: bool
) -> None:
    att = only(text)
    assert att.direct is direct and att.stance == "asserts"


def test_two_cues_framing_a_content_that_ends_in_quoted_words_give_one_statement() -> None:
    text = (
        "The minister reiterated his belief that the new rule is a "
        '"wholly inappropriate use of the nature protection law."'
    )
    att = only(text)
    assert att.cue == "reiterated" and not att.direct


def test_a_quotation_in_straight_single_marks_is_direct() -> None:
    text = "Speaking to the paper, father Jason Steward said 'It sounded unbelievable to us.'"
    att = only(text)
    assert att.direct and content(text, att) == "It sounded unbelievable to us."


@pytest.mark.parametrize(
    "text",
    [
        'He loved the \'90s, and he said "we will win the cup this year."',
        "The students' union said the fees would rise, and 'we will fight it,' it added.",
    ],
)
def test_apostrophes_open_and_close_no_quotation(text: str) -> None:
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == [quotes[-1]] and quotes[-1].startswith("we will")


def test_a_title_in_straight_single_marks_is_no_quotation() -> None:
    text = "The family recently watched 'The Hobbit: The Battle of the Five Armies.'"
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A third case of bubonic plague was reported in the region over the weekend.",
        "Job cuts will be announced at a company meeting on Friday.",
        "He was admitted to the city hospital on Monday.",
        "Two other cases were revealed last week.",
        "The manager believed the waitress and asked me to leave.",
    ],
)
def test_a_thing_reported_or_announced_by_no_one_named_is_no_statement(text: str) -> None:
    # the passive's subject is an event or a person, not words anyone said
    assert attributions(text) == []


def test_showing_no_signs_of_an_illness_is_a_finding_not_a_doubt() -> None:
    att = only("The other 28 people have shown no signs of the plague, the commission said.")
    assert att.stance == "asserts" and att.negated
    doubt = only("Kovrin said it had seen no sign of Belmark's involvement.")
    assert doubt.stance == "questions"


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ('"Don\'t hide things like this," one reader wrote.', False),
        ('"Never give up," the coach said.', False),
        ('"We will not sit on our hands," the minister said.', True),
        ('"No one has shown any symptoms," the commission said.', True),
    ],
)
def test_a_command_is_not_a_negated_statement(text: str, negated: bool) -> None:
    assert only(text).negated is negated


def test_the_writer_s_comment_after_according_to_is_not_the_source_s() -> None:
    text = (
        "The state attorney general is investigating the firm, according to two people "
        "familiar with the matter, adding to a series of problems for the company."
    )
    att = only(text)
    assert content(text, att) == "The state attorney general is investigating the firm"
    # a clause of the statement itself stays
    text = "According to the paper, the groom fell just as he was reaching out to his bride."
    assert content(text, only(text)) == "the groom fell just as he was reaching out to his bride"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('"Get out of the car now," an officer shouts.', "shouts"),
        ('"It is over," the captain yelled.', "yelled"),
        ('"We won the cup," Jonas exclaimed.', "exclaimed"),
        ('"I might have to retire early," the coach joked.', "joked"),
    ],
)
def test_a_quotation_shouted_or_joked_is_its_speaker_s(text: str, cue: str) -> None:
    att = only(text)
    assert att.cue == cue and att.direct and att.stance == "asserts"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Many of the prisons, she said, are aging and understaffed.",
            "Many of the prisons, she said, are aging and understaffed",
        ),
        (
            "The larger landers, the engineer said, could carry rovers to the moon.",
            "The larger landers, the engineer said, could carry rovers to the moon",
        ),
    ],
)
def test_a_cue_set_off_by_commas_reports_the_sentence_around_it(text: str, said: str) -> None:
    att = only(text)
    assert att.cue == "said" and content(text, att) == said


@pytest.mark.parametrize(
    "text",
    [
        "The unrest has been described as the worst since 1974.",
        "Much of the rioting has been blamed on anarchists.",
    ],
)
def test_a_description_or_blame_by_no_one_named_is_still_a_hedge(text: str) -> None:
    assert only(text).stance == "hedges"


def test_shouting_a_plain_object_reports_nothing() -> None:
    assert attributions("Photographers were shouting questions at the minister.") == []


@pytest.mark.parametrize(
    "text",
    [
        "LONDON (AP) — The ruling party misled voters about the budget, the paper said.",
        "SIOUX FALLS, S.D. – The state's meth crisis is growing fast, the governor said.",
        "(Reuters) - Dunmore Mills is in talks to buy a rival, the Courier said.",
    ],
)
def test_a_dateline_is_no_part_of_what_was_said(text: str) -> None:
    said = [content(text, a) for a in attributions(text) if a.cue == "said"]
    assert said and not said[0].startswith(("LONDON", "SIOUX", "Reuters")), said


def test_an_addition_hung_on_what_was_said_is_a_statement_of_its_own() -> None:
    text = "The mayor said the bridge had been inspected twice, adding that it could reopen in May."
    found = {(a.cue, content(text, a)) for a in attributions(text)}
    assert found == {
        ("said", "the bridge had been inspected twice"),
        ("adding", "it could reopen in May"),
    }


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Users commented that the app was slow.", ["commented"]),
        ("A spokesman for the ministry declined to comment.", []),
        ("After Ana found out that the bridge had closed, she took the ferry.", []),
        ("The council has called off the vote on the bridge.", []),
    ],
)
def test_commenting_reports_and_finding_out_does_not(text: str, cues: list[str]) -> None:
    assert [a.cue for a in attributions(text)] == cues


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("Days later the dog made its way to a neighbour's yard, Channel 13 reports.",
         "Channel 13", "Days later the dog made its way to a neighbour's yard"),
        ("Factory output in the region fell in October, a private survey showed.",
         "a private survey", "Factory output in the region fell in October"),
    ],
)  # fmt: skip
def test_a_report_or_a_finding_after_what_it_reports(text: str, speaker: str, said: str) -> None:
    att = only(text)
    assert (att.speaker, content(text, att)) == (speaker, said)


def test_a_thing_found_somewhere_is_no_finding() -> None:
    text = "The disease is caused by a bacterium - a microbe usually found in small mammals."
    assert attributions(text) == []


def test_a_quotation_goes_on_paragraph_after_paragraph() -> None:
    text = (
        "The mill will close in March, Ana Ruiz, the union leader, wrote on her blog.\n\n"
        '"Four hundred families will lose their income. The town will take years to '
        'recover," Ruiz wrote.\n\n'
        '"The owners knew for a year. Workers can expect nothing from them now."\n\n'
        "The owners did not answer questions."
    )
    found = attributions(text)
    last = [a for a in found if content(text, a).startswith("The owners knew")]
    assert len(last) == 1 and last[0].direct
    assert found[last[0].continues].speaker == "Ruiz"
    assert not any(a.cue == "expect" for a in found)


def test_a_title_quoted_in_the_writer_s_sentence_carries_no_one_on() -> None:
    text = (
        '"We have waited ten years for this night," Lopez said.\n\n'
        'The band then played its old hit "Take the Long Road Home Tonight."'
    )
    assert [a.speaker for a in attributions(text)] == ["Lopez"]


@pytest.mark.parametrize(
    ("text", "direct"),
    [
        ("Asked about the flood, the mayor said 'It was unbelievable.'", True),
        ("The mayor called the plan 'deeply flawed.'", False),
    ],
)
def test_a_short_quotation_right_after_a_verb_of_saying_is_direct(text: str, direct: bool) -> None:
    assert only(text).direct is direct


def test_a_dated_dateline_is_no_part_of_the_speaker() -> None:
    att = only("Oct 6 (Reuters) - Dunmore Mills said it would split into two companies.")
    assert att.speaker == "Dunmore Mills"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The judge ruled that the law was unconstitutional.", "asserts"),
        ("The Congressional Budget Office projects that the deficit will grow.", "hedges"),
        ("The king ruled the country for forty years.", None),
        ("The Afghan government has ruled out Taliban involvement in the attack.", "denies"),
        ("The actress showed up at the court on Monday.", None),
        ("The company projected its logo onto the building.", None),
    ],
)
def test_a_ruling_or_a_projection_reports_a_clause(text: str, stance: str | None) -> None:
    assert [a.stance for a in attributions(text)] == ([stance] if stance else [])


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("The Afghan government has ruled out Taliban involvement in the attack.",
         "Taliban involvement in the attack"),
        ("Investigators have ruled out any link to the earlier fire.",
         "any link to the earlier fire"),
    ],
)  # fmt: skip
def test_what_is_ruled_out_leaves_the_particle_to_the_cue(text: str, ruled_out: str) -> None:
    att = only(text)
    assert (att.cue, content(text, att)) == ("ruled out", ruled_out)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Apple co-founder Steve Wozniak said the phone was great.", "Steve Wozniak"),
        ("Wikileaks editor-in-chief Hrafnsson said the case was closed.", "Hrafnsson"),
    ],
)
def test_a_name_the_parse_breaks_at_a_hyphen_is_named_by_its_head(text: str, speaker: str) -> None:
    assert only(text).speaker.endswith(speaker)


def test_the_place_one_posts_on_is_not_who_speaks() -> None:
    att = only(
        "Then, last week, Taylor Swift posted on Twitter accusing Big Machine of trying to stop "
        "her performing tracks."
    )
    assert att.speaker.endswith("Taylor Swift") and att.cue == "accusing"


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            "Demand for river ferries is expected to double by 2030, Harlow Marine said, "
            "faster than the market as a whole.",
            "Harlow Marine",
            "Demand for river ferries is expected to double by 2030",
        ),
        (
            "The new hull would suit river traffic, Osei said, as well as short coastal routes.",
            "Osei",
            "The new hull would suit river traffic",
        ),
        (
            "Buying the yard will let Corvane build larger ships, he says, two things it has "
            "never done.",
            "he",
            "Buying the yard will let Corvane build larger ships",
        ),
    ],
)
def test_a_cue_set_off_by_commas_after_what_it_reports(text: str, speaker: str, said: str) -> None:
    # what follows the cue may go on with the sentence; the cue is no part of what was
    # said, and a report no one makes inside it ("is expected") is the speaker's
    att = only(text)
    assert att.speaker == speaker and content(text, att).startswith(said)


def test_a_report_after_a_cue_set_off_by_commas_is_its_own() -> None:
    text = (
        "The yard is much smaller than its rivals, she said, and Corvane thinks its "
        "designs will outweigh their size."
    )
    found = {(a.speaker, content(text, a)) for a in attributions(text)}
    assert found == {
        ("she", "The yard is much smaller than its rivals"),
        ("Corvane", "its designs will outweigh their size"),
    }


def test_a_time_clause_of_an_announcement_carries_no_one_s_words_on() -> None:
    # "before it was announced" is a time, not a report that would make the sentences
    # between it and the port's statement the port's
    text = (
        "Dunmore Port said the yard would close in May. The move will hurt the town. A "
        "union spokesman declined to comment before it was officially announced."
    )
    found = attributions(text)
    assert [content(text, a) for a in found] == ["the yard would close in May"]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("The storm claimed 14 lives along the coast.", False),
        ("The league standings have claimed another coach this season.", False),
        ("The club claimed the top prize in the spring.", False),
        ("The group claimed responsibility for the attack on the depot.", True),
        ("The rebels claimed they had shot down a jet.", True),
    ],
)
def test_claiming_a_thing_taken_or_won_states_nothing(text: str, reports: bool) -> None:
    assert bool(attributions(text)) is reports


@pytest.mark.parametrize(
    "text",
    [
        '"We know that is how it happened," Rowe said, indicating the photo.',
        '"There is nothing like it," said Osei, describing his company\'s engines.',
    ],
)
def test_a_gesture_or_a_topic_after_a_quotation_is_no_statement(text: str) -> None:
    assert only(text).direct


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("The referee gave the challenger a standing count before stopping the fight.", False),
        ("The ministry gave a figure of 30 dead.", True),
        ("Port officials have given figures that cannot be verified.", True),
    ],
)
def test_a_count_given_to_someone_is_no_figure(text: str, reports: bool) -> None:
    assert any(a.cue.startswith(("gave", "given")) for a in attributions(text)) is reports


def test_it_after_a_person_spoke_is_what_they_spoke_about() -> None:
    text = (
        "Lena Ortiz said Corvane is paying $20 million for the yard. It expects to close "
        "the deal in March."
    )
    expects = next(a for a in attributions(text) if a.cue == "expects")
    assert expects.speaker == "Corvane"


def test_another_s_report_joined_to_what_was_said_is_its_own() -> None:
    text = "Rowe said the call came at 11, and two clerks testified they heard shots."
    found = {(a.cue, content(text, a)) for a in attributions(text)}
    assert found == {("said", "the call came at 11"), ("testified", "they heard shots")}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ('"We deny that we broke any rule," said Ilse Brandt.', "denies"),
        ('The lawyer said: "I question whether the tribunal read the file."', "questions"),
        ('"We do not deny that mistakes were made," he said.', "asserts"),
    ],
)
def test_a_speaker_s_own_denial_in_what_they_said_denies(text: str, stance: str) -> None:
    assert only(text).stance == stance


def test_a_name_the_parse_hangs_on_a_description_stays_in_the_speaker() -> None:
    text = (
        "Former star running back Dane Okafor and other players have alleged that the "
        "coaches paid them."
    )
    assert "Dane Okafor" in (only(text).speaker or "")


def test_a_cue_after_a_quoted_phrase_reports_the_sentence_it_stands_in() -> None:
    text = (
        'While some riders keep two tickets, and "we thank you for that," Osei said, most '
        "buy one pass for the whole week."
    )
    att = only(text)
    assert att.speaker == "Osei" and content(text, att).endswith("for the whole week")


def test_a_quotation_before_its_cue_stays_the_quotation() -> None:
    text = '"Only one person has died so far," he said, ruling out reports of more deaths.'
    said = next(a for a in attributions(text) if a.cue == "said")
    assert said.direct and content(text, said) == "Only one person has died so far"


def test_a_contracted_has_before_the_cue_is_no_passive() -> None:
    # "He's said he plans ..." is "he has said"; "He's said to be ..." is a passive
    text = "Nils Berg runs the yard. He's also said he plans to build three more ships."
    att = next(a for a in attributions(text) if a.cue == "said")
    assert (att.speaker, att.stance) == ("He", "asserts")
    assert content(text, att) == "he plans to build three more ships"
    hearsay = only("He's said to be planning a sale of the yard.")
    assert hearsay.speaker is None and hearsay.stance == "hedges"


def test_a_source_named_after_its_report_the_parse_took_for_an_object() -> None:
    text = (
        "Corvane, the second largest shipbuilder behind Halvard, plans to split its yards "
        "from its repair business, reported The Harbour Gazette on Sunday."
    )
    att = only(text)
    assert att.speaker == "The Harbour Gazette"
    assert content(text, att).startswith("Corvane") and content(text, att).endswith("business")
    # a verb sharing the subject, not a cue set after what it reports
    text = "The yard cut 500 jobs, reported record profits and raised its dividend."
    assert all(a.speaker != "record profits" for a in attributions(text))
    text = "Corvane cut 500 jobs, announced Project Tern on Monday."
    assert all("Tern" not in (a.speaker or "") for a in attributions(text))


@pytest.mark.parametrize(
    "text",
    [
        "According to local custom, the mayor becomes godfather to every seventh son.",
        "According to legend, the well never runs dry.",
        "The launch went according to plan on Monday.",
    ],
)
def test_according_to_a_custom_or_a_plan_names_no_source(text: str) -> None:
    assert attributions(text) == []


@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("Okafor was denied parole for the third time in April.", False),
        ("The judge denied bail to both men.", False),
        ("The court denied the motion to dismiss the case.", False),
        ("Okafor denied the allegations.", True),
        ("The ministry denied any involvement in the attack.", True),
    ],
)
def test_a_refused_request_is_no_denial(text: str, denial: bool) -> None:
    assert any(a.stance == "denies" for a in attributions(text)) is denial


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The union disputes the entire report.", "denies"),
        ("The reporter surmises that the deal had collapsed weeks earlier.", "hedges"),
    ],
)
def test_disputing_denies_and_surmising_hedges(text: str, stance: str) -> None:
    assert only(text).stance == stance


def test_a_report_from_a_place_is_not_the_place_speaking() -> None:
    text = "A report from Vellby last week said the deal was worth $5 billion."
    assert only(text).speaker == "A report from Vellby"
    text = "A report from Reuters last week said the deal was worth $5 billion."
    assert only(text).speaker == "Reuters"


def test_the_writer_s_relative_clause_after_a_cue_set_off_by_commas_is_not_said() -> None:
    text = (
        "Corvane will publish the yard's safety figures in March, Ortiz says, which has "
        "been a sore point with the unions for years."
    )
    att = only(text)
    assert content(text, att) == "Corvane will publish the yard's safety figures in March"


def test_continuing_reports_a_quotation_and_nothing_else() -> None:
    text = (
        'The union criticised the plan on Monday.\n\nMr Nash continued: "My partner '
        'looked for the mother to apologise, but did not see her."\n\n"We will keep '
        'fighting for the yard," Ortiz continued.'
    )
    found = [(a.speaker, a.cue, a.direct) for a in attributions(text)]
    assert ("Mr Nash", "continued", True) in found, found
    assert ("Ortiz", "continued", True) in found, found
    # the quotation after "continued:" is Mr Nash's, not carried on from the union
    assert not any(speaker == "The union" and direct for speaker, _, direct in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The group continued its campaign against the rule.",
        "Fighting continued in the north for a third day.",
        "He continued to push for the bill in the Senate.",
        "The company said it remains committed to its yards, and will continue to invest.",
    ],
)
def test_continuing_without_a_quotation_reports_nothing_of_its_own(text: str) -> None:
    assert all(a.cue != "continue" and a.cue != "continued" for a in attributions(text))


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("Environmental groups criticized the proposal.", False),
        ("The union criticised the new rota.", False),
        ("Critics criticized the mayor for the delay.", True),
        ("Greenpeace criticized the plan as illegal.", True),
        # an announcement states what it announces
        ("AMD announced its intention to buy the chip-maker for $5.4 billion.", True),
    ],
)
def test_criticising_a_thing_states_nothing(text: str, reports: bool) -> None:
    assert bool(attributions(text)) is reports


def test_a_place_after_a_comma_before_the_cue_is_where_the_speaker_lives() -> None:
    text = (
        "Colleen Marsh-Dunne of Heart\u2019s Desire, Newfoundland in Canada said her "
        "daughter brought the cat home thinking it was a sick stray."
    )
    assert only(text).speaker.startswith("Colleen Marsh-Dunne")


def test_according_to_inside_a_relative_clause_leaves_the_relative_word_out() -> None:
    text = "The boat, which according to the harbour master was built in 1962, sank."
    att = only(text)
    assert att.speaker == "the harbour master"
    assert content(text, att) == "was built in 1962"


@pytest.mark.parametrize(
    ("text", "stances"),
    [
        (
            "According to the Daily Post, a boy was suspended for telling a classmate "
            "that he could make him vanish.",
            ["asserts"],
        ),
        (
            "USA Today reports that the seat is open and Rep. Ann Lund says that she will "
            "likely run again.",
            ["asserts", "hedges"],
        ),
        ("The mayor said the bridge could reopen in May.", ["hedges"]),
        # the subject of the report inside is not what it reports, and nobody makes
        # an agentless "is believed" (the reports only pass the doctor's denial on)
        (
            "Reports said the doctor who reportedly took the photo has denied she ever took it.",
            ["denies"],
        ),
        ("Reports said the leader is believed dead or possibly wounded.", ["hedges"]),
    ],
)
def test_a_hedge_in_words_the_content_reports_is_theirs(text: str, stances: list[str]) -> None:
    assert [a.stance for a in attributions(text)] == stances


def test_a_publication_named_a_report_is_its_own_speaker() -> None:
    text = "The Lindqvist Report believes the company will sell the yards in March."
    assert only(text).speaker == "The Lindqvist Report"
    # a statement in lower case is the Kremlin's, not a body called so
    text = "The Kremlin's statement said the talks had been useful."
    assert "statement" not in only(text).speaker


def test_a_source_named_at_the_end_vouches_for_the_whole_sentence() -> None:
    text = (
        "Nothing in the rules requires that an agency skip the review, nor does it stop "
        "any agency from seeking advice, according to the minister."
    )
    att = only(text)
    assert att.speaker == "the minister"
    assert content(text, att).startswith("Nothing in the rules requires that")


def test_a_report_named_after_someone_s_belief_ends_their_words() -> None:
    text = "Police believe the ring was taken by a stray dog, according to the Courier."
    found = {a.speaker: (content(text, a), a.stance) for a in attributions(text)}
    assert found["Police"] == ("the ring was taken by a stray dog", "hedges"), found
    # the paper vouches that the police believe it: a belief is no statement of the
    # police's that it only passes on
    assert found["the Courier"][0].startswith("Police believe"), found


def test_a_source_named_at_the_end_keeps_the_reports_and_clauses_before_it_apart() -> None:
    text = (
        "Chinese officials want a deal. They fear that the talks may fail, according to "
        "people familiar with their thinking."
    )
    found = {a.cue: (a.speaker, content(text, a)) for a in attributions(text)}
    # the report the source vouches for stays the officials' own
    assert found["fear"][1] == "the talks may fail", found
    assert found["according to"][1].startswith("They fear that"), found
    text = (
        "It is unclear whether the film will be made \u2014 both actors were said to have "
        "had contract disputes, according to the Harbour Reporter."
    )
    att = next(a for a in attributions(text) if a.cue == "according to")
    assert content(text, att).startswith("both actors"), content(text, att)
    # dashes in a pair set off an aside, and a fragment after one goes on with the clause
    for text, opening in (
        (
            "Corvane \u2014 the owner of the two yards \u2014 is in talks to sell them, "
            "according to the Harbour Reporter.",
            "Corvane",
        ),
        ("Eggs are bad for you \u2014 as bad as cigarettes, according to a new study.", "Eggs"),
    ):
        att = next(a for a in attributions(text) if a.cue == "according to")
        assert content(text, att).startswith(opening), content(text, att)


# --- reports passed on -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("His aide, Tom Wexley, says Mayor Dunn told a deacon she regrets the delay.",
         "Mayor Dunn", "she regrets the delay"),
        ("The aide said that Mayor Dunn told the crew she regrets the delay.",
         "Mayor Dunn", "she regrets the delay"),
        ("Police said the driver told officers he had been drinking.",
         "the driver", "he had been drinking"),
        ("Rask said the auditors concluded that the contract was void.",
         "the auditors", "the contract was void"),
    ],
)  # fmt: skip
def test_a_report_passed_on_is_its_inner_speaker_s_alone(
    text: str, speaker: str, said: str
) -> None:
    att = only(text)
    assert (att.speaker, content(text, att)) == (speaker, said)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Rask said the vote would show the world that the reform is working.",
         "the vote would show the world that the reform is working"),
        ("Rask said that according to his reading, the rules require a new survey.",
         "according to his reading, the rules require a new survey"),
        ("Rask said he believes the contract is void.", "he believes the contract is void"),
    ],
)  # fmt: skip
def test_a_cue_that_reports_nothing_of_its_own_stays_in_the_speaker_s_words(
    text: str, said: str
) -> None:
    att = only(text)
    assert (att.speaker, content(text, att)) == ("Rask", said)


@pytest.mark.parametrize(
    ("text", "outer"),
    [
        # that she told them is the site's claim
        ("A spoof website posted a story claiming Ada Lind told friends that the coach "
         "had cheated.", "a story"),
        # the letter's own words, in its own quotation
        ('"I told my brother, and he said I was wrong," said the diary.', "the diary"),
        # a denial of another's report is a position on it, not a channel
        ("The Red Cross on Friday denied Harbour Guard claims that there were armed men "
         "in the clinic raided on Thursday.", "The Red Cross"),
        # what information points out is the one who cites it's claim
        ("Karel Brun stated that the available information pointed out that the dam had "
         "been sabotaged.", "Karel Brun"),
    ],
)  # fmt: skip
def test_a_report_that_is_itself_claimed_quoted_or_shown_stays_the_teller_s(
    text: str, outer: str
) -> None:
    assert outer in {a.speaker for a in attributions(text)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She went on to say the deal was dead.", [("She", "the deal was dead")]),
        ("He continued to deny that he had lied.", [("He", "he had lied")]),
        (
            "The ruling prompted the unions to charge that the law was unfair.",
            [("the unions", "the law was unfair")],
        ),
        # a saying wished for, asked for or refused is none
        ("Aides wanted the senator to say the bill was dead.", []),
        ("He refused to confirm the report.", []),
    ],
)
def test_a_saying_gone_on_with_is_one_and_one_only_wanted_is_not(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(a.speaker, content(text, a)) for a in attributions(text)] == found


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        ("Officials suspect sabotage caused the outage, reports the Harbour Gazette.",
         "the Harbour Gazette", "Officials"),
        ("Ida Moss said her client thinks the verdict was rigged.",
         "Ida Moss", "her client"),
    ],
)  # fmt: skip
def test_what_someone_thinks_in_another_s_words_is_both_of_theirs(
    text: str, outer: str, inner: str
) -> None:
    # a state of mind ascribed is the teller's account of it, not words passed on
    speakers = {a.speaker for a in attributions(text)}
    assert {outer, inner} <= speakers, speakers


@pytest.mark.parametrize(
    "text",
    [
        "Rask said the bridge was closed and engineers believe it is unsafe.",
        # the parse may give the inner report a clause of the outer speaker's own
        "One of them told the judge he needed more time to study the site and the judge "
        "has given him a June deadline, the news agency said.",
        "A guard said the pair told staff that the boy had a knife — and a knife was "
        "found at the scene.",
        # what a thing shows is the one who names it's words
        "The fact that the firm is rushing out a fix so fast indicates the flaw is "
        "serious, said Ann Berg, an analyst.",
        "A first inquiry revealed that the cyclist had been riding without lights, police said.",
        # reports no one is named for hold nothing the speaker could pass on
        "According to various reports the singer left a note for the press, he said.",
    ],
)
def test_a_report_with_words_of_its_own_keeps_them(text: str) -> None:
    assert len(attributions(text)) == 2


# --- cues that state a position ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "stance", "said"),
    [
        ("Opposition groups vowed to continue the protests until spring.",
         "Opposition groups", "asserts", "continue the protests until spring"),
        ("The senator voiced support for the harbour plan.",
         "The senator", "asserts", "support for the harbour plan"),
        ("Both rivals have stressed support for the governor while touring the coast.",
         "Both rivals", "asserts", "support for the governor"),
        ("The mayor extolled the new tram as a triumph of local engineering.",
         "The mayor", "asserts", "the new tram as a triumph of local engineering"),
        ("Critics characterized the budget as reckless.",
         "Critics", "asserts", "the budget as reckless"),
        ("The coach hailed the draw as a fair result.",
         "The coach", "asserts", "the draw as a fair result"),
    ],
)  # fmt: skip
def test_a_vow_support_or_a_verdict_as_something_is_a_position(
    text: str, speaker: str, stance: str, said: str
) -> None:
    assert reading(text) == (speaker, stance, said)


@pytest.mark.parametrize(
    ("text", "speaker", "stance", "said"),
    [
        ("The vote, heralded by officials as a step toward openness, drew few voters.",
         "officials", "asserts", "The vote, heralded by officials as a step toward openness"),
        ("The levy, dismissed by farmers as a stunt, passed anyway.",
         "farmers", "denies", "The levy, dismissed by farmers as a stunt"),
    ],
)  # fmt: skip
def test_a_verdict_by_someone_after_a_noun_is_theirs(
    text: str, speaker: str, stance: str, said: str
) -> None:
    assert reading(text) == (speaker, stance, said)


@pytest.mark.parametrize(
    ("text", "speaker", "stance", "said"),
    [
        ("A grand jury indicted Carla Voss on charges that she stole from the charity.",
         "A grand jury", "asserts", "she stole from the charity"),
        ("A nurse was indicted by a federal grand jury on charges she stole from the clinic.",
         "a federal grand jury", "asserts", "she stole from the clinic"),
        ("Marsh was indicted last year on charges he kept most of the grant.",
         None, "hedges", "he kept most of the grant"),
    ],
)  # fmt: skip
def test_charges_that_someone_did_something_are_the_charging_body_s(
    text: str, speaker: str | None, stance: str, said: str
) -> None:
    assert reading(text) == (speaker, stance, said)


@pytest.mark.parametrize(
    "text",
    [
        "She vowed revenge.",
        "The coach voiced his frustration after the game.",
        "The actor voiced a talking fox in the film.",
        "He stressed the importance of the night shift.",
        "The crowd hailed a taxi outside the hall.",
        "The film portrays the king in his last years.",
        "The team claimed the top prize at the fair.",
        "He was jailed on charges that were later dropped.",
        "Marsh was arrested on charges of theft.",
    ],
)
def test_a_vow_a_voice_or_a_charge_in_another_sense_is_no_position(text: str) -> None:
    assert attributions(text) == []
