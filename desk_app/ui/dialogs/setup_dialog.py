"""First start: create the database, choose the program, the hotel and the
terminal, make the first supervisor, and optionally load demo data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QSpinBox, QWidget)

from ...logs import safe_url
from ...services import business_date as business_dates, clerks, demo
from ...services.context import Desk
from ...services.database import PROGRAMS, Database, load_program
from ..base_dialog import FormDialog
from ..worker import Worker

DEFAULT_DEMO_MEMBERS = 300


@dataclass(frozen=True)
class SetupResult:
    db: Database
    clerk: clerks.ClerkView
    database_url: str
    property_code: str
    terminal: str
    demo_members: int
    business_date: date


def set_up(url: str, program_code: str, property_code: str, terminal: str, login: str, name: str,
           password: str, demo_members: int, progress=None) -> SetupResult:
    """Runs on the worker: every step is a service call."""
    db = Database(url)
    program, _version = db.initialize(program_code)
    program.property(property_code)
    clerk = clerks.create(db, None, login, name, "supervisor", password)
    day = business_dates.current(db, property_code)
    made = 0
    if demo_members:
        desk = Desk(day, property_code, login, terminal, "supervisor")
        made = demo.generate(db, desk, demo_members, progress=progress)
    return SetupResult(db, clerk, url, property_code, terminal, made, day)


class SetupDialog(FormDialog):
    # Emitted from the worker thread; Qt queues it to the dialog's thread.
    sig_progress = Signal(int, int)

    def __init__(self, worker: Worker, database_url: str, terminal: str, parent: QWidget | None = None,
                 url_editable: bool = True):
        super().__init__(None, parent, ok_text=self.tr("Create the desk"), worker=worker)
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("Set up Harmony Desk"))
        intro = QLabel(self.tr("Welcome. This creates the database for this desk and the first supervisor "
                               "account. You can load demo data to try every screen at once."))
        intro.setWordWrap(True)

        where = QGroupBox(self.tr("Database and desk"))
        f1 = QFormLayout(where)
        # A password in the URL (DESK_APP_DB) is never shown: the field shows
        # ***, and an unchanged field means the URL as given.
        self.given_url = database_url
        self.database = QLineEdit(safe_url(database_url))
        self.database.setObjectName("databaseInput")
        self.database.setReadOnly(not url_editable)
        self.database.setCursorPosition(0)   # the start of a long URL ("sqlite:///…"), not its tail
        self.database.setMinimumWidth(360)
        self.database.setToolTip(self.tr("An embedded SQLite file in your data folder, or a PostgreSQL URL."))
        self.program = QComboBox()
        self.program.setObjectName("programInput")
        for code in PROGRAMS:
            self.program.addItem(load_program(code).name, code)
        self.property = QComboBox()
        self.property.setObjectName("propertyInput")
        self.terminal = QLineEdit(terminal)
        self.terminal.setObjectName("terminalInput")
        self.terminal.setMaxLength(64)
        f1.addRow(self.tr("Data&base"), self.database)
        f1.addRow(self.tr("P&rogram"), self.program)
        f1.addRow(self.tr("&Hotel"), self.property)
        f1.addRow(self.tr("&Terminal code"), self.terminal)

        who = QGroupBox(self.tr("First supervisor"))
        f2 = QFormLayout(who)
        self.login = QLineEdit()
        self.login.setObjectName("loginInput")
        self.login.setMaxLength(32)
        self.login.setPlaceholderText(self.tr("e.g. sato.h"))
        self.name = QLineEdit()
        self.name.setObjectName("nameInput")
        self.password = QLineEdit()
        self.password.setObjectName("passwordInput")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmInput")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        f2.addRow(self.tr("Clerk &ID"), self.login)
        f2.addRow(self.tr("&Name"), self.name)
        f2.addRow(self.tr("&Password"), self.password)
        f2.addRow(self.tr("&Confirm password"), self.confirm)

        demo_row = QWidget()
        h = QHBoxLayout(demo_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.demo = QCheckBox(self.tr("Load &demo data:"))
        self.demo.setObjectName("demoCheck")
        self.demo.setChecked(True)
        self.demo_count = QSpinBox()
        self.demo_count.setObjectName("demoCount")
        self.demo_count.setRange(1, 5000)
        self.demo_count.setValue(DEFAULT_DEMO_MEMBERS)
        self.demo_count.setSuffix(self.tr(" fictional members with history"))
        self.demo.toggled.connect(self.demo_count.setEnabled)
        h.addWidget(self.demo)
        h.addWidget(self.demo_count)
        h.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        self.progress.setFormat(self.tr("Demo members: %v of %m"))
        self.progress.hide()
        self.sig_progress.connect(self.on_progress)

        self.program.currentIndexChanged.connect(self.on_program_changed)
        self.on_program_changed()
        self.finish_layout(intro, where, who, demo_row, self.progress)
        self.setMinimumWidth(560)
        self.first_field = self.login

    def on_program_changed(self) -> None:
        program = load_program(self.program.currentData())
        self.property.clear()
        for prop in program.properties:
            self.property.addItem(f"{prop.name} ({prop.code})", prop.code)

    def on_confirm(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.show_message(self.tr("The two passwords are not the same. Type them again."))
            self.confirm.clear()
            self.confirm.setFocus()
            return
        if not self.terminal.text().strip():
            self.error.show_message(self.tr("Give this terminal a short code, such as FRONT-1."))
            self.terminal.setFocus()
            return
        self.ok_button.setText(self.tr("Creating…"))
        demo_members = self.demo_count.value() if self.demo.isChecked() else 0
        if demo_members:
            self.progress.setRange(0, demo_members)
            self.progress.setValue(0)
            self.progress.show()
        self.run(set_up, self.database_url(), self.program.currentData(), self.property.currentData(),
                 self.terminal.text().strip(), self.login.text().strip(), self.name.text().strip(),
                 self.password.text(), demo_members, self.sig_progress.emit,
                 on_done=lambda _r: self.accept())

    def database_url(self) -> str:
        typed = self.database.text().strip()
        return self.given_url if typed == safe_url(self.given_url) else typed

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def on_refused(self, exc: BaseException) -> None:
        self.ok_button.setText(self.tr("Create the desk"))
        self.progress.hide()
        super().on_refused(exc)
