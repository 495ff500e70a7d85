"""What the installers say about the app (names, the version from composer/__init__.py) and
which Qt files the bundle leaves out. Used by the spec, the smoke test and the workflow.

python packaging/build_info.py version          the version, e.g. 0.1.0 (for the workflow)
python packaging/build_info.py windows-version  the same as four numbers, e.g. 0.1.0.0
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "Omroeper"
BUNDLE_ID = "nl.omroeper.app"
COPYRIGHT = "Omroeper contributors, EUPL-1.2"
GUI_EXE = "Omroeper"  # what people start
CLI_EXE = "omroeper-cli"  # the same program with a console, for scripts and IT


# Qt files that the collected plugins would drag in although Omroeper never uses them: PDF
# rendering, QML/Quick (via the virtual keyboard and Wayland compositor plugins), Windows'
# software OpenGL (20 MB; widgets draw without OpenGL), embedded-device platforms, the GTK
# theme (which would bundle the build machine's GTK), Qt's own translations in languages
# Omroeper does not speak. Matched on the path inside the bundle; Qt's libraries are Qt6Name
# on Linux and Windows, QtName.framework on macOS; Windows has no Qt/ folder level.
UNUSED = re.compile(
    r"""Qt6?(Pdf|Qml|Quick|VirtualKeyboard|WebEngine|Designer|Multimedia|Sql|Test|3D|Network
             |WaylandCompositor|LabsStyleKit|EglFS|EglFs)
      | (^|[/\\])(lib)?qpdf\.
      | qtvirtualkeyboardplugin | qlottievectorimage | wayland-graphics-integration-server
      | opengl32sw\.dll
      | egldeviceintegrations | generic[/\\]libqevdev
      | platforms[/\\]lib(qeglfs|qlinuxfb|qvnc|qminimalegl|qvkkhrdisplay)\.
      | platformthemes[/\\]libqgtk3\.
      | PySide6[/\\](Qt[/\\])?translations[/\\](?!\w+_(en|nl)\.qm$)""",
    re.VERBOSE,
)


def version() -> str:
    """composer.__version__, read without importing the app (the build may run before it)."""
    source = (ROOT / "composer" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise LookupError("no __version__ in composer/__init__.py")


def numeric_version(text: str) -> tuple[int, int, int, int]:
    """Windows and macOS want numbers only: 1.2.3rc1 -> (1, 2, 3, 0)."""
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in text.split(".")[:4]]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def windows_version_file(text: str) -> str:
    """A PyInstaller version file: the exe's Properties > Details show these."""
    numbers = numeric_version(text)
    strings = {
        "CompanyName": NAME,
        "FileDescription": NAME,
        "FileVersion": text,
        "InternalName": NAME,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{GUI_EXE}.exe",
        "ProductName": NAME,
        "ProductVersion": text,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{entries}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def info_plist(text: str) -> dict[str, object]:
    """Info.plist keys beyond PyInstaller's defaults."""
    numbers = numeric_version(text)
    return {
        "CFBundleName": NAME,
        "CFBundleDisplayName": NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": ".".join(map(str, numbers[:3])),
        "CFBundleVersion": text,
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "nl"],
        "LSApplicationCategoryType": "public.app-category.social-networking",
        "LSMinimumSystemVersion": "14.0",  # PySide6 6.12's wheels are built for macOS 14
        "LSBackgroundOnly": False,  # the console helper in the bundle must not make it a daemon
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "NSSupportsAutomaticGraphicsSwitching": True,
        "NSHumanReadableCopyright": COPYRIGHT,
    }


def main(argv: list[str]) -> int:
    if argv == ["version"]:
        print(version())
    elif argv == ["windows-version"]:
        print(".".join(map(str, numeric_version(version()))))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
