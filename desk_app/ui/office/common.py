"""What the office's windows share: choosing a file to save, a day, a
hotel, and long work on the worker that reports progress and can be asked
to stop."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QObject, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QFileDialog, QWidget

from ..i18n import program_text  # noqa: F401  (re-exported for the office windows)


def _t(text: str) -> str:
    return QCoreApplication.translate("OfficeCommon", text)


def ask_save_path(parent: QWidget | None, title: str, suggested: str, kind: str) -> Path | None:
    """The system's save dialog for a CSV or PDF file; None when the clerk
    cancels. Tests replace this."""
    filters = {"csv": _t("CSV files (*.csv)"), "pdf": _t("PDF files (*.pdf)")}
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters[kind])
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == f".{kind}" else path.with_name(path.name + f".{kind}")


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def day_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy/MM/dd")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setMaximumDate(QDate(2099, 12, 31))
    return edit


def property_combo(program, current: str | None, *, everyone: bool, name: str) -> QComboBox:
    """The program's hotels by name; 'All hotels' first when `everyone`."""
    combo = QComboBox()
    combo.setObjectName(name)
    if everyone:
        combo.addItem(_t("All hotels"), None)
    for prop in program.properties:
        combo.addItem(f"{prop.name} ({prop.code})", prop.code)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo


class Progress(QObject):
    """Reports from the worker thread arrive in the GUI thread as
    sig_progress(step, done, total); the GUI asks the work to stop with
    cancel(), which the work sees at its next safe point (cancelled())."""

    sig_progress = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._stop = threading.Event()

    def report(self, step: str, done: int, total: int) -> None:
        self.sig_progress.emit(step, int(done), int(total))

    def cancel(self) -> None:
        self._stop.set()

    def cancelled(self) -> bool:
        return self._stop.is_set()


def run_cancel_close(dialog, start_text: str, cancel_text: str, cancel_name: str, cancel_tip: str) -> None:
    """The buttons of a long office run (the night audit, an import): start
    (the default), cancel safely (enabled while it runs) and close, wired to
    the dialog's start(), cancel() and reject(); with its refusal label."""
    from ..widgets import ErrorLabel

    dialog.error = ErrorLabel(dialog)
    dialog.buttons = QDialogButtonBox()
    dialog.start_button = dialog.buttons.addButton(start_text, QDialogButtonBox.ButtonRole.AcceptRole)
    dialog.start_button.setObjectName("startButton")
    dialog.start_button.setDefault(True)
    dialog.cancel_button = dialog.buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.ActionRole)
    dialog.cancel_button.setObjectName(cancel_name)
    dialog.cancel_button.setToolTip(cancel_tip)
    dialog.cancel_button.setEnabled(False)
    dialog.close_button = dialog.buttons.addButton(QDialogButtonBox.StandardButton.Close)
    dialog.close_button.setObjectName("closeButton")
    dialog.start_button.clicked.connect(dialog.start)
    dialog.cancel_button.clicked.connect(dialog.cancel)
    dialog.close_button.clicked.connect(dialog.reject)
