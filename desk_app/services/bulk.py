"""Helpers for the set-based writers (the import, the night audit's
batches): ids taken up front and the hash of an entry written in bulk,
the same as db/chain.py computes when it seals an entry."""

from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import date, datetime
from typing import Mapping


def reserve_ids(conn, table: str, n: int) -> list[int]:
    """n new ids for `table`, in increasing order. On SQLite the caller's
    write transaction holds the database, so the next ids are free; on
    PostgreSQL they come from the table's sequence."""
    if n <= 0:
        return []
    if conn.dialect.name == "sqlite":
        first = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar()
        return list(range(first, first + n))
    return sorted(conn.exec_driver_sql(
        f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {int(n)})").scalars())


def executemany(conn, sql: str, rows: list[tuple]) -> None:
    """One statement for many rows through the driver itself (qmark style
    written here; %s on PostgreSQL), without SQLAlchemy's per-row work.
    Values must already be what the column stores (see value)."""
    if rows:
        conn.exec_driver_sql(sql if conn.dialect.name == "sqlite" else sql.replace("?", "%s"), rows)


def value(conn, v):
    """A date or timestamp as SQLAlchemy stores it on SQLite (ISO text, the
    timestamp with microseconds); unchanged for PostgreSQL's driver."""
    if conn.dialect.name != "sqlite":
        return v
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, date):
        return v.isoformat()
    return v


def entry_hash(entry: Mapping, children: Mapping[str, list[Mapping]], prev: str) -> str:
    """chain.digest for an entry given as JSON-ready values (dates already
    as ISO text, NULL columns left out, no id or chain columns) and its
    children in id order (without id, entry_id or a lot's remaining)."""
    doc = {"entry": entry, "prev": prev, "lots": list(children.get("lots", ())),
           "allocations": list(children.get("allocations", ())), "credits": list(children.get("credits", ()))}
    return hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogatepass")).hexdigest()


def json_text(text: str) -> str:
    """A string as canonical JSON writes it (ensure_ascii off)."""
    return json.dumps(text, ensure_ascii=False)


def sha256_text(doc: str) -> str:
    return hashlib.sha256(doc.encode("utf-8", "surrogatepass")).hexdigest()


def transaction_ids(n: int) -> list[str]:
    """n new transaction ids for entries written in bulk: UUIDs of version 7
    (RFC 9562: the time in milliseconds, then 74 random bits), 32 hex digits
    like the desk's version-4 ids. Ids made together share their leading
    digits, so a chunk's entries go into a few pages at the end of the
    transaction-id index instead of one random page each, which at a
    million members was most of a batch's writing."""
    ms = time.time_ns() // 1_000_000
    head = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76
    raw = os.urandom(10 * n)
    out = []
    for i in range(n):
        r = int.from_bytes(raw[10 * i:10 * i + 10], "big")  # 80 bits, 74 used
        out.append(f"{head | (r >> 68) << 64 | 0b10 << 62 | (r & ((1 << 62) - 1)):032x}")
    return out
