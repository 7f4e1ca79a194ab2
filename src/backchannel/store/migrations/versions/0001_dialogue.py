"""The dialogue, its parties, interlocutors, meetings, candidates, roster and scope.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dialogue",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("convenor", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "party",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
    )
    op.create_table(
        "interlocutor",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("party", sa.String(64), nullable=True),
    )
    op.create_table(
        "meeting",
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("starts", sa.Date, nullable=False),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("venue", sa.String(200), nullable=False, server_default=""),
    )
    op.create_table(
        "candidate",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("aliases", sa.Text, nullable=False, server_default=""),
        sa.Column("party", sa.String(100), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("gender", sa.String(32), nullable=False, server_default=""),
        sa.Column("affiliation", sa.String(200), nullable=False, server_default=""),
        sa.Column("title", sa.String(200), nullable=False, server_default=""),
        sa.Column("channels", sa.Text, nullable=False, server_default=""),
        sa.Column("available", sa.Boolean, nullable=False),
        sa.Column("conflicts", sa.Text, nullable=False, server_default=""),
        sa.Column("priority", sa.Integer, nullable=False),
    )
    op.create_table(
        "participant",
        sa.Column("candidate_id", sa.String(64), sa.ForeignKey("candidate.id"), primary_key=True),
    )
    op.create_table(
        "scope",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("problem", sa.Text, nullable=False),
        sa.Column("places", sa.Text, nullable=False, server_default=""),
        sa.Column("parties", sa.Text, nullable=False, server_default=""),
        sa.Column("horizon_days", sa.Integer, nullable=False),
        sa.Column("success_test", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for name in ("scope", "participant", "candidate", "meeting", "interlocutor", "party"):
        op.drop_table(name)
    op.drop_table("dialogue")
