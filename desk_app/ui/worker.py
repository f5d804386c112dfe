"""The one worker that talks to the database.

The GUI thread only draws: every service call is submitted here, runs on a
QThreadPool with a single thread (so calls are serialized, as in Anki's
collection operations), and its outcome comes back by signal to the GUI
thread. A callback whose owner widget was closed in the meantime is dropped.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Task(QObject):
    """One submitted call. Lives in the GUI thread; its signals are emitted
    from the worker thread and delivered queued."""

    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, owner: QObject | None, on_done: Callable | None, on_failed: Callable | None,
                 on_settled: Callable | None = None):
        super().__init__()
        self._on_settled = on_settled
        self._owner = owner
        self._on_done = on_done
        self._on_failed = on_failed
        self.finished = False
        self.sig_done.connect(self.on_done)
        self.sig_failed.connect(self.on_failed)

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def _settle(self) -> None:
        self.finished = True
        if self._on_settled is not None:
            self._on_settled(self)

    @Slot(object)
    def on_done(self, result: Any) -> None:
        self._settle()
        if self._on_done is not None and self._owner_alive():
            self._on_done(result)

    @Slot(object)
    def on_failed(self, exc: BaseException) -> None:
        self._settle()
        if not self._owner_alive():
            return
        if self._on_failed is not None:
            self._on_failed(exc)
        else:
            log.error("unhandled failure in background task", exc_info=exc)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable, args: tuple, kwargs: dict):
        super().__init__()
        self.setAutoDelete(True)
        self.task, self.fn, self.args, self.kwargs = task, fn, args, kwargs

    def run(self) -> None:
        try:
            result = _call(self.fn, self.args, self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            if not isinstance(exc, Exception):
                raise
            if not _is_refusal(exc):
                log.exception("background task failed")
            self.task.sig_failed.emit(exc)
        else:
            self.task.sig_done.emit(result)


def _call(fn: Callable, args: tuple, kwargs: dict) -> Any:
    """A service function is whole transactions: after a deadlock or a
    locked database (nothing kept) it runs again, bounded, as desk-admin
    does (services.database.retrying); anything else runs once."""
    if not getattr(fn, "__module__", "").startswith("desk_app.services."):
        return fn(*args, **kwargs)
    from ..services.database import retrying

    return retrying(lambda: fn(*args, **kwargs))


def _is_refusal(exc: BaseException) -> bool:
    from ..domain.errors import DeskError

    return isinstance(exc, DeskError)


class Worker(QObject):
    """Serializes database work on one background thread."""

    sig_busy = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._pending: set[Task] = set()

    def submit(self, fn: Callable, *args, owner: QObject | None = None, on_done: Callable | None = None,
               on_failed: Callable | None = None, **kwargs) -> Task:
        task = Task(owner, on_done, on_failed, self._forget)
        self._pending.add(task)
        if len(self._pending) == 1:
            self.sig_busy.emit(True)
        self.pool.start(_Runnable(task, fn, args, kwargs))
        return task

    def _forget(self, task: Task) -> None:
        self._pending.discard(task)
        if not self._pending:
            self.sig_busy.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
