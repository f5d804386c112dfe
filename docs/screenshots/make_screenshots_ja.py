"""Render the desk in Japanese, offscreen, into docs/screenshots/*_ja.png:

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots_ja.py

The same throw-away database as make_screenshots.py (demo data plus two
known members); install_language(app, "ja") before any window is built, as
the desk does at sign-in. Needs a CJK font (apt-get install fonts-noto-cjk)."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shots import BUSINESS_DATE, save_png, shot as _shot, throwaway_user_data, wait  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402


SCALE = os.environ.get("QT_SCALE_FACTOR", "1")
SUFFIX = "" if SCALE in ("", "1") else "_" + str(round(float(SCALE) * 100))
# At 150% only the busiest screens are kept.
SCALED = {"main_window", "member_page", "enrol_dialog", "stay_dialog", "redeem_dialog"}


def save(widget, name: str) -> None:
    if SUFFIX and name not in SCALED:
        return
    save_png(widget, f"{name}_ja{SUFFIX}.png")


def main() -> None:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    tmp = throwaway_user_data("desk-shots-ja-")

    from desk_app.ui.i18n import install_language

    install_language(app, "ja")

    from desk_app import config
    from desk_app.services import cards, clerks, demo, posting, registration
    from desk_app.services.context import Desk
    from desk_app.services.database import Database
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog
    from desk_app.ui.dialogs.stay_dialog import StayDialog
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.session import DeskSession
    from desk_app.ui.worker import Worker

    worker = Worker()
    db = Database(f"sqlite:///{(tmp / 'desk.sqlite3').as_posix()}")
    db.initialize("one_harmony", business_date=BUSINESS_DATE)
    clerks.create(db, None, "sato.h", "佐藤 花子", "supervisor", "password1")
    sup = Desk(date(2026, 6, 15), "TKO", "sato.h", "FRONT-1", "supervisor")
    demo.generate(db, sup, 60, seed=7)
    enrol = sup.on(date(2024, 2, 3))
    m = registration.register(db, enrol, registration.Enrolment(
        "山田", "太郎", "taro.yamada@example.jp", "ヤマダ", "タロウ", birth_date=date(1980, 6, 2)))
    number = m.member_number
    registration.complete_registration(db, enrol, number, postal_code="100-0005",
                                       address="東京都千代田区丸の内1-1-1", country="JP", phone="090-1234-5678")
    registration.choose_premium_hotel(db, enrol, number, "KYO")
    cards.issue(db, enrol, number)
    for i, (cin, cout, room) in enumerate([(date(2024, 5, 1), date(2024, 5, 4), 96_000),
                                          (date(2025, 3, 10), date(2025, 3, 12), 64_000),
                                          (date(2025, 11, 20), date(2025, 11, 23), 150_000),
                                          (date(2026, 3, 1), date(2026, 3, 5), 240_000)]):
        posting.post_stay(db, sup.on(cout), number, posting.StayFolio(
            f"F{1000 + i}", cin, cout, "official_website", {"room": room, "fnb": 12_000, "tax": room // 10}))
    posting.post_bill(db, sup.on(date(2026, 5, 20)), number, posting.Bill("C2201", date(2026, 5, 20),
                                                                           {"fnb": 18_000, "tax": 1_800}))

    settings = config.Settings(property_code="TKO", terminal="FRONT-1", language="ja")
    clerk = clerks.authenticate(db, "sato.h", "password1")
    session = DeskSession(db, settings, worker, db.program, clerk)

    win = MainWindow(session)
    win.fit_to_screen()  # as on a desk: the 1366x768 screen (shots.py), at 100% or 150%
    win.show()
    win.lookup_input.setText("yama")
    win.start_lookup("yama", False)
    wait(lambda: win.results_model.rowCount() > 0)
    win.show_member(number)
    wait(lambda: win.member is not None)
    save(win, "main_window")
    save(win.member_page, "member_page")
    member = win.member

    def shot(dialog, name, prepare=None, ready=None):
        _shot(dialog, name, save, prepare, ready)

    def enrol_fill(d):
        d.family.setText("小林")
        d.given.setText("芽衣")
        d.family_kana.setText("コバヤシ")
        d.given_kana.setText("メイ")
        d.email.setText("taro.yamada@example.jp")
        d.check_email()
        d.birth.setText("2011-04-02")
    shot(EnrolDialog(session, win), "enrol_dialog", enrol_fill, lambda d: "既に" in d.email_state.text())

    def stay_fill(d):
        d.folio.setText("F20260615-118")
        d.channel.setCurrentIndex(d.channel.findData("official_website"))
        d.charges.set("room", 48_000)
        d.charges.set("fnb", 6_500)
        d.charges.set("tax", 4_800)
        d.run_preview()
    shot(StayDialog(session, member, win), "stay_dialog", stay_fill, lambda d: "付与ポイント" in d.preview.text())
    shot(RedeemDialog(session, member, win), "redeem_dialog")

    win.close()
    worker.wait()
    db.dispose()


if __name__ == "__main__":
    main()
