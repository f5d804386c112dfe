"""Logs without personal data or secrets, and no PostgreSQL password in the
settings file: what support receives must not carry a member's e-mail, name
or birth date, nor any password."""

from __future__ import annotations

import json
import logging
import os
import stat

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from desk_app import cli, config, logs, pgpass
from desk_app.db.engine import make_engine
from desk_app.db.schema import Setting
from tests.conftest import init_cli

PERSONAL = ("hana.sato@example.jp", "佐藤", "花子", "1990-04-01", "090-1234-5678", "Sato-Hanako")


@pytest.fixture
def log_file(monkeypatch):
    """The scrubbing file handler on the root logger, removed afterwards."""
    root = logging.getLogger()
    before = list(root.handlers)
    for h in before:
        root.removeHandler(h)
    path = logs.setup_logging("test-logs")
    yield path
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()
    for h in before:
        root.addHandler(h)


def test_scrub_takes_out_personal_data_and_secrets():
    logs.register_sensitive("Sato-Hanako", "en")
    text = logs.scrub(
        "member hana.sato@example.jp 佐藤 花子 born 1990-04-01 (1990年4月1日) phone 090-1234-5678 +81312345678 "
        "number 8000000006 url postgresql://desk:s3cr3t@db.hotel.local/desk password=hunter2 "
        "ValueError: invalid literal for int(): 'Sato-Hanako' when Sato-Hanako came")
    for secret in (*PERSONAL, "1990年4月1日", "+81312345678", "8000000006", "s3cr3t", "hunter2"):
        assert secret not in text, secret
    assert "postgresql://desk:***@db.hotel.local/desk" in text and "password=***" in text
    assert "when" in text and "ValueError: invalid literal for int()" in text  # "en" only as a whole word


def test_a_logged_failure_carries_no_member_data(log_file):
    try:
        raise RuntimeError("could not save hana.sato@example.jp 佐藤 花子 1990-04-01 090-1234-5678")
    except RuntimeError:
        logging.getLogger("desk_app.test").exception("saving %s failed", "hana.sato@example.jp")
    written = log_file.read_text(encoding="utf-8")
    assert "Traceback" in written and "RuntimeError: could not save <e-mail>" in written
    for value in PERSONAL[:5]:
        assert value not in written, value


def test_an_internal_error_in_desk_admin_logs_no_argument_value(database_url, monkeypatch, capsys, log_file):
    monkeypatch.setenv("DESK_APP_DB", database_url)
    assert init_cli(monkeypatch) == 0
    from desk_app.services import registration

    def boom(*_a, **_k):  # an unexpected failure that quotes the data it was given
        raise RuntimeError("cannot store Sato-Hanako <hana.sato@example.jp> born 1990-04-01")

    monkeypatch.setattr(registration, "check_enrolment", boom)
    code = cli.main(["--business-date", "2026-11-22", "register", "--family-name", "Sato-Hanako", "--given-name",
                     "Hanakoko", "--email", "hana.sato@example.jp", "--birth-date", "1990-04-01"])
    assert code == 3 and json.loads(capsys.readouterr().out.splitlines()[-1])["error"]["code"] == "internal"
    written = log_file.read_text(encoding="utf-8")
    assert "internal error in register --birth-date --business-date --email --family-name --given-name" in written
    assert "RuntimeError" in written
    for value in ("Sato-Hanako", "Hanakoko", "hana.sato@example.jp", "1990-04-01", os.environ["DESK_APP_PASSWORD"]):
        assert value not in written, value


@pytest.mark.usefixtures("backend_all")
def test_sql_errors_do_not_carry_the_statements_values(db):
    with pytest.raises(IntegrityError) as failed:
        with db.write() as s:
            s.add(Setting(key="program", value="a-value-that-must-not-show"))
    assert "a-value-that-must-not-show" not in str(failed.value)
    assert "hidden due to hide_parameters" in str(failed.value)


def test_a_postgresql_password_goes_to_the_pgpass_file_never_to_settings(tmp_path):
    url = "postgresql://desk:pa:ss\\word@db.hotel.local:5433/harmony"
    config.save(config.Settings(database_url=url, property_code="TKO"))
    saved = config.settings_path().read_text(encoding="utf-8")
    assert "pa:ss" not in saved and "word" not in saved
    assert config.load().database_url == "postgresql://desk@db.hotel.local:5433/harmony"
    path = pgpass.pgpass_path()
    assert path.read_text(encoding="utf-8") == "db.hotel.local:5433:harmony:desk:pa\\:ss\\\\word\n"
    if os.name == "posix":  # libpq ignores a pgpass file others can read
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # A second server, and a new password for the first: one line each.
    config.save(config.Settings(database_url="postgresql://desk:newer@db.hotel.local:5433/harmony"))
    config.save(config.Settings(database_url="postgresql://ops:other@10.0.0.2/desk"))
    assert path.read_text(encoding="utf-8").splitlines() == [
        "db.hotel.local:5433:harmony:desk:newer", "10.0.0.2:5432:desk:ops:other"]
    assert pgpass.connect_args(make_url(config.load().database_url)) == {"passfile": str(path)}
    # SQLite URLs and URLs without a password are kept as they are.
    sqlite = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert pgpass.remember(sqlite) == sqlite and pgpass.connect_args(make_engine(sqlite).url) == {}


def test_an_old_settings_file_with_a_password_is_cleaned_when_read():
    config.settings_path().write_text(json.dumps({"database_url": "postgresql://desk:old-secret@pg/harmony"}),
                                      encoding="utf-8")
    assert config.load().database_url == "postgresql://desk@pg/harmony"
    assert "old-secret" not in config.settings_path().read_text(encoding="utf-8")
    assert pgpass.pgpass_path().read_text(encoding="utf-8") == "pg:5432:harmony:desk:old-secret\n"


@pytest.mark.skipif(not os.environ.get("DESK_APP_TEST_PG_URL"), reason="needs the PostgreSQL test server")
def test_the_desk_connects_to_postgresql_with_the_pgpass_file():
    from sqlalchemy import text

    server = make_url(os.environ["DESK_APP_TEST_PG_URL"]).set(password="kept-in-pgpass")
    config.save(config.Settings(database_url=server.render_as_string(hide_password=False)))
    engine = make_engine(config.load().database_url)
    assert engine.url.password is None
    with engine.connect() as conn:  # libpq accepts the passfile parameter and connects
        assert conn.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()

