"""romanised names for members

Adds the romanised name and fills it for every member already there (the
name itself when Latin, else the katakana reading in passport Hepburn), and
recomputes the search column so romaji and either kana spelling find old
members too. The data step uses the domain's pure functions (no ORM), in
batches.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 16:18:03.400446
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('family_name_roman', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('given_name_roman', sa.String(length=50), nullable=True))

    _fill_romanised_names()


BATCH = 2000


def _fill_romanised_names() -> None:
    from desk_app.domain import members as rules

    members = sa.table(
        'members', sa.column('id', sa.Integer), sa.column('family_name', sa.String),
        sa.column('given_name', sa.String), sa.column('family_kana', sa.String),
        sa.column('given_kana', sa.String), sa.column('family_name_roman', sa.String),
        sa.column('given_name_roman', sa.String), sa.column('search_text', sa.Text))
    conn = op.get_bind()
    update = (members.update().where(members.c.id == sa.bindparam('mid'))
              .values(family_name_roman=sa.bindparam('fr'), given_name_roman=sa.bindparam('gr'),
                      search_text=sa.bindparam('st')))
    last = 0
    while True:
        rows = conn.execute(
            sa.select(members.c.id, members.c.family_name, members.c.given_name, members.c.family_kana,
                      members.c.given_kana).where(members.c.id > last).order_by(members.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        params = []
        for mid, family, given, fk, gk in rows:
            # A long katakana name may spell longer than the column in
            # romaji: cut to the column's 50 (the office can type a better one).
            fr, gr = _fit(rules.roman_for(family, fk)), _fit(rules.roman_for(given, gk))
            params.append(dict(mid=mid, fr=fr, gr=gr, st=rules.search_text(family, given, fk, gk, fr, gr)))
        conn.execute(update, params)
        last = rows[-1][0]


def _fit(roman: str | None, width: int = 50) -> str | None:
    return roman[:width].rstrip() or None if roman else roman


def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('given_name_roman')
        batch_op.drop_column('family_name_roman')
