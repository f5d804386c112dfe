"""Render every screenshot in docs/screenshots/ again, the same way each
time: `python docs/screenshots/make_all.py`.

Runs each make_screenshots*.py in a process of its own (one QApplication
each) on a 1366x768 screen, at 100% and, for make_screenshots.py and
make_screenshots_ja.py, at 150% too. Needs a CJK font
for the Japanese windows (apt-get install fonts-noto-cjk). Two runs give
byte-identical PNGs (shots.py says how)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Every picture on a 1366x768 screen (shots.py); these at 150% scaling too.
SCALED = {"make_screenshots.py": ("1", "1.5"), "make_screenshots_ja.py": ("1", "1.5")}


def main() -> int:
    for script in sorted(HERE.glob("make_screenshots*.py")):
        for scale in SCALED.get(script.name, ("1",)):
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
            print(f"+ {script.name} at {float(scale):.0%}", flush=True)
            subprocess.run([sys.executable, str(script)], env=env, check=True, cwd=HERE.parent.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
