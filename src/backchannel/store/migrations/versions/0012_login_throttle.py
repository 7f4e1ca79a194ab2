"""Failed logins and known devices kept in the store (issue 17): limits that hold across
restarts and across several server processes on one database.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_login_throttle_last_at", "login_throttle", ["last_at"])
    op.create_table(
        "known_device",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "handle",
            sa.String(64),
            sa.ForeignKey("account.handle", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("last_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_known_device_handle", "known_device", ["handle"])


def downgrade() -> None:
    op.drop_index("ix_known_device_handle", table_name="known_device")
    op.drop_table("known_device")
    op.drop_index("ix_login_throttle_last_at", table_name="login_throttle")
    op.drop_table("login_throttle")
