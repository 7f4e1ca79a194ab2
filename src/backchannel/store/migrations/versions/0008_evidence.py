"""The neutral brief's evidence: map layers, timeline, legal register, figures (issue 7).

Also the contested places and the dialogue's own loaded terms the neutrality linter reads,
and the register of numbered copies of the brief (a code per participant, never a name).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "brief_feature",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("layer", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("geometry", sa.Text, nullable=False),
        sa.Column("style", sa.Text, nullable=False, server_default="{}"),
        sa.Column("party", sa.String(64), nullable=False, server_default=""),
        sa.Column("source", sa.String(200), nullable=False, server_default=""),
        sa.Column("origin", sa.String(64), nullable=False, server_default=""),
        sa.Column("as_of", sa.Date, nullable=True),
    )
    op.create_table(
        "brief_timeline",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("month_only", sa.Boolean, nullable=False),
        sa.Column("event", sa.Text, nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(64), nullable=False, server_default=""),
        sa.Column("views", sa.Text, nullable=False, server_default="[]"),
    )
    op.create_table(
        "brief_legal",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("instrument", sa.String(300), nullable=False),
        sa.Column("provision", sa.String(200), nullable=False),
        sa.Column("obligation", sa.Text, nullable=False),
        sa.Column("relevance", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "brief_figure",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("adm1", sa.String(200), nullable=False),
        sa.Column("sector", sa.String(200), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("affected", sa.Integer, nullable=True),
        sa.Column("in_need", sa.Integer, nullable=True),
        sa.Column("reached", sa.Integer, nullable=True),
        sa.Column("source", sa.String(200), nullable=False, server_default=""),
        sa.Column("origin", sa.String(64), nullable=False, server_default=""),
    )
    op.create_table(
        "brief_place",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("names", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "brief_term",
        sa.Column("term", sa.String(80), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("alternative", sa.Text, nullable=False),
        sa.Column("not_after", sa.Text, nullable=False, server_default=""),
        sa.Column("not_before", sa.Text, nullable=False, server_default=""),
        sa.Column("only_before", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "brief_copy",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("candidate_id", sa.String(64), nullable=False, unique=True),
        sa.Column("number", sa.Integer, nullable=False, unique=True),
        sa.Column("issued_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "brief_copy",
        "brief_term",
        "brief_place",
        "brief_figure",
        "brief_legal",
        "brief_timeline",
        "brief_feature",
    ):
        op.drop_table(table)
