"""The audit log: who did what (exports, consents, logins, role changes, gate approvals).

Each entry is hash-chained to the one before it: its `hash` is SHA-256 over the canonical
JSON of (seq, at, actor, action, subject, details, prev_hash), and `prev_hash` is the hash
of the previous entry (64 zeros for the first). A separate chain head (the number of entries
and the last hash) anchors the end, so a removed *last* entry shows too. `verify_chain`
names the first broken entry and how it broke: edited, removed, reordered or inserted.

The actor is a role or an account handle ("facilitator", "cli"), never a person's name:
an append-only log cannot forget, so nothing in it may need forgetting. Secrets never
enter it: a details key named like a passphrase, password, secret or token is refused.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from backchannel.domain.errors import BadInputError

GENESIS = "0" * 64
"""The `prev_hash` of the first entry."""

MAX_SAFE_INT = 2**53 - 1  # whole numbers beyond this would not survive JSON in other languages
MAX_DETAILS = 16_000  # characters of canonical JSON

_ACTOR = re.compile(r"^[a-z0-9][a-z0-9._:-]{0,63}$")
_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_HASH = re.compile(r"^[0-9a-f]{12,64}$")
_SECRET_WORDS = ("passphrase", "password", "passwd", "secret", "token", "credential")


class Action(enum.StrEnum):
    """The actions backchannel records. Other well-formed names ("copy.issue") are allowed."""

    LOGIN = "login"
    EXPORT = "export"
    CONSENT = "consent"
    ROLE_CHANGE = "role.change"
    GATE_APPROVE = "gate.approve"


class Breach(enum.StrEnum):
    """How the chain was broken."""

    EDITED = "edited"
    REMOVED = "removed"
    REORDERED = "reordered"
    INSERTED = "inserted"


@dataclass(frozen=True, slots=True)
class AuditDraft:
    """What happened, checked and in canonical form, before it gets its place in the chain."""

    at: str
    actor: str
    action: str
    subject: str
    details: str  # canonical JSON of an object


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One entry as stored. Not validated: a tampered row must still be representable."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    details: str  # canonical JSON of an object, exactly the text that was hashed
    prev_hash: str
    hash: str

    def details_object(self) -> dict[str, object]:
        loaded = json.loads(self.details)
        return dict(loaded) if isinstance(loaded, dict) else {}


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The end of the chain as last written: how many entries, and the last one's hash."""

    count: int
    hash: str


EMPTY_HEAD = ChainHead(0, GENESIS)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A (seq, hash) pair kept outside the workspace, e.g. noted after a meeting."""

    seq: int
    hash: str  # the full hash, or a prefix of at least 12 hex digits


@dataclass(frozen=True, slots=True)
class Finding:
    seq: int | None  # the first broken entry; None when the chain head itself is missing
    breach: Breach
    reason: str

    def message(self) -> str:
        where = "the chain head" if self.seq is None else f"entry {self.seq}"
        return f"{where} {self.breach.value}: {self.reason}"


@dataclass(frozen=True, slots=True)
class AuditReport:
    count: int
    head_hash: str
    finding: Finding | None

    @property
    def intact(self) -> bool:
        return self.finding is None


# --- building entries ---------------------------------------------------------------------


def utc_stamp(moment: datetime) -> str:
    """`moment` as UTC ISO 8601 text ending in Z; a naive datetime is taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat() + "Z"


def canonical_json(value: object) -> str:
    """RFC 8785 (JCS) form for the values allowed here: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def _is_secret_key(key: str) -> bool:
    squashed = key.lower().replace("-", "").replace("_", "").replace(".", "")
    return any(word in squashed for word in _SECRET_WORDS)


def _check_value(value: object, path: str, depth: int) -> object:
    if depth > 8:
        raise ValueError(f"audit details nest deeper than 8 levels at '{path}'")
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INT:
            raise ValueError(f"audit detail '{path}' is a number too large for JSON")
        return value
    if isinstance(value, Mapping):
        return _check_object(value, path, depth + 1)
    if isinstance(value, list | tuple):
        return [_check_value(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
    raise ValueError(
        f"audit detail '{path}' is a {type(value).__name__}: use text, whole numbers, "
        "true/false, null, lists or objects"
    )


def _check_object(details: Mapping[Any, object], path: str, depth: int) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in details.items():
        if not isinstance(key, str) or not _KEY.match(key):
            raise ValueError(
                f"audit detail keys are ASCII letters, digits, '_', '.', '-' (under '{path}')"
            )
        where = f"{path}.{key}" if path else key
        if _is_secret_key(key):
            # The key's name is not secret; the value is never shown.
            raise ValueError(f"audit details must not hold secrets: refused key '{where}'")
        out[key] = _check_value(value, where, depth)
    return out


def audit_draft(
    at: datetime,
    actor: str,
    action: str,
    subject: str = "",
    details: Mapping[str, object] | None = None,
) -> AuditDraft:
    """Check one happening and put it in canonical form.

    Raises ValueError: these come from code, never from a user's file. No message repeats
    the actor or a detail's value, which could be a name or a secret.
    """
    if not isinstance(actor, str) or not _ACTOR.match(actor):
        raise ValueError(
            "audit actor must be a role or account handle (lowercase letters, digits, "
            "'.', '_', ':', '-'; up to 64), never a person's name"
        )
    if not isinstance(action, str) or len(action) > 64 or not _ACTION.match(action):
        raise ValueError("audit action must be dotted lowercase words, e.g. 'gate.approve'")
    if not isinstance(subject, str) or len(subject) > 200:
        raise ValueError("audit subject must be text of at most 200 characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in subject):
        raise ValueError("audit subject must be one line without control characters")
    text = canonical_json(_check_object(details or {}, "", 0))
    if len(text) > MAX_DETAILS:
        raise ValueError(f"audit details are longer than {MAX_DETAILS} characters as JSON")
    return AuditDraft(utc_stamp(at), actor, action, subject, text)


def _hash_fields(
    seq: int, at: str, actor: str, action: str, subject: str, details: object, prev: str
) -> str:
    body = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "subject": subject,
        "details": details,
        "prev_hash": prev,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def chain(draft: AuditDraft, head: ChainHead) -> AuditEntry:
    """The entry that follows `head`."""
    seq = head.count + 1
    details = json.loads(draft.details)
    digest = _hash_fields(
        seq, draft.at, draft.actor, draft.action, draft.subject, details, head.hash
    )
    return AuditEntry(
        seq, draft.at, draft.actor, draft.action, draft.subject, draft.details, head.hash, digest
    )


def computed_hash(entry: AuditEntry, seq: int | None = None) -> str | None:
    """What the entry's hash should be (as if numbered `seq`); None if its details were
    altered so that they are no longer canonical JSON."""
    try:
        details = json.loads(entry.details)
    except (TypeError, ValueError):
        return None
    if not isinstance(details, dict) or canonical_json(details) != entry.details:
        return None
    number = entry.seq if seq is None else seq
    e = entry
    return _hash_fields(number, e.at, e.actor, e.action, e.subject, details, e.prev_hash)


# --- verifying the chain ------------------------------------------------------------------


def parse_anchor(text: str) -> Anchor:
    """`SEQ:HASH`, as `audit verify` prints it; the hash may be shortened to 12 digits."""
    seq, sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not sep or not seq.strip().isdigit() or int(seq) < 1 or not _HASH.match(digest):
        raise BadInputError(
            "expected SEQ:HASH, e.g. 12:3f2a9c0b41d7 (at least 12 hex digits)", field="--anchor"
        )
    return Anchor(int(seq), digest)


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _span(first: int, last: int) -> str:
    return "it is missing" if first == last else f"entries {first}-{last} are missing"


def _first_written_as(entry: AuditEntry, bound: int) -> int | None:
    """The number under which this entry was written, if not its present one."""
    return next(
        (
            s
            for s in range(1, bound + 1)
            if s != entry.seq and computed_hash(entry, s) == entry.hash
        ),
        None,
    )


def _content_breach(e: AuditEntry, later: Sequence[AuditEntry], bound: int) -> Finding:
    written_as = _first_written_as(e, bound)
    if written_as is None:
        return Finding(e.seq, Breach.EDITED, "its content no longer matches its hash")
    if written_as < e.seq:
        return Finding(
            written_as,
            Breach.INSERTED,
            f"the entry now numbered {e.seq} was written as entry {written_as}, "
            "so what stands before it was put in later",
        )
    if any(computed_hash(f, e.seq) == f.hash for f in later):
        return Finding(
            e.seq,
            Breach.REORDERED,
            f"it holds what was written as entry {written_as}; the original entry "
            f"{e.seq} stands elsewhere",
        )
    gone = written_as - e.seq
    return Finding(
        e.seq,
        Breach.REMOVED,
        f"the entry now numbered {e.seq} was written as entry {written_as}: "
        f"{gone} {_plural(gone, 'entry was', 'entries were')} taken out before it "
        "and the rest renumbered",
    )


def _link_breach(e: AuditEntry, prev: AuditEntry | None, linked: dict[str, int]) -> Finding:
    target = linked.get(e.prev_hash)
    prev_seq = prev.seq if prev is not None else 0
    if target is None and prev is None:
        return Finding(e.seq, Breach.EDITED, "its link to the start of the log was altered")
    if target is None:
        return Finding(
            prev_seq or e.seq,
            Breach.EDITED,
            f"it was replaced, or changed and its hash recomputed: entry {e.seq} "
            "no longer links to it",
        )
    if target < prev_seq:
        return Finding(
            target + 1,
            Breach.INSERTED,
            f"entry {e.seq} was chained right after "
            + ("the start" if target == 0 else f"entry {target}")
            + ", so what stands between was put in later",
        )
    return Finding(
        e.seq, Breach.REORDERED, f"it was chained after entry {target}, not entry {prev_seq}"
    )


def _head_is_at(head: ChainHead, entry: AuditEntry | None) -> bool:
    """Whether the chain head points at `entry` (None: the start)."""
    if entry is None:
        return head.count == 0 and head.hash == GENESIS
    return head.count == entry.seq and head.hash == entry.hash


def _chain_finding(ordered: Sequence[AuditEntry], head: ChainHead | None) -> Finding | None:
    bound = max([e.seq for e in ordered] + [head.count if head else 0]) + 1
    linked = {GENESIS: 0} | {e.hash: e.seq for e in ordered}
    prev: AuditEntry | None = None
    for position, e in enumerate(ordered, start=1):
        if e.seq < position:
            return Finding(e.seq, Breach.INSERTED, "entry numbers start at 1")
        if head is not None and e.seq > head.count and _head_is_at(head, prev):
            return Finding(
                e.seq,
                Breach.INSERTED,
                f"it lies beyond the end the chain head records (entry {head.count})",
            )
        if e.seq > position:
            if computed_hash(e) != e.hash:
                return _content_breach(e, ordered[position:], bound)
            return Finding(position, Breach.REMOVED, _span(position, e.seq - 1))
        if computed_hash(e) != e.hash:
            return _content_breach(e, ordered[position:], bound)
        expected = prev.hash if prev is not None else GENESIS
        if e.prev_hash != expected:
            return _link_breach(e, prev, linked)
        prev = e
    return None


def _head_finding(ordered: Sequence[AuditEntry], head: ChainHead | None) -> Finding | None:
    n = len(ordered)
    last = ordered[-1].hash if ordered else GENESIS
    if head is None:
        return Finding(None, Breach.REMOVED, "it is missing, so a cut-off end cannot be ruled out")
    if head.count == n and head.hash == last:
        return None
    if head.count > n:
        return Finding(
            n + 1,
            Breach.REMOVED,
            f"{_span(n + 1, head.count)}; the chain head records {head.count} "
            f"{_plural(head.count, 'entry', 'entries')}, the log holds {n}",
        )
    if head.count < n:  # had it pointed at an entry, the walk would have said "inserted"
        return Finding(
            None, Breach.EDITED, f"it records {head.count} entries, the intact log holds {n}"
        )
    return Finding(n, Breach.EDITED, "it no longer matches the chain head (one was rewritten)")


def _anchor_finding(ordered: Sequence[AuditEntry], anchors: Sequence[Anchor]) -> Finding | None:
    for anchor in sorted(anchors, key=lambda a: a.seq):
        if anchor.seq > len(ordered):
            return Finding(
                anchor.seq, Breach.REMOVED, "it was anchored but is gone: the log was cut back"
            )
        if not ordered[anchor.seq - 1].hash.startswith(anchor.hash):
            return Finding(
                anchor.seq,
                Breach.EDITED,
                "its hash differs from the anchor: the log was rewritten up to here",
            )
    return None


def verify_chain(
    entries: Sequence[AuditEntry], head: ChainHead | None, anchors: Sequence[Anchor] = ()
) -> AuditReport:
    """Check every link, then the chain head, then the anchors; report the first break."""
    ordered = sorted(entries, key=lambda e: e.seq)
    finding = (
        _chain_finding(ordered, head)
        or _head_finding(ordered, head)
        or _anchor_finding(ordered, anchors)
    )
    return AuditReport(
        count=len(ordered),
        head_hash=ordered[-1].hash if ordered else GENESIS,
        finding=finding,
    )
