"""The ledger's hash chain: each entry carries sha256 over its own content,
the lots, allocations and credits it made, and the previous entry's hash,
so an entry changed, added or removed behind the application's back no
longer fits (`desk-admin check-ledger`).

What is hashed is canonical JSON (sorted keys, no spaces, UTF-8) of

    {"entry": {...}, "lots": [...], "allocations": [...], "credits": [...], "prev": "<hash>"}

- the entry's columns that are not NULL, except `id` and the chain columns,
  so a nullable column added by a later schema leaves older hashes as they
  were;
- each lot, allocation and credit the entry made (in id order): their
  non-NULL columns except `id`, `entry_id` and a lot's `remaining` (the one
  running figure, which services.audit checks against the allocations);
- dates as YYYY-MM-DD, timestamps in ISO format.

Entries get their place and hash when the transaction that wrote them
commits (`seal`), under a lock on the one `ledger_head` row, so two desks
writing at once still make one line. Functions here take the tables as
arguments (`ChainTables`): the migration that hashes an older database uses
the tables as they were then, the application the current schema.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Iterable, Iterator, Mapping

from sqlalchemy import MetaData, Table, bindparam, event, func, select, update
from sqlalchemy.orm import Session

GENESIS = "0" * 64
HEAD_ID = 1
CHUNK = 500
ENTRY_SKIP = frozenset({"id", "chain_seq", "chain_hash"})
CHILD_SKIP = {
    "lots": frozenset({"id", "entry_id", "remaining"}),
    "allocations": frozenset({"id", "entry_id"}),
    "credits": frozenset({"id", "entry_id"}),
}


@dataclass(frozen=True)
class ChainTables:
    entries: Table
    lots: Table
    allocations: Table
    credits: Table
    head: Table

    def child(self, name: str) -> Table:
        return getattr(self, name)

    @classmethod
    def reflect(cls, conn) -> "ChainTables":
        """The tables as the database has them now (for migrations)."""
        md = MetaData()
        names = ("ledger_entries", "lots", "allocations", "credits", "ledger_head")
        return cls(*(Table(n, md, autoload_with=conn) for n in names))


def orm_tables() -> ChainTables:
    from .schema import Allocation, Credit, LedgerEntry, LedgerHead, Lot

    return ChainTables(LedgerEntry.__table__, Lot.__table__, Allocation.__table__, Credit.__table__,
                       LedgerHead.__table__)


# -- the hash -----------------------------------------------------------------
def _value(v):
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


_PLAIN = (int, str)


def _fields(row: Mapping, skip: frozenset) -> dict:
    out = {}
    for k, v in row.items():
        if v is None or k in skip:
            continue
        out[k] = v if type(v) in _PLAIN else _value(v)
    return out


def _dicts(result) -> list[dict]:
    """Rows as plain dicts (much cheaper to walk than RowMapping)."""
    keys = list(result.keys())
    return [dict(zip(keys, row)) for row in result]


def canonical(entry: Mapping, children: Mapping[str, list[Mapping]], prev: str) -> bytes:
    doc: dict = {"entry": _fields(entry, ENTRY_SKIP), "prev": prev}
    for name, skip in CHILD_SKIP.items():
        doc[name] = [_fields(r, skip) for r in sorted(children.get(name, ()), key=lambda r: r["id"])]
    # surrogatepass: a reason typed as undecodable bytes still hashes the same way each time.
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogatepass")


def digest(entry: Mapping, children: Mapping[str, list[Mapping]], prev: str) -> str:
    return hashlib.sha256(canonical(entry, children, prev)).hexdigest()


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _children(conn, t: ChainTables, entry_ids: list[int]) -> dict[int, dict[str, list[Mapping]]]:
    out: dict[int, dict[str, list[Mapping]]] = {}
    if not entry_ids:
        return out
    for name in CHILD_SKIP:
        table = t.child(name)
        for row in _dicts(conn.execute(select(table).where(table.c.entry_id.in_(entry_ids)))):
            out.setdefault(row["entry_id"], {}).setdefault(name, []).append(row)
    return out


# -- appending ----------------------------------------------------------------
def seal(conn, t: ChainTables, entry_ids: Iterable[int]) -> tuple[int, str] | None:
    """Give the not yet chained entries among `entry_ids` their place and
    hash, oldest id first, after the current head; returns (entries, head).
    Call it last in the writing transaction: it locks the head row until
    the commit, and everything the entries made must be written by then.
    Works on a Connection or a Session, for one entry or a bulk import."""
    ids = sorted(set(entry_ids))
    if not ids:
        return None
    row = conn.execute(select(t.head.c.entries, t.head.c.head).where(t.head.c.id == HEAD_ID)
                       .with_for_update()).first()
    if row is None:
        raise RuntimeError("The ledger's chain head row is missing: run 'desk-admin check-ledger'.")
    seq, prev = row
    stmt = (update(t.entries).where(t.entries.c.id == bindparam("_id"))
            .values(chain_seq=bindparam("_seq"), chain_hash=bindparam("_hash")))
    for chunk in _chunks(ids):
        rows = _dicts(conn.execute(select(t.entries).where(t.entries.c.id.in_(chunk), t.entries.c.chain_seq.is_(None))
                                   .order_by(t.entries.c.id)))
        children = _children(conn, t, [r["id"] for r in rows])
        params = []
        for r in rows:
            seq += 1
            prev = digest(r, children.get(r["id"], {}), prev)
            params.append({"_id": r["id"], "_seq": seq, "_hash": prev})
        if params:
            conn.execute(stmt, params)
    conn.execute(update(t.head).where(t.head.c.id == HEAD_ID).values(entries=seq, head=prev))
    return seq, prev


# -- checking -----------------------------------------------------------------
@dataclass(frozen=True)
class ChainProblem:
    entry_id: int | None
    message: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head: str
    problem: ChainProblem | None = None


def read_head(conn, t: ChainTables) -> tuple[int, str] | None:
    row = conn.execute(select(t.head.c.entries, t.head.c.head).where(t.head.c.id == HEAD_ID)).first()
    return (row[0], row[1]) if row is not None else None


def verify(conn, t: ChainTables) -> ChainReport:
    """Recompute the chain from the first entry; stop at the first entry
    that does not fit."""
    e = t.entries
    loose = conn.execute(select(func.min(e.c.id)).where((e.c.chain_seq.is_(None)) | (e.c.chain_hash.is_(None)))
                         ).scalar()
    if loose is not None:
        return ChainReport(0, GENESIS, ChainProblem(
            loose, f"entry {loose} is not in the chain: it was written behind the application's back"))
    count, prev, last_id = 0, GENESIS, None
    while True:
        rows = _dicts(conn.execute(select(e).where(e.c.chain_seq > count).order_by(e.c.chain_seq).limit(CHUNK)))
        if not rows:
            break
        children = _children(conn, t, [r["id"] for r in rows])
        for r in rows:
            if r["chain_seq"] != count + 1:
                return ChainReport(count, prev, ChainProblem(
                    r["id"], f"entry {r['id']} follows a gap: entry {count + 1} of the chain is missing"))
            expected = digest(r, children.get(r["id"], {}), prev)
            if expected != r["chain_hash"]:
                return ChainReport(count, prev, ChainProblem(
                    r["id"], f"entry {r['id']} (number {count + 1} in the chain) does not match its hash: "
                             f"it, or what it made (lots, allocations, credits), was changed"))
            count, prev, last_id = count + 1, r["chain_hash"], r["id"]
    head = read_head(conn, t)
    if head is None:
        return ChainReport(count, prev, ChainProblem(last_id, "the chain head row is missing"))
    if head != (count, prev):
        return ChainReport(count, prev, ChainProblem(
            last_id, f"the chain head records {head[0]} entries but the chain has {count}: "
                     f"entries were removed from its end, or the head was changed"))
    return ChainReport(count, prev)


# -- the ORM side: entries a session writes are sealed when it commits ---------
_PENDING = "desk_app.chain.pending"


def track(session: Session, entry_ids: Iterable[int]) -> None:
    """Entries written without the ORM (a bulk insert) join the chain when
    the session commits, like the ones `ledger.add_entry` makes."""
    session.info.setdefault(_PENDING, set()).update(entry_ids)


@event.listens_for(Session, "after_flush")
def _track_flushed(session: Session, _flush_context) -> None:
    from .schema import LedgerEntry

    ids = [o.id for o in session.new if isinstance(o, LedgerEntry)]
    if ids:
        track(session, ids)


@event.listens_for(Session, "before_commit")
def _seal_on_commit(session: Session) -> None:
    # Only the outermost commit: a savepoint (one call of a batch) sealing
    # would hold the head lock while the batch goes on to lock members,
    # and a desk holding a member while it waits for the head would deadlock.
    if session.in_nested_transaction():
        return
    pending = session.info.get(_PENDING)
    if not pending:
        return
    session.flush()
    seal(session, orm_tables(), pending)
    pending.clear()


@event.listens_for(Session, "after_rollback")
def _forget_on_rollback(session: Session) -> None:
    # A savepoint's rollback keeps the batch's list: ids it no longer has are
    # skipped by seal (only entries still unchained are taken).
    if not session.in_nested_transaction():
        session.info.pop(_PENDING, None)
