"""Gate findings a facilitator approved as intended (for example a public figure).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gate_approval",
        sa.Column("finding_id", sa.String(32), primary_key=True),
        sa.Column("document", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("approved_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("gate_approval")
