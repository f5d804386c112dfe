"""`python -m desk_app` and the `desk-app` entry point: start the desk."""

from __future__ import annotations

import sys


def main() -> int:
    from .ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
