"""A million members: builds the database through `desk-admin import-members`
(from a CSV written by members_csv.py), then prints p50/p95 milliseconds of
the desk's operations through the services beside the same question asked
of the database directly (raw sqlite3, or psycopg for PostgreSQL) and their
ratio, then the batches and the start-up times. Figures go in the README.

    python benchmarks/bench_scale.py 1000000                    # SQLite file in a temporary folder
    python benchmarks/bench_scale.py 100000 --db postgresql://postgres@127.0.0.1:5432/bench
    python benchmarks/bench_scale.py 1000000 --keep /tmp/bench --reuse   # the database kept by a run before

(--reuse measures the SQLite file already in the --keep folder instead of
building it again; the batches at the end change it, so copy a freshly
built one aside if the figures are to be compared.)

A small version runs in the test suite (tests/db/test_bench_scale.py),
asserting the answers, not the times."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.members_csv import write_csv  # noqa: E402

TODAY = date(2026, 11, 22)
CLERK, PASSWORD = "bench", "bench-password-1"


@dataclass
class Row:
    operation: str
    p50: float
    p95: float
    raw_p50: float | None = None
    raw_p95: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.p50 / self.raw_p50 if self.raw_p50 else None


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))] * 1000


def timed(fn, args_list) -> tuple[list[float], list]:
    times, answers = [], []
    for args in args_list:
        t = time.perf_counter()
        answers.append(fn(*args))
        times.append(time.perf_counter() - t)
    return times, answers


def _env(url: str) -> dict:
    env = dict(os.environ, DESK_APP_DB=url, DESK_APP_CLERK=CLERK, DESK_APP_PASSWORD=PASSWORD,
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return env


def admin(url: str, *argv: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "desk_app.cli", "--business-date", TODAY.isoformat(), *argv],
                         env=_env(url), capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"desk-admin {' '.join(argv)}: {out.stdout}{out.stderr}")
    return json.loads(out.stdout)


def build(url: str, members: int, folder: Path, seed: int = 1) -> dict:
    """The database through the real command line: init, then import-members."""
    csv_path = folder / f"members-{members}.csv"
    t = time.perf_counter()
    write_csv(csv_path, members, seed=seed, business_date=TODAY)
    made = time.perf_counter() - t
    admin(url, "init", "--supervisor", CLERK)
    t = time.perf_counter()
    result = admin(url, "import-members", str(csv_path))
    took = time.perf_counter() - t
    return {"csv_seconds": made, "import_seconds": took, **result}


def reusable(url: str, reuse: bool) -> bool:
    """True when --reuse names a SQLite database file that is already built."""
    if not (reuse and url.startswith("sqlite:///")):
        return False
    path = Path(url.split("///", 1)[1])
    return path.is_file() and path.stat().st_size > 0


def samples(db, n: int, seed: int = 5) -> list[tuple]:
    from sqlalchemy import func, select

    from desk_app.db.schema import Member

    rng = random.Random(seed)
    with db.read() as s:
        top = s.scalar(select(func.max(Member.id)))
        ids = sorted({rng.randint(1, top) for _ in range(n * 3)})[: n * 2]
        rows = s.execute(select(Member.number, Member.email_norm, Member.phone).where(Member.id.in_(ids))).all()
    rng.shuffle(rows)
    return [tuple(r) for r in rows if r[2]][:n] or [tuple(r) for r in rows][:n]


def measure(db, desk, runs: int = 200) -> tuple[list[Row], dict]:
    """Every operation through the services and, where there is one, the raw query."""
    from desk_app.domain import japan
    from desk_app.services import lookup, posting, redemption

    picked = samples(db, runs)
    rows, answers = [], {}
    raw = RawDatabase(db.url)

    def add(name, fn, args, raw_fn=None):
        times, got = timed(fn, args)
        answers[name] = got
        p50, p95 = percentiles(times)
        row = Row(name, p50, p95)
        if raw_fn is not None:
            rtimes, rgot = timed(raw_fn, args)
            answers[name + " (raw)"] = rgot
            row.raw_p50, row.raw_p95 = percentiles(rtimes)
        rows.append(row)

    look = lambda q: [v.member_number for v in lookup.lookup(db, desk, q)]  # noqa: E731
    add("lookup by member number", look, [(n,) for n, _, _ in picked], raw.by_number)
    add("lookup by e-mail", look, [(e,) for _, e, _ in picked if e], raw.by_email)
    add("lookup by phone", look, [(japan.format_phone(p),) for _, _, p in picked if p],
        lambda q: raw.by_phone(japan.parse_phone(q, "JP")))
    add("part of a romaji name (`yamam`)", look, [("yamam",)] * min(runs, 60), raw.by_name)
    add("kana (`たなか`)", look, [("たなか",)] * min(runs, 60), raw.by_kana)
    add("member page (show, with its history)",
        lambda n: (lookup.show(db, desk, n).points_balance, len(lookup.history(db, desk, n, limit=50))),
        [(n,) for n, _, _ in picked], raw.history)
    add("history", lambda n: len(lookup.history(db, desk, n)), [(n,) for n, _, _ in picked])
    counter = iter(range(10**9))
    add("post a stay at checkout", lambda n: posting.post_stay(db, desk, n, posting.StayFolio(
        folio=f"B{next(counter)}", check_in=TODAY - timedelta(days=2), check_out=TODAY, channel="direct",
        charges={"room": 48_000})).points, [(n,) for n, _, _ in picked[:min(runs, 100)]])
    add("redeem points (Pay by Points, 1,000 yen)", lambda n: redemption.pay_by_points(
        db, desk, n, 1_000, folio=f"P{next(counter)}").points_spent, [(n,) for n, _, _ in picked[:min(runs, 100)]])
    raw.close()
    return rows, answers


class RawDatabase:
    """The same questions asked of the database directly."""

    def __init__(self, url: str):
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            import sqlite3

            self.conn = sqlite3.connect(url.split("///", 1)[1])
            self.mark = "?"
        else:
            import psycopg

            plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
            self.conn = psycopg.connect(plain, autocommit=True)
            self.mark = "%s"

    def _all(self, sql, *params):
        cur = self.conn.execute(sql.replace("?", self.mark), params)
        return [r[0] for r in cur.fetchall()]

    def by_number(self, q):
        return self._all("SELECT number FROM members WHERE number = ?", q)

    def by_email(self, q):
        return self._all("SELECT number FROM members WHERE email_norm = ? ORDER BY status <> 'active', number",
                         q.lower())

    def by_phone(self, e164):
        return self._all("SELECT number FROM members WHERE phone = ? ORDER BY number LIMIT 50", e164)

    def _name(self, key):
        if self.sqlite:
            return self._all("SELECT m.number FROM members m WHERE m.id IN (SELECT rowid FROM members_fts WHERE "
                             "members_fts MATCH ?) LIMIT 50", f'"{key}"')
        return self._all("SELECT number FROM members WHERE search_text LIKE ? LIMIT 50", f"%{key}%")

    def by_name(self, _q):
        return self._name("yamam")

    def by_kana(self, _q):
        return self._name("タナカ")

    def history(self, number):
        return self._all("SELECT e.id FROM ledger_entries e JOIN members m ON m.id = e.member_id WHERE "
                         "m.number = ? ORDER BY e.business_date DESC, e.id DESC LIMIT 50", number)

    def close(self):
        self.conn.close()


def batches(db, desk) -> dict:
    """The year-end evaluation of the current year (as of January 2) and the
    expiry batch as of the day last year's points lapse, whole database."""
    from dataclasses import replace

    from desk_app.services import batch

    out = {}
    t = time.perf_counter()
    r = batch.evaluate_tiers(db, replace(desk, business_date=date(TODAY.year + 1, 1, 2)), TODAY.year)
    out["evaluate_tiers"] = (time.perf_counter() - t, {"evaluated": r.evaluated, **r.by_tier})
    t = time.perf_counter()
    r = batch.expire_points(db, replace(desk, business_date=date(TODAY.year + 2, 2, 1)))
    out["expire_points"] = (time.perf_counter() - t, {"members": r.members, "expired_points": r.expired_points})
    return out


def startup(url: str, runs: int = 5) -> dict:
    def med(cmd, env=None):
        xs = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            xs.append(time.perf_counter() - t)
        return statistics.median(xs)

    env = _env(url)
    base = med([sys.executable, "-c", "import sqlalchemy.orm"])
    return {"import sqlalchemy.orm": base,
            "desk-admin --version": med([sys.executable, "-m", "desk_app.cli", "--version"], env),
            "desk-admin business-date (signs in)": med([sys.executable, "-m", "desk_app.cli", "business-date"], env)}


def table(rows: list[Row]) -> str:
    lines = ["| operation | p50 ms | p95 ms | raw p50 ms | raw p95 ms | p50 ratio |", "| --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        raw = (f"{r.raw_p50:.3f} | {r.raw_p95:.3f} | {r.ratio:.0f}x" if r.raw_p50 is not None else "– | – | –")
        lines.append(f"| {r.operation} | {r.p50:.2f} | {r.p95:.2f} | {raw} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("members", type=int, nargs="?", default=1_000_000)
    p.add_argument("--db", help="a PostgreSQL URL (an empty database); default a new SQLite file")
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--keep", help="folder for the SQLite file and the CSV (kept)")
    p.add_argument("--reuse", action="store_true", help="measure the SQLite file already in --keep (no build)")
    a = p.parse_args(argv)
    folder = Path(a.keep or tempfile.mkdtemp(prefix="bench-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = a.db or f"sqlite:///{folder / 'bench.sqlite3'}"
    print(f"{a.members:,} members, {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {url.split('://')[0]}", flush=True)
    if reusable(url, a.reuse):
        print(f"reusing {url} (not built again)", flush=True)
    else:
        built = build(url, a.members, folder)
        print(f"CSV written in {built['csv_seconds']:.1f} s; import-members: {built['imported']:,} members, "
              f"{built['lots']:,} lots, {built['credits']:,} credits in {built['import_seconds']:.1f} s", flush=True)
    from desk_app.services.context import Desk
    from desk_app.services.database import Database

    db = Database(url)
    desk = Desk(TODAY, "TKO", CLERK, "BENCH", "supervisor")
    rows, _answers = measure(db, desk, a.runs)
    print(table(rows), flush=True)
    for name, (seconds, figures) in batches(db, desk).items():
        print(f"{name}: {seconds:.1f} s {figures}", flush=True)
    db.dispose()
    for name, seconds in startup(url).items():
        print(f"start-up, {name}: {seconds * 1000:.0f} ms", flush=True)


if __name__ == "__main__":
    main()
