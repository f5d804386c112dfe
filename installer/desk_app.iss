; Harmony Desk: Windows installer (Inno Setup 6).
; Build the one-folder bundle first (python -m desk_app.build), then on a
; Windows machine: iscc installer\desk_app.iss  ->  dist\HarmonyDeskSetup-<version>.exe

#define AppName "Harmony Desk"
#define AppExe "desk-app.exe"
#define Bundle AddBackslash(SourcePath) + "..\dist\HarmonyDesk"
#define AppVersion GetVersionNumbersString(Bundle + "\" + AppExe)

[Setup]
; Never change the AppId: it is how a new version finds and replaces the old.
AppId={{8F3C2A61-5B7D-4E0A-9C1F-2D4B6E8A1C35}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible
ArchitecturesAllowed=x64compatible
OutputDir=..\dist
OutputBaseFilename=HarmonyDeskSetup-{#AppVersion}
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running desk first, so no file is in use.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[CustomMessages]
en.DeleteData=Also delete this desk's member database, settings and logs?%n%nChoose No to keep them (recommended when you reinstall or upgrade).
ja.DeleteData=この端末の会員データベース・設定・ログも削除しますか？%n%n再インストールやアップグレードの場合は「いいえ」を選んでください（推奨）。
en.DesktopIcon=Create a desktop shortcut
ja.DesktopIcon=デスクトップにショートカットを作成する
en.LaunchApp=Start Harmony Desk
ja.LaunchApp=Harmony Desk を起動する

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole one-folder bundle: desk-app.exe, desk-admin.exe and their libraries.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
{ The member database, settings and logs live in the user's data folder
  (platformdirs: %LOCALAPPDATA%\Harmony Desk), never in {app}. An uninstall
  keeps them unless the user explicitly says so; a silent uninstall keeps them. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    if (not UninstallSilent) and
       (MsgBox(CustomMessage('DeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
      DelTree(ExpandConstant('{localappdata}\Harmony Desk'), True, True, True);
  end;
end;
