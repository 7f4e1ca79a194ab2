"""The versioned charter and each participant's consent to it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "charter",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("adopted_on", sa.Date, nullable=False),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("candidate_id", sa.String(64), sa.ForeignKey("candidate.id"), nullable=False),
        sa.Column("charter_version", sa.Integer, sa.ForeignKey("charter.version"), nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("how", sa.String(200), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("candidate_id", "charter_version", name="uq_consent_version"),
    )


def downgrade() -> None:
    op.drop_table("consent")
    op.drop_table("charter")
