"""A busier desk for the office's windows: the UI tests' staff and members,
demo members with a few years of history, members imported from a CSV
file with their opening lots and stay credits, and one known business day
(2026-06-15 at TKO) worked by three clerks. Built once per test process;
every test gets its own copy of the file."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import pytest

from .conftest import BUSINESS_DATE, office

DEMO_MEMBERS = 30
IMPORTED_MEMBERS = 40


def at(login: str, role: str, terminal: str, day: date = BUSINESS_DATE, prop: str = "TKO"):
    return replace(office(role, day), clerk=login, terminal=terminal, property_code=prop)


def _the_day(db, numbers: dict[str, str]) -> dict[str, str]:
    """clerk1 (FRONT-1): a 2-night stay for Yamada (Loyal: 40,000 yen of room
    = 800 + 200 bonus) and two breakfasts; cash1 (BAR-1): a 12,000 yen bill
    for Sato (120) and Pay by Points 1,000 yen for Yamada (800 points);
    super (FRONT-1): +300 for Sato, and the bill reversed. Two members who
    joined in 2022 and never came back; two memberships of one person."""
    from desk_app.services import office as office_service, posting, redemption, refusals, registration, reversal

    clerk, cash, sup = at("clerk1", "clerk", "FRONT-1"), at("cash1", "cashier", "BAR-1"), at("super", "supervisor",
                                                                                              "FRONT-1")
    posting.post_stay(db, clerk, numbers["yamada"], posting.StayFolio(
        "F-615", date(2026, 6, 13), BUSINESS_DATE, "official_website", {"room": 40_000, "tax": 4_000}))
    redemption.redeem(db, clerk, numbers["yamada"], "breakfast_adult", 2)
    bill = posting.post_bill(db, cash, numbers["sato"], posting.Bill("B-615", BUSINESS_DATE, {"fnb": 12_000}))
    redemption.pay_by_points(db, cash, numbers["yamada"], 1_000)
    office_service.adjust(db, sup, numbers["sato"], 300, "goodwill for the wait at check-in")
    reversal.reverse(db, sup, bill.transaction_id, "posted to the wrong member")
    refusals.record(db, cash, "redeem", "insufficient_points")
    out = dict(numbers)
    old = sup.on(date(2022, 1, 10))
    for i, (fam, giv) in enumerate((("Kondo", "Isamu"), ("Hijikata", "Toshi"))):
        out[f"idle{i}"] = registration.register(db, old, registration.Enrolment(
            fam, giv, f"{fam.lower()}@example.jp")).member_number
    twin = sup.on(date(2026, 5, 20))
    for key, email in (("twin_a", "ito.ken@example.jp"), ("twin_b", "ken.ito@example.com")):
        out[key] = registration.register(db, twin, registration.Enrolment(
            "伊藤", "健", email, "イトウ", "ケン", birth_date=date(1975, 3, 3))).member_number
    return out


@pytest.fixture(scope="session")
def office_template(template, tmp_path_factory):
    from benchmarks.members_csv import write_csv
    from desk_app.services import demo, importing
    from desk_app.services.database import Database

    path = tmp_path_factory.mktemp("office-template") / "desk.sqlite3"
    shutil.copyfile(template[0], path)
    db = Database(f"sqlite:///{path.as_posix()}")
    demo.generate(db, office(), DEMO_MEMBERS, seed=14)
    # Members moved from a hotel's old system too, with their opening lots and
    # stay credits: every report must count them like the desk's own.
    importing.import_members(db, office(), write_csv(path.with_name("imported.csv"), IMPORTED_MEMBERS, seed=15,
                                                     business_date=BUSINESS_DATE))
    numbers = _the_day(db, dict(template[1]))
    db.dispose()
    return path, numbers


@pytest.fixture
def busy(office_template, tmp_path):
    """(database, numbers): a copy of the busier desk for this test."""
    from desk_app.services.database import Database

    path = tmp_path / "busy.sqlite3"
    shutil.copyfile(office_template[0], path)
    db = Database(f"sqlite:///{path.as_posix()}")
    yield db, dict(office_template[1])
    db.dispose()


@pytest.fixture
def office_window(qtbot, busy):
    """office_window("super") -> a signed-in main window on the busier desk."""
    from desk_app.ui.main_window import MainWindow

    from .conftest import session_for

    made = []

    def make(login: str = "super"):
        win = MainWindow(session_for(busy[0], login))
        qtbot.addWidget(win)
        win.show()
        win.activateWindow()
        qtbot.waitActive(win)
        qtbot.waitUntil(win.lookup_input.hasFocus)
        made.append(win)
        return win

    yield make
    for win in made:
        win.session.worker.wait()


@pytest.fixture
def save_as(monkeypatch, tmp_path):
    """The save dialog answers with a file in the test's folder."""
    from desk_app.ui.office import common

    chosen = []

    def fake(parent, title, suggested, kind):
        path = tmp_path / "saved" / suggested
        path.parent.mkdir(exist_ok=True)
        chosen.append(path)
        return path

    for module in ("day_report_dialog", "program_reports_dialog", "export_dialog"):
        monkeypatch.setattr(f"desk_app.ui.office.{module}.ask_save_path", fake)
    monkeypatch.setattr(common, "ask_save_path", fake)
    return chosen
