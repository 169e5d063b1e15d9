; Inno Setup script for Windows: installs the PyInstaller folder, a Start-menu shortcut and "Open with" for .txt.
; A sketch: written on Linux and not yet compiled. On Windows, with Python 3.11+ and Inno Setup 6:
;
;   py -3.11 -m venv build\bundle-venv
;   build\bundle-venv\Scripts\python -m pip install "pyinstaller>=6.10" .
;   build\bundle-venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\transcript-reader.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\transcript-reader.iss
;
; Paths below are relative to this file's folder. Keep AppVersion in step with reader/__init__.py.

#define AppName "Transcript Reader"
#define AppVersion "0.1.0"
#define AppExe "transcript-reader.exe"

[Setup]
; The AppId identifies the app to Windows across versions: never change it.
AppId={{9BC824EF-FFF5-5900-9CCC-5F7FA9912D71}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Transcript Reader authors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
; A per-user install needs no administrator; the dialog offers an install for all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=transcript-reader-{#AppVersion}-setup
SetupIconFile=transcript-reader.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; transcript-reader.exe (windowed), transcript-reader-cli.exe (console) and _internal\
Source: "..\dist\transcript-reader\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with > Transcript Reader" for text files, without taking over .txt from the user's editor.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithList\{#AppExe}"; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
