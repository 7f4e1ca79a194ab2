"""What a seventh blind set taught the gate: titles and organisations as French, Spanish
and English rapporteurs write them back, and names joined by « y ».

Names and bodies here are invented for these tests; none is in the evaluation sets.
"""

from __future__ import annotations

import pytest

from backchannel.domain.people import Candidate, Category
from backchannel.gate import Gate


def person(pid: str, name: str, title: str = "", affiliation: str = "", **kw: str) -> Candidate:
    return Candidate(
        id=pid,
        name=name,
        aliases=tuple(a for a in kw.get("aliases", "").split(";") if a),
        party=kw.get("party", "A"),
        category=Category.TECHNICAL_EXPERT,
        gender=kw.get("gender", "M"),
        affiliation=affiliation,
        title=title,
    )


SAHEL = Gate(
    [
        person("s1", "Mahamadou Issoufou Kané", "Colonel, commandant du groupement de Tahoua"),
        person("s2", "Aïssata Boubacar Maïga", "Docteure vétérinaire, cheffe de poste",
               gender="F"),
        person("s3", "Ibrahim Sanda Moussa", "Secrétaire général du gouvernorat"),
        person("s4", "Mariam Traoré Cissé", "Avocate au barreau de Niamey", gender="F"),
        person("s5", "Oumarou Garba Sani", "Président de la chambre", aliases="El Hadj Oumarou"),
    ]
)  # fmt: skip
ANDES = Gate(
    [
        person("c1", "Sandra Milena Rojas Peña", "Investigadora principal",
               "Observatorio Andino de Fronteras (OAF)", gender="F"),
        person("c2", "Wilmer Albeiro Pérez Gélvez", "Defensor regional",
               "Defensoría del Pueblo – Regional Arauca"),
        person("c3", "Nelson Enrique Duarte Ríos", "Párroco",
               "Pastoral Social – Diócesis de Arauca"),
        person("c4", "Yaneth Cecilia Barrios", "Concejala",
               "Alcaldía de Saravena del Sarare", gender="F", aliases="Yane"),
    ]
)  # fmt: skip
LANAO = Gate(
    [
        person("m1", "Hamidullah Pangandaman Dimaporo", "Datu; elder of the clan"),
        person("m2", "Sittie Nor Macabando", "Punong Barangay (barangay chairwoman)",
               gender="F"),
        person("m3", "Rolando Cruz Evangelista", "Geodetic engineer, head of mapping"),
        person("m4", "Nikos Papadakis", "", '"Kallisto" Aegean Heritage Foundation'),
        person("m5", "Anna Kvaratskhelia", "", 'Association of Displaced Women "Nergebi"',
               gender="F"),
    ]
)  # fmt: skip


def spans(gate: Gate, text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.participant) for f in gate.scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le colonel a rappelé les incidents de Tillia.", ("Le colonel", "s1")),
        ("La vétérinaire propose un couloir sanitaire.", ("La vétérinaire", "s2")),
        ("Selon l'avocate, le texte doit rester muet sur les sanctions.", ("l'avocate", "s4")),
        ("Le SG a promis une note d'ici vendredi.", ("Le SG", "s3")),
        ("le commandant du groupement reste réservé.", ("le commandant du groupement", "s1")),
        ("La investigadora presentó las cifras de marzo.", ("La investigadora", "c1")),
        ("El defensor pidió prudencia con los nombres.", ("El defensor", "c2")),
    ],
)
def test_an_article_and_a_title_noun_of_one_participant(
    text: str, expected: tuple[str, str]
) -> None:
    gate = SAHEL if expected[1].startswith("s") else ANDES
    assert expected in spans(gate, text)


def test_offices_and_ordinary_words_are_not_title_mentions() -> None:
    assert [] == spans(SAHEL, "Le président de la République a parlé à la radio.")
    assert [] == spans(SAHEL, "Ils se sont retrouvés au village avant la nuit.")
    assert [] == spans(SAHEL, "Le sg du texte est illisible.")  # not written in capitals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los datos del Observatorio muestran otra cosa.", ("del Observatorio", "c1")),
        ("La Defensoría recibió doce quejas.", ("La Defensoría", "c2")),
        ("Pastoral Social ofreció el albergue.", ("Pastoral Social", "c3")),
        ("La Alcaldía de Sarare no firmó.", ("Alcaldía de Sarare", "c4")),
    ],
)
def test_spanish_short_names_of_one_participants_body(text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(ANDES, text)


def test_names_joined_by_y_are_two_participants() -> None:
    found = spans(ANDES, "Hubo un cruce entre Barrios y Duarte sobre el puente.")
    assert [("Barrios", "c4"), ("Duarte", "c3")] == found  # "y" is no initial of Yaneth
    assert [] == spans(ANDES, "Citó a Ortega y Gasset.")


def test_el_hadj_is_an_honorific() -> None:
    assert ("Hadj Sani", "s5") in spans(SAHEL, "Ensuite El Hadj Sani propose un barème.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Datu asked for the list.", ("The Datu", "m1")),
        ("The engineer showed the survey.", ("The engineer", "m3")),
        ("The Punong Barangay disagreed.", ("The Punong Barangay", "m2")),
        ("Kallisto will fund the school roof.", ("Kallisto", "m4")),
        ("the Kallisto foundation", ("the Kallisto foundation", "m4")),
        ("Representatives of «Нергеби» spoke next.", ("«Нергеби»", "m5")),
    ],
)
def test_english_title_parts_and_quoted_body_names(text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(LANAO, text)


def test_the_place_a_title_is_named_after_and_a_quoted_name_as_a_word() -> None:
    assert [] == spans(LANAO, "Twenty firearms are loose in the barangay.")
    assert [] == spans(LANAO, "In Greek, kallisto means the most beautiful.")


FEZZAN = Gate(
    [
        person("f1", "Abdulhakim Misbah al-Zintani", aliases="Abu Salim;عبد الحكيم الزنتاني"),
        person("f2", "Taher Omar Dhaw", aliases="Hajj Taher"),
        person("f3", "Ahmed Khalifa al-Mahmoudi", aliases="Hajj Ahmed"),
        person("f4", "Najwa Mabrouk al-Kuni", gender="F"),
        person("f5", "Salem Abdullah Ben Naji"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تدخّل الطاهر ضو ليقول إن المشكلة في المواعيد.", ("الطاهر ضو", "f2")),
        ("وأيّده بن ناجي جزئياً.", ("بن ناجي", "f5")),
        ("زيارة ميدانية بقيادة سالم بن ناجي.", ("سالم بن ناجي", "f5")),
        ("وقدّم الحاج الطاهر التهنئة.", ("الحاج الطاهر", "f2")),
    ],
)
def test_libyan_names_with_the_article_and_ben(text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(FEZZAN, text)


@pytest.mark.parametrize(
    "text",
    [
        "وتنزل الإبل من الحمادة نحو الوادي.",  # the plateau, not Hamada of Ahmed
        "واقترحت أن تكون الفترة المسائية بعد المغرب.",  # the period, not al-Fituri's letters
        "وعدت حكومة عبد الحكيم الدبيبة بالتعويض.",  # another Abdulhakim
        "لا تمتّ بقرابة إلى خليفة الكوني.",  # a part of one and the family of another
        "يقيم شقيقه في حي أبو سليم بطرابلس.",  # a district
        "فرد الجميع: مبروك. وطلبت شهادات ميلاد للأطفال.",
    ],
)
def test_arabic_words_places_and_namesakes_are_not_participants(text: str) -> None:
    assert [] == spans(FEZZAN, text)


ENGURI = Gate(
    [
        person("g1", "Teimuraz Jopua", "Chairman of the cooperative",
               "Gali hazelnut growers' cooperative \"Okumi\""),
        person("g2", "Astamur Ardzinba", "Vice-President", "Chamber of Commerce and Industry"),
        person("g3", "Liana Kvarchia", "Deputy Head of Administration",
               "Ochamchira district residents (Russian-speaking community)", gender="F"),
    ]
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Потом Джопуа говорил эмоционально.", ("Джопуа", "g1")),
        ("Предложение пойдёт через кооператив «Окуми».", ("«Окуми»", "g1")),
        ("Он сказал, что Палата поддерживала запрет.", ("Палата", "g2")),
        ("Решили действовать через Палату и фермеров.", ("Палату", "g2")),
    ],
)
def test_russian_notes_on_an_abkhaz_roster(text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(ENGURI, text)


def test_residents_of_a_district_are_not_a_participants_body() -> None:
    assert [] == spans(ENGURI, "Документы для жителей района остаются больной темой.")
    assert [] == spans(ENGURI, "Палата лордов здесь ни при чём.")  # opens the sentence


SHATI = Gate(
    [
        person("l1", "Abdulhamid Fituri", "Deputy Mayor", "Brak al-Shati Municipal Council"),
        person("l2", "Huda Kuni", "Associate Professor",
               "University of Sebha, Faculty of Agriculture", gender="F"),
        person("l3", "Taher Dhaw", "Farmer", "Qurdha Date Palm Growers Union"),
    ]
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the article of al-Shati no longer leaves the whole name unchecked in Arabic
        ("وقال إن بلدية براك لا تريد أن تكون خصماً.", "l1"),
        ("تعميم من نائب عميد البلدية بوقف المصادرة.", "l1"),
        # either body of "University of Sebha, Faculty of Agriculture" alone
        ("وذكّرت بأن جامعة سبها مستعدة للتدريب.", "l2"),
        ("برنامج تدريب بإشراف كلية الزراعة.", "l2"),
        ("عن اتحاد منتجي التمور بالقرضة.", "l3"),
    ],
)
def test_libyan_bodies_and_offices_in_arabic(text: str, expected: str) -> None:
    assert expected in {who for _t, who in spans(SHATI, text)}
