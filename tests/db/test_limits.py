"""Sane limits (issue 9, item 5): caps after conversion to yen, an exchange
rate near the property's reference rate, a points ceiling per posting, no
stay without a room charge, folio and check numbers without case, dates
exactly YYYY-MM-DD, business dates in 2000-2099 and no batch after today,
an empty --property. Each refusal changes nothing."""

import json
from datetime import date
from decimal import Decimal

import pytest

from desk_app.domain import earning, errors
from desk_app.domain.program import parse_program
from desk_app.services import business_date
from tests.db.helpers import cli_caller, cli_member, fingerprint

pytestmark = pytest.mark.usefixtures("backend_all")


@pytest.fixture
def run(database_url, capsys, monkeypatch):
    return cli_caller(database_url, capsys, monkeypatch, "2026-03-10", "2026-01-05")


@pytest.fixture
def member(run):
    return cli_member(run)


def refused(run, database_url, code, *argv, **kw):
    before = fingerprint(database_url)
    out = run(*argv, expect=1, **kw)
    assert out["error"]["code"] == code, out
    assert fingerprint(database_url) == before
    return out


def stay(n, folio, *charges, prop=None, rate=None, plan="standard"):
    argv = (["--property", prop] if prop else []) + [
        "post-stay", n, "--folio", folio, "--check-in", "2026-03-01", "--check-out", "2026-03-03",
        "--channel", "direct", "--rate-plan", plan]
    for c in charges:
        argv += ["--charge", c]
    return argv + (["--exchange-rate", rate] if rate else [])


def test_a_typed_exchange_rate_far_from_the_reference_is_refused(run, database_url, member):
    # 1500 typed for 150: 30,000,000 points before; refused now.
    refused(run, database_url, "invalid_exchange_rate", *stay(member, "G1", "room=1000000", prop="GUM", rate="1500"))
    refused(run, database_url, "invalid_exchange_rate", *stay(member, "G1", "room=100", prop="GUM", rate="15"))
    refused(run, database_url, "invalid_exchange_rate", *stay(member, "G1", "room=100", prop="GUM", rate="74.99"))
    # The band is 50% either side of 150 yen per USD: 75 and 225 are in.
    assert run(*stay(member, "G2", "room=100", prop="GUM", rate="75"))["points"] == 150  # 7,500 yen
    assert run(*stay(member, "G3", "room=100", prop="GUM", rate="225"))["points"] == 450  # 22,500 yen
    # A currency the property has no reference rate for.
    refused(run, database_url, "invalid_exchange_rate", "post-bill", member, "--check", "C1", "--date",
            "2026-03-03", "--charge", "fnb=100", "--currency", "EUR", "--exchange-rate", "160")


def test_the_cap_on_a_line_applies_after_conversion_to_yen(run, database_url, member):
    # 700,000 USD at 150 is 105,000,000 yen: above the 100,000,000 a line may be.
    out = refused(run, database_url, "invalid_amount", *stay(member, "G1", "room=700000", prop="GUM", rate="150"))
    assert "100,000,000 yen" in out["error"]["message"]
    # The overflow seen before (a huge line, exit 3 on PostgreSQL) is a refusal too.
    refused(run, database_url, "invalid_amount", *stay(member, "G1", "room=99999999999", prop="GUM", rate="150"))


def test_a_posting_above_the_points_ceiling_is_refused(run, database_url, member):
    # 30,000,000 yen of room at 20 points per 1,000 yen = 600,000 points > 500,000.
    out = refused(run, database_url, "points_limit_exceeded", *stay(member, "F1", "room=30000000"))
    assert "600,000" in out["error"]["message"] and "500,000" in out["error"]["message"]
    # Exactly the ceiling is allowed.
    assert run(*stay(member, "F2", "room=25000000"))["points"] == 500_000
    refused(run, database_url, "points_limit_exceeded", "post-bill", member, "--check", "C1", "--date", "2026-03-03",
            "--charge", "fnb=60000000")


def test_a_stay_without_a_room_charge_is_refused_unless_it_earns_nothing(run, database_url, member):
    refused(run, database_url, "no_room_charge", *stay(member, "F1"))
    refused(run, database_url, "no_room_charge", *stay(member, "F1", "fnb=5000", "tax=500"))
    refused(run, database_url, "no_room_charge", *stay(member, "F1", "room=0", "fnb=5000"))
    # A complimentary stay earns nothing anyway: no points, no nights.
    out = run(*stay(member, "F1", plan="complimentary"))
    assert (out["points"], out["nights"]) == (0, 0)
    assert run("show", member)["year"]["nights"] == 0
    # A package stay has its room inside the package.
    assert run(*stay(member, "F2", "package_meals=30000", plan="package"))["nights"] == 2


def test_folio_and_check_numbers_are_compared_without_case(run, database_url, member):
    run(*stay(member, "AB123", "room=10000"))
    refused(run, database_url, "duplicate_folio", *stay(member, "ab123", "room=10000"))
    refused(run, database_url, "duplicate_folio", *stay(member, "Ab123", "room=10000"))
    run("post-bill", member, "--check", "c-77", "--date", "2026-03-03", "--charge", "fnb=1000")
    refused(run, database_url, "duplicate_folio", "post-bill", member, "--check", "C-77", "--date", "2026-03-03",
            "--charge", "fnb=1000")
    assert run("show", member)["points_balance"] == 200 + 10


@pytest.mark.parametrize("text", ["2026-W22-1", "2026-W22", "20260310", "2026-3-10", "2026-03-10T00:00",
                                  "２０２６-03-10", "2026-02-30", " 2026-03-10"])
def test_dates_are_exactly_yyyy_mm_dd(run, database_url, member, text):
    before = fingerprint(database_url)
    assert "YYYY-MM-DD" in run("show", member, date=text, expect=2)
    assert "YYYY-MM-DD" in run("post-bill", member, "--check", "C1", "--date", text, "--charge", "fnb=1000",
                               expect=2)
    assert fingerprint(database_url) == before


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "2100-01-01"])
def test_business_dates_lie_in_2000_to_2099(run, database_url, member, day):
    refused(run, database_url, "invalid_business_date", "adjust", member, "--points", "10", "--reason", "x", date=day)
    refused(run, database_url, "invalid_business_date", "show", member, date=day)


def test_other_dates_lie_in_1900_to_2099(run, member):
    assert "1900" in run("post-bill", member, "--check", "C1", "--date", "9999-12-31", "--charge", "fnb=1",
                         expect=2)
    assert "1900" in run("register", "--family-name", "A", "--given-name", "B", "--email", "a@example.jp",
                         "--birth-date", "0001-01-01", expect=2)


def test_no_batch_runs_for_a_business_date_after_today(run, database_url, member, monkeypatch):
    monkeypatch.setattr(business_date, "today", lambda: date(2026, 3, 10))
    run("adjust", member, "--points", "500", "--reason", "goodwill", date="2026-03-01")
    # 2062 typed for 2026 would expire every point for good.
    for argv in (["expire-points"], ["evaluate-tiers", "--year", "2061"], ["roll-business-date"]):
        out = refused(run, database_url, "invalid_business_date", *argv, date="2062-06-01")
        assert "2026-03-10" in out["error"]["message"]
    refused(run, database_url, "invalid_business_date", "expire-points", date="2026-03-11")
    assert run("expire-points", date="2026-03-10") == {"expired_points": 0, "members": 0}
    assert run("show", member)["points_balance"] == 500


def test_an_empty_property_is_unknown(run, database_url, member, monkeypatch):
    refused(run, database_url, "unknown_property", "--property", "", *stay(member, "F1", "room=10000"))
    refused(run, database_url, "unknown_property", "--property", "", "adjust", member, "--points", "5",
            "--reason", "x")
    monkeypatch.setenv("DESK_APP_PROPERTY", "")   # an empty variable is no setting: the first property
    assert run(*stay(member, "F1", "room=10000"))["points"] == 200


def test_the_limits_come_from_the_program_file():
    from desk_app.services.database import load_program

    program = load_program("one_harmony")
    assert (program.exchange_rate_band_percent, program.max_points_per_posting) == (50, 500_000)
    assert program.property("GUM").reference_rates == {"USD": Decimal("150")}
    assert program.property("TKO").reference_rates == {}
    with pytest.raises(errors.InvalidExchangeRate):
        earning.check_exchange_rate(Decimal("120"), Decimal("100"), 10, "USD")
    earning.check_exchange_rate(Decimal("110"), Decimal("100"), 10, "USD")
    earning.check_exchange_rate(Decimal("90"), Decimal("100"), 10, "USD")
    with pytest.raises(errors.PointsLimitExceeded):
        earning.check_points_ceiling(1001, 1000)


@pytest.mark.parametrize("limits", [{"exchange_rate_band_percent": 0}, {"exchange_rate_band_percent": 100},
                                    {"max_points_per_posting": 0}, {"max_points_per_posting": "many"}])
def test_a_program_file_with_impossible_limits_is_refused(limits):
    from desk_app.paths import programs_dir

    data = dict(json.loads((programs_dir() / "one_harmony.json").read_text(encoding="utf-8")), limits=limits)
    with pytest.raises(ValueError):
        parse_program(data)
