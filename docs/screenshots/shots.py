"""What the screenshot scripts share: an offscreen desk on a throw-away
user data folder, waiting for the worker, and saving what is shown.

Imported by every make_screenshots*.py (make_all.py runs them all). The
pictures come out the same byte for byte on every run, so a change to a
committed PNG is a change to the desk:

- the hotel's business date (BUSINESS_DATE: every script's database starts
  on it), the environment and Qt's platform are fixed here;
- the data folder has a fixed path (it shows in the setup window);
- member numbers, card secrets, voucher numbers and transaction ids come
  from a seeded generator instead of the system's, and the ledger's clock
  ticks from a fixed moment;
- the text cursor does not blink, and every window is saved only once
  the worker is idle and no preview is pending.

A script added here inherits all of it by importing this module first and
calling throwaway_user_data()."""

from __future__ import annotations

import os
import random
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

# A 1366x768 desk screen (the smallest common one); QT_SCALE_FACTOR=1.5 makes it
# 911x512 logical pixels, as a 150% desk sees it. The windows fit it as on a desk.
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(Path(__file__).resolve().parent / "screen_1366x768.json")
BUSINESS_DATE = date(2026, 6, 15)
for _var in ("DESK_APP_DB", "DESK_APP_PROPERTY", "DESK_APP_BUSINESS_DATE", "DESK_APP_CARD_KEY",
             "QT_SCALE_FACTOR_ROUNDING_POLICY"):
    os.environ.pop(_var, None)
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
# Where the throw-away data lives: one fixed place (its path is in a picture).
SHOTS_ROOT = Path("/tmp" if os.name == "posix" else tempfile.gettempdir()) / "harmony-desk-screenshots"
SEED = 20260615
CLOCK_START = datetime(2026, 6, 15, 9, 0, 0)

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402


def _seeded_randomness() -> None:
    """The system's randomness, made repeatable for this process only."""
    rng = random.Random(SEED)
    secrets.choice = rng.choice
    secrets.randbelow = rng.randrange
    secrets.token_bytes = lambda n=32: rng.randbytes(n)
    secrets.token_hex = lambda n=32: rng.randbytes(n).hex()
    uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)


_seeded_randomness()


def _fixed_clock() -> None:
    """The ledger's created-at times tick one second per entry from a fixed moment."""
    from desk_app.services import ledger

    ticks = iter(range(10**9))
    ledger.now = lambda: CLOCK_START + timedelta(seconds=next(ticks))


def throwaway_user_data(prefix: str) -> Path:
    """Point the desk's data and cache folders at a fixed, emptied folder,
    so nothing touches the user's own desk; make the run repeatable."""
    import platformdirs

    tmp = SHOTS_ROOT / prefix.strip("-")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    platformdirs.user_data_dir = lambda *a, **k: str(tmp)
    platformdirs.user_cache_dir = lambda *a, **k: str(tmp / "cache")
    platformdirs.user_log_dir = lambda *a, **k: str(tmp / "logs")
    _fixed_clock()
    QGuiApplication.styleHints().setCursorFlashTime(0)  # a steady cursor, not half of one
    return tmp


def wait(cond: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        QCoreApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() > end:
            raise TimeoutError("the desk did not answer in time")
    for _ in range(5):
        QCoreApplication.processEvents()


def settle(widget) -> None:
    """Wait until nothing the widget started is still on its way: its
    worker idle and no preview timer pending (twice, as one answer may
    start the next)."""
    worker = getattr(widget, "worker", None) or getattr(getattr(widget, "session", None), "worker", None)
    for _ in range(2):
        # Short single-shot timers only: a window's idle lock is a timer too.
        timers = [t for t in widget.findChildren(QTimer) if t.isActive() and t.isSingleShot() and t.interval() <= 2000]
        wait(lambda: not any(t.isActive() for t in timers) and not (worker is not None and worker.busy))


def save_png(widget_or_image, filename: str) -> None:
    QCoreApplication.processEvents()
    if hasattr(widget_or_image, "grab"):
        settle(widget_or_image)
    path = HERE / filename
    image = widget_or_image.grab() if hasattr(widget_or_image, "grab") else widget_or_image
    image.save(str(path))
    print(path.relative_to(HERE.parent.parent))


def shot(dialog, name: str, save: Callable, prepare=None, ready=None) -> None:
    """Show a dialog, fill it in, wait for the worker, save it, close it."""
    dialog.show()
    if prepare:
        prepare(dialog)
    if ready:
        wait(lambda: ready(dialog))
    dialog.adjustSize()
    save(dialog, name)
    dialog.close()
    dialog.deleteLater()
