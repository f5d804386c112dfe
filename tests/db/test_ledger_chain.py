"""Tamper evidence: every ledger entry is chained to the one before by a
hash over its content and the lots, allocations and credits it made;
check-ledger recomputes the chain and the invariants and names the first
entry that does not fit. Also: commits are durable (synchronous=FULL)."""

import json
import sqlite3
from datetime import date

import pytest
from alembic import command
from sqlalchemy import func, insert, select, text

from desk_app import cli
from desk_app.db import chain, migrate
from desk_app.db.schema import LedgerEntry, LedgerHead, Lot
from desk_app.domain import errors
from desk_app.services import audit, ledger, lookup, office, redemption
from tests.conftest import desk_on
from tests.db.helpers import enrol, stay


def _busy_ledger(db):
    """Stays, a redemption, an adjustment, a merge and a withdrawal."""
    a, b, c = enrol(db), enrol(db), enrol(db)
    stay(db, a, "2026-03-01", "2026-03-03", 1_700_000)  # 34,000 points
    stay(db, b, "2026-04-01", "2026-04-02", 100_000)
    redemption.redeem(db, desk_on("2026-05-01"), a, "breakfast_adult")
    office.adjust(db, desk_on("2026-05-02"), b, 300, "goodwill")
    office.merge(db, desk_on("2026-05-03"), a, b)
    office.withdraw(db, desk_on("2026-05-04"), c, "moved abroad")
    return a


def _entries(db):
    with db.read() as s:
        return list(s.execute(select(LedgerEntry.id, LedgerEntry.chain_seq, LedgerEntry.chain_hash)
                              .order_by(LedgerEntry.chain_seq)).all())


@pytest.mark.usefixtures("backend_all")
def test_every_entry_is_chained_in_one_line(db):
    _busy_ledger(db)
    rows = _entries(db)
    assert [r.chain_seq for r in rows] == list(range(1, len(rows) + 1))
    assert len({r.chain_hash for r in rows}) == len(rows)
    report = audit.check_ledger(db, desk_on("2026-11-22"))
    assert (report.entries, report.head) == (len(rows), rows[-1].chain_hash)
    assert audit.chain_head(db) == report
    assert all(len(r.chain_hash) == 64 for r in rows)


@pytest.mark.usefixtures("backend_all")
def test_hash_covers_the_entry_its_lots_and_the_previous_hash(db):
    number = enrol(db)
    stay(db, number, "2026-03-01", "2026-03-03", 1_700_000)
    t = chain.orm_tables()
    with db.read() as s:
        entry = s.execute(select(t.entries).where(t.entries.c.kind == "stay")).mappings().one()
        lots = s.execute(select(t.lots).where(t.lots.c.entry_id == entry["id"])).mappings().all()
        credits = s.execute(select(t.credits).where(t.credits.c.entry_id == entry["id"])).mappings().all()
        prev = s.scalar(select(LedgerEntry.chain_hash).where(LedgerEntry.chain_seq == entry["chain_seq"] - 1))
    doc = json.loads(chain.canonical(entry, {"lots": lots, "credits": credits}, prev))
    assert doc["prev"] == prev and doc["entry"]["points"] == 34_000 and "id" not in doc["entry"]
    assert "chain_hash" not in doc["entry"] and "award_code" not in doc["entry"]  # NULL columns are left out
    assert doc["lots"] == [{"member_id": entry["member_id"], "points": 34_000, "earned_on": "2026-03-03",
                            "expires_on": "2029-01-31"}]
    assert doc["credits"][0]["nights"] == 2
    assert chain.digest(entry, {"lots": lots, "credits": credits}, prev) == entry["chain_hash"]
    # A column added later, NULL on this entry, leaves its hash as it was.
    assert chain.digest({**entry, "reverses": None}, {"lots": lots, "credits": credits}, prev) == entry["chain_hash"]


# -- attacks with plain sqlite3 (and psql's driver on PostgreSQL) ------------------
@pytest.fixture
def cli_run(db, capsys, monkeypatch):
    from desk_app.services import clerks
    from tests.conftest import SUPERVISOR, SUPERVISOR_PASSWORD, sign_in_cli

    clerks.create(db, None, SUPERVISOR, "The Office", "supervisor", SUPERVISOR_PASSWORD)
    monkeypatch.setenv("DESK_APP_DB", db.url)
    sign_in_cli(monkeypatch)

    def call(*argv, expect=0):
        code = cli.main(["--business-date", "2026-11-22", *argv])
        out, err = capsys.readouterr()
        assert code == expect, (argv, out, err)
        return json.loads(out)

    return call


class _Raw:
    """The attacker's own client: plain sqlite3 on the file, or psycopg on
    the server, with no part of the application in between."""

    def __init__(self, db):
        db.dispose()
        self.sqlite = db.sqlite_path() is not None
        if self.sqlite:
            self.conn = sqlite3.connect(db.sqlite_path())
        else:
            import psycopg

            self.conn = psycopg.connect(db.url.replace("postgresql+psycopg://", "postgresql://", 1))

    def execute(self, sql, params=()):
        return self.conn.execute(sql if self.sqlite else sql.replace("?", "%s"), params)

    def disable_foreign_keys(self):
        self.execute("PRAGMA foreign_keys = OFF" if self.sqlite else "SET session_replication_role = replica")

    def insert_id(self, sql, params):
        if self.sqlite:
            return self.execute(sql, params).lastrowid
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.conn.commit()
        self.conn.close()


def _raw(db) -> _Raw:
    return _Raw(db)


def test_raising_an_entry_and_its_lot_together_is_detected(db, cli_run):
    number = _busy_ledger(db)
    assert cli_run("check-ledger")["ok"] is True
    before = cli_run("ledger-head")
    with _raw(db) as conn:
        entry_id, lot_id = conn.execute(
            "SELECT e.id, l.id FROM ledger_entries e JOIN lots l ON l.entry_id = e.id "
            "WHERE e.kind = 'stay' AND e.points = 34000").fetchone()
        conn.execute("UPDATE ledger_entries SET points = 134000 WHERE id = ?", (entry_id,))
        conn.execute("UPDATE lots SET points = points + 100000, remaining = remaining + 100000 WHERE id = ?",
                     (lot_id,))
    # The edit took: the member now shows 100,000 points more, and the old
    # per-member invariants alone still add up.
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 34_000 - 2_000 + 2_000 + 300 + 100_000
    assert audit.check_all(db, desk_on("2026-11-22")) == []
    refused = cli_run("check-ledger", expect=1)["error"]
    assert refused["code"] == "ledger_tampered"
    assert refused["entry"] == entry_id and refused["member_number"] == number
    assert f"entry {entry_id}" in refused["message"]
    assert cli_run("ledger-head") == before  # the recorded head is what the office compares with


def test_rewriting_the_clerk_name_is_detected(db, cli_run):
    _busy_ledger(db)
    with _raw(db) as conn:
        entry_id = conn.execute("SELECT id FROM ledger_entries WHERE kind = 'adjust'").fetchone()[0]
        conn.execute("UPDATE ledger_entries SET clerk = 'someone-else' WHERE id = ?", (entry_id,))
    refused = cli_run("check-ledger", expect=1)["error"]
    assert (refused["code"], refused["entry"]) == ("ledger_tampered", entry_id)


def test_removed_inserted_and_reordered_entries_are_detected(db, cli_run):
    _busy_ledger(db)
    with _raw(db) as conn:
        last = conn.execute("SELECT id, chain_seq FROM ledger_entries ORDER BY chain_seq DESC").fetchone()
        conn.disable_foreign_keys()
        conn.execute("DELETE FROM ledger_entries WHERE id = ?", (last[0],))
    refused = cli_run("check-ledger", expect=1)["error"]
    assert refused["code"] == "ledger_tampered" and "removed from its end" in refused["message"]

    with _raw(db) as conn:  # a middle entry removed: the next one follows a gap
        victim, following = conn.execute("SELECT id FROM ledger_entries ORDER BY chain_seq LIMIT 2 OFFSET 3"
                                         ).fetchall()
        conn.disable_foreign_keys()
        conn.execute("DELETE FROM ledger_entries WHERE id = ?", (victim[0],))
    refused = cli_run("check-ledger", expect=1)["error"]
    assert (refused["entry"], "gap" in refused["message"]) == (following[0], True)


def test_an_entry_inserted_behind_the_apps_back_is_detected(db, cli_run):
    number = _busy_ledger(db)
    with _raw(db) as conn:
        member_id = conn.execute("SELECT id FROM members WHERE number = ?", (number,)).fetchone()[0]
        inserted = conn.insert_id(
            "INSERT INTO ledger_entries (transaction_id, member_id, kind, points, nights, business_date, "
            "created_at, clerk, terminal) VALUES ('x', ?, 'adjust', 0, 0, '2026-11-22', '2026-11-22 10:00:00', "
            "'super', 'T1')", (member_id,))
    refused = cli_run("check-ledger", expect=1)["error"]
    assert (refused["code"], refused["entry"]) == ("ledger_tampered", inserted)
    assert "not in the chain" in refused["message"]


def test_a_lot_changed_alone_breaks_the_invariants_not_the_chain(db, cli_run):
    _busy_ledger(db)
    with _raw(db) as conn:  # `remaining` is the one running figure: not hashed, checked against allocations
        lot_id, entry_id = conn.execute("SELECT id, entry_id FROM lots WHERE remaining > 0 ORDER BY id").fetchone()
        conn.execute("UPDATE lots SET remaining = remaining + 5000 WHERE id = ?", (lot_id,))
    refused = cli_run("check-ledger", expect=1)["error"]
    assert (refused["code"], refused["entry"]) == ("ledger_inconsistent", entry_id)
    assert f"lot {lot_id}" in refused["message"]


# -- bulk inserts, older databases, durability ------------------------------------
@pytest.mark.usefixtures("backend_all")
def test_bulk_inserted_entries_join_the_chain_in_one_pass(db):
    number = enrol(db)
    before = audit.check_ledger(db, desk_on("2026-11-22")).entries  # registration's own entries
    with db.write() as s:
        member_id = s.scalar(text("SELECT id FROM members WHERE number = :n").bindparams(n=number))
        ids = []
        for i in range(1, 1201):
            entry_id = s.execute(insert(LedgerEntry).values(
                transaction_id=f"import{i}", member_id=member_id, kind="import", points=10, nights=0,
                business_date=date(2026, 1, 5), created_at=ledger.now(), clerk="importer", terminal="T1",
            ).returning(LedgerEntry.id)).scalar()
            s.execute(insert(Lot).values(member_id=member_id, entry_id=entry_id, earned_on=date(2025, 1, 1),
                                         expires_on=date(2028, 1, 31), points=10, remaining=10))
            ids.append(entry_id)
        ledger.chain_entries(s, ids)
    report = audit.check_ledger(db, desk_on("2026-11-22"))
    assert report.entries == before + 1200
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 12_000


@pytest.mark.usefixtures("backend_all")
def test_upgrade_chains_an_older_databases_entries_as_the_app_would(db, database_url):
    _busy_ledger(db)
    chained = _entries(db)
    db.dispose()
    from sqlalchemy import create_engine

    # A plain engine: SQLite's foreign keys off, as the batch table copies of
    # older downgrades need.
    engine = create_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    with engine.begin() as conn:
        assert "chain_hash" not in {c["name"] for c in conn.dialect.get_columns(conn, "ledger_entries")}
        conn.execute(text("DELETE FROM installation WHERE key = 'installation_id'"))
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('card_secret', :s)"), {"s": "ab" * 32})
    engine.dispose()

    from desk_app.services.database import Database

    upgraded = Database(database_url)
    upgraded.ensure_ready()
    assert _entries(upgraded) == chained  # the same hashes, in the same order
    assert audit.check_ledger(upgraded, desk_on("2026-11-22")).entries == len(chained)
    upgraded.dispose()


@pytest.mark.usefixtures("backend_all")
def test_the_chain_head_row_is_one_row_locked_by_writers(db):
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(LedgerHead)) == 1


def test_sqlite_commits_are_durable(tmp_path):
    from tests.conftest import make_db

    db = make_db(f"sqlite:///{tmp_path / 'durable.sqlite3'}")
    with db.write() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    with db.read() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2
    # Every new connection of the pool, not just the first.
    conns = [db.engine.connect() for _ in range(3)]
    try:
        assert [c.exec_driver_sql("PRAGMA synchronous").scalar() for c in conns] == [2, 2, 2]
    finally:
        for c in conns:
            c.close()
        db.dispose()


@pytest.mark.usefixtures("backend_all")
def test_check_ledger_refuses_nothing_on_an_empty_ledger(db):
    assert audit.check_ledger(db, desk_on("2026-11-22")) == audit.LedgerReport(0, chain.GENESIS)


def test_a_writer_finding_no_head_row_changes_nothing(db):
    number = enrol(db)
    with db.write() as s:
        s.execute(text("DELETE FROM ledger_head"))
    with pytest.raises(RuntimeError, match="head row is missing"):
        office.adjust(db, desk_on("2026-11-22"), number, 100, "goodwill")
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 0
    with pytest.raises(errors.LedgerTampered):
        audit.check_ledger(db, desk_on("2026-11-22"))
