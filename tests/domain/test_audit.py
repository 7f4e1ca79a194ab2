"""The audit log's pure rules: canonical entries, the hash chain, and naming the first break."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.domain.audit import (
    EMPTY_HEAD,
    GENESIS,
    Anchor,
    AuditEntry,
    Breach,
    ChainHead,
    audit_draft,
    canonical_json,
    chain,
    computed_hash,
    parse_anchor,
    utc_stamp,
    verify_chain,
)
from backchannel.domain.errors import BadInputError

T0 = datetime(2026, 3, 2, 9, 0, 0)


def build(n: int, start: ChainHead = EMPTY_HEAD) -> list[AuditEntry]:
    """A well-formed chain of n entries."""
    out: list[AuditEntry] = []
    head = start
    for i in range(n):
        draft = audit_draft(
            T0 + timedelta(minutes=i), "facilitator", "export", f"doc-{i + 1}.pdf", {"copy": i}
        )
        entry = chain(draft, head)
        out.append(entry)
        head = ChainHead(entry.seq, entry.hash)
    return out


def head_of(entries: Sequence[AuditEntry]) -> ChainHead:
    return ChainHead(len(entries), entries[-1].hash if entries else GENESIS)


def rehashed(entry: AuditEntry, **changes: object) -> AuditEntry:
    """What an attacker who knows the scheme writes: changed fields and a matching hash."""
    changed = dataclasses.replace(entry, **changes)  # type: ignore[arg-type]
    digest = computed_hash(changed)
    assert digest is not None
    return dataclasses.replace(changed, hash=digest)


def renumbered(entries: Sequence[AuditEntry], start: int) -> list[AuditEntry]:
    return [dataclasses.replace(e, seq=i) for i, e in enumerate(entries, start=start)]


def finding_of(
    entries: Sequence[AuditEntry], head: ChainHead | None, anchors: Sequence[Anchor] = ()
) -> tuple[int | None, Breach]:
    report = verify_chain(entries, head, anchors)
    assert report.finding is not None, "the break was not found"
    return report.finding.seq, report.finding.breach


class TestCanonicalForm:
    """An entry's hash is SHA-256 over the canonical JSON of its seven fields."""

    def test_the_documented_formula(self) -> None:
        entry = build(1)[0]
        body = {
            "seq": 1,
            "at": "2026-03-02T09:00:00Z",
            "actor": "facilitator",
            "action": "export",
            "subject": "doc-1.pdf",
            "details": {"copy": 0},
            "prev_hash": "0" * 64,
        }
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == entry.hash
        assert GENESIS == entry.prev_hash

    def test_each_entry_links_to_the_one_before(self) -> None:
        entries = build(3)
        assert [GENESIS, entries[0].hash, entries[1].hash] == [e.prev_hash for e in entries]
        assert [1, 2, 3] == [e.seq for e in entries]

    def test_details_are_sorted_and_compact(self) -> None:
        draft = audit_draft(T0, "cli", "consent", "c001", {"b": [1, True, None], "a": "Zoë"})
        assert '{"a":"Zoë","b":[1,true,null]}' == draft.details
        assert {"a": "Zoë", "b": [1, True, None]} == chain(draft, EMPTY_HEAD).details_object()

    def test_canonical_json_escapes_only_what_json_must(self) -> None:
        assert '{"k":"a\\"b\\n\\u0001é"}' == canonical_json({"k": 'a"b\n\x01é'})


class TestTimestamps:
    """`at` is UTC ISO 8601 text ending in Z; a naive time is taken as UTC."""

    def test_naive_is_utc(self) -> None:
        assert "2026-03-02T09:00:00Z" == utc_stamp(T0)

    def test_aware_is_converted(self) -> None:
        eastern = datetime(2026, 3, 2, 12, 0, tzinfo=timezone(timedelta(hours=3)))
        assert "2026-03-02T09:00:00Z" == utc_stamp(eastern)
        assert "2026-03-02T09:00:00Z" == utc_stamp(T0.replace(tzinfo=UTC))


class TestWhatMayBeRecorded:
    """The actor is a role or handle, never a name; no secret ever enters the log."""

    @pytest.mark.parametrize("actor", ["facilitator", "cli", "rapporteur-2", "web:p07"])
    def test_roles_and_handles(self, actor: str) -> None:
        assert actor == audit_draft(T0, actor, "login").actor

    @pytest.mark.parametrize("actor", ["Ngozi Okonkwo", "", "amina@example.org", "x" * 65])
    def test_names_are_refused_without_echo(self, actor: str) -> None:
        with pytest.raises(ValueError, match="never a person's name") as caught:
            audit_draft(T0, actor, "login")
        assert actor == "" or actor not in str(caught.value)

    @pytest.mark.parametrize("action", ["Export", "gate approve", "gate..approve", "", ".x"])
    def test_malformed_actions(self, action: str) -> None:
        with pytest.raises(ValueError, match="dotted lowercase"):
            audit_draft(T0, "cli", action)

    @pytest.mark.parametrize(
        "details",
        [
            {"passphrase": "correct horse"},
            {"Password": "correct horse"},
            {"api_token": "correct horse"},
            {"client-secret": "correct horse"},
            {"login": {"pass_word": "correct horse"}},
            {"credentials": ["correct horse"]},
        ],
    )
    def test_secret_keys_are_refused(self, details: dict[str, object]) -> None:
        with pytest.raises(ValueError, match="must not hold secrets") as caught:
            audit_draft(T0, "cli", "login", "", details)
        assert "correct horse" not in str(caught.value)

    @pytest.mark.parametrize(
        ("details", "words"),
        [
            ({"ratio": 0.5}, "is a float"),
            ({"n": 2**60}, "too large"),
            ({"when": T0}, "is a datetime"),
            ({"a b": 1}, "keys are ASCII"),
            ({"x": "y" * 20_000}, "longer than"),
        ],
    )
    def test_values_json_cannot_hold_exactly(self, details: dict[str, object], words: str) -> None:
        with pytest.raises(ValueError, match=words):
            audit_draft(T0, "cli", "export", "", details)

    def test_subject_is_one_line(self) -> None:
        with pytest.raises(ValueError, match="one line"):
            audit_draft(T0, "cli", "export", "a\nb")


class TestIntact:
    """An untouched chain, and an empty one, verify."""

    def test_untouched(self) -> None:
        entries = build(5)
        report = verify_chain(entries, head_of(entries))
        assert (True, 5, entries[-1].hash) == (report.intact, report.count, report.head_hash)

    def test_empty(self) -> None:
        report = verify_chain([], EMPTY_HEAD)
        assert (True, 0, GENESIS) == (report.intact, report.count, report.head_hash)

    def test_order_of_the_input_does_not_matter(self) -> None:
        entries = build(4)
        assert verify_chain(entries[::-1], head_of(entries)).intact


class TestEdited:
    """A changed field shows at that entry, whether or not its hash was recomputed."""

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("at", "2026-03-02T09:09:09Z"),
            ("actor", "observer"),
            ("action", "login"),
            ("subject", "other.pdf"),
            ("details", '{"copy":9}'),
            ("details", '{"copy": 2}'),  # same meaning, not the text that was hashed
            ("details", "not json"),
            ("prev_hash", "1" * 64),
            ("hash", "f" * 64),
        ],
    )
    def test_a_field_edited_in_place(self, field: str, value: str) -> None:
        entries = build(5)
        entries[2] = dataclasses.replace(entries[2], **{field: value})  # type: ignore[arg-type]
        assert (3, Breach.EDITED) == finding_of(entries, head_of(build(5)))

    def test_edited_and_rehashed_shows_at_the_next_link(self) -> None:
        original = build(5)
        entries = list(original)
        entries[2] = rehashed(entries[2], subject="other.pdf")
        assert (3, Breach.EDITED) == finding_of(entries, head_of(original))

    def test_last_entry_rehashed_shows_against_the_head(self) -> None:
        original = build(5)
        entries = [*original[:4], rehashed(original[4], actor="observer")]
        assert (5, Breach.EDITED) == finding_of(entries, head_of(original))

    def test_first_entry_relinked(self) -> None:
        original = build(3)
        entries = [rehashed(original[0], prev_hash="1" * 64), *original[1:]]
        assert (1, Breach.EDITED) == finding_of(entries, head_of(original))


class TestRemoved:
    """A missing entry is named, in the middle, at the end, or hidden by renumbering."""

    def test_middle(self) -> None:
        original = build(5)
        report = verify_chain([e for e in original if e.seq != 3], head_of(original))
        assert report.finding is not None
        assert "entry 3 removed: it is missing" == report.finding.message()

    def test_two_in_a_row(self) -> None:
        original = build(6)
        report = verify_chain([e for e in original if e.seq not in (3, 4)], head_of(original))
        assert report.finding is not None
        assert (3, "entries 3-4 are missing") == (report.finding.seq, report.finding.reason)

    def test_last_shows_against_the_head(self) -> None:
        original = build(5)
        assert (5, Breach.REMOVED) == finding_of(original[:4], head_of(original))

    def test_all(self) -> None:
        assert (1, Breach.REMOVED) == finding_of([], head_of(build(2)))

    def test_last_cannot_be_ruled_out_without_a_head(self) -> None:
        assert (None, Breach.REMOVED) == finding_of(build(4), None)

    def test_middle_then_renumbered(self) -> None:
        original = build(5)
        entries = [*original[:2], *renumbered(original[3:], start=3)]
        report = verify_chain(entries, ChainHead(4, original[-1].hash))
        assert report.finding is not None
        assert (3, Breach.REMOVED) == (report.finding.seq, report.finding.breach)
        assert "written as entry 4" in report.finding.reason


class TestReordered:
    """Entries moved within the log are told apart from removals."""

    def test_two_swapped(self) -> None:
        original = build(5)
        entries = list(original)
        entries[2], entries[3] = (
            dataclasses.replace(original[3], seq=3),
            dataclasses.replace(original[2], seq=4),
        )
        report = verify_chain(entries, head_of(original))
        assert report.finding is not None
        assert (3, Breach.REORDERED) == (report.finding.seq, report.finding.breach)
        assert "written as entry 4" in report.finding.reason

    def test_rehashed_into_another_place_in_the_chain(self) -> None:
        original = build(5)
        moved = rehashed(original[3], seq=3, prev_hash=original[4].hash)
        entries = [*original[:2], moved]
        assert (3, Breach.REORDERED) == finding_of([*entries, *original[4:]], head_of(original))


class TestInserted:
    """Entries put in by hand, at the end or in the middle, are found."""

    def test_appended_past_the_head(self) -> None:
        entries = build(6)
        assert (6, Breach.INSERTED) == finding_of(entries, head_of(entries[:5]))

    def test_appended_far_past_the_head(self) -> None:
        entries = build(5)
        extra = dataclasses.replace(entries[4], seq=40)
        assert (40, Breach.INSERTED) == finding_of([*entries[:4], extra], head_of(entries[:4]))

    def test_middle_with_the_rest_renumbered(self) -> None:
        original = build(4)
        forged = chain(
            audit_draft(T0, "facilitator", "consent", "c009"),
            ChainHead(2, original[1].hash),
        )
        entries = [*original[:2], forged, *renumbered(original[2:], start=4)]
        assert (3, Breach.INSERTED) == finding_of(entries, ChainHead(5, original[-1].hash))

    def test_middle_with_the_rest_rehashed(self) -> None:
        original = build(4)
        forged = chain(audit_draft(T0, "cli", "consent", "c009"), ChainHead(2, original[1].hash))
        moved = [rehashed(e, seq=e.seq + 1) for e in original[2:]]
        assert (3, Breach.INSERTED) == finding_of(
            [*original[:2], forged, *moved], ChainHead(5, moved[-1].hash)
        )

    def test_number_zero(self) -> None:
        entries = build(2)
        extra = dataclasses.replace(entries[0], seq=0)
        assert (0, Breach.INSERTED) == finding_of([extra, *entries], head_of(entries))


class TestAnchors:
    """A rewrite of the whole log, head and all, is only caught by an anchor kept outside."""

    def test_a_full_rewrite_passes_the_chain_but_not_the_anchor(self) -> None:
        original = build(5)
        rewritten: list[AuditEntry] = []
        head = EMPTY_HEAD
        for e in original:
            new = chain(
                audit_draft(T0, e.actor, e.action, e.subject.replace("3", "9"), {}),
                head,
            )
            rewritten.append(new)
            head = ChainHead(new.seq, new.hash)
        assert verify_chain(rewritten, head).intact
        anchor = Anchor(4, original[3].hash[:12])
        report = verify_chain(rewritten, head, [anchor])
        assert report.finding is not None
        assert (4, Breach.EDITED) == (report.finding.seq, report.finding.breach)

    def test_a_cut_back_log(self) -> None:
        original = build(5)
        anchor = Anchor(5, original[4].hash)
        assert verify_chain(original[:3], head_of(original[:3])).intact
        assert (5, Breach.REMOVED) == finding_of(original[:3], head_of(original[:3]), [anchor])

    def test_a_matching_anchor(self) -> None:
        original = build(5)
        anchors = [Anchor(2, original[1].hash), Anchor(5, original[4].hash[:12])]
        assert verify_chain(original, head_of(original), anchors).intact

    def test_parse(self) -> None:
        assert Anchor(12, "3f2a9c0b41d7") == parse_anchor(" 12:3F2A9C0B41D7 ")

    @pytest.mark.parametrize("text", ["12", "x:3f2a9c0b41d7", "0:3f2a9c0b41d7", "3:3f2a", "3:zz"])
    def test_parse_refuses(self, text: str) -> None:
        with pytest.raises(BadInputError, match="SEQ:HASH"):
            parse_anchor(text)


FIELDS = ("at", "actor", "action", "subject", "details", "prev_hash", "hash")


class TestAnySingleChange:
    """Property: any one edited field or removed entry is found at that entry."""

    @given(
        n=st.integers(min_value=1, max_value=8),
        data=st.data(),
    )
    def test_any_edit(self, n: int, data: st.DataObject) -> None:
        original = build(n)
        i = data.draw(st.integers(min_value=0, max_value=n - 1))
        field = data.draw(st.sampled_from(FIELDS))
        value = data.draw(st.text(min_size=1, max_size=20))
        if value == getattr(original[i], field):
            value += "x"
        entries = list(original)
        entries[i] = dataclasses.replace(entries[i], **{field: value})  # type: ignore[arg-type]
        assert (i + 1, Breach.EDITED) == finding_of(entries, head_of(original))

    @given(n=st.integers(min_value=1, max_value=8), data=st.data())
    def test_any_removal(self, n: int, data: st.DataObject) -> None:
        original = build(n)
        i = data.draw(st.integers(min_value=0, max_value=n - 1))
        assert (i + 1, Breach.REMOVED) == finding_of(
            original[:i] + original[i + 1 :], head_of(original)
        )
