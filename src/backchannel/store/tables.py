"""The workspace schema as SQLAlchemy Core tables. Migrations under migrations/ build it.

No table of contributions, options or ratings may hold a person: those arrive in later
migrations and a test checks their columns.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

dialogue = Table(
    "dialogue",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("convenor", String(200), nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=False),
)

party = Table(
    "party",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
)

interlocutor = Table(
    "interlocutor",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("party", String(64), nullable=True),
)

meeting = Table(
    "meeting",
    metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("starts", Date, nullable=False),
    Column("days", Integer, nullable=False),
    Column("venue", String(200), nullable=False, server_default=""),
)

candidate = Table(
    "candidate",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("aliases", Text, nullable=False, server_default=""),
    Column("party", String(100), nullable=False),
    Column("category", String(32), nullable=False),
    Column("gender", String(32), nullable=False, server_default=""),
    Column("affiliation", String(200), nullable=False, server_default=""),
    Column("title", String(200), nullable=False, server_default=""),
    Column("channels", Text, nullable=False, server_default=""),
    Column("available", Boolean, nullable=False),
    Column("conflicts", Text, nullable=False, server_default=""),
    Column("priority", Integer, nullable=False),
)

participant = Table(
    "participant",
    metadata,
    Column("candidate_id", String(64), ForeignKey("candidate.id"), primary_key=True),
)

scope = Table(
    "scope",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("problem", Text, nullable=False),
    Column("places", Text, nullable=False, server_default=""),
    Column("parties", Text, nullable=False, server_default=""),
    Column("horizon_days", Integer, nullable=False),
    Column("success_test", Text, nullable=False, server_default=""),
    Column("updated_at", DateTime, nullable=False),
)

ripeness_assessment = Table(
    "ripeness_assessment",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("party", String(100), nullable=False),
    Column("assessed_on", Date, nullable=False),
    Column("indicators_seen", Text, nullable=False, server_default=""),
    Column("recorded_at", DateTime, nullable=False),
)

ripeness_score = Table(
    "ripeness_score",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("ripeness_assessment.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("element", String(32), primary_key=True),
    Column("score", Integer, nullable=False),
    Column("evidence", Text, nullable=False, server_default=""),
    Column("confidence", String(16), nullable=False),
)

event = Table(
    "event",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(64), nullable=False),
    Column("layout", String(16), nullable=False),
    Column("day", Date, nullable=False),
    Column("side_a", String(200), nullable=False),
    Column("side_b", String(200), nullable=False, server_default=""),
    Column("adm_1", String(200), nullable=False, server_default=""),
    Column("latitude", Float, nullable=False),
    Column("longitude", Float, nullable=False),
    Column("fatalities", Integer, nullable=False),
    UniqueConstraint("layout", "source_id", name="uq_event_source"),
)
