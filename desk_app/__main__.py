"""`python -m desk_app` and the `desk-app` entry point: start the desk."""

from __future__ import annotations

import sys


def main() -> int:
    if "--smoke-test" in sys.argv:  # sign in, show the main window, quit (see ui/smoke.py)
        from .ui.smoke import run_smoke

        return run_smoke(sys.argv)
    from .ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
