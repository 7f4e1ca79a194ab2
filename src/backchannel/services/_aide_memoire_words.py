"""The words of the aide-mémoire, each sentence in equivalent wordings (fingerprint slots).

Every sentence that can be written several ways is a slot; a copy's code picks one wording
per slot (domain/fingerprint.py), so no two copies read quite alike while each says the
same. A slot holds its content (the captured text) in every wording, so that each slot is
found in a text by its own words. Wordings that cannot be told apart (a captured text that
happens to contain the words of a frame) fall back to one fixed wording.

Every wording comes from the catalogs, one message each, so each language has wordings of
its own in the same order: a copy's code picks the same one (the first, second or third)
in every language, and its register keeps the wordings of each (services/aide_memoire.py),
so `trace` names the copy from an excerpt in any of them. Wordings that a catalogue makes
equal or too alike fall back to the first, so the order of the others never shifts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backchannel import i18n
from backchannel.domain.capture import ItemKind, MeetingCapture
from backchannel.domain.fingerprint import Slot, make_slot, wording
from backchannel.domain.meetings import Progress
from backchannel.domain.rounds import RoundName
from backchannel.i18n import N_, gettext, ngettext

Piece = str | Slot

# TRANSLATORS: the marking of an aide-mémoire copy, in its header (of a document, a copy).
MARKING = N_("Confidential")
# TRANSLATORS: the title of the document (a confidential note to an official).
TITLE = N_("Aide-mémoire")
_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()
# Where the room went back to, in "The room revisited option design: ..." ("framing" and
# "packaging" are also the rounds' names on the workbench's pages).
_ROUND_WORDS = {
    RoundName.FRAMING: N_("framing"),
    RoundName.INTERESTS: N_("the mapping of interests"),
    RoundName.OPTIONS: N_("option design"),
    RoundName.CONSEQUENCES: N_("consequence testing"),
    RoundName.PACKAGING: N_("packaging"),
}
_EARLIER_ROUND = N_("an earlier round")
_ITEM_ORDER = (
    ItemKind.RED_LINE,
    ItemKind.FEAR,
    ItemKind.INTEREST,
    ItemKind.POLITICAL,
    ItemKind.LEGAL,
    ItemKind.OPERATIONAL,
)
# Every wording of a kind names the kind (so that a table of red lines elsewhere, with the
# same texts, reads as no wording at all); the words around it tell the wordings apart.
# %(text)s is what a party said, as written.
_ITEM_FRAMES = {
    ItemKind.RED_LINE: (
        N_("A red line, as put in the room: %(text)s"),
        N_("A red line this party will not cross: %(text)s"),
        N_("Named as a red line: %(text)s"),
    ),
    ItemKind.FEAR: (
        N_("A fear, as put in the room: %(text)s"),
        N_("A fear this party holds: %(text)s"),
        N_("Named as a fear: %(text)s"),
    ),
    ItemKind.INTEREST: (
        N_("An interest, as put in the room: %(text)s"),
        N_("An interest this party pursues: %(text)s"),
        N_("Named as an interest: %(text)s"),
    ),
    ItemKind.POLITICAL: (
        N_("A political constraint, as put in the room: %(text)s"),
        N_("A political constraint this party faces: %(text)s"),
        N_("Named as a political constraint: %(text)s"),
    ),
    ItemKind.LEGAL: (
        N_("A legal constraint, as put in the room: %(text)s"),
        N_("A legal constraint this party faces: %(text)s"),
        N_("Named as a legal constraint: %(text)s"),
    ),
    ItemKind.OPERATIONAL: (
        N_("An operational constraint, as put in the room: %(text)s"),
        N_("An operational constraint this party faces: %(text)s"),
        N_("Named as an operational constraint: %(text)s"),
    ),
}


def number_word(n: int, *, capital: bool = False) -> str:
    word = _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)
    return word[:1].upper() + word[1:] if capital else word


def _count(n: int, *, capital: bool = False) -> str:
    """A count in a sentence: a word in English ("seven"), a figure in the other languages."""
    if i18n.current() == "en":
        return number_word(n, capital=capital)
    return i18n.number(n, 0)


def _mid(text: str) -> str:
    """A captured phrase placed mid-sentence: 'The platform' -> 'the platform' (in an
    English document; in another language the phrase stays as written)."""
    first, _, rest = text.partition(" ")
    if i18n.current() != "en":
        return text
    return f"{first.lower()} {rest}" if first in ("The", "A", "An") and rest else text


def _slot(key: str, *variants: str) -> Piece:
    """A slot of these wordings, or the first wording when they cannot be told apart (or
    a catalogue made two of them the same, which would shift the others' places)."""
    if len(set(variants)) < len(variants):
        return variants[0]
    return make_slot(key, variants) or variants[0]


def _frames(key: str, frames: Sequence[str], **values: str) -> Piece:
    """A slot of these wordings (from the catalogs), each filled with the same values (what
    people wrote isolated when it runs against the document's direction)."""
    placed = {k: i18n.embedded(v) for k, v in values.items()}
    return _slot(key, *(f % placed for f in frames))


@dataclass(frozen=True, slots=True)
class Source:
    """What an aide-mémoire is written from: one meeting and its packages."""

    problem: str
    dates: str
    capture: MeetingCapture
    progress: Progress
    questions: tuple[str, ...]
    tested: int
    party_labels: dict[str, str]  # party code -> how a sentence names it
    party_headings: dict[str, str]  # party code -> its heading among the sensitivities
    reaction_by: str  # "before the next meeting, on 22 February 2027"


@dataclass(frozen=True, slots=True)
class Recipient:
    interlocutor: str  # code
    name: str
    number: int
    total: int


def purpose(src: Source) -> list[Piece]:
    return [
        _frames(
            "purpose.meeting",
            (
                gettext(
                    "This aide-mémoire sets out the outcome of an informal meeting held on "
                    "%(dates)s, convened on one question: %(problem)s"
                ),
                gettext(
                    "This aide-mémoire records the results of an unofficial meeting on "
                    "%(dates)s, devoted to a single question: %(problem)s"
                ),
                gettext(
                    "What follows summarises an informal meeting held on %(dates)s on one "
                    "question only: %(problem)s"
                ),
            ),
            dates=src.dates,
            problem=src.problem,
        ),
        _slot(
            "purpose.rule",
            gettext(
                "Participants took part in a personal capacity, under the Chatham House Rule; "
                "nothing here is attributed to any of them."
            ),
            gettext(
                "Everyone present spoke in a personal capacity and under the Chatham House "
                "Rule, so nothing below is attributed to anyone."
            ),
            gettext(
                "Those present attended in their own right under the Chatham House Rule: no "
                "view is ascribed to any of them."
            ),
        ),
        _slot(
            "purpose.binding",
            gettext(
                "Neither the meeting nor this aide-mémoire commits any government, authority "
                "or organisation."
            ),
            gettext(
                "Nothing in this aide-mémoire, or in the meeting it records, binds any "
                "government, authority or organisation."
            ),
            gettext(
                "This paper obliges no government, authority or organisation, and neither "
                "did the meeting."
            ),
        ),
    ]


def _options(src: Source) -> Piece:
    """How many options the room generated and tested."""
    n = len(src.capture.options)
    return _frames(
        "summary.options",
        (
            ngettext(
                "The room generated %(options)s option, without commitment, and tested "
                "%(tested)s of them against the interests of each party.",
                "The room generated %(options)s options, without commitment, and tested "
                "%(tested)s of them against the interests of each party.",
                n,
            ),
            # TRANSLATORS: %(Options)s is the same count as %(options)s, starting a
            # sentence ("Seven" in English, a figure in the other languages).
            ngettext(
                "%(Options)s option was put forward without commitment; %(tested)s was "
                "weighed against each party's interests.",
                "%(Options)s options were put forward without commitment; %(tested)s were "
                "weighed against each party's interests.",
                n,
            ),
            ngettext(
                "Without committing anyone, the room produced %(options)s option and "
                "examined %(tested)s of them for their consequences for each party.",
                "Without committing anyone, the room produced %(options)s options and "
                "examined %(tested)s of them for their consequences for each party.",
                n,
            ),
        ),
        options=_count(n),
        Options=_count(n, capital=True),
        tested=_count(src.tested),
    )


def summary(src: Source) -> list[Piece]:
    capture = src.capture
    out: list[Piece] = []
    for n, f in enumerate(capture.framings, 1):
        key = f"summary.framing.{n}"
        if f.kind.value == "statement":
            frames: tuple[str, ...] = (
                gettext("The meeting started from the problem as the room stated it: %(text)s"),
                gettext("The room began with the problem in its own words: %(text)s"),
                gettext("As first put to the room, the problem read: %(text)s"),
            )
            out.append(_frames(key, frames, text=f.text))
        elif f.party is None:
            frames = (
                gettext("It was then reframed: %(text)s"),
                gettext("The room then put the question differently: %(text)s"),
                gettext("Next, the question was recast: %(text)s"),
            )
            out.append(_frames(key, frames, text=f.text))
        else:
            label = src.party_labels.get(f.party) or gettext("party %(code)s") % {"code": f.party}
            frames = (
                # TRANSLATORS: %(party)s names a party as its name is written ("the
                # government of Sarnland") or "party B"; %(text)s is how it framed it.
                gettext("Seen from %(party)s: %(text)s"),
                gettext("From the standpoint of %(party)s: %(text)s"),
                gettext("For %(party)s, the question became: %(text)s"),
            )
            out.append(_frames(key, frames, party=label, text=f.text))
    if capture.options:
        out.append(_options(src))
    for n, move in enumerate(src.progress.backs(), 1):
        where = gettext(_ROUND_WORDS.get(move.to, _EARLIER_ROUND) if move.to else _EARLIER_ROUND)
        frames = (
            # TRANSLATORS: %(round)s is a round of the meeting ("framing", "option design",
            # "an earlier round"), %(reason)s why the room went back, as written.
            gettext("The room revisited %(round)s: %(reason)s"),
            gettext("The room returned to %(round)s: %(reason)s"),
            gettext("At one point the room reopened %(round)s: %(reason)s"),
        )
        out.append(_frames(f"summary.back.{n}", frames, round=where, reason=move.reason))
    for n, record in enumerate(capture.packages, 1):
        frames = (
            gettext("A package was assembled for relay to officials: %(title)s."),
            gettext("The room put together a package to pass on to officials: %(title)s."),
            gettext("For relay to officials, the room chose a package: %(title)s."),
        )
        out.append(_frames(f"summary.package.{n}", frames, title=record.package.title))
    for n, question in enumerate(src.questions, 1):
        frames = (
            gettext("Still unresolved: %(question)s"),
            gettext("Left unanswered by the room: %(question)s"),
            gettext("Awaiting an answer: %(question)s"),
        )
        out.append(_frames(f"summary.question.{n}", frames, question=question))
    return out


def package(src: Source) -> list[dict[str, Any]]:
    """Each package: its options (title and how it would work) and its steps."""
    capture = src.capture
    options = {o.code: o for o in capture.options}
    out = []
    number = 0
    for p, record in enumerate(capture.packages, 1):
        parts: list[dict[str, Any]] = []
        for code in record.package.options:
            option = options.get(code)
            if option is None:
                continue
            text: Piece = ""
            if option.description:
                text = _frames(
                    f"package.{p}.option.{code}",
                    (
                        gettext("In practice: %(text)s"),
                        gettext("As it would work: %(text)s"),
                        gettext("What it would involve: %(text)s"),
                    ),
                    text=option.description,
                )
            parts.append({"title": option.title, "text": text})
        steps: list[dict[str, Any]] = []
        for s in capture.steps_of(record.code):
            number += 1
            st = s.step
            steps.append(
                {
                    "number": str(number),
                    "what": st.what,
                    "lead": _frames(
                        f"package.step.{st.id}.lead",
                        (
                            # TRANSLATORS: %(who)s and %(how)s are a step's "who" and "how"
                            # as written; %(when)s is its date ("29 January 2027").
                            gettext("Lead: %(who)s. Due: %(when)s. Means: %(how)s"),
                            gettext("Responsible: %(who)s, by %(when)s. Method: %(how)s"),
                            gettext(
                                "Carried out by %(who)s, no later than %(when)s, as follows: "
                                "%(how)s"
                            ),
                        ),
                        who=_mid(st.who.rstrip(".")),
                        when=i18n.long_day(st.when),
                        how=st.how,
                    ),
                    "test": _frames(
                        f"package.step.{st.id}.test",
                        (
                            gettext("Proof of completion: %(test)s"),
                            gettext("Verification: %(test)s"),
                            gettext("Evidence that it is done: %(test)s"),
                        ),
                        test=st.test,
                    ),
                }
            )
        out.append({"title": record.package.title, "options": parts, "steps": steps})
    return out


def sensitivities(src: Source) -> list[dict[str, Any]]:
    items = src.capture.items
    known = list(src.party_headings)
    parties = known + sorted({i.party for i in items} - set(known))
    out = []
    for party in parties:
        mine = [i for kind in _ITEM_ORDER for i in items if i.party == party and i.kind is kind]
        if not mine:
            continue
        heading = src.party_headings.get(party) or gettext("Party %(code)s") % {"code": party}
        out.append(
            {
                "party": heading,
                "items": [
                    _frames(
                        f"sensitivity.{i.code}",
                        tuple(gettext(f) for f in _ITEM_FRAMES[i.kind]),
                        text=i.text,
                    )
                    for i in mine
                ],
            }
        )
    return out


def asks(src: Source, to: Recipient) -> list[Piece]:
    """What is asked of this copy's reader: the steps that rely on its office, then the
    reaction and confidentiality every reader is asked for."""
    out: list[Piece] = []
    needle = to.name.casefold()
    number = 0
    for record in src.capture.packages:
        for s in src.capture.steps_of(record.code):
            number += 1
            if needle and needle in f"{s.step.who} {s.step.how}".casefold():
                out.append(
                    _frames(
                        f"ask.{to.interlocutor}.{s.step.id}",
                        (
                            # TRANSLATORS: %(number)s is the step's number; %(step)s what
                            # the step is, as written.
                            gettext("Step %(number)s relies on your office: %(step)s"),
                            gettext("Your office is needed for step %(number)s: %(step)s"),
                            gettext("Step %(number)s cannot happen without your office: %(step)s"),
                        ),
                        number=str(number),
                        step=s.step.what,
                    )
                )
    if not out:
        out.append(
            _slot(
                f"ask.{to.interlocutor}.none",
                gettext(
                    "No step relies on your office directly; your reading of the package "
                    "would still help."
                ),
                gettext(
                    "None of the steps depends on your office, but your view of the package "
                    "would be valuable."
                ),
                gettext(
                    "Your office carries no step itself; a reaction to the package would "
                    "nonetheless be useful."
                ),
            )
        )
    out.append(
        _frames(
            "ask.reaction",
            (
                # TRANSLATORS: %(by)s is "before the next meeting, on 22 February 2027" or
                # "within two weeks of receiving this copy".
                gettext(
                    "Please convey any reaction to the package through the facilitation "
                    "team %(by)s."
                ),
                gettext(
                    "Reactions to the package are welcome through the facilitation team %(by)s."
                ),
                gettext("The facilitation team would value your reaction to the package %(by)s."),
            ),
            by=src.reaction_by,
        )
    )
    out.append(
        _slot(
            "ask.confidential",
            gettext(
                "Please treat this aide-mémoire as confidential and attribute nothing in it "
                "to any participant."
            ),
            gettext(
                "This aide-mémoire is confidential; none of its content may be ascribed to a "
                "participant."
            ),
            gettext(
                "Keep this paper confidential, and credit no part of it to anyone who took part."
            ),
        )
    )
    return out


def handling() -> Piece:
    """The notice under the marking: the copy is numbered and registered."""
    return _slot(
        "handling",
        gettext(
            "This copy is numbered and registered to its recipient. Please do not copy or "
            "forward it."
        ),
        gettext("A numbered copy, registered to one recipient: not to be reproduced or passed on."),
        gettext(
            "This numbered copy is recorded in a register; duplicating or sharing it is not "
            "permitted."
        ),
    )


@dataclass(frozen=True, slots=True)
class CopyText:
    """One copy's text, as pieces; `slots` are the ones its fingerprint is drawn from."""

    sections: dict[str, Any]

    @property
    def slots(self) -> tuple[Slot, ...]:
        found: list[Slot] = []

        def walk(value: Any) -> None:
            if isinstance(value, Slot):
                found.append(value)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(self.sections)
        return tuple(found)


def copy_text(src: Source, to: Recipient) -> CopyText:
    return CopyText(
        {
            "purpose": purpose(src),
            "summary": summary(src),
            "packages": package(src),
            "sensitivities": sensitivities(src),
            "asks": asks(src, to),
            "handling": handling(),
        }
    )


def realise(value: Any, code: str) -> Any:
    """The pieces as text: each slot in the wording copy `code` uses."""
    if isinstance(value, Slot):
        return wording(code, value)
    if isinstance(value, dict):
        return {k: realise(v, code) for k, v in value.items()}
    if isinstance(value, list):
        return [realise(v, code) for v in value]
    return value
