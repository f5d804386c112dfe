"""The packaging files say what the desk PCs need: checked here because the
Windows installer can only be compiled on Windows."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_inno_setup_script():
    iss = (ROOT / "installer" / "desk_app.iss").read_text(encoding="utf-8")
    app_ids = re.findall(r"^AppId=\{\{([0-9A-F-]{36})\}$", iss, re.MULTILINE)
    assert len(app_ids) == 1  # a constant AppId: upgrades install over the previous version
    assert 'MessagesFile: "compiler:Default.isl"' in iss
    assert 'MessagesFile: "compiler:Languages\\Japanese.isl"' in iss
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"', iss, re.MULTILINE)  # Start-menu shortcut
    # The uninstall keeps the member database unless the user says yes (default button: No).
    assert "MB_DEFBUTTON2" in iss and "= IDYES) then\n      DelTree" in iss and "UninstallSilent" in iss
    assert "{localappdata}\\Harmony Desk" in iss
    assert 'Source: "{#Bundle}\\*"' in iss and "recursesubdirs" in iss


def test_spec_builds_one_folder_with_both_executables():
    spec = (ROOT / "build_spec.spec").read_text(encoding="utf-8")
    assert "from desk_app import APP_NAME, __version__" in spec
    assert "COLLECT(" in spec and "onefile" not in spec
    assert 'name="desk-app", console=False, upx=False' in spec
    assert 'name="desk-admin", console=True, upx=False' in spec
    assert '"desk_app/db/migrations"' in spec and '"resources/programs"' in spec
    # Every hidden import and exclude is explained by a comment above it.
    for block in ("hiddenimports = [", "excludes = ["):
        body = spec.split(block, 1)[1].split("\n]\n", 1)[0]
        lines = [l.strip() for l in body.splitlines() if l.strip()]
        assert lines[0].startswith("#"), block


def test_frozen_paths_resolve_inside_the_bundle(monkeypatch, tmp_path):
    import sys

    from desk_app import paths

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.programs_dir() == tmp_path / "resources" / "programs"
