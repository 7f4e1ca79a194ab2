"""The scope linter (pillar 1): is a mandate one solvable problem, anchored in a place, with
tangible next steps within 90 days? Over-broad mandates kill momentum; the linter says so.

Findings and their severities (a `block` stops `scope check` with exit 1, a `warn` does not):

- `broad` blocks when the text names more than one problem: words such as "comprehensive",
  "all issues", "root causes", "lasting peace", "overall relations", or a list of three or more
  sectors ("security, economic and political issues"). Such a mandate cannot be settled, so it
  must not go forward. Two sectors joined in one list ("water and electricity") only warn: they
  may be one problem.
- `vague` blocks when nothing in the text could be tested: no concrete object (a list, a
  schedule, a mechanism, triggers), no physical action (exchange, demine, open, verify) and no
  number. With a concrete object but only talk verbs ("discuss the prisoner lists") it warns:
  the object is there, the result is not.
- `horizon` blocks past 90 days, whether given as `horizon_days` or written in the text. It
  warns when no horizon is stated, when a date cannot be counted (no `today` given), and when
  the first steps fit in 90 days but a later one reaches beyond. Without `today`, a deadline
  named by its year ("by 2030", "by the end of 2027") or "the end of the year" is read as more
  than 90 days away: pass `horizon_days` (or `today`) when it is closer.
- `no_place` warns: some problems have no place (a prisoner list), but most tight ones do. A
  place is a capitalised (or caseless-script) name next to a geographic noun ("the Sarn
  corridor") or after a preposition ("at Tel Mar", "between Aren and Tosk"). Generic nouns
  ("the region", "the border") are not places: nobody could go and check them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from backchannel.domain import _scope_lint_ml, languages
from backchannel.domain._horizon_text import Span, find_spans
from backchannel.domain.errors import BadInputError

MAX_HORIZON_DAYS = 90
MAX_TEXT_CHARS = 100_000
BLOCK, WARN = "block", "warn"
RULE = "The tight-scope rule asks for one solvable problem with tangible next steps within 90 days"


@dataclass(frozen=True, slots=True)
class ScopeFinding:
    kind: str  # broad | vague | horizon | no_place | language
    severity: str  # block | warn
    message: str
    language: str = "en"  # the language the statement was read in


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _inflected(bases: str) -> frozenset[str]:
    out: set[str] = set()
    for b in bases.split():
        stem = b[:-1] if b.endswith("e") else b
        out |= {b, b + "s", b + "es", b + "d", b + "ed", stem + "ing", stem + "ed"}
    return frozenset(out)


# --- word lists ------------------------------------------------------------------------------
_BROAD = re.compile(
    r"\b(?:comprehensive(?:ly)?(?! (?:list|map|register|inventory|record|survey))|"
    r"holistic(?:ally)?|all (?:the )?(?:outstanding |relevant |open )?"
    r"(?:issues|aspects|matters|questions|sectors|dimensions|problems|grievances)|"
    r"every (?:aspect|issue|sector|dimension)|(?:root|underlying|structural) causes|"
    r"(?:overall|bilateral|broader|wider|future) relations|normali[sz](?:e|ed|ing|ation)\b.{0,20}"
    r"relations|relations between|(?:lasting|durable|sustainable|just|final|permanent) "
    r"(?:peace|settlement|solution|resolution)|(?:final|future) status|peace (?:deal|agreement|"
    r"settlement|and (?:security|stability|prosperity|reconciliation))|grand bargain|"
    r"(?:political|overall|negotiated) (?:settlement|solution)|(?:resolve|end|settle|transform) "
    r"(?:the|this) (?:conflict|war)|(?:national |social )?reconciliation|"
    r"(?:full|wide|whole|broad) range|wide-ranging|far-reaching|multi-?(?:sector(?:al)?|"
    r"dimensional)|cross-cutting|security architecture|social contract|(?:nation|state)-building|"
    r"stability and prosperity|(?:regional|overall|wider) (?:peace|security|stability)(?! process)|"
    r"national dialogue|(?:security sector|constitutional|political|institutional) reforms?|"
    r"(?:the )?future of the (?:region|country))\b",
    re.IGNORECASE | re.ASCII,
)
_SECTORS = {
    "detention": "detainee detainees prisoner prisoners hostage hostages missing abductees",
    "water": "water irrigation",
    "energy": "electricity energy fuel gas",
    "food": "food grain wheat harvest crops agriculture agricultural farming fisheries",
    "health": "health medical vaccination vaccines medicines",
    "education": "education schools school curriculum",
    "security": "security military disarmament demobilisation demobilization weapons policing",
    "economy": "economy economic trade customs banking finance financial investment jobs "
    "employment sanctions tariffs",
    "governance": "governance political elections electoral constitution constitutional "
    "decentralisation decentralization power-sharing",
    "justice": "justice accountability courts judicial",
    "humanitarian": "humanitarian aid relief",
    "displacement": "refugees refugee idps displaced displacement returnees",
    "land": "land property housing",
    "demining": "mines landmines demining ordnance uxo",
    "culture": "culture cultural religion religious language identity heritage",
    "environment": "environment environmental climate",
    "infrastructure": "infrastructure reconstruction transport telecommunications",
    "media": "media",
    "social": "social",
}
_SECTOR_OF = {w: fam for fam, ws in _SECTORS.items() for w in ws.split()}
# Goods travel in lists ("food, water and medicines") without making a mandate broad.
_GOODS = _words("food grain wheat water fuel gas electricity medical medicines vaccines aid relief")
_TALK_PHRASES = re.compile(
    r"\b(?:(?:exchange|share)[sd]?(?:ing)?\s+(?:of\s+)?(?:views|ideas|perspectives|experiences|"
    r"information)|open\s+(?:and\s+\w+\s+)?(?:dialogue|discussions?|channels)|"
    r"windows?\s+of\s+opportunity|(?:confidence|trust)[\s-]building)\b",
    re.IGNORECASE | re.ASCII,
)
_LIST_SEPARATORS = _words(", and or / & ; plus well as also including")
_TALK = _inflected(
    "discuss discussion improve improvement address promote promotion enhance strengthen "
    "foster explore encourage advance consider reflect engage engagement deepen consolidate "
    "facilitate support build talk dialogue awareness understanding cooperation look"
)
_COUNTS = _words(
    "three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred hundreds thousand thousands dozen dozens"
)
_RESULT_VERBS = _inflected("agree decide settle adopt produce define specify set establish")
_PHYSICAL_VERBS = _inflected(
    "exchange release open reopen demine repair restore deliver ship verify monitor map "
    "list draft sign designate hand evacuate vaccinate register withdraw deploy install inspect "
    "publish count pilot test schedule allocate supply pump rebuild reconnect remove transfer "
    "trace locate exhume notify escort pay disburse lift fence clear mark survey connect drill"
)
_CONCRETE = _words(
    "list lists trigger triggers mechanism mechanisms protocol protocols schedule schedules "
    "timetable timetables map maps hotline hotlines shipment shipments quota quotas tonnes tons "
    "convoy convoys exchange exchanges release releases team teams pilot criteria indicator "
    "indicators procedure procedures text draft non-paper roster inventory register registry "
    "sequence checklist committee commission ceasefire truce window windows hours permits passes "
    "route routes deadline budget fund payments salaries pensions licences licenses visas "
    "documents certificates records remains bodies trucks vehicles flights boats "
    "vessels inspections patrols observers monitors notification notifications formula "
    "allocation allocations flows litres liters megawatts wells pumps generators repairs "
    "clearance evacuation evacuations rotation rotations code memorandum hand-over handover rota "
    "rotas delivery deliveries tanker tankers site sites cards timing dates rules names visits "
    "mines minefield minefields"
)
_OPEN_ENDED = re.compile(
    r"\b(?:lasting|durable|permanent|long-term|sustainable|eventually|ultimately)", re.I | re.A
)
_GEO = _words(
    "corridor corridors crossing crossings district districts province provinces valley border "
    "borders checkpoint checkpoints river rivers town towns city port ports road roads highway "
    "camp camps governorate governorates region regions village villages dam bridge bridges "
    "municipality county oblast canton basin lake coast island islands pass airport harbour "
    "harbor enclave zone line frontier prefecture commune neighbourhood neighborhood suburb "
    "canal strait gulf bay sea mountains hills plain oasis settlement refinery pipeline airstrip "
    "junction gate station market area territory plateau delta peninsula lagoon shore wetlands "
    "bank banks"
)
_PLACE_PREPS = _words(
    "in for across along at between near around from to into through inside outside within "
    "towards toward via on off throughout and of"
)
_DETERMINERS = _words("the a an this that both each its their")
_NOT_PLACES = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday party parties side sides track "
    "government ministry minister council committee commission office authority authorities "
    "agency united nations army forces police front movement group team mission envoy president "
    "prime general secretary special chatham house rule phase step round annex article resolution "
    "agreement accord declaration protocol plan framework day week red cross crescent affairs "
    "coordination development cooperation relations peace security justice human rights health "
    "interior defence defense foreign finance education humanitarian i ii iii iv north south east "
    "west northern southern eastern western central eid ramadan christmas easter nowruz god "
    "english arabic french russian spanish turkish"
)
_GENERIC = _words(
    "humanitarian main new safe key disputed contested entire whole local national international "
    "regional rural urban military civilian old proposed existing same other upper lower border"
)
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_SENTENCE_START = _words('. ! ? : ; ( • * - – — " “ ‘')


def _horizon(text: str, spans: list[Span], horizon_days: int | None) -> ScopeFinding | None:
    if horizon_days is not None:
        if horizon_days <= MAX_HORIZON_DAYS:
            return None
        msg = f"The horizon of {horizon_days} days is longer than 90 days. {RULE}; cut it."
        return ScopeFinding("horizon", BLOCK, msg)
    if not spans:
        open_ended = _OPEN_ENDED.search(text)
        why = f" ('{open_ended[0]}' sets no end)" if open_ended else ""
        msg = f"No horizon stated{why}. {RULE}: add one, e.g. 'within 90 days'."
        return ScopeFinding("horizon", WARN, msg)
    known = [s for s in spans if s.days is not None]
    over = [s for s in known if (s.days or 0) > MAX_HORIZON_DAYS]
    if over and len(over) == len(known):
        longest = max(over, key=lambda s: s.days or 0)
        msg = (
            f"The horizon is too long: {longest.note}. {RULE}; a longer mandate loses "
            "momentum. Cut it to what can be done in 90 days."
        )
        return ScopeFinding("horizon", BLOCK, msg)
    if over:
        fits = next(s for s in known if s not in over)
        msg = (
            f"'{fits.phrase}' fits, but {over[0].note}, beyond 90 days. {RULE}; leave what "
            "lies further out to a later dialogue."
        )
        return ScopeFinding("horizon", WARN, msg)
    if not known:
        return ScopeFinding("horizon", WARN, f"{spans[0].note}. {RULE}: give it in days.")
    return None


# --- broad, vague, place ---------------------------------------------------------------------
def _sector_lists(low_tokens: list[str]) -> list[list[str]]:
    """Sector families named in one list ('security, economic and political'), when at least
    two of the items are sectors rather than goods ('food, water and medicines')."""
    runs: list[tuple[list[str], set[str]]] = []
    last = -10
    for i, tok in enumerate(low_tokens):
        fam = _SECTOR_OF.get(tok)
        if fam is None:
            continue
        gap = low_tokens[last + 1 : i]
        if not runs or len(gap) > 3 or not any(t in _LIST_SEPARATORS for t in gap):
            runs.append(([], set()))
        families, sectors = runs[-1]
        if fam not in families:
            families.append(fam)
        if tok not in _GOODS:
            sectors.add(fam)
        last = i
    return [fams for fams, sectors in runs if len(fams) >= 2 and len(sectors) >= 2]


def _broad(text: str, low_tokens: list[str]) -> ScopeFinding | None:
    phrases = list(dict.fromkeys(m[0] for m in _BROAD.finditer(text)))
    lists = _sector_lists(low_tokens)
    long_lists = [r for r in lists if len(r) >= 3]
    if phrases or long_lists:
        why = [f"'{p[:40]}'" for p in phrases[:3]]
        why += [f"a list of {len(r)} sectors ({', '.join(r)})" for r in long_lists[:1]]
        msg = (
            f"Too broad ({'; '.join(why)}): this is more than one solvable problem. {RULE}; "
            "over-broad mandates kill momentum. Pick the one piece the parties could settle "
            "first (e.g. access triggers for one corridor)."
        )
        return ScopeFinding("broad", BLOCK, msg)
    if lists:
        msg = (
            f"Maybe two problems in one mandate ({' and '.join(lists[0])}). {RULE}; keep both "
            "only if one cannot be settled without the other."
        )
        return ScopeFinding("broad", WARN, msg)
    return None


def _vague(text: str, spans: list[Span]) -> ScopeFinding | None:
    for phrase in {s.phrase for s in spans}:  # the numbers of a horizon are not quantities
        text = text.replace(phrase, " ")
    words = [t.lower() for t in _TOKEN.findall(_TALK_PHRASES.sub(" talk ", text))]
    talk = [t for t in dict.fromkeys(words) if t in _TALK]
    numbers = re.findall(r"(?<![\w-])\d+(?:[.,]\d+)?%?(?![\w-])", text)
    quantity = any(not re.fullmatch(r"(?:19|20)\d\d", n) for n in numbers)  # years are not
    quantity = quantity or not _COUNTS.isdisjoint(words)  # 'two' is more often the two sides
    physical = _PHYSICAL_VERBS.intersection(words)
    acts = physical - _CONCRETE  # 'exchange', 'lists' may be nouns; 'demining' is an act
    result = not _RESULT_VERBS.isdisjoint(words)
    if not (physical or quantity or not _CONCRETE.isdisjoint(words)):
        if talk or not result:
            said = f" ('{talk[0]}' describes activity, not a result)" if talk else ""
            msg = (
                f"Nothing here could be tested{said}. {RULE}: name the concrete thing the "
                "parties would agree, produce or do (a list, a schedule, a mechanism, a number), "
                "so that anyone can tell in 90 days whether it happened."
            )
            return ScopeFinding("vague", BLOCK, msg)
        msg = (
            f"Agreed on what? {RULE}: name the concrete thing the parties would produce or do "
            "(a list, a schedule, a mechanism, a number), so the next steps can be tested."
        )
        return ScopeFinding("vague", WARN, msg)
    if talk and not acts and not result:
        msg = (
            f"'{talk[0]}' describes talk, not a result. {RULE}: say what the parties would "
            "agree or produce, so the next steps can be tested."
        )
        return ScopeFinding("vague", WARN, msg)
    return None


def _is_name(tokens: list[str], j: int) -> bool:
    if not 0 <= j < len(tokens):
        return False
    tok = tokens[j]
    first, low = tok[0], tok.lower()
    if not first.isalpha() or first.islower() or len(tok) == 1 or low in _NOT_PLACES:
        return False
    if tok.isupper() and first.isascii():
        return False  # an acronym: an organisation more often than a place
    at_start = j == 0 or tokens[j - 1] in _SENTENCE_START
    verb = low in _TALK or low in _RESULT_VERBS or low in _PHYSICAL_VERBS
    return not (at_start and (low in _GENERIC or verb or low in _CONCRETE))


def _has_place(tokens: list[str], low_tokens: list[str]) -> bool:
    for i, low in enumerate(low_tokens):
        if low in _GEO:
            if _is_name(tokens, i - 1):
                return True
            k = i + 2 if i + 1 < len(tokens) and low_tokens[i + 1] == "of" else len(tokens)
            if k < len(tokens) and low_tokens[k] in _DETERMINERS:
                k += 1
            if _is_name(tokens, k):
                return True
        if low in _PLACE_PREPS:
            k = i + 1
            if k < len(tokens) and low_tokens[k] in _DETERMINERS:
                k += 1
            while k < len(tokens) and k <= i + 5 and tokens[k][:1].isalpha():
                if _is_name(tokens, k):
                    return True
                if not tokens[k][0].isupper():
                    break
                k += 1
    return False


def _no_place(tokens: list[str], low_tokens: list[str]) -> ScopeFinding | None:
    if _has_place(tokens, low_tokens):
        return None
    generic = next((t for t in low_tokens if t in _GEO), None)
    why = f" ('the {generic}' alone is not a place anyone could go and check)" if generic else ""
    msg = (
        f"No place named{why}. A tight scope is anchored somewhere concrete: name the corridor, "
        "crossing or district, e.g. 'for the Sarn corridor' (a prisoner list may need none)."
    )
    return ScopeFinding("no_place", WARN, msg)


# --- public ----------------------------------------------------------------------------------
def lint_scope(
    text: str, horizon_days: int | None = None, *, today: date | None = None
) -> tuple[ScopeFinding, ...]:
    """Findings on a scope statement, blocking ones first, at most one per kind.

    `horizon_days`, when given, is the horizon (the text's own durations are then ignored).
    `today` lets calendar deadlines ("by 15 March", "by the end of the year") be counted.
    """
    if not text.strip():
        raise BadInputError("a scope statement must not be empty", field="text")
    if len(text) > MAX_TEXT_CHARS:
        raise BadInputError(f"is longer than {MAX_TEXT_CHARS} characters", field="text")
    if horizon_days is not None and horizon_days <= 0:
        raise BadInputError(
            f"{horizon_days} is not a horizon: give a number of days above zero",
            field="horizon_days",
        )
    lang = languages.language_of(text)
    if lang not in languages.CHECKED:
        note = (
            f"not checked: the statement is in {languages.name(lang)}; the scope linter reads "
            "English, French, Spanish, Russian and Arabic. Check it by hand."
        )
        return (ScopeFinding("language", WARN, note, lang),)
    if lang != "en":
        found_ml = [
            ScopeFinding(kind, severity, message, lang)
            for kind, severity, message in _scope_lint_ml.lint(text, lang, horizon_days, today)
        ]
        return tuple(sorted(found_ml, key=lambda f: f.severity != BLOCK))
    tokens = _TOKEN.findall(text)
    low_tokens = [t.lower() for t in tokens]
    spans = find_spans(text, today)
    findings = [
        _broad(text, low_tokens),
        _vague(text, spans),
        _horizon(text, spans, horizon_days),
        _no_place(tokens, low_tokens),
    ]
    found = [f for f in findings if f is not None]
    return tuple(sorted(found, key=lambda f: f.severity != BLOCK))


def scope_ok(findings: Iterable[ScopeFinding]) -> bool:
    """False when any finding blocks."""
    return all(f.severity != BLOCK for f in findings)
