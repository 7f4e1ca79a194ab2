"""The brief's evidence in the workspace. Each `replace_*` swaps a whole input; the caller
owns the transaction, so an import is all or nothing."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, Table, delete, insert, select

from backchannel.domain.brief import (
    Figure,
    GeometryKind,
    LegalKind,
    LegalProvision,
    MapFeature,
    MapStyle,
    PartyView,
    TimelineEntry,
)
from backchannel.domain.neutrality import ContestedPlace, LoadedTerm, PlaceName, TermKind
from backchannel.store import tables

_STYLE_KEYS = ("stroke", "stroke_width", "fill", "fill_opacity", "marker_color")


def _replace(conn: Connection, table: Table, rows: list[dict[str, object]]) -> int:
    conn.execute(delete(table))
    if rows:
        conn.execute(insert(table), rows)
    return len(rows)


def replace_features(conn: Connection, features: Sequence[MapFeature]) -> int:
    return _replace(
        conn,
        tables.brief_feature,
        [
            {
                "layer": f.layer,
                "name": f.name,
                "kind": f.kind.value,
                "geometry": f.geometry,
                "style": json.dumps(
                    {k: getattr(f.style, k) for k in _STYLE_KEYS if getattr(f.style, k) is not None}
                ),
                "party": f.party,
                "source": f.source,
                "origin": f.origin,
                "as_of": f.as_of,
            }
            for f in features
        ],
    )


def load_features(conn: Connection) -> tuple[MapFeature, ...]:
    t = tables.brief_feature
    return tuple(
        MapFeature(
            layer=r["layer"],
            name=r["name"],
            kind=GeometryKind(r["kind"]),
            geometry=r["geometry"],
            style=MapStyle(**json.loads(r["style"] or "{}")),
            party=r["party"],
            source=r["source"],
            origin=r["origin"],
            as_of=r["as_of"],
        )
        for r in conn.execute(select(t).order_by(t.c.id)).mappings()
    )


def replace_timeline(conn: Connection, entries: Sequence[TimelineEntry]) -> int:
    return _replace(
        conn,
        tables.brief_timeline,
        [
            {
                "day": e.day,
                "month_only": e.month_only,
                "event": e.event,
                "source": e.source,
                "origin": e.origin,
                "views": json.dumps([[v.party, v.words] for v in e.views], ensure_ascii=False),
            }
            for e in entries
        ],
    )


def load_timeline(conn: Connection) -> tuple[TimelineEntry, ...]:
    t = tables.brief_timeline
    return tuple(
        TimelineEntry(
            day=r["day"],
            event=r["event"],
            source=r["source"],
            origin=r["origin"],
            views=tuple(PartyView(p, w) for p, w in json.loads(r["views"] or "[]")),
            month_only=bool(r["month_only"]),
        )
        for r in conn.execute(select(t).order_by(t.c.day, t.c.id)).mappings()
    )


def replace_legal(conn: Connection, provisions: Sequence[LegalProvision]) -> int:
    return _replace(
        conn,
        tables.brief_legal,
        [
            {
                "instrument": p.instrument,
                "provision": p.provision,
                "obligation": p.obligation,
                "relevance": p.relevance,
                "kind": p.kind.value,
            }
            for p in provisions
        ],
    )


def load_legal(conn: Connection) -> tuple[LegalProvision, ...]:
    t = tables.brief_legal
    return tuple(
        LegalProvision(
            instrument=r["instrument"],
            provision=r["provision"],
            obligation=r["obligation"],
            relevance=r["relevance"],
            kind=LegalKind(r["kind"]),
        )
        for r in conn.execute(select(t).order_by(t.c.id)).mappings()
    )


def replace_figures(conn: Connection, figures: Sequence[Figure]) -> int:
    return _replace(
        conn,
        tables.brief_figure,
        [
            {
                "adm1": f.adm1,
                "sector": f.sector,
                "day": f.day,
                "affected": f.affected,
                "in_need": f.in_need,
                "reached": f.reached,
                "source": f.source,
                "origin": f.origin,
            }
            for f in figures
        ],
    )


def load_figures(conn: Connection) -> tuple[Figure, ...]:
    t = tables.brief_figure
    return tuple(
        Figure(
            adm1=r["adm1"],
            sector=r["sector"],
            day=r["day"],
            affected=r["affected"],
            in_need=r["in_need"],
            reached=r["reached"],
            source=r["source"],
            origin=r["origin"],
        )
        for r in conn.execute(select(t).order_by(t.c.id)).mappings()
    )


def replace_places(conn: Connection, places: Sequence[ContestedPlace]) -> int:
    return _replace(
        conn,
        tables.brief_place,
        [
            {
                "names": json.dumps([[n.name, n.usage] for n in p.names], ensure_ascii=False),
                "note": p.note,
            }
            for p in places
        ],
    )


def load_places(conn: Connection) -> tuple[ContestedPlace, ...]:
    t = tables.brief_place
    return tuple(
        ContestedPlace(tuple(PlaceName(n, u) for n, u in json.loads(r["names"])), r["note"])
        for r in conn.execute(select(t).order_by(t.c.id)).mappings()
    )


def replace_terms(conn: Connection, terms: Sequence[LoadedTerm]) -> int:
    return _replace(
        conn,
        tables.brief_term,
        [
            {
                "term": t.term,
                "kind": t.kind.value,
                "alternative": t.alternative,
                "not_after": " ".join(sorted(t.not_after)),
                "not_before": " ".join(sorted(t.not_before)),
                "only_before": " ".join(sorted(t.only_before)),
            }
            for t in {" ".join(t.term.casefold().split()): t for t in terms}.values()
        ],
    )


def load_terms(conn: Connection) -> tuple[LoadedTerm, ...]:
    t = tables.brief_term
    return tuple(
        LoadedTerm(
            term=r["term"],
            kind=TermKind(r["kind"]),
            alternative=r["alternative"],
            not_after=frozenset(r["not_after"].split()),
            not_before=frozenset(r["not_before"].split()),
            only_before=frozenset(r["only_before"].split()),
        )
        for r in conn.execute(select(t).order_by(t.c.term)).mappings()
    )


def copy_codes(conn: Connection) -> dict[str, tuple[str, int]]:
    """candidate id -> (copy code, copy number) for every copy issued so far."""
    t = tables.brief_copy
    return {
        r["candidate_id"]: (r["code"], r["number"])
        for r in conn.execute(select(t).order_by(t.c.number)).mappings()
    }


def add_copy(conn: Connection, code: str, candidate_id: str, number: int, now: datetime) -> None:
    conn.execute(
        insert(tables.brief_copy).values(
            code=code, candidate_id=candidate_id, number=number, issued_at=now
        )
    )


def copy_holder(conn: Connection, code: str) -> tuple[str, int] | None:
    """(candidate id, copy number) of a copy code, for tracing a leaked copy."""
    t = tables.brief_copy
    row = conn.execute(select(t).where(t.c.code == code)).mappings().first()
    return None if row is None else (row["candidate_id"], row["number"])
