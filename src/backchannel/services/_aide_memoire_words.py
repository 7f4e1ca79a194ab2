"""The words of the aide-mémoire, each sentence in equivalent wordings (fingerprint slots).

Every sentence that can be written several ways is a slot; a copy's code picks one wording
per slot (domain/fingerprint.py), so no two copies read quite alike while each says the
same. A slot holds its content (the captured text) in every wording, so that each slot is
found in a text by its own words. Wordings that cannot be told apart (a captured text that
happens to contain the words of a frame) fall back to one fixed wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backchannel.domain.capture import ItemKind, MeetingCapture
from backchannel.domain.fingerprint import Slot, make_slot, wording
from backchannel.domain.meetings import Progress
from backchannel.domain.rounds import RoundName

Piece = str | Slot

MARKING = "Confidential"
TITLE = "Aide-mémoire"
_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_ROUND_WORDS = {
    RoundName.FRAMING: "framing",
    RoundName.INTERESTS: "the mapping of interests",
    RoundName.OPTIONS: "option design",
    RoundName.CONSEQUENCES: "consequence testing",
    RoundName.PACKAGING: "packaging",
}
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
_ITEM_FRAMES = {
    kind: (
        f"{article} {noun}, as put in the room: {{}}",
        f"{article} {noun} this party {verb}: {{}}",
        f"Named as {article.lower()} {noun}: {{}}",
    )
    for kind, article, noun, verb in (
        (ItemKind.RED_LINE, "A", "red line", "will not cross"),
        (ItemKind.FEAR, "A", "fear", "holds"),
        (ItemKind.INTEREST, "An", "interest", "pursues"),
        (ItemKind.POLITICAL, "A", "political constraint", "faces"),
        (ItemKind.LEGAL, "A", "legal constraint", "faces"),
        (ItemKind.OPERATIONAL, "An", "operational constraint", "faces"),
    )
}


def number_word(n: int, *, capital: bool = False) -> str:
    word = _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)
    return word[:1].upper() + word[1:] if capital else word


def _mid(text: str) -> str:
    """A captured phrase placed mid-sentence: 'The platform' -> 'the platform'."""
    first, _, rest = text.partition(" ")
    return f"{first.lower()} {rest}" if first in ("The", "A", "An") and rest else text


def _slot(key: str, *variants: str) -> Piece:
    """A slot of these wordings, or the first wording when they cannot be told apart."""
    return make_slot(key, variants) or variants[0]


def _frames(key: str, frames: Sequence[str], *args: str) -> Piece:
    return _slot(key, *(f.format(*args) for f in frames))


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
                "This aide-mémoire sets out the outcome of an informal meeting held on {}, "
                "convened on one question: {}",
                "This aide-mémoire records the results of an unofficial meeting on {}, "
                "devoted to a single question: {}",
                "What follows summarises an informal meeting held on {} on one question only: {}",
            ),
            src.dates,
            src.problem,
        ),
        _slot(
            "purpose.rule",
            "Participants took part in a personal capacity, under the Chatham House Rule; "
            "nothing here is attributed to any of them.",
            "Everyone present spoke in a personal capacity and under the Chatham House Rule, "
            "so nothing below is attributed to anyone.",
            "Those present attended in their own right under the Chatham House Rule: no "
            "view is ascribed to any of them.",
        ),
        _slot(
            "purpose.binding",
            "Neither the meeting nor this aide-mémoire commits any government, authority or "
            "organisation.",
            "Nothing in this aide-mémoire, or in the meeting it records, binds any "
            "government, authority or organisation.",
            "This paper obliges no government, authority or organisation, and neither did "
            "the meeting.",
        ),
    ]


def summary(src: Source) -> list[Piece]:
    capture = src.capture
    out: list[Piece] = []
    for n, f in enumerate(capture.framings, 1):
        if f.kind.value == "statement":
            frames: tuple[str, ...] = (
                "The meeting started from the problem as the room stated it: {}",
                "The room began with the problem in its own words: {}",
                "As first put to the room, the problem read: {}",
            )
            out.append(_frames(f"summary.framing.{n}", frames, f.text))
        elif f.party is None:
            frames = (
                "It was then reframed: {}",
                "The room then put the question differently: {}",
                "Next, the question was recast: {}",
            )
            out.append(_frames(f"summary.framing.{n}", frames, f.text))
        else:
            label = src.party_labels.get(f.party, f"party {f.party}")
            frames = (
                "Seen from {}: {}",
                "From the standpoint of {}: {}",
                "For {}, the question became: {}",
            )
            out.append(_frames(f"summary.framing.{n}", frames, label, f.text))
    options = len(capture.options)
    if options:
        out.append(
            _frames(
                "summary.options",
                (
                    "The room generated {0} options, without commitment, and tested {2} of "
                    "them against the interests of each party.",
                    "{1} options were put forward without commitment; {2} were weighed "
                    "against each party's interests.",
                    "Without committing anyone, the room produced {0} options and examined "
                    "{2} of them for their consequences for each party.",
                ),
                number_word(options),
                number_word(options, capital=True),
                number_word(src.tested),
            )
        )
    for n, move in enumerate(src.progress.backs(), 1):
        where = _ROUND_WORDS.get(move.to, "an earlier round") if move.to else "an earlier round"
        out.append(
            _frames(
                f"summary.back.{n}",
                (
                    "The room revisited {}: {}",
                    "The room returned to {}: {}",
                    "At one point the room reopened {}: {}",
                ),
                where,
                move.reason,
            )
        )
    for n, record in enumerate(capture.packages, 1):
        out.append(
            _frames(
                f"summary.package.{n}",
                (
                    "A package was assembled for relay to officials: {}.",
                    "The room put together a package to pass on to officials: {}.",
                    "For relay to officials, the room chose a package: {}.",
                ),
                record.package.title,
            )
        )
    for n, question in enumerate(src.questions, 1):
        out.append(
            _frames(
                f"summary.question.{n}",
                (
                    "Still unresolved: {}",
                    "Left unanswered by the room: {}",
                    "Awaiting an answer: {}",
                ),
                question,
            )
        )
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
                    ("In practice: {}", "As it would work: {}", "What it would involve: {}"),
                    option.description,
                )
            parts.append({"title": option.title, "text": text})
        steps: list[dict[str, Any]] = []
        for s in capture.steps_of(record.code):
            number += 1
            st = s.step
            when = f"{st.when:%-d %B %Y}"
            steps.append(
                {
                    "number": str(number),
                    "what": st.what,
                    "lead": _frames(
                        f"package.step.{st.id}.lead",
                        (
                            "Lead: {}. Due: {}. Means: {}",
                            "Responsible: {}, by {}. Method: {}",
                            "Carried out by {}, no later than {}, as follows: {}",
                        ),
                        _mid(st.who.rstrip(".")),
                        when,
                        st.how,
                    ),
                    "test": _frames(
                        f"package.step.{st.id}.test",
                        (
                            "Proof of completion: {}",
                            "Verification: {}",
                            "Evidence that it is done: {}",
                        ),
                        st.test,
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
        out.append(
            {
                "party": src.party_headings.get(party, f"Party {party}"),
                "items": [
                    _frames(f"sensitivity.{i.code}", _ITEM_FRAMES[i.kind], i.text) for i in mine
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
                            "Step {} relies on your office: {}",
                            "Your office is needed for step {}: {}",
                            "Step {} cannot happen without your office: {}",
                        ),
                        str(number),
                        s.step.what,
                    )
                )
    if not out:
        out.append(
            _slot(
                f"ask.{to.interlocutor}.none",
                "No step relies on your office directly; your reading of the package would "
                "still help.",
                "None of the steps depends on your office, but your view of the package "
                "would be valuable.",
                "Your office carries no step itself; a reaction to the package would "
                "nonetheless be useful.",
            )
        )
    out.append(
        _frames(
            "ask.reaction",
            (
                "Please convey any reaction to the package through the facilitation team {}.",
                "Reactions to the package are welcome through the facilitation team {}.",
                "The facilitation team would value your reaction to the package {}.",
            ),
            src.reaction_by,
        )
    )
    out.append(
        _slot(
            "ask.confidential",
            "Please treat this aide-mémoire as confidential and attribute nothing in it to "
            "any participant.",
            "This aide-mémoire is confidential; none of its content may be ascribed to a "
            "participant.",
            "Keep this paper confidential, and credit no part of it to anyone who took part.",
        )
    )
    return out


def handling() -> Piece:
    return _slot(
        "handling",
        "This copy is numbered and registered to its recipient. Please do not copy or forward it.",
        "A numbered copy, registered to one recipient: not to be reproduced or passed on.",
        "This numbered copy is recorded in a register; duplicating or sharing it is not permitted.",
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
