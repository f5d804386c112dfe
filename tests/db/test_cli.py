"""desk-admin exactly as docs/desk-admin.md: JSON shapes, error codes, exit
codes, and that a refusal changes nothing."""

import json

import pytest

from desk_app import cli
from tests.db.helpers import cli_caller
from desk_app.db import migrate

pytestmark = pytest.mark.usefixtures("backend_all")

MEMBER_FIELDS = {"member_number", "family_name", "given_name", "email", "registration", "status", "enrolled_on",
                 "tier", "tier_valid_until", "points_balance", "lots", "year", "card"}


@pytest.fixture
def run(database_url, capsys, monkeypatch):
    return cli_caller(database_url, capsys, monkeypatch, "2026-11-22")


def enrolled(run, day="2026-01-05", email="hana@example.jp"):
    m = run("register", "--family-name", "Sato", "--given-name", "Hana", "--email", email, date=day)
    run("complete-registration", m["member_number"], "--postal-code", "100-0005", "--address", "Chiyoda-ku",
        "--country", "JP", "--phone", "0312345678", "--birth-date", "1985-04-01", date=day)
    return m["member_number"]


def test_a_new_users_session(run, tmp_path):
    assert run("init") == {"program": "one_harmony", "schema_version": migrate.head_revision()}
    m = run("register", "--family-name", "Sato", "--given-name", "Hana", "--email", "hana@example.jp",
            "--family-name-kana", "さとう", "--given-name-kana", "はな", date="2026-01-05")
    assert MEMBER_FIELDS <= set(m) and m["registration"] == "simple" and m["card"] is None
    n = m["member_number"]
    run("complete-registration", n, "--postal-code", "1000005", "--address", "Chiyoda-ku", "--country", "JP",
        "--phone", "03-3224-6617", "--birth-date", "1985-04-01", date="2026-01-05")
    s = run("post-stay", n, "--folio", "F1001", "--check-in", "2026-03-01", "--check-out", "2026-03-03",
            "--channel", "direct", "--charge", "room=48000", "--charge", "fnb=6500", "--charge", "tax=4800",
            date="2026-03-03")
    assert set(s) == {"transaction_id", "points", "bonus_points", "nights", "companions", "balance_after"}
    assert (s["points"], s["bonus_points"], s["nights"], s["balance_after"]) == (1025, 0, 2, 1025)
    r = run("redeem", n, "upgrade_standard_superior", "--channel", "direct", "--folio", "F1002", date="2026-03-04")
    assert set(r) == {"transaction_id", "award", "quantity", "points_spent", "balance_after", "voucher_number"}
    assert (r["award"], r["quantity"], r["points_spent"], r["balance_after"]) == (
        "upgrade_standard_superior", 1, 1000, 25)
    shown = run("show", n, date="2026-03-04")
    assert shown["points_balance"] == 25
    assert shown["lots"] == [{"points": 25, "earned_on": "2026-03-03", "expires_on": "2029-01-31"}]
    assert (shown["year"]["qualifying_points"], shown["year"]["nights"]) == (1025, 2)
    card = run("issue-card", n, "--out", str(tmp_path / "card.png"))
    assert set(card) == {"sequence", "qr_payload", "path"} and card["sequence"] == 1
    assert run("verify-card", card["qr_payload"]) == {"member_number": n, "sequence": 1, "valid": True}
    assert run("show", n)["card"] == {"sequence": 1, "status": "active"}
    assert [x["member_number"] for x in run("lookup", "さとう")["results"]] == [n]
    h = run("history", n)["entries"]
    assert {"transaction_id", "date", "kind", "points", "nights", "property", "reference", "clerk"} <= set(h[0])
    assert [e["kind"] for e in h][:3] == ["card_issue", "redeem", "stay"]


def test_pay_by_points_and_bill(run):
    n = enrolled(run)
    run("post-bill", n, "--check", "C1", "--date", "2026-03-03", "--charge", "fnb=200000", "--payment", "room",
        date="2026-03-03")
    p = run("pay-by-points", n, "--yen", "1500")
    assert {k: p[k] for k in ("points_spent", "yen_covered", "balance_after")} == {
        "points_spent": 1200, "yen_covered": 1500, "balance_after": 800}
    assert run("pay-by-points", n, "--yen", "1200", expect=1)["error"]["code"] == "invalid_amount"


def test_office_commands(run):
    keep, drop = enrolled(run), enrolled(run, email="dup@example.jp")
    run("post-stay", drop, "--folio", "F9", "--check-in", "2026-02-01", "--check-out", "2026-02-11", "--channel",
        "ota", "--charge", "room=100000", date="2026-02-11")
    a = run("adjust", keep, "--points", "500", "--reason", "goodwill")
    assert set(a) == {"transaction_id", "balance_after"} and a["balance_after"] == 500
    kept = run("merge", keep, drop)
    assert kept["member_number"] == keep and kept["year"]["nights"] == 10 and kept["tier"] == "loyal"
    assert run("merge", keep, keep, expect=1)["error"]["code"] == "same_member"
    w = run("withdraw", keep, "--reason", "member request")
    assert (w["status"], w["points_balance"]) == ("withdrawn", 0)
    assert run("expire-points") == {"expired_points": 0, "members": 0}
    assert run("evaluate-tiers", "--year", "2025") == {"year": 2025, "evaluated": 0, "loyal": 0, "exclusive": 0}
    assert run("inactive", "--months", "36") == {"results": []}
    assert run("check-ledger")["ok"] is True


@pytest.mark.parametrize("argv,code", [
    (["show", "8000000006"], "member_not_found"),
    (["register", "--family-name", "", "--given-name", "H", "--email", "a@b.jp"], "invalid_name"),
    (["register", "--family-name", "S" * 100_000, "--given-name", "H", "--email", "a@b.jp"], "invalid_name"),
    (["register", "--family-name", "S", "--given-name", "H", "--email", "not-mail"], "invalid_email"),
    (["register", "--family-name", "S", "--given-name", "H", "--email", "k@b.jp", "--birth-date", "2015-01-01"],
     "guardian_consent_required"),
    (["--property", "XXX", "show", "8000000006"], "unknown_property"),
    (["redeem", "{n}", "spa"], "unknown_award"),
    (["redeem", "{n}", "stay_standard"], "insufficient_points"),
    (["redeem", "{n}", "breakfast_adult", "--quantity", "-3"], "invalid_amount"),
    (["redeem", "{n}", "upgrade_standard_superior", "--channel", "ota"], "award_not_eligible"),
    (["post-stay", "{n}", "--folio", "X", "--check-in", "2026-11-22", "--check-out", "2026-11-20", "--channel",
      "direct", "--charge", "room=1"], "invalid_dates"),
    (["post-stay", "{n}", "--folio", "X", "--check-in", "2025-11-20", "--check-out", "2025-11-22", "--channel",
      "direct", "--charge", "room=1"], "before_enrollment"),
    (["post-stay", "{n}", "--folio", "X", "--check-in", "2026-03-01", "--check-out", "2026-03-02", "--channel",
      "direct", "--charge", "room=1"], "claim_too_late"),
    (["post-stay", "{n}", "--folio", "X", "--check-in", "2026-11-20", "--check-out", "2026-11-22", "--channel",
      "direct", "--charge", "room=-100"], "invalid_amount"),
    (["post-stay", "{n}", "--folio", "X", "--check-in", "2026-11-20", "--check-out", "2026-11-22", "--channel",
      "direct", "--charge", "room=999999999999"], "invalid_amount"),
    (["post-stay", "{n}", "--folio", "<script>", "--check-in", "2026-11-20", "--check-out", "2026-11-22",
      "--channel", "direct", "--charge", "room=1"], "invalid_reference"),
    (["post-bill", "{n}", "--check", "C1", "--date", "2026-11-22", "--charge", "fnb=1000", "--currency", "USD"],
     "invalid_amount"),
    (["verify-card", "HD1:8000000006:1:AAAA"], "invalid_card"),
    (["adjust", "{n}", "--points", "-1", "--reason", "fix"], "insufficient_points"),
    (["complete-registration", "{n}", "--postal-code", "1", "--address", "x", "--country", "JP", "--phone", "0"],
     "invalid_address"),
])
def test_refusals_print_the_error_object_and_change_nothing(run, argv, code):
    n = enrolled(run)
    before = run("history", n)
    out = run(*[a.replace("{n}", n) for a in argv], expect=1)
    assert set(out) == {"error"} and out["error"]["code"] == code and out["error"]["message"]
    assert run("history", n) == before


@pytest.mark.parametrize("argv", [
    ["show"], ["frobnicate"], ["--no-such-flag", "show", "1"],
    ["post-stay", "8000000006", "--folio", "X", "--check-in", "2026-13-01", "--check-out", "2026-11-22",
     "--channel", "direct"],
    ["post-stay", "8000000006", "--folio", "X", "--check-in", "2026-11-20", "--check-out", "2026-11-22",
     "--channel", "fax"],
    ["post-stay", "8000000006", "--folio", "X", "--check-in", "2026-11-20", "--check-out", "2026-11-22",
     "--channel", "direct", "--charge", "room=abc"],
    ["post-stay", "8000000006", "--folio", "X", "--check-in", "2026-11-20", "--check-out", "2026-11-22",
     "--channel", "direct", "--charge", "room"],
    ["redeem", "8000000006", "breakfast_adult", "--quantity", "two"],
    ["evaluate-tiers", "--year", "last"],
    ["pay-by-points", "8000000006", "--yen", "1e3"],
])
def test_bad_usage_exits_2_with_a_message_on_stderr(run, argv):
    assert run(*argv, expect=2)


def test_malformed_business_date_is_bad_usage(run, monkeypatch):
    assert run("--business-date", "22/11/2026", "show", "1", date=None, expect=2)
    monkeypatch.setenv("DESK_APP_BUSINESS_DATE", "tomorrow")
    assert run("show", "1", date=None, expect=2)


def test_business_date_from_environment(run, monkeypatch):
    monkeypatch.setenv("DESK_APP_BUSINESS_DATE", "2026-01-05")
    m = run("register", "--family-name", "Ito", "--given-name", "Ken", "--email", "ken@example.jp", date=None)
    assert m["enrolled_on"] == "2026-01-05"


def test_internal_failure_exits_3_and_writes_nothing(run, monkeypatch):
    n = enrolled(run)
    from desk_app.services import tiering

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    with monkeypatch.context() as patched:
        patched.setattr(tiering, "check_promotion", boom)
        out = run("post-stay", n, "--folio", "F1", "--check-in", "2026-11-20", "--check-out", "2026-11-22",
                  "--channel", "direct", "--charge", "room=10000", expect=3)
    assert out["error"]["code"] == "internal"
    assert run("show", n)["points_balance"] == 0
    assert [e["kind"] for e in run("history", n)["entries"]] == ["full_registration", "enrol"]


def test_uninitialised_database(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_APP_DB", f"sqlite:///{tmp_path / 'empty.db'}")
    assert cli.main(["show", "8000000006"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "not_initialized"


def test_demo_data(run):
    assert run("demo-data", "--members", "12", "--seed", "7") == {"members": 12}
    assert run("check-ledger")["ok"] is True
    assert len(run("lookup", "a")["results"]) > 0


def test_postcode_command(run):
    out = run("postcode", "１００ー０００５")
    assert (out["postal_code"], out["prefecture"], out["city"], out["town"]) == ("100-0005", "東京都", "千代田区", "丸の内")
    assert run("postcode", "999-9999", expect=1)["error"]["code"] == "invalid_address"


def test_premium_selection_command(run):
    n = enrolled(run)
    assert run("premium-selection", n, "--hotel", "osa")["premium_hotel"] == "OSA"
    assert run("premium-selection", n, "--hotel", "OKT", expect=1)["error"]["code"] == "premium_selection_restricted"
    assert run("premium-selection", n, "--hotel", "TKO", expect=1)["error"]["code"] == "premium_selection_locked"
    assert run("premium-selection", n, "--hotel", "XXX", expect=1)["error"]["code"] == "unknown_property"


def test_complete_registration_needs_a_birth_date(run):
    """docs/program-rules.md 1 (FAQ, T&C 3, T&C 6 [decided]): refused
    invalid_birth_date while none is on file; nothing changes."""
    m = run("register", "--family-name", "Sato", "--given-name", "Hana", "--email", "hana@example.jp",
            date="2026-01-05")
    n = m["member_number"]
    args = ["complete-registration", n, "--postal-code", "100-0005", "--address", "Chiyoda-ku", "--country", "JP",
            "--phone", "0312345678"]
    before = run("history", n)
    assert run(*args, expect=1)["error"]["code"] == "invalid_birth_date"
    assert run("history", n) == before and run("show", n)["registration"] == "simple"
    assert run(*args, "--birth-date", "1985-04-01")["registration"] == "full"
