"""search indexes for a million members

- members.merged_into_id indexed (a member page finds the numbers merged
  into it);
- the trigram index over members.search_text (partial names and kana):
  SQLite FTS5 `trigram`, external content, kept in step by triggers;
  PostgreSQL pg_trgm GIN; and on PostgreSQL `varchar_pattern_ops` indexes
  for a prefix of an e-mail address or member number (db/search_index.py).

Revision ID: 0013
Revises: 0010
Create Date: 2026-11-23 07:00:00
"""
from alembic import op

from desk_app.db import search_index

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_members_merged_into_id', 'members', ['merged_into_id'], unique=False)
    search_index.install(op.get_bind())


def downgrade() -> None:
    search_index.uninstall(op.get_bind())
    op.drop_index('ix_members_merged_into_id', table_name='members')
