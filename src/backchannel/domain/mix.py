"""Mix rules (pillar 2): the rules a roster must meet, each addressable by a dotted name.

A MIX.toml parsed into a dict becomes a `MixRules` of flat `Rule` records:

    size.min  size.max  category.NAME.min  category.NAME.max  party.NAME.min  party.NAME.max
    gender.min_share.VALUE  affiliation.max_per  channels.required.NAME
    people.include.ID  people.exclude.ID

Always in force, whatever the file says: unavailable candidates are not chosen, and two
candidates where one lists the other in `conflicts` are not both chosen. A blank affiliation
is no organisation: `affiliation.max_per` does not count it.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from backchannel.domain.dialogue import Interlocutor
from backchannel.domain.errors import BadInputError
from backchannel.domain.people import Candidate, Category

DEFAULT_SIZE = (10, 16)
# Seconds the optimizer may search for the best roster before it returns what it has.
DEFAULT_TIME_LIMIT = 60.0
MAX_NUMBER = 1_000_000


class RuleKind(enum.StrEnum):
    SIZE_MIN = "size.min"
    SIZE_MAX = "size.max"
    CATEGORY_MIN = "category.min"
    CATEGORY_MAX = "category.max"
    PARTY_MIN = "party.min"
    PARTY_MAX = "party.max"
    GENDER_MIN_SHARE = "gender.min_share"
    AFFILIATION_MAX_PER = "affiliation.max_per"
    CHANNEL_REQUIRED = "channels.required"
    INCLUDE = "people.include"
    EXCLUDE = "people.exclude"


_MINS = {RuleKind.SIZE_MIN, RuleKind.CATEGORY_MIN, RuleKind.PARTY_MIN}
_MAXES = {RuleKind.SIZE_MAX, RuleKind.CATEGORY_MAX, RuleKind.PARTY_MAX}


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: `limit` is the count of a min/max rule, `share` the gender share."""

    kind: RuleKind
    subject: str = ""
    limit: int = 0
    share: Fraction = Fraction(0)

    @property
    def name(self) -> str:
        """The dotted name, as in MIX.toml: `party.A.max`, `people.include.c017`."""
        if self.kind in (RuleKind.SIZE_MIN, RuleKind.SIZE_MAX, RuleKind.AFFILIATION_MAX_PER):
            return str(self.kind)
        if self.kind in (
            RuleKind.CATEGORY_MIN,
            RuleKind.CATEGORY_MAX,
            RuleKind.PARTY_MIN,
            RuleKind.PARTY_MAX,
        ):
            table, bound = str(self.kind).split(".")
            return f"{table}.{self.subject}.{bound}"
        return f"{self.kind}.{self.subject}"

    def counts(self, candidate: Candidate) -> bool:
        """Whether the candidate is one of those a count rule (min, max, share) counts."""
        if self.kind in (RuleKind.CATEGORY_MIN, RuleKind.CATEGORY_MAX):
            return str(candidate.category) == self.subject
        if self.kind in (RuleKind.PARTY_MIN, RuleKind.PARTY_MAX):
            return candidate.party == self.subject
        if self.kind is RuleKind.GENDER_MIN_SHARE:
            return candidate.gender == self.subject
        if self.kind is RuleKind.CHANNEL_REQUIRED:
            return self.subject in candidate.channels
        if self.kind in (RuleKind.INCLUDE, RuleKind.EXCLUDE):
            return candidate.id == self.subject
        return self.kind in (RuleKind.SIZE_MIN, RuleKind.SIZE_MAX)


@dataclass(frozen=True, slots=True)
class MixRules:
    """Every rule of one MIX.toml, size bounds always present (default 10 to 16)."""

    rules: tuple[Rule, ...]

    def of(self, *kinds: RuleKind) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind in kinds)

    def get(self, kind: RuleKind, subject: str = "") -> Rule | None:
        return next((r for r in self.rules if r.kind is kind and r.subject == subject), None)

    @property
    def size_min(self) -> int:
        rule = self.get(RuleKind.SIZE_MIN)
        return rule.limit if rule else 0

    @property
    def size_max(self) -> int:
        rule = self.get(RuleKind.SIZE_MAX)
        return rule.limit if rule else MAX_NUMBER

    def by_name(self) -> dict[str, Rule]:
        return {r.name: r for r in self.rules}


@dataclass(frozen=True, slots=True)
class Violation:
    """A rule a roster breaks: `rule` is its dotted name, or `available` / `conflicts`."""

    rule: str
    message: str


# --- parsing ----------------------------------------------------------------------------

_TABLES = ("size", "category", "party", "gender", "affiliation", "channels", "people")


def _bad(message: str, field: str) -> BadInputError:
    return BadInputError(message, field=field)


def _table(value: object, field: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise _bad("must be a table, like [" + field + "]", field)
    return value


def _known_keys(table: Mapping[str, object], allowed: Iterable[str], prefix: str) -> None:
    options = tuple(allowed)
    for key in table:
        if key not in options:
            field = f"{prefix}.{key}" if prefix else key
            raise _bad(f"unknown rule (expected {', '.join(options)})", field)


def _count(value: object, field: str, *, least: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(f"must be a whole number, not {type(value).__name__} '{value!s:.20}'", field)
    if value < least:
        raise _bad(f"{value} must be at least {least}", field)
    if value > MAX_NUMBER:
        raise _bad(f"{value} is larger than {MAX_NUMBER}", field)
    return value


def _share(value: object, field: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad("must be a share from 0 to 1, like 0.4", field)
    share = Fraction(str(value))  # the decimal as written: 0.4 is exactly 2/5
    if not 0 <= share <= 1:
        raise _bad(f"{value} is not a share from 0 to 1", field)
    return share


def _names(value: object, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad('must be a list of texts, like ["a", "b"]', field)
    names = tuple(v.strip() for v in value)
    twice = [n for n, k in Counter(names).items() if k > 1]
    if twice:
        raise _bad(f"'{twice[0][:60]}' is listed twice", f"{field}.{twice[0]}")
    return names


def _bounds(
    table: Mapping[str, object], prefix: str, kinds: tuple[RuleKind, RuleKind], subject: str
) -> list[Rule]:
    _known_keys(table, ("min", "max"), prefix)
    out = []
    for key, kind in zip(("min", "max"), kinds, strict=True):
        if key in table:
            out.append(Rule(kind, subject, limit=_count(table[key], f"{prefix}.{key}")))
    return out


def rules_from_toml(data: Mapping[str, object]) -> MixRules:
    """Mix rules from a parsed MIX.toml; a BadInputError names the dotted rule at fault."""
    _known_keys(data, _TABLES, "")
    rules: list[Rule] = []
    size = _table(data.get("size", {}), "size")
    _known_keys(size, ("min", "max"), "size")
    low = _count(size.get("min", DEFAULT_SIZE[0]), "size.min")
    high = _count(size.get("max", DEFAULT_SIZE[1]), "size.max")
    rules += [Rule(RuleKind.SIZE_MIN, limit=low), Rule(RuleKind.SIZE_MAX, limit=high)]
    categories = [c.value for c in Category]
    for name, value in _table(data.get("category", {}), "category").items():
        if name not in categories:
            raise _bad(
                f"'{name[:40]}' is not a category ({', '.join(categories)})", f"category.{name}"
            )
        kinds = (RuleKind.CATEGORY_MIN, RuleKind.CATEGORY_MAX)
        rules += _bounds(_table(value, f"category.{name}"), f"category.{name}", kinds, name)
    for name, value in _table(data.get("party", {}), "party").items():
        if not name.strip():
            raise _bad("a party name must not be empty", "party")
        kinds = (RuleKind.PARTY_MIN, RuleKind.PARTY_MAX)
        rules += _bounds(_table(value, f"party.{name}"), f"party.{name}", kinds, name)
    gender = _table(data.get("gender", {}), "gender")
    _known_keys(gender, ("min_share",), "gender")
    shares = _table(gender.get("min_share", {}), "gender.min_share")
    for value_name, share in shares.items():
        field = f"gender.min_share.{value_name}"
        if not value_name.strip():
            raise _bad("a gender value must not be empty", "gender.min_share")
        rules.append(Rule(RuleKind.GENDER_MIN_SHARE, value_name, share=_share(share, field)))
    affiliation = _table(data.get("affiliation", {}), "affiliation")
    _known_keys(affiliation, ("max_per",), "affiliation")
    if "max_per" in affiliation:
        per = _count(affiliation["max_per"], "affiliation.max_per", least=1)
        rules.append(Rule(RuleKind.AFFILIATION_MAX_PER, limit=per))
    channels = _table(data.get("channels", {}), "channels")
    _known_keys(channels, ("required",), "channels")
    for name in _names(channels.get("required", []), "channels.required"):
        rules.append(Rule(RuleKind.CHANNEL_REQUIRED, name))
    people = _table(data.get("people", {}), "people")
    _known_keys(people, ("include", "exclude"), "people")
    for key, kind in (("include", RuleKind.INCLUDE), ("exclude", RuleKind.EXCLUDE)):
        rules += [Rule(kind, i) for i in _names(people.get(key, []), f"people.{key}")]
    return MixRules(tuple(rules))


def check_rules_against_pool(rules: MixRules, pool: Sequence[Candidate]) -> None:
    """People rules must name candidates in the pool (a typo would silently do nothing)."""
    ids = {c.id for c in pool}
    for rule in rules.of(RuleKind.INCLUDE, RuleKind.EXCLUDE):
        if rule.subject not in ids:
            raise _bad(f"'{rule.subject[:40]}' is not a candidate in the pool", rule.name)


# --- checking a roster ------------------------------------------------------------------


def holds(rule: Rule, roster: Sequence[Candidate]) -> bool:
    """Whether one rule holds for a roster (shares exactly, in whole numbers)."""
    n = len(roster)
    k = sum(rule.counts(c) for c in roster)
    if rule.kind in _MINS:
        return k >= rule.limit
    if rule.kind in _MAXES:
        return k <= rule.limit
    if rule.kind is RuleKind.GENDER_MIN_SHARE:
        return k * rule.share.denominator >= rule.share.numerator * n
    if rule.kind is RuleKind.AFFILIATION_MAX_PER:
        per = Counter(c.affiliation for c in roster if c.affiliation)
        return all(v <= rule.limit for v in per.values())
    if rule.kind in (RuleKind.CHANNEL_REQUIRED, RuleKind.INCLUDE):
        return k >= 1
    return k == 0  # EXCLUDE


def check_roster(roster: Sequence[Candidate], rules: MixRules) -> tuple[Violation, ...]:
    """Every rule the roster breaks, the always-in-force ones first."""
    out = [Violation("available", f"{c.id} is not available") for c in roster if not c.available]
    ids = {c.id for c in roster}
    pairs = sorted({tuple(sorted((c.id, o))) for c in roster for o in c.conflicts if o in ids})
    out += [Violation("conflicts", f"{a} and {b} cannot sit together") for a, b in pairs]
    for rule in rules.rules:
        if not holds(rule, roster):
            out.append(Violation(rule.name, f"{rule.name} does not hold ({_describe(rule)})"))
    return tuple(out)


def _describe(rule: Rule) -> str:
    what = {
        RuleKind.SIZE_MIN: f"at least {rule.limit} people",
        RuleKind.SIZE_MAX: f"at most {rule.limit} people",
        RuleKind.CATEGORY_MIN: f"at least {rule.limit} {rule.subject}",
        RuleKind.CATEGORY_MAX: f"at most {rule.limit} {rule.subject}",
        RuleKind.PARTY_MIN: f"at least {rule.limit} from party {rule.subject}",
        RuleKind.PARTY_MAX: f"at most {rule.limit} from party {rule.subject}",
        RuleKind.GENDER_MIN_SHARE: f"at least {_pct(rule.share)} with gender {rule.subject}",
        RuleKind.AFFILIATION_MAX_PER: f"at most {rule.limit} from one organisation",
        RuleKind.CHANNEL_REQUIRED: f"someone with the channel '{rule.subject}'",
        RuleKind.INCLUDE: f"{rule.subject} on the roster",
        RuleKind.EXCLUDE: f"{rule.subject} not on the roster",
    }
    return what[rule.kind]


def _pct(share: Fraction) -> str:
    return f"{float(share) * 100:.4g}%"


def editorial_warnings(
    roster: Sequence[Candidate],
    rules: MixRules | None = None,
    interlocutors: Sequence[Interlocutor] = (),
) -> tuple[str, ...]:
    """What the method warns about even when every rule holds: too large or small a room,
    a category missing, a party whose interlocutors no participant can reach."""
    out = []
    low, high = DEFAULT_SIZE
    if rules is not None and rules.size_max > high:
        out.append(f"size.max is {rules.size_max}: rooms over {high} people lose momentum")
    if len(roster) > high:
        out.append(f"{len(roster)} people on the roster: more than {high} kills momentum")
    if len(roster) < low:
        out.append(f"{len(roster)} people on the roster: fewer than {low} rarely carries weight")
    present = {c.category for c in roster}
    for category in Category:
        if category not in present:
            out.append(f"no {category.value} on the roster")
    reach = {ch for c in roster for ch in c.channels}
    for party in sorted({i.party for i in interlocutors if i.party}):
        mine = [i for i in interlocutors if i.party == party]
        if not any(i.name in reach or i.code in reach for i in mine):
            names = ", ".join(i.name for i in mine)
            out.append(f"party {party}: no participant has a channel to {names}")
    return tuple(out)


# --- explaining a conflicting set -------------------------------------------------------


def explain_conflict(core: Sequence[Rule], pool: Sequence[Candidate]) -> str:
    """Plain words for a minimal set of rules that cannot all hold on this pool."""
    names = ", ".join(r.name for r in core)
    reason = _reason(core, pool)
    tail = (
        f"At least one of these rules must give: {names}."
        if len(core) > 1
        else f"Relax or remove {names}."
    )
    return f"No roster meets every rule: {reason}. {tail}"


def _reason(core: Sequence[Rule], pool: Sequence[Candidate]) -> str:
    avail = [c for c in pool if c.available]
    kinds = {r.kind for r in core}
    for explain in (_single, _sums, _shares, _people, _excluded_channel):
        reason = explain(core, kinds, avail, pool)
        if reason:
            return reason
    return "these rules cannot all hold together on this pool"


def _single(
    core: Sequence[Rule], kinds: set[RuleKind], avail: list[Candidate], pool: Sequence[Candidate]
) -> str | None:
    if len(core) != 1:
        return None
    rule = core[0]
    k = sum(rule.counts(c) for c in avail)
    if rule.kind is RuleKind.CHANNEL_REQUIRED:
        return f"no available candidate has the channel '{rule.subject}'"
    if rule.kind is RuleKind.INCLUDE:
        return f"{rule.subject} is marked unavailable, so {rule.name} cannot hold"
    if rule.kind is RuleKind.SIZE_MIN and k < rule.limit:
        return f"size.min asks for {rule.limit} people, but only {k} candidates are available"
    if rule.kind in _MINS and k < rule.limit:
        return f"{rule.name} asks for {rule.limit}, but only {k} available candidates qualify"
    if rule.kind in _MINS:
        return (
            f"{rule.name} asks for {rule.limit}, but conflicts between candidates leave "
            "fewer who can sit together"
        )
    return None


def _sums(
    core: Sequence[Rule], kinds: set[RuleKind], avail: list[Candidate], pool: Sequence[Candidate]
) -> str | None:
    for table, low, high in (
        ("category", RuleKind.CATEGORY_MIN, RuleKind.CATEGORY_MAX),
        ("party", RuleKind.PARTY_MIN, RuleKind.PARTY_MAX),
    ):
        mins = [r for r in core if r.kind is low]
        maxes = [r for r in core if r.kind is high]
        if mins and kinds == {RuleKind.SIZE_MAX, low}:
            size = next(r for r in core if r.kind is RuleKind.SIZE_MAX)
            parts = ", ".join(f"{r.subject} {r.limit}" for r in mins)
            return (
                f"the roster may have at most {size.limit} people, but the {table} "
                f"minimums add up to {sum(r.limit for r in mins)} ({parts})"
            )
        if maxes and kinds == {RuleKind.SIZE_MIN, high}:
            size = next(r for r in core if r.kind is RuleKind.SIZE_MIN)
            parts = ", ".join(f"{r.subject} {r.limit}" for r in maxes)
            others = sum(not any(r.counts(c) for r in maxes) for c in avail)
            rest = f", and only {others} other candidates are available" if others else ""
            return (
                f"the roster needs at least {size.limit} people, but the {table} maximums "
                f"allow only {sum(r.limit for r in maxes)} ({parts}){rest}"
            )
        if len(core) == 2 and len(mins) == 1 and len(maxes) == 1:
            return (
                f"{mins[0].name} asks for at least {mins[0].limit} but {maxes[0].name} "
                f"allows at most {maxes[0].limit}"
            )
    if kinds == {RuleKind.SIZE_MIN, RuleKind.SIZE_MAX}:
        low_rule, high_rule = sorted(core, key=lambda r: r.kind != RuleKind.SIZE_MIN)
        return f"size.min is {low_rule.limit} but size.max is {high_rule.limit}"
    return None


def _shares(
    core: Sequence[Rule], kinds: set[RuleKind], avail: list[Candidate], pool: Sequence[Candidate]
) -> str | None:
    shares = [r for r in core if r.kind is RuleKind.GENDER_MIN_SHARE]
    total = sum((r.share for r in shares), Fraction(0))
    if len(shares) > 1 and total > 1:  # the other rule only keeps the roster from being empty
        parts = " and ".join(f"{r.name} ({_pct(r.share)})" for r in shares)
        return f"{parts} together ask for {_pct(total)} of the roster"
    if len(shares) == 1 and kinds <= {RuleKind.GENDER_MIN_SHARE} | _MINS:
        rule = shares[0]
        least = max((r.limit for r in core if r.kind in _MINS), default=1)
        need = -(-rule.share.numerator * least // rule.share.denominator)
        have = sum(rule.counts(c) for c in avail)
        if have < need:
            return (
                f"only {have} available candidates have gender {rule.subject}, so "
                f"{rule.name} cannot hold: a roster of at least {least} needs {need}"
            )
    return None


def _people(
    core: Sequence[Rule], kinds: set[RuleKind], avail: list[Candidate], pool: Sequence[Candidate]
) -> str | None:
    included = {r.subject for r in core if r.kind is RuleKind.INCLUDE}
    excluded = {r.subject for r in core if r.kind is RuleKind.EXCLUDE}
    if both := sorted(included & excluded):
        return f"{both[0]} is both in people.include and in people.exclude"
    if not included:
        return None
    chosen = [c for c in pool if c.id in included]
    if kinds == {RuleKind.INCLUDE} and len(chosen) == 2:
        a, b = chosen
        return f"{a.id} and {b.id} are both in people.include, but they cannot sit together"
    caps = [r for r in core if r.kind is not RuleKind.INCLUDE]
    if len(caps) != 1:
        return None
    cap = caps[0]
    if cap.kind is RuleKind.SIZE_MAX:
        return f"people.include names {len(chosen)} people, but size.max allows {cap.limit}"
    if cap.kind is RuleKind.AFFILIATION_MAX_PER:
        orgs = Counter(c.affiliation for c in chosen if c.affiliation).most_common(1)
        if orgs:
            org, k = orgs[0]
            return f"people.include names {k} people from {org}, but {cap.name} is {cap.limit}"
    if cap.kind in _MAXES:
        k = sum(cap.counts(c) for c in chosen)
        table = "category" if cap.kind is RuleKind.CATEGORY_MAX else "party"
        return (
            f"people.include names {k} people of {table} {cap.subject}, but {cap.name} "
            f"allows {cap.limit}"
        )
    return None


def _excluded_channel(
    core: Sequence[Rule], kinds: set[RuleKind], avail: list[Candidate], pool: Sequence[Candidate]
) -> str | None:
    channels = [r for r in core if r.kind is RuleKind.CHANNEL_REQUIRED]
    if len(channels) == 1 and kinds == {RuleKind.CHANNEL_REQUIRED, RuleKind.EXCLUDE}:
        return f"every available candidate with the channel '{channels[0].subject}' is excluded"
    return None
