"""Engines for the embedded SQLite file and for a shared PostgreSQL server.

SQLite: WAL so readers never wait for a writer, synchronous=FULL so a
commit is on disk (fsync of the WAL) before a redemption is reported done,
foreign keys on, and transactions that spend started as BEGIN IMMEDIATE so
two desks cannot both read a balance and then both spend it. PostgreSQL: row locks (FOR UPDATE)
taken by the services on the member being changed."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from .. import pgpass

SQLITE_BUSY_TIMEOUT_MS = 15_000


def make_engine(url: str) -> Engine:
    # hide_parameters: a statement's values (names, e-mail, birth dates) never
    # appear in an error's text, so they cannot reach a log or a dialog.
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, hide_parameters=True, connect_args=pgpass.connect_args(parsed))
    _ping_after_idle(engine)
    return engine


# A pooled connection that has sat unused this long is pinged before use.
PING_AFTER_IDLE_SECONDS = 10.0


def _ping_after_idle(engine: Engine) -> None:
    """SQLAlchemy's pool_pre_ping pings on every checkout: one more round
    trip for every operation of a desk that is busy. A connection returned
    less than PING_AFTER_IDLE_SECONDS ago was working then and is used as it
    is; one that has been idle longer (the server restarted, a firewall
    dropped it over lunch) is pinged first, and a dead one is replaced
    before the operation starts, as pool_pre_ping did."""
    import time

    from sqlalchemy import exc

    @event.listens_for(engine, "checkin")
    def on_checkin(_dbapi_conn, record):
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def on_checkout(dbapi_conn, record, _proxy):
        returned = record.info.get("returned_at")
        if returned is None or time.monotonic() - returned < PING_AFTER_IDLE_SECONDS:
            return  # a new connection, or one in use a moment ago
        try:
            alive = engine.dialect.do_ping(dbapi_conn)
        except Exception as error:  # noqa: BLE001 - any failure to ping means: connect again
            raise exc.DisconnectionError(str(error)) from error
        if not alive:
            raise exc.DisconnectionError("the pooled connection did not answer")


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, _record):
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own
        # transaction handling would defer it and lose IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode = WAL")
            # NORMAL would skip the fsync at each commit in WAL mode: a power
            # cut could then undo a redemption whose voucher was handed over.
            cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        if conn.get_execution_options().get("write", False):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
