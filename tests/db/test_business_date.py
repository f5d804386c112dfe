"""The hotel's business date lives in the database, one per property:
started when the database is created, moved on by the night audit one day
at a time, never back, never past tomorrow. desk-admin takes it from there
unless --business-date or DESK_APP_BUSINESS_DATE says otherwise."""

import json
import multiprocessing as mp
from datetime import date, timedelta

import pytest

from desk_app import cli
from desk_app.domain import errors
from desk_app.services import business_date
from tests.conftest import desk_on

pytestmark = pytest.mark.usefixtures("backend_all")
TODAY = date.today()


@pytest.fixture
def run(database_url, capsys, monkeypatch):
    from tests.conftest import sign_in_cli

    monkeypatch.setenv("DESK_APP_DB", database_url)
    sign_in_cli(monkeypatch)

    def call(*argv, expect=0):
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        assert code == expect, (argv, out, err)
        return json.loads(out) if code != 2 else err

    return call


def test_a_new_database_starts_every_hotel_today(db):
    codes = [p.code for p in db.program.properties]
    assert {c: business_date.current(db, c) for c in codes} == {c: TODAY for c in codes}
    assert business_date.latest(db) == TODAY


def test_the_night_audit_rolls_one_day_at_a_time_and_never_back(db):
    from sqlalchemy import text

    with db.write() as s:  # two audits behind
        s.execute(text("UPDATE business_dates SET business_date = :d"), {"d": TODAY - timedelta(days=2)})
    sup = desk_on(TODAY, "OSA")
    r = business_date.roll(db, sup)
    assert (r.property_code, r.previous, r.business_date, r.changed_by) == (
        "OSA", TODAY - timedelta(days=2), TODAY - timedelta(days=1), "test-clerk")
    assert business_date.current(db, "OSA") == TODAY - timedelta(days=1)
    assert business_date.current(db, "TKO") == TODAY - timedelta(days=2)  # each hotel its own
    refusals = [TODAY - timedelta(days=1), TODAY - timedelta(days=3), TODAY + timedelta(days=1)]
    for to in refusals:  # the same day again, back, or two days on
        with pytest.raises(errors.InvalidBusinessDate):
            business_date.roll(db, sup, to)
    assert business_date.current(db, "OSA") == TODAY - timedelta(days=1)  # nothing changed
    assert business_date.roll(db, sup, TODAY).business_date == TODAY
    assert business_date.roll(db, sup).business_date == TODAY + timedelta(days=1)  # an audit before midnight
    with pytest.raises(errors.InvalidBusinessDate, match="after tomorrow"):
        business_date.roll(db, sup)
    assert business_date.current(db, "OSA") == TODAY + timedelta(days=1)


def test_only_a_supervisor_rolls_the_business_date(db):
    for role in ("cashier", "clerk"):
        with pytest.raises(errors.NotPermitted):
            business_date.roll(db, desk_on(TODAY, role=role))
    assert business_date.current(db, "TKO") == TODAY


def test_init_may_start_a_new_database_on_another_day(run):
    run("--business-date", "2026-06-15", "init", "--supervisor", "boss")
    assert run("business-date") == {"property": "TKO", "business_date": "2026-06-15"}
    # Registration with no date given posts on the hotel's business date.
    m = run("register", "--family-name", "Sato", "--given-name", "Hana", "--email", "hana@example.jp")
    assert m["enrolled_on"] == "2026-06-15"
    # Init again (an upgrade) keeps the hotel's date.
    run("--business-date", "2026-01-01", "init", "--supervisor", "boss")
    assert run("business-date")["business_date"] == "2026-06-15"
    assert run("roll-business-date", "--to", "2026-06-17", expect=1)["error"]["code"] == "invalid_business_date"
    rolled = run("roll-business-date")  # the night audit: the roll, then the new day's batches
    assert {k: rolled[k] for k in ("property", "business_date", "previous")} == {
        "property": "TKO", "business_date": "2026-06-16", "previous": "2026-06-15"}
    assert run("--property", "OSA", "business-date")["business_date"] == "2026-06-15"


def test_option_then_variable_then_the_hotels_date(run, monkeypatch):
    run("--business-date", "2026-06-15", "init", "--supervisor", "boss")
    monkeypatch.setenv("DESK_APP_BUSINESS_DATE", "2026-07-01")
    a = run("register", "--family-name", "Sato", "--given-name", "Hana", "--email", "a@example.jp")
    b = run("--business-date", "2026-08-01", "register", "--family-name", "Sato", "--given-name", "Hana",
            "--email", "b@example.jp")
    monkeypatch.delenv("DESK_APP_BUSINESS_DATE")
    c = run("register", "--family-name", "Sato", "--given-name", "Hana", "--email", "c@example.jp")
    assert [m["enrolled_on"] for m in (a, b, c)] == ["2026-07-01", "2026-08-01", "2026-06-15"]


def test_a_new_database_cannot_start_after_tomorrow_or_before_2000(run):
    for day in ((TODAY + timedelta(days=2)).isoformat(), "1999-12-31"):
        assert run("--business-date", day, "init", "--supervisor", "boss", expect=1)["error"]["code"] == "invalid_business_date"
    assert run("--business-date", (TODAY + timedelta(days=1)).isoformat(), "init", "--supervisor", "boss")["program"] == "one_harmony"


def _roll_worker(url, to, barrier, results):
    from desk_app.domain import errors
    from desk_app.services import business_date
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    db = Database(url)
    db.program
    barrier.wait()
    try:
        business_date.roll(db, desk_on(to), to)
        results.put("rolled")
    except errors.InvalidBusinessDate:
        results.put("invalid_business_date")
    db.dispose()


@pytest.mark.slow
def test_two_night_audits_at_once_roll_once(db, database_url):
    from sqlalchemy import text

    with db.write() as s:
        s.execute(text("UPDATE business_dates SET business_date = :d"), {"d": TODAY - timedelta(days=1)})
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_roll_worker, args=(database_url, TODAY, barrier, results)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    assert sorted(results.get() for _ in range(2)) == ["invalid_business_date", "rolled"]
    assert business_date.current(db, "TKO") == TODAY
