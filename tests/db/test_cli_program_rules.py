"""The program's terms to the letter through desk-admin (docs/program-rules.md,
docs/desk-admin.md): each test names the clause it follows and uses the
figures of the audit that found the defect."""

import json

import pytest

from desk_app import cli
from tests.conftest import SUPERVISOR, sign_in_cli

pytestmark = pytest.mark.usefixtures("backend_all")


def _runner(database_url, capsys, monkeypatch, program):
    monkeypatch.setenv("DESK_APP_DB", database_url)
    sign_in_cli(monkeypatch)

    def call(*argv, date="2026-11-22", expect=0, prop=None):
        pre = ["--business-date", date] + (["--property", prop] if prop else [])
        code = cli.main([*pre, *argv])
        out, err = capsys.readouterr()
        assert code == expect, (argv, out, err)
        if code == 2:
            assert out == "" and err
            return err
        lines = out.strip().splitlines()
        assert len(lines) == 1, out
        return json.loads(lines[0])

    call("init", "--supervisor", SUPERVISOR, "--program", program)
    return call


@pytest.fixture
def run(database_url, capsys, monkeypatch):
    return _runner(database_url, capsys, monkeypatch, "one_harmony")


@pytest.fixture
def omo(database_url, capsys, monkeypatch):
    return _runner(database_url, capsys, monkeypatch, "omo")


_emails = iter(f"guest{i}@example.jp" for i in range(10_000))


def member(run, day="2026-01-05", full=True, prop=None, **extra):
    argv = ["register", "--family-name", "Sato", "--given-name", "Hana", "--email", next(_emails)]
    for key, value in extra.items():
        argv += [f"--{key.replace('_', '-')}", value]
    n = run(*argv, date=day, prop=prop)["member_number"]
    if full:
        run("complete-registration", n, "--postal-code", "100-0005", "--address", "Chiyoda-ku", "--country", "JP",
            "--phone", "0312345678", "--birth-date", "1985-04-01", date=day, prop=prop)
    return n


def test_omo_accounts_are_never_merged(omo):
    """OMO 5, 11.4 (docs/program-rules.md 1, 8): merge refused not_permitted;
    both accounts unchanged."""
    a, b = member(omo, full=False, prop="OM5"), member(omo, full=False, prop="OM5")
    omo("post-stay", b, "--folio", "R1", "--check-in", "2026-11-20", "--check-out", "2026-11-22", "--channel",
        "official_website", "--charge", "room=20000", prop="OM5")
    before = (omo("history", a), omo("history", b))
    out = omo("merge", a, b, expect=1)
    assert out["error"]["code"] == "not_permitted"
    assert (omo("history", a), omo("history", b)) == before
    assert omo("show", b)["points_balance"] == 1000 and omo("show", b)["status"] == "active"


def test_merge_promotes_for_the_year_the_moved_nights_fall_in(run):
    """docs/program-rules.md 6: merge on 2027-01-15 bringing 2026 to 11 nights
    gives Loyal from 2027-02-01, as for a late claim."""
    keep, drop = member(run), member(run)
    run("post-stay", keep, "--folio", "F1", "--check-in", "2026-05-01", "--check-out", "2026-05-07", "--channel",
        "direct", "--charge", "room=60000", date="2026-05-07")
    run("post-stay", drop, "--folio", "F2", "--check-in", "2026-08-01", "--check-out", "2026-08-06", "--channel",
        "direct", "--charge", "room=50000", date="2026-08-06")
    assert run("merge", keep, drop, date="2027-01-15")["tier"] == "basic"
    assert run("show", keep, date="2027-01-31")["tier"] == "basic"
    shown = run("show", keep, date="2027-02-01")
    assert (shown["tier"], shown["tier_valid_until"]) == ("loyal", "2028-03-31")


@pytest.mark.parametrize("argv", [
    ["post-stay", "{n}", "--folio", "X", "--check-in", "2026-11-20", "--check-out", "2026-11-22", "--channel",
     "direct", "--charge", "room=1000", "--charge", "minibar=100"],
    ["post-bill", "{n}", "--check", "C1", "--date", "2026-11-22", "--charge", "fnb=1000", "--charge", "spa=500"],
])
def test_an_unknown_charge_category_is_bad_usage(run, argv):
    """docs/desk-admin.md "Output and exit codes": malformed input exits 2 with
    a message on stderr, nothing printed and nothing changed."""
    n = member(run)
    before = run("history", n)
    err = run(*[a.replace("{n}", n) for a in argv], expect=2)
    assert "unknown charge category" in err and ("minibar" in err or "spa" in err)
    assert run("history", n) == before


def test_register_with_an_empty_email_and_no_reason_is_invalid_email(run):
    """docs/program-rules.md 1 (FAQ "Do I need an email address" [decided]):
    `register --email ""` without --no-email-reason is invalid_email, also for
    a supervisor; with the reason a supervisor registers the member."""
    base = ["register", "--family-name", "Sato", "--given-name", "Hana"]
    for argv in (base + ["--email", ""], base + ["--email", "  "], base):
        assert run(*argv, expect=1)["error"]["code"] == "invalid_email", argv
    assert run("lookup", "sato")["results"] == []
    m = run(*base, "--email", "", "--no-email-reason", "guest has no e-mail access")
    assert m["email"] is None


def test_complimentary_stay_earns_only_the_fnb_paid(run):
    """docs/program-rules.md 3, "Nights" [decided]: --rate-plan complimentary:
    0 nights, no room points; fnb=8000 earns 80 like a restaurant bill."""
    n = member(run)
    s = run("post-stay", n, "--folio", "F1", "--check-in", "2026-11-20", "--check-out", "2026-11-22", "--channel",
            "direct", "--rate-plan", "complimentary", "--charge", "room=30000", "--charge", "fnb=8000")
    assert (s["points"], s["bonus_points"], s["nights"], s["balance_after"]) == (80, 0, 0, 80)
    b = run("post-bill", n, "--check", "C1", "--date", "2026-11-22", "--charge", "fnb=8000", "--payment", "room")
    assert b["points"] == s["points"]
    year = run("show", n)["year"]
    assert (year["qualifying_points"], year["nights"]) == (160, 0)


def test_per_property_channel_and_rate_plan_settings(run):
    """docs/program-rules.md 3 (T&C 13.2 last sentence; FAQ "may not"): the
    program file's per-hotel settings, defaults elsewhere."""
    n = member(run)

    def post(prop, folio, channel, plan, ci, co):
        return run("post-stay", n, "--folio", folio, "--check-in", ci, "--check-out", co, "--channel", channel,
                   "--rate-plan", plan, "--charge", "room=50000", prop=prop)

    assert post("FUK", "F1", "direct", "standard", "2026-11-20", "2026-11-22")["points"] == 0
    assert post("FUK", "F2", "reservation_center", "standard", "2026-11-18", "2026-11-20")["points"] == 1000
    assert post("KIX", "F3", "direct", "contract", "2026-11-16", "2026-11-18")["points"] == 1000
    assert post("TKO", "F4", "direct", "contract", "2026-11-14", "2026-11-16")["points"] == 0
    assert post("TKO", "F5", "direct", "standard", "2026-11-12", "2026-11-14")["points"] == 1000
    assert run("show", n)["year"]["nights"] == 10


def test_joining_mid_stay(run):
    """docs/program-rules.md 3 [decided]: 3 nights 11-19 -> 11-22, enrolled
    11-21, room 30,000: 1 night and 200 points; no night on or after
    enrollment is still before_enrollment."""
    n = member(run, day="2026-11-21")
    s = run("post-stay", n, "--folio", "F1", "--check-in", "2026-11-19", "--check-out", "2026-11-22", "--channel",
            "direct", "--charge", "room=30000")
    assert (s["points"], s["nights"], s["balance_after"]) == (200, 1, 200)
    late = member(run, day="2026-11-22")
    out = run("post-stay", late, "--folio", "F2", "--check-in", "2026-11-19", "--check-out", "2026-11-22",
              "--channel", "direct", "--charge", "room=30000", expect=1)
    assert out["error"]["code"] == "before_enrollment"


def test_a_merge_or_an_adjustment_does_not_restart_the_inactivity_clock(run):
    """docs/program-rules.md 1 (T&C 7.2 [decided]): `inactive --months 36`
    counts only points earned by use; the merged number's adjustment and the
    merge itself leave the kept member inactive."""
    keep, drop, stayer = (member(run, day="2022-01-10") for _ in range(3))
    run("adjust", drop, "--points", "500", "--reason", "goodwill", date="2024-06-01")
    run("merge", keep, drop, date="2024-12-01")
    run("post-stay", stayer, "--folio", "F1", "--check-in", "2022-03-01", "--check-out", "2022-03-02",
        "--channel", "direct", "--charge", "room=10000", date="2022-03-02")
    listed = [m["member_number"] for m in run("inactive", "--months", "36", date="2025-01-10")["results"]]
    assert listed == [keep]
    listed = [m["member_number"] for m in run("inactive", "--months", "36", date="2025-03-02")["results"]]
    assert listed == sorted([keep, stayer])


def test_nights_are_credited_once_per_calendar_night(run):
    """docs/program-rules.md 3 (FAQ "paid for several rooms", "stayed with
    accompany"): 5 rooms x 2 nights give 2 nights and every room's points,
    not Loyal; a companion in one room and payer of another, and TKO and
    OSA the same night, get the nights once; a reversal frees its nights."""
    n, friend = member(run), member(run)

    def post(number, folio, ci, co, room, prop=None, *extra):
        return run("post-stay", number, "--folio", folio, "--check-in", ci, "--check-out", co, "--channel",
                   "direct", "--charge", f"room={room}", *extra, prop=prop, date=co)

    rooms = [post(n, f"R{i}", "2026-03-01", "2026-03-03", 20000) for i in range(5)]
    assert [(r["points"], r["nights"]) for r in rooms] == [(400, 2)] + [(400, 0)] * 4
    assert run("show", n, date="2026-04-01")["tier"] == "basic"
    assert run("show", n, date="2026-04-01")["year"]["nights"] == 2
    shared = post(friend, "S1", "2026-04-01", "2026-04-03", 30000, None, "--companion", n)
    own = post(n, "S2", "2026-04-01", "2026-04-03", 20000)
    assert (shared["companions"][0]["nights"], own["points"], own["nights"]) == (2, 400, 0)
    tko = post(n, "H1", "2026-05-01", "2026-05-02", 10000, "TKO")
    osa = post(n, "H1", "2026-05-01", "2026-05-02", 10000, "OSA")
    assert (tko["nights"], osa["nights"], osa["points"]) == (1, 0, 200)
    assert run("show", n, date="2026-05-02")["year"]["nights"] == 5
    undone = run("reverse", rooms[0]["transaction_id"], "--reason", "wrong dates", date="2026-05-02")
    assert undone["nights"] == 0          # the other rooms' postings cover 03-01 and 03-02
    undone = run("reverse", tko["transaction_id"], "--reason", "not our guest", date="2026-05-02")
    assert undone["nights"] == 0          # OSA's posting covers 05-01
    undone = run("reverse", osa["transaction_id"], "--reason", "not our guest", date="2026-05-02")
    assert undone["nights"] == -1
    assert run("show", n, date="2026-05-02")["year"]["nights"] == 4
    again = post(n, "H2", "2026-05-01", "2026-05-02", 10000, "OSA")
    assert again["nights"] == 1


def test_issue_card_for_a_japanese_member_with_a_premium_selection_hotel(run, database_url, tmp_path):
    """docs/program-rules.md 2 (FAQ; Premium Selection "hotel name printed"):
    desk-admin issue-card renders the Japanese face (hotel name, member since
    the enrollment date, romanised name kept); its QR decodes with zxing-cpp."""
    import zxingcpp
    from PIL import Image, ImageChops

    from desk_app.cards.render import draw_card
    from desk_app.services import cards
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    n = member(run, family_name_kana="ヤマダ", given_name_kana="タロウ", language="ja")
    run("post-stay", n, "--folio", "F1", "--check-in", "2026-02-01", "--check-out", "2026-02-11", "--channel",
        "direct", "--charge", "room=250000", date="2026-02-11")
    run("premium-selection", n, "--hotel", "OKT")
    out = run("issue-card", n, "--out", str(tmp_path / "card.png"))
    img = Image.open(out["path"]).convert("RGB")
    assert [d.text for d in zxingcpp.read_barcodes(img)] == [out["qr_payload"]]
    assert run("verify-card", out["qr_payload"]) == {"member_number": n, "sequence": 1, "valid": True}
    db = Database(database_url)
    face = cards.current(db, desk_on("2026-11-22"), n)
    db.dispose()
    assert (face.language, face.premium_hotel_name, str(face.member_since)) == ("ja", "ホテルオークラ東京",
                                                                                 "2026-01-05")
    assert ImageChops.difference(img, draw_card(face)).getbbox() is None  # the file is that face
