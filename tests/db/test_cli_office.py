"""desk-admin report, export and duplicates: one JSON object, the same
figures as the services, files where asked, refusals counted."""

from __future__ import annotations

import csv
import json

import pytest

from desk_app import cli
from tests.conftest import sign_in_cli
from tests.db.test_cli_signin import admin, as_clerk, office  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("backend_all")
DAY = "2026-06-15"


@pytest.fixture
def day(office, monkeypatch):
    """Kenta enrols two members (the second a duplicate by phone) and posts
    a stay; Cathy posts a bill, then the same check again (refused)."""
    as_clerk(monkeypatch, "kenta")
    numbers = []
    for i, email in enumerate(("hana@example.jp", "hana.sato@example.com")):
        n = office("register", "--family-name", "Sato", "--given-name", "Hana", "--email", email,
                   "--family-name-kana", "さとう", "--given-name-kana", "はな", "--birth-date", "1990-04-01",
                   date="2026-01-05")["member_number"]
        office("complete-registration", n, "--postal-code", "100-0005", "--address", "Chiyoda-ku 1-1",
               "--country", "JP", "--phone", "090-1111-2222", date="2026-01-05")
        numbers.append(n)
    office("post-stay", numbers[0], "--folio", "F1", "--check-in", "2026-06-13", "--check-out", DAY,
           "--channel", "direct", "--charge", "room=100000", "--charge", "tax=10000", date=DAY)
    as_clerk(monkeypatch, "cathy")
    office("post-bill", numbers[1], "--check", "C1", "--date", DAY, "--charge", "fnb=20000", date=DAY)
    assert office("post-bill", numbers[1], "--check", "C1", "--date", DAY, "--charge", "fnb=20000", date=DAY,
                  expect=1)["error"]["code"] == "duplicate_folio"
    sign_in_cli(monkeypatch)
    return numbers


def test_day_report_as_json_csv_and_pdf(day, office, tmp_path):
    r = office("report", "day", date=DAY)
    assert (r["report"], r["business_date"], r["property"]) == ("day", DAY, "TKO")
    t = r["totals"]
    assert (t["stays"], t["bills"], t["nights"], t["points_issued"], t["refusals"]) == (1, 1, 2, 2_200, 1)
    assert r["refusals"] == [{"action": "post_bill", "code": "duplicate_folio", "count": 1}]
    assert {g["clerk"]: g["points_issued"] for g in r["by_clerk"]} == {"kenta": 2_000, "cathy": 200}

    out = office("report", "day", "--format", "csv", "--out", str(tmp_path / "day.csv"), date=DAY)
    assert out["totals"] == t and out["path"] == str(tmp_path / "day.csv")
    with open(tmp_path / "day.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[3]
    total = dict(zip(header, rows[4]))
    assert (rows[1][0], rows[1][1], total["group"], total["points_issued"], total["refusals"]) == (
        "day", DAY, "total", "2200", "1")

    pdf = office("report", "day", "--format", "pdf", "--out", str(tmp_path / "day.pdf"), "--language", "ja",
                 date=DAY)
    assert pdf["path"].endswith("day.pdf")
    data = (tmp_path / "day.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2_000

    assert "needs --out" in office("report", "day", "--format", "csv", expect=2)
    assert "pdf is for" in office("report", "tiers", "--format", "pdf", "--out", "x.pdf", expect=2)


def test_shift_reports_by_role(day, office, monkeypatch):
    as_clerk(monkeypatch, "cathy")
    own = office("report", "shift", date=DAY)
    assert (own["clerk"], own["totals"]["bills"], own["totals"]["refusals"]) == ("cathy", 1, 1)
    assert office("report", "shift", "--clerk", "kenta", date=DAY, expect=1)["error"]["code"] == "not_permitted"
    assert office("report", "day", date=DAY, expect=1)["error"]["code"] == "not_permitted"
    sign_in_cli(monkeypatch)
    kenta = office("report", "shift", "--clerk", "kenta", date=DAY)
    assert (kenta["totals"]["stays"], kenta["totals"]["points_base"]) == (1, 2_000)


def test_program_reports(day, office, tmp_path):
    points = office("report", "points", "--from", "2026-06-01", "--to", DAY, date=DAY)
    assert len(points["days"]) == 15 and points["days"][-1] == {"business_date": DAY, "issued": 2_200,
                                                                 "redeemed": 0}
    tiers = office("report", "tiers", date=DAY)
    assert tiers["tiers"] == [{"tier": "basic", "members": 2}, {"tier": "loyal", "members": 0},
                              {"tier": "exclusive", "members": 0}]
    expiring = office("report", "expiring", "--months", "36", date=DAY)
    assert [m for m in expiring["months"] if m["points"]] == [{"month": "2029-01", "points": 2_200, "members": 2}]
    enrolments = office("report", "enrolments", "--from", "2026-01-01", "--to", "2026-01-31", date=DAY)
    assert enrolments["total"] == 2 and {"enrolled_on": "2026-01-05", "members": 2} in enrolments["days"]
    saved = office("report", "expiring", "--format", "csv", "--out", str(tmp_path / "e.csv"), date=DAY)
    assert saved["rows"] == 24
    assert (tmp_path / "e.csv").read_text(encoding="utf-8-sig").splitlines()[0] == "month,points,members"


def test_exports_and_duplicates(day, office, monkeypatch, tmp_path):
    out = office("export", "members", "--out", str(tmp_path / "m.csv"), "--personal", date=DAY)
    assert (out["rows"], out["personal_data"]) == (2, True)
    ledger = office("export", "ledger", "--out", str(tmp_path / "l.csv"), "--from", DAY, "--to", DAY, date=DAY)
    assert ledger["rows"] == 2  # the stay and the bill
    as_clerk(monkeypatch, "kenta")
    refused = office("export", "members", "--out", str(tmp_path / "k.csv"), "--personal", date=DAY, expect=1)
    assert refused["error"]["code"] == "not_permitted" and not (tmp_path / "k.csv").exists()
    assert office("export", "members", "--out", str(tmp_path / "k.csv"), date=DAY)["personal_data"] is False
    sign_in_cli(monkeypatch)
    groups = office("duplicates", date=DAY)["groups"]
    assert sorted(g["reason"] for g in groups) == ["name_and_birth_date", "phone"]
    assert all(sorted(m["member_number"] for m in g["members"]) == sorted(day) for g in groups)
    assert office("report", "day", date=DAY)["totals"]["refusals"] == 2  # Kenta's export counted too



def test_roll_business_date_runs_the_night_audit(admin, monkeypatch, database_url):
    """A scheduler's night audit: the hotel's date moves on, the expiry runs
    as of the new date, one JSON object says what each step did."""
    from sqlalchemy import text

    from desk_app.services.database import Database
    from tests.conftest import SUPERVISOR

    sign_in_cli(monkeypatch)
    admin("init", "--supervisor", SUPERVISOR, date="2022-03-01")
    n = admin("register", "--family-name", "Sato", "--given-name", "Hana", "--email", "hana@example.jp",
              date="2022-03-01")["member_number"]
    admin("post-stay", n, "--folio", "F1", "--check-in", "2022-03-01", "--check-out", "2022-03-02", "--channel",
          "direct", "--charge", "room=100000", date="2022-03-02")          # 2,000 points, through 2025-01-31
    db = Database(database_url)
    with db.write() as s:
        s.execute(text("UPDATE business_dates SET business_date = '2025-01-31'"))
    db.dispose()
    out = admin("roll-business-date", "--to", "2025-02-01")
    assert {k: out[k] for k in ("property", "business_date", "previous", "complete", "cancelled")} == {
        "property": "TKO", "business_date": "2025-02-01", "previous": "2025-01-31", "complete": True,
        "cancelled": False}
    assert [(s["step"], s["key"], s["status"]) for s in out["steps"]] == [
        ("close_day", "TKO:2025-01-31", "done"), ("expire_points", "2025-02-01", "done")]
    assert (out["steps"][1]["expired_points"], out["steps"][1]["members"]) == (2_000, 1)
    assert out["chain"]["head"] == admin("ledger-head")["head"]
    # Run twice by mistake: the guard refuses, nothing changes.
    again = admin("roll-business-date", "--to", "2025-02-01", expect=1)
    assert again["error"]["code"] == "invalid_business_date"
    assert admin("business-date")["business_date"] == "2025-02-01"
    assert admin("show", n, date="2025-02-01")["points_balance"] == 0
    day = admin("report", "day", "--date", "2025-01-31")
    assert day["chain"]["closed"] is True and day["chain"]["head"] == out["steps"][0]["head"]
    as_clerk_refused = admin("--clerk", "nobody", "roll-business-date", expect=1)
    assert as_clerk_refused["error"]["code"] == "not_signed_in"
