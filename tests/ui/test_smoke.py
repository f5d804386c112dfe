"""`desk-app --smoke-test`, the same start-up check the frozen bundle runs."""

import os
import subprocess
import sys

from desk_app import cli
from tests.conftest import init_cli


def test_smoke_test_signs_in_and_shows_the_main_window(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'smoke.sqlite3'}"
    monkeypatch.setenv("DESK_APP_DB", url)
    assert init_cli(monkeypatch) == 0
    monkeypatch.setenv("DESK_APP_NEW_PASSWORD", "smoke-test-pass")
    assert cli.main(["add-clerk", "smoke", "--name", "Smoke", "--role", "supervisor"]) == 0
    capsys.readouterr()
    shot = tmp_path / "main.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path), HOME=str(tmp_path),
               XDG_STATE_HOME=str(tmp_path / "state"), DESK_APP_DB=url, DESK_APP_SMOKE_LOGIN="smoke",
               DESK_APP_SMOKE_PASSWORD="smoke-test-pass", DESK_APP_SMOKE_SCREENSHOT=str(shot))
    out = subprocess.run([sys.executable, "-m", "desk_app", "--smoke-test"], env=env, capture_output=True,
                         text=True, timeout=90)
    assert out.returncode == 0, out.stderr
    assert "first window shown: SignInDialog" in out.stdout and "main window shown" in out.stdout
    assert shot.stat().st_size > 5000
    # The desk keeps its log file in the user log folder (a windowed build has no console).
    assert [p.name for p in (tmp_path / "state").rglob("*.log")] == ["desk-app.log"]


def test_smoke_test_fails_with_a_wrong_password(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'smoke.sqlite3'}"
    monkeypatch.setenv("DESK_APP_DB", url)
    init_cli(monkeypatch)
    monkeypatch.setenv("DESK_APP_NEW_PASSWORD", "smoke-test-pass")
    cli.main(["add-clerk", "smoke", "--name", "Smoke", "--role", "supervisor"])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path), HOME=str(tmp_path),
               DESK_APP_DB=url, DESK_APP_SMOKE_LOGIN="smoke", DESK_APP_SMOKE_PASSWORD="wrong-password",
               DESK_APP_SMOKE_TIMEOUT_MS="4000")
    out = subprocess.run([sys.executable, "-m", "desk_app", "--smoke-test"], env=env, capture_output=True,
                         text=True, timeout=90)
    assert out.returncode == 1 and "main window shown" not in out.stdout
