"""clerk accounts: a lock-out that expires

Replaces the lasting `locked` flag with `locked_until`. An account locked
before the upgrade stays locked for one lock-out period from the upgrade,
then lifts by itself (or a supervisor unlocks it sooner).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00
"""
from datetime import datetime, timedelta, timezone

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

LOCK_MINUTES = 15


def upgrade() -> None:
    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(), nullable=True))
    clerks = sa.table('clerks', sa.column('locked', sa.Boolean), sa.column('locked_until', sa.DateTime),
                      sa.column('failed_attempts', sa.Integer))
    until = datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(minutes=LOCK_MINUTES)
    op.execute(clerks.update().where(clerks.c.locked == sa.true())
               .values(locked_until=until, failed_attempts=0))
    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.drop_column('locked')


def downgrade() -> None:
    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked', sa.Boolean(), nullable=False, server_default=sa.false()))
    clerks = sa.table('clerks', sa.column('locked', sa.Boolean), sa.column('locked_until', sa.DateTime))
    op.execute(clerks.update().where(clerks.c.locked_until.is_not(None)).values(locked=True))
    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
