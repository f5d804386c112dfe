"""The packaging files say what the desk PCs need: checked here because the
Windows installer can only be compiled on Windows."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _iss() -> str:
    return (ROOT / "installer" / "desk_app.iss").read_text(encoding="utf-8")


def _section(iss: str, name: str) -> str:
    """The lines of one [Section] of the script, up to the next section."""
    body = iss.split(f"\n[{name}]\n", 1)[1]
    return re.split(r"^\[\w+\]$", body, maxsplit=1, flags=re.MULTILINE)[0]


def _define(iss: str, name: str) -> str:
    return re.search(rf'^#define {name} "([^"]*)"$', iss, re.MULTILINE).group(1)


def test_inno_setup_script():
    iss = _iss()
    assert re.fullmatch(r"[0-9A-F-]{36}", _define(iss, "AppGuid"))
    # A constant AppId, so a new version installs over the previous one.
    assert re.findall(r"^AppId=(.*)$", iss, re.MULTILINE) == ["{{{#AppGuid}}"]
    setup = _section(iss, "Setup")
    assert "AppPublisher={#Publisher}" in setup and _define(iss, "Publisher") == "Harmony Desk"
    assert re.search(r"^MinVersion=10\.0$", setup, re.MULTILINE)  # Qt 6: Windows 10 and later
    assert 'MessagesFile: "compiler:Default.isl"' in iss
    assert 'MessagesFile: "compiler:Languages\\Japanese.isl"' in iss
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"', iss, re.MULTILINE)  # Start-menu shortcut
    assert 'Source: "{#Bundle}\\*"' in iss and "recursesubdirs" in iss


def test_installer_replaces_the_bundle_libraries_whole():
    """An old migration file left in {app}\\_internal would be loaded after an upgrade."""
    assert _section(_iss(), "InstallDelete").strip().splitlines()[-1] == \
        'Type: filesandordirs; Name: "{app}\\_internal"'


def test_installer_asks_where_the_data_lives_and_tells_the_desk():
    from desk_app import APP_NAME, paths

    iss = _iss()
    assert _define(iss, "DataFolder") == APP_NAME
    code = _section(iss, "Code")
    # The page: two choices, shared (the PC's desks) or per Windows user.
    assert "CreateInputOptionPage(" in code and "DataPage.Add(CustomMessage('DataShared'))" in code
    assert "DataPage.Add(CustomMessage('DataPerUser'))" in code
    assert "en.DataShared=This PC's desks share one database" in iss
    # Shared only for an all-users (administrator) installation; a silent install says /DATA=.
    assert "Result := IsAdminInstallMode and DataPage.Values[0];" in code
    assert "{param:DATA|}" in code
    # The shared folder: ProgramData, the Users group may change files, never removed by Inno itself.
    dirs = _section(iss, "Dirs")
    assert ('Name: "{commonappdata}\\{#DataFolder}"; Permissions: users-modify; Flags: uninsneveruninstall; '
            "Check: SharedData") in dirs
    # What the desk reads beside its executables (desk_app/paths.py).
    ini = _section(iss, "INI")
    assert f'Filename: "{{app}}\\{paths.MACHINE_CONFIG}"; Section: "data"; Key: "mode"; String: "{{code:DataMode}}"' in ini
    assert ('Section: "data"; Key: "folder"; String: "{commonappdata}\\{#DataFolder}"; Check: SharedData') in ini
    assert "Result := 'shared'" in code and "Result := 'per_user';" in code
    assert f'Name: "{{app}}\\{paths.MACHINE_CONFIG}"' in _section(iss, "UninstallDelete")
    # An upgrade offers the previous choice again.
    assert "SetPreviousData(PreviousDataKey, 'DataMode', DataMode(''))" in code
    assert "GetPreviousData('DataMode', 'shared')" in code


def test_installer_refuses_a_downgrade():
    code = _section(_iss(), "Code")
    assert "UninstallKey = 'Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{{#AppGuid}}_is1'" in code
    assert "RegQueryStringValue(HKLM64, UninstallKey, 'DisplayVersion', Result)" in code
    setup_check = code.split("function InitializeSetup(): Boolean;", 1)[1].split("\nend;", 1)[0]
    assert "CompareVersions('{#AppVersion}', Installed) < 0" in setup_check and "Result := False;" in setup_check
    # Versions compare part by part as numbers (0.10 is newer than 0.9).
    assert "StrToIntDef(Copy(Version, 1, Dot - 1), 0)" in code


def test_uninstaller_deletes_data_only_when_asked_and_from_where_it_is():
    code = _section(_iss(), "Code")
    wanted = code.split("function DeleteDataWanted(): Boolean;", 1)[1].split("\nend;", 1)[0]
    # Asked with No preselected; a silent uninstall keeps the data unless /DELETEDATA=yes.
    assert "MB_YESNO or MB_DEFBUTTON2) = IDYES" in wanted and "UninstallSilent" in wanted
    assert "{param:DELETEDATA|no}" in wanted
    # The mode is read before harmony_desk.ini goes; shared data from ProgramData.
    assert "GetIniString('data', 'mode', 'per_user', ExpandConstant('{app}\\harmony_desk.ini'))" in code
    step = code.split("procedure CurUninstallStepChanged", 1)[1].split("\nend;\n", 1)[0]
    assert "if UninstallMode = 'shared' then\n      DelTree(SharedFolder(), True, True, True);" in step
    assert "DeleteUsersData();" in step
    # An administrator's uninstall reaches every Windows user's folder, not only its own.
    users = code.split("procedure DeleteUsersData();", 1)[1].split("\nend;\n", 1)[0]
    assert "RegGetSubkeyNames(HKLM64, ProfileList, Sids)" in users
    assert "DelTree(Profile + '\\AppData\\Local\\{#DataFolder}', True, True, True);" in users
    assert "DelTree(ExpandConstant('{localappdata}\\{#DataFolder}'), True, True, True);" in users


def test_office_prompt_puts_desk_admin_on_its_path():
    iss = _iss()
    icons = _section(iss, "Icons")
    assert ('Name: "{group}\\{cm:OfficePrompt}"; Filename: "{cmd}"; Parameters: "/k ""{app}\\office-prompt.cmd"""'
            in icons)
    assert "en.OfficePrompt=Harmony Desk office prompt" in iss
    assert 'Source: "office-prompt.cmd"; DestDir: "{app}"' in _section(iss, "Files")
    prompt = (ROOT / "installer" / "office-prompt.cmd").read_text(encoding="utf-8")
    assert 'set "PATH=%~dp0;%PATH%"' in prompt  # the program folder (desk-admin.exe) first
    assert "desk-admin --help" in prompt


def test_release_signing_is_optional():
    iss = _iss()
    signing = iss.split("#ifdef SIGN\n", 1)[1].split("#endif", 1)[0]
    assert "SignTool=signtool" in signing and "SignedUninstaller=yes" in signing
    assert "/DSIGN" in iss and "/Ssigntool=" in iss  # the command line, at the top of the script
    assert "signtool sign" in (ROOT / "docs" / "INSTALLING.md").read_text(encoding="utf-8")


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
