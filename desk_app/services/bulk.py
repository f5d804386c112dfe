"""Helpers for the set-based writers (the import, the night audit's
batches): ids taken up front and the hash of an entry written in bulk,
the same as db/chain.py computes when it seals an entry."""

from __future__ import annotations

import hashlib
import json
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


def entry_hash(entry: Mapping, children: Mapping[str, list[Mapping]], prev: str) -> str:
    """chain.digest for an entry given as JSON-ready values (dates already
    as ISO text, NULL columns left out, no id or chain columns) and its
    children in id order (without id, entry_id or a lot's remaining)."""
    doc = {"entry": entry, "prev": prev, "lots": list(children.get("lots", ())),
           "allocations": list(children.get("allocations", ())), "credits": list(children.get("credits", ()))}
    return hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogatepass")).hexdigest()
