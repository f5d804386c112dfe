"""The card-signing keys live outside the database: a key file per
installation in the user data folder (owner-only), or DESK_APP_CARD_KEY on
a server setup. The payload names its key (HD2:<key id>:...), so keys can
be rotated; cards printed before key ids (HD1) keep working with the key
the upgrade moved out of the database."""

import json
import os
import shutil
import stat

import pytest
from alembic import command
from sqlalchemy import text

from desk_app import card_keys
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.domain import errors
from desk_app.paths import data_dir
from desk_app.services import cards, lookup
from desk_app.services.database import Database
from tests.conftest import desk_on, make_db
from tests.db.helpers import enrol

OLD_SECRET = "5a" * 32


def _key_file(db):
    return data_dir() / "card-keys" / f"{db.installation_id()}.json"


@pytest.mark.usefixtures("backend_all")
def test_a_new_database_keeps_its_key_in_an_owner_only_file(db):
    path = _key_file(db)
    data = json.loads(path.read_text())
    assert data["current"] == "K1" and set(data["keys"]) == {"K1"} and "legacy" not in data
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with db.read() as s:
        keys = {k for (k,) in s.execute(text("SELECT key FROM installation"))}
    assert keys == {"program", "installation_id"}
    number = enrol(db)
    face = cards.issue(db, desk_on("2026-11-22"), number)
    assert face.qr_payload.startswith(f"HD2:K1:{number}:1:")


def test_a_copy_of_the_database_file_alone_cannot_check_or_make_cards(db, tmp_path, monkeypatch):
    number = enrol(db)
    payload = cards.issue(db, desk_on("2026-11-22"), number).qr_payload
    key_hex = json.loads(_key_file(db).read_text())["keys"]["K1"]
    db.dispose()
    data = db.sqlite_path().read_bytes() + (db.sqlite_path().with_name("desk.sqlite3-wal").read_bytes()
                                            if db.sqlite_path().with_name("desk.sqlite3-wal").exists() else b"")
    assert key_hex.encode() not in data and bytes.fromhex(key_hex) not in data

    copy = tmp_path / "stolen.sqlite3"
    shutil.copyfile(db.sqlite_path(), copy)
    elsewhere = tmp_path / "another-pc"
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(elsewhere))
    thief = Database(f"sqlite:///{copy}")
    with pytest.raises(errors.CardKeyMissing):
        cards.verify(thief, desk_on("2026-11-22"), payload)
    with pytest.raises(errors.CardKeyMissing):
        cards.issue(thief, desk_on("2026-11-22"), number, "lost")
    assert lookup.show(thief, desk_on("2026-11-22"), number).card.sequence == 1  # nothing changed
    # Rotating on the other PC starts a new key: the genuine card does not verify with it.
    cards.rotate_key(thief, desk_on("2026-11-22"))
    with pytest.raises(errors.CardForged):
        cards.verify(thief, desk_on("2026-11-22"), payload)
    thief.dispose()


@pytest.mark.usefixtures("backend_all")
def test_rotation_keeps_older_cards_until_their_key_is_retired(db):
    desk = desk_on("2026-11-22")
    a, b = enrol(db), enrol(db)
    old = cards.issue(db, desk, a).qr_payload
    ring = cards.rotate_key(db, desk)
    assert (ring.current, ring.keys, ring.legacy) == ("K2", ("K1", "K2"), False)
    new = cards.issue(db, desk, b).qr_payload
    assert new.startswith("HD2:K2:")
    assert cards.verify(db, desk_on("2026-11-22"), old) == (a, 1) and cards.verify(db, desk_on("2026-11-22"), new) == (b, 1)
    with pytest.raises(errors.NotPermitted):
        cards.retire_key(db, desk, "K2")
    with pytest.raises(errors.NotPermitted):
        cards.rotate_key(db, desk_on("2026-11-22", role="clerk"))
    assert cards.retire_key(db, desk, "k1").keys == ("K2",)
    with pytest.raises(errors.CardForged):
        cards.verify(db, desk_on("2026-11-22"), old)
    assert cards.verify(db, desk_on("2026-11-22"), new) == (b, 1)


def test_a_server_setup_takes_its_keys_from_the_environment(db, monkeypatch):
    number = enrol(db)
    monkeypatch.setenv("DESK_APP_CARD_KEY", f"K7={'11' * 32},K6={'22' * 32}")
    db.forget_card_keys()
    payload = cards.issue(db, desk_on("2026-11-22"), number).qr_payload
    assert payload.startswith("HD2:K7:")
    assert cards.verify(db, desk_on("2026-11-22"), payload) == (number, 1)
    assert cards.key_ring(db, desk_on("2026-11-22")).source == "environment"
    with pytest.raises(errors.NotSupported):
        cards.rotate_key(db, desk_on("2026-11-22"))
    monkeypatch.setenv("DESK_APP_CARD_KEY", f"K6={'22' * 32}")  # K7 no longer known here
    db.forget_card_keys()
    with pytest.raises(errors.CardForged):
        cards.verify(db, desk_on("2026-11-22"), payload)
    for bad in ("K1=xyz", "nonsense", f"HD1={'33' * 32}", f"K1={'4' * 63}"):
        monkeypatch.setenv("DESK_APP_CARD_KEY", bad)
        db.forget_card_keys()
        with pytest.raises(errors.CardKeyMissing):
            cards.verify(db, desk_on("2026-11-22"), payload)


def test_a_key_file_readable_by_others_is_made_owner_only(db):
    path = _key_file(db)
    path.chmod(0o644)
    db.forget_card_keys()
    assert db.card_keys.current == "K1"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.usefixtures("backend_all")
def test_look_alike_and_broken_payloads_are_refused_not_crashed(db):
    number = enrol(db)
    real = cards.issue(db, desk_on("2026-11-22"), number).qr_payload
    prefix, kid, num, seq, sig = real.split(":")
    for payload in (f"{prefix}:{kid}:{num}:¹:{sig}", f"{prefix}:{kid}:{num}:{seq}:{sig[:-1]}É",
                    f"{prefix}:{kid}:{num}:{seq}:{sig[:-1]}ß", f"{prefix}:K²:{num}:{seq}:{sig}",
                    f"HD1:{num}:²:{sig}", f"HD1:{num}:1:{sig}", f"{prefix}:K99:{num}:{seq}:{sig}",
                    f"{prefix}:{kid}:{num}:{seq}", f"{prefix}::{num}:{seq}:{sig}", "HD2:" + "Z" * 3000):
        with pytest.raises(errors.InvalidCard):
            cards.verify(db, desk_on("2026-11-22"), payload)
    assert cards.looks_like_payload(real.lower()) and cards.looks_like_payload("HD1:1:1:X")


@pytest.fixture
def insecure_sqlite():
    """SQLite as most builds ship it (Windows' Python included): a deleted
    row's bytes stay in the file unless secure_delete is asked for."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def off(dbapi_conn, _record):
        if type(dbapi_conn).__module__.startswith("sqlite3"):
            dbapi_conn.execute("PRAGMA secure_delete = OFF")

    event.listen(Engine, "connect", off)
    yield
    event.remove(Engine, "connect", off)


@pytest.mark.usefixtures("backend_all", "insecure_sqlite")
def test_upgrade_moves_the_secret_out_and_old_cards_keep_working(database_url):
    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', :s)"), {"s": OLD_SECRET})
        conn.execute(text(
            "INSERT INTO members (number, family_name, given_name, guardian_consent, registration, status, "
            "enrolled_on, enrolled_at, search_text, created_at) VALUES ('8000000006', 'Sato', 'Hana', false, "
            "'simple', 'active', '2026-01-05', 'TKO', 'sato|hana', '2026-01-05 10:00:00')"))
        conn.execute(text("INSERT INTO cards (member_id, sequence, status, reason, issued_on) "
                          "SELECT id, 1, 'active', 'new', '2026-01-05' FROM members"))
    engine.dispose()
    old_payload = cards.legacy_payload_for(bytes.fromhex(OLD_SECRET), "8000000006", 1)

    db = Database(database_url)
    db.ensure_ready()
    with db.read() as s:
        assert s.execute(text("SELECT value FROM installation WHERE key = 'card_secret'")).first() is None
    keys = json.loads(_key_file(db).read_text())
    assert keys["legacy"] == OLD_SECRET and keys["keys"]["K1"] != OLD_SECRET and keys["current"] == "K1"
    assert cards.verify(db, desk_on("2026-11-22"), old_payload) == ("8000000006", 1)
    ring = cards.key_ring(db, desk_on("2026-11-22"))
    assert (ring.current, ring.legacy) == ("K1", True)
    if db.sqlite_path() is not None:  # the secret's bytes left the file and its log
        db.dispose()
        path = db.sqlite_path()
        for f in (path, path.with_name(path.name + "-wal")):
            if f.exists():
                assert OLD_SECRET.encode() not in f.read_bytes(), f
    cards.retire_key(db, desk_on("2026-11-22"), "HD1")
    with pytest.raises(errors.CardForged):
        cards.verify(db, desk_on("2026-11-22"), old_payload)
    db.dispose()
