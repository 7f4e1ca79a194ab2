"""The released copy of the ratings (issue 17): support figures change only in groups of
three ratings per option and party, so no two views give away one person's score.

Existing ratings are released as they stand (a workspace from before had no live views to
difference against).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "released_rating",
        sa.Column("meeting", sa.Integer, sa.ForeignKey("meeting.number"), primary_key=True),
        sa.Column("option", sa.String(64), sa.ForeignKey("meeting_option.code"), primary_key=True),
        sa.Column("pseudonym", sa.String(32), primary_key=True),
        sa.Column("party", sa.String(64), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
    )
    op.execute(
        "INSERT INTO released_rating (meeting, option, pseudonym, party, score) "
        "SELECT meeting, option, pseudonym, party, score FROM rating"
    )


def downgrade() -> None:
    op.drop_table("released_rating")
