"""Keeps the desk on the hotel's business date, which lives in the
database (services.business_date): read on the worker every few minutes,
since the night audit may roll it while the desk is open, and again when
someone signs in or the desk's hotel changes."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from ..services import business_date

REFRESH_MS = 5 * 60_000
log = logging.getLogger(__name__)


class BusinessDayWatcher(QObject):
    """Child of the window whose `session` it keeps up to date (reached
    through parent(), so no Python reference keeps a closed window alive)."""

    sig_changed = Signal(object)  # the new business date

    def __init__(self, window: QObject):
        super().__init__(window)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        s = self.parent().session
        s.worker.submit(business_date.current, s.db, s.property_code, owner=self, on_done=self.on_read,
                        on_failed=lambda exc: log.warning("business date not read: %s", exc))

    def on_read(self, day) -> None:
        s = self.parent().session
        if day != s.business_date:
            s.business_date = day
            self.sig_changed.emit(day)

    def stop(self) -> None:
        self.timer.stop()
