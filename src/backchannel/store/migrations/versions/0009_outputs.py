"""Steps, numbered copies and their register, follow-up (issue 8).

`step_status` is the history of each packaged step's status (the current status stays in
`package_step.status`, which the carry-over into the next meeting reads). `aide_memoire_copy`
is the register of numbered aide-mémoire copies: which interlocutor (an office, by its code,
never a person) received which copy, and the wordings its fingerprint was drawn from.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "step_status",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("step", sa.String(64), sa.ForeignKey("package_step.id"), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("on_day", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "aide_memoire_copy",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("edition", sa.String(64), nullable=False),
        sa.Column("interlocutor", sa.String(64), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("slots", sa.Text, nullable=False),
        sa.UniqueConstraint("edition", "interlocutor", name="uq_copy_interlocutor"),
        sa.UniqueConstraint("edition", "number", name="uq_copy_number"),
    )


def downgrade() -> None:
    op.drop_table("aide_memoire_copy")
    op.drop_table("step_status")
