"""What the screenshot scripts share: an offscreen desk on a throw-away
user data folder, waiting for the worker, and saving what is shown.

Imported by make_screenshots.py, make_screenshots_ja.py and
make_screenshots_forms.py, which set the file names. Their databases start
the hotel's business date on BUSINESS_DATE (the desk reads it from the
database)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BUSINESS_DATE = date(2026, 6, 15)
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from PySide6.QtCore import QCoreApplication  # noqa: E402


def throwaway_user_data(prefix: str) -> Path:
    """Point the desk's data and cache folders at a temporary folder, so
    nothing touches the user's own desk."""
    import platformdirs

    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    platformdirs.user_data_dir = lambda *a, **k: str(tmp)
    platformdirs.user_cache_dir = lambda *a, **k: str(tmp / "cache")
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


def save_png(widget_or_image, filename: str) -> None:
    QCoreApplication.processEvents()
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
