"""Whose word a peer's acknowledgements are (``sync_peer.acks_word``)

What a peer holds is the latest word it sent (a PC restored from an older backup holds less than it
once said).  A bundle written before one already imported, and imported late (two files on a stick,
taken in the other order), said less than the sender held by then, and lowered what this device
believed it holds until the sender's next bundle.  The column records the sender's store and clock
of the word taken, so an older one is passed over.  Empty on existing peers: the next bundle's word
is taken, as before.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None
bundles_unchanged = True


def upgrade() -> None:
    with op.batch_alter_table("sync_peer") as batch:
        batch.add_column(sa.Column("acks_word", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_peer") as batch:
        batch.drop_column("acks_word")
