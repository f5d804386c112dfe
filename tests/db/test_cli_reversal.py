"""desk-admin reverse, revoke and register --readmit-reason as
docs/desk-admin.md has them: JSON shapes, error codes, exit codes, and
that a refusal changes nothing."""

import pytest

from tests.db.test_cli import enrolled, run  # noqa: F401  (run is the desk-admin fixture)

pytestmark = pytest.mark.usefixtures("backend_all")

REVERSE_FIELDS = {"transaction_id", "reverses", "member_number", "points", "nights", "balance_after"}


def post(run, n, folio="F1", date="2026-11-22", expect=0):
    return run("post-stay", n, "--folio", folio, "--check-in", "2026-11-20", "--check-out", "2026-11-22",
               "--channel", "direct", "--charge", "room=100000", date=date, expect=expect)


def test_reverse_a_stay_and_post_the_folio_again(run):
    wrong, right = enrolled(run), enrolled(run, email="right@example.jp")
    s = post(run, wrong)
    assert post(run, right, expect=1)["error"]["code"] == "duplicate_folio"
    r = run("reverse", s["transaction_id"], "--reason", "posted to the wrong guest", date="2026-11-23")
    assert REVERSE_FIELDS <= set(r)
    assert (r["kind"], r["reference"], r["companions"], r["tiers_cancelled"]) == ("stay", "F1", [], [])
    assert {k: r[k] for k in REVERSE_FIELDS - {"transaction_id"}} == {
        "reverses": s["transaction_id"], "member_number": wrong, "points": -2_000, "nights": -2, "balance_after": 0}
    assert r["transaction_id"] != s["transaction_id"]
    assert post(run, right, date="2026-11-23")["points"] == 2_000
    shown = run("show", wrong, date="2026-11-23")
    assert (shown["points_balance"], shown["lots"], shown["year"]["nights"]) == (0, [], 0)
    h = run("history", wrong, date="2026-11-23")["entries"]
    assert [(e["kind"], e["points"], e["nights"], e["reverses"], e["reversed_by"]) for e in h[:2]] == [
        ("reverse", -2_000, -2, s["transaction_id"], None), ("stay", 2_000, 2, None, r["transaction_id"])]
    assert h[0]["reason"] == "posted to the wrong guest" and h[0]["reference"] == "F1"
    assert run("check-ledger")["ok"] is True


def test_void_a_redemption_on_its_day_only(run):
    n = enrolled(run)
    post(run, n)
    day1 = run("redeem", n, "upgrade_standard_superior", "--channel", "direct", date="2026-11-22")
    day2 = run("pay-by-points", n, "--yen", "500", date="2026-11-23")
    assert run("reverse", day1["transaction_id"], "--reason", "late", date="2026-11-23",
               expect=1)["error"]["code"] == "not_reversible"
    r = run("reverse", day2["transaction_id"], "--reason", "keyed in error", date="2026-11-23")
    assert (day2["points_spent"], day2["balance_after"]) == (400, 600)
    assert (r["points"], r["nights"], r["balance_after"]) == (400, 0, 1_000)
    assert run("show", n, date="2026-11-23")["lots"] == [
        {"points": 1_000, "earned_on": "2026-11-22", "expires_on": "2029-01-31"}]


@pytest.mark.parametrize("target,code", [
    ("unknown", "transaction_not_found"),
    ("again", "already_reversed"),
    ("adjust", "not_reversible"),
    ("spent", "insufficient_points"),
    ("blank", "invalid_reason"),
])
def test_reverse_refusals_exit_1_and_change_nothing(run, target, code):
    n = enrolled(run)
    stay = post(run, n)
    adjust = run("adjust", n, "--points", "100", "--reason", "goodwill")
    tx, reason = {"unknown": "f" * 32, "again": stay["transaction_id"], "adjust": adjust["transaction_id"],
                  "spent": stay["transaction_id"], "blank": stay["transaction_id"]}[target], "refunded"
    if target == "again":
        run("reverse", tx, "--reason", "refunded")
    if target == "spent":
        run("redeem", n, "breakfast_adult")
    if target == "blank":
        reason = " "
    before = (run("history", n), run("show", n))
    out = run("reverse", tx, "--reason", reason, expect=1)
    assert set(out) == {"error"} and out["error"]["code"] == code and out["error"]["message"]
    assert (run("history", n), run("show", n)) == before


def test_reverse_needs_its_reason_flag(run):
    assert run("reverse", "f" * 32, expect=2)
    assert run("revoke", "8000000006", expect=2)


def test_reverse_prints_companions_and_cancelled_tiers(run):
    payer, guest = enrolled(run), enrolled(run, email="guest@example.jp")
    s = run("post-stay", payer, "--folio", "G1", "--check-in", "2026-02-01", "--check-out", "2026-02-11",
            "--channel", "ota", "--charge", "room=100000", "--companion", guest, date="2026-02-11")
    assert run("show", guest, date="2026-03-01")["tier"] == "loyal"
    r = run("reverse", s["transaction_id"], "--reason", "wrong room", date="2026-03-20")
    assert (r["points"], r["nights"], r["companions"]) == (0, -10, [{"member_number": guest, "nights": -10}])
    assert sorted((t["member_number"], t["tier"], t["valid_from"], t["valid_until"], t["cancelled_on"])
                  for t in r["tiers_cancelled"]) == sorted(
        (who, "loyal", "2026-03-01", "2028-03-31", "2026-03-20") for who in (payer, guest))
    assert run("show", guest, date="2026-03-20")["tier"] == "basic"
    # The companion's history names the posting too, and shows it reversed.
    h = run("history", guest, date="2026-03-20")["entries"]
    assert [(e["kind"], e["nights"], e["reverses"], e["reversed_by"]) for e in h[:2]] == [
        ("reverse", -10, s["transaction_id"], None), ("companion", 10, None, r["transaction_id"])]


def test_revoke_and_readmit(run):
    n = enrolled(run, email="gone@example.jp")
    post(run, n)
    v = run("revoke", n, "--reason", "disqualified: misuse of the card (T&C 7.1)")
    assert (v["member_number"], v["status"], v["points_balance"], v["lots"]) == (n, "revoked", 0, [])
    h = run("history", n)["entries"]
    assert [(e["kind"], e["points"]) for e in h[:2]] == [("revoked", 0), ("withdraw", -2_000)]
    assert h[0]["reason"] == "disqualified: misuse of the card (T&C 7.1)"
    assert run("revoke", n, "--reason", "again", expect=1)["error"]["code"] == "member_closed"
    again = ["register", "--family-name", "Sato", "--given-name", "Hana", "--email", " GONE@example.jp"]
    assert run(*again, expect=1)["error"]["code"] == "previously_revoked"
    assert run(*again, "--readmit-reason", " ", expect=1)["error"]["code"] == "previously_revoked"
    m = run(*again, "--readmit-reason", "appeal accepted by the office")
    assert (m["status"], m["points_balance"], m["email"]) == ("active", 0, "GONE@example.jp")
    enrol = run("history", m["member_number"])["entries"][0]
    assert enrol["kind"] == "enrol" and enrol["reason"].endswith(
        "re-admitted after revocation: appeal accepted by the office")
    assert run(*again, "--readmit-reason", "twice", expect=1)["error"]["code"] == "duplicate_email"
    assert run("check-ledger")["ok"] is True


def test_revoke_refusals(run):
    n = enrolled(run)
    assert run("revoke", n, "--reason", "  ", expect=1)["error"]["code"] == "invalid_reason"
    assert run("revoke", "8000000006", "--reason", "x", expect=1)["error"]["code"] == "member_not_found"
    assert run("show", n)["status"] == "active"
