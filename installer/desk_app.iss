; Harmony Desk: Windows installer (Inno Setup 6).
; Build the one-folder bundle first (python -m desk_app.build), then on a
; Windows machine:
;     iscc installer\desk_app.iss            ->  dist\HarmonyDeskSetup-<version>.exe
; A signed release (docs/INSTALLING.md, "Signing the release"):
;     iscc /DSIGN "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /a $f" installer\desk_app.iss
;
; What it does for the hotel's IT is described in docs/INSTALLING.md.

#define AppName "Harmony Desk"
#define Publisher "Harmony Desk"
#define AppExe "desk-app.exe"
#define AdminExe "desk-admin.exe"
; The data folder's name, as desk_app/paths.py derives it (APP_NAME).
#define DataFolder "Harmony Desk"
; Never change the AppId: it is how a new version finds and replaces the old.
#define AppGuid "8F3C2A61-5B7D-4E0A-9C1F-2D4B6E8A1C35"
#define Bundle AddBackslash(SourcePath) + "..\dist\HarmonyDesk"
#define AppVersion GetVersionNumbersString(Bundle + "\" + AppExe)

[Setup]
AppId={{{#AppGuid}}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
VersionInfoCompany={#Publisher}
VersionInfoProductName={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installing for all users of the PC (the default, needed for a shared
; database) asks for an administrator; "for me only" does not.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
; Qt 6 runs on Windows 10 and later only.
MinVersion=10.0
ArchitecturesInstallIn64BitMode=x64compatible
ArchitecturesAllowed=x64compatible
OutputDir=..\dist
OutputBaseFilename=HarmonyDeskSetup-{#AppVersion}
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running desk first, so no file is in use.
CloseApplications=yes
RestartApplications=no
#ifdef SIGN
; The installer and its uninstaller signed with the tool named on iscc's
; command line (/Ssigntool=...); the executables in the bundle are signed
; before this script runs.
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[CustomMessages]
en.DataPageCaption=Where the desks keep their data
ja.DataPageCaption=データの保存場所
en.DataPageDescription=Choose how the desks on this PC keep the member database.
ja.DataPageDescription=この PC の端末が会員データベースをどこに保存するかを選んでください。
en.DataPageIntro=Several clerks with their own Windows logins usually work at one front-desk PC. Choose "share one database" so that they all see the same members and postings. The database goes to %1, which every Windows user of this PC may change.
ja.DataPageIntro=フロントの PC では、複数のスタッフがそれぞれの Windows アカウントで作業するのが普通です。全員が同じ会員・計上を見られるよう「1 つのデータベースを共有する」を選んでください。データベースは %1 に置かれ、この PC のすべての Windows ユーザーが変更できます。
en.DataShared=This PC's desks share one database (recommended for front-desk PCs)
ja.DataShared=この PC の端末で 1 つのデータベースを共有する（フロントの PC に推奨）
en.DataPerUser=Each Windows user has their own database
ja.DataPerUser=Windows ユーザーごとに別のデータベースを使う
en.NoDowngrade=Harmony Desk %1 is installed on this PC; this installer holds the older version %2.%n%nAn older desk cannot read a database a newer one has upgraded. Uninstall %1 first (keeping its data) only if you are sure, or install %1 or newer.
ja.NoDowngrade=この PC には Harmony Desk %1 がインストールされています。このインストーラーは古いバージョン %2 です。%n%n古いバージョンは新しいバージョンが更新したデータベースを読めません。%1 以降をインストールしてください。
en.DeleteData=Also delete the Harmony Desk data on this PC: %1?%n%nThis removes the member database, settings and logs for good. Choose No to keep them (recommended when you reinstall or upgrade).
ja.DeleteData=この PC の Harmony Desk のデータ（%1）も削除しますか？%n%n会員データベース・設定・ログが完全に削除されます。再インストールやアップグレードの場合は「いいえ」を選んでください（推奨）。
en.SharedData=the shared database in %1 and each Windows user's logs
ja.SharedData=%1 の共有データベースと各 Windows ユーザーのログ
en.EveryUsersData=the database, settings and logs of every Windows user of this PC
ja.EveryUsersData=この PC のすべての Windows ユーザーのデータベース・設定・ログ
en.ThisUsersData=your database, settings and logs in %1
ja.ThisUsersData=%1 にあるあなたのデータベース・設定・ログ
en.DesktopIcon=Create a desktop shortcut
ja.DesktopIcon=デスクトップにショートカットを作成する
en.LaunchApp=Start Harmony Desk
ja.LaunchApp=Harmony Desk を起動する
en.OfficePrompt=Harmony Desk office prompt
ja.OfficePrompt=Harmony Desk オフィス用プロンプト
en.OfficePromptComment=A command prompt where desk-admin, the office and night-audit command line, works by name
ja.OfficePromptComment=desk-admin（オフィス・夜間監査用コマンド）をそのまま使えるコマンドプロンプト

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; The bundle's libraries and Python modules are replaced whole: a file an
; older version shipped (an old Alembic migration above all) must not stay
; beside the new ones and be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
; The shared database's folder: every Windows user of the PC (the built-in
; Users group) may create and change files in it; docs/INSTALLING.md says
; how to narrow that to a group of desk users. Never removed by Inno itself:
; the uninstaller deletes it only when asked.
Name: "{commonappdata}\{#DataFolder}"; Permissions: users-modify; Flags: uninsneveruninstall; Check: SharedData

[Files]
; The whole one-folder bundle: desk-app.exe, desk-admin.exe and their libraries.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "office-prompt.cmd"; DestDir: "{app}"; Flags: ignoreversion

[INI]
; Read by desk_app/paths.py beside the executables: where the desks' data lives.
Filename: "{app}\harmony_desk.ini"; Section: "data"; Key: "mode"; String: "{code:DataMode}"; Flags: uninsdeletesection
Filename: "{app}\harmony_desk.ini"; Section: "data"; Key: "folder"; String: "{commonappdata}\{#DataFolder}"; Check: SharedData

[UninstallDelete]
Type: files; Name: "{app}\harmony_desk.ini"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:OfficePrompt}"; Filename: "{cmd}"; Parameters: "/k ""{app}\office-prompt.cmd"""; WorkingDir: "{userdocs}"; IconFilename: "{app}\{#AdminExe}"; Comment: "{cm:OfficePromptComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
const
  UninstallKey = 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{{#AppGuid}}_is1';
  ProfileList = 'SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList';

var
  DataPage: TInputOptionWizardPage;
  UninstallMode: String;

{ -- the data folder: shared by the PC's desks, or one per Windows user ---------- }

function SharedFolder(): String;
begin
  Result := ExpandConstant('{commonappdata}\{#DataFolder}');
end;

{ /DATA=shared or /DATA=peruser on the command line decides for a silent install. }
function DataModeParam(): String;
begin
  Result := Lowercase(ExpandConstant('{param:DATA|}'));
end;

procedure InitializeWizard();
var
  Previous: String;
begin
  DataPage := CreateInputOptionPage(wpSelectDir, CustomMessage('DataPageCaption'),
    CustomMessage('DataPageDescription'), FmtMessage(CustomMessage('DataPageIntro'), [SharedFolder()]), True, False);
  DataPage.Add(CustomMessage('DataShared'));
  DataPage.Add(CustomMessage('DataPerUser'));
  Previous := GetPreviousData('DataMode', 'shared');
  if DataModeParam() = 'peruser' then
    Previous := 'per_user'
  else if DataModeParam() = 'shared' then
    Previous := 'shared';
  if not IsAdminInstallMode then
  begin
    { Installed "for me only": there is no shared folder to give other users. }
    DataPage.CheckListBox.ItemEnabled[0] := False;
    Previous := 'per_user';
  end;
  DataPage.Values[0] := Previous = 'shared';
  DataPage.Values[1] := Previous <> 'shared';
end;

function SharedData(): Boolean;
begin
  Result := IsAdminInstallMode and DataPage.Values[0];
end;

function DataMode(Param: String): String;
begin
  if SharedData() then
    Result := 'shared'
  else
    Result := 'per_user';
end;

procedure RegisterPreviousData(PreviousDataKey: Integer);
begin
  SetPreviousData(PreviousDataKey, 'DataMode', DataMode(''));
end;

{ -- no downgrade ---------------------------------------------------------------- }

function NextVersionPart(var Version: String): Integer;
var
  Dot: Integer;
begin
  Dot := Pos('.', Version);
  if Dot = 0 then
  begin
    Result := StrToIntDef(Version, 0);
    Version := '';
  end
  else
  begin
    Result := StrToIntDef(Copy(Version, 1, Dot - 1), 0);
    Delete(Version, 1, Dot);
  end;
end;

{ -1, 0 or 1 as version A is older than, the same as or newer than B. }
function CompareVersions(A, B: String): Integer;
var
  I, X, Y: Integer;
begin
  Result := 0;
  for I := 1 to 4 do
  begin
    X := NextVersionPart(A);
    Y := NextVersionPart(B);
    if X < Y then
    begin
      Result := -1;
      Exit;
    end;
    if X > Y then
    begin
      Result := 1;
      Exit;
    end;
  end;
end;

function InstalledVersion(): String;
begin
  if not RegQueryStringValue(HKLM64, UninstallKey, 'DisplayVersion', Result) then
    if not RegQueryStringValue(HKCU, UninstallKey, 'DisplayVersion', Result) then
      Result := '';
end;

function InitializeSetup(): Boolean;
var
  Installed: String;
begin
  Result := True;
  Installed := InstalledVersion();
  if (Installed <> '') and (CompareVersions('{#AppVersion}', Installed) < 0) then
  begin
    SuppressibleMsgBox(FmtMessage(CustomMessage('NoDowngrade'), [Installed, '{#AppVersion}']),
      mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;

{ -- uninstall: the data stays unless someone says to delete it ------------------- }

function InitializeUninstall(): Boolean;
begin
  { Read before the uninstaller removes harmony_desk.ini. }
  UninstallMode := GetIniString('data', 'mode', 'per_user', ExpandConstant('{app}\harmony_desk.ini'));
  Result := True;
end;

function ProfileFolder(Sid: String): String;
begin
  if not RegQueryStringValue(HKLM64, ProfileList + '\' + Sid, 'ProfileImagePath', Result) then
    Result := '';
  StringChangeEx(Result, '%SystemDrive%', GetEnv('SystemDrive'), True);
  StringChangeEx(Result, '%SystemRoot%', GetEnv('SystemRoot'), True);
end;

{ Each Windows user's own folder (per-user databases, and everyone's logs):
  an administrator's uninstall reaches every profile on the PC, not only the
  administrator's own. }
procedure DeleteUsersData();
var
  Sids: TArrayOfString;
  I: Integer;
  Profile: String;
begin
  if not IsAdminInstallMode then
  begin
    DelTree(ExpandConstant('{localappdata}\{#DataFolder}'), True, True, True);
    Exit;
  end;
  if RegGetSubkeyNames(HKLM64, ProfileList, Sids) then
    for I := 0 to GetArrayLength(Sids) - 1 do
    begin
      Profile := ProfileFolder(Sids[I]);
      if Profile <> '' then
        DelTree(Profile + '\AppData\Local\{#DataFolder}', True, True, True);
    end;
end;

function DataDescription(): String;
begin
  if UninstallMode = 'shared' then
    Result := FmtMessage(CustomMessage('SharedData'), [SharedFolder()])
  else if IsAdminInstallMode then
    Result := CustomMessage('EveryUsersData')
  else
    Result := FmtMessage(CustomMessage('ThisUsersData'), [ExpandConstant('{localappdata}\{#DataFolder}')]);
end;

{ Asked, default No; a silent uninstall keeps the data unless run with /DELETEDATA=yes. }
function DeleteDataWanted(): Boolean;
begin
  if UninstallSilent then
    Result := Lowercase(ExpandConstant('{param:DELETEDATA|no}')) = 'yes'
  else
    Result := MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDescription()]), mbConfirmation,
      MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteDataWanted() then
  begin
    if UninstallMode = 'shared' then
      DelTree(SharedFolder(), True, True, True);
    DeleteUsersData();
  end;
end;
