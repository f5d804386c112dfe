"""Figures for docs/RELIABILITY.md, "Many desks at once".

    python benchmarks/reliability_concurrency.py                  # a throw-away SQLite file
    python benchmarks/reliability_concurrency.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        --schema reliability_concurrency                           # a fresh schema on a server

DESKS processes hammer a few members with small balances, each making
OPERATIONS operations: breakfast redemptions (racing for the same points),
bills whose check numbers every desk also tries (racing to credit the same
check, in upper and lower case), and stays with companions (several
members locked at once). Beside them a night-audit process runs the tier
evaluation and the point expiry over every member again and again, in its
chunks. Each operation goes through the services with the same bounded
retry desk-admin uses (services.database.retrying).

Counted: acknowledged, refused (a rule: insufficient_points, duplicate_folio
...) and failed (anything else: what would be exit 3; must be 0). Checked
afterwards: no lot and no balance below zero, no check or folio credited
twice (compared without case), every acknowledged operation in the ledger,
the hash chain and the invariants (check-ledger). Also the longest time a
desk operation took while the batch ran. Prints one JSON object; exit 1
when any check fails."""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DAY = date(2026, 11, 22)


ENROLLED = date(2026, 1, 5)


def desk(role="supervisor", clerk="bench", terminal="BENCH", day=DAY):
    from desk_app.services.context import Desk

    return Desk(day, "TKO", clerk, terminal, role)


def _desk_worker(url, numbers, operations, seed, barrier, out):
    from desk_app.domain import errors
    from desk_app.services import posting, redemption
    from desk_app.services.database import Database, retrying

    db = Database(url)
    db.program
    rng = random.Random(seed)
    tally = {"acknowledged": [], "refused": {}, "failed": [], "latencies": []}
    barrier.wait()
    for i in range(operations):
        number = rng.choice(numbers)
        roll = rng.random()
        start = time.perf_counter()
        try:
            if roll < 0.45:
                r = retrying(lambda: redemption.redeem(db, desk("clerk", f"desk{seed}", f"T{seed}"), number,
                                                       "breakfast_adult"))
            elif roll < 0.8:
                # Every desk tries the same checks: only one may credit each.
                check = f"chk-{rng.randrange(operations)}"
                check = check.upper() if rng.random() < 0.5 else check
                r = retrying(lambda: posting.post_bill(db, desk("cashier", f"desk{seed}", f"T{seed}"), number,
                                                       posting.Bill(check, DAY, {"fnb": rng.randrange(2_000, 40_000)})))
            else:
                others = rng.sample([n for n in numbers if n != number], 2)
                r = retrying(lambda: posting.post_stay(db, desk("clerk", f"desk{seed}", f"T{seed}"), number,
                                                       posting.StayFolio(f"F{seed}-{i}", date(2026, 11, 20), DAY,
                                                                         "direct", {"room": 30_000},
                                                                         companions=tuple(others))))
            tally["acknowledged"].append(r.transaction_id)
        except errors.DeskError as exc:
            tally["refused"][exc.code] = tally["refused"].get(exc.code, 0) + 1
        except Exception as exc:  # noqa: BLE001 - counted: must stay 0
            tally["failed"].append(repr(exc)[:300])
        tally["latencies"].append(time.perf_counter() - start)
    out.put(("desk", tally))
    db.dispose()


def _batch_worker(url, barrier, out, stop):
    from desk_app.domain import errors
    from desk_app.services import batch
    from desk_app.services.database import Database

    db = Database(url)
    db.program
    runs, failed = 0, []
    barrier.wait()
    while not stop.is_set():
        try:
            batch.evaluate_tiers(db, desk(), 2026)
            batch.expire_points(db, desk())
            runs += 1
        except errors.DeskError as exc:
            failed.append(exc.code)
        except Exception as exc:  # noqa: BLE001 - counted: must stay 0
            failed.append(repr(exc)[:300])
    out.put(("batch", {"runs": runs, "failed": failed}))
    db.dispose()


def prepare(url, members, extra):
    """HOT members with small balances (the desks fight over them) and
    EXTRA members the batch walks through."""
    from desk_app.services import office, registration
    from desk_app.services.database import Database

    db = Database(url)
    db.initialize("one_harmony")
    numbers = []
    with db.batch():
        for i in range(members + extra):
            then = desk(day=ENROLLED)
            v = registration.register(db, then, registration.Enrolment("Sato", "Hana", f"bench{i}@example.jp"))
            registration.complete_registration(db, then, v.member_number, postal_code="100-0005",
                                               address="Tokyo", country="JP", phone="0312345678",
                                               birth_date=date(1990, 4, 1))
            office.adjust(db, then, v.member_number, 6_000, "bench float")
            if i < members:
                numbers.append(v.member_number)
    return db, numbers


def checks(db, acknowledged):
    from sqlalchemy import func, select, text

    from desk_app.db.schema import LedgerEntry, Lot, Posting
    from desk_app.services import audit

    with db.read() as s:
        negative_lots = s.scalar(select(func.count()).select_from(Lot).where(Lot.remaining < 0))
        negative_balances = s.scalar(text(
            "SELECT count(*) FROM (SELECT member_id, sum(remaining) AS b FROM lots GROUP BY member_id) x "
            "WHERE b < 0"))
        twice = s.scalar(text(
            "SELECT count(*) FROM (SELECT upper(reference) r FROM postings WHERE reversed_by IS NULL "
            "GROUP BY property_code, kind, upper(reference) HAVING count(*) > 1) x"))
        in_ledger = set(s.scalars(select(LedgerEntry.transaction_id)))
        postings = s.scalar(select(func.count()).select_from(Posting))
    lost = [tx for tx in acknowledged if tx not in in_ledger]
    start = time.perf_counter()
    report = audit.check_ledger(db, desk())
    return {"negative_lots": negative_lots, "negative_balances": negative_balances,
            "checks_or_folios_credited_twice": twice, "acknowledged_missing_from_ledger": len(lost),
            "postings": postings, "check_ledger": "ok", "chain_entries": report.entries,
            "check_ledger_seconds": round(time.perf_counter() - start, 2)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="database URL (default: a throw-away SQLite file)")
    ap.add_argument("--schema", help="PostgreSQL: a schema made fresh for the run (dropped before)")
    ap.add_argument("--desks", type=int, default=4)
    ap.add_argument("--operations", type=int, default=500, help="per desk")
    ap.add_argument("--members", type=int, default=12, help="members the desks fight over")
    ap.add_argument("--extra", type=int, default=400, help="further members the batch walks through")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="reliability-"))
    import os

    os.environ.setdefault("XDG_DATA_HOME", str(work / "data"))  # the card key of the throw-away database
    url = args.db or f"sqlite:///{work / 'bench.sqlite3'}"
    if args.schema:
        from sqlalchemy import create_engine, text

        admin = create_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {args.schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {args.schema}"))
        admin.dispose()
        url = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{args.schema}"
    db, numbers = prepare(url, args.members, args.extra)
    ctx = mp.get_context("spawn")
    barrier, out, stop = ctx.Barrier(args.desks + 1), ctx.Queue(), ctx.Event()
    desks = [ctx.Process(target=_desk_worker, args=(url, numbers, args.operations, n, barrier, out))
             for n in range(args.desks)]
    batch = ctx.Process(target=_batch_worker, args=(url, barrier, out, stop))
    start = time.perf_counter()
    for p in [*desks, batch]:
        p.start()
    results = [out.get(timeout=3600) for _ in desks]
    stop.set()
    results.append(out.get(timeout=3600))
    for p in [*desks, batch]:
        p.join()
    seconds = time.perf_counter() - start
    tallies = [t for kind, t in results if kind == "desk"]
    batch_tally = next(t for kind, t in results if kind == "batch")
    acknowledged = [tx for t in tallies for tx in t["acknowledged"]]
    refused: dict[str, int] = {}
    for t in tallies:
        for code, n in t["refused"].items():
            refused[code] = refused.get(code, 0) + n
    latencies = sorted(x for t in tallies for x in t["latencies"])
    figures = {
        "backend": db.engine.dialect.name, "desks": args.desks, "operations": args.desks * args.operations,
        "acknowledged": len(acknowledged), "refused": refused, "failed": sum(len(t["failed"]) for t in tallies),
        "failures": [f for t in tallies for f in t["failed"]][:5],
        "batch_runs_beside": batch_tally["runs"], "batch_failed": batch_tally["failed"][:5],
        "seconds": round(seconds, 1),
        "desk_operation_seconds": {"median": round(latencies[len(latencies) // 2], 3),
                                   "p99": round(latencies[int(len(latencies) * 0.99)], 3),
                                   "max": round(latencies[-1], 3)},
        **checks(db, acknowledged),
    }
    db.dispose()
    print(json.dumps(figures, indent=2))
    bad = (figures["failed"] or figures["batch_failed"] or figures["negative_lots"] or figures["negative_balances"]
           or figures["checks_or_folios_credited_twice"] or figures["acknowledged_missing_from_ledger"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
