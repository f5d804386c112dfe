"""Frozen entry point of the windowed desk application."""

import sys

if "--smoke-test" in sys.argv:
    from desk_app.ui.smoke import run_smoke

    sys.exit(run_smoke(sys.argv))

from desk_app.__main__ import main

sys.exit(main())
