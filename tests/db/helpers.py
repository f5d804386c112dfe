from datetime import date

from desk_app.services import posting, registration
from tests.conftest import desk_on

_n = [0]


def enrol(db, day="2026-01-05", full=True, email=None, **kw):
    _n[0] += 1
    desk = desk_on(day)
    view = registration.register(db, desk, registration.Enrolment(
        kw.pop("family", "Sato"), kw.pop("given", "Hana"), email or f"guest{_n[0]}@example.jp", **kw))
    if full:
        # Full registration needs a birth date on file (docs/program-rules.md 1).
        registration.complete_registration(db, desk, view.member_number, postal_code="100-0005",
                                           address="Chiyoda-ku, Marunouchi 1-1", country="JP",
                                           phone="090-1234-5678",
                                           birth_date=None if view.birth_date else date(1985, 4, 1))
    return view.member_number


def stay(db, number, check_in, check_out, room, folio=None, channel="direct", business=None, prop="TKO",
         **kw):
    folio = folio if folio is not None else f"F{check_in}{check_out}{room}{_next()}"
    return posting.post_stay(db, desk_on(business or check_out, prop), number, posting.StayFolio(
        folio=folio, check_in=date.fromisoformat(check_in), check_out=date.fromisoformat(check_out),
        channel=channel, charges={"room": room, **kw.pop("charges", {})}, **kw))


def bill(db, number, day, fnb, check=None, payment="card", business=None, prop="TKO"):
    return posting.post_bill(db, desk_on(business or day, prop), number, posting.Bill(
        check=check or f"C{day}{fnb}{_next()}", date=date.fromisoformat(day), charges={"fnb": fnb},
        payment=payment))


def _next():
    _n[0] += 1
    return _n[0]


# Tables a refusal must leave exactly as they were. Sign-in bookkeeping
# (clerks), the refusal counts, audit events and a hotel's business date
# started on first use are not the refused operation's changes.
FINGERPRINT_TABLES = ("installation", "properties", "members", "cards", "ledger_entries", "ledger_head",
                      "postings", "credits", "lots", "allocations", "tier_statuses", "tier_evaluations",
                      "night_audit_steps")


def fingerprint(url: str) -> dict[str, list[tuple]]:
    """Every row of every table a refusal must not change, in a stable order."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            return {t: sorted((tuple(str(v) for v in row) for row in conn.execute(text(f"SELECT * FROM {t}"))))
                    for t in FINGERPRINT_TABLES if t in names}
    finally:
        engine.dispose()


def cli_caller(database_url, capsys, monkeypatch, business_date: str, init_date: str | None = None):
    """desk-admin in-process on `database_url`, signed in as the first
    supervisor of a database it initialises: call(*argv, date=, expect=)
    returns the one JSON object printed, or stderr for bad usage (exit 2)."""
    import json

    from desk_app import cli
    from tests.conftest import SUPERVISOR, sign_in_cli

    monkeypatch.setenv("DESK_APP_DB", database_url)
    sign_in_cli(monkeypatch)

    def call(*argv, date=business_date, expect=0):
        code = cli.main(["--business-date", date, *argv] if date else list(argv))
        out, err = capsys.readouterr()
        assert code == expect, (argv, out, err)
        if code == 2:
            assert out == "" and err
            return err
        lines = out.strip().splitlines()
        assert len(lines) == 1, out  # exactly one JSON object
        return json.loads(lines[0])

    call("init", "--supervisor", SUPERVISOR, date=init_date or business_date)
    return call


def cli_member(run, day: str = "2026-01-05") -> str:
    """A fully registered member made through desk-admin: its number."""
    m = run("register", "--family-name", "Sato", "--given-name", "Hana", "--email", "hana@example.jp", date=day)
    run("complete-registration", m["member_number"], "--postal-code", "100-0005", "--address", "Chiyoda-ku",
        "--country", "JP", "--phone", "0312345678", "--birth-date", "1990-04-01", date=day)
    return m["member_number"]
