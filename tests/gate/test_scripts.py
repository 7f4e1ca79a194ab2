"""The gate across scripts and languages: a roster typed in Latin, notes in the room's own.

Names here are invented for these tests; none is in the evaluation sets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from backchannel.domain.people import Candidate, Category
from backchannel.gate import Gate, romkey
from backchannel.gate.lang import ar
from backchannel.gate.lang.detect import paragraphs
from backchannel.gate.scripts import script_of


def person(
    pid: str,
    name: str,
    aliases: tuple[str, ...] = (),
    affiliation: str = "",
    title: str = "",
    category: Category = Category.COMMUNITY_VOICE,
) -> Candidate:
    return Candidate(
        id=pid,
        name=name,
        aliases=aliases,
        party="A",
        category=category,
        gender="M",
        affiliation=affiliation,
        title=title,
    )


ROSTER = [
    person("m1", "Mahir al-Shammari", ("Abu Omar",), "Ramadi Tribal Council", "clan elder"),
    person("s1", "Salam Hijazi"),
    person("q1", "Sabah Qasim"),
    person("w1", "Abdulkarim al-Dulaimi"),
    person("y1", "Yaroslav Voronin", (), "Pskov Fishing Artel", "retired police colonel"),
    person("t1", "Tamara Lisitsyna"),
    person("d1", "Dmytro Hnatyshyn"),
    person("g1", "Tamar Beridze", ("თამრიკო",)),
    person("k1", "Karen Avetisyan"),
    person("n1", "Nikos Papadakis"),
    person("x1", "Sergei Shcherbina"),
    person("z1", "Ghanim Qudsi"),
    person("f1", "Ahmet Yılmazer"),
    person("e1", "Élodie Carpentier", (), "", "former deputy police director"),
    person("h1", "Ramiro Etxeberria", (), "", "former guerrilla commander"),
    person("r1", "Ludmila Oreshkina", (), "", "grain market analyst"),
]


@pytest.fixture(scope="module")
def gate() -> Gate:
    return Gate(ROSTER)


def found(gate: Gate, text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.participant) for f in gate.scan(text)]


class TestArabicScript:
    """Consonant skeletons, the article, proclitics, kunyas and ordinary words."""

    def test_full_name_and_clitics_and_kunya_cases(self, gate: Gate) -> None:
        text = (
            "وقال ماهر الشمري إن الطريق مغلق منذ أسبوع، ثم أضاف أبو عمر أن الشيوخ مستعدون. "
            "وللشمري رأي آخر في الموضوع، وقد شكر الحاضرون لأبي عمر صبره، وقالوا إن أبا عمر "
            "معروف في المنطقة."
        )
        assert [
            ("ماهر الشمري", "m1"),
            ("أبو عمر", "m1"),
            ("وللشمري", "m1"),
            ("لأبي عمر", "m1"),
            ("أبا عمر", "m1"),
        ] == found(gate, text)

    def test_abd_compound_joined_or_not(self, gate: Gate) -> None:
        text = "تحدث عبد الكريم الدليمي أولاً، ثم وافق عبدالكريم على المقترح."
        assert [("عبد الكريم الدليمي", "w1"), ("عبدالكريم", "w1")] == found(gate, text)

    def test_ordinary_words_equal_to_names_are_not_flagged(self, gate: Gate) -> None:
        text = "مسار السلام طويل، والجلسة صباح الخميس. وقال سلام حجازي إن الوقت ضيق."
        assert [("سلام حجازي", "s1")] == found(gate, text)

    def test_an_ordinary_noun_is_not_a_transliterated_given_name(self) -> None:
        """منصة (platform) has the skeleton of Minseo; alone it is the noun."""
        kwon = Gate([person("k2", "Kwon Min-seo", ("Minseo Kwon",))])
        assert [] == found(kwon, "الإيصال محفوظ لدى المنصة وعلى منصة الأمانة.")
        assert [("كوون", "k2")] == found(kwon, "وقال كوون إن الإيصال محفوظ.")

    def test_ordinary_word_next_to_a_verb_of_speech_is_a_name(self, gate: Gate) -> None:
        assert [("صباح", "q1")] == found(gate, "وأضافت صباح أن المدارس مغلقة.")

    def test_persian_letters_and_ta_marbuta_fold(self) -> None:
        assert ar.skeleton(ar.normalize("قدسی")) == ar.skeleton(ar.normalize("قدسي"))
        assert ar.skeleton(ar.normalize("فاطمة")) == ar.skeleton(ar.normalize("فاطمه"))
        assert "Ktb" in ar.latin_skeletons("qutaiba") & ar.latin_skeletons("gutaiba")


class TestCyrillicAndOtherScripts:
    """Transliteration by ICU, case endings, patronymics and namesakes."""

    def test_case_endings_and_patronymic(self, gate: Gate) -> None:
        text = (
            "Ярослав Петрович не согласился с предложением. С Лисицыной долго спорили, "
            "а Ворониным остались недовольны."
        )
        assert [
            ("Ярослав Петрович", "y1"),
            ("Лисицыной", "t1"),
            ("Ворониным", "y1"),
        ] == found(gate, text)

    def test_namesake_and_place_are_not_the_participant(self, gate: Gate) -> None:
        text = (
            "Сергей Воронин, депутат из Москвы, в переговорах не участвует. В Воронине нет моста."
        )
        assert [] == found(gate, text)

    def test_russian_and_ukrainian_spellings_of_one_name(self, gate: Gate) -> None:
        text = "Дмитрий Гнатышин и Дмитро Гнатишин — один и тот же человек."
        assert [("Дмитрий Гнатышин", "d1"), ("Дмитро Гнатишин", "d1")] == found(gate, text)

    def test_lower_case_word_is_not_a_name(self, gate: Gate) -> None:
        assert [] == found(gate, "все говорили о тамаре и о вороне")

    @pytest.mark.parametrize(
        "text, who",
        [
            ("თამარ ბერიძე", "g1"),
            ("Կարեն Ավետիսյան", "k1"),
            ("Νίκος Παπαδάκης", "n1"),
        ],
    )
    def test_georgian_armenian_greek(self, gate: Gate, text: str, who: str) -> None:
        assert [(text, who)] == found(gate, f"Session notes: {text} spoke first.")

    def test_native_alias_without_capitals_is_matched_exactly(self, gate: Gate) -> None:
        assert [("თამრიკო", "g1")] == found(gate, "შეხვედრა გახსნა თამრიკომ? No: თამრიკო.")[-1:]


class TestOtherRomanisations:
    def test_german_french_and_q_g_k(self, gate: Gate) -> None:
        text = (
            "The Graz memo cites Sergej Schtscherbina, the French one Serguei Chtcherbina; "
            "Gulf papers write Ganim Gudsi."
        )
        assert [
            ("Sergej Schtscherbina", "x1"),
            ("Serguei Chtcherbina", "x1"),
            ("Ganim Gudsi", "z1"),
        ] == found(gate, text)

    def test_turkish_suffix_after_apostrophe(self, gate: Gate) -> None:
        assert ["Yılmazer"] == [t for t, _ in found(gate, "Yılmazer'in önerisi kabul edildi.")]

    def test_short_keys_and_nisba_places_are_not_romanisations(self) -> None:
        gate = Gate([person("c1", "Tariq al-Mansouri"), person("c2", "Mahmud al-Durrani")])
        text = "The Track 2 meeting in Africa; the ferry at Dorran; Tarek al-Mansuri spoke."
        assert [("Tarek al-Mansuri", "c1")] == found(gate, text)

    def test_romanisation_keys(self) -> None:
        assert romkey.keys("Khodjaeva") & romkey.keys("Chodschajewa")
        assert romkey.keys("Yeltsin") & romkey.keys("Jelzin") & romkey.keys("Eltsine")
        assert not romkey.keys("Khokhlova") & romkey.keys("Khokhloma")


class TestTitlesInTheNotesLanguage:
    def test_french_and_spanish_titles(self, gate: Gate) -> None:
        fr = "L'ancien directeur adjoint de la police a pris la parole le premier."
        es = "El excomandante guerrillero pidió garantías jurídicas para los suyos."
        assert [("L'ancien directeur adjoint de la police", "e1")] == found(gate, fr)
        assert [("El excomandante guerrillero", "h1")] == found(gate, es)

    def test_russian_title_and_arabic_affiliation(self, gate: Gate) -> None:
        ru = "Полковник полиции в отставке предложил свой план."
        arabic = "وقال ممثل مجلس عشائر الرمادي إن الطريق آمن."
        assert [("Полковник полиции в отставке", "y1")] == found(gate, ru)
        assert [("مجلس عشائر الرمادي", "m1")] == found(gate, arabic)

    def test_a_title_the_lexicon_cannot_say_is_reported_unchecked(self, gate: Gate) -> None:
        unchecked = gate.unchecked("Аналитик зернового рынка выступил.\n")
        assert [("r1", "title", "ru", ("grain", "market"))] == [
            (u.participant, u.field, u.language, u.words) for u in unchecked
        ]
        assert [] == gate.unchecked("Only English here.")

    def test_a_language_with_no_lexicon_leaves_every_title_unchecked(self, gate: Gate) -> None:
        persian = "جلسه با حضور نمایندگان برگزار شد و پیشنهادها بررسی گردید.\n"
        unchecked = gate.unchecked(persian)
        assert unchecked and {("fa", ())} == {(u.language, u.words) for u in unchecked}
        assert {"title", "affiliation"} == {u.field for u in unchecked}


class TestLanguageAndRedaction:
    def test_paragraph_languages(self) -> None:
        text = (
            "Le convoi attend au pont.\n\n"
            "El consejo local pidió garantías para los convoyes.\n\nСовет просит."
        )
        assert ["fr", "es", "ru"] == [p.language for p in paragraphs(text)]
        assert "Arabic" == script_of("قال إن")

    def test_arabic_redaction_is_whole_words_in_arabic(self, gate: Gate) -> None:
        text = "قال ماهر الشمري إن الطريق مغلق، وللشمري رأي آخر."
        clean = gate.redact(text)
        assert "قال أحد المشاركين إن الطريق مغلق، أحد المشاركين رأي آخر." == clean
        assert not any(0x200E <= ord(c) <= 0x200F or 0x202A <= ord(c) <= 0x202E for c in clean)
        assert [] == gate.scan(clean)


def test_scan_json_reports_script_and_language(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "id,name,aliases,party,category,gender,affiliation,title\n"
        "p1,Tamara Lisitsyna,,A,community_voice,F,,\n",
        encoding="utf-8",
    )
    notes = tmp_path / "notes.txt"
    notes.write_text("Позицию Лисицыной поддержали не все.\n", encoding="utf-8")
    exe = Path(sys.executable).with_name("backchannel")
    run = subprocess.run(
        [str(exe), "gate", "scan", str(notes), "--roster", str(roster), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 1 == run.returncode, run.stderr
    (finding,) = json.loads(run.stdout)["findings"]
    assert ("Лисицыной", "Cyrillic", "ru") == (
        finding["text"],
        finding["script"],
        finding["language"],
    )


def test_invisible_characters_do_not_hide_a_name(gate: Gate) -> None:
    """A soft hyphen, a joiner or a bidi isolate pasted inside a name prints nothing: the
    name is found, its offsets point into the text as given, and redaction removes it."""
    for text in ("Sa\u2068lam Hij\u2069azi said no.", "Sa\u200blam Hija\u00adzi said no."):
        (finding,) = gate.scan(text)
        assert ("s1", text[finding.start : finding.end]) == (finding.participant, finding.text)
        assert "Hij" not in gate.redact(text)


def test_function_words_are_never_names() -> None:
    """«Через», «Кто что», «Шаги по», «إلى», «السابقة» sound like transliterated names."""
    roster = [
        person("h1", "Abdikarim Yusuf Hirsi"),
        person("k1", "Aung Kyaw Htet"),
        person("n1", "José Manuel Núñez Peña", ("Jose Nunez Pena",)),
        person("a1", "Saida Hamadu Ali"),
        person("b1", "Rania Sabbagh"),
    ]
    gate = Gate(roster)
    text = "Через кого? Кто что делает. Шаги по ремонту. تسليم القائمة إلى الأمانة السابقة."
    assert [] == found(gate, text)
    assert [("Хирси", "h1")] == found(gate, "Вопрос задал Хирси.")
