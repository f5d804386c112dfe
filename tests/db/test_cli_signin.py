"""desk-admin signs in as a clerk (the contract's "Signing in"): every
command but --help, --version, postcode and init; the role decides as at
the desk; wrong passwords count toward the desk's lock-out; passwords never
come from the command line."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import inspect, text

from desk_app import admin_signin, cli
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.services import clerks
from tests.conftest import SUPERVISOR, SUPERVISOR_PASSWORD, sign_in_cli

pytestmark = pytest.mark.usefixtures("backend_all")
N = "8000000006"
# One call of every command that signs in (arguments well formed; most are refused later).
SIGNED_COMMANDS = {
    "register": ["register", "--family-name", "Sato", "--given-name", "Hana", "--email", "x@example.jp"],
    "complete-registration": ["complete-registration", N, "--postal-code", "100-0005", "--address", "A",
                              "--country", "JP", "--phone", "0312345678"],
    "show": ["show", N], "lookup": ["lookup", "sato"],
    "post-stay": ["post-stay", N, "--folio", "F1", "--check-in", "2026-11-20", "--check-out", "2026-11-22",
                  "--channel", "direct", "--charge", "room=1000"],
    "post-bill": ["post-bill", N, "--check", "C1", "--date", "2026-11-22", "--charge", "fnb=1000"],
    "redeem": ["redeem", N, "breakfast_adult"], "pay-by-points": ["pay-by-points", N, "--yen", "500"],
    "issue-card": ["issue-card", N, "--out", "card.png"], "verify-card": ["verify-card", "HD1:8000000006:1:AA"],
    "evaluate-tiers": ["evaluate-tiers", "--year", "2025"], "expire-points": ["expire-points"],
    "adjust": ["adjust", N, "--points", "5", "--reason", "x"], "merge": ["merge", N, "8000000014"],
    "withdraw": ["withdraw", N], "history": ["history", N], "inactive": ["inactive"],
    "revoke": ["revoke", N, "--reason", "x"], "reverse": ["reverse", "0" * 32, "--reason", "x"],
    "demo-data": ["demo-data", "--members", "1"], "import-members": ["import-members", "members.csv"],
    "add-clerk": ["add-clerk", "kenta", "--name", "Kenta", "--role", "clerk"],
    "unlock-clerk": ["unlock-clerk", "kenta"], "change-password": ["change-password"],
    "reset-password": ["reset-password", "kenta"], "deactivate-clerk": ["deactivate-clerk", "kenta"],
    "premium-selection": ["premium-selection", N, "--hotel", "OSA"], "check-ledger": ["check-ledger"],
    "report": ["report", "day"], "export": ["export", "members", "--out", "members.csv"],
    "duplicates": ["duplicates"],
    "ledger-head": ["ledger-head"], "backup": ["backup", "--out", "b.sqlite3"],
    "restore": ["restore", "b.sqlite3", "--yes"], "business-date": ["business-date"],
    "roll-business-date": ["roll-business-date"], "card-keys": ["card-keys"],
    "rotate-card-key": ["rotate-card-key"], "retire-card-key": ["retire-card-key", "K1"],
}


@pytest.fixture
def admin(database_url, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DESK_APP_DB", database_url)
    monkeypatch.chdir(tmp_path)

    def call(*argv, expect=0, date="2026-11-22"):
        code = cli.main(["--business-date", date, *argv])
        out, err = capsys.readouterr()
        assert code == expect, (argv, out, err)
        return json.loads(out) if code != 2 else err

    return call


@pytest.fixture
def office(admin, monkeypatch):
    """A database with its first supervisor, a clerk and a cashier."""
    sign_in_cli(monkeypatch)
    admin("init", "--supervisor", SUPERVISOR)
    for login, role in (("kenta", "clerk"), ("cathy", "cashier")):
        monkeypatch.setenv("DESK_APP_NEW_PASSWORD", f"{login}-password")
        admin("add-clerk", login, "--name", login.title(), "--role", role)
    monkeypatch.delenv("DESK_APP_NEW_PASSWORD")
    return admin


def as_clerk(monkeypatch, login):
    sign_in_cli(monkeypatch, login, f"{login}-password")


def members_table_rows(database_url):
    engine = make_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM members")).scalar()
    engine.dispose()
    return rows


def test_every_command_but_init_and_postcode_signs_in(office, monkeypatch):
    parser_commands = set(cli.build_parser().command_names)
    assert parser_commands - {"init", "postcode"} == set(SIGNED_COMMANDS)
    monkeypatch.delenv("DESK_APP_CLERK")
    monkeypatch.delenv("DESK_APP_PASSWORD")
    for name, argv in SIGNED_COMMANDS.items():
        out = office(*argv, expect=1)
        assert out["error"]["code"] == "not_signed_in", name
    # Login without a password, and a password without a login, are just as refused.
    monkeypatch.setenv("DESK_APP_CLERK", SUPERVISOR)
    assert office("show", N, expect=1)["error"]["code"] == "not_signed_in"
    monkeypatch.delenv("DESK_APP_CLERK")
    monkeypatch.setenv("DESK_APP_PASSWORD", SUPERVISOR_PASSWORD)
    assert office("lookup", "a", expect=1)["error"]["code"] == "not_signed_in"
    assert office("--clerk", SUPERVISOR, "lookup", "a") == {"results": []}  # the global option
    assert office("postcode", "100-0005")["city"] == "千代田区"
    assert cli.main(["--version"]) == 0 and cli.main(["show", "--help"]) == 0


def test_wrong_passwords_count_toward_the_desks_lock_out(office, monkeypatch):
    sign_in_cli(monkeypatch, "kenta", "not-kentas")
    for _ in range(4):
        assert office("show", N, expect=1)["error"]["code"] == "not_signed_in"
    assert office("show", N, expect=1)["error"]["code"] == "clerk_locked"
    as_clerk(monkeypatch, "kenta")
    assert office("show", N, expect=1)["error"]["code"] == "clerk_locked"
    sign_in_cli(monkeypatch)
    assert office("unlock-clerk", "kenta")["locked"] is False
    as_clerk(monkeypatch, "kenta")
    assert office("lookup", "nobody") == {"results": []}


def test_the_role_decides_and_entries_record_the_login(office, monkeypatch, database_url):
    as_clerk(monkeypatch, "cathy")
    args = ["register", "--family-name", "Sato", "--given-name", "Hana", "--email", "hana@example.jp"]
    assert office(*args, expect=1)["error"]["code"] == "not_permitted"
    assert members_table_rows(database_url) == 0
    as_clerk(monkeypatch, "kenta")
    n = office(*args, date="2026-01-05")["member_number"]
    office("complete-registration", n, "--postal-code", "100-0005", "--address", "Chiyoda-ku", "--country", "JP",
           "--phone", "0312345678", "--birth-date", "1985-04-01", date="2026-01-05")
    assert office("adjust", n, "--points", "500", "--reason", "x", expect=1)["error"]["code"] == "not_permitted"
    as_clerk(monkeypatch, "cathy")
    office("post-bill", n, "--check", "C1", "--date", "2026-11-22", "--charge", "fnb=10000")
    for argv in (["issue-card", n, "--out", "card.png"], ["expire-points"], ["check-ledger"],
                 ["reset-password", "kenta"], ["add-clerk", "eve", "--name", "Eve", "--role", "supervisor"]):
        assert office(*argv, expect=1)["error"]["code"] == "not_permitted", argv
    sign_in_cli(monkeypatch)
    history = office("history", n)["entries"]
    assert [(e["kind"], e["clerk"]) for e in history] == [
        ("bill", "cathy"), ("full_registration", "kenta"), ("enrol", "kenta")]
    assert all(e["terminal"].startswith("desk-admin@") for e in history)
    assert office("check-ledger")["ok"] is True


def test_init_makes_the_first_supervisor_or_refuses_before_changing_anything(admin, monkeypatch, database_url):
    assert admin("init", expect=1)["error"]["code"] == "not_signed_in"
    assert admin("init", "--supervisor", "boss", expect=1)["error"]["code"] == "not_signed_in"  # no password
    monkeypatch.setenv("DESK_APP_PASSWORD", "short")
    assert admin("init", "--supervisor", "boss", expect=1)["error"]["code"] == "invalid_clerk"
    engine = make_engine(database_url)
    assert not inspect(engine).has_table("installation")  # nothing was created
    engine.dispose()
    monkeypatch.setenv("DESK_APP_PASSWORD", SUPERVISOR_PASSWORD)
    assert admin("init", "--supervisor", "boss", "--name", "Sachiko Boss", "--program", "omo")["program"] == "omo"
    monkeypatch.setenv("DESK_APP_CLERK", "boss")
    assert admin("add-clerk", "kenta", "--name", "Kenta", "--role", "clerk", expect=1)["error"]["code"] == \
        "invalid_clerk"  # no new password given, and no terminal to ask on
    # On an existing database, init is an upgrade: a supervisor signs in (--supervisor names them too).
    assert admin("init")["schema_version"] == migrate.head_revision()
    assert admin("init", "--supervisor", "boss")["program"] == "omo"
    monkeypatch.setenv("DESK_APP_PASSWORD", "wrong-password")
    assert admin("init", expect=1)["error"]["code"] == "not_signed_in"


def test_init_upgrade_of_an_older_database_needs_a_supervisor(admin, monkeypatch, database_url):
    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', '00ff')"))
        for login, role in (("boss", "supervisor"), ("kenta", "clerk")):
            conn.execute(text(
                "INSERT INTO clerks (login, name, role, password_hash, failed_attempts, locked, active, created_at, "
                "language) VALUES (:l, :l, :r, :h, 0, false, true, '2026-01-05 10:00:00', 'en')"),
                dict(l=login, r=role, h=clerks.hasher.hash(f"{login}-password")))
    engine.dispose()

    def version():
        e = make_engine(database_url)
        v = migrate.current_revision(e)
        e.dispose()
        return v

    as_clerk(monkeypatch, "kenta")
    assert admin("init", expect=1)["error"]["code"] == "not_permitted"
    sign_in_cli(monkeypatch, "boss", "not-the-password")
    assert admin("init", expect=1)["error"]["code"] == "not_signed_in"
    assert version() == "0003"
    e = make_engine(database_url)
    with e.connect() as conn:  # the wrong password was counted on the old schema too
        assert conn.execute(text("SELECT failed_attempts FROM clerks WHERE login = 'boss'")).scalar() == 1
    e.dispose()
    as_clerk(monkeypatch, "boss")
    assert admin("init")["schema_version"] == migrate.head_revision() == version()
    as_clerk(monkeypatch, "kenta")
    assert admin("lookup", "x") == {"results": []}


def test_clerk_accounts_from_the_command_line(office, monkeypatch):
    as_clerk(monkeypatch, "kenta")
    monkeypatch.setenv("DESK_APP_NEW_PASSWORD", "kentas-new-password")
    assert office("change-password")["login"] == "kenta"
    assert office("show", N, expect=1)["error"]["code"] == "not_signed_in"  # the old password is gone
    sign_in_cli(monkeypatch, "kenta", "kentas-new-password")
    assert office("lookup", "x") == {"results": []}
    sign_in_cli(monkeypatch)
    monkeypatch.setenv("DESK_APP_NEW_PASSWORD", "reset-by-boss")
    assert office("reset-password", "kenta")["login"] == "kenta"
    sign_in_cli(monkeypatch, "kenta", "reset-by-boss")
    assert office("lookup", "x") == {"results": []}
    sign_in_cli(monkeypatch)
    out = office("deactivate-clerk", "kenta")
    assert (out["login"], out["active"]) == ("kenta", False)
    assert office("deactivate-clerk", SUPERVISOR, expect=1)["error"]["code"] == "invalid_clerk"
    sign_in_cli(monkeypatch, "kenta", "reset-by-boss")
    assert office("lookup", "x", expect=1)["error"]["code"] == "not_signed_in"


def test_passwords_never_come_from_the_command_line(office, monkeypatch):
    assert "--password" in office("add-clerk", "eve", "--name", "Eve", "--role", "clerk", "--password",
                                  "in-the-process-list", expect=2)
    # On a terminal, the passwords are asked for without echo (getpass), the new one twice.
    monkeypatch.delenv("DESK_APP_PASSWORD")
    typed = iter([SUPERVISOR_PASSWORD, "eves-password", "eves-password"])
    prompts = []
    monkeypatch.setattr(admin_signin, "_on_terminal", lambda: True)
    monkeypatch.setattr(admin_signin.getpass, "getpass", lambda prompt: prompts.append(prompt) or next(typed))
    assert office("add-clerk", "eve", "--name", "Eve", "--role", "clerk")["login"] == "eve"
    assert prompts == ["Password for boss: ", "Password for eve: ", "Type it again: "]
    typed = iter([SUPERVISOR_PASSWORD, "one-password", "another-password"])
    out = office("add-clerk", "fay", "--name", "Fay", "--role", "clerk", expect=1)
    assert out["error"]["code"] == "invalid_clerk" and "not the same" in out["error"]["message"]
    sign_in_cli(monkeypatch, "eve", "eves-password")
    assert office("lookup", "x") == {"results": []}
