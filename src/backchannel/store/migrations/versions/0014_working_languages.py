"""The dialogue's working languages, and whether it wants a bilingual non-paper (issue 15).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dialogue") as batch:
        batch.add_column(sa.Column("languages", sa.String(64), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("bilingual", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("dialogue") as batch:
        batch.drop_column("bilingual")
        batch.drop_column("languages")
