"""What the installers promise: per-user Windows setup in two languages, a proper macOS bundle,
version numbers from the package, and the app icon at every size."""

import plistlib
import re

import pytest
from PIL import Image

import composer
from tests.packaging.packaging_scripts import PACKAGING, load

build_info = load("build_info")
make_icons = load("make_icons")


def _sections(text):
    """An Inno Setup script as {section: [lines]}, comments and preprocessor lines left out."""
    sections, current = {}, None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


@pytest.fixture(scope="module")
def iss():
    return _sections((PACKAGING / "windows" / "omroeper.iss").read_text("utf-8"))


def _entries(lines):
    """Lines like `Name: "x"; Flags: unchecked` as dicts."""
    return [
        {key.strip(): value.strip().strip('"') for key, value in re.findall(r"(\w+):([^;]+)", line)}
        for line in lines
    ]


def test_the_windows_installer_needs_no_administrator(iss):
    setup = dict(line.split("=", 1) for line in iss["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{autopf}\Omroeper"  # %LOCALAPPDATA%\Programs\Omroeper
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["VersionInfoVersion"] == "{#NumericVersion}"
    assert setup["UninstallDisplayIcon"] == r"{app}\Omroeper.exe"


def test_the_windows_installer_speaks_dutch_and_english(iss):
    languages = {entry["Name"]: entry["MessagesFile"] for entry in _entries(iss["Languages"])}
    assert languages == {"en": "compiler:Default.isl", "nl": r"compiler:Languages\Dutch.isl"}


def test_start_menu_shortcut_always_desktop_shortcut_when_chosen(iss):
    (task,) = _entries(iss["Tasks"])
    assert (task["Name"], task["Flags"]) == ("desktopicon", "unchecked")
    icons = {entry["Name"]: entry for entry in _entries(iss["Icons"])}
    assert icons[r"{autoprograms}\Omroeper"]["Filename"] == r"{app}\Omroeper.exe"
    assert "Tasks" not in icons[r"{autoprograms}\Omroeper"]
    assert icons[r"{autodesktop}\Omroeper"]["Tasks"] == "desktopicon"
    (files,) = _entries(iss["Files"])
    assert files["Source"] == r"{#SourceDir}\*" and "recursesubdirs" in files["Flags"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_versions_become_numbers_for_windows_and_macos(text, numbers):
    assert build_info.numeric_version(text) == numbers


def test_the_version_comes_from_the_package():
    assert build_info.version() == composer.__version__


class _Recorded:
    """Stands in for PyInstaller's versioninfo classes (which need Windows' pefile)."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


def test_the_exe_version_file_carries_the_package_version():
    text = build_info.windows_version_file("1.4.2")
    names = {"VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"}
    info = eval(text, dict.fromkeys(names | {"VarFileInfo", "VarStruct"}, _Recorded))
    assert info.kwargs["ffi"].kwargs["filevers"] == (1, 4, 2, 0)
    assert info.kwargs["ffi"].kwargs["prodvers"] == (1, 4, 2, 0)
    strings = dict(each.args for each in info.kwargs["kids"][0].args[0][0].args[1])
    assert strings["ProductVersion"] == "1.4.2"
    assert strings["ProductName"] == "Omroeper"
    assert strings["OriginalFilename"] == "Omroeper.exe"


def test_the_mac_bundle_follows_dark_mode_and_retina():
    info = build_info.info_plist("0.3.0rc2")
    assert plistlib.loads(plistlib.dumps(info)) == info  # all of it is valid plist data
    assert info["CFBundleIdentifier"] == "nl.omroeper.app"
    assert info["CFBundleShortVersionString"] == "0.3.0"
    assert info["NSHighResolutionCapable"] is True
    assert info["NSRequiresAquaSystemAppearance"] is False
    assert info["LSBackgroundOnly"] is False


def test_the_icons_are_drawn_from_the_svg_at_every_size(tmp_path):
    made = make_icons.make_icons(tmp_path)
    with Image.open(made["ico"]) as ico:
        assert ico.info["sizes"] == {(size, size) for size in make_icons.ICO_SIZES}
    with Image.open(made["icns"]) as icns:
        assert icns.size == (1024, 1024)
        assert (16, 16, 2) in icns.info["sizes"] and (512, 512, 2) in icns.info["sizes"]
    small = Image.open(tmp_path / "omroeper-16.png").convert("RGBA")
    pixels = [small.getpixel((x, y)) for x in range(16) for y in range(16)]
    colours = {pixel for pixel in pixels if pixel[3] == 255}
    assert any(r > 200 and g < 110 for r, g, _b, _a in colours)  # the red-orange ground
    assert any(min(r, g, b) > 200 for r, g, b, _a in colours)  # the white megaphone
    assert small.getpixel((0, 0))[3] < 128  # rounded corners


def test_the_app_icon_loads_from_the_package(qapp):
    from composer.ui.style.icon import ICON, app_icon

    assert ICON.is_file() and ICON.parent.name == "icons"
    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(16, 16).toImage().pixelColor(8, 8).alpha() > 0


# Paths as each platform's PySide6 lays them out in the bundle (Windows has no Qt/ level).
LEFT_OUT = [
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6\\Qt6Pdf.dll",
    "PySide6\\Qt6Qml.dll",
    "PySide6\\Qt6Network.dll",
    "PySide6\\opengl32sw.dll",
    "PySide6\\plugins\\imageformats\\qpdf.dll",
    "PySide6\\translations\\qtbase_fr.qm",
    "PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf",
    "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
    "PySide6/Qt/plugins/imageformats/libqpdf.dylib",
]
KEPT = [
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/translations/qtbase_nl.qm",
    "PySide6\\Qt6Widgets.dll",
    "PySide6\\Qt6Svg.dll",
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6\\plugins\\platforms\\qoffscreen.dll",
    "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
    "PySide6\\translations\\qtbase_en.qm",
    "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "composer/resources/translations/omroeper_nl.qm",
]


@pytest.mark.parametrize("path", LEFT_OUT)
def test_unused_qt_is_left_out_on_every_platform(path):
    assert build_info.UNUSED.search(path)


@pytest.mark.parametrize("path", KEPT)
def test_what_the_app_uses_stays_on_every_platform(path):
    assert not build_info.UNUSED.search(path)
