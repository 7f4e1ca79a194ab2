"""The steps checker: is each step of a non-paper a discrete action someone answers for, on
a date inside the horizon, done in a stated way, with a test anybody could observe?

Vague steps are the commonest failure of Track II outputs ("enhance cooperation", "all
stakeholders", "progress is made"). Each finding names the step and the field and says, in
plain words, how to fix it:

- `what`: missing; or not a discrete action: a soft verb (enhance, promote, strengthen,
  support, improve, ...) with nothing concrete to do (no number, date or thing such as a
  list, a letter, a convoy or a call), a verb that commits to nothing at all (explore,
  consider, encourage, foster, ...), or a result instead of an act ("Improved access").
- `who`: missing; or no accountable actor ("all stakeholders", "relevant actors", "civil
  society", "everyone", "both sides"); or a person ("Mr ...") where an office should be.
- `when`: missing; not an ISO date (YYYY-MM-DD); before the start; beyond the horizon.
- `how`: missing; or only words that name no means ("through appropriate channels").
- `test`: missing; or nothing anyone could observe: no count, threshold, date or verifiable
  artefact ("cooperation improves", "is discussed", "is promoted").

At most one finding per step and field: the one that matters most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backchannel.domain import _step_check_ml as ml
from backchannel.domain import languages
from backchannel.domain.day_text import read_day
from backchannel.domain.steps import Step

FIELDS = ("what", "who", "when", "how", "test")
BLOCK, NOTE = "block", "note"
DEFAULT_HORIZON_DAYS = 90


@dataclass(frozen=True, slots=True)
class StepDraft:
    """A step as written (every field a string, the date unparsed), with its CSV row."""

    id: str
    what: str = ""
    who: str = ""
    when: str = ""
    how: str = ""
    test: str = ""
    row: int | None = None


@dataclass(frozen=True, slots=True)
class StepFinding:
    step: str
    field: str  # one of FIELDS, or "language" for a step in a language not checked
    message: str
    language: str = "en"  # the language the step was read in (ISO 639-1)
    severity: str = BLOCK  # a NOTE never stops a document

    @property
    def blocks(self) -> bool:
        return self.severity == BLOCK


def draft_of(step: Step) -> StepDraft:
    return StepDraft(step.id, step.what, step.who, step.when.isoformat(), step.how, step.test)


# --- vocabulary -----------------------------------------------------------------------------


def _forms(spec: str) -> frozenset[str]:
    """Regular inflections of each verb in `spec`, plus the nouns given after a slash."""
    out: set[str] = set()
    for entry in spec.split():
        verb, _, nouns = entry.partition("/")
        stem = verb[:-1] if verb.endswith("e") else verb
        if len(verb) == 3 and verb[1] in "aeiou" and verb[2] not in "aeiouwxy":
            stem = verb + verb[-1]  # log -> logged, logging
        out |= {verb, verb + "s", verb + "es", verb + "d", stem + "ed", stem + "ing"}
        out |= set(filter(None, nouns.split(",")))
    return frozenset(out)


# Verbs that commit to nothing whatever follows them.
_EMPTY_VERBS = _forms(
    "explore/exploration consider/consideration reflect/reflection foster encourage/"
    "encouragement welcome note acknowledge/acknowledgement recognise/recognition recognize "
    "endeavour endeavor strive aim/aim seek hope"
)
# Soft verbs: acceptable only with something concrete to do.
_SOFT_VERBS = _forms(
    "enhance/enhancement promote/promotion strengthen/strengthening improve/improvement "
    "support/support facilitate/facilitation increase advance/advancement build develop/"
    "development ensure engage/engagement address prioritise/prioritisation prioritize "
    "pursue intensify/intensification deepen broaden expand/expansion optimise optimize "
    "maximise maximize reinforce/reinforcement mainstream coordinate/coordination work "
    "continue/continuation discuss/discussion normalise/normalisation normalize/normalization "
    "reduce/reduction de-escalate/de-escalation ease"
)
_SKIP = frozenset(
    "to jointly both all each side sides party parties further also then and we they will "
    "shall should would could can may must the a an".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand first second third fourth fifth single dozen half once twice weekly "
    "daily monthly".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Things one can hand over, count, see or attend.
_ARTEFACTS = frozenset(
    """list lists letter letters note notes memo memorandum schedule timetable map maps report
    reports bulletin bulletins protocol text draft drafts minutes call calls meeting meetings
    visit visits convoy convoys lorry lorries truck trucks crossing crossings workshop
    statement notice notices log logs record records register manifest manifests receipt
    receipts comments comment signature signatures threshold thresholds figure figures
    count counts budget plan form forms checklist agenda decree order circular instruction
    email emails message messages photograph photographs hotline channel briefing
    exchange release transfer delivery deliveries shipment seal seals inspection inspections
    observers monitors post posts team teams office offices""".split()
)
# Of those, what a test can point to: a record, a document or something counted.
_EVIDENCE = _ARTEFACTS - frozenset(
    """crossing crossings office offices team teams post posts channel hotline meeting
    meetings call calls visit visits workshop briefing exchange release transfer plan budget
    observers monitors inspection inspections""".split()
)
# Verbs whose result leaves a trace someone can check, as a test states it ("is logged",
# "crosses"); not "-ing" forms, which are mostly nouns here ("crossing").
_VERIFIABLE = frozenset(
    w
    for w in _forms(
        "publish sign log record count receive return send issue post announce confirm deliver "
        "cross arrive open close release transfer submit circulate table adopt agree appoint "
        "nominate convene hold visit inspect seal register list print file notify reply answer"
    )
    if not w.endswith("ing")
) | frozenset({"written", "writing", "sent", "held"})
# Outcomes nobody could observe.
_VAGUE_OUTCOME = re.compile(
    r"\b(improve[sd]?|better|enhanced|strengthened|fostered|promoted|encouraged|explored|"
    r"considered|discussed|progress|momentum|goodwill|trust|relations|cooperation|"
    r"co-operation|understanding|awareness|dialogue|positive|meaningful|successful|"
    r"constructive|engagement|commitment|atmosphere|climate|spirit|confidence|restored|"
    r"normali[sz]ed|tensions?|calm|eased|reduced tensions?)\b"
)
_VAGUE_OBJECTS = re.compile(
    r"\b(the way forward|cooperation|co-operation|relations|dialogue|trust|understanding|"
    r"awareness|synergies|capacities|capacity|engagement|efforts|the situation|"
    r"the process|stability|peace|tensions?)\b"
)
_NOBODY = tuple(
    p.strip()
    for p in (
        "all stakeholders, stakeholders, relevant actors, relevant stakeholders, "
        "relevant parties, relevant authorities, concerned parties, parties concerned, "
        "all concerned, those concerned, civil society, international community, everyone, "
        "everybody, anyone, someone, somebody, all actors, all parties, all sides, both sides, "
        "the parties, the sides, partners, donors, the authorities, authorities, "
        "to be determined, to be confirmed, tbd, tbc, n a, various, others, etc"
    ).split(",")
)
_PRONOUNS = frozenset("we us they them i you all".split())
_PERSON = re.compile(r"^(mr|mrs|ms|miss|mx|dr|prof|professor|h ?e|sir|dame|sheikh)\b")
_EMPTY_MEANS = tuple(
    p.strip()
    for p in (
        "as appropriate, as needed, as necessary, as required, where possible, when possible, "
        "if possible, in due course, as soon as possible, asap, through appropriate channels, "
        "through relevant channels, through the appropriate channels, "
        "through existing mechanisms, through existing channels, through dialogue, "
        "through cooperation, through engagement, through coordination, in close coordination, "
        "in a spirit of cooperation, in a spirit of dialogue, by all means, "
        "by all available means, by any means, to be determined, tbd, various means, "
        "various ways, etc"
    ).split(",")
)
# A "how" made only of these names no means ("by the appropriate means").
_MEANS_WORDS = frozenset(
    "means channel channels way ways mechanism mechanisms manner modalities procedure "
    "procedures appropriate relevant necessary usual proper normal existing suitable adequate "
    "required official diplomatic established regular customary standard".split()
)
_FILLER = frozenset(
    "the a an and or of with in on by through via to for all its their relevant "
    "existing appropriate close good".split()
)
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
_DATE_TEXT = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}(st|nd|rd|th)?\s+(of\s+)?{_MONTH}\b(\s+\d{{4}})?|"
    rf"\b{_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?\b(,?\s+\d{{4}})?|\bby day \d+\b|\bwithin \d+ \w+"
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _has(phrase: str, plain: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", plain) is not None


def _concrete(words: Iterable[str]) -> bool:
    listed = list(words)
    return any(
        w.isdigit()
        or (w in _NUMBER_WORDS and not _the_two(listed, k))
        or w in _ARTEFACTS
        or w in _MONTHS
        or w in _WEEKDAYS
        for k, w in enumerate(listed)
    )


def _the_two(words: Sequence[str], k: int) -> bool:
    """'the two boards', 'between both': the sides, not a quantity."""
    return k > 0 and words[k - 1] in ("the", "between", "both", "these", "those")


# --- the fields -------------------------------------------------------------------------------


# "The options will be considered", "the matter is to be reviewed": nobody does anything.
_PASSIVE = re.compile(
    r"\b(?:will|shall|would|should|could|may|might|must|can|to|is|are|was|were)\s+(?:be|get)\s+"
    r"(?:\w+ly\s+)?(?:considered|examined|reviewed|explored|studied|discussed|looked\s+into|"
    r"looked\s+at|assessed|evaluated|analysed|analyzed|taken\s+into\s+account|"
    r"given\s+(?:due\s+)?consideration|reflected\s+(?:on|upon)|addressed|revisited|"
    r"kept\s+under\s+review|pursued|explored|contemplated|deliberated)\b"
    r"|\b(?:is|are)\s+(?:to\s+be\s+)?under\s+(?:consideration|review|discussion|study)\b"
)


def check_what(what: str) -> str | None:
    words = _words(what)
    passive = _PASSIVE.search(what.lower())
    if words and passive:
        return (
            f"'{passive.group(0)[:50]}' is a passive: it says something will be looked at, not "
            "who does what. Name the act and its result (a list agreed, a letter sent, a call "
            "held)"
        )
    if not words:
        return (
            "missing: say what is to be done, as one act "
            "(e.g. 'Circulate a one-page list of three triggers')"
        )
    lead = next((w for w in words if w not in _SKIP), words[0])
    rest = words[words.index(lead) + 1 :]
    if lead in _EMPTY_VERBS:
        return (
            f"'{lead}' commits no one to do anything: name the act that would show it was "
            "done (circulate a list, convene a call, send a letter, open a crossing)"
        )
    if lead.endswith("ed") and lead in _SOFT_VERBS and not _concrete(rest):
        return (
            f"'{what.strip()[:60]}' describes a result, not an action: say who does what "
            "to get there (e.g. 'Open Dorran on Tuesdays for notified convoys')"
        )
    if lead in _SOFT_VERBS and not _concrete(rest):
        return (
            f"'{lead}' with nothing concrete to do is not a discrete action: name the thing "
            "to be delivered, sent, held or opened, with a number where there is one "
            "(e.g. 'support' → 'deliver one convoy of chlorine to Halvik')"
        )
    vague = _VAGUE_OBJECTS.search(" ".join(words))
    if vague and not _concrete(words):
        return (
            f"'{vague.group(0)}' is not something anyone could hand over or count: name the "
            "concrete act (a list agreed, a call held, a convoy across)"
        )
    return None


def check_who(who: str) -> str | None:
    plain = _plain(who)
    if not plain:
        return (
            "missing: name the one office or body that answers for this step "
            "(e.g. 'Gov-A Access Committee')"
        )
    if _PERSON.match(plain):
        return (
            "names a person: name the office or body that answers for the step instead, so "
            "that the non-paper attributes nothing to anyone in the room"
        )
    words = [w for w in plain.split() if w not in {"the", "all", "and", "other"}]
    if not words or all(w in _PRONOUNS for w in words):
        return (
            f"'{who.strip()[:40]}' is no one in particular: name the office or body that "
            "answers for this step"
        )
    found = next((p for p in _NOBODY if _has(p, plain)), None)
    if found is None and re.match(r"^(the )?(relevant|concerned|appropriate|competent) ", plain):
        found = plain.split()[1 if plain.startswith("the ") else 0]
    if found is not None:
        return (
            f"'{found}' is not an actor anyone can hold to a date: name one office or body "
            "that answers for this step (e.g. 'Gov-A Access Committee'), or split it into one "
            "step per office"
        )
    return None


def check_when(when: str, start: date, horizon_days: int) -> str | None:
    text = when.strip()
    if not text:
        return "missing: add the day this step is due (e.g. 2027-02-15 or 15 February 2027)"
    due = read_day(text, start)
    if due is None:
        return (
            f"'{text[:30]}' is not a day: write the day it is due "
            f"(e.g. {(start + timedelta(days=30)).isoformat()}); 'soon', 'Q1' or a month "
            "alone cannot be followed up"
        )
    end = start + timedelta(days=horizon_days)
    if due < start:
        return (
            f"{due.isoformat()} is before the start ({start.isoformat()}): a step falls due "
            "after the meeting that agrees it"
        )
    if due > end:
        return (
            f"{due.isoformat()} is {(due - start).days} days after the start, outside the "
            f"{horizon_days}-day horizon (which ends {end.isoformat()}): bring it forward, or "
            "split the step so that its first part falls inside"
        )
    return None


def check_how(how: str) -> str | None:
    plain = _plain(how)
    if not plain:
        return "missing: say by what means it is done (a call, a letter, a meeting, a convoy)"
    rest = plain
    for phrase in _EMPTY_MEANS:
        rest = re.sub(rf"\b{re.escape(phrase)}\b", " ", rest)
    content = [w for w in rest.split() if w not in _FILLER]
    if (len(content) < 2 and rest.split() != plain.split()) or all(
        w in _MEANS_WORDS for w in content
    ):
        return (
            f"'{how.strip()[:50]}' names no means: say through which channel, meeting, "
            "document or mechanism (e.g. 'a technical call convened by the platform')"
        )
    return None


def check_test(test: str) -> str | None:
    plain = _plain(test)
    if not plain:
        return (
            "missing: say how anyone will know it was done: a count, a threshold, a date or "
            "a document someone can see"
        )
    lowered = test.lower()
    dated = bool(_DATE_TEXT.search(lowered))
    undated = _DATE_TEXT.sub(" ", lowered)
    words = _words(undated)
    evidence = any(
        w.isdigit()
        or (w in _NUMBER_WORDS and not _the_two(words, k))
        or w in _EVIDENCE
        or w in _VERIFIABLE
        for k, w in enumerate(words)
    )
    vague = _VAGUE_OUTCOME.search(" ".join(words))
    if vague and not evidence:
        return (
            f"'{vague.group(0)}' is a hope, not a test: say what someone could count, date or "
            "hold in their hand (e.g. 'both offices return written comments by 12 February')"
        )
    if not (evidence or dated):
        return (
            "nobody could observe this: add a count, a threshold, a date or a verifiable "
            "artefact (a signed letter, a published figure, a log entry)"
        )
    return None


def language_of(draft: StepDraft) -> str:
    """The language a step is written in, read from all its words but the date."""
    return languages.language_of(" ".join((draft.what, draft.who, draft.how, draft.test)))


def check_step(
    draft: StepDraft,
    start: date,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    language: str | None = None,
) -> tuple[StepFinding, ...]:
    """Every finding for one step, in the order of FIELDS, read in `language` (by default
    the step's own). A step in a language the checker does not read gets one note."""
    lang = language or language_of(draft)
    if lang not in languages.CHECKED:
        note = (
            f"not checked: the step is in {languages.name(lang)}; the steps checker reads "
            "English, French, Spanish, Russian and Arabic. Check it by hand."
        )
        return (StepFinding(draft.id, "language", note, lang, NOTE),)
    cells = {"what": draft.what, "who": draft.who, "how": draft.how, "test": draft.test}
    read_in = {f: _cell_language(text, lang) for f, text in cells.items()}
    messages: dict[str, str | None] = {
        f: _CHECKS[f](text) if read_in[f] == "en" else _ML_CHECKS[f](text, read_in[f])
        for f, text in cells.items()
        if read_in[f] in languages.CHECKED
    }
    messages["when"] = check_when(draft.when, start, horizon_days)
    read_in["when"] = lang
    return tuple(
        StepFinding(draft.id, f, message, read_in[f])
        for f in FIELDS
        if (message := messages.get(f)) is not None
    )


def _cell_language(text: str, step: str) -> str:
    """A cell in another script than its step is read in its own language (an Arabic step
    whose `who` is "WFP" and whose `test` is "Signed waybill"); otherwise the step's."""
    written = languages.script(text)
    if not text.strip() or written == languages.script(_SAMPLE.get(step, "a")):
        return step
    return languages.language_of(text, "en")


_SAMPLE = {"ru": "я", "uk": "я", "ar": "ا", "fa": "ا"}


_CHECKS = {"what": check_what, "who": check_who, "how": check_how, "test": check_test}
_ML_CHECKS = {
    "what": ml.check_what,
    "who": ml.check_who,
    "how": ml.check_how,
    "test": ml.check_test,
}


def check_steps(
    drafts: Sequence[StepDraft], start: date, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> tuple[StepFinding, ...]:
    """Every finding for every step, step by step."""
    return tuple(f for d in drafts for f in check_step(d, start, horizon_days))
