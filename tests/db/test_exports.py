"""Exports of members and the ledger: what the file holds matches the
database, personal data only for supervisors, every export recorded, and a
refused export writes no file and no record."""

import csv
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from desk_app.db.schema import AuditEvent, LedgerEntry, Member
from desk_app.domain import errors
from desk_app.services import exports, lookup, office, registration
from tests.conftest import desk_on
from tests.db.helpers import bill, enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def events(db):
    from types import SimpleNamespace

    with db.read() as s:
        return [SimpleNamespace(**{c.name: getattr(e, c.name) for c in AuditEvent.__table__.columns})
                for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]


@pytest.fixture
def ledger_db(db):
    a = enrol(db, day="2026-01-10", family="Aoki", given="Ken", family_kana="アオキ", given_kana="ケン",
              birth_date=date(1980, 6, 2))
    b = enrol(db, day="2026-02-01", family="-Baba", given="Yu")
    stay(db, a, "2026-03-01", "2026-03-03", 100_000)      # 2,000
    bill(db, b, "2026-03-05", 30_000)                    # 300
    office.adjust(db, desk_on("2026-04-01"), a, -500, "+breakfast twice")
    office.withdraw(db, desk_on("2026-05-01"), b, "moved abroad")
    return a, b


def test_members_without_personal_data(db, ledger_db, tmp_path):
    a, b = ledger_db
    clerk = replace(desk_on("2026-06-15", role="clerk"), clerk="kenta")
    r = exports.export_members(db, clerk, tmp_path / "members.csv")
    rows = read(r.path)
    assert (r.rows, r.personal_data, len(rows)) == (2, False, 2)
    assert list(rows[0]) == list(exports.MEMBER_COLUMNS)
    by = {row["member_number"]: row for row in rows}
    assert by[a] == {**by[a], "status": "active", "tier": "basic", "points_balance": "1500",
                     "enrolled_on": "2026-01-10", "enrolled_at": "TKO", "registration": "full"}
    assert lookup.show(db, clerk, a).points_balance == 1_500
    assert (by[b]["status"], by[b]["points_balance"], by[b]["closed_on"]) == ("withdrawn", "0", "2026-05-01")
    assert not any("Aoki" in v for row in rows for v in row.values())
    [e] = events(db)
    assert (e.kind, e.subject, e.clerk, e.terminal, e.rows, e.personal_data, e.target) == (
        "export", "members", "kenta", "T1", 2, False, "members.csv")
    assert e.business_date == date(2026, 6, 15)


def test_members_with_personal_data_for_a_supervisor(db, ledger_db, tmp_path):
    a, b = ledger_db
    with pytest.raises(errors.NotPermitted):
        exports.export_members(db, desk_on("2026-06-15", role="clerk"), tmp_path / "p.csv", personal=True)
    assert not (tmp_path / "p.csv").exists() and events(db) == []
    r = exports.export_members(db, desk_on("2026-06-15"), tmp_path / "p.csv", personal=True,
                               enrolled_from=date(2026, 1, 1), enrolled_to=date(2026, 1, 31))
    [row] = read(r.path)
    assert (row["member_number"], row["family_name"], row["family_name_kana"], row["birth_date"],
            row["phone"]) == (a, "Aoki", "アオキ", "1980-06-02", "+819012345678")
    everyone = read(exports.export_members(db, desk_on("2026-06-15"), tmp_path / "all.csv", personal=True).path)
    # A name a spreadsheet would run as a formula is defused.
    assert {r["family_name"] for r in everyone} == {"Aoki", "'-Baba"}
    assert [(e.personal_data, e.period_from, e.rows) for e in events(db)] == [
        (True, date(2026, 1, 1), 1), (True, None, 2)]


def test_ledger_for_a_period_matches_the_entries(db, ledger_db, tmp_path):
    a, b = ledger_db
    r = exports.export_ledger(db, desk_on("2026-06-15", role="clerk"), tmp_path / "ledger.csv",
                              date(2026, 3, 1), date(2026, 4, 30))
    rows = read(r.path)
    with db.read() as s:
        expected = s.execute(select(LedgerEntry.transaction_id, LedgerEntry.kind, LedgerEntry.points)
                             .where(LedgerEntry.business_date.between(date(2026, 3, 1), date(2026, 4, 30)))
                             .order_by(LedgerEntry.id)).all()
    assert [(x["transaction_id"], x["kind"], int(x["points"])) for x in rows] == [tuple(e) for e in expected]
    assert [x["kind"] for x in rows] == ["stay", "bill", "adjust"]
    assert sum(int(x["points"]) for x in rows) == 2_000 + 300 - 500
    assert rows[2]["reason"] == "'+breakfast twice" and "family_name" not in rows[0]
    named = read(exports.export_ledger(db, desk_on("2026-06-15"), tmp_path / "named.csv", date(2026, 1, 1),
                                       date(2026, 12, 31), personal=True).path)
    assert {(x["member_number"], x["family_name"]) for x in named if x["member_number"] == a} == {(a, "Aoki")}
    assert [(e.subject, e.period_from, e.period_to, e.rows) for e in events(db)] == [
        ("ledger", date(2026, 3, 1), date(2026, 4, 30), 3), ("ledger", date(2026, 1, 1), date(2026, 12, 31),
                                                              len(named))]


def test_refused_exports_write_nothing(db, ledger_db, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    cashier = desk_on("2026-06-15", role="cashier")
    with pytest.raises(errors.NotPermitted):
        exports.export_members(db, cashier, tmp_path / "m.csv")
    with pytest.raises(errors.InvalidDates):
        exports.export_ledger(db, desk_on("2026-06-15"), tmp_path / "l.csv", None, date(2026, 1, 1))
    with pytest.raises(errors.InvalidDates):
        exports.export_ledger(db, desk_on("2026-06-15"), tmp_path / "l.csv", date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(errors.OutputNotWritable):
        exports.export_members(db, desk_on("2026-06-15"), tmp_path / "nowhere" / "m.csv")
    with pytest.raises(errors.OutputNotWritable):
        exports.export_members(db, desk_on("2026-06-15"), tmp_path / "m.xlsx")
    assert list(tmp_path.iterdir()) == [] and events(db) == []


def test_no_file_without_its_record(db, ledger_db, tmp_path, monkeypatch):
    """The record and the file go together: a record that cannot be written
    leaves no file behind."""
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    from desk_app.services import ledger

    def broken():
        raise RuntimeError("clock failure")

    monkeypatch.setattr(ledger, "now", broken)
    with pytest.raises(RuntimeError):
        exports.export_members(db, desk_on("2026-06-15"), tmp_path / "m.csv")
    assert list(tmp_path.iterdir()) == [] and events(db) == []


def test_recent_exports_newest_first(db, ledger_db, tmp_path):
    sup = desk_on("2026-06-15")
    exports.export_members(db, sup, tmp_path / "a.csv")
    exports.export_ledger(db, sup, tmp_path / "b.csv", date(2026, 1, 1), date(2026, 6, 15), personal=True)
    assert [(r.subject, r.personal_data, r.target) for r in exports.recent_exports(db, sup)] == [
        ("ledger", True, "b.csv"), ("members", False, "a.csv")]
    with pytest.raises(errors.NotPermitted):
        exports.recent_exports(db, desk_on("2026-06-15", role="clerk"))
