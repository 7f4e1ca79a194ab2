"""The aide-mémoire copies and the steps calendar in the room's languages: the marking, the
copy line, the headings, the notice and every wording in the document's language, what
people wrote as written; and `trace` still names the copy from a retyped excerpt of a
French or a Russian copy, even after the edition was rendered again in English."""

# Seeded pseudo-random numbers simulate a person retyping a page; nothing here is a secret.

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from babel.support import NullTranslations
from icalendar import Calendar
from pypdf import PdfReader

from backchannel import i18n
from backchannel.services import _aide_memoire_words as words
from backchannel.services import aide_memoire, outputs
from backchannel.services.trace import EXCERPT_WORDS, Leak, trace, trace_leak
from backchannel.services.workspace import Workspace

WHAT = "Circulate a one-page list of three triggers and their thresholds for comment."
WHO = "The facilitation team"


@pytest.fixture
def ws(demo_copy: Workspace) -> Workspace:
    return demo_copy


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def fonts(path: Path) -> set[str]:
    """The fonts embedded in a PDF."""
    out = set()
    for page in PdfReader(path).pages:
        resources: Any = page["/Resources"]
        out |= {str(f["/BaseFont"]) for f in resources["/Font"].values()}
    return out


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_the_copies_in_the_room_languages(
    ws: Workspace,
    tmp_path: Path,
    lang: str,
    missing_from_pdf: Callable[[Path, Iterable[str]], list[str]],
) -> None:
    """Headings, marking and copy line in the document's language; what people wrote as
    written; each copy still passes the gate and is traced from its PDF."""
    with i18n.speaking(lang):
        docs = aide_memoire.build_aide_memoire(ws)
        written = aide_memoire.render_aide_memoire(ws, tmp_path)
        headings = [i18n.gettext(h) for h in aide_memoire.HEADINGS.values()]
        purpose = i18n.gettext(aide_memoire.HEADINGS["purpose"])
        marking = i18n.gettext(words.MARKING)
        copy_line = i18n.gettext("Copy %(number)s of %(total)s")
    assert 6 == len(written) == len(docs)
    data = docs[0].data
    assert (lang, i18n.direction(lang)) == (data["lang"], data["dir"])
    assert headings == list(data["headings"].values())
    assert marking == data["marking"]
    for copy in aide_memoire.register(ws):
        path = tmp_path / aide_memoire.filename(copy.code)
        found = trace(ws, path)
        assert copy.code == found.code and found.confidence >= 0.98
        has_arabic = any("Amiri" in f for f in fonts(path))
        assert has_arabic == (lang == "ar")
        line = copy_line % {"number": copy.number, "total": 6}
        assert [] == missing_from_pdf(path, [*headings, line, WHAT])  # WHAT: as written
        assert "wording" in {c.source for c in found.clues if c.code == copy.code}
    assert "Purpose" != purpose  # needs the catalogs


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_the_calendar_in_the_room_languages(ws: Workspace, tmp_path: Path, lang: str) -> None:
    """The labels of the calendar in its language, the steps as written, the same UIDs,
    dates and categories as in English (importing it again updates the same events)."""
    (english,) = outputs.render_calendar(ws, tmp_path / "en")
    with i18n.speaking(lang):
        (path,) = outputs.render_calendar(ws, tmp_path / lang)
        who = i18n.gettext("Who: %(who)s") % {"who": WHO}
        summary = i18n.gettext("Step %(id)s: %(what)s") % {"id": "s1", "what": WHAT}
        name = i18n.gettext("Steps: %(title)s")
    old = Calendar.from_ical(english.read_bytes())
    new = Calendar.from_ical(path.read_bytes())
    assert name % {"title": "Humanitarian access triggers in the Sarn corridor"} == str(
        new.get("x-wr-calname")
    )

    def shape(cal: Calendar) -> list[tuple[str, object, bytes, str]]:
        return [
            (
                str(e.get("uid")),
                e.get("dtstart").dt,
                e.get("categories").to_ical(),
                str(e.get("status")),
            )
            for e in cal.walk("VEVENT")
        ]

    assert shape(old) == shape(new)
    first = next(iter(new.walk("VEVENT")))
    assert summary == str(first.get("summary"))
    assert who in str(first.get("description")).splitlines()
    assert "Who: %(who)s" != i18n.translations(lang).gettext("Who: %(who)s")  # needs the catalogs


# --- trace, in French and Russian ------------------------------------------------------------


def body_words(path: Path, lang: str) -> list[str]:
    """The words a person would retype from the copy: no header or footer, no copy number,
    nothing invisible."""
    with i18n.speaking(lang):
        skip = (i18n.gettext(words.MARKING), i18n.gettext("Copy"), "—")
        of = i18n.gettext("of")
    text = re.sub(r"\[bc:[0-9A-Z]{6}\]", " ", pdf_text(path))
    keep = [
        line
        for line in text.splitlines()
        if not any(s.casefold() in line.casefold() for s in skip)
        and not re.fullmatch(rf"\s*\d+\s*{re.escape(of)}\s*\d+\s*", line)
    ]
    return " ".join(keep).split()


def retype(text: list[str], rng: random.Random, typos: int = 6) -> str:
    """Lower case, punctuation dropped, lines reflowed, a few typos."""
    plain = [w for w in (re.sub(r"[^\w'-]", "", w.lower()) for w in text) if w]
    for _ in range(typos):
        i = rng.randrange(len(plain))
        w = plain[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            plain[i] = rng.choice(
                (w[:j] + "e" + w[j + 1 :], w[:j] + w[j + 1 :], w[:j] + w[j + 1] + w[j] + w[j + 2 :])
            )
    return "\n".join(" ".join(plain[i : i + 11]) for i in range(0, len(plain), 11))


class Sample(NullTranslations):
    """A catalogue of the aide-mémoire's wordings, as a translator might write them, over
    the real one (which may not have them yet)."""

    def __init__(self, lang: str, messages: Mapping[str, str | tuple[str, ...]]) -> None:
        super().__init__()
        self.lang = lang
        self.messages = messages
        self.real = i18n.translations(lang)

    def gettext(self, message: str) -> str:
        found = self.messages.get(message)
        return found if isinstance(found, str) else self.real.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.messages.get(singular)
        if not isinstance(found, tuple):
            return self.real.ngettext(singular, plural, n)
        if self.lang == "ru":
            form = (
                0
                if n % 10 == 1 and n % 100 != 11
                else 1
                if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14
                else 2
            )
        else:
            form = 0 if n <= 1 else 1
        return found[form]


def _frames(kinds: Mapping[str, tuple[str, str, str]]) -> dict[str, str]:
    """The three wordings of each kind of item, from the English ones."""
    english = {
        "red line": "A red line",
        "fear": "A fear",
        "interest": "An interest",
        "political constraint": "A political constraint",
        "legal constraint": "A legal constraint",
        "operational constraint": "An operational constraint",
    }
    out = {}
    for kind, (first, second, third) in kinds.items():
        named = english[kind]
        out[f"{named}, as put in the room: %(text)s"] = first
        verb = {"red line": "will not cross", "fear": "holds", "interest": "pursues"}
        out[f"{named} this party {verb.get(kind, 'faces')}: %(text)s"] = second
        out[f"Named as {named[0].lower()}{named[1:]}: %(text)s"] = third
    return out


FRENCH: dict[str, str | tuple[str, ...]] = {
    "Confidential": "Confidentiel",
    "Purpose": "Objet",
    "Summary of the discussion": "Résumé des échanges",
    "The package": "L'ensemble proposé",
    "Steps, in sequence": "Les étapes, dans l'ordre",
    "Sensitivities each party raised": "Sensibilités exprimées par chaque partie",
    "What is asked of the reader": "Ce qui est demandé au lecteur",
    "Copy %(number)s of %(total)s": "Exemplaire %(number)s sur %(total)s",
    "party %(code)s": "la partie %(code)s",
    "Party %(code)s": "Partie %(code)s",
    "%(name)s (party %(code)s)": "%(name)s (partie %(code)s)",
    "before the next meeting, on %(date)s": "avant la prochaine réunion, le %(date)s",
    "within two weeks of receiving this copy": "dans les deux semaines suivant sa réception",
    "This aide-mémoire sets out the outcome of an informal meeting held on %(dates)s, "
    "convened on one question: %(problem)s": "Le présent aide-mémoire expose l'issue d'une "
    "réunion informelle tenue le %(dates)s, consacrée à une seule question : %(problem)s",
    "This aide-mémoire records the results of an unofficial meeting on %(dates)s, devoted "
    "to a single question: %(problem)s": "Cet aide-mémoire consigne les résultats d'une "
    "rencontre officieuse du %(dates)s, portant sur un unique sujet : %(problem)s",
    "What follows summarises an informal meeting held on %(dates)s on one question only: "
    "%(problem)s": "Ce qui suit résume une réunion informelle tenue le %(dates)s sur une "
    "question et une seule : %(problem)s",
    "Participants took part in a personal capacity, under the Chatham House Rule; nothing "
    "here is attributed to any of them.": "Les participants se sont exprimés à titre "
    "personnel, selon la règle de Chatham House ; rien ici n'est attribué à l'un d'entre eux.",
    "Everyone present spoke in a personal capacity and under the Chatham House Rule, so "
    "nothing below is attributed to anyone.": "Chaque personne présente a parlé en son nom "
    "propre et sous la règle de Chatham House, si bien que rien de ce qui suit n'est imputé "
    "à quiconque.",
    "Those present attended in their own right under the Chatham House Rule: no view is "
    "ascribed to any of them.": "Ceux qui étaient là sont venus à titre individuel, sous la "
    "règle de Chatham House : aucune opinion n'est prêtée à qui que ce soit.",
    "Neither the meeting nor this aide-mémoire commits any government, authority or "
    "organisation.": "Ni la réunion ni le présent aide-mémoire n'engagent un gouvernement, "
    "une autorité ou une organisation.",
    "Nothing in this aide-mémoire, or in the meeting it records, binds any government, "
    "authority or organisation.": "Rien dans cet aide-mémoire, ni dans la réunion dont il "
    "rend compte, ne lie un gouvernement, une autorité ou une organisation.",
    "This paper obliges no government, authority or organisation, and neither did the "
    "meeting.": "Ce document n'oblige aucun gouvernement, aucune autorité ni aucune "
    "organisation, pas plus que la réunion.",
    "The meeting started from the problem as the room stated it: %(text)s": "La réunion est "
    "partie du problème tel que la salle l'a posé : %(text)s",
    "The room began with the problem in its own words: %(text)s": "La salle a commencé par "
    "le problème, dans ses propres termes : %(text)s",
    "As first put to the room, the problem read: %(text)s": "Tel qu'il fut d'abord soumis à "
    "la salle, le problème se lisait ainsi : %(text)s",
    "It was then reframed: %(text)s": "La question a ensuite été reformulée : %(text)s",
    "The room then put the question differently: %(text)s": "La salle a alors posé la "
    "question autrement : %(text)s",
    "Next, the question was recast: %(text)s": "Puis la question a été recadrée : %(text)s",
    "Seen from %(party)s: %(text)s": "Aux yeux de %(party)s : %(text)s",
    "From the standpoint of %(party)s: %(text)s": "Du point de vue de %(party)s : %(text)s",
    "For %(party)s, the question became: %(text)s": "Pour %(party)s, la question devenait : "
    "%(text)s",
    "The room generated %(options)s option, without commitment, and tested %(tested)s of "
    "them against the interests of each party.": (
        "La salle a formulé %(options)s option, sans engagement, et en a mis %(tested)s à "
        "l'épreuve des intérêts de chaque partie.",
        "La salle a formulé %(options)s options, sans engagement, et en a mis %(tested)s à "
        "l'épreuve des intérêts de chaque partie.",
    ),
    "%(Options)s option was put forward without commitment; %(tested)s was weighed against "
    "each party's interests.": (
        "%(Options)s option a été avancée sans engagement ; %(tested)s a été pesée au regard "
        "des intérêts de chaque partie.",
        "%(Options)s options ont été avancées sans engagement ; %(tested)s ont été pesées au "
        "regard des intérêts de chaque partie.",
    ),
    "Without committing anyone, the room produced %(options)s option and examined "
    "%(tested)s of them for their consequences for each party.": (
        "Sans engager personne, la salle a produit %(options)s option et en a examiné "
        "%(tested)s pour leurs conséquences sur chaque partie.",
        "Sans engager personne, la salle a produit %(options)s options et en a examiné "
        "%(tested)s pour leurs conséquences sur chaque partie.",
    ),
    "framing": "le cadrage",
    "the mapping of interests": "la cartographie des intérêts",
    "option design": "la conception des options",
    "consequence testing": "l'examen des conséquences",
    "packaging": "la composition de l'ensemble",
    "an earlier round": "une étape antérieure",
    "The room revisited %(round)s: %(reason)s": "La salle est revenue sur %(round)s : %(reason)s",
    "The room returned to %(round)s: %(reason)s": "La salle est retournée à %(round)s : %(reason)s",
    "At one point the room reopened %(round)s: %(reason)s": "À un moment, la salle a rouvert "
    "%(round)s : %(reason)s",
    "A package was assembled for relay to officials: %(title)s.": "Un ensemble a été "
    "constitué pour être transmis aux responsables : %(title)s.",
    "The room put together a package to pass on to officials: %(title)s.": "La salle a réuni "
    "un ensemble à faire parvenir aux responsables : %(title)s.",
    "For relay to officials, the room chose a package: %(title)s.": "Pour transmission aux "
    "responsables, la salle a retenu un ensemble : %(title)s.",
    "Still unresolved: %(question)s": "Toujours en suspens : %(question)s",
    "Left unanswered by the room: %(question)s": "Restée sans réponse dans la salle : %(question)s",
    "Awaiting an answer: %(question)s": "Dans l'attente d'une réponse : %(question)s",
    "In practice: %(text)s": "Concrètement : %(text)s",
    "As it would work: %(text)s": "Son fonctionnement : %(text)s",
    "What it would involve: %(text)s": "Ce que cela impliquerait : %(text)s",
    "Lead: %(who)s. Due: %(when)s. Means: %(how)s": "Pilote : %(who)s. Échéance : %(when)s. "
    "Moyens : %(how)s",
    "Responsible: %(who)s, by %(when)s. Method: %(how)s": "Responsable : %(who)s, d'ici le "
    "%(when)s. Méthode : %(how)s",
    "Carried out by %(who)s, no later than %(when)s, as follows: %(how)s": "Mis en œuvre par "
    "%(who)s, au plus tard le %(when)s, de la manière suivante : %(how)s",
    "Proof of completion: %(test)s": "Preuve d'achèvement : %(test)s",
    "Verification: %(test)s": "Vérification : %(test)s",
    "Evidence that it is done: %(test)s": "Indice que c'est fait : %(test)s",
    **_frames(
        {
            kind: (
                f"{name}, telle qu'exprimée dans la salle : %(text)s",
                f"{name} {verb} : %(text)s",
                f"Désignée comme {name[0].lower()}{name[1:]} : %(text)s",
            )
            for kind, name, verb in (
                ("red line", "Une ligne rouge", "que cette partie ne franchira pas"),
                ("fear", "Une crainte", "que cette partie nourrit"),
                ("interest", "Une préoccupation", "que cette partie poursuit"),
                ("political constraint", "Une contrainte politique", "que subit cette partie"),
                ("legal constraint", "Une contrainte juridique", "que subit cette partie"),
                ("operational constraint", "Une contrainte opérationnelle", "que subit la partie"),
            )
        }
    ),
    "Step %(number)s relies on your office: %(step)s": "L'étape %(number)s repose sur votre "
    "service : %(step)s",
    "Your office is needed for step %(number)s: %(step)s": "Votre service est requis pour "
    "l'étape %(number)s : %(step)s",
    "Step %(number)s cannot happen without your office: %(step)s": "L'étape %(number)s ne "
    "peut avoir lieu sans votre service : %(step)s",
    "No step relies on your office directly; your reading of the package would still "
    "help.": "Aucune étape ne repose directement sur votre service ; votre lecture de "
    "l'ensemble serait néanmoins utile.",
    "None of the steps depends on your office, but your view of the package would be "
    "valuable.": "Aucune des étapes ne dépend de votre service, mais votre avis sur "
    "l'ensemble serait précieux.",
    "Your office carries no step itself; a reaction to the package would nonetheless be "
    "useful.": "Votre service ne porte lui-même aucune étape ; une réaction à l'ensemble "
    "serait toutefois bienvenue.",
    "Please convey any reaction to the package through the facilitation team %(by)s.": "Merci "
    "de faire part de toute réaction à l'ensemble par l'intermédiaire de l'équipe de "
    "facilitation %(by)s.",
    "Reactions to the package are welcome through the facilitation team %(by)s.": "Les "
    "réactions à l'ensemble sont les bienvenues par l'intermédiaire de l'équipe de "
    "facilitation %(by)s.",
    "The facilitation team would value your reaction to the package %(by)s.": "L'équipe de "
    "facilitation apprécierait votre réaction à l'ensemble %(by)s.",
    "Please treat this aide-mémoire as confidential and attribute nothing in it to any "
    "participant.": "Merci de traiter cet aide-mémoire comme confidentiel et de n'en "
    "attribuer aucun élément à un participant.",
    "This aide-mémoire is confidential; none of its content may be ascribed to a "
    "participant.": "Cet aide-mémoire est confidentiel ; aucun de ses contenus ne peut être "
    "imputé à un participant.",
    "Keep this paper confidential, and credit no part of it to anyone who took part.": "Gardez "
    "ce document confidentiel et n'en prêtez aucune partie à quiconque y a pris part.",
    "This copy is numbered and registered to its recipient. Please do not copy or forward "
    "it.": "Cet exemplaire est numéroté et enregistré au nom de son destinataire. Merci de ne "
    "pas le copier ni le transmettre.",
    "A numbered copy, registered to one recipient: not to be reproduced or passed on.": "Un "
    "exemplaire numéroté, enregistré pour un seul destinataire : ne pas reproduire ni faire "
    "suivre.",
    "This numbered copy is recorded in a register; duplicating or sharing it is not "
    "permitted.": "Cet exemplaire numéroté est inscrit dans un registre ; il est interdit de "
    "le dupliquer ou de le partager.",
}

RUSSIAN: dict[str, str | tuple[str, ...]] = {
    "Confidential": "Конфиденциально",
    "Aide-mémoire": "Памятная записка",
    "Purpose": "Цель",
    "Summary of the discussion": "Итоги обсуждения",
    "The package": "Пакет предложений",
    "Steps, in sequence": "Последовательность шагов",
    "Sensitivities each party raised": "Чувствительные вопросы, поднятые сторонами",
    "What is asked of the reader": "Что предлагается читателю",
    "Copy %(number)s of %(total)s": "Экземпляр %(number)s из %(total)s",
    "party %(code)s": "сторона %(code)s",
    "Party %(code)s": "Сторона %(code)s",
    "%(name)s (party %(code)s)": "%(name)s (сторона %(code)s)",
    "before the next meeting, on %(date)s": "до следующей встречи, %(date)s",
    "within two weeks of receiving this copy": "в течение двух недель после получения",
    "This aide-mémoire sets out the outcome of an informal meeting held on %(dates)s, "
    "convened on one question: %(problem)s": "Настоящая памятная записка излагает итоги "
    "неофициальной встречи, состоявшейся %(dates)s и посвящённой одному вопросу: %(problem)s",
    "This aide-mémoire records the results of an unofficial meeting on %(dates)s, devoted "
    "to a single question: %(problem)s": "Эта записка фиксирует результаты неформальной "
    "встречи %(dates)s, целиком отведённой единственной теме: %(problem)s",
    "What follows summarises an informal meeting held on %(dates)s on one question only: "
    "%(problem)s": "Ниже кратко изложена неофициальная встреча %(dates)s, касавшаяся лишь "
    "одного вопроса: %(problem)s",
    "Participants took part in a personal capacity, under the Chatham House Rule; nothing "
    "here is attributed to any of them.": "Участники выступали в личном качестве по правилу "
    "Чатем-хауса; ничто здесь не приписывается никому из них.",
    "Everyone present spoke in a personal capacity and under the Chatham House Rule, so "
    "nothing below is attributed to anyone.": "Все присутствующие говорили от своего имени и "
    "по правилу Чатем-хауса, поэтому ничто ниже не атрибутируется кому-либо.",
    "Those present attended in their own right under the Chatham House Rule: no view is "
    "ascribed to any of them.": "Присутствовавшие участвовали частным образом, на условиях "
    "правила Чатем-хауса: ни одна точка зрения не связывается ни с кем из них.",
    "Neither the meeting nor this aide-mémoire commits any government, authority or "
    "organisation.": "Ни встреча, ни настоящая записка не налагают обязательств ни на одно "
    "правительство, ведомство или организацию.",
    "Nothing in this aide-mémoire, or in the meeting it records, binds any government, "
    "authority or organisation.": "Ничто в этой записке и во встрече, которую она описывает, "
    "не связывает ни правительство, ни ведомство, ни организацию.",
    "This paper obliges no government, authority or organisation, and neither did the "
    "meeting.": "Этот документ не обязывает ни одно правительство, ведомство или организацию, "
    "как не обязывала их и сама встреча.",
    "The meeting started from the problem as the room stated it: %(text)s": "Встреча "
    "началась с проблемы в той формулировке, которую дал ей зал: %(text)s",
    "The room began with the problem in its own words: %(text)s": "Участники начали с "
    "проблемы, изложенной их собственными словами: %(text)s",
    "As first put to the room, the problem read: %(text)s": "В первоначальном виде проблема "
    "звучала так: %(text)s",
    "It was then reframed: %(text)s": "Затем вопрос был переформулирован: %(text)s",
    "The room then put the question differently: %(text)s": "Далее участники поставили "
    "вопрос иначе: %(text)s",
    "Next, the question was recast: %(text)s": "После этого вопрос переосмыслили: %(text)s",
    "Seen from %(party)s: %(text)s": "С точки зрения %(party)s: %(text)s",
    "From the standpoint of %(party)s: %(text)s": "Как видит это %(party)s: %(text)s",
    "For %(party)s, the question became: %(text)s": "Для %(party)s вопрос звучал так: %(text)s",
    "The room generated %(options)s option, without commitment, and tested %(tested)s of "
    "them against the interests of each party.": tuple(
        f"Участники выработали %(options)s {noun} без обязательств и проверили %(tested)s из "
        "них с учётом интересов каждой стороны."
        for noun in ("вариант", "варианта", "вариантов")
    ),
    "%(Options)s option was put forward without commitment; %(tested)s was weighed against "
    "each party's interests.": tuple(
        f"%(Options)s {noun} без обязательств; %(tested)s взвешены с точки зрения интересов "
        "каждой стороны."
        for noun in ("вариант был выдвинут", "варианта были выдвинуты", "вариантов выдвинуто")
    ),
    "Without committing anyone, the room produced %(options)s option and examined "
    "%(tested)s of them for their consequences for each party.": tuple(
        f"Никого не связывая обязательствами, зал подготовил %(options)s {noun} и рассмотрел "
        "последствия %(tested)s из них для каждой стороны."
        for noun in ("вариант", "варианта", "вариантов")
    ),
    "framing": "постановка проблемы",
    "the mapping of interests": "картирование интересов",
    "option design": "разработка вариантов",
    "consequence testing": "проверка последствий",
    "packaging": "формирование пакета",
    "an earlier round": "один из прежних раундов",
    "The room revisited %(round)s: %(reason)s": "Участники вернулись к этапу «%(round)s»: "
    "%(reason)s",
    "The room returned to %(round)s: %(reason)s": "Зал снова обратился к этапу «%(round)s»: "
    "%(reason)s",
    "At one point the room reopened %(round)s: %(reason)s": "В какой-то момент участники "
    "вновь открыли этап «%(round)s»: %(reason)s",
    "A package was assembled for relay to officials: %(title)s.": "Для передачи официальным "
    "лицам был сформирован пакет: %(title)s.",
    "The room put together a package to pass on to officials: %(title)s.": "Участники "
    "собрали пакет, чтобы передать его официальным лицам: %(title)s.",
    "For relay to officials, the room chose a package: %(title)s.": "Для передачи "
    "должностным лицам зал выбрал пакет: %(title)s.",
    "Still unresolved: %(question)s": "Пока не решено: %(question)s",
    "Left unanswered by the room: %(question)s": "Зал оставил без ответа: %(question)s",
    "Awaiting an answer: %(question)s": "Ждёт ответа: %(question)s",
    "In practice: %(text)s": "На практике: %(text)s",
    "As it would work: %(text)s": "Как это работало бы: %(text)s",
    "What it would involve: %(text)s": "Чем это обернётся: %(text)s",
    "Lead: %(who)s. Due: %(when)s. Means: %(how)s": "Исполнитель: %(who)s. Срок: %(when)s. "
    "Средства: %(how)s",
    "Responsible: %(who)s, by %(when)s. Method: %(how)s": "Ответственный: %(who)s, до "
    "%(when)s. Способ: %(how)s",
    "Carried out by %(who)s, no later than %(when)s, as follows: %(how)s": "Выполняет "
    "%(who)s не позднее %(when)s следующим образом: %(how)s",
    "Proof of completion: %(test)s": "Подтверждение выполнения: %(test)s",
    "Verification: %(test)s": "Проверка: %(test)s",
    "Evidence that it is done: %(test)s": "Признак того, что шаг сделан: %(test)s",
    **_frames(
        {
            kind: (
                f"{name}, {said} в зале: %(text)s",
                f"{name}, {verb} эта сторона: %(text)s",
                f"Обозначено как {name[0].lower()}{name[1:]}: %(text)s",
            )
            for kind, name, said, verb in (
                ("red line", "Красная черта", "как она прозвучала", "которую не перейдёт"),
                ("fear", "Опасение", "как оно прозвучало", "которое испытывает"),
                ("interest", "Интерес", "как он прозвучал", "который преследует"),
                (
                    "political constraint",
                    "Политическое ограничение",
                    "как оно прозвучало",
                    "с которым сталкивается",
                ),
                (
                    "legal constraint",
                    "Правовое ограничение",
                    "как оно прозвучало",
                    "с которым сталкивается",
                ),
                (
                    "operational constraint",
                    "Оперативное ограничение",
                    "как оно прозвучало",
                    "с которым сталкивается",
                ),
            )
        }
    ),
    "Step %(number)s relies on your office: %(step)s": "Шаг %(number)s опирается на ваше "
    "ведомство: %(step)s",
    "Your office is needed for step %(number)s: %(step)s": "Ваше ведомство необходимо для "
    "шага %(number)s: %(step)s",
    "Step %(number)s cannot happen without your office: %(step)s": "Шаг %(number)s невозможен "
    "без вашего ведомства: %(step)s",
    "No step relies on your office directly; your reading of the package would still "
    "help.": "Ни один шаг не опирается на ваше ведомство напрямую; тем не менее ваш взгляд "
    "на пакет был бы полезен.",
    "None of the steps depends on your office, but your view of the package would be "
    "valuable.": "Ни один из шагов не зависит от вашего ведомства, но ваше мнение о пакете "
    "было бы ценным.",
    "Your office carries no step itself; a reaction to the package would nonetheless be "
    "useful.": "Ваше ведомство само не отвечает ни за один шаг; однако отклик на пакет был "
    "бы кстати.",
    "Please convey any reaction to the package through the facilitation team %(by)s.": "Просим "
    "передать любую реакцию на пакет через группу фасилитаторов %(by)s.",
    "Reactions to the package are welcome through the facilitation team %(by)s.": "Отклики на "
    "пакет можно направить через группу фасилитаторов %(by)s.",
    "The facilitation team would value your reaction to the package %(by)s.": "Группа "
    "фасилитаторов будет признательна за вашу реакцию на пакет %(by)s.",
    "Please treat this aide-mémoire as confidential and attribute nothing in it to any "
    "participant.": "Просим считать эту записку закрытой и ничего в ней не приписывать участникам.",
    "This aide-mémoire is confidential; none of its content may be ascribed to a "
    "participant.": "Эта записка не подлежит огласке; ничто из её содержания нельзя "
    "связывать с кем-либо из участников.",
    "Keep this paper confidential, and credit no part of it to anyone who took part.": "Храните "
    "этот документ в тайне и не ссылайтесь ни на кого из присутствовавших.",
    "This copy is numbered and registered to its recipient. Please do not copy or forward "
    "it.": "Этот экземпляр пронумерован и зарегистрирован на имя получателя. Просим не "
    "копировать и не пересылать его.",
    "A numbered copy, registered to one recipient: not to be reproduced or passed on.": "Номерной "
    "экземпляр, закреплённый за одним получателем: не воспроизводить и не передавать.",
    "This numbered copy is recorded in a register; duplicating or sharing it is not "
    "permitted.": "Этот пронумерованный экземпляр внесён в реестр; копировать его или "
    "делиться им запрещено.",
}
SAMPLES = {"fr": FRENCH, "ru": RUSSIAN}


class Recorder(NullTranslations):
    """The English catalogue, noting every message asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def gettext(self, message: str) -> str:
        self.asked.add(message)
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self.asked.add(singular)
        return singular if n == 1 else plural


def test_the_samples_cover_every_wording(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample catalogues translate every message of the demo's copies (so the test below
    reads copies written wholly in French or Russian, whatever the catalogs hold yet), the
    house's "Copy" and "of" and the copy number in the header aside."""
    recorder = Recorder()
    monkeypatch.setattr(i18n, "translations", lambda lang: recorder)
    with i18n.speaking("fr"):
        aide_memoire.build_aide_memoire(ws)
    assert len(recorder.asked) > 80
    house = {"Copy", "of", "%(number)s of %(total)s"}
    for lang, sample in SAMPLES.items():
        assert [] == sorted(recorder.asked - set(sample) - house - {"Aide-mémoire"}), lang


@pytest.fixture(params=["sample", "catalogs"])
def catalogue(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Either the sample catalogues above over the real ones, or the real catalogs alone."""
    if request.param == "sample":
        real = i18n.translations
        samples = {lang: Sample(lang, messages) for lang, messages in SAMPLES.items()}
        monkeypatch.setattr(i18n, "translations", lambda lang: samples.get(lang) or real(lang))
    return str(request.param)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_trace_names_the_copy_from_an_excerpt(
    ws: Workspace, tmp_path: Path, lang: str, catalogue: str
) -> None:
    """300 words retyped from a French or a Russian copy name it, also after the edition was
    rendered again in English (the register keeps the wordings of every language)."""
    with i18n.speaking(lang):
        aide_memoire.render_aide_memoire(ws, tmp_path / lang)
        copies = aide_memoire.register(ws)
    aide_memoire.render_aide_memoire(ws, tmp_path / "en")
    assert [c.code for c in copies] == [c.code for c in aide_memoire.register(ws)]
    texts = [flat(pdf_text(tmp_path / lang / aide_memoire.filename(c.code))) for c in copies]
    if catalogue == "sample":
        assert "Chatham House Rule" not in " ".join(texts)  # every wording in the language
    sentences = [set(t.split(". ")) for t in texts]
    assert min(len(a ^ b) for i, a in enumerate(sentences) for b in sentences[i + 1 :]) >= 20
    for c in copies:
        text = body_words(tmp_path / lang / aide_memoire.filename(c.code), lang)
        start = (len(text) - EXCERPT_WORDS) // 2
        excerpt = retype(text[start : start + EXCERPT_WORDS], random.Random(f"{c.code}-{lang}"))
        assert c.code not in excerpt.upper()
        found = trace_leak(ws, Leak(excerpt))
        assert c.code == found.code, found.message
        assert found.confidence >= 0.95
