"""Figures for docs/RELIABILITY.md, "SIGKILL at random moments".

    python benchmarks/reliability_kill.py --kills 300               # a throw-away SQLite file
    python benchmarks/reliability_kill.py --kills 150 --db postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        --schema reliability_kill

Again and again: a desk process (forked, so it starts at once) posts bills
and stays, redeems breakfasts and records adjustments as fast as it can,
reporting each transaction id on a pipe the moment the service returns (the
moment a clerk would see "done"); after a random 10-400 ms it is killed with
SIGKILL, in the middle of whatever it was doing. After every kill:
every acknowledged transaction must be in the ledger (0 lost), and every
posting must have its ledger entry (0 half-written); every KILLS/10 kills
and at the end check-ledger recomputes the hash chain and the lot,
allocation and entry invariants (0 partial operations). SQLite runs WAL with
synchronous=FULL, so a commit is on disk before the service returns.
Prints one JSON object; exit 1 when anything was lost or half-written."""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DAY = date(2026, 11, 22)
ENROLLED = date(2026, 1, 5)


def desk(day=DAY, terminal="KILL"):
    from desk_app.services.context import Desk

    return Desk(day, "TKO", "bench", terminal, "supervisor")


def prepare(url, members):
    from desk_app.services import office, registration
    from desk_app.services.database import Database

    db = Database(url)
    db.initialize("one_harmony")
    numbers = []
    with db.batch():
        for i in range(members):
            v = registration.register(db, desk(ENROLLED), registration.Enrolment("Sato", "Hana", f"k{i}@example.jp"))
            registration.complete_registration(db, desk(ENROLLED), v.member_number, postal_code="100-0005",
                                               address="Tokyo", country="JP", phone="0312345678",
                                               birth_date=date(1990, 4, 1))
            office.adjust(db, desk(ENROLLED), v.member_number, 50_000, "kill float")
            numbers.append(v.member_number)
    db.dispose()
    return numbers


def child(url, numbers, round_no, ack_fd):
    """The desk: never returns (it is killed)."""
    from desk_app.domain import errors
    from desk_app.services import office, posting, redemption
    from desk_app.services.database import Database, retrying

    db = Database(url)
    rng = random.Random(round_no)
    i = 0
    while True:
        i += 1
        number = rng.choice(numbers)
        roll = rng.random()
        try:
            if roll < 0.35:
                r = retrying(lambda: posting.post_bill(db, desk(), number, posting.Bill(
                    f"K{round_no}-{i}", DAY, {"fnb": rng.randrange(2_000, 40_000)})))
            elif roll < 0.55:
                others = rng.sample([n for n in numbers if n != number], 1)
                r = retrying(lambda: posting.post_stay(db, desk(), number, posting.StayFolio(
                    f"KS{round_no}-{i}", date(2026, 11, 20), DAY, "direct", {"room": 30_000},
                    companions=tuple(others))))
            elif roll < 0.85:
                r = retrying(lambda: redemption.redeem(db, desk(), number, "breakfast_adult"))
            else:
                r = retrying(lambda: office.adjust(db, desk(), number, rng.choice([-500, 700]), "kill test"))
        except errors.DeskError:
            continue
        os.write(ack_fd, f"{r.transaction_id}\n".encode())


def verify(url, acknowledged, full):
    from sqlalchemy import select, text

    from desk_app.db.schema import LedgerEntry
    from desk_app.services import audit
    from desk_app.services.database import Database

    db = Database(url)
    try:
        with db.read() as s:
            present = set(s.scalars(select(LedgerEntry.transaction_id).where(
                LedgerEntry.transaction_id.in_(list(acknowledged))))) if acknowledged else set()
            half = s.scalar(text("SELECT count(*) FROM postings p WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e "
                                 "WHERE e.transaction_id = p.transaction_id)"))
            unchained = s.scalar(text("SELECT count(*) FROM ledger_entries WHERE chain_hash IS NULL"))
        lost = len(set(acknowledged) - present)
        entries = audit.check_ledger(db, desk()).entries if full else None  # raises when tampered/inconsistent
        return lost, half, unchained, entries
    finally:
        db.dispose()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="database URL (default: a throw-away SQLite file)")
    ap.add_argument("--schema", help="PostgreSQL: a schema made fresh for the run (dropped before)")
    ap.add_argument("--kills", type=int, default=300)
    ap.add_argument("--members", type=int, default=20)
    ap.add_argument("--min-ms", type=int, default=10)
    ap.add_argument("--max-ms", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="reliability-kill-"))
    os.environ.setdefault("XDG_DATA_HOME", str(work / "data"))
    url = args.db or f"sqlite:///{work / 'kill.sqlite3'}"
    if args.schema:
        from sqlalchemy import create_engine, text

        admin = create_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {args.schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {args.schema}"))
        admin.dispose()
        url = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{args.schema}"
    numbers = prepare(url, args.members)
    # Import everything the child needs before forking, so it starts at once.
    import desk_app.services.office  # noqa: F401
    import desk_app.services.posting  # noqa: F401
    import desk_app.services.redemption  # noqa: F401

    rng = random.Random(args.seed)
    acknowledged: list[str] = []
    lost = half = unchained = 0
    killed_at = []
    start = time.perf_counter()
    check_every = max(1, args.kills // 10)
    entries = None
    for k in range(args.kills):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the desk
            os.close(r)
            try:
                child(url, numbers, args.seed * 100_000 + k, w)
            finally:
                os._exit(0)
        os.close(w)
        delay = rng.uniform(args.min_ms, args.max_ms) / 1000
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        killed_at.append(delay)
        chunks = []
        while True:
            data = os.read(r, 65536)
            if not data:
                break
            chunks.append(data)
        os.close(r)
        acks = [line for line in b"".join(chunks).decode().splitlines() if line]
        acknowledged += acks
        full = (k + 1) % check_every == 0 or k == args.kills - 1
        lost_now, half, unchained, checked = verify(url, acks, full)
        lost += lost_now
        entries = checked if checked is not None else entries
    figures = {"backend": url.split(":", 1)[0], "kills": args.kills,
               "kill_after_ms": [args.min_ms, args.max_ms], "acknowledged_operations": len(acknowledged),
               "lost_acknowledged": lost, "postings_without_entries": half, "entries_outside_the_chain": unchained,
               "check_ledger_runs": args.kills // check_every + (args.kills % check_every != 0),
               "check_ledger": "ok", "chain_entries": entries, "seconds": round(time.perf_counter() - start, 1)}
    print(json.dumps(figures, indent=2))
    return 1 if lost or half or unchained else 0


if __name__ == "__main__":
    sys.exit(main())
