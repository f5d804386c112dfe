"""The database schema: SQLAlchemy 2 typed models.

The ledger tables (ledger_entries, allocations, credits, lots' original
points) are append-only; a lot's `remaining` is the one running figure, and
it is checked against the entries (see services.audit)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Installation-wide values: the program and the installation's id (the
    card-signing keys live outside the database, see card_keys.py)."""
    __tablename__ = "installation"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PropertyRow(Base):
    __tablename__ = "properties"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))


class Clerk(Base):
    __tablename__ = "clerks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    # Wrong passwords since the last success or lock; a lock lasts until
    # locked_until (UTC) and then lifts by itself (added in 0005).
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    language: Mapped[str] = mapped_column(String(5), default="en", server_default="en")


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    family_name: Mapped[str] = mapped_column(String(50))
    given_name: Mapped[str] = mapped_column(String(50))
    family_kana: Mapped[str | None] = mapped_column(String(50))
    given_kana: Mapped[str | None] = mapped_column(String(50))
    # Romanised name for the card (added in 0003): as given, the name itself
    # when Latin, or the reading in passport Hepburn; None for kanji with no
    # reading.
    family_name_roman: Mapped[str | None] = mapped_column(String(50))
    given_name_roman: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(254))
    email_norm: Mapped[str | None] = mapped_column(String(254), index=True)
    no_email_reason: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    postal_code: Mapped[str | None] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2))
    birth_date: Mapped[date | None] = mapped_column(Date)
    guardian_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    registration: Mapped[str] = mapped_column(String(8), default="simple")
    status: Mapped[str] = mapped_column(String(12), default="active")
    enrolled_on: Mapped[date] = mapped_column(Date)
    enrolled_at: Mapped[str] = mapped_column(String(16))
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_reason: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)  # indexed in 0013
    premium_hotel: Mapped[str | None] = mapped_column(String(16))
    premium_chosen_on: Mapped[date | None] = mapped_column(Date)
    search_text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Slips and vouchers print in the member's language (added in 0002).
    preferred_language: Mapped[str] = mapped_column(String(5), default="ja", server_default="ja")

    # search_text also has a trigram index, outside this module (0013,
    # db/search_index.py): FTS5 on SQLite, pg_trgm on PostgreSQL.

    __table_args__ = (
        # E-mail is unique among open memberships; a withdrawn member's
        # address may join again (and brings no points back).
        Index("uq_members_active_email", "email_norm", unique=True,
              sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'")),
    )


class Card(Base):
    __tablename__ = "cards"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))  # active | replaced | cancelled
    reason: Mapped[str] = mapped_column(String(12))
    issued_on: Mapped[date] = mapped_column(Date)
    __table_args__ = (UniqueConstraint("member_id", "sequence"),)


class LedgerEntry(Base):
    __tablename__ = "ledger_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transaction_id: Mapped[str] = mapped_column(String(32), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    points: Mapped[int] = mapped_column(Integer, default=0)
    nights: Mapped[int] = mapped_column(Integer, default=0)
    business_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    property_code: Mapped[str | None] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(String(64))
    clerk: Mapped[str] = mapped_column(String(64))
    terminal: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    award_code: Mapped[str | None] = mapped_column(String(40))
    quantity: Mapped[int | None] = mapped_column(Integer)
    voucher_number: Mapped[str | None] = mapped_column(String(32))
    # A reversal's entries name the transaction they undo (added in 0004);
    # the original is never rewritten, it is "reversed" because such an
    # entry exists. One reversal entry per member and original: two desks
    # reversing the same posting cannot both succeed.
    reverses: Mapped[str | None] = mapped_column(String(32))
    # The supervisor who approved a clerk's action on the spot (0004).
    approved_by: Mapped[str | None] = mapped_column(String(64))
    # The hash chain (added in 0006), filled when the writing transaction
    # commits (db/chain.py): the entry's place in the one line of entries, and
    # sha256 over its content, the lots, allocations and credits it made, and
    # the previous entry's hash. A column added later must be nullable and
    # stay NULL on older entries, or their hashes no longer match.
    chain_seq: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    chain_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("uq_ledger_entries_reversal", "reverses", "member_id", unique=True),
    )


class LedgerHead(Base):
    """The end of the hash chain: one row (id 1). Every transaction that
    appends entries locks it (FOR UPDATE on PostgreSQL) so two desks never
    fork the chain; the office keeps a copy of `head` elsewhere."""
    __tablename__ = "ledger_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entries: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(64))


class BusinessDay(Base):
    """The hotel's business date, one row per property (added in 0006);
    only the night audit moves it on (services/business_date.py)."""
    __tablename__ = "business_dates"
    property_code: Mapped[str] = mapped_column(ForeignKey("properties.code"), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(64))


class Posting(Base):
    """A folio or check, once per property: the guard against double posting."""
    __tablename__ = "postings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    property_code: Mapped[str] = mapped_column(ForeignKey("properties.code"))
    kind: Mapped[str] = mapped_column(String(8))  # stay | bill
    reference: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    transaction_id: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[date] = mapped_column(Date)
    date_of_use: Mapped[date] = mapped_column(Date)
    check_in: Mapped[date | None] = mapped_column(Date)
    check_out: Mapped[date | None] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(24))
    rate_plan: Mapped[str | None] = mapped_column(String(24))
    payment: Mapped[str | None] = mapped_column(String(24))
    charges: Mapped[str] = mapped_column(Text)  # JSON of the folio lines as posted
    currency: Mapped[str] = mapped_column(String(3))
    exchange_rate: Mapped[str | None] = mapped_column(String(24))
    points: Mapped[int] = mapped_column(Integer)
    bonus_points: Mapped[int] = mapped_column(Integer)
    nights: Mapped[int] = mapped_column(Integer)
    # The reversal's transaction id once the posting is reversed (0004): the
    # folio number is then free for the right posting.
    reversed_by: Mapped[str | None] = mapped_column(String(32))
    __table_args__ = (
        Index("uq_postings_folio", "property_code", "kind", "reference", unique=True,
              sqlite_where=text("reversed_by IS NULL"), postgresql_where=text("reversed_by IS NULL")),
    )


class Credit(Base):
    """Qualifying points and nights by date of use: what tiers count."""
    __tablename__ = "credits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), index=True)
    date_of_use: Mapped[date] = mapped_column(Date)
    qualifying_points: Mapped[int] = mapped_column(Integer)
    nights: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(12))  # stay | bill | companion | merge | reverse


class NightCredit(Base):
    """One row per calendar night a member is credited (0012): a member gets
    at most one night per calendar night across all postings and
    properties (docs/program-rules.md 3). `night` is the date the night
    begins; `date_of_use` the check-out it counts under. A reversal (or a
    merge that finds the kept number already holding the night) sets
    `released_by` to its transaction id, so the night is free again; the
    unique index over the rows not released makes two desks at once credit
    a night once."""
    __tablename__ = "night_credits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    night: Mapped[date] = mapped_column(Date)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), index=True)
    date_of_use: Mapped[date] = mapped_column(Date)
    released_by: Mapped[str | None] = mapped_column(String(32))
    __table_args__ = (
        Index("uq_night_credits_member_night", "member_id", "night", unique=True,
              sqlite_where=text("released_by IS NULL"), postgresql_where=text("released_by IS NULL")),
        Index("ix_night_credits_member_id", "member_id"),
    )


class Lot(Base):
    __tablename__ = "lots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), index=True)
    earned_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    points: Mapped[int] = mapped_column(Integer)
    remaining: Mapped[int] = mapped_column(Integer)


class Allocation(Base):
    """Which lots a debit (redemption, expiry, withdrawal, merge, reversal)
    drew from. A voided redemption gives its points back with negative
    allocations against the same lots."""
    __tablename__ = "allocations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    points: Mapped[int] = mapped_column(Integer)


class TierStatus(Base):
    __tablename__ = "tier_statuses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    tier: Mapped[str] = mapped_column(String(16))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    basis_year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(12))
    granted_on: Mapped[date] = mapped_column(Date)
    # A status whose figures a reversal took away stops counting from this
    # date (0004); the row stays, so the history of what was held remains.
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    cancelled_by: Mapped[str | None] = mapped_column(String(32))


class TierEvaluation(Base):
    """The record of a year-end evaluation: figures, tier reached, carry-over."""
    __tablename__ = "tier_evaluations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    year: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(Integer)
    nights: Mapped[int] = mapped_column(Integer)
    tier: Mapped[str] = mapped_column(String(16))
    carry_points: Mapped[int] = mapped_column(Integer)
    carry_nights: Mapped[int] = mapped_column(Integer)
    evaluated_on: Mapped[date] = mapped_column(Date)
    __table_args__ = (UniqueConstraint("member_id", "year", name="uq_tier_evaluations_member_year"),)


class NightAuditStep(Base):
    """What the night audit did, step by step (added in 0010): a business
    day closed at a hotel (`close_day`, key PROPERTY:DATE, with the ledger's
    chain head at the close), the expiry batch (`expire_points`, key the
    business date it runs as of) and the year-end evaluation
    (`evaluate_tiers`, key the year). The unique key is the claim that
    makes a batch run once for its date: an audit takes a pending or
    cancelled step (or a running one whose heartbeat stopped) with a
    conditional update, so two audits never run the same step at once,
    and a step done is never run again. The batches keep their own place
    between chunks (services/batch.py); a cancelled step is finished by the
    next audit."""
    __tablename__ = "night_audit_steps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    step: Mapped[str] = mapped_column(String(24))
    run_key: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))  # pending | running | cancelled | done
    property_code: Mapped[str] = mapped_column(String(16))       # the hotel whose audit made it
    closing_date: Mapped[date] = mapped_column(Date)             # the business date that audit closed
    business_date: Mapped[date] = mapped_column(Date)            # the date the step runs as of
    clerk: Mapped[str] = mapped_column(String(64))
    terminal: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the step's figures
    __table_args__ = (UniqueConstraint("step", "run_key", name="uq_night_audit_steps_step_key"),)


class RefusalCount(Base):
    """How many times the desks and desk-admin refused an action, per
    business date, hotel, terminal, clerk, action and code (added in 0010).
    A refusal changes nothing in the ledger; this counter is written by the
    caller that shows it (services/refusals.py) in a transaction of its own,
    for the shift and day reports."""
    __tablename__ = "refusal_counts"
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    property_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    terminal: Mapped[str] = mapped_column(String(64), primary_key=True)
    clerk: Mapped[str] = mapped_column(String(64), primary_key=True)
    action: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    """Office work that reads rather than changes the ledger but must be
    accounted for (added in 0010): an export of members or of the ledger,
    with who, where, when, what and whether personal data left the
    database. Append-only, like the ledger."""
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))            # export
    subject: Mapped[str] = mapped_column(String(24))         # members | ledger
    business_date: Mapped[date] = mapped_column(Date)
    property_code: Mapped[str] = mapped_column(String(16))
    clerk: Mapped[str] = mapped_column(String(64))
    terminal: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    rows: Mapped[int] = mapped_column(Integer)
    personal_data: Mapped[bool] = mapped_column(Boolean)
    target: Mapped[str | None] = mapped_column(String(260))  # the file's name, never its folder


# The day report reads one business date's entries and postings (0010).
Index("ix_ledger_entries_business_date", LedgerEntry.business_date)
Index("ix_postings_business_date", Posting.business_date)
