"""reversals and revocation

A reversal is its own ledger entry naming the transaction it undoes
(`ledger_entries.reverses`, unique per member so a posting is reversed
once); `approved_by` records a supervisor who approved a clerk's action on
the spot. A reversed posting frees its folio or check number: the unique
folio constraint becomes a unique index over the postings not reversed. A
tier status whose figures a reversal took away is cancelled from a date,
never deleted.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_NOT_REVERSED = "reversed_by IS NULL"


def upgrade() -> None:
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reverses', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('approved_by', sa.String(length=64), nullable=True))
        batch_op.create_index('uq_ledger_entries_reversal', ['reverses', 'member_id'], unique=True)

    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reversed_by', sa.String(length=32), nullable=True))
        batch_op.drop_constraint('uq_postings_folio', type_='unique')
        batch_op.create_index('uq_postings_folio', ['property_code', 'kind', 'reference'], unique=True,
                              sqlite_where=sa.text(_NOT_REVERSED), postgresql_where=sa.text(_NOT_REVERSED))

    with op.batch_alter_table('tier_statuses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('cancelled_by', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tier_statuses', schema=None) as batch_op:
        batch_op.drop_column('cancelled_by')
        batch_op.drop_column('cancelled_on')

    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.drop_index('uq_postings_folio', sqlite_where=sa.text(_NOT_REVERSED),
                            postgresql_where=sa.text(_NOT_REVERSED))
        batch_op.create_unique_constraint('uq_postings_folio', ['property_code', 'kind', 'reference'])
        batch_op.drop_column('reversed_by')

    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('uq_ledger_entries_reversal')
        batch_op.drop_column('approved_by')
        batch_op.drop_column('reverses')
