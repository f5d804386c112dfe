"""`desk-app --smoke-test`: start the desk as a clerk would, sign in with
DESK_APP_SMOKE_LOGIN / DESK_APP_SMOKE_PASSWORD, wait for the main window,
optionally save a screenshot (DESK_APP_SMOKE_SCREENSHOT), and quit cleanly.
Used by the frozen-bundle test; it goes through the real start-up path."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from .. import APP_NAME, ORG


class FirstWindow(QObject):
    """Prints one line when the first top-level window is shown, so the test
    can time a cold start from process launch to the first window."""

    def __init__(self, started: float):
        super().__init__()
        self.started, self.seen = started, False

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if not self.seen and event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            self.seen = True
            # CPU time since the process began (all threads): on a busy build
            # machine it says more than the wall clock.
            print(f"first window shown: {type(obj).__name__} after {time.perf_counter() - self.started:.2f} s, "
                  f"{time.process_time():.2f} s of CPU", flush=True)
        return False


def run_smoke(argv: list[str]) -> int:
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG)
    from .app import DeskApp, start_logging
    from .dialogs.sign_in_dialog import SignInDialog

    start_logging()

    first = FirstWindow(started)
    app.installEventFilter(first)
    desk = DeskApp()
    outcome = {"code": 1}
    login, password = os.environ.get("DESK_APP_SMOKE_LOGIN", ""), os.environ.get("DESK_APP_SMOKE_PASSWORD", "")
    shot = os.environ.get("DESK_APP_SMOKE_SCREENSHOT")

    def sign_in() -> None:
        dialog = desk.dialog
        if isinstance(dialog, SignInDialog) and dialog.isVisible() and desk.window is None:
            dialog.login.setText(login)
            dialog.password.setText(password)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            return
        if desk.window is None:
            QTimer.singleShot(50, sign_in)

    def on_window(window) -> None:
        def done() -> None:
            if shot:
                window.grab().save(shot)
            find = window.actions_by_name["actionFind"].text()
            print(f"main window shown: {window.windowTitle()} [{find}] in {time.perf_counter() - started:.2f} s",
                  flush=True)
            outcome["code"] = 0
            window.close()
            app.quit()

        QTimer.singleShot(300, done)

    desk.sig_window.connect(on_window)
    # Never hang a build machine: give up (exit 1) if no main window by then.
    QTimer.singleShot(int(os.environ.get("DESK_APP_SMOKE_TIMEOUT_MS", "60000")), app.quit)
    desk.start()
    QTimer.singleShot(50, sign_in)
    app.exec()
    desk.worker.wait()
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(run_smoke(sys.argv))
