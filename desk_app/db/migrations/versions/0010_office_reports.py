"""the night audit's steps, refusal counters and export audit

- night_audit_steps: one row per night-audit step (a day closed with the
  chain head at the close, the expiry batch per business date, the tier
  evaluation per year), unique per step and key so a batch never runs
  twice for one date; a cancelled step is finished by the next audit.
- refusal_counts: refusals per business date, hotel, terminal, clerk,
  action and code, for the shift and day reports.
- audit_events: exports of members and of the ledger (who, when, what,
  whether personal data was included).

Revision ID: 0010
Revises: 0005
Create Date: 2026-11-23 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'night_audit_steps',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('step', sa.String(length=24), nullable=False),
        sa.Column('run_key', sa.String(length=40), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('property_code', sa.String(length=16), nullable=False),
        sa.Column('closing_date', sa.Date(), nullable=False),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('clerk', sa.String(length=64), nullable=False),
        sa.Column('terminal', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.Column('done', sa.Integer(), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('result', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_night_audit_steps')),
        sa.UniqueConstraint('step', 'run_key', name='uq_night_audit_steps_step_key'),
    )
    op.create_table(
        'refusal_counts',
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('property_code', sa.String(length=16), nullable=False),
        sa.Column('terminal', sa.String(length=64), nullable=False),
        sa.Column('clerk', sa.String(length=64), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('business_date', 'property_code', 'terminal', 'clerk', 'action', 'code',
                                name=op.f('pk_refusal_counts')),
    )
    op.create_table(
        'audit_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('subject', sa.String(length=24), nullable=False),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('property_code', sa.String(length=16), nullable=False),
        sa.Column('clerk', sa.String(length=64), nullable=False),
        sa.Column('terminal', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('period_from', sa.Date(), nullable=True),
        sa.Column('period_to', sa.Date(), nullable=True),
        sa.Column('rows', sa.Integer(), nullable=False),
        sa.Column('personal_data', sa.Boolean(), nullable=False),
        sa.Column('target', sa.String(length=260), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events')),
    )
    op.create_index(op.f('ix_audit_events_created_at'), 'audit_events', ['created_at'], unique=False)
    # The day report finds a day's postings and entries by business date.
    op.create_index('ix_ledger_entries_business_date', 'ledger_entries', ['business_date'], unique=False)
    op.create_index('ix_postings_business_date', 'postings', ['business_date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_postings_business_date', table_name='postings')
    op.drop_index('ix_ledger_entries_business_date', table_name='ledger_entries')
    op.drop_index(op.f('ix_audit_events_created_at'), table_name='audit_events')
    op.drop_table('audit_events')
    op.drop_table('refusal_counts')
    op.drop_table('night_audit_steps')
