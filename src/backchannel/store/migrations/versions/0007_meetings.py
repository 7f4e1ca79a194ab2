"""Meetings, rounds, capture without attribution, options and anonymous ratings (issue 6).

No table here has a column for a person: records carry at most a party, ratings a salted
pseudonym of the rater and the rater's party (tests/store/test_no_person_columns.py).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_MEETING = "meeting.number"


def upgrade() -> None:
    op.create_table(
        "rater_salt",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "meeting_timebox",
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), primary_key=True),
        sa.Column("round", sa.String(16), primary_key=True),
        sa.Column("minutes", sa.Integer, nullable=False),
    )
    op.create_table(
        "round_move",
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("to_round", sa.String(16), nullable=True),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "framing",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("party", sa.String(64), nullable=True),
    )
    op.create_table(
        "party_item",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("party", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "meeting_option",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("serves", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "consequence_test",
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), primary_key=True),
        sa.Column("option", sa.String(64), sa.ForeignKey("meeting_option.code"), primary_key=True),
        sa.Column("party", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        *(
            sa.Column(name, sa.Text, nullable=False, server_default="")
            for name in (
                "gains",
                "costs",
                "risks",
                "spoilers",
                "feasibility",
                "verification",
                "questions",
            )
        ),
    )
    op.create_table(
        "option_package",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("options", sa.Text, nullable=False),
    )
    op.create_table(
        "package_step",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("package", sa.String(64), sa.ForeignKey("option_package.code"), nullable=False),
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("how", sa.Text, nullable=False),
        sa.Column("test", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.UniqueConstraint("package", "position", name="uq_package_step_position"),
    )
    op.create_table(
        "rating",
        sa.Column("meeting", sa.Integer, sa.ForeignKey(_MEETING), primary_key=True),
        sa.Column("option", sa.String(64), sa.ForeignKey("meeting_option.code"), primary_key=True),
        sa.Column("pseudonym", sa.String(32), primary_key=True),
        sa.Column("party", sa.String(64), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for name in (
        "rating",
        "package_step",
        "option_package",
        "consequence_test",
        "meeting_option",
        "party_item",
        "framing",
        "round_move",
        "meeting_timebox",
        "rater_salt",
    ):
        op.drop_table(name)
