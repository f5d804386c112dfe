"""Starting the desk: find or create the database, sign in, open the window."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from typing import TYPE_CHECKING

from .. import APP_NAME, ORG, __version__, config
from ..db.ready import ready_program
from ..logs import install_exception_hooks, safe_url, setup_logging
from ..domain.program import Program, load_program_file
from ..paths import programs_dir
from . import i18n
from . import messages
from .dialogs.sign_in_dialog import SignInDialog
from .session import DeskSession
from .worker import Worker

if TYPE_CHECKING:
    from ..services.database import Database
    from .main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Probe:
    db: Database
    ready: bool
    program: Program | None
    business_date: date | None = None


def probe(url: str, property_code: str = "") -> Probe:
    """Worker: is there a database with a supervisor already? Also the
    hotel's business date, and the day's first backup if not made yet."""
    from ..services import backups, business_date, clerks
    from ..services.database import Database

    db = Database(url)
    if not db.is_initialized():
        return Probe(db, False, None)
    db.ensure_ready()
    program = db.program
    backups.daily(db)
    day = business_date.current(db, property_code or program.properties[0].code)
    return Probe(db, clerks.count(db) > 0, program, day)


def open_for(session: DeskSession, url: str) -> None:
    """Worker: open the database behind a sign-in window already shown.
    Service calls the window submits queue behind this one."""
    p = probe(url, session.settings.property_code)
    if not p.ready or p.program.code != session.program.code:
        raise RuntimeError(f"{url} changed while the desk was starting; start the desk again.")
    session.db, session.business_date = p.db, p.business_date


class DeskApp(QObject):
    """Takes the desk from start to the signed-in window."""

    sig_window = Signal(object)

    def __init__(self, settings: config.Settings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings or config.load()
        self.worker = Worker(self)
        self.window: MainWindow | None = None
        self.dialog = None

    def start(self) -> None:
        url = self.settings.effective_database_url
        code = ready_program(url)
        if code is not None:  # a desk set up before: the sign-in window at once, the database behind it
            session = DeskSession(None, self.settings, self.worker, load_program_file(programs_dir() / f"{code}.json"))
            self.show_sign_in(session)
            self.worker.submit(open_for, session, url, owner=self, on_failed=self.on_fatal)
            return
        self.worker.submit(probe, url, self.settings.property_code, owner=self, on_done=self.on_probed,
                           on_failed=self.on_fatal)

    def on_probed(self, p: Probe) -> None:
        if not p.ready:
            from .dialogs.setup_dialog import SetupDialog  # a desk's first start only

            self.dialog = SetupDialog(self.worker, self.settings.effective_database_url,
                                      self.settings.effective_terminal)
            self.dialog.sig_done.connect(self.on_set_up)
            self.dialog.rejected.connect(self.on_cancelled)
            self.dialog.show()
            return
        self.show_sign_in(DeskSession(p.db, self.settings, self.worker, p.program, business_date=p.business_date))

    def show_sign_in(self, session: DeskSession) -> None:
        self.dialog = SignInDialog(session)
        self.dialog.sig_done.connect(lambda clerk: self.open_window(session.signed_in(clerk)))
        self.dialog.rejected.connect(self.on_cancelled)
        self.dialog.show()

    def on_cancelled(self) -> None:
        if self.window is None:  # cancelled before the desk opened: nothing to do but leave
            QApplication.quit()

    def on_set_up(self, result) -> None:
        s = self.settings
        s.property_code, s.terminal = result.property_code, result.terminal
        if result.database_url != s.effective_database_url:
            s.database_url = result.database_url
        config.save(s)
        session = DeskSession(result.db, s, self.worker, result.db.program, result.clerk, result.business_date)
        self.open_window(session)

    def open_window(self, session: DeskSession, member_number: str | None = None, query: str = "") -> None:
        """The main window in the signed-in clerk's language (widgets take
        their texts when built, so a new language means a new window)."""
        # The main window and its dialogs are imported once a clerk has signed
        # in, not before the sign-in window shows: it comes up sooner.
        from .main_window import MainWindow

        if session.clerk is not None:
            i18n.install_language(QApplication.instance(), session.clerk.language)
        old, self.window = self.window, MainWindow(session)
        self.window.sig_language_chosen.connect(self.on_language_chosen)
        self.window.sig_clerk_changed.connect(self.on_clerk_changed)
        if old is not None:
            self.window.setGeometry(old.geometry())
            old.sig_language_chosen.disconnect(self.on_language_chosen)
            old.sig_clerk_changed.disconnect(self.on_clerk_changed)
        self.window.show()
        if old is not None:  # closing stops its idle lock; the new window keeps the app running
            old.close()
            old.deleteLater()
        if query:   # the search the clerk had typed stays, in the new language too
            self.window.lookup_input.setText(query)
            self.window.lookup_input.selectAll()
        if member_number:
            self.window.show_member(member_number, query=query or None)
        self.sig_window.emit(self.window)

    def on_language_chosen(self, lang: str) -> None:
        session = self.window.session
        clerk = session.clerk
        if clerk is None:
            return
        # Remembered for the clerk (next sign-in, any desk) and for this desk's first screens.
        from ..services import clerks

        self.worker.submit(clerks.set_language, session.db, session.desk, lang, owner=self)
        self.settings.language = lang
        config.save(self.settings)
        member = self.window.member.member_number if self.window.member is not None else None
        self.open_window(session.signed_in(replace(clerk, language=lang)), member, self.window.lookup_input.text())

    def on_clerk_changed(self, clerk) -> None:
        if i18n.normalize(clerk.language) != i18n.current_language():
            self.open_window(self.window.session)

    def on_fatal(self, exc: BaseException) -> None:
        log.error("the database could not be opened", exc_info=exc)
        QMessageBox.critical(None, APP_NAME, self.tr("The desk cannot open its database.") + "\n\n"
                             + messages.describe(exc) + "\n\n" + safe_url(self.settings.effective_database_url))
        QApplication.quit()


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def _qt_message(kind, _context, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def start_logging():
    """The desk's log file (user log folder, rotating, scrubbed of personal
    data), uncaught exceptions and Qt's own messages into it: the windowed
    build has no console where they would otherwise go. Returns Qt's
    previous message handler."""
    setup_logging("desk-app", console=True)
    install_exception_hooks("desk_app")
    return qInstallMessageHandler(_qt_message)


def run(argv: list[str] | None = None) -> int:
    start_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG)
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(True)
    settings = config.load()
    # Setup and sign-in speak the language this desk last used.
    i18n.install_language(app, settings.language)
    desk = DeskApp(settings)
    desk.start()
    code = app.exec()
    desk.worker.wait()
    return code
