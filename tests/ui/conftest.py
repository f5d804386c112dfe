"""UI tests: Qt offscreen, user data in a temporary folder, a real SQLite
database per test filled through the services."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported anywhere

from datetime import date  # noqa: E402

import pytest  # noqa: E402

BUSINESS_DATE = date(2026, 6, 15)
PASSWORD = "password1"


@pytest.fixture(autouse=True)
def desk_env(tmp_path, monkeypatch):
    """Every test gets its own user data folder. (The business date is the
    hotel's, in the database: BUSINESS_DATE in the template.)"""
    import platformdirs

    data = tmp_path / "userdata"
    data.mkdir()
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(data))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    for var in ("DESK_APP_DB", "DESK_APP_PROPERTY", "DESK_APP_BUSINESS_DATE", "DESK_APP_CARD_KEY"):
        monkeypatch.delenv(var, raising=False)
    return data


@pytest.fixture
def language(qapp, tmp_path, monkeypatch):
    """install_language with the compiled catalogue in a temporary cache;
    English again (and the previous default locale) afterwards."""
    import platformdirs
    from PySide6.QtCore import QLocale

    from desk_app.ui import i18n

    cache = tmp_path / "cache"
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *a, **k: str(cache))
    before = QLocale()

    def install(lang: str):
        return i18n.install_language(qapp, lang)

    yield install
    i18n.install_language(qapp, "en")
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _no_quit_between_tests(qapp):
    """Closing a test's last window must not end the application."""
    qapp.setQuitOnLastWindowClosed(False)


def office(role: str = "supervisor", day: date = BUSINESS_DATE, clerk: str = "super"):
    from desk_app.services.context import Desk

    return Desk(day, "TKO", clerk, "TEST", role)


def _fill(database) -> dict[str, str]:
    """Staff (supervisor, clerk, cashier) and two members:
    Yamada (full registration, a 2026 stay, a card) and Sato (simple)."""
    from desk_app.services import cards, clerks, posting, registration

    clerks.create(database, None, "super", "Sachiko Supervisor", "supervisor", PASSWORD)
    clerks.create(database, office(), "clerk1", "Kenta Clerk", "clerk", PASSWORD)
    clerks.create(database, office(), "cash1", "Cathy Cashier", "cashier", PASSWORD)
    enrol = office(day=date(2025, 1, 10))
    yamada = registration.register(database, enrol, registration.Enrolment(
        "Yamada", "Taro", "taro.yamada@example.jp", "ヤマダ", "タロウ", birth_date=date(1980, 6, 2)))
    registration.complete_registration(database, enrol, yamada.member_number, postal_code="100-0005",
                                       address="Tokyo, Chiyoda-ku, Marunouchi 1-1-1", country="JP",
                                       phone="090-1234-5678")
    cards.issue(database, enrol, yamada.member_number)
    posting.post_stay(database, office(day=date(2026, 3, 5)), yamada.member_number, posting.StayFolio(
        "F1001", date(2026, 3, 1), date(2026, 3, 5), "official_website", {"room": 400_000, "tax": 40_000}))
    sato = registration.register(database, office(day=date(2026, 5, 1)), registration.Enrolment(
        "Sato", "Hana", "hana.sato@example.com", "サトウ", "ハナ"))
    return {"yamada": yamada.member_number, "sato": sato.member_number}


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    """Built once per test process (argon2 hashing is slow on purpose);
    every test gets its own copy of the file and of its card key. The
    hotel's business date starts on BUSINESS_DATE."""
    import platformdirs

    from desk_app.services.database import Database

    folder = tmp_path_factory.mktemp("template")
    path = folder / "desk.sqlite3"
    with pytest.MonkeyPatch.context() as mp:  # built before any test's own data folder exists
        mp.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(folder / "userdata"))
        database = Database(f"sqlite:///{path.as_posix()}")
        database.initialize("one_harmony", business_date=BUSINESS_DATE)
        numbers = _fill(database)
        database.dispose()
    return path, numbers


@pytest.fixture
def staff(template, tmp_path):
    """A real SQLite database of its own: the staff and the two members."""
    import shutil

    from desk_app.paths import data_dir
    from desk_app.services.database import Database

    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template[0], path)
    shutil.copytree(template[0].parent / "userdata" / "card-keys", data_dir() / "card-keys", dirs_exist_ok=True)
    database = Database(f"sqlite:///{path.as_posix()}")
    yield database
    database.dispose()


@pytest.fixture
def members(staff, template):
    return dict(template[1])


def session_for(db, login: str, prop: str = "TKO"):
    from desk_app import config
    from desk_app.services import clerks
    from desk_app.ui.session import DeskSession
    from desk_app.ui.worker import Worker

    from desk_app.services import business_date

    clerk = clerks.authenticate(db, login, PASSWORD)
    settings = config.Settings(property_code=prop, terminal="FRONT-1", idle_lock_minutes=10)
    return DeskSession(db, settings, Worker(), db.program, clerk, business_date.current(db, prop))


@pytest.fixture
def window_for(qtbot, staff):
    """window_for("clerk1") -> a signed-in, shown main window."""
    from desk_app.ui.main_window import MainWindow

    made = []

    def make(login: str = "clerk1", prop: str = "TKO"):
        session = session_for(staff, login, prop)
        win = MainWindow(session)
        qtbot.addWidget(win)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)  # (waitActive only waits in a with-block)
        qtbot.waitUntil(win.lookup_input.hasFocus)
        made.append(win)
        return win

    yield make
    for win in made:
        win.session.worker.wait()


def open_member(qtbot, win, query: str):
    """Type the query like a clerk and press Enter; wait for the member page."""
    from PySide6.QtCore import Qt

    win.lookup_input.setFocus()
    win.lookup_input.selectAll()  # as F2 leaves it: typing replaces the last search
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        qtbot.keyClicks(win.lookup_input, query)
        qtbot.keyClick(win.lookup_input, Qt.Key.Key_Return)
    return win.member


def wait_dialog(qtbot, win, cls):
    import shiboken6

    def shown():
        d = win.dialog
        return isinstance(d, cls) and shiboken6.isValid(d) and d.isVisible()

    qtbot.waitUntil(shown, timeout=5000)
    dialog = win.dialog
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    if getattr(dialog, "first_field", None) is not None:
        qtbot.waitUntil(dialog.first_field.hasFocus)
    return dialog


def confirm(qtbot, dialog, widget=None):
    """Press Enter in the dialog (as a clerk would) and wait for the answer."""
    from PySide6.QtCore import Qt

    target = widget or dialog.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)


def ime_commit(widget, text: str) -> None:
    """What an input method sends when the clerk confirms kana."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """The print dialog answers with a PDF file instead of a printer."""
    from PySide6.QtPrintSupport import QPrinter

    from desk_app.ui import printing

    out = tmp_path / "slip.pdf"

    def fake(parent, page_mm, title):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "ask_printer", fake)
    return out


def make_member(db, family: str, given: str, email: str, family_kana: str, given_kana: str, *,
                full: bool = False, bill_yen: int = 0, card: bool = False) -> str:
    """A member made through the services; a Basic member's restaurant bill
    earns 1 point per 100 yen (10 per 1,000)."""
    from desk_app.services import cards, posting, registration

    enrol = office(day=date(2026, 5, 1))
    number = registration.register(db, enrol, registration.Enrolment(
        family, given, email, family_kana, given_kana, birth_date=date(1990, 1, 15))).member_number
    if full:
        registration.complete_registration(db, enrol, number, postal_code="100-0005",
                                           address="Tokyo, Chiyoda-ku, Marunouchi 2-2-2", country="JP",
                                           phone="090-2222-3333")
    if bill_yen:
        posting.post_bill(db, office(day=date(2026, 6, 1)), number, posting.Bill(
            f"C-{number[-6:]}", date(2026, 6, 1), {"fnb": bill_yen}))
    if card:
        cards.issue(db, enrol, number)
    return number


def focused():
    """The widget a clerk's keystrokes go to right now."""
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def scan(qtbot, payload: str) -> None:
    """What a USB scanner does: the payload and Enter, keystrokes a few ms
    apart, into whatever has focus — a keyboard, so Shift goes down and up
    around every capital and colon, as X11 delivers it."""
    from PySide6.QtCore import Qt

    shift = Qt.KeyboardModifier.ShiftModifier
    for ch in payload:
        if ch.isupper() or ch == ":":
            qtbot.keyPress(focused(), Qt.Key.Key_Shift, shift)
            qtbot.keyClick(focused(), ch, shift)
            qtbot.keyRelease(focused(), Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(focused(), ch)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def click_row(qtbot, view, row: int) -> None:
    """A mouse click on a row of a table, as the clerk does."""
    from PySide6.QtCore import Qt

    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def review_and_post(qtbot, dialog):
    """Ctrl+Enter opens the one-line review, Enter posts it; wait for the answer."""
    from PySide6.QtCore import Qt

    def target():
        widget = focused()
        if widget is None or widget.window() is not dialog:  # a dialog shown on its own, not yet active
            widget = dialog.focusWidget() or dialog
        return widget

    qtbot.keyClick(target(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.reviewing or dialog.error.isVisible(), timeout=10000)
    if dialog.reviewing:
        qtbot.keyClick(target(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
