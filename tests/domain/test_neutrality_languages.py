"""The neutrality linter in French, Spanish, Russian and Arabic: loaded terms in their
inflected forms and with their clitics, innocent look-alikes left alone, attributed uses
reported as notes, and a passage in a language it does not read named, never blocked."""

from __future__ import annotations

import pytest

from backchannel.domain._neutral_places import ContestedPlace, PlaceName
from backchannel.domain.neutrality import ATTRIBUTED, LOADED, UNCHECKED, NeutralityLinter
from backchannel.evidence.lexicon import shipped_lexicon


@pytest.fixture(scope="module")
def linter() -> NeutralityLinter:
    return NeutralityLinter(shipped_lexicon())


def found(linter: NeutralityLinter, text: str, kind: str = LOADED) -> list[str]:
    return [f.text for f in linter.lint(text) if f.kind == kind]


LOADED_TEXTS = [
    ("fr", "Le régime a fermé le pont de Castelmaure aux camions.", ["régime"]),
    ("fr", "Les terroristes ont miné la piste, selon notre correspondant.", ["terroristes"]),
    ("fr", "Depuis l'arrivée de l'occupant, les pêcheurs ne sortent plus.", ["l'occupant"]),
    ("fr", "La junte a prolongé le couvre-feu dans la vallée.", ["junte"]),
    ("es", "Las bandas criminales controlan el vado de Las Tablas.", ["bandas criminales"]),
    ("es", "El régimen cerró el paso fronterizo durante la noche.", ["régimen"]),
    ("es", "Los mártires de la resistencia fueron recordados en la plaza.", ["mártires"]),
    ("ru", "Режим закрыл пункт пропуска для пешеходов.", ["Режим"]),
    (
        "ru",
        "Колонну обстреляли боевики, а затем оккупанты перекрыли дорогу.",
        ["боевики", "оккупанты"],
    ),
    ("ru", "Так называемая администрация запретила выезд.", ["Так называемая"]),
    ("ar", "أغلقت قوات النظام المعبر أمام الشاحنات.", ["قوات النظام"]),
    ("ar", "وقعت مواجهات مع الإرهابيين قرب السد، وسقط عشرات الشهداء.", ["الإرهابيين", "الشهداء"]),
    ("ar", "وتستمر معاناة السكان بسبب الاحتلال والمرتزقة.", ["الاحتلال", "والمرتزقة"]),
    # the hamza's seat moves with the ending; a soft hyphen or a joiner pasted inside a word
    ("ar", "ونعاهد شهداءنا وشهداؤنا لن يُنسوا.", ["شهداءنا", "وشهداؤنا"]),
    ("en", "The ter\u00adrorists left the crossing at dawn.", ["ter\u00adrorists"]),
    ("ar", "وقال الناطق إن الإرهاب\u200dيين هاجموا الحاجز.", ["الإرهاب\u200dيين"]),
    # a short French line is French («é», « sont », « l' »)
    ("fr", "Les forces d'occupation sont parties.", ["d'occupation"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LOADED_TEXTS)
def test_loaded_terms_in_their_forms(
    linter: NeutralityLinter, lang: str, text: str, expected: list[str]
) -> None:
    findings = [f for f in linter.lint(text) if f.kind == LOADED]
    assert expected == [f.text for f in findings]
    assert {lang} == {f.language for f in findings}
    assert all(f.blocks for f in findings)


INNOCENT = [
    "Le régime alimentaire des enfants du camp reste insuffisant.",
    "Le régime des pluies a changé depuis la construction du barrage.",
    "La libération des otages a eu lieu à l'aube.",
    "El régimen tributario de la zona franca no cambió.",
    "La ocupación hotelera cayó a la mitad durante la crisis.",
    "Режим питания детей в лагере остаётся неудовлетворительным.",
    "Режим работы пункта пропуска продлён до 20:00.",
    "Освобождение заложников состоялось на рассвете.",
    "تم تحديث نظام التشغيل في محطة الضخ.",
    "حصل الطلاب على شهادات الميلاد من مكتب الأحوال المدنية.",
    "ويمتد من المحطة خط نقل بطول ٣٨ كيلومترا حتى خزان المدينة.",
    "El alcalde llama a la calma a los vecinos de la vereda.",
    "Le rassemblement a eu lieu place de la Libération, à Dijon.",
    "La marcha salió de la plaza de los Mártires de Barranquilla.",
    "Une agression sexuelle a été signalée au camp de Kélibou.",
    "El régimen subsidiado de salud cubre a las familias retornadas.",
    "Уровень агрессии у подростков в лагере растёт.",
    "احتل الفريق المركز الأول في البطولة.",
    "The drought regime of the Aren river changed after the dam.",
]


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_look_alikes_are_left_alone(linter: NeutralityLinter, text: str) -> None:
    assert [] == linter.lint(text)


ATTRIBUTED_TEXTS = [
    ("Le ministère qualifie ces combattants de « terroristes ».", "terroristes"),
    ("Lo que el gobierno llama «terroristas» son, para los vecinos, sus hijos.", "terroristas"),
    ("Министерство называет их «террористами».", "террористами"),
    ("ما تصفه الحكومة بـ«الإرهابيين» هم أبناء القرية.", "الإرهابيين"),
    # accusing: the preposition belongs to the object, not to a demand
    ("Cada parte acusa a la otra de crímenes de guerra en la vereda.", "crímenes de guerra"),
    # a speaker's quoted word stays theirs among legal words (« relèvent de »)
    (
        "Le porte-parole déclare à la presse que les coupures relèvent d'un « génocide ».",
        "génocide",
    ),
    ("Families displaced from the lower villages speak of genocide.", "genocide"),
]


@pytest.mark.parametrize(("text", "word"), ATTRIBUTED_TEXTS)
def test_attributed_uses_are_notes_in_every_language(
    linter: NeutralityLinter, text: str, word: str
) -> None:
    findings = linter.lint(text)
    assert [word] == found(linter, text, ATTRIBUTED)
    assert not any(f.blocks for f in findings)


def test_a_passage_in_another_language_is_named_not_judged(linter: NeutralityLinter) -> None:
    text = (
        "The crossing reopened on Tuesday.\n\n"
        "Die Regierung hat den Grenzübergang für Lastwagen wieder geöffnet und die Liste der "
        "Gefangenen an das Rote Kreuz übergeben.\n"
    )
    (note,) = linter.lint(text)
    assert (UNCHECKED, "de", False) == (note.kind, note.language, note.blocks)
    assert "German" in note.suggestion
    assert text[note.start : note.end] == note.text


def test_a_bilingual_brief_reads_each_paragraph_in_its_own_language(
    linter: NeutralityLinter,
) -> None:
    text = (
        "The regime closed the crossing on Tuesday.\n\n"
        "أغلق النظام المعبر يوم الثلاثاء، وتم تحديث نظام التشغيل في المحطة.\n"
    )
    findings = linter.lint(text)
    assert [("regime", "en"), ("النظام", "ar")] == [(f.text, f.language) for f in findings]


def test_every_shipped_term_has_its_sense_and_why() -> None:
    missing = [t.term for t in shipped_lexicon() if t.language != "en" and not (t.sense and t.why)]
    assert [] == missing


ONE_SIDED_SOURCES = [
    (
        "fr",
        "## Sources\n\n- Ministère de la Défense de Kalden, communiqué du 3 janvier\n"
        "- Porte-parole de l'armée de Kalden\n",
        "- Bureau de la coordination des affaires humanitaires des Nations unies\n",
    ),
    (
        "es",
        "## Fuentes consultadas\n\n- Ministerio de Defensa de Valdés\n"
        "- Vocero del Ejército de Valdés, rueda de prensa\n",
        "- Misión de Verificación de la ONU, informe trimestral\n",
    ),
    (
        "ru",
        "## Источники\n\n- Министерство обороны Калдена, сводка за неделю\n"
        "- Пресс-служба армии Калдена\n",
        "- Специальная мониторинговая миссия ОБСЕ, ежедневный отчёт\n",
    ),
    (
        "ar",
        "## المصادر\n\n- بيان وزارة الدفاع في سهل العرين\n- تصريحات الناطق باسم الجيش\n",
        "- تقرير مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية\n",
    ),
]


@pytest.mark.parametrize(("lang", "sources", "neutral"), ONE_SIDED_SOURCES)
def test_source_balance_is_read_in_every_language(
    linter: NeutralityLinter, lang: str, sources: str, neutral: str
) -> None:
    """A source list under its own language's heading, all from one side, is a finding; one
    neutral body among them is enough."""
    brief = "Le point de passage reste fermé.\n\n" + sources
    assert len(found(linter, brief, "sources")) == 1, lang
    assert [] == found(linter, brief + neutral, "sources"), lang


PLACES = [
    ContestedPlace((PlaceName("Степанакерт", "армянская сторона"), PlaceName("Ханкенди", "Баку"))),
    ContestedPlace((PlaceName("الجولان", "الطرف أ"), PlaceName("Golan", "neutral"))),
    ContestedPlace((PlaceName("Orvèle", "partie A"), PlaceName("Orvela", "partie B"))),
]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Встреча прошла в Степанакерте во вторник.", ["Степанакерте"]),
        ("Встреча прошла в Ханкенди (Степанакерте) во вторник.", []),
        ("والتقى الوفد بالجولان صباح الثلاثاء.", ["بالجولان"]),
        ("Le pont de l'Orvèle est fermé depuis mardi.", ["l'Orvèle"]),
        ("Le pont de l’Orvèle (Orvela) est fermé depuis mardi.", []),
    ],
)
def test_a_contested_place_is_found_in_its_case_and_with_its_clitics(
    text: str, flagged: list[str]
) -> None:
    linter = NeutralityLinter(shipped_lexicon(), PLACES)
    assert flagged == found(linter, text, "place")


def test_windows_line_ends_read_like_unix_ones(linter: NeutralityLinter) -> None:
    """A brief saved on Windows: its paragraphs, languages and source list are the same."""
    unix = (
        "Note de cadrage.\n\nLos terroristas atacaron el puesto de El Cedral anoche.\n\n"
        "## Sources\n\n- Ministère de la Défense de Kalden\n- Porte-parole de l'armée de Kalden\n"
    )
    windows = unix.replace("\n", "\r\n")
    assert [(f.kind, f.text, f.language) for f in linter.lint(unix)] == [
        (f.kind, f.text, f.language) for f in linter.lint(windows)
    ]
    assert {"loaded", "sources"} <= {f.kind for f in linter.lint(windows)}
