"""Frozen entry point of the desk-admin console executable."""

import sys

from desk_app.cli import main

sys.exit(main())
