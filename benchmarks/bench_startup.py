"""Start-up times: `desk-admin` for a short command beside `python -c
"import sqlalchemy.orm"`, and the desk from `python -m desk_app` to its
sign-in window (offscreen), each the median of RUNS fresh processes.

    DESK_APP_DB=sqlite:///path/to/desk.sqlite3 DESK_APP_CLERK=... DESK_APP_PASSWORD=... \\
        python benchmarks/bench_startup.py [RUNS]

The desk's time is measured from the process start to the moment the
sign-in window is shown (a probe started with `-c`, see SHOWN below)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs the desk as `python -m desk_app` does, and exits as soon as a sign-in
# window is visible, printing nothing else.
SHOWN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
def watch():
    from desk_app.ui.dialogs.sign_in_dialog import SignInDialog
    for w in QApplication.topLevelWidgets():
        if isinstance(w, SignInDialog) and w.isVisible():
            print("shown", flush=True)
            import os; os._exit(0)
    QTimer.singleShot(5, watch)
QTimer.singleShot(0, watch)
from desk_app.ui.app import run
sys.exit(run(["desk-app"]))
"""


def median_seconds(cmd: list[str], runs: int, env: dict | None = None) -> float:
    xs = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        xs.append(time.perf_counter() - t)
    return statistics.median(xs)


def measure(runs: int = 5) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    py = sys.executable
    out = {"python -c 'import sqlalchemy.orm'": median_seconds([py, "-c", "import sqlalchemy.orm"], runs, env),
           "desk-admin --version": median_seconds([py, "-m", "desk_app.cli", "--version"], runs, env)}
    if env.get("DESK_APP_DB") and env.get("DESK_APP_CLERK"):
        out["desk-admin business-date (signs in)"] = median_seconds([py, "-m", "desk_app.cli", "business-date"],
                                                                    runs, env)
    out["desk to its sign-in window"] = median_seconds([py, "-c", SHOWN], runs, env)
    return out


if __name__ == "__main__":
    for name, seconds in measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5).items():
        print(f"{name}: {seconds * 1000:.0f} ms")
