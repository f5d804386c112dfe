"""desk-admin backup / restore and the daily automatic backup: an online
copy checked (integrity, chain, invariants) before it counts; a restore
only from a file that passes the same checks, the current file saved
aside first; PostgreSQL refuses both (pg_dump / pg_restore)."""

import json
import shutil
import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desk_app import cli
from desk_app.domain import errors
from desk_app.paths import data_dir
from desk_app.services import audit, backups, business_date, lookup
from tests.conftest import desk_on
from tests.db.helpers import enrol, stay


@pytest.fixture
def db(tmp_path):
    """Backups are of the embedded SQLite file (PostgreSQL: see the last tests)."""
    from tests.conftest import make_db

    database = make_db(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    yield database
    database.dispose()


@pytest.fixture
def run(db, capsys, monkeypatch):
    from desk_app.services import clerks
    from tests.conftest import SUPERVISOR, SUPERVISOR_PASSWORD, sign_in_cli

    clerks.create(db, None, SUPERVISOR, "The Office", "supervisor", SUPERVISOR_PASSWORD)
    monkeypatch.setenv("DESK_APP_DB", db.url)
    sign_in_cli(monkeypatch)

    def call(*argv, expect=0, day="2026-11-22"):
        code = cli.main((["--business-date", day] if day else []) + list(argv))
        out, err = capsys.readouterr()
        assert code == expect, (argv, out, err)
        return json.loads(out) if code != 2 else err

    return call


def _filled(db):
    number = enrol(db)
    stay(db, number, "2026-03-01", "2026-03-03", 100_000)
    return number


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_backup_is_a_checked_copy_and_restore_brings_it_back(db, run, tmp_path):
    number = _filled(db)
    out = tmp_path / "usb" / "monday.sqlite3"
    out.parent.mkdir()
    made = run("backup", "--out", str(out))
    head = audit.chain_head(db)
    assert made == {"path": str(out), "entries": head.entries, "head": head.head}
    assert _files(out.parent) == ["monday.sqlite3"]  # one self-contained file, nothing half-written beside it
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    stay(db, number, "2026-04-01", "2026-04-02", 50_000)  # recorded after the backup
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 3_000
    restored = run("restore", str(out), "--yes")
    saved = restored["saved_previous_as"]
    assert restored["restored"] == str(out) and (restored["entries"], restored["head"]) == (head.entries, head.head)
    assert ".before-restore." in saved and saved.endswith(".sqlite3")
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 2_000
    assert run("check-ledger") == {"ok": True, "entries": head.entries, "head": head.head}
    # The copy saved aside holds what was there just before.
    backups.verify_file(__import__("pathlib").Path(saved))
    with sqlite3.connect(saved) as conn:
        assert conn.execute("SELECT count(*) FROM postings").fetchone()[0] == 2


def test_restore_needs_yes(db, run, tmp_path):
    out = tmp_path / "b.sqlite3"
    run("backup", "--out", str(out))
    assert "add --yes" in run("restore", str(out), expect=2)


def test_files_that_fail_their_checks_are_refused_and_nothing_changes(db, run, tmp_path):
    number = _filled(db)
    good = tmp_path / "good.sqlite3"
    run("backup", "--out", str(good))
    stay(db, number, "2026-04-01", "2026-04-02", 50_000)
    head = audit.chain_head(db)

    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("not a database at all")
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    tampered = tmp_path / "tampered.sqlite3"
    shutil.copyfile(good, tampered)
    with sqlite3.connect(tampered) as conn:
        conn.execute("UPDATE ledger_entries SET points = points + 100000 WHERE kind = 'stay'")
        conn.execute("UPDATE lots SET points = points + 100000, remaining = remaining + 100000")
    conn.close()
    other = tmp_path / "other"
    from tests.conftest import make_db

    stranger = make_db(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    stranger.dispose()
    for bad, words in ((not_a_db, "not"), (truncated, ""), (tampered, "ledger check"),
                       (tmp_path / "other.sqlite3", "another database"), (tmp_path / "missing.sqlite3", "no backup")):
        refused = run("restore", str(bad), "--yes", expect=1)["error"]
        assert refused["code"] == "invalid_backup", (bad, refused)
        assert words in refused["message"], refused
    assert audit.chain_head(db) == head
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 3_000
    assert not list(db.sqlite_path().parent.glob("*.before-restore.*"))
    assert not list(db.sqlite_path().parent.glob("*.restoring-*"))
    assert not other.exists()


def test_a_newer_schema_backup_is_refused(db, run, tmp_path):
    out = tmp_path / "b.sqlite3"
    run("backup", "--out", str(out))
    with sqlite3.connect(out) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    assert run("restore", str(out), "--yes", expect=1)["error"]["code"] == "invalid_backup"


def test_backup_of_a_tampered_ledger_is_refused_and_leaves_no_file(db, run, tmp_path):
    _filled(db)
    db.dispose()
    with sqlite3.connect(db.sqlite_path()) as conn:
        conn.execute("UPDATE ledger_entries SET clerk = 'nobody' WHERE kind = 'stay'")
    conn.close()
    out = tmp_path / "b.sqlite3"
    assert run("backup", "--out", str(out), expect=1)["error"]["code"] == "ledger_tampered"
    assert not out.exists() and not [n for n in _files(tmp_path) if "b.sqlite3" in n]


def test_backup_paths_that_cannot_work_are_refused(db, run, tmp_path):
    for target in (str(db.sqlite_path()), str(tmp_path), str(tmp_path / "no" / "such" / "folder.sqlite3")):
        assert run("backup", "--out", target, expect=1)["error"]["code"] == "output_not_writable", target
    assert audit.check_ledger(db, desk_on("2026-11-22")).entries == 0


def test_only_a_supervisor_backs_up_or_restores(db, tmp_path):
    out = tmp_path / "b.sqlite3"
    for role in ("cashier", "clerk"):
        with pytest.raises(errors.NotPermitted):
            backups.backup(db, desk_on("2026-11-22", role=role), out)
        with pytest.raises(errors.NotPermitted):
            backups.restore(db, desk_on("2026-11-22", role=role), out)
    assert not out.exists()


@pytest.mark.usefixtures("backend_all")
def test_postgresql_refuses_backup_and_restore(database_url, tmp_path):
    from tests.conftest import make_db

    db = make_db(database_url)
    if db.sqlite_path() is not None:
        backups.backup(db, desk_on("2026-11-22"), tmp_path / "ok.sqlite3")
        db.dispose()
        return
    for call in (lambda: backups.backup(db, desk_on("2026-11-22"), tmp_path / "x.sqlite3"),
                 lambda: backups.restore(db, desk_on("2026-11-22"), tmp_path / "x.sqlite3")):
        with pytest.raises(errors.NotSupported, match="pg_dump"):
            call()
    assert backups.daily(db) is None and not list((data_dir() / "backups").glob("*"))
    db.dispose()


def test_restore_never_moves_the_business_date_back(db, run, tmp_path):
    out = tmp_path / "b.sqlite3"
    start = business_date.current(db, "TKO")
    run("backup", "--out", str(out))
    with db.write() as s:  # the night audit ran twice since the backup
        s.execute(text("UPDATE business_dates SET business_date = :d WHERE property_code = 'TKO'"),
                  {"d": start + timedelta(days=2)})
    run("restore", str(out), "--yes")
    assert business_date.current(db, "TKO") == start + timedelta(days=2)


def test_a_backup_from_before_the_upgrade_is_restored_with_its_cards(db, run, tmp_path):
    """The copy the upgrade made (schema 0003, the card secret inside) is
    this database's: restored, upgraded, and old cards still verify."""
    from alembic import command

    from desk_app.db import migrate
    from desk_app.db.engine import make_engine
    from desk_app.services import cards
    from desk_app.services.database import Database

    old_url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(old_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', :s)"), {"s": "7c" * 32})
        conn.execute(text(
            "INSERT INTO members (number, family_name, given_name, guardian_consent, registration, status, "
            "enrolled_on, enrolled_at, search_text, created_at) VALUES ('8000000006', 'Sato', 'Hana', false, "
            "'simple', 'active', '2026-01-05', 'TKO', 'sato|hana', '2026-01-05 10:00:00')"))
        conn.execute(text("INSERT INTO cards (member_id, sequence, status, reason, issued_on) "
                          "SELECT id, 1, 'active', 'new', '2026-01-05' FROM members"))
    engine.dispose()
    pre_upgrade = tmp_path / "pre-upgrade.sqlite3"
    shutil.copyfile(tmp_path / "old.sqlite3", pre_upgrade)
    live = Database(old_url)
    live.ensure_ready()  # the upgrade: the secret moves to the key file as the HD1 key
    installation = live.installation_id()
    old_card = cards.legacy_payload_for(bytes.fromhex("7c" * 32), "8000000006", 1)
    assert cards.verify(live, desk_on("2026-11-22"), old_card) == ("8000000006", 1)

    restored = backups.restore(live, desk_on("2026-11-22"), pre_upgrade)
    assert restored.entries == 0
    assert live.installation_id() == installation
    assert cards.verify(live, desk_on("2026-11-22"), old_card) == ("8000000006", 1)
    live.dispose()


def test_the_daily_backup_is_made_once_per_business_day_and_14_are_kept(db, run):
    folder = data_dir() / "backups"
    run("show", "8000000006", expect=1)  # any command: the day's first start
    day = business_date.current(db, "TKO")
    prefix = f"auto-{db.installation_id()[:8]}-"
    assert _files(folder) == [f"{prefix}{day.isoformat()}.sqlite3"]
    made = (folder / f"{prefix}{day.isoformat()}.sqlite3").stat().st_mtime_ns
    run("show", "8000000006", expect=1)  # the same business day: nothing new
    assert (folder / f"{prefix}{day.isoformat()}.sqlite3").stat().st_mtime_ns == made
    backups.verify_file(folder / f"{prefix}{day.isoformat()}.sqlite3")
    for i in range(1, 20):  # twenty business days pass
        with db.write() as s:
            s.execute(text("UPDATE business_dates SET business_date = :d"), {"d": day + timedelta(days=i)})
        assert backups.daily(db) == folder / f"{prefix}{(day + timedelta(days=i)).isoformat()}.sqlite3"
    kept = _files(folder)
    assert len(kept) == 14 and kept[-1] == f"{prefix}{(day + timedelta(days=19)).isoformat()}.sqlite3"
    assert kept[0] == f"{prefix}{(day + timedelta(days=6)).isoformat()}.sqlite3"


def test_a_daily_backup_that_cannot_be_made_never_stops_the_desk(db, run):
    (data_dir() / "backups").write_text("a file where the folder should be")
    assert backups.daily(db) is None
    run("show", "8000000006", expect=1)  # still answers
