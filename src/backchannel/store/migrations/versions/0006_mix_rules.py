"""The dialogue's mix rules: one row holding the MIX.toml text and when it was set.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mix_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("set_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("mix_rules")
