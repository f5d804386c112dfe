"""languages for clerks and members

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 15:50:03.875751
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=5), server_default='en', nullable=False))

    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('preferred_language', sa.String(length=5), server_default='ja', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('preferred_language')

    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.drop_column('language')

