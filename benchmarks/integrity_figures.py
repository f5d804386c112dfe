"""Figures for docs/RELIABILITY.md, "Tamper evidence and backups".

    python benchmarks/integrity_figures.py                      # a throw-away SQLite file
    python benchmarks/integrity_figures.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        --schema integrity_figures                               # a fresh schema on a server

1. Demo members with a few years of history, through the real services.
2. DESKS processes post bills and redeem breakfasts for random members at
   the same time; then the chain is recomputed: it must be one unbroken
   line holding every acknowledged operation.
3. check-ledger, backup and restore timed (backup/restore: SQLite only).
4. Attacks on copies of the backup with plain sqlite3 (each must be
   detected, naming the entry), and a card forged from a copy of the
   database file alone.

Prints one JSON object and a Markdown summary.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DAY = date(2026, 11, 22)


def desk(role="supervisor", clerk="bench"):
    from desk_app.services.context import Desk

    return Desk(DAY, "TKO", clerk, "BENCH", role)


def _worker(url, numbers, operations, seed, barrier, out):
    from desk_app.domain import errors
    from desk_app.services import posting, redemption
    from desk_app.services.database import Database

    db = Database(url)
    db.program
    rng = random.Random(seed)
    done = refused = failed = 0
    barrier.wait()
    for i in range(operations):
        number = rng.choice(numbers)
        try:
            if rng.random() < 0.6:
                posting.post_bill(db, desk("cashier", f"desk{seed}"), number, posting.Bill(
                    f"B{seed}-{i}", DAY, {"fnb": rng.randrange(2_000, 60_000)}))
            else:
                redemption.redeem(db, desk("clerk", f"desk{seed}"), number, "breakfast_adult")
            done += 1
        except errors.DeskError:
            refused += 1
        except Exception:  # noqa: BLE001 - counted: must stay 0
            failed += 1
    out.put((done, refused, failed))
    db.dispose()


def concurrent_desks(db, url, desks, operations):
    from desk_app.services import audit

    with db.read() as s:
        from sqlalchemy import select

        from desk_app.db.schema import Member

        numbers = list(s.scalars(select(Member.number).where(Member.status == "active")))
    before = audit.check_ledger(db, desk()).entries
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(desks), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(url, numbers, operations, n, barrier, out)) for n in range(desks)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    results = [out.get(timeout=1800) for _ in procs]
    for p in procs:
        p.join()
    seconds = time.perf_counter() - start
    done = sum(r[0] for r in results)
    after = audit.check_ledger(db, desk())
    return {"desks": desks, "operations": desks * operations, "acknowledged": done,
            "refused": sum(r[1] for r in results), "failed": sum(r[2] for r in results),
            "seconds": round(seconds, 1), "entries_before": before, "entries_after": after.entries,
            "chain_ok": after.entries == before + done}


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, round(time.perf_counter() - start, 2)


ATTACKS = {
    "raise a stay entry and its lot by 100,000 points": [
        "UPDATE ledger_entries SET points = points + 100000 WHERE id = (SELECT entry_id FROM lots "
        "WHERE remaining = points ORDER BY id DESC LIMIT 1)",
        "UPDATE lots SET points = points + 100000, remaining = remaining + 100000 WHERE id = (SELECT id FROM lots "
        "WHERE remaining = points ORDER BY id DESC LIMIT 1)"],
    "rewrite the clerk's name on an entry": [
        "UPDATE ledger_entries SET clerk = 'someone' WHERE id = (SELECT max(id) FROM ledger_entries "
        "WHERE kind = 'redeem')"],
    "delete the last entry": [
        "DELETE FROM allocations WHERE entry_id = (SELECT id FROM ledger_entries ORDER BY chain_seq DESC LIMIT 1)",
        "DELETE FROM lots WHERE entry_id = (SELECT id FROM ledger_entries ORDER BY chain_seq DESC LIMIT 1)",
        "DELETE FROM credits WHERE entry_id = (SELECT id FROM ledger_entries ORDER BY chain_seq DESC LIMIT 1)",
        "DELETE FROM ledger_entries WHERE id = (SELECT id FROM ledger_entries ORDER BY chain_seq DESC LIMIT 1)"],
    "delete a redemption in the middle (and give its points back)": [
        "UPDATE lots SET remaining = remaining + (SELECT sum(a.points) FROM allocations a WHERE a.lot_id = lots.id "
        "AND a.entry_id = (SELECT min(id) FROM ledger_entries WHERE kind = 'redeem')) WHERE id IN (SELECT lot_id "
        "FROM allocations WHERE entry_id = (SELECT min(id) FROM ledger_entries WHERE kind = 'redeem'))",
        "DELETE FROM allocations WHERE entry_id = (SELECT min(id) FROM ledger_entries WHERE kind = 'redeem')",
        "DELETE FROM ledger_entries WHERE id = (SELECT min(id) FROM ledger_entries WHERE kind = 'redeem')"],
    "insert an adjustment with its lot": [
        "INSERT INTO ledger_entries (transaction_id, member_id, kind, points, nights, business_date, created_at, "
        "clerk, terminal) SELECT 'forged', id, 'adjust', 50000, 0, '2026-11-22', '2026-11-22 10:00:00', 'super', "
        "'T1' FROM members ORDER BY id LIMIT 1",
        "INSERT INTO lots (member_id, entry_id, earned_on, expires_on, points, remaining) SELECT member_id, id, "
        "'2026-11-22', '2029-01-31', 50000, 50000 FROM ledger_entries WHERE transaction_id = 'forged'"],
    "raise a lot's remaining points alone": [
        "UPDATE lots SET remaining = remaining + 5000 WHERE id = (SELECT min(id) FROM lots WHERE remaining > 0)"],
}


def attacks(backup: Path, work: Path):
    from desk_app.domain import errors
    from desk_app.services import audit
    from desk_app.services.database import Database

    out = {}
    for name, statements in ATTACKS.items():
        copy = work / "attacked.sqlite3"
        shutil.copyfile(backup, copy)
        conn = sqlite3.connect(copy)
        for sql in statements:
            conn.execute(sql)
        conn.commit()
        conn.close()
        db = Database(f"sqlite:///{copy}")
        try:
            audit.check_ledger(db, desk())
            out[name] = "NOT DETECTED"
        except (errors.LedgerTampered, errors.LedgerInconsistent) as exc:
            out[name] = f"{exc.code} at entry {exc.details.get('entry')}"
        db.dispose()
        copy.unlink()
    # The whole chain recomputed by someone who read db/chain.py: it checks,
    # but its head no longer matches the one the office wrote down.
    copy = work / "resealed.sqlite3"
    shutil.copyfile(backup, copy)
    db = Database(f"sqlite:///{copy}")
    kept = audit.chain_head(db)
    from sqlalchemy import text

    from desk_app.db import chain

    with db.write() as s:
        s.execute(text("UPDATE ledger_entries SET clerk = 'someone' WHERE id = (SELECT max(id) FROM ledger_entries)"))
        s.execute(text("UPDATE ledger_entries SET chain_seq = NULL, chain_hash = NULL"))
        s.execute(text("UPDATE ledger_head SET entries = 0, head = :g"), {"g": chain.GENESIS})
        ids = list(s.scalars(text("SELECT id FROM ledger_entries ORDER BY id")))
        chain.seal(s, chain.orm_tables(), ids)
    resealed = audit.check_ledger(db, desk())
    out["rewrite and recompute the whole chain"] = (
        "check-ledger ok, but ledger-head differs from the head kept elsewhere"
        if resealed.head != kept.head else "NOT DETECTED")
    db.dispose()
    return out


def forged_cards(db, work: Path):
    from desk_app.domain import errors
    from desk_app.services import cards
    from desk_app.services.database import Database

    with db.read() as s:
        from sqlalchemy import text

        number = s.scalar(text("SELECT number FROM members WHERE status = 'active' ORDER BY id LIMIT 1"))
    genuine = cards.issue(db, desk(), number).qr_payload
    out = {}
    copy = work / "stolen.sqlite3"
    shutil.copyfile(db.sqlite_path(), copy)
    import platformdirs

    real = platformdirs.user_data_dir
    platformdirs.user_data_dir = lambda *a, **k: str(work / "another-pc")
    try:
        thief = Database(f"sqlite:///{copy}")
        try:
            cards.verify(thief, desk(), genuine)
            out["checking a card on a copy of the file alone"] = "ACCEPTED"
        except errors.DeskError as exc:
            out["checking a card on a copy of the file alone"] = exc.code
        thief.dispose()
    finally:
        platformdirs.user_data_dir = real
    # At the real desk: a card signed with what the file holds (its installation id) as the key.
    kid = genuine.split(":")[1]
    forged = f"HD2:{kid}:{number}:9:" + cards.sign(db.installation_id().encode(), kid, number, 9)
    try:
        cards.verify(db, desk(), forged)
        out["a card signed with a key taken from the file, at the real desk"] = "ACCEPTED"
    except errors.DeskError as exc:
        out["a card signed with a key taken from the file, at the real desk"] = exc.code
    return out


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db")
    p.add_argument("--schema", help="PostgreSQL: a schema made (and dropped) for the run")
    p.add_argument("--members", type=int, default=500)
    p.add_argument("--desks", type=int, default=4)
    p.add_argument("--operations", type=int, default=100, help="per desk")
    a = p.parse_args()

    work = Path(tempfile.mkdtemp(prefix="integrity-"))
    import platformdirs

    platformdirs.user_data_dir = lambda *args, **kw: str(work / "userdata")
    url = a.db or f"sqlite:///{work / 'desk.sqlite3'}"
    admin = None
    if a.schema:
        from sqlalchemy import create_engine, text

        admin = create_engine(a.db)
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {a.schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {a.schema}"))
        url = f"{a.db}{'&' if '?' in a.db else '?'}options=-csearch_path%3D{a.schema}"

    from desk_app.services import audit, backups, demo
    from desk_app.services.database import Database

    db = Database(url)
    db.initialize("one_harmony", business_date=DAY)
    with db.batch():
        demo.generate(db, desk(), a.members, seed=7)
    figures = {"backend": db.engine.dialect.name, "members": a.members}
    figures["concurrent"] = concurrent_desks(db, url, a.desks, a.operations)
    report, figures["check_ledger_seconds"] = timed(audit.check_ledger, db)
    figures["entries"] = report.entries
    if db.sqlite_path() is not None:
        made, figures["backup_seconds"] = timed(backups.backup, db, desk(), work / "backup.sqlite3")
        figures["backup_mb"] = round(made.path.stat().st_size / 1e6, 1)
        _, figures["restore_seconds"] = timed(backups.restore, db, desk(), made.path)
        figures["attacks"] = attacks(made.path, work)
        figures["cards"] = forged_cards(db, work)
    db.dispose()
    if admin is not None:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {a.schema} CASCADE"))
        admin.dispose()
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0 if figures["concurrent"]["chain_ok"] and figures["concurrent"]["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
