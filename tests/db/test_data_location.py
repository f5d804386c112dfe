"""Where a desk keeps its data: the user's folder or the folder the
installer chose for a PC whose desks share one database; no database file
before the setup is confirmed; the copies made before schema upgrades kept
to the last five; `desk-admin --help` saying where the database is."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from desk_app import cli, config, paths
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.domain import errors
from desk_app.services.database import UPGRADE_COPIES_KEPT, Database

from tests.conftest import init_cli


def windows_like_platformdirs(monkeypatch, local_appdata: Path) -> None:
    """platformdirs as on Windows: an app author adds a folder level."""
    def user_data_dir(appname=None, appauthor=None, *a, **k):
        author = appauthor if appauthor is not None else appname
        return str(local_appdata / author / appname) if author else str(local_appdata / appname)

    monkeypatch.setattr("platformdirs.user_data_dir", user_data_dir)


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """A frozen desk installed in tmp_path/app; returns a writer of its harmony_desk.ini."""
    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "desk-admin.exe"))

    def write(body: str, encoding: str = "utf-8-sig") -> Path:
        ini = app / paths.MACHINE_CONFIG
        ini.write_text(body, encoding=encoding)
        return ini

    return write


# -- the data folder -------------------------------------------------------------

def test_user_data_folder_has_no_doubled_author_level(monkeypatch, tmp_path):
    windows_like_platformdirs(monkeypatch, tmp_path / "Local")
    assert paths.data_dir() == tmp_path / "Local" / "Harmony Desk"
    assert paths.default_database_path() == tmp_path / "Local" / "Harmony Desk" / "harmony_desk.sqlite3"


def test_a_desk_set_up_in_the_doubled_folder_keeps_its_database(monkeypatch, tmp_path):
    windows_like_platformdirs(monkeypatch, tmp_path / "Local")
    doubled = tmp_path / "Local" / "Harmony Desk" / "Harmony Desk"
    doubled.mkdir(parents=True)
    (doubled / "harmony_desk.sqlite3").write_bytes(b"")
    assert paths.data_dir() == doubled
    # Once the plain folder holds a database of its own, that one is used.
    (tmp_path / "Local" / "Harmony Desk" / "harmony_desk.sqlite3").write_bytes(b"")
    assert paths.data_dir() == tmp_path / "Local" / "Harmony Desk"


def test_shared_desk_pc_uses_the_folder_the_installer_wrote(installed, tmp_path, monkeypatch):
    shared = tmp_path / "ProgramData" / "Harmony Desk"
    installed(f"[data]\nmode = shared\nfolder = {shared}\n")
    assert paths.shared_data_dir() == shared
    assert paths.data_dir() == shared and shared.is_dir()
    assert config.Settings().effective_database_url == f"sqlite:///{(shared / 'harmony_desk.sqlite3').as_posix()}"
    config.save(config.Settings(property_code="OSA", terminal="FRONT-3"))
    assert (shared / "settings.json").is_file()  # one desk's settings for every Windows user of the PC
    assert config.load().terminal == "FRONT-3"
    # desk-admin reaches the same database.
    monkeypatch.setenv("DESK_APP_BUSINESS_DATE", "2026-11-22")
    assert init_cli(monkeypatch) == 0
    assert (shared / "harmony_desk.sqlite3").is_file()


def test_shared_folder_may_name_an_environment_variable(installed, tmp_path, monkeypatch):
    monkeypatch.setenv("HD_TEST_PROGRAMDATA", str(tmp_path / "PD"))
    installed("[data]\nmode = shared\nfolder = ${HD_TEST_PROGRAMDATA}/Harmony Desk\n")
    assert paths.data_dir() == tmp_path / "PD" / "Harmony Desk"


def test_per_user_installation_uses_each_users_folder(installed, tmp_path):
    installed("[data]\nmode = per_user\n")
    assert paths.shared_data_dir() is None
    assert paths.data_dir() == paths.user_data_dir()


def test_shared_without_a_usable_folder_is_an_error_not_a_silent_second_database(installed):
    installed("[data]\nmode = shared\n")
    with pytest.raises(paths.DataLocationError):
        paths.data_dir()
    installed("[data]\nmode = shared\nfolder = relative\\folder\n")
    with pytest.raises(paths.DataLocationError):
        paths.data_dir()


def test_from_a_checkout_no_installer_file_is_read(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.install_dir() is None and paths.machine_config_file() is None
    assert paths.shared_data_dir() is None


# -- nothing created until the setup is confirmed --------------------------------------

def test_asking_about_a_missing_database_creates_no_file(tmp_path):
    path = tmp_path / "nowhere" / "desk.sqlite3"
    db = Database(f"sqlite:///{path.as_posix()}")
    assert db.is_initialized() is False
    with pytest.raises(errors.NotInitialized):
        db.ensure_ready()
    db.dispose()
    assert not (tmp_path / "nowhere").exists()


def test_desk_admin_on_a_missing_sqlite_path_refuses_and_leaves_no_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DESK_APP_DB", "sqlite:///try.db")
    for argv in (["show", "8000000006"], ["lookup", "sato"], ["check-ledger"]):
        assert cli.main(argv) == 1, argv
        assert json.loads(capsys.readouterr().out)["error"]["code"] == "not_initialized"
    assert sorted(os.listdir(tmp_path)) == []  # no try.db, no -wal, no -shm
    # init is what creates it.
    assert init_cli(monkeypatch) == 0
    assert (tmp_path / "try.db").is_file()


def test_reading_settings_creates_no_folder(monkeypatch, tmp_path):
    data = tmp_path / "data"
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(data))
    settings = config.load()
    assert settings.effective_database_url.endswith("/data/harmony_desk.sqlite3")
    assert not data.exists()


# -- copies made before schema upgrades ------------------------------------------------

def _database_at_first_revision(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', '00ff')"))
    engine.dispose()


def test_an_upgrade_keeps_the_last_five_pre_upgrade_copies(tmp_path):
    path = tmp_path / "harmony_desk.sqlite3"
    _database_at_first_revision(path)
    older = []
    for i in range(6):  # six copies from earlier upgrades, oldest first
        copy = tmp_path / f"harmony_desk.before-000{i}.2025010{i + 1}-090000.sqlite3"
        copy.write_bytes(b"old")
        os.utime(copy, (1_700_000_000 + i * 86_400,) * 2)
        older.append(copy)
    unrelated = tmp_path / "harmony_desk.night-audit.sqlite3"
    unrelated.write_bytes(b"kept")

    db = Database(f"sqlite:///{path.as_posix()}")
    db.ensure_ready()
    made = db.last_backup
    db.dispose()

    left = sorted(tmp_path.glob("harmony_desk.before-*.sqlite3"))
    assert len(left) == UPGRADE_COPIES_KEPT == 5
    assert made in left  # the copy of this upgrade is the newest
    assert set(left) == {made, *older[-4:]}  # the two oldest went
    assert unrelated.read_bytes() == b"kept" and path.is_file()


def test_no_pruning_when_nothing_is_upgraded(tmp_path):
    path = tmp_path / "harmony_desk.sqlite3"
    db = Database(f"sqlite:///{path.as_posix()}")
    db.initialize("one_harmony")
    copies = []
    for i in range(7):
        copy = tmp_path / f"harmony_desk.before-000{i}.2025010{i + 1}-090000.sqlite3"
        copy.write_bytes(b"old")
        copies.append(copy)
    db.initialize()  # already at the head: nothing copied, nothing removed
    db.dispose()
    assert all(c.exists() for c in copies)


# -- desk-admin --help --------------------------------------------------------------

def test_help_lists_the_environment_and_the_default_database(capsys, tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(data))
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for var in ("DESK_APP_DB", "DESK_APP_BUSINESS_DATE", "DESK_APP_PROPERTY", "DESK_APP_CLERK",
                "DESK_APP_PASSWORD", "DESK_APP_NEW_PASSWORD"):
        assert var in out, var
    assert str(data / "harmony_desk.sqlite3") in out
    assert "sqlite:///try.db" in out
    assert not data.exists()  # asking for help creates nothing
