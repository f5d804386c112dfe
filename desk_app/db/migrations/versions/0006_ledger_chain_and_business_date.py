"""ledger hash chain, the hotels' business dates, card keys out of the database

- ledger_entries gains chain_seq and chain_hash, and every entry already
  there is chained in id order (db/chain.py: the same hashing the
  application uses, over the tables as they are at this revision);
  ledger_head holds the chain's end; lots and credits get an index on
  entry_id so the chain can be checked quickly.
- business_dates: each hotel's business date, starting today.
- The card-signing secret leaves the database: it goes to this machine's
  key file for the installation (card_keys.py) as the key of the HD1 cards
  already printed, with a new key for new cards, and its row is deleted
  with SQLite's secure_delete so the file no longer holds it.

Revision ID: 0006
Revises: 0010
Create Date: 2026-11-23 03:00:00
"""
from datetime import date, datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('ledger_entries', sa.Column('chain_seq', sa.Integer(), nullable=True))
    op.add_column('ledger_entries', sa.Column('chain_hash', sa.String(length=64), nullable=True))
    op.create_index('ix_ledger_entries_chain_seq', 'ledger_entries', ['chain_seq'], unique=True)
    op.create_index('ix_lots_entry_id', 'lots', ['entry_id'], unique=False)
    op.create_index('ix_credits_entry_id', 'credits', ['entry_id'], unique=False)
    op.create_table(
        'ledger_head',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('entries', sa.Integer(), nullable=False),
        sa.Column('head', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_head')),
    )
    op.create_table(
        'business_dates',
        sa.Column('property_code', sa.String(length=16), nullable=False),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.Column('changed_by', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['property_code'], ['properties.code'],
                                name=op.f('fk_business_dates_property_code_properties')),
        sa.PrimaryKeyConstraint('property_code', name=op.f('pk_business_dates')),
    )
    _chain_existing_entries()
    _start_business_dates()
    _move_card_secret()


def _chain_existing_entries() -> None:
    from desk_app.db import chain

    conn = op.get_bind()
    tables = chain.ChainTables.reflect(conn)
    conn.execute(tables.head.insert().values(id=chain.HEAD_ID, entries=0, head=chain.GENESIS))
    ids = list(conn.execute(sa.select(tables.entries.c.id).order_by(tables.entries.c.id)).scalars())
    chain.seal(conn, tables, ids)


def _start_business_dates() -> None:
    conn = op.get_bind()
    codes = list(conn.execute(sa.text("SELECT code FROM properties ORDER BY code")).scalars())
    if codes:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        conn.execute(sa.text("INSERT INTO business_dates (property_code, business_date, changed_at, changed_by) "
                             "VALUES (:code, :day, :now, 'upgrade')"),
                     [{"code": c, "day": date.today(), "now": now} for c in codes])


def _move_card_secret() -> None:
    from desk_app import card_keys

    conn = op.get_bind()
    secret = conn.execute(sa.text("SELECT value FROM installation WHERE key = 'card_secret'")).scalar()
    if secret is None:
        return  # a new database: its installation id and key are made by Database.initialize
    # A restored older backup may already have been given its database's id.
    installation = conn.execute(sa.text("SELECT value FROM installation WHERE key = 'installation_id'")).scalar()
    if installation is None:
        installation = card_keys.new_installation_id()
        conn.execute(sa.text("INSERT INTO installation (key, value) VALUES ('installation_id', :v)"),
                     {"v": installation})
    card_keys.adopt_legacy(installation, secret)
    if conn.dialect.name == "sqlite":
        # Overwrite the deleted row's bytes instead of leaving them in a free page.
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    conn.execute(sa.text("DELETE FROM installation WHERE key = 'card_secret'"))


def downgrade() -> None:
    # The card secret stays in the key file (the HD1 key): a downgraded
    # desk would need it put back by hand, which is deliberate.
    op.drop_table('business_dates')
    op.drop_table('ledger_head')
    op.drop_index('ix_credits_entry_id', table_name='credits')
    op.drop_index('ix_lots_entry_id', table_name='lots')
    op.drop_index('ix_ledger_entries_chain_seq', table_name='ledger_entries')
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of the ledger would trip its foreign keys.
    op.drop_column('ledger_entries', 'chain_hash')
    op.drop_column('ledger_entries', 'chain_seq')
