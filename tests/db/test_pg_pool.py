"""PostgreSQL's connection pool: a connection used a moment ago is used
again without a ping (one round trip less per operation), one idle longer
than PING_AFTER_IDLE_SECONDS is pinged first, and a connection the server
dropped while it sat in the pool is replaced before the operation runs:
the desk's next operation works, it is not refused."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desk_app.db import engine as engine_module
from tests.conftest import BACKENDS, make_db

PG_ONLY = [p for p in BACKENDS if p.id == "postgresql"]


pytestmark = pytest.mark.parametrize("database_url", PG_ONLY, indirect=True)


@pytest.fixture
def pg_db(database_url):
    database = make_db(database_url)
    yield database
    database.dispose()


def _count_pings(db, monkeypatch) -> list[int]:
    pings = [0]
    real = db.engine.dialect.do_ping

    def counting(conn):
        pings[0] += 1
        return real(conn)

    monkeypatch.setattr(db.engine.dialect, "do_ping", counting)
    return pings


def _backend_pid(db) -> int:
    with db.read() as s:
        return s.scalar(text("SELECT pg_backend_pid()"))


def test_a_connection_in_use_a_moment_ago_is_not_pinged(pg_db, monkeypatch):
    pings = _count_pings(pg_db, monkeypatch)
    first = _backend_pid(pg_db)
    for _ in range(5):
        assert _backend_pid(pg_db) == first  # the same pooled connection each time
    assert pings[0] == 0


def test_an_idle_connection_is_pinged_and_a_dropped_one_replaced(pg_db, monkeypatch):
    pings = _count_pings(pg_db, monkeypatch)
    first = _backend_pid(pg_db)
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_SECONDS", 0.0)
    assert _backend_pid(pg_db) == first  # idle: pinged, alive, kept
    assert pings[0] == 1
    # The server drops the pooled connection (a restart, a firewall's timeout).
    other = make_db(pg_db.url)
    try:
        with other.engine.begin() as conn:
            assert conn.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
    finally:
        other.dispose()
    second = _backend_pid(pg_db)  # not an error: the ping found it dead and a new one was made
    assert second != first
    assert pings[0] == 2


def test_reads_run_without_a_transaction_around_them(pg_db):
    """At READ COMMITTED a statement takes its own snapshot either way; the
    read's BEGIN and ROLLBACK were two round trips for nothing."""
    ask = text("SELECT xact_start = query_start FROM pg_stat_activity WHERE pid = pg_backend_pid()")
    _backend_pid(pg_db)  # the first connection tells the server's default isolation level
    assert pg_db.engine.dialect.default_isolation_level == "READ COMMITTED"
    with pg_db.read() as s:
        s.execute(text("SELECT 1"))
        assert s.scalar(ask) is True  # the second statement is a transaction of its own
    with pg_db.write() as s:
        s.execute(text("SELECT 1"))
        assert s.scalar(ask) is False  # a write is one transaction from its first statement
