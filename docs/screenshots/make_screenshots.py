"""Render the desk's windows offscreen into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 python docs/screenshots/make_screenshots.py

Uses a throw-away database filled through the services (demo data plus two
known members), so nothing touches the user's own desk."""

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
SCALED = {"main_window", "member_page", "enrol_dialog", "stay_dialog", "redeem_dialog", "card_dialog"}


def save(widget, name: str) -> None:
    if SUFFIX and name not in SCALED:
        return
    save_png(widget, f"{name}{SUFFIX}.png")


def main() -> None:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    tmp = throwaway_user_data("desk-shots-")

    from desk_app import config
    from desk_app.services import cards, clerks, demo, posting, registration
    from desk_app.services.context import Desk
    from desk_app.services.database import Database
    from desk_app.ui.dialogs.adjust_dialog import AdjustDialog
    from desk_app.ui.dialogs.bill_dialog import BillDialog
    from desk_app.ui.dialogs.card_dialog import CardDialog
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog
    from desk_app.ui.dialogs.merge_dialog import MergeDialog
    from desk_app.ui.dialogs.new_clerk_dialog import NewClerkDialog
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog
    from desk_app.ui.dialogs.setup_dialog import SetupDialog
    from desk_app.ui.dialogs.sign_in_dialog import SignInDialog
    from desk_app.ui.dialogs.stay_dialog import StayDialog
    from desk_app.ui.dialogs.unlock_clerk_dialog import UnlockClerkDialog
    from desk_app.ui.dialogs.withdraw_dialog import WithdrawDialog
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.session import DeskSession
    from desk_app.ui.worker import Worker

    worker = Worker()
    setup = SetupDialog(worker, f"sqlite:///{(tmp / 'harmony_desk.sqlite3').as_posix()}", "FRONT-1")
    setup.login.setText("sato.h")
    setup.name.setText("Hanako Sato")
    setup.password.setText("password1")
    setup.confirm.setText("password1")
    setup.show()
    save(setup, "setup_dialog")
    setup.close()

    db = Database(f"sqlite:///{(tmp / 'desk.sqlite3').as_posix()}")
    db.initialize("one_harmony", business_date=BUSINESS_DATE)
    clerks.create(db, None, "sato.h", "Hanako Sato", "supervisor", "password1")
    sup = Desk(date(2026, 6, 15), "TKO", "sato.h", "FRONT-1", "supervisor")
    clerks.create(db, sup, "ito.k", "Ken Ito", "cashier", "password1")
    demo.generate(db, sup, 60, seed=7)
    enrol = sup.on(date(2024, 2, 3))
    m = registration.register(db, enrol, registration.Enrolment(
        "Yamada", "Taro", "taro.yamada@example.jp", "ヤマダ", "タロウ", birth_date=date(1980, 6, 2)))
    number = m.member_number
    registration.complete_registration(db, enrol, number, postal_code="100-0005",
                                       address="Tokyo, Chiyoda-ku, Marunouchi 1-1-1", country="JP",
                                       phone="090-1234-5678")
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
    simple = registration.register(db, sup.on(date(2026, 6, 1)), registration.Enrolment(
        "Suzuki", "Mei", "mei.suzuki@example.com", "スズキ", "メイ"))

    settings = config.Settings(property_code="TKO", terminal="FRONT-1")
    clerk = clerks.authenticate(db, "sato.h", "password1")
    session = DeskSession(db, settings, worker, db.program, clerk)

    sign_in = SignInDialog(session.signed_in(None))
    sign_in.login.setText("sato.h")
    sign_in.show()
    save(sign_in, "sign_in_dialog")
    sign_in.error.show_message("The clerk ID or password is wrong.")
    sign_in.adjustSize()
    save(sign_in, "sign_in_refused")
    sign_in.close()

    win = MainWindow(session)
    win.fit_to_screen()  # as on a desk: the 1366x768 screen (shots.py), at 100% or 150%
    win.show()
    save(win, "main_window_empty")
    win.lookup_input.setText("yama")
    win.start_lookup("yama", False)
    wait(lambda: win.results_model.rowCount() > 0)
    win.show_member(number)
    wait(lambda: win.member is not None)
    save(win, "main_window")
    save(win.member_page, "member_page")
    win.member_page.tabs.setCurrentIndex(1)
    save(win.member_page, "member_page_expiry")
    win.member_page.tabs.setCurrentIndex(0)

    member = win.member

    def shot(dialog, name, prepare=None, ready=None):
        _shot(dialog, name, save, prepare, ready)

    def enrol_fill(d):
        d.family.setText("小林")
        d.given.setText("芽依")
        d.family_kana.setText("コバヤシ")
        d.given_kana.setText("メイ")
        d.email.setText("taro.yamada@example.jp")
        d.check_email()
        d.birth.setText("2011-04-02")
    shot(EnrolDialog(session, win), "enrol_dialog", enrol_fill, lambda d: "already belongs" in d.email_state.text())

    def full_fill(d):
        d.postal.setText("530-0001")  # fills 大阪府 大阪市北区 梅田 from the postcode table
        wait(lambda: d.town.currentText() == "梅田")
        d.street.setText("2-2-2")
        d.phone.setText("06-1234-5678")
        d.birth.setText("平成4年9月14日")
    win.show_member(simple.member_number)
    wait(lambda: win.member is not None and win.member.member_number == simple.member_number)
    simple_view = win.member
    save(win.member_page, "member_page_simple")
    shot(FullRegistrationDialog(session, simple_view, win), "full_registration_dialog", full_fill)
    # F9 for a simple registration: no dialog where nothing can be chosen, the page says why and Ctrl+R.
    win.on_redeem()
    save(win.member_page, "member_page_simple_redeem")

    shot(CardDialog(session, member, win), "card_dialog", None, lambda d: d.face is not None)

    def stay_fill(d):
        d.folio.setText("F20260615-118")
        d.nights.setValue(2)
        d.channel.setCurrentIndex(d.channel.findData("official_website"))
        d.charges.set("room", 48_000)
        d.charges.set("fnb", 6_500)
        d.charges.set("tax", 4_800)
        d.charges.set("service", 4_800)
        d.run_preview()
    shot(StayDialog(session, member, win), "stay_dialog", stay_fill, lambda d: "earns" in d.preview.text())

    def claim_fill(d):
        d.folio.setText("F20260312-044")
        d.check_in.setText("2026-03-10")
        d.check_out.setText("2026-03-12")
        d.charges.set("room", 36_000)
        d.run_preview()
    shot(StayDialog(session, member, win, claim=True), "claim_dialog", claim_fill, lambda d: "earns" in d.preview.text())

    def bill_fill(d):
        d.check.setText("R-5521")
        d.charges.set("fnb", 14_800)
        d.charges.set("tax", 1_480)
        d.run_preview()
    shot(BillDialog(session, member, win), "bill_dialog", bill_fill, lambda d: "earns" in d.preview.text())

    def posted(d):
        d.folio.setText("F20260615-119")
        d.channel.setCurrentIndex(d.channel.findData("direct"))
        d.charges.set("room", 52_000)
        d.request_review()             # Ctrl+Enter: the one-line review
        wait(lambda: d.reviewing)
        d.post_reviewed()              # Enter on it: posted
    shot(StayDialog(session, member, win), "stay_dialog_posted", posted, lambda d: d.completed)

    def redeem_fill(d):
        codes = [o.code for o in d.model.rows()]
        d.table.selectRow(codes.index("breakfast_adult"))
        d.quantity.setValue(2)
    shot(RedeemDialog(session, member, win), "redeem_dialog", redeem_fill)

    def pbp_fill(d):
        d.amount.setValue(3000)
        d.folio.setText("R-5522")
        d.identity.setChecked(True)
    shot(PayByPointsDialog(session, member, win), "pay_by_points_dialog", pbp_fill)

    def pbp_refused(d):
        d.amount.setValue(3000)
        d.on_confirm()
    shot(PayByPointsDialog(session, member, win), "pay_by_points_refused", pbp_refused, lambda d: d.error.text())

    def adjust_fill(d):
        d.points.setValue(-2000)
        d.reason.setText("breakfast award entered twice")
    shot(AdjustDialog(session, member, win), "adjust_dialog", adjust_fill)

    def merge_fill(d):
        d.drop.setText(simple.member_number)
    shot(MergeDialog(session, member, win), "merge_dialog", merge_fill)

    def withdraw_fill(d):
        d.reason.setText("the member asked to leave the program")
    shot(WithdrawDialog(session, member, win), "withdraw_dialog", withdraw_fill)

    for _ in range(5):
        try:
            clerks.authenticate(db, "ito.k", "wrong-password")
        except Exception:
            pass
    shot(UnlockClerkDialog(session, win), "unlock_clerk_dialog", None, lambda d: d.model.rowCount() > 0)

    def clerk_fill(d):
        d.login.setText("tanaka.y")
        d.name.setText("Yui Tanaka")
    shot(NewClerkDialog(session, win), "new_clerk_dialog", clerk_fill)

    from desk_app.ui.dialogs.change_password_dialog import ChangePasswordDialog
    from desk_app.ui.dialogs.deactivate_clerk_dialog import DeactivateClerkDialog
    from desk_app.ui.dialogs.reset_password_dialog import ResetPasswordDialog

    shot(ResetPasswordDialog(session, win), "reset_password_dialog", None, lambda d: d.model.rowCount() > 0)
    shot(DeactivateClerkDialog(session, win), "deactivate_clerk_dialog", None, lambda d: d.model.rowCount() > 0)
    shot(ChangePasswordDialog(session, win), "change_password_dialog")

    from desk_app.ui.dialogs.settings_dialog import SettingsDialog

    shot(SettingsDialog(session, win), "settings_dialog")

    win.lock_screen()
    wait(lambda: isinstance(win.dialog, SignInDialog))
    save(win, "locked_window")
    win.dialog.adjustSize()
    save(win.dialog, "lock_dialog")
    worker.wait()


if __name__ == "__main__":
    main()
