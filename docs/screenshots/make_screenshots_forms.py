"""Render the Japanese member forms, offscreen, in English and Japanese:

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots_forms.py

full registration with a postal code looked up (one town, several towns),
enrolment with romaji and an era birth date, the name change, the desk
settings with the card's name order, the card printed given-name first,
and slips in the member's language (a Japanese member's voucher printed
at an English desk, an English member's receipt). A throw-away database;
needs a CJK font on screen (apt-get install fonts-noto-cjk); the slips use
the bundled Noto Sans JP."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shots import BUSINESS_DATE, save_png, shot as _shot, throwaway_user_data, wait  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402


def save(widget_or_image, name: str) -> None:
    save_png(widget_or_image, f"{name}.png")


def main() -> None:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    tmp = throwaway_user_data("desk-shots-forms-")

    from desk_app import config
    from desk_app.services import cards, clerks, lookup, posting, registration
    from desk_app.services.context import Desk
    from desk_app.services.database import Database
    from desk_app.ui import printing
    from desk_app.ui.dialogs.card_dialog import CardDialog
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog
    from desk_app.ui.dialogs.name_change_dialog import NameChangeDialog
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog
    from desk_app.ui.dialogs.settings_dialog import SettingsDialog
    from desk_app.ui.dialogs.stay_dialog import StayDialog
    from desk_app.ui.i18n import install_language
    from desk_app.ui.session import DeskSession
    from desk_app.ui.worker import Worker

    worker = Worker()
    db = Database(f"sqlite:///{(tmp / 'desk.sqlite3').as_posix()}")
    db.initialize("one_harmony", business_date=BUSINESS_DATE)
    clerks.create(db, None, "sato.h", "Hanako Sato", "supervisor", "password1")
    sup = Desk(date(2026, 6, 15), "TKO", "sato.h", "FRONT-1", "supervisor")
    enrol = sup.on(date(2024, 2, 3))
    yamada = registration.register(db, enrol, registration.Enrolment(
        "山田", "太郎", "taro.yamada@example.jp", "ヤマダ", "タロウ", birth_date=date(1980, 6, 2)))
    registration.complete_registration(db, enrol, yamada.member_number, postal_code="100-0005",
                                       address="東京都千代田区丸の内1-1-1 丸の内ビル 1201", country="JP",
                                       phone="090-1234-5678")
    cards.issue(db, enrol, yamada.member_number)
    posting.post_stay(db, sup.on(date(2026, 3, 5)), yamada.member_number, posting.StayFolio(
        "F1001", date(2026, 3, 1), date(2026, 3, 5), "official_website", {"room": 400_000, "tax": 40_000}))
    smith = registration.register(db, enrol, registration.Enrolment(
        "Smith", "Emily", "emily.smith@example.com", preferred_language="en"))
    registration.complete_registration(db, enrol, smith.member_number, postal_code="10118",
                                       address="350 Fifth Avenue, New York, NY", country="US",
                                       phone="+1 212-736-3100", birth_date=date(1988, 7, 14))
    simple = registration.register(db, sup.on(date(2026, 6, 1)), registration.Enrolment(
        "鈴木", "芽衣", "mei.suzuki@example.com", "スズキ", "メイ"))
    clerk = clerks.authenticate(db, "sato.h", "password1")

    def shot(dialog, name, prepare=None, ready=None):
        _shot(dialog, name, save, prepare, ready)

    for lang, suffix in (("en", ""), ("ja", "_ja")):
        install_language(app, lang)
        settings = config.Settings(property_code="TKO", terminal="FRONT-1", language=lang)
        session = DeskSession(db, settings, worker, db.program, clerk)
        simple_view = lookup.show(db, sup, simple.member_number)
        yamada_view = lookup.show(db, sup, yamada.member_number)

        def full_fill(d):
            d.postal.setText("530-0001")
            wait(lambda: d.town.currentText() == "梅田")
            d.street.setText("2-2-2")
            d.building.setText("梅田ビル 803")
            d.phone.setText("0612345678")
            d.on_phone_entered()
            d.birth.setText("平成4年9月14日")
        shot(FullRegistrationDialog(session, simple_view), f"full_registration_dialog{suffix}", full_fill)

        def towns_fill(d):
            d.postal.setText("011-0951")
            wait(lambda: d.town.count() == 2)
        shot(FullRegistrationDialog(session, simple_view), f"full_registration_towns{suffix}", towns_fill)

        def enrol_fill(d):
            d.family.setText("小林")
            d.given.setText("芽衣")
            d.family_kana.setText("コバヤシ")
            d.given_kana.setText("メイ")
            d.family_roman.setText("Kobayashi")
            d.email.setText("mei.kobayashi@example.jp")
            d.birth.setText("S60.4.1")
        shot(EnrolDialog(session), f"enrol_dialog_romaji{suffix}", enrol_fill)

        def name_fill(d):
            d.family.setText("高橋")
            d.family_kana.setText("タカハシ")
            d.family_roman.clear()
            d.reason.setText("結婚による改姓（パスポート確認済み）" if lang == "ja" else "marriage; passport shown")
        shot(NameChangeDialog(session, simple_view), f"name_change_dialog{suffix}", name_fill)

        def order_fill(d):
            d.name_order.setCurrentIndex(d.name_order.findData("given_first"))
        shot(SettingsDialog(session), f"settings_dialog{suffix}", order_fill)

    # The card given-name first, and slips in the member's language at an English desk.
    install_language(app, "en")
    settings = config.Settings(property_code="TKO", terminal="FRONT-1", name_order="given_first")
    session = DeskSession(db, settings, worker, db.program, clerk)
    yamada_view = lookup.show(db, sup, yamada.member_number)
    shot(CardDialog(session, yamada_view), "card_dialog_given_first", None, lambda d: d.face is not None)

    def redeem(d):
        codes = [o.code for o in d.model.rows()]
        d.table.selectRow(codes.index("breakfast_adult"))
        d.identity.setChecked(True)
        d.request_review()             # Ctrl+Enter: the one-line review, then Enter posts it
        wait(lambda: d.reviewing)
        d.post_reviewed()
    voucher = RedeemDialog(session, yamada_view)
    shot(voucher, "redeem_dialog_voucher_for_japanese_member", redeem, lambda d: d.completed)
    save(printing.render_slip(*voucher.slip), "voucher_slip_ja")

    def post(d):
        d.folio.setText("F20260615-120")
        d.channel.setCurrentIndex(d.channel.findData("direct"))
        d.charges.set("room", 52_000)
        d.request_review()
        wait(lambda: d.reviewing)
        d.post_reviewed()
    smith_view = lookup.show(db, sup, smith.member_number)
    receipt = StayDialog(session, smith_view)
    shot(receipt, "stay_dialog_posted_for_english_member", post, lambda d: d.completed)
    save(printing.render_slip(*receipt.slip), "receipt_slip_en")

    worker.wait()
    db.dispose()


if __name__ == "__main__":
    main()
