"""benchmarks/bench_scale.py in small (a few thousand members): the database
built through import-members, every measured operation answering what it
should through the services and raw, the batches doing their work. The
answers are asserted, not the times."""

from __future__ import annotations

import json

import pytest

from benchmarks import bench_scale
from desk_app import cli
from desk_app.services.context import Desk
from desk_app.services.database import Database

pytestmark = pytest.mark.usefixtures("backend_all")


@pytest.fixture
def in_process_admin(monkeypatch, capsys):
    """desk-admin called in this process (the test's own data folders)."""
    def admin(url, *argv):
        monkeypatch.setenv("DESK_APP_DB", url)
        monkeypatch.setenv("DESK_APP_CLERK", bench_scale.CLERK)
        monkeypatch.setenv("DESK_APP_PASSWORD", bench_scale.PASSWORD)
        code = cli.main(["--business-date", bench_scale.TODAY.isoformat(), *argv])
        out = capsys.readouterr().out
        assert code == 0, out
        return json.loads(out)

    monkeypatch.setattr(bench_scale, "admin", admin)


def test_the_scale_benchmark_in_small(database_url, tmp_path, in_process_admin):
    built = bench_scale.build(database_url, 2_000, tmp_path)
    # --reuse takes a SQLite file already built, never a PostgreSQL URL or a missing file.
    assert bench_scale.reusable(database_url, True) == database_url.startswith("sqlite")
    assert not bench_scale.reusable(database_url, False)
    assert not bench_scale.reusable(f"sqlite:///{tmp_path / 'none.sqlite3'}", True)
    assert built["imported"] == 2_000 and built["lots"] > 3_000 and built["credits"] > 4_000
    db = Database(database_url)
    try:
        desk = Desk(bench_scale.TODAY, "TKO", bench_scale.CLERK, "BENCH", "supervisor")
        rows, answers = bench_scale.measure(db, desk, runs=15)
        assert [r.operation for r in rows][:5] == ["lookup by member number", "lookup by e-mail", "lookup by phone",
                                                   "part of a romaji name (`yamam`)", "kana (`たなか`)"]
        picked = bench_scale.samples(db, 15)
        numbers = [n for n, _, _ in picked]
        assert answers["lookup by member number"] == [[n] for n in numbers]
        assert answers["lookup by member number (raw)"] == [[n] for n in numbers]
        assert answers["lookup by e-mail"] == [[n] for n, e, _ in picked if e]
        assert answers["lookup by e-mail (raw)"] == answers["lookup by e-mail"]
        for got, raw, (n, _, _) in zip(answers["lookup by phone"], answers["lookup by phone (raw)"], picked):
            assert n in got and set(raw) <= set(got)
        from desk_app.services import lookup

        yamam = {v.member_number for v in lookup.lookup(db, desk, "yamam")}
        assert yamam and all(len(a) == len(answers["part of a romaji name (`yamam`)"][0])
                             for a in answers["part of a romaji name (`yamam`)"])
        from sqlalchemy import select

        from desk_app.db.schema import Member

        with db.read() as s:
            for key, name in (("yamam", "part of a romaji name (`yamam`)"), ("タナカ", "kana (`たなか`)")):
                for answer in (answers[name][0], answers[name + " (raw)"][0]):
                    texts = s.scalars(select(Member.search_text).where(Member.number.in_(answer))).all()
                    assert len(texts) == len(answer) == 50 and all(key.lower() in t for t in texts)
        assert all(a for a in answers["kana (`たなか`)"]) and all(a for a in answers["kana (`たなか`) (raw)"])
        assert all(points > 0 and entries >= 1 for points, entries in answers["member page (show, with its history)"])
        assert all(p > 0 for p in answers["post a stay at checkout"])
        assert all(p > 0 for p in answers["redeem points (Pay by Points, 1,000 yen)"])
        assert all(r.p50 > 0 and r.p95 >= r.p50 for r in rows)
        done = bench_scale.batches(db, desk)
        assert done["evaluate_tiers"][1]["evaluated"] == 2_000
        assert done["expire_points"][1]["members"] > 1_000 and done["expire_points"][1]["expired_points"] > 0
        assert "| lookup by member number |" in bench_scale.table(rows)
    finally:
        db.dispose()
