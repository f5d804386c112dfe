"""Finding a member in a second: member number, scanned card, e-mail,
phone, or part of a name in romaji, kanji or kana. Also the member page and
the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import phonenumbers
from sqlalchemy import and_, column, or_, select, table, text as text_clause

from ..db import search_index
from ..db.schema import LedgerEntry, Member
from ..domain import errors, japan, members as rules
from . import cards, ledger, reversal, views
from .context import Desk
from .database import Database

MAX_RESULTS = 50
# A part of a name or kana is looked for among the first this many members it
# matches (by member id); see _name_hits.
MAX_NAME_MATCHES = 1000
MAX_QUERY = 200


def show(db: Database, desk: Desk, number: str) -> views.MemberView:
    desk.require("show")
    with db.read() as s:
        member = ledger.get_member(s, number)
        return views.member_view(s, db.program, member, desk.business_date)


def _phone_key(query: str) -> str | None:
    text = japan.fold_dashes(query).replace(" ", "")
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) < 6 or any(ch not in "0123456789+-()" for ch in text):
        return None
    try:
        return phonenumbers.format_number(phonenumbers.parse(text, "JP"), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return None


def _find(db: Database, session, query: str) -> list[Member]:
    """Members matching the query, best first; raises invalid_card for a
    scanned payload that is forged or replaced."""
    text = (query or "").strip()[:MAX_QUERY]
    if not text:
        return []
    program = db.program
    s = session
    if cards.looks_like_payload(text):
        number, _ = cards.current_card_of(db, text)
        return [ledger.get_member(s, number)]
    compact = japan.fold_dashes(rules.normalize_text(text)).replace(" ", "").replace("-", "")
    if compact.isdigit() and len(compact) == program.member_number_length and compact[0] != "0":
        if not rules.is_valid_member_number(compact, program.member_number_length):
            raise errors.MemberNotFound(f"{compact} is not a valid member number: check the digits.")
        member = s.scalar(select(Member).where(Member.number == compact))
        return [member] if member else []
    sqlite = s.get_bind().dialect.name == "sqlite"
    if "@" in text:
        norm = text.lower()
        order = (Member.email_norm != norm, Member.status != "active", Member.number)
        if _WHOLE_EMAIL.match(norm):
            # A whole address: the index answers it; a prefix only when no one has it.
            exact = list(s.scalars(select(Member).where(Member.email_norm == norm).order_by(*order)
                                   .limit(MAX_RESULTS)))
            if exact:
                return exact
        return list(s.scalars(select(Member).where(_prefix(Member.email_norm, norm, sqlite)).order_by(*order)
                              .limit(MAX_RESULTS)))
    results: list[Member] = []
    phone = _phone_key(text)
    if phone:
        results += s.scalars(select(Member).where(Member.phone == phone).order_by(Member.number).limit(MAX_RESULTS))
    if compact.isdigit():
        # A partly typed member number.
        results += s.scalars(select(Member).where(_prefix(Member.number, compact, sqlite)).order_by(Member.number)
                             .limit(MAX_RESULTS))
        return _unique(results)
    key = rules.search_key(text)
    if not key:
        return results
    pattern = f"%{_escape(key)}%"
    starts = or_(Member.search_text.like(f"{_escape(key)}%", escape="\\"),
                 Member.search_text.like(f"%|{_escape(key)}%", escape="\\"))
    results += s.scalars(
        select(Member).where(Member.id.in_(_name_hits(key, pattern, sqlite)))
        .order_by(Member.status != "active", ~starts, Member.family_name, Member.given_name, Member.number)
        .limit(MAX_RESULTS)
    )
    return _unique(results)


def _name_hits(key: str, pattern: str, sqlite: bool):
    """The ids of the first MAX_NAME_MATCHES members (lowest member id, the
    longest-standing memberships) whose search keys contain the key: only
    these are ordered for the desk, so a common name (Yamamoto: one member
    in thirty) costs as little as a rare one. The same members on either
    database and through either path."""
    if sqlite and len(key) >= TRIGRAM:
        # The FTS5 trigram index hands its rowids in order and stops at the
        # cap; LIKE keeps the answer exactly the one a scan would give.
        fts = table(search_index.FTS, column("rowid"))
        return (select(Member.id).select_from(fts).join(Member, Member.id == fts.c.rowid)
                .where(text_clause(f"{search_index.FTS} MATCH :fts_query").bindparams(fts_query=_fts_phrase(key)),
                       Member.search_text.like(pattern, escape="\\"))
                .order_by(fts.c.rowid).limit(MAX_NAME_MATCHES))
    # PostgreSQL: the pg_trgm GIN index answers the LIKE itself, then the
    # ids are sorted (id + 0: walking the primary key instead, filtering as
    # it goes, would read the whole table for a rare name). SQLite, under
    # three characters (no trigram): the members are read in id order until
    # the cap is reached (a short name such as 李 or 王 is rare enough to wait for).
    return (select(Member.id).where(Member.search_text.like(pattern, escape="\\"))
            .order_by(Member.id if sqlite else Member.id + 0).limit(MAX_NAME_MATCHES))


TRIGRAM = 3
_WHOLE_EMAIL = rules._EMAIL


def _prefix(column, prefix: str, sqlite: bool):
    """Rows whose column starts with `prefix`, as an index range: on SQLite
    (BINARY collation) >= prefix and < prefix + the last code point; on
    PostgreSQL LIKE 'prefix%', which its varchar_pattern_ops index answers
    whatever the database's collation."""
    if sqlite:
        return and_(column >= prefix, column < prefix + "\U0010ffff")
    return column.like(f"{_escape(prefix)}%", escape="\\")


def _fts_phrase(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def _unique(members: list[Member]) -> list[Member]:
    seen: dict[int, Member] = {}
    for m in members:
        seen.setdefault(m.id, m)
    return list(seen.values())[:MAX_RESULTS]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def lookup(db: Database, desk: Desk, query: str) -> list[views.MemberView]:
    desk.require("lookup")
    with db.read() as s:
        return views.member_views(s, db.program, _find(db, s, query), desk.business_date)


@dataclass(frozen=True)
class HistoryEntry:
    transaction_id: str
    date: date
    kind: str
    points: int
    nights: int
    property: str | None
    reference: str | None
    clerk: str
    terminal: str
    reason: str | None
    award: str | None
    member_number: str
    # Reversals (0004): a reversal entry names the transaction it undoes;
    # an undone entry names the reversal that undid it.
    reverses: str | None = None
    reversed_by: str | None = None
    # The supervisor who approved a clerk's action on the spot.
    approved_by: str | None = None


def history(db: Database, desk: Desk, number: str, limit: int | None = None) -> list[HistoryEntry]:
    """Newest first, including the history of memberships merged into this one."""
    desk.require("history")
    with db.read() as s:
        member = ledger.get_member(s, number)
        # The memberships merged into this one (and into those), with their
        # numbers, walked by the indexed merged_into_id: one query for a
        # member never merged, no join or aliased entity per call.
        numbers, frontier = {member.id: member.number}, [member.id]
        while frontier:
            found = s.execute(select(Member.id, Member.number).where(
                Member.merged_into_id == frontier[0] if len(frontier) == 1 else Member.merged_into_id.in_(frontier))).all()
            frontier = [i for i, _ in found if i not in numbers]
            numbers.update(found)
        ids = set(numbers)
        stmt = (select(LedgerEntry).where(LedgerEntry.member_id == member.id if len(ids) == 1
                                          else LedgerEntry.member_id.in_(ids))
                .order_by(LedgerEntry.business_date.desc(), LedgerEntry.id.desc()))
        if limit:
            stmt = stmt.limit(limit)
        rows = [(e, numbers[e.member_id]) for e in s.scalars(stmt)]
        undone = reversal.reversals_of(s, {e.transaction_id for e, _ in rows})
        return [
            HistoryEntry(e.transaction_id, e.business_date, e.kind, e.points, e.nights, e.property_code,
                         e.reference, e.clerk, e.terminal, e.reason, e.award_code, num,
                         e.reverses, undone.get(e.transaction_id), e.approved_by)
            for e, num in rows
        ]
