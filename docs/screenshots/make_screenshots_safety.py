"""Render the desk's money safeguards, offscreen:

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots_safety.py

the member page cleared when the search moves on, the one-line review
before a stay is posted, a scan caught while a dialog is open, Pay by
Points and Redeem refusing a shortfall with the figures, the award list
with greyed rows, the card dialog with no card yet and the replacement's
question, and the reverse flow: the entry chosen in the history, the
supervisor's approval on the spot, and the history showing the pair.
A throw-away database filled through the services."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shots import save_png, shot as _shot, throwaway_user_data, wait  # noqa: E402

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def save(widget_or_image, name: str) -> None:
    save_png(widget_or_image, f"{name}.png")


def stacked(below, above) -> QPixmap:
    """A dialog and the one it opened, as the clerk sees them: the second
    centred over the first."""
    back, front = below.grab(), above.grab()
    out = QPixmap(back.size())
    out.fill()
    painter = QPainter(out)
    painter.drawPixmap(0, 0, back)
    painter.fillRect(out.rect(), QColor(0, 0, 0, 60))
    painter.drawPixmap(QPoint((back.width() - front.width()) // 2, max(0, (back.height() - front.height()) // 3)),
                       front)
    painter.end()
    return out


def main() -> None:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    tmp = throwaway_user_data("desk-shots-safety-")

    from desk_app import config
    from desk_app.services import cards, clerks, posting, registration
    from desk_app.services.context import Desk
    from desk_app.services.database import Database
    from desk_app.ui.dialogs.card_dialog import CardDialog, ReplaceCardDialog
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog
    from desk_app.ui.dialogs.reverse_dialog import ReverseDialog
    from desk_app.ui.dialogs.stay_dialog import StayDialog
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.scanner import tell_close_first
    from desk_app.ui.session import DeskSession
    from desk_app.ui.worker import Worker

    worker = Worker()
    db = Database(f"sqlite:///{(tmp / 'desk.sqlite3').as_posix()}")
    db.initialize("one_harmony")
    clerks.create(db, None, "sato.h", "Hanako Sato", "supervisor", "password1")
    sup = Desk(date(2026, 6, 15), "TKO", "sato.h", "FRONT-1", "supervisor")
    clerks.create(db, sup, "kato.r", "Ryo Kato", "clerk", "password1")

    def member(family, given, email, fkana, gkana, *, enrolled, full=True, card=True):
        desk = sup.on(enrolled)
        number = registration.register(db, desk, registration.Enrolment(
            family, given, email, fkana, gkana, birth_date=date(1980, 6, 2))).member_number
        if full:
            registration.complete_registration(db, desk, number, postal_code="100-0005",
                                               address="Tokyo, Chiyoda-ku, Marunouchi 1-1-1", country="JP",
                                               phone="090-1234-5678")
        if card:
            cards.issue(db, desk, number)
        return number

    yamada = member("Yamada", "Taro", "taro.yamada@example.jp", "ヤマダ", "タロウ", enrolled=date(2024, 2, 3))
    for i, (cin, cout, room) in enumerate([(date(2025, 11, 20), date(2025, 11, 23), 150_000),
                                          (date(2026, 3, 1), date(2026, 3, 5), 240_000)]):
        posting.post_stay(db, sup.on(cout), yamada, posting.StayFolio(
            f"F{1000 + i}", cin, cout, "official_website", {"room": room, "fnb": 12_000, "tax": room // 10}))
    # The stay posted to the wrong guest today: the one the reverse flow undoes.
    posting.post_stay(db, sup, yamada, posting.StayFolio(
        "F20260615-207", date(2026, 6, 13), date(2026, 6, 15), "direct", {"room": 64_000, "tax": 6_400}))
    ito = member("Ito", "Mika", "mika.ito@example.jp", "イトウ", "ミカ", enrolled=date(2026, 1, 5))
    posting.post_bill(db, sup.on(date(2026, 6, 1)), ito, posting.Bill("C-3101", date(2026, 6, 1), {"fnb": 150_000}))
    kimura = member("Kimura", "Ken", "ken.kimura@example.jp", "キムラ", "ケン", enrolled=date(2026, 1, 5))
    posting.post_bill(db, sup.on(date(2026, 6, 1)), kimura, posting.Bill("C-3102", date(2026, 6, 1),
                                                                          {"fnb": 76_000}))
    suzuki = member("Suzuki", "Mei", "mei.suzuki@example.com", "スズキ", "メイ", enrolled=date(2026, 6, 15),
                    full=False, card=False)

    settings = config.Settings(property_code="TKO", terminal="FRONT-1")
    session = DeskSession(db, settings, worker, db.program, clerks.authenticate(db, "kato.r", "password1"))

    def shot(dialog, name, prepare=None, ready=None):
        _shot(dialog, name, save, prepare, ready)

    # The member page, then cleared as soon as the search says something else.
    win = MainWindow(session)
    win.resize(1366, 768)
    win.show()
    win.lookup_input.setText(yamada)
    win.start_lookup(yamada, True)
    wait(lambda: win.member is not None)
    win.lookup_input.setText("su")   # the clerk starts typing another guest's name
    win.start_lookup("su", False)
    wait(lambda: win.member is None and win._shown_query == "su")
    save(win, "main_window_cleared")
    win.lookup_input.setText(yamada)
    win.start_lookup(yamada, True)
    wait(lambda: win.member is not None)
    view = win.member

    # Post stay: Ctrl+Enter shows the one-line review; Enter posts it, Esc returns.
    def stay_review(d):
        d.folio.setText("F20260615-118")
        d.channel.setCurrentIndex(d.channel.findData("official_website"))
        d.charges.set("room", 48_000)
        d.charges.set("fnb", 6_500)
        d.charges.set("tax", 4_800)
        d.request_review()
    shot(StayDialog(session, view, win), "stay_dialog_review", stay_review, lambda d: d.reviewing)

    # A card scanned while a dialog is open: caught, never typed into the folio.
    shot(StayDialog(session, view, win), "stay_dialog_scan_caught", tell_close_first)

    def open_number(number):
        win.lookup_input.setText(number)
        win.start_lookup(number, True)
        wait(lambda: win.member is not None and win.member.member_number == number)
        return win.member

    # Pay by Points and Redeem refuse a shortfall with the figures (Kimura: 760 points, Ito: 1,500).
    def pbp_short(d):
        d.amount.setValue(1000)
        d.identity.setChecked(True)
        d.request_review()
    shot(PayByPointsDialog(session, open_number(kimura), win), "pay_by_points_shortfall", pbp_short)
    ito_view = open_number(ito)

    def greyed(d):
        d.table.selectRow(4)   # key 5: Breakfast Award, adult — 2,000 points
        d.quantity.setValue(1)
    shot(RedeemDialog(session, ito_view, win), "redeem_dialog_greyed", greyed)

    # The card dialog shows what there is, and writes nothing.
    win.lookup_input.setText(suzuki)
    win.start_lookup(suzuki, True)
    wait(lambda: win.member is not None and win.member.member_number == suzuki)
    shot(CardDialog(session, win.member, win), "card_dialog_no_card", None, lambda d: d.loaded)
    face = cards.current(db, sup, yamada)
    shot(ReplaceCardDialog(view, face, win), "card_replace_dialog")

    # Reverse: the entry chosen in the history, then a supervisor approves on the spot.
    win.lookup_input.setText(yamada)
    win.start_lookup(yamada, True)
    wait(lambda: win.member is not None and win.member.member_number == yamada)
    page = win.member_page
    row = [e.reference for e in page.history_model.rows()].index("F20260615-207")
    page.history_view.selectRow(row)
    entry = page.selected_entry()
    reverse = ReverseDialog(session, win.member, entry, win)
    reverse.show()
    wait(lambda: reverse.planned is not None)
    reverse.reason.setText("posted to the wrong guest: room 1208, not 1280")
    reverse.adjustSize()
    save(reverse, "reverse_dialog")
    reverse.on_confirm()
    wait(lambda: reverse.override is not None and reverse.override.isVisible())
    override = reverse.override
    override.login.setText("sato.h")
    override.password.setText("password1")
    override.adjustSize()
    save(stacked(reverse, override), "reverse_override")
    override.on_confirm()
    wait(lambda: not reverse.isVisible())
    win.show_member(yamada)
    wait(lambda: win.member is not None and page.history_model.rowCount()
         and page.history_model.row(0).kind == "reverse")
    save(win, "main_window_reversed")
    save(page, "member_page_reversed")
    worker.wait()


if __name__ == "__main__":
    main()
