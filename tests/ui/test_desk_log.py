"""The desk's log file, and no password shown in a dialog."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from desk_app import config, logs


@pytest.fixture
def log_file():
    root = logging.getLogger()
    before = list(root.handlers)
    for h in before:
        root.removeHandler(h)
    yield logs.setup_logging("desk-app")
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()
    for h in before:
        root.addHandler(h)


def test_uncaught_exceptions_and_qt_messages_reach_the_log_file(qapp, monkeypatch, log_file):
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    from desk_app.ui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    previous = app.start_logging()
    try:
        try:
            raise ValueError("bad input from hana.sato@example.jp")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        worker = threading.Thread(target=lambda: 1 / 0, name="a-worker")
        worker.start()
        worker.join()
        qWarning("a warning from Qt")
    finally:
        qInstallMessageHandler(previous)
    written = log_file.read_text(encoding="utf-8")
    assert "CRITICAL desk_app: uncaught exception" in written and "ValueError: bad input from <e-mail>" in written
    assert "uncaught exception in thread a-worker" in written and "ZeroDivisionError" in written
    assert "WARNING qt: a warning from Qt" in written
    assert "hana.sato@example.jp" not in written


def test_the_fatal_error_dialog_shows_no_password(qapp, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk_app.ui.app import DeskApp

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "quit", lambda: None)
    monkeypatch.setenv("DESK_APP_DB", "postgresql://desk:s3cr3t-pw@db.hotel.local/harmony")
    DeskApp(config.Settings()).on_fatal(RuntimeError("connection refused"))
    assert "postgresql://desk:***@db.hotel.local/harmony" in shown[0] and "s3cr3t-pw" not in shown[0]


def test_the_setup_dialog_shows_no_password_but_keeps_it(qtbot):
    from desk_app.ui.dialogs.setup_dialog import SetupDialog
    from desk_app.ui.worker import Worker

    url = "postgresql://desk:s3cr3t-pw@db.hotel.local/harmony"
    dialog = SetupDialog(Worker(), url, "FRONT-1")
    qtbot.addWidget(dialog)
    assert dialog.database.text() == "postgresql://desk:***@db.hotel.local/harmony"
    assert dialog.database_url() == url  # unchanged field: the URL as given
    dialog.database.setText("postgresql://desk@other-host/harmony")
    assert dialog.database_url() == "postgresql://desk@other-host/harmony"
