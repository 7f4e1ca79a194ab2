"""The steps checker in French, Spanish, Russian and Arabic: the defects a rapporteur writes
in those languages are found, clean steps pass, dates are read the way each language writes
them, and a step in a language the checker does not read gets a note, never a block."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.domain.step_check import NOTE, StepDraft, check_step

START = date(2027, 1, 11)


def fields(draft: StepDraft) -> dict[str, str]:
    return {f.field: f.message for f in check_step(draft, START)}


CLEAN = [
    StepDraft(
        "f1",
        what="Transmettre au CICR la liste nominative des dix-sept détenus du camp de Bellegarde",
        who="Bureau des affaires pénitentiaires du gouvernorat de Sarn",
        when="le 3 février 2027",
        how="Remise en main propre lors de la réunion technique de Castelmaure",
        test="La liste signée est versée au dossier du secrétariat",
    ),
    StepDraft(
        "e1",
        what="Abrir el paso de Las Tablas los martes y jueves a los camiones de agua",
        who="Dirección de Aduanas de la provincia de Trebal",
        when="15 de marzo de 2027",
        how="Orden escrita al puesto de control con copia a la misión de acompañamiento",
        test="El registro del puesto consigna cada cruce con la hora y la matrícula",
    ),
    StepDraft(
        "r1",
        what="Передать стороне Б перечень пропавших без вести жителей Заречья",
        who="Комиссия по розыску пропавших при администрации района",
        when="не позднее 1 марта 2027 г.",
        how="Письмо через офис Красного Креста в Каменце",
        test="Расписка в получении перечня подшита в дело секретариата",
    ),
    StepDraft(
        "a1",
        what="تسليم قائمة بأسماء المحتجزين لدى الطرفين إلى اللجنة الدولية للصليب الأحمر",
        who="مكتب شؤون الأسرى في محافظة الجرف",
        when="١٥ آذار ٢٠٢٧",
        how="رسالة رسمية عبر مكتب الارتباط في معبر تل الرمان",
        test="إيصال استلام موقع من اللجنة الدولية محفوظ لدى الأمانة",
    ),
]


@pytest.mark.parametrize("draft", CLEAN, ids=lambda d: d.id)
def test_a_clean_step_passes_in_its_language(draft: StepDraft) -> None:
    assert {} == fields(draft)
    assert {d.id[0] for d in [draft]} <= {"f", "e", "r", "a"}


def test_each_finding_says_which_language_it_read() -> None:
    bad = StepDraft(
        "r2", "Рассмотреть возможность обмена", "Соответствующие органы", "скоро", "", ""
    )
    assert {"ru"} == {f.language for f in check_step(bad, START)}


DEFECTS = [
    # French
    (
        "what",
        StepDraft(
            "f",
            "Les options seront examinées lors de la prochaine session",
            "Secrétariat technique",
            "2027-02-10",
            "Réunion à Castelmaure",
            "Un compte rendu est diffusé",
        ),
    ),
    (
        "what",
        StepDraft(
            "f",
            "Renforcer la coopération entre les deux rives",
            "Secrétariat technique",
            "2027-02-10",
            "Atelier à Castelmaure",
            "Le procès-verbal est signé",
        ),
    ),
    (
        "who",
        StepDraft(
            "f",
            "Transmettre la carte des champs de mines",
            "Les acteurs concernés",
            "2027-02-10",
            "Par courrier au secrétariat",
            "Accusé de réception signé",
        ),
    ),
    (
        "who",
        StepDraft(
            "f",
            "Transmettre la carte des champs de mines",
            "M. Dupont",
            "2027-02-10",
            "Par courrier au secrétariat",
            "Accusé de réception signé",
        ),
    ),
    (
        "when",
        StepDraft(
            "f",
            "Transmettre la carte des champs de mines",
            "Service de déminage",
            "prochainement",
            "Par courrier au secrétariat",
            "Accusé de réception signé",
        ),
    ),
    (
        "how",
        StepDraft(
            "f",
            "Transmettre la carte des champs de mines",
            "Service de déminage",
            "2027-02-10",
            "Par les voies appropriées",
            "Accusé de réception signé",
        ),
    ),
    (
        "test",
        StepDraft(
            "f",
            "Transmettre la carte des champs de mines",
            "Service de déminage",
            "2027-02-10",
            "Par courrier au secrétariat",
            "La confiance entre les parties est renforcée",
        ),
    ),
    # Spanish
    (
        "what",
        StepDraft(
            "e",
            "Se estudiará la posibilidad de abrir un segundo paso",
            "Comisión Mixta de Pasos",
            "10 de febrero de 2027",
            "Reunión en Peñaseca",
            "Acta firmada",
        ),
    ),
    (
        "who",
        StepDraft(
            "e",
            "Entregar el censo de regantes",
            "La comunidad internacional",
            "10 de febrero de 2027",
            "Correo oficial a la secretaría",
            "Acuse de recibo firmado",
        ),
    ),
    (
        "how",
        StepDraft(
            "e",
            "Entregar el censo de regantes",
            "Junta de Regantes del Almandro",
            "10 de febrero de 2027",
            "Por los canales apropiados",
            "Acuse de recibo firmado",
        ),
    ),
    (
        "test",
        StepDraft(
            "e",
            "Entregar el censo de regantes",
            "Junta de Regantes del Almandro",
            "10 de febrero de 2027",
            "Correo oficial a la secretaría",
            "Se fortalece la confianza entre las comunidades",
        ),
    ),
    # Russian
    (
        "what",
        StepDraft(
            "r",
            "Вопрос о режиме пропуска будет рассмотрен на следующей встрече",
            "Пограничное управление",
            "10 февраля 2027 г.",
            "Встреча в Каменце",
            "Протокол подписан",
        ),
    ),
    (
        "what",
        StepDraft(
            "r",
            "Содействовать укреплению доверия между общинами",
            "Пограничное управление",
            "10 февраля 2027 г.",
            "Встреча в Каменце",
            "Протокол подписан",
        ),
    ),
    (
        "who",
        StepDraft(
            "r",
            "Передать график сброса воды",
            "Соответствующие органы",
            "10 февраля 2027 г.",
            "Письмо в секретариат",
            "Расписка в получении",
        ),
    ),
    (
        "who",
        StepDraft(
            "r",
            "Передать график сброса воды",
            "г-н Иванов",
            "10 февраля 2027 г.",
            "Письмо в секретариат",
            "Расписка в получении",
        ),
    ),
    (
        "when",
        StepDraft(
            "r",
            "Передать график сброса воды",
            "Дирекция гидроузла",
            "в ближайшее время",
            "Письмо в секретариат",
            "Расписка в получении",
        ),
    ),
    (
        "test",
        StepDraft(
            "r",
            "Передать график сброса воды",
            "Дирекция гидроузла",
            "10 февраля 2027 г.",
            "Письмо в секретариат",
            "Улучшение отношений между сторонами",
        ),
    ),
    # Arabic
    (
        "what",
        StepDraft(
            "a",
            "سيتم النظر في إعادة فتح المعبر",
            "إدارة المعابر في محافظة الجرف",
            "10 شباط 2027",
            "اجتماع في تل الرمان",
            "محضر موقع",
        ),
    ),
    (
        "what",
        StepDraft(
            "a",
            "تعزيز التعاون بين الطرفين",
            "إدارة المعابر في محافظة الجرف",
            "10 شباط 2027",
            "اجتماع في تل الرمان",
            "محضر موقع",
        ),
    ),
    (
        "who",
        StepDraft(
            "a",
            "تسليم خريطة حقول الألغام",
            "الجهات المختصة",
            "10 شباط 2027",
            "رسالة إلى الأمانة",
            "إيصال استلام موقع",
        ),
    ),
    (
        "who",
        StepDraft(
            "a",
            "تسليم خريطة حقول الألغام",
            "السيد كمال الحوراني",
            "10 شباط 2027",
            "رسالة إلى الأمانة",
            "إيصال استلام موقع",
        ),
    ),
    (
        "how",
        StepDraft(
            "a",
            "تسليم خريطة حقول الألغام",
            "مركز نزع الألغام",
            "10 شباط 2027",
            "بالطرق المناسبة",
            "إيصال استلام موقع",
        ),
    ),
    (
        "test",
        StepDraft(
            "a",
            "تسليم خريطة حقول الألغام",
            "مركز نزع الألغام",
            "10 شباط 2027",
            "رسالة إلى الأمانة",
            "تحسن الأجواء بين الطرفين",
        ),
    ),
]


@pytest.mark.parametrize(
    ("field", "draft"), DEFECTS, ids=lambda v: v if isinstance(v, str) else v.what[:30]
)
def test_a_defect_is_found_in_its_field_and_only_there(field: str, draft: StepDraft) -> None:
    assert [field] == list(fields(draft))


@pytest.mark.parametrize(
    ("when", "due"),
    [
        ("le 3 février 2027", date(2027, 2, 3)),
        ("d'ici le 10 février 2027", date(2027, 2, 10)),
        ("jusqu’au 10 février", date(2027, 2, 10)),
        ("le 15 mars prochain", date(2027, 3, 15)),
        ("le 15/03", date(2027, 3, 15)),
        ("marzo 15 de 2027", date(2027, 3, 15)),
        ("el próximo 15 de marzo", date(2027, 3, 15)),
        ("до 1 марта включительно", date(2027, 3, 1)),
        ("١٥ / ٣ / ٢٠٢٧", date(2027, 3, 15)),
        ("\u200f١٥\u200f/\u200f٠٣\u200f/\u200f٢٠٢٧", date(2027, 3, 15)),
        ("1er avril", date(2027, 4, 1)),
        ("15 de marzo de 2027", date(2027, 3, 15)),
        ("a más tardar el 2 de marzo", date(2027, 3, 2)),
        ("15 марта 2027 г.", date(2027, 3, 15)),
        ("до 20 февраля 2027 года", date(2027, 2, 20)),
        ("١٥ آذار ٢٠٢٧", date(2027, 3, 15)),
        ("15 آذار/مارس 2027", date(2027, 3, 15)),
        ("بحلول ٢ شباط", date(2027, 2, 2)),
        ("20.02.2027", date(2027, 2, 20)),
    ],
)
def test_dates_written_the_local_way_are_days(when: str, due: date) -> None:
    from backchannel.domain.day_text import read_day

    assert due == read_day(when, START)
    assert "when" not in fields(
        StepDraft("x", CLEAN[0].what, CLEAN[0].who, when, CLEAN[0].how, CLEAN[0].test)
    )


@pytest.mark.parametrize(
    "when",
    ["au premier trimestre 2027", "fin mars", "в первом квартале", "في أقرب وقت ممكن", "pronto"],
)
def test_a_period_is_not_a_day(when: str) -> None:
    draft = StepDraft("x", CLEAN[0].what, CLEAN[0].who, when, CLEAN[0].how, CLEAN[0].test)
    assert "is not a day" in fields(draft)["when"]


def test_beyond_the_horizon_in_arabic_digits() -> None:
    draft = StepDraft(
        "a", CLEAN[3].what, CLEAN[3].who, "٣٠ أيلول ٢٠٢٧", CLEAN[3].how, CLEAN[3].test
    )
    assert "outside the 90-day horizon" in fields(draft)["when"]


def test_a_language_it_does_not_read_is_a_note_not_a_block() -> None:
    draft = StepDraft(
        "g1",
        "Die Liste der Gefangenen wird dem Roten Kreuz übergeben",
        "Das Büro für Gefangenenfragen",
        "2027-02-10",
        "Mit einem Brief an das Sekretariat",
        "Die unterschriebene Empfangsbestätigung liegt vor",
    )
    (finding,) = check_step(draft, START)
    assert (NOTE, "de", "language") == (finding.severity, finding.language, finding.field)
    assert not finding.blocks
    assert "German" in finding.message


# The other cells of the step come from the clean step of the same language (CLEAN[k]).
RESULTS = [
    ("Rétablissement de la distribution d'eau dans les quartiers nord", "Direction de la REDA", 0),
    ("Acceso seguro de las familias al puesto de salud", "Secretaría de Salud", 1),
    ("Бесперебойная подача воды в Мирзалы", "Управление эксплуатации канала", 2),
    ("انتظام إمدادات المياه في مخيم الرمادة", "مكتب البعثة في المخيم", 3),
]


@pytest.mark.parametrize(("what", "who", "k"), RESULTS)
def test_a_result_written_as_a_noun_is_not_an_act(what: str, who: str, k: int) -> None:
    """A step opens with its act: the noun of an end state names where to get, not who does
    what (in Arabic the verbal noun is the act, so only the nouns of a state are refused)."""
    draft = StepDraft("r", what, who, "2027-02-10", CLEAN[k].how, CLEAN[k].test)
    assert "names a result, not an act" in fields(draft)["what"]


@pytest.mark.parametrize(
    ("what", "k"),
    [
        ("Remise de la liste des détenus au CICR", 0),
        ("Entrega del censo de familias a la Secretaría Técnica", 1),
        ("Передача перечня запасных частей в секретариат", 2),
        ("تسليم قائمة المحتجزين إلى اللجنة الدولية", 3),
    ],
)
def test_the_noun_of_an_act_is_an_act(what: str, k: int) -> None:
    draft = StepDraft("a", what, CLEAN[k].who, "2027-02-10", CLEAN[k].how, CLEAN[k].test)
    assert "what" not in fields(draft)


def test_a_cell_in_another_script_is_read_in_its_own_language() -> None:
    """An Arabic step whose office and receipt are written in English is sound; each finding
    says the language its cell was read in."""
    sound = StepDraft(
        "m1",
        "تسليم ٥٠٠ سلة غذائية إلى مخيم الرمادة",
        "WFP",
        "2027-02-10",
        "قافلة عبر معبر تل الحمر",
        "Signed waybill",
    )
    assert [] == list(check_step(sound, START))
    vague = StepDraft(
        "m2",
        "Передать список задержанных в секретариат",
        "Соответствующие органы",
        "2027-02-10",
        "By courier",
        "Cooperation improves",
    )
    assert {("who", "ru"), ("test", "en")} == {
        (f.field, f.language) for f in check_step(vague, START)
    }


@pytest.mark.parametrize(
    ("what", "k"),
    [
        ("Принять 30 семей в пункте временного размещения в Халвике", 2),
        ("Acoger a 30 familias retornadas en el albergue de El Cedral", 1),
    ],
)
def test_taking_people_in_is_an_act(what: str, k: int) -> None:
    draft = StepDraft("t", what, CLEAN[k].who, "2027-02-10", CLEAN[k].how, CLEAN[k].test)
    assert "what" not in fields(draft)


@pytest.mark.parametrize(
    ("who", "k"),
    [
        ("la Dra. Martínez", 1),
        ("Иван Иванович Петров", 2),
        ("Министр Лавров", 2),
        ("المهندس خالد", 3),
        ("اللواء سمير", 3),
    ],
)
def test_a_person_with_an_article_a_patronymic_or_a_rank(who: str, k: int) -> None:
    draft = StepDraft("p", CLEAN[k].what, who, "2027-02-10", CLEAN[k].how, CLEAN[k].test)
    assert "names a person" in fields(draft)["who"]


@pytest.mark.parametrize(
    ("how", "k"),
    [
        ("Dans le cadre du dialogue", 0),
        ("De manera coordinada", 1),
        ("Надлежащим образом", 2),
        ("وفق الأصول", 3),
    ],
)
def test_a_manner_is_not_a_means(how: str, k: int) -> None:
    draft = StepDraft("h", CLEAN[k].what, CLEAN[k].who, "2027-02-10", how, CLEAN[k].test)
    assert "names no means" in fields(draft)["how"]
