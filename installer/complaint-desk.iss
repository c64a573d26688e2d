; Inno Setup script: the setup program for Complaint Desk (Inno Setup 6.5 or later).
;
; Built by `python installer/build.py --setup`, which passes the version and the program
; folder: ISCC /DAppVersion=0.1.0 /DBundleDir=..\dist\ComplaintDesk complaint-desk.iss
;
; - Installs for the current user, without administrator rights, into
;   %LOCALAPPDATA%\Programs\Complaint Desk; an administrator may choose all users instead.
; - A newer version installs over an older one in place: the same AppId finds it, the
;   running program is closed first, and the old program files are replaced. The database
;   is not touched here; the program upgrades it when it next starts, keeping a copy of
;   the old file beside it.
; - Uninstalling removes the program only. The database, its copies and the error log are
;   in %LOCALAPPDATA%\ComplaintDesk, which the uninstaller leaves alone (and says so).

#if Ver < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or later is needed (its Chinese messages are written for 6.5).
#endif
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\ComplaintDesk"
#endif
#define AppName "Complaint Desk"
#define AppExe "ComplaintDesk.exe"

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy.
AppId={{8D3E6C52-4B1A-4F7E-9C2D-6A5B0E1F7C34}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=ComplaintDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\complaint-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=force
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppDescription=投诉处理台：登记、跟进和答复客户投诉
english.AppDescription=Complaint Desk: record, follow and answer customer complaints
chinesesimplified.DataKept=投诉处理台已卸载。%n%n您的投诉数据库、升级前的副本和错误日志都保留在：%n%1%n%n重新安装后可继续使用。如确定不再需要，可以手动删除这个文件夹。
english.DataKept=Complaint Desk has been removed.%n%nYour complaint database, its copies from before upgrades and the error log are kept in:%n%1%n%nInstall again to go on using them. If you are sure you no longer need them, you can delete that folder yourself.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder: files a newer version no longer ships
; must not be left to be loaded by mistake. (User data is never in here.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The program sets the same AppUserModelID (app/ui/app.py): one taskbar button, pinned or not.
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDescription}"; AppUserModelID: "ComplaintDesk.ComplaintDesk"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDescription}"; AppUserModelID: "ComplaintDesk.ComplaintDesk"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ Where the program keeps the database (platformdirs' user data folder on Windows). }
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\ComplaintDesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
