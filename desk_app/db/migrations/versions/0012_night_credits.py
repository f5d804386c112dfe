"""night credits: at most one night per calendar night per member

- night_credits: one row per calendar night credited to a member, with the
  ledger entry that credited it and the check-out date it counts under;
  unique per member and night among the rows not released (a reversal
  frees its nights), so two desks at once credit a night once.
- Existing stays and companions' nights are written in, oldest entry
  first, for the membership that now holds them (a merged number's for the
  number it was merged into); a night already held is not written twice.

Revision ID: 0012
Revises: 0010
Create Date: 2026-11-23 07:00:00
"""
from datetime import date, timedelta

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0010'
branch_labels = None
depends_on = None

_NOT_RELEASED = "released_by IS NULL"


def upgrade() -> None:
    op.create_table(
        'night_credits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('night', sa.Date(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('date_of_use', sa.Date(), nullable=False),
        sa.Column('released_by', sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'],
                                name=op.f('fk_night_credits_entry_id_ledger_entries')),
        sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_night_credits_member_id_members')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_night_credits')),
    )
    op.create_index(op.f('ix_night_credits_entry_id'), 'night_credits', ['entry_id'], unique=False)
    op.create_index('ix_night_credits_member_id', 'night_credits', ['member_id'], unique=False)
    op.create_index('uq_night_credits_member_night', 'night_credits', ['member_id', 'night'], unique=True,
                    sqlite_where=sa.text(_NOT_RELEASED), postgresql_where=sa.text(_NOT_RELEASED))
    _backfill(op.get_bind())


def _backfill(conn) -> None:
    merged_into = dict(conn.execute(sa.text(
        "SELECT id, merged_into_id FROM members WHERE merged_into_id IS NOT NULL")).all())

    def holder(member_id):
        seen = {member_id}
        while member_id in merged_into and merged_into[member_id] not in seen:
            member_id = merged_into[member_id]
            seen.add(member_id)
        return member_id

    rows = conn.execute(sa.text(
        "SELECT e.id, e.member_id, e.nights, p.check_out FROM ledger_entries e "
        "JOIN postings p ON p.transaction_id = e.transaction_id AND p.kind = 'stay' "
        "WHERE e.kind IN ('stay', 'companion') AND e.nights > 0 AND p.reversed_by IS NULL "
        "ORDER BY e.id")).all()
    held: set = set()
    out = []
    for entry_id, member_id, nights, check_out in rows:
        who = holder(member_id)
        if isinstance(check_out, str):
            check_out = date.fromisoformat(check_out)
        for i in range(nights, 0, -1):
            night = check_out - timedelta(days=i)
            if (who, night) not in held:
                held.add((who, night))
                out.append({"member_id": who, "night": night, "entry_id": entry_id, "date_of_use": check_out})
    if out:
        table = sa.table('night_credits', sa.column('member_id'), sa.column('night', sa.Date()),
                         sa.column('entry_id'), sa.column('date_of_use', sa.Date()))
        for i in range(0, len(out), 1000):
            conn.execute(table.insert(), out[i:i + 1000])


def downgrade() -> None:
    op.drop_index('uq_night_credits_member_night', table_name='night_credits',
                  sqlite_where=sa.text(_NOT_RELEASED), postgresql_where=sa.text(_NOT_RELEASED))
    op.drop_index('ix_night_credits_member_id', table_name='night_credits')
    op.drop_index(op.f('ix_night_credits_entry_id'), table_name='night_credits')
    op.drop_table('night_credits')
