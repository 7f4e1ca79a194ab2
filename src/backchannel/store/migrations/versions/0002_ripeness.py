"""Ripeness assessments per party and the conflict events behind its indicators.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ripeness_assessment",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("party", sa.String(100), nullable=False),
        sa.Column("assessed_on", sa.Date, nullable=False),
        sa.Column("indicators_seen", sa.Text, nullable=False, server_default=""),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "ripeness_score",
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("ripeness_assessment.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("element", sa.String(32), primary_key=True),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False, server_default=""),
        sa.Column("confidence", sa.String(16), nullable=False),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.String(64), nullable=False),
        sa.Column("layout", sa.String(16), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("side_a", sa.String(200), nullable=False),
        sa.Column("side_b", sa.String(200), nullable=False, server_default=""),
        sa.Column("adm_1", sa.String(200), nullable=False, server_default=""),
        sa.Column("latitude", sa.Float, nullable=False),
        sa.Column("longitude", sa.Float, nullable=False),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.UniqueConstraint("layout", "source_id", name="uq_event_source"),
    )


def downgrade() -> None:
    op.drop_table("event")
    op.drop_table("ripeness_score")
    op.drop_table("ripeness_assessment")
