"""Desk operations against a large membership: prints median and 95th
percentile milliseconds. Run: python benchmarks/bench_engine.py [members]

500 members get a realistic history through the real services (demo data);
the rest are bulk-loaded plain registrations, as a hotel group's database
would mostly hold. Figures go in the README."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from desk_app.db.schema import Lot, Member
from desk_app.domain import members as rules
from desk_app.services import demo, lookup, posting, redemption
from desk_app.services.context import Desk
from desk_app.services.database import Database
from desk_app.services.registration import search_text

TODAY = date(2026, 11, 22)


def bulk_members(db: Database, count: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    rows, used = [], set()
    for i in range(count):
        (fam, fk), (giv, gk) = rng.choice(demo.FAMILY), rng.choice(demo.GIVEN)
        m = Member(family_name=fam, given_name=giv, family_kana=fk, given_kana=gk)
        number = rules.new_member_number("7")
        while number in used:  # random numbers collide long before 10^8 members
            number = rules.new_member_number("7")
        used.add(number)
        rows.append(dict(number=number, family_name=fam, given_name=giv, family_kana=fk, given_kana=gk,
                         email=f"bulk{i}@example.jp", email_norm=f"bulk{i}@example.jp",
                         phone=f"+8190{rng.randint(10_000_000, 99_999_999)}", registration="simple",
                         status="active", enrolled_on=TODAY, enrolled_at="TKO", guardian_consent=False,
                         search_text=search_text(m), created_at=datetime(2026, 11, 22), preferred_language="ja"))
    with db.write() as s:
        for i in range(0, len(rows), 5000):
            s.execute(insert(Member), rows[i:i + 5000])


def timed(label: str, fn, runs: int = 50) -> None:
    samples = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"| {label} | {statistics.median(samples):.1f} | {p95:.1f} |")


def main(total: int = 50_000) -> None:
    path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.initialize("one_harmony")
    desk = Desk(TODAY, "TKO", "bench", "B1", "supervisor")
    t = time.perf_counter()
    demo.generate(db, desk, 500, seed=11)
    print(f"demo history for 500 members: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    bulk_members(db, total - 500)
    print(f"bulk-loaded {total - 500} members: {time.perf_counter() - t:.1f} s; file {path.stat().st_size / 1e6:.0f} MB")

    with db.read() as s:  # the demo member with the most points left: a long history
        number = s.execute(select(Member.number).join(Lot, Lot.member_id == Member.id)
                           .where(Member.registration == "full", Member.status == "active")
                           .group_by(Member.number).order_by(func.sum(Lot.remaining).desc()).limit(1)).scalar()
    emails = [m.email for m in lookup.lookup(db, desk, "tanaka") if m.email]
    print(f"\n{total:,} members, SQLite, one desk\n")
    print("| operation | median ms | p95 ms |")
    print("| --- | --- | --- |")
    timed("lookup by member number", lambda i: lookup.lookup(db, desk, number))
    timed("lookup by e-mail", lambda i: lookup.lookup(db, desk, emails[i % len(emails)]))
    timed("lookup by part of a romaji name (50 results)", lambda i: lookup.lookup(db, desk, "yamam"))
    timed("lookup by kana typed in hiragana (50 results)", lambda i: lookup.lookup(db, desk, "たなか"))
    timed("lookup by phone", lambda i: lookup.lookup(db, desk, "090-1234-5678"))
    timed("member page (show, with history)", lambda i: lookup.show(db, desk, number))
    timed("history", lambda i: lookup.history(db, desk, number))
    timed("post a stay at checkout", lambda i: posting.post_stay(db, desk, number, posting.StayFolio(
        f"BENCH-{i}", date(2026, 11, 20), TODAY, "direct", {"room": 48_000, "fnb": 6_500, "tax": 4_800})))
    timed("redeem a breakfast award", lambda i: redemption.redeem(db, desk, number, "breakfast_child"), runs=30)
    db.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
