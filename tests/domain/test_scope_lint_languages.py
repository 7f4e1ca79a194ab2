# ruff: noqa: E501  (sentences in the languages of the room, kept whole)
"""The scope linter in French, Spanish, Russian and Arabic: a tight mandate passes, a grand
one is broad, talk is vague, horizons are read the way each language writes them."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.domain.scope_lint import lint_scope

TODAY = date(2027, 1, 11)


def kinds(text: str) -> set[str]:
    return {f.kind for f in lint_scope(text, today=TODAY)}


TIGHT = [
    "Convenir, dans un délai de six semaines, d'un calendrier de manœuvre des vannes du barrage de Vérande.",
    "Acordar en un plazo de 60 días el horario de apertura del paso de Las Tablas para camiones cisterna.",
    "В течение 45 дней согласовать график сброса воды с Каменецкого гидроузла для сёл Заречья.",
    "الاتفاق على جدول تشغيل معبر تل الرمان للشاحنات الإنسانية خلال ستين يوما",
    "إعداد قائمة بأسماء المحتجزين في وادي السدر قبل ١٥ آذار ٢٠٢٧",
    # restoring a service is an act, though it names no list or number
    "Remettre en service, dans un délai de deux mois, la conduite d'eau entre Tinkoura et Sabéré.",
    "Восстановить в течение 60 дней водоснабжение сёл Заречья от насосной станции Каменца.",
]


@pytest.mark.parametrize("text", TIGHT)
def test_a_tight_mandate_passes(text: str) -> None:
    assert set() == kinds(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jeter les bases d'une paix durable dans la vallée de la Sarne.",
            {"broad", "vague", "horizon"},
        ),
        (
            "Contribuir a una paz duradera entre los pueblos de la cuenca del Almandro.",
            {"broad", "vague", "horizon"},
        ),
        (
            "Содействовать всеобъемлющему урегулированию конфликта в бассейне реки Сала.",
            {"broad", "vague", "horizon"},
        ),
        ("تعزيز الحوار وبناء الثقة بين المكونات المجتمعية", {"vague", "horizon", "no_place"}),
        (
            "Traiter d'ici 2030 les questions de l'eau, de l'énergie et du commerce dans le bassin de l'Orvèle.",
            {"broad", "horizon", "vague"},
        ),
        (
            "В течение двух месяцев продолжить обмен мнениями между представителями общин.",
            {"vague", "no_place"},
        ),
        ("وضع بروتوكول لتبادل الجثامين بين الطرفين خلال ثلاثين يوما", {"no_place"}),
    ],
)
def test_what_a_careful_reviewer_would_raise(text: str, expected: set[str]) -> None:
    assert expected == kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Arrêter en deux ans la liste des détenus de Castelmaure.",
        "Elaborar en un plazo de dos años la lista de detenidos de Peñaseca.",
        "Подготовить список задержанных в Заречье до конца текущего года.",
        "إعداد قائمة المحتجزين في وادي السدر خلال عامين",
    ],
)
def test_a_horizon_past_ninety_days_blocks(text: str) -> None:
    (finding,) = [f for f in lint_scope(text, today=TODAY) if f.kind == "horizon"]
    assert "block" == finding.severity


def test_each_finding_says_its_language() -> None:
    assert {"es"} == {f.language for f in lint_scope("Facilitar el diálogo entre las partes.")}


def test_a_language_it_does_not_read_is_named() -> None:
    (finding,) = lint_scope("Die Liste der Gefangenen binnen sechs Wochen vereinbaren.")
    assert ("language", "warn", "de") == (finding.kind, finding.severity, finding.language)


@pytest.mark.parametrize(
    "text",
    [
        "Examiner ensemble, dans les trois semaines, la liste des agents bloqués à Tinkoura.",
        "Обсудить списки пропавших без вести в районе Ирванского водохранилища в течение 30 дней.",
        "Intercambiar puntos de vista sobre el censo de familias de la vereda El Cedral en 45 días.",
    ],
)
def test_only_talk_about_a_concrete_thing_is_a_warning(text: str) -> None:
    (vague,) = [f for f in lint_scope(text, today=TODAY) if f.kind == "vague"]
    assert vague.severity == "warn" and "talk, not a result" in vague.message


@pytest.mark.parametrize(
    "text",
    [
        "Восстановить водоснабжение Халвика до 1 марта 2027 года.",
        "Remettre en service la conduite de Tinkoura avant la fin du mois de février.",
        "Restablecer el acueducto de El Cedral antes de finales de febrero.",
        "Восстановить водоснабжение Халвика до конца февраля.",
        "إعادة تشغيل محطة بئر العقلة قبل نهاية شباط",
    ],
)
def test_a_day_or_the_end_of_a_month_is_a_horizon(text: str) -> None:
    assert set() == kinds(text)
