"""No exit 3 for any input and no change on any refusal (issue 9, item 6):
each case the probe reproduced, on SQLite and PostgreSQL."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.domain import errors
from desk_app.services import demo, registration
from desk_app.services.database import Database
from tests.conftest import SUPERVISOR, SUPERVISOR_PASSWORD, desk_on
from tests.db.helpers import cli_caller, cli_member, fingerprint

pytestmark = pytest.mark.usefixtures("backend_all")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(database_url, capsys, monkeypatch):
    return cli_caller(database_url, capsys, monkeypatch, "2026-03-10", "2026-01-05")


@pytest.fixture
def member(run):
    number = cli_member(run)
    run("adjust", number, "--points", "5000", "--reason", "welcome", date="2026-01-05")
    return number


def test_odd_card_payloads_are_invalid_cards(run, database_url, member, tmp_path):
    good = run("issue-card", member, "--out", str(tmp_path / "c.png"))["qr_payload"]
    prefix, key, number, seq, sig = good.split(":")
    before = fingerprint(database_url)
    for payload in [good[:-1] + "²", good[:-1] + "é", good[:-2] + "ＡＢ", f"{prefix}:{key}:{number}:²:{sig}",
                    f"{prefix}:{key}:{number[:-1]}²:{seq}:{sig}", f"{prefix}:{key}:{number}:٣:{sig}",
                    f"{prefix}:K²:{number}:{seq}:{sig}", f"HD1:{number}:{seq}:{sig}", "HD1:" + "²" * 10,
                    good + ":x", "", " ", "HD2:::::", "HD2:K1:" + "9" * 400]:
        out = run("verify-card", payload, expect=1)
        assert out["error"]["code"] == "invalid_card", payload
    assert fingerprint(database_url) == before


@pytest.mark.parametrize("argv", [
    ["adjust", "{n}", "--points", "10", "--reason", "bad\udcff"],
    ["lookup", "\udcff\udcfe"],
    ["complete-registration", "{n}", "--postal-code", "100-0005", "--address", "Chiyoda\udce9", "--country", "JP",
     "--phone", "0312345678", "--birth-date", "1990-04-01"],
    ["complete-registration", "{n}", "--postal-code", "100\udcff0005", "--address", "Chiyoda", "--country", "JP",
     "--phone", "0312345678", "--birth-date", "1990-04-01"],
    ["withdraw", "{n}", "--reason", "\udc80"],
])
def test_arguments_that_are_not_utf8_are_bad_usage(run, database_url, member, argv):
    before = fingerprint(database_url)
    err = run(*[a.replace("{n}", member) for a in argv], expect=2)
    assert "UTF-8" in err
    assert fingerprint(database_url) == before


def test_not_utf8_bytes_from_a_real_command_line(database_url, member, tmp_path):
    """The bytes as a shell passes them (Python decodes them with surrogateescape)."""
    env = dict(os.environ, DESK_APP_DB=database_url, DESK_APP_CLERK=SUPERVISOR,
               DESK_APP_PASSWORD=SUPERVISOR_PASSWORD, PYTHONPATH=str(ROOT), HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"))
    before = fingerprint(database_url)
    done = subprocess.run([sys.executable, "-m", "desk_app.cli", "--business-date", "2026-03-10", "adjust",
                           member.encode(), "--points", "10", "--reason", b"x\xff\xfe"], env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 2 and b"UTF-8" in done.stderr and done.stdout == b""
    assert fingerprint(database_url) == before


def test_issue_card_writes_the_card_before_the_database_changes(run, database_url, member, tmp_path):
    first = run("issue-card", member, "--out", str(tmp_path / "c1.png"))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    before = fingerprint(database_url)
    out = run("issue-card", member, "--reason", "lost", "--out", str(blocker / "x.png"), expect=1)
    assert out["error"]["code"] == "output_not_writable"
    assert fingerprint(database_url) == before
    assert run("show", member)["card"] == {"sequence": 1, "status": "active"}
    assert run("verify-card", first["qr_payload"])["valid"] is True
    # A writable place: the old card is replaced and the new file is there.
    second = run("issue-card", member, "--reason", "lost", "--out", str(tmp_path / "c2.png"))
    assert second["sequence"] == 2 and (tmp_path / "c2.png").stat().st_size > 0


def test_after_a_commit_the_exit_status_is_0_even_with_stdout_closed(database_url, member, tmp_path):
    env = dict(os.environ, DESK_APP_DB=database_url, DESK_APP_CLERK=SUPERVISOR,
               DESK_APP_PASSWORD=SUPERVISOR_PASSWORD, PYTHONPATH=str(ROOT), HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"))
    argv = [sys.executable, "-m", "desk_app.cli", "--business-date", "2026-03-10", "adjust", member,
            "--points", "7", "--reason", "closed stdout"]
    closed = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120,
                            preexec_fn=lambda: os.close(1))
    assert closed.returncode == 0, closed.stderr
    # A reader that went away (a broken pipe) is the same.
    reader = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()
    assert reader.wait(timeout=120) == 0
    db = Database(database_url)
    with db.read() as s:
        adjusted = s.scalar(text("SELECT count(*) FROM ledger_entries WHERE reason = 'closed stdout'"))
    db.dispose()
    assert adjusted == 2


def test_demo_data_is_all_or_nothing(run, database_url, monkeypatch):
    real, calls = registration.register, {"n": 0}

    def fails_on_the_fifth(*a, **kw):
        calls["n"] += 1
        if calls["n"] == 5:
            raise errors.InvalidEmail("a made-up refusal half-way")
        return real(*a, **kw)

    monkeypatch.setattr(registration, "register", fails_on_the_fifth)
    before = fingerprint(database_url)
    assert run("demo-data", "--members", "8", expect=1)["error"]["code"] == "invalid_email"
    assert fingerprint(database_url) == before
    monkeypatch.setattr(registration, "register", real)
    assert run("demo-data", "--members", "8") == {"members": 8}


@pytest.mark.parametrize("today", ["2026-01-01", "2026-12-31", "2024-02-29", "2030-06-15"])
def test_demo_data_never_makes_a_minor(db, today):
    demo.generate(db, desk_on(today), 60, seed=hash(today) % 1000)
    with db.read() as s:
        rows = s.execute(text("SELECT birth_date, enrolled_on, guardian_consent FROM members")).all()
    assert len(rows) == 60
    for birth, enrolled, consent in rows:
        birth, enrolled = (date.fromisoformat(str(d)[:10]) for d in (birth, enrolled))
        age = enrolled.year - birth.year - ((enrolled.month, enrolled.day) < (birth.month, birth.day))
        assert age >= 18 or consent


def _set_revision(url: str, revision: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_newer_schema_is_refused_without_a_copy(run, database_url, member, tmp_path):
    _set_revision(database_url, "0099")
    before = fingerprint(database_url)
    folder = set(tmp_path.iterdir())
    for argv in (["show", member], ["init"], ["adjust", member, "--points", "5", "--reason", "x"]):
        out = run(*argv, expect=1)
        assert out["error"]["code"] == "newer_schema" and "0099" in out["error"]["message"]
    assert fingerprint(database_url) == before
    assert set(tmp_path.iterdir()) == folder  # no copy made aside
    db = Database(database_url)
    with pytest.raises(errors.NewerSchema):
        db.ensure_ready()
    db.dispose()


def test_a_long_katakana_name_is_refused_not_overflowed(run, database_url):
    before = fingerprint(database_url)
    long_reading = "ッキャ" * 16  # 48 katakana: 'Kkya...' spells 64 letters in romaji
    out = run("register", "--family-name", long_reading, "--given-name", "ハナ", "--email", "k@example.jp",
              expect=1)
    assert out["error"]["code"] == "invalid_name" and "romaji" in out["error"]["message"]
    assert fingerprint(database_url) == before
    # With a romanised name typed, the same member joins.
    m = run("register", "--family-name", long_reading, "--given-name", "ハナ", "--email", "k@example.jp",
            "--family-name-romaji", "Kkya")
    assert m["family_name_romaji"] == "Kkya"
    for field in ("--family-name", "--given-name", "--family-name-kana"):
        args = {"--family-name": "A", "--given-name": "B", "--family-name-kana": "ア"}
        args[field] = ("ア" if "kana" in field else "x") * 51
        out = run("register", *[v for kv in args.items() for v in kv], "--email", "z@example.jp", expect=1)
        assert out["error"]["code"] == "invalid_name"


def test_the_romaji_migration_copes_with_long_names(database_url):
    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', '00ff')"))
        conn.execute(text(
            "INSERT INTO members (number, family_name, given_name, family_kana, guardian_consent, registration, "
            "status, enrolled_on, enrolled_at, search_text, created_at, preferred_language) VALUES ('8000000006', "
            ":f, 'Hana', :f, false, 'simple', 'active', '2026-01-05', 'TKO', 'x', '2026-01-05 10:00:00', 'ja')"),
            {"f": "ッキャ" * 16})
    engine.dispose()
    db = Database(database_url)
    db.ensure_ready()
    assert db.schema_version() == migrate.head_revision()
    with db.read() as s:
        roman = s.scalar(text("SELECT family_name_roman FROM members"))
    assert 0 < len(roman) <= 50 and roman.startswith("Kkya")
    db.dispose()


def test_one_process_migrates_at_a_time(database_url, tmp_path):
    """Six processes open an old database at once: each waits for the one
    migrating, none fails, and SQLite gets exactly one copy made aside."""
    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', '00ff')"))
    engine.dispose()
    script = ("import sys; from desk_app.services.database import Database; db = Database(sys.argv[1]); "
              "db.ensure_ready(); print(db.schema_version())")
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    procs = [subprocess.Popen([sys.executable, "-c", script, database_url], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(6)]
    results = [(p.wait(timeout=300), p.stdout.read().decode().strip(), p.stderr.read().decode()[-800:])
               for p in procs]
    assert all(code == 0 and out == migrate.head_revision() for code, out, _ in results), results
    if database_url.startswith("sqlite"):
        copies = list(Path(database_url.removeprefix("sqlite:///")).parent.glob("*.before-*"))
        assert len(copies) == 1, copies


@pytest.mark.parametrize("argv", [["restore", "a" * 300, "--yes"], ["backup", "--out", "b" * 300 + ".sqlite3"],
                                  ["issue-card", "{n}", "--out", "c" * 300 + ".png"],
                                  ["export", "members", "--out", "x/" * 2100 + "e.csv"],
                                  ["report", "day", "--format", "csv", "--out", "d" * 256 + ".csv"]])
def test_impossible_file_names_are_bad_usage(run, database_url, member, argv):
    """Found by the fuzz: a name longer than the system allows crashed the stat."""
    before = fingerprint(database_url)
    assert "file name" in run(*[a.replace("{n}", member) for a in argv], expect=2)
    assert fingerprint(database_url) == before
