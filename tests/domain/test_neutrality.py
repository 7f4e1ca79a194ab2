"""The neutrality linter on texts of our own: loaded words found, neutral uses left alone."""

from __future__ import annotations

import pytest

from backchannel.domain.neutrality import (
    ATTRIBUTED,
    LOADED,
    PLACE,
    SOURCES,
    ContestedPlace,
    LoadedTerm,
    NeutralityLinter,
    PlaceName,
    TermKind,
    inflections,
    lint_text,
)
from backchannel.evidence.lexicon import shipped_lexicon

PLACES = (
    ContestedPlace(
        (
            PlaceName("Velmar", "Velmar Authority and host communities"),
            PlaceName("Welmar", "Government of Sarnland"),
        )
    ),
    ContestedPlace(
        (
            PlaceName("Dorran crossing", "neutral"),
            PlaceName("Dorran checkpoint", "Government of Sarnland"),
            PlaceName("Dorran gate", "Velmar Authority"),
        )
    ),
    ContestedPlace(
        (
            PlaceName("Upper Sarn", "Government of Sarnland"),
            PlaceName("Sarn Heights", "Velmar Authority"),
        )
    ),
)


@pytest.fixture(scope="module")
def linter() -> NeutralityLinter:
    return NeutralityLinter(shipped_lexicon(), PLACES)


def flagged(linter: NeutralityLinter, text: str, kind: str = LOADED) -> list[str]:
    return [f.text for f in linter.lint(text) if f.kind == kind]


LOADED_TEXTS = [
    ("The regime shelled the market again on Tuesday.", ["regime"]),
    ("Terrorists from the east ambushed the convoy near the bridge.", ["Terrorists"]),
    ("The liberation of Halvik by our heroic forces was celebrated.", ["liberation", "heroic"]),
    ("Government troops massacred villagers in the valley.", ["massacred"]),
    ("The junta's soldiers closed the road.", ["junta's"]),
    ("The occupiers must leave the town before winter.", ["occupiers"]),
    ("Freedom fighters defended the hills for a week.", ["Freedom fighters"]),
    ("Bandits attacked the market at dawn.", ["Bandits"]),
    ("The so-called authority issued new permits.", ["so-called"]),
    ("Talks with the puppet government in the east stalled.", ["puppet government"]),
    ("The martyrs of the uprising are buried on the hill.", ["martyrs"]),
    (
        "Witnesses describe ethnic cleansing in the northern villages; it was genocide.",
        ["genocide"],
    ),  # "describe" attributes the first, the second is stated as fact
    ("War criminals sit in the regional council.", ["War criminals"]),
    ("The aggressor state refuses any inspection.", ["aggressor"]),
    ("Officials of the self-proclaimed republic met the delegation.", ["self-proclaimed"]),
    ("The illegal occupation of the valley has lasted ten years.", ["illegal occupation"]),
    ("The enemy shelled the hospital twice.", ["enemy"]),
    ("Separatist fighters took the airport.", ["Separatist"]),
    ("Jihadists control the southern road.", ["Jihadists"]),
    ("Thugs loyal to the mayor beat the drivers.", ["Thugs"]),
    ("Extremists burned the clinic.", ["Extremists"]),
    ("The dictator's army crossed the river.", ["dictator's"]),
    ("Infiltrators crossed the line at night.", ["Infiltrators"]),
    ("They called for the villages to be liberated before spring.", ["liberated"]),
    ("The invaders destroyed the bridge.", ["invaders"]),
    ("Aid cannot reach the occupied territories.", ["occupied territories"]),
    ("Prices doubled in occupied Halvik.", ["occupied"]),
    ("Crimes against humanity were committed in the camps.", ["Crimes against humanity"]),
    ("War crimes were committed by both sides in 2025.", ["War crimes"]),
    ("The atrocities of the militia are well known.", ["atrocities"]),
    ("A glorious victory for the people.", ["glorious"]),
    ("Pro-regime militias manned the checkpoint.", ["Pro-regime"]),
    ("Regime forces withdrew from the ridge.", ["Regime forces"]),
    ("A terror attack hit the bus station.", ["terror attack"]),
    ("The narco-terrorists run the port.", ["narco-terrorists"]),
    ("The warlord's men collect a fee at every crossing.", ["warlord's"]),
    (
        "Both sides accuse each other of provocations; the unprovoked attack killed four.",
        ["unprovoked"],
    ),
    ("The mercenaries guarding the mine are paid in gold.", ["mercenaries"]),
    ("The traitors who signed the deal were arrested.", ["traitors"]),
    ("The \u2018liberation\u2019 of the town came at a price.", ["liberation"]),  # unattributed
    ('The "liberation" of the town came at a price.', ["liberation"]),
    ("Human shields were placed near the depot.", ["Human shields"]),
    ("Collective punishment of the villages must end.", ["Collective punishment"]),
    ("The butchered bodies were found in the ravine.", ["butchered"]),
    ("A campaign of indiscriminate shelling continued.", ["indiscriminate shelling"]),
    ("The militia's leaders are vermin.", ["vermin"]),
    ("This is an act of terrorism against our people.", ["terrorism"]),
    ("The counter-terrorism operation in the north continues.", ["counter-terrorism operation"]),
    ("LIBERATION of the capital is near, the broadcast said nothing else.", ["LIBERATION"]),
    ("Murdered civilians lay in the square.", ["Murdered"]),
    ("The heroes of the siege were honoured.", ["heroes"]),
    ("The breakaway region held a vote.", ["breakaway region"]),
]

NEUTRAL_TEXTS = [
    "The visa regime for aid workers was relaxed in March; the sanctions regime still "
    "requires licences for fuel.",
    "The authorities keep a strict permit regime at the checkpoints.",
    "A regime of daily inspections was agreed for the convoys.",
    "The tax regime and the customs regime changed in 2024.",
    "Terrorised civilians fled towards the coast.",
    "Protesters gathered in Liberation Square on Friday.",
    "The National Liberation Front and the government signed the protocol.",
    "Crowds filled Martyrs' Square after the announcement.",
    "Antimicrobial resistance is rising in the camps.",
    "Counter-terrorism legislation can restrict humanitarian operations.",
    "Donors asked for exemptions from counter terrorism laws.",
    "Banks cite rules on terrorist financing when they block transfers.",
    "Under the Genocide Convention, States must prevent and punish genocide.",
    "Starvation of civilians as a method of warfare is prohibited and may amount to a war crime.",
    "Intentionally attacking relief convoys is a war crime under the Rome Statute.",
    "An inquiry will investigate whether crimes against humanity were committed.",
    "The commission is investigating alleged war crimes in the district.",
    "Each side accused the other of war crimes.",
    "Most beds in the clinic were occupied by the end of the week.",
    "Displaced families occupied the school building in March.",
    "Livestock slaughter fell by half after the drought.",
    "An invasion of desert locusts destroyed the harvest.",
    "Patriot missile batteries were moved north.",
    "Human rights defenders were detained in the capital.",
    "Supplies of heroin and other drugs on the route are a police matter.",
    "The government calls the operation a \u201ccounter-terrorism operation\u201d; the "
    "authority calls it \u201caggression\u201d.",
    "Government of Sarnland: \u201ccounter-terrorism operation\u201d",
    "Officials said 'terrorists' had attacked the post.",
    "Statements by the authority describe the takeover as \u201cliberation\u201d.",
    "Local media called the fighters heroes.",
    "The ministry labelled the group terrorists in 2023.",
    "The group was designated a terrorist organisation by the council in 2019.",
    "The Freedom Fighters Stadium hosted the food distribution.",
    "The Liberation Tigers of Tamil Eelam were a party to that conflict.",
    "Violent extremism prevention programmes were cut.",
    "Both parties agreed a humanitarian pause of 72 hours at the crossing.",
    "The ceasefire monitoring mission recorded 14 violations in May.",
    "Aggressive driving caused most accidents on the corridor road.",
    "Invasive species threaten the wetland.",
    "Occupational health services reopened in the district.",
    "The government and the armed group exchanged lists of detainees.",
    "Common Article 3 prohibits murder of all kinds and the taking of hostages.",
    "The hostages were released after two days.",
    "The Kampala amendments brought the crime of aggression under the Court's jurisdiction.",
    "Since the 2023 coup, the military government has restricted movement along the corridor. "
    "UN agencies report that checkpoints on both sides delayed 40 convoys in October.",
    "Several armed groups operate in the area, including the Popular Defence Forces and "
    "local militias; insurgents and government forces clashed near the border.",
    "The de facto authorities in the north announced new registration rules for NGOs.",
    "Table 2. Health facilities open.\nSource: Ministry of Health of Sarnland\n\n"
    "Table 3. Convoys by month.\nSource: UN OCHA access monitoring",
    "Both sides called on donors to fund the water network; each called for calm.",
    "The enemy of my enemy is a proverb, not a policy.",  # a quoted saying is still loaded
]


class TestLoadedTerms:
    """Loaded words are found as whole words, in any case and inflection."""

    @pytest.mark.parametrize(("text", "expected"), LOADED_TEXTS)
    def test_loaded_texts(self, linter: NeutralityLinter, text: str, expected: list[str]) -> None:
        assert expected == flagged(linter, text)

    def test_offsets_are_string_indices(self, linter: NeutralityLinter) -> None:
        text = "Über die Lage: the regime\u2019s forces fired."
        found = linter.lint(text)
        assert ["regime\u2019s forces"] == [text[f.start : f.end] for f in found]

    def test_suggestion_names_the_kind_and_an_alternative(self, linter: NeutralityLinter) -> None:
        (finding,) = linter.lint("The regime refused.")
        assert finding.suggestion.startswith("Delegitimising term.")
        assert "the government" in finding.suggestion

    def test_not_inside_a_longer_word(self, linter: NeutralityLinter) -> None:
        assert [] == flagged(linter, "Heroin, regimented days, terrorised towns, enemyless.")

    def test_a_term_across_a_line_break(self, linter: NeutralityLinter) -> None:
        assert ["war\ncrimes"] == flagged(linter, "They committed war\ncrimes in the town.")


ATTRIBUTED_TEXTS = [
    ("Each side accused the other of war crimes.", ["war crimes"]),
    ("Officials said 'terrorists' had attacked the post.", ["terrorists"]),
    (
        "Statements by the authority describe the takeover as \u201cliberation\u201d.",
        ["liberation"],
    ),
    ("Local media called the fighters heroes.", ["heroes"]),
    ("The ministry labelled the group terrorists in 2023.", ["terrorists"]),
    ("Others call them freedom fighters.", ["freedom fighters"]),
]


class TestNeutralTexts:
    """Neutral uses of the same words block nothing: most give no finding at all, and a
    loaded word in someone else's mouth is a note of its own kind."""

    @pytest.mark.parametrize("text", NEUTRAL_TEXTS[:-1])
    def test_neutral_texts(self, linter: NeutralityLinter, text: str) -> None:
        assert [] == [f.text for f in linter.lint(text) if f.blocks]

    @pytest.mark.parametrize(("text", "expected"), ATTRIBUTED_TEXTS)
    def test_attributed_uses_are_notes(
        self, linter: NeutralityLinter, text: str, expected: list[str]
    ) -> None:
        found = linter.lint(text)
        assert expected == [f.text for f in found if f.kind == ATTRIBUTED]
        assert not any(f.blocks for f in found)
        assert "note, not a block" in found[0].suggestion

    def test_a_saying_with_a_loaded_word_is_still_reported(self, linter: NeutralityLinter) -> None:
        assert ["enemy", "enemy"] == flagged(linter, NEUTRAL_TEXTS[-1])

    def test_a_long_neutral_brief(self, linter: NeutralityLinter) -> None:
        text = (
            "Humanitarian access in the corridor\n\n"
            "Since January, the Government of Sarnland and the Velmar Authority have each "
            "allowed convoys to cross on some days and not on others. The Dorran crossing "
            "closed on 15 November after a ferry was hit; each side holds the other "
            "responsible. The government describes its operations as a \u201ccounter-terrorism "
            "operation\u201d; the authority describes them as \u201caggression\u201d.\n\n"
            "Rule 55 of customary international humanitarian law requires the parties to "
            "allow and facilitate rapid and unimpeded passage of impartial relief, subject to "
            "their right of control. Deliberately impeding relief may amount to a war crime.\n\n"
            "Sources\n"
            "- UN OCHA access snapshot, November 2026\n"
            "- Government of Sarnland, Access Committee statements\n"
            "- Velmar Authority liaison office statements\n"
        )
        assert [] == [f for f in linter.lint(text) if f.blocks]


class TestContestedPlaces:
    """A contested place needs its other names on first mention."""

    def test_both_names_on_first_mention(self, linter: NeutralityLinter) -> None:
        text = "Aid reached Velmar (Welmar) on Monday. Later, Velmar received more."
        assert [] == linter.lint(text)

    def test_one_name_alone(self, linter: NeutralityLinter) -> None:
        (finding,) = linter.lint("Aid reached Velmar on Monday, then Welmar on Friday.")
        assert (PLACE, "Velmar", 12, 18) == (finding.kind, finding.text, finding.start, finding.end)
        assert "'Velmar (Welmar)'" in finding.suggestion

    def test_the_other_partys_form_alone(self, linter: NeutralityLinter) -> None:
        (finding,) = linter.lint("The delegation flew to Welmar.")
        assert "'Welmar (Velmar)'" in finding.suggestion

    def test_only_the_first_mention_counts(self, linter: NeutralityLinter) -> None:
        assert [] == flagged(linter, "Welmar or Velmar: in Velmar, then Velmar again.", PLACE)

    def test_an_organisation_named_after_a_place_is_not_a_mention(
        self, linter: NeutralityLinter
    ) -> None:
        assert [] == linter.lint("The Velmar Authority issued a statement.")

    def test_a_neutral_name_needs_nothing(self, linter: NeutralityLinter) -> None:
        assert [] == linter.lint("Convoys used the Dorran crossing twice in May.")

    def test_a_partisan_form_suggests_the_neutral_name(self, linter: NeutralityLinter) -> None:
        (finding,) = linter.lint("Convoys waited at the Dorran checkpoint.")
        assert "neutral name 'Dorran crossing'" in finding.suggestion

    def test_multi_word_names(self, linter: NeutralityLinter) -> None:
        assert ["Sarn Heights"] == flagged(linter, "Snow closed the road to Sarn Heights.", PLACE)
        assert [] == linter.lint("Snow closed the road to Sarn Heights (Upper Sarn).")

    def test_an_international_name_is_neutral(self) -> None:
        places = [
            ContestedPlace((PlaceName("Kyiv", "international usage"), PlaceName("Kiev", "B")))
        ]
        assert [] == lint_text("Talks in Kyiv.", (), places)
        assert ["Kiev"] == [f.text for f in lint_text("Talks in Kiev.", (), places)]

    def test_lower_case_is_not_the_place(self) -> None:
        places = [ContestedPlace((PlaceName("Turkey", "A"), PlaceName("T\u00fcrkiye", "B")))]
        assert [] == lint_text("Prices of turkey rose.", (), places)


class TestSources:
    """A source list needs a neutral source and more than one party."""

    def test_one_party_only(self, linter: NeutralityLinter) -> None:
        text = (
            "Shelling continued.\n\nSources\n- Ministry of Defence of Sarnland\n"
            "- Sarnland state television\n"
        )
        (finding,) = linter.lint(text)
        assert (SOURCES, "Sources") == (finding.kind, text[finding.start : finding.end])
        assert "one party" in finding.suggestion

    def test_two_parties_no_neutral_source(self, linter: NeutralityLinter) -> None:
        text = "Sources: Velmar Authority statements; Government of Sarnland statements"
        (finding,) = linter.lint(text)
        assert ("Sources:", "no source is from a neutral body") == (
            finding.text,
            finding.suggestion.split(". ")[0].removeprefix("Source balance: "),
        )

    def test_a_neutral_source_balances(self, linter: NeutralityLinter) -> None:
        text = "## References\n1. ICRC report on the corridor\n2. Ministry of Health data\n"
        assert [] == linter.lint(text)

    def test_stated_origins(self, linter: NeutralityLinter) -> None:
        text = (
            "6 Sources\n- Corridor monitoring log \u2014 neutral body\n"
            "- Liaison statements \u2014 Velmar Authority (party)\n"
        )
        assert [] == linter.lint(text)

    def test_unknown_origins_are_not_neutral(self, linter: NeutralityLinter) -> None:
        assert [SOURCES] == [f.kind for f in linter.lint("Sources:\n- Field interviews\n")]

    def test_academic_references_are_neutral(self, linter: NeutralityLinter) -> None:
        text = (
            "References\n- Zartman, I. W. (2000). Ripeness: the hurting stalemate and beyond.\n"
            "- Ministry of Interior, annual report\n"
        )
        assert [] == linter.lint(text)

    def test_the_word_sources_in_a_sentence_is_not_a_list(self, linter: NeutralityLinter) -> None:
        assert [] == linter.lint("Sources close to the ministry say the road will open.")


class TestContext:
    """Attribution reaches only as far as its clause; a demand is not a label."""

    def test_a_semicolon_ends_the_attribution(self, linter: NeutralityLinter) -> None:
        text = "The ministry calls them terrorists; the bandits took the road."
        assert ["bandits"] == flagged(linter, text)

    def test_called_for_is_not_a_label(self, linter: NeutralityLinter) -> None:
        assert ["liberated"] == flagged(linter, "Leaders called for the town to be liberated.")

    def test_sources_count_across_captions(self, linter: NeutralityLinter) -> None:
        text = "Source: Ministry of Health\n\nSource: Ministry of Interior\n"
        (finding,) = linter.lint(text)
        assert (SOURCES, 0) == (finding.kind, finding.start)


class TestLexiconRules:
    """The rules work on any lexicon passed in as data."""

    def test_inflections(self) -> None:
        assert {"massacre", "massacres", "massacred", "massacring"} <= inflections("massacre")
        assert {"enemy", "enemies"} <= inflections("enemy")
        assert {"hero", "heroes"} <= inflections("hero")
        assert {"organisation", "organization"} <= inflections("organisation")

    def test_context_columns(self) -> None:
        lexicon = [
            LoadedTerm(
                "bandit", TermKind.DELEGITIMISATION, "armed men", not_after=frozenset({"one-armed"})
            ),
            LoadedTerm(
                "occupied", TermKind.CONTESTED_LEGAL, "held", only_before=frozenset({"<name>"})
            ),
        ]
        text = "The one-armed bandit paid out. Bandits robbed occupied Kerem, not occupied homes."
        assert ["Bandits", "occupied"] == [f.text for f in lint_text(text, lexicon)]

    def test_a_dialogue_term(self) -> None:
        lexicon = [LoadedTerm("rebel scum", TermKind.DELEGITIMISATION, "the armed group")]
        assert ["Rebel  scum"] == [f.text for f in lint_text("Rebel  scum fled.", lexicon)]

    def test_findings_are_sorted_and_never_overlap(self, linter: NeutralityLinter) -> None:
        found = linter.lint("The illegal occupation forces and the regime's enemy.")
        starts = [f.start for f in found]
        assert sorted(starts) == starts
        assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
