"""A desk set up before shows its sign-in window before SQLAlchemy loads:
the standard library tells whether its SQLite database is ready."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic import command

from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.db.ready import ready_program
from desk_app.services import clerks
from desk_app.services.database import Database


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def test_a_ready_database_names_its_program(tmp_path):
    for program in ("one_harmony", "omo"):
        path = tmp_path / f"{program}.sqlite3"
        db = Database(_url(path))
        db.initialize(program)
        assert ready_program(_url(path)) is None  # no clerk yet: the setup window's job
        clerks.create(db, None, "boss", "Boss", "supervisor", "password1")
        db.dispose()
        assert ready_program(_url(path)) == program


def test_anything_else_takes_the_ordinary_path(tmp_path):
    missing = tmp_path / "missing.sqlite3"
    assert ready_program(_url(missing)) is None and not missing.exists()
    assert ready_program("postgresql://desk@server/harmonydesk") is None
    assert ready_program("sqlite://") is None
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("not a database")
    assert ready_program(_url(not_a_database)) is None
    # An older schema: the full probe upgrades it first.
    old = tmp_path / "old.sqlite3"
    engine = make_engine(_url(old))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    assert ready_program(_url(old)) is None


def test_the_desks_start_module_does_not_load_sqlalchemy():
    root = Path(__file__).resolve().parents[2]
    code = "import sys, desk_app.ui.app; print('sqlalchemy' in sys.modules)"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.strip() == "False", done.stderr
