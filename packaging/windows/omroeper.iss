; Omroeper for Windows: a per-user installer (no administrator rights), in Dutch and English.
;
;   iscc /DAppVersion=0.1.0 /DNumericVersion=0.1.0.0 /DSourceDir=C:\...\dist\Omroeper
;        /DOutputDir=C:\...\dist /DIconFile=C:\...\build\omroeper\icons\omroeper.ico
;        packaging\windows\omroeper.iss
;
; SourceDir is PyInstaller's dist\Omroeper; IconFile is made by packaging\make_icons.py (the
; spec does it). The CI workflow passes all of these; the defaults suit a build from the
; repository root with packaging\build.py.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef NumericVersion
  #define NumericVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Omroeper"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\omroeper\icons\omroeper.ico"
#endif

[Setup]
; Never change AppId: it is how Windows knows an update from a second, separate app.
AppId={{0A9EA2C1-97B8-4D34-BBC5-1C6481D07B17}
AppName=Omroeper
AppVersion={#AppVersion}
AppVerName=Omroeper {#AppVersion}
AppPublisher=Omroeper
AppCopyright=Omroeper contributors, EUPL-1.2
VersionInfoVersion={#NumericVersion}
VersionInfoProductName=Omroeper
VersionInfoProductVersion={#NumericVersion}
VersionInfoDescription=Omroeper installer
VersionInfoCompany=Omroeper
; Per user: {autopf} is %LOCALAPPDATA%\Programs. IT may install for everyone with /ALLUSERS.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\Omroeper
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Omroeper-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Omroeper.exe
UninstallDisplayName=Omroeper
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An open Omroeper is closed (its drafts are saved as they are typed) and not restarted.
CloseApplications=yes
RestartApplications=no
; The installer asks in the person's Windows language; Dutch or else English.
ShowLanguageDialog=auto
SetupLogging=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole program folder: no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Omroeper"; Filename: "{app}\Omroeper.exe"
Name: "{autodesktop}\Omroeper"; Filename: "{app}\Omroeper.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Omroeper.exe"; Description: "{cm:LaunchProgram,Omroeper}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program and its shortcuts. The drafts, accounts and log in
; %LOCALAPPDATA%\Omroeper and the passwords in the Windows Credential Manager stay: removing
; the program must never remove someone's work. README.md ("For IT") says how to remove those.
