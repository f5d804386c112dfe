"""Test configuration: Qt offscreen before anything imports it, the user's
data, log and cache folders in temporary folders, and databases: a real
SQLite file always, and PostgreSQL when DESK_APP_TEST_PG_URL points at a
server (`.ci/run` sets it when one answers on 127.0.0.1:5432). Without it
the PostgreSQL tests show as skipped, with the reason; `-m pg` selects
them and `-m "not pg"` leaves them out."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from datetime import date

import pytest

PG_URL = os.environ.get("DESK_APP_TEST_PG_URL")
PG_SKIP_REASON = ("no PostgreSQL server: DESK_APP_TEST_PG_URL is not set "
                  "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
# The PostgreSQL parameter is always there, so a run without a server lists
# its tests as skipped (one line, with the reason) instead of losing them.
BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgresql", id="postgresql", marks=pytest.mark.pg)]


@pytest.hookimpl(trylast=True)  # after pytest's own tmp_path set-up
def pytest_configure(config):
    """Hypothesis keeps its examples and caches in the run's temporary
    folder, not in a .hypothesis folder in the checkout (it writes some
    while collecting, before any fixture could redirect it)."""
    from hypothesis import configuration

    configuration.set_hypothesis_home_dir(config._tmp_path_factory.mktemp("hypothesis"))


@pytest.fixture(scope="session")
def _user_cache(tmp_path_factory):
    """One cache per test process: the desk compiles its .qm catalogue there
    once, not into the real ~/.cache."""
    return tmp_path_factory.mktemp("usercache")


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch, _user_cache):
    """No test touches the real user data, log or cache folders."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(home))
    monkeypatch.setattr("platformdirs.user_log_dir", lambda *a, **k: str(home / "logs"))
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda *a, **k: str(_user_cache))
    # A developer's own DESK_APP_DB, business date, clerk or password never
    # leaks into a test; only the test run's own switches stay.
    for var in [v for v in os.environ if v.startswith("DESK_APP_")]:
        if var not in ("DESK_APP_TEST_PG_URL", "DESK_APP_FROZEN_DIR"):
            monkeypatch.delenv(var)
    # Values a test's desk-admin run marked sensitive stay with that test.
    monkeypatch.setattr("desk_app.logs._sensitive", set())


@pytest.fixture(autouse=True)
def _quick_password_hashes(request, monkeypatch):
    """argon2id with its cheapest parameters, so the hundreds of sign-ins
    the tests make stay quick; the same code runs (hash, verify, dummy hash).
    A test marked `real_password_hashes` keeps the production parameters."""
    if request.node.get_closest_marker("real_password_hashes"):
        return
    from argon2 import PasswordHasher

    from desk_app.services import clerks

    monkeypatch.setattr(clerks, "hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


SUPERVISOR, SUPERVISOR_PASSWORD = "boss", "boss-password"


def sign_in_cli(monkeypatch, login: str = SUPERVISOR, password: str = SUPERVISOR_PASSWORD) -> None:
    """desk-admin calls in this test sign in as `login` (the environment's way)."""
    monkeypatch.setenv("DESK_APP_CLERK", login)
    monkeypatch.setenv("DESK_APP_PASSWORD", password)


def init_cli(monkeypatch, *argv: str) -> int:
    """`desk-admin init --supervisor boss` on a new database, signed in as boss afterwards."""
    from desk_app import cli

    sign_in_cli(monkeypatch)
    return cli.main(["init", "--supervisor", SUPERVISOR, *argv])


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def database_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a new PostgreSQL schema."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'desk.sqlite3'}"
        return
    if not PG_URL:
        pytest.skip(PG_SKIP_REASON)
    from sqlalchemy import create_engine, text

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
                          if PG_URL.startswith("postgresql://") else PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def pytest_generate_tests(metafunc):
    if "database_url" in metafunc.fixturenames and "backend_all" in metafunc.fixturenames:
        metafunc.parametrize("database_url", BACKENDS, indirect=True)


@pytest.fixture
def backend_all():
    """Marker fixture: the test runs on every configured backend."""
    return None


def make_db(url: str, program: str = "one_harmony"):
    from desk_app.services.database import Database

    db = Database(url)
    db.initialize(program)
    return db


@pytest.fixture
def db(database_url, backend_all):
    database = make_db(database_url)
    yield database
    database.dispose()


@pytest.fixture
def omo_db(database_url, backend_all):
    database = make_db(database_url, "omo")
    yield database
    database.dispose()


def desk_on(day: date | str, prop: str = "TKO", role: str = "supervisor", clerk: str = "test-clerk"):
    from desk_app.services.context import Desk

    if isinstance(day, str):
        day = date.fromisoformat(day)
    return Desk(day, prop, clerk, "T1", role)


def pytest_terminal_summary(terminalreporter):
    """One closing line saying whether the PostgreSQL tests ran, so a CI log
    shows it without counting test ids."""
    outcomes: dict[str, str] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if isinstance(report, pytest.TestReport) and "pg" in report.keywords:
                if report.when == "call" or report.outcome != "passed":
                    outcomes[report.nodeid] = report.outcome
    if not outcomes:
        return
    counts = {o: sum(1 for v in outcomes.values() if v == o) for o in sorted(set(outcomes.values()))}
    text = ", ".join(f"{n} {o}" for o, n in counts.items())
    why = f" ({PG_SKIP_REASON})" if not PG_URL else ""
    terminalreporter.write_line(f"PostgreSQL tests: {text}{why}")
