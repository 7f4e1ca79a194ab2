"""Accounts, roles and web sessions for the browser workbench (issue 9).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("handle", sa.String(64), primary_key=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("candidate_id", sa.String(64), sa.ForeignKey("candidate.id"), nullable=True),
        sa.Column("interlocutor", sa.String(64), sa.ForeignKey("interlocutor.code"), nullable=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "web_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "handle",
            sa.String(64),
            sa.ForeignKey("account.handle", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_web_session_handle", "web_session", ["handle"])


def downgrade() -> None:
    op.drop_index("ix_web_session_handle", table_name="web_session")
    op.drop_table("web_session")
    op.drop_table("account")
