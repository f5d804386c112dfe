"""Frozen entry point of the windowed desk application."""

import sys

from desk_app.__main__ import main

sys.exit(main())
