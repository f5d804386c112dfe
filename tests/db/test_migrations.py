"""`desk-admin init` creates the schema and upgrades an older one in place."""

import pytest
from alembic import command
from sqlalchemy import inspect, text

from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.domain import errors
from desk_app.services.database import Database

pytestmark = pytest.mark.usefixtures("backend_all")


def test_init_is_idempotent(database_url):
    db = Database(database_url)
    program, version = db.initialize("one_harmony")
    assert (program.code, version) == ("one_harmony", migrate.head_revision())
    assert db.initialize()[1] == version
    with pytest.raises(errors.ProgramMismatch):
        db.initialize("omo")
    db.dispose()


def test_uninitialised_database_is_refused(database_url):
    db = Database(database_url)
    with pytest.raises(errors.NotInitialized):
        db.ensure_ready()
    db.dispose()


def test_older_database_upgraded_in_place_keeping_members(database_url):
    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', '00ff')"))
        conn.execute(text(
            "INSERT INTO members (number, family_name, given_name, guardian_consent, registration, status, "
            "enrolled_on, enrolled_at, search_text, created_at) VALUES ('8000000006', 'Sato', 'Hana', false, "
            "'simple', 'active', '2026-01-05', 'TKO', 'sato|hana', '2026-01-05 10:00:00')"))
    assert "preferred_language" not in {c["name"] for c in inspect(engine).get_columns("members")}
    engine.dispose()

    db = Database(database_url)
    db.ensure_ready()
    assert db.schema_version() == migrate.head_revision()
    with db.read() as s:
        row = s.execute(text("SELECT number, preferred_language FROM members")).one()
    assert tuple(row) == ("8000000006", "ja")
    if db.sqlite_path() is not None:  # the old file was copied aside first, still at 0001
        backup = db.last_backup
        assert backup is not None and backup.exists() and "before-" in backup.name
        old = make_engine(f"sqlite:///{backup}")
        assert migrate.current_revision(old) == "0001"
        old.dispose()
    db.dispose()


def test_head_read_from_the_files_is_alembics_head(database_url):
    """The start-up check reads the head from the migration files without
    importing Alembic: it must name the revision Alembic would."""
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    engine = make_engine(database_url)
    assert migrate.current_revision(engine) is None  # no schema yet
    engine.dispose()
    db = Database(database_url)
    db.initialize("one_harmony")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.dispose()


def test_the_schema_module_and_the_migrations_agree(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desk_app.db.schema import Base
    from desk_app.db.search_index import is_database_only

    db = Database(database_url)
    db.initialize("one_harmony")
    with db.engine.connect() as conn:
        opts = {"compare_type": True,
                "include_object": lambda obj, name, type_, reflected, _to: not (reflected and
                                                                                 is_database_only(name, type_))}
        assert compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata) == []
    db.dispose()


def test_0004_frees_a_reversed_folio_and_downgrades(database_url):
    """Up from 0003 with a folio already posted, the folio stays unique among
    postings not reversed; down again, the plain unique constraint is back."""
    from sqlalchemy.exc import IntegrityError

    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    posting = ("INSERT INTO postings (property_code, kind, reference, member_id, transaction_id, business_date, "
               "date_of_use, charges, currency, points, bonus_points, nights) VALUES ('TKO', 'stay', 'F1', 1, "
               ":tx, '2026-03-03', '2026-03-03', '{}', 'JPY', 0, 0, 0)")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO properties (code, name, country, currency) VALUES "
                          "('TKO', 'The Okura Tokyo', 'JP', 'JPY')"))
        conn.execute(text(
            "INSERT INTO members (id, number, family_name, given_name, guardian_consent, registration, status, "
            "enrolled_on, enrolled_at, search_text, created_at) VALUES (1, '8000000006', 'Sato', 'Hana', false, "
            "'simple', 'active', '2026-01-05', 'TKO', 'sato|hana', '2026-01-05 10:00:00')"))
        conn.execute(text(posting), {"tx": "a" * 32})
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.execute(text(posting), {"tx": "b" * 32})
    with engine.begin() as conn:
        conn.execute(text("UPDATE postings SET reversed_by = :r"), {"r": "c" * 32})
        conn.execute(text(posting), {"tx": "b" * 32})
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM postings WHERE transaction_id = :tx"), {"tx": "b" * 32})
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert "reversed_by" not in {c["name"] for c in inspect(engine).get_columns("postings")}
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.execute(text(posting), {"tx": "b" * 32})
    engine.dispose()


def test_0012_writes_the_nights_already_credited_once_per_calendar_night(database_url):
    """docs/program-rules.md 3: the upgrade to 0012 writes existing stays'
    and companions' nights into night_credits, a calendar night once per
    member, skipping reversed postings."""
    from datetime import date

    from desk_app.services import posting, reversal
    from tests.conftest import desk_on
    from tests.db.helpers import enrol

    db = Database(database_url)
    db.initialize("one_harmony")
    payer, guest = enrol(db), enrol(db)
    for folio, prop in (("A", "TKO"), ("B", "OSA"), ("C", "KYO")):
        posting.post_stay(db, desk_on("2026-03-03", prop), payer, posting.StayFolio(
            folio, date(2026, 3, 1), date(2026, 3, 3), "direct", {"room": 10_000}, companions=(guest,)))
    undone = posting.post_stay(db, desk_on("2026-03-06"), payer, posting.StayFolio(
        "D", date(2026, 3, 4), date(2026, 3, 6), "direct", {"room": 10_000}))
    reversal.reverse(db, desk_on("2026-03-06"), undone.transaction_id, "wrong member")
    with db.read() as s:
        before = sorted(s.execute(text("SELECT member_id, night FROM night_credits WHERE released_by IS NULL")).all())
    assert len(before) == 4
    cfg = migrate.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    assert "night_credits" not in inspect(db.engine).get_table_names()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with db.read() as s:
        after = sorted(s.execute(text("SELECT member_id, night FROM night_credits WHERE released_by IS NULL")).all())
    assert [(m, str(n)) for m, n in after] == [(m, str(n)) for m, n in before]
    db.dispose()
