"""The documents in docs/ keep up with the code: every desk-admin command
and error code is in the reference, and nothing in the repository points at
files outside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = (ROOT / "docs" / "desk-admin.md").read_text(encoding="utf-8")


def test_every_desk_admin_command_is_in_the_reference():
    import argparse

    from desk_app.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    missing = [c for c in commands if not re.search(rf"^`{re.escape(c)}( |`)", REFERENCE, re.MULTILINE)]
    assert missing == []


def test_every_error_code_is_in_the_reference():
    from desk_app.domain import errors

    codes = {cls.code for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.DeskError)}
    assert codes and [c for c in sorted(codes) if f"| `{c}` |" not in REFERENCE] == []


def test_the_readme_links_the_documents():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for doc in ("docs/desk-admin.md", "docs/program-rules.md", "docs/INSTALLING.md"):
        assert f"]({doc})" in readme and (ROOT / doc).is_file(), doc


def test_nothing_points_outside_the_repository():
    files = subprocess.run(["git", "ls-files", "README.md", "docs", "desk_app", "tests", "installer", ".ci"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    offending = []
    for name in files:
        path = ROOT / name
        if path.suffix in (".png", ".otf", ".ico", ".sqlite3") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if re.search(r"\.\./shared|/work/shared|PROGRAM_RULES\.md|ADMIN_CLI\.md", text) and path != Path(__file__):
            offending.append(name)
    assert offending == []
