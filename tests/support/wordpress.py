"""A real WordPress on loopback for the whole test session: Debian's `wordpress` package on a
private MariaDB, served by PHP's built-in server (`php -S`) on 127.0.0.1.

Nothing needs root and nothing outside a temporary folder is written: MariaDB runs as the
current user on a unix socket with no network; the site is a tree of links to
/usr/share/wordpress with its own wp-config.php (Debian's reads /etc/wordpress, which is
root's), and the router (wordpress/router.php) sets ABSPATH to that tree. WordPress installs
itself and makes one user per role with an application password (wordpress/setup.php).

One site, several servers: each `scene` is one more `php -S` on the same site and database
whose environment tells the router or the must-use plugin (wordpress/omroeper-scenes.php) what
kind of host to play: a host that strips the Authorization header, a site with application
passwords switched off, a site without pretty addresses.

Missing programs or a failed start FAIL the tests, never skip them: .ci/run installs them.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

HERE = Path(__file__).resolve().parent / "wordpress"
DEBIAN_WORDPRESS = Path("/usr/share/wordpress")
START_TIMEOUT = 30.0  # seconds; it takes about 3
PROGRAMS = ("mariadb-install-db", "mariadbd", "php")
_KEYS = ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY")
_KEYS += ("AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT")
SCENES = frozenset({"", "strip_authorization", "no_application_passwords", "plain_permalinks"})
SCENES |= {"polylang"}  # posts take a `lang` field, as with the Polylang plugin
SCENES |= {"small_uploads"}  # a web server that refuses requests over 100 KB (413)
SCENES |= {"no_jpeg_uploads", "required_field"}  # a site that takes no JPEG; a field it needs
SCENES |= {"signed_in_administrator"}  # only for the profile page's screenshot (scripts/)


@dataclass(frozen=True)
class WordPressUser:
    role: str
    user: str
    id: int
    app_password: str  # made by WordPress for this user, as the profile page makes it


@dataclass
class WordPress:
    """The running site. `url` is the plain site; `scene(name)` another host of the same site."""

    url: str
    admin_password: str  # the administrator's own password (for the profile page's screenshot)
    users: dict[str, WordPressUser]
    _site: Path
    _logs: Path
    _servers: dict[str, tuple[str, subprocess.Popen[bytes]]] = field(default_factory=dict)

    def user(self, role: str) -> WordPressUser:
        return self.users[role]

    def scene(self, name: str) -> str:
        """The address of a server of this site that plays `name` (see SCENES)."""
        if name not in SCENES:
            raise ValueError(name)
        if name not in self._servers:
            self._servers[name] = _serve(self._site, self._logs, name)
        return self._servers[name][0]

    def rest(self, route: str, role: str = "administrator", **params: str) -> object:
        """Ask the site directly (not through the code under test); raises on an error answer."""
        who = self.users[role]
        answer = requests.get(
            f"{self.url}/wp-json{route}",
            params=params,
            auth=(who.user, who.app_password),
            timeout=20,
        )
        if answer.status_code >= 400:
            raise AssertionError(f"{route}: {answer.status_code} {answer.text[:500]}")
        return answer.json()

    def post_as(self, who: WordPressUser, route: str, fields: dict[str, object]) -> object:
        """Change something on the site as `who` (an editor approving a post)."""
        answer = requests.post(
            f"{self.url}/wp-json{route}",
            json=fields,
            auth=(who.user, who.app_password),
            timeout=20,
        )
        if answer.status_code >= 400:
            raise AssertionError(f"{route}: {answer.status_code} {answer.text[:500]}")
        return answer.json()

    def fetch(self, url: str) -> bytes:
        """A file the site serves (an uploaded photo)."""
        answer = requests.get(url, timeout=20)
        if answer.status_code != 200:
            raise AssertionError(f"{url}: {answer.status_code}")
        return answer.content

    def close(self) -> None:
        for _address, process in self._servers.values():
            _stop(process)


def _fail(message: str) -> None:
    pytest.fail(message, pytrace=False)


def _missing() -> str:
    absent = [program for program in PROGRAMS if shutil.which(program) is None]
    if not (DEBIAN_WORDPRESS / "wp-settings.php").exists():
        absent.append("wordpress")
    if absent:
        return (
            f"the WordPress tests need {', '.join(absent)}: install Debian's wordpress, "
            "mariadb-server and php-cli, php-mysql (see .ci/run)"
        )
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(check: object, what: str, log: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        if process.poll() is not None:
            break
        time.sleep(0.05)
    _stop(process)
    text = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    _fail(f"{what} was not ready within {START_TIMEOUT:.0f} s:\n{text}")


def _start_database(folder: Path) -> tuple[str, subprocess.Popen[bytes]]:
    data, sock, log = folder / "data", folder / "mysql.sock", folder / "mariadb.log"
    user = getpass.getuser()
    made = subprocess.run(
        [
            "mariadb-install-db",
            "--no-defaults",
            f"--datadir={data}",
            f"--user={user}",
            "--auth-root-authentication-method=normal",
            "--skip-test-db",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        _fail(f"mariadb-install-db failed ({made.returncode}):\n{made.stdout}{made.stderr}")
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                "mariadbd",
                "--no-defaults",
                f"--datadir={data}",
                f"--socket={sock}",
                f"--pid-file={folder / 'mariadb.pid'}",
                f"--user={user}",
                "--skip-networking",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=16M",
                "--innodb-log-file-size=8M",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    _wait(sock.exists, "MariaDB", log, process)
    return str(sock), process


def _make_site(folder: Path, sock: str, admin_password: str) -> Path:
    """A tree of links to Debian's files with the test's own config, router and plugin."""
    site = folder / "site"
    site.mkdir()
    for entry in DEBIAN_WORDPRESS.iterdir():
        if entry.name not in ("wp-config.php", "wp-content"):
            (site / entry.name).symlink_to(entry)
    content = site / "wp-content"
    for part in ("plugins", "themes", "uploads", "mu-plugins"):
        (content / part).mkdir(parents=True)
    shutil.copy(HERE / "omroeper-scenes.php", content / "mu-plugins")
    shutil.copy(HERE / "wp-config.php", site)
    shutil.copy(HERE / "router.php", site)
    database = secrets.token_hex(4)
    values = (
        "<?php\n"
        f"define('DB_NAME', 'wp_{database}');\n"
        f"define('DB_HOST', 'localhost:{sock}');\n"
        + "".join(f"define('{key}', '{secrets.token_hex(16)}');\n" for key in _KEYS)
    )
    (site / "omroeper-test-values.php").write_text(values)
    created = subprocess.run(
        ["mariadb", "--no-defaults", f"--socket={sock}", "-uroot"],
        input=f"CREATE DATABASE wp_{database} CHARACTER SET utf8mb4",
        capture_output=True,
        text=True,
        check=False,
    )
    if created.returncode != 0:
        _fail(f"could not create the database: {created.stderr}")
    return site


def _serve(site: Path, logs: Path, scene: str = "") -> tuple[str, subprocess.Popen[bytes]]:
    port = _free_port()
    address = f"http://127.0.0.1:{port}"
    log = logs / f"php-{scene or 'site'}.log"
    env = dict(os.environ, OMROEPER_WP_SCENE=scene, PHP_CLI_SERVER_WORKERS="4")
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{port}", "-t", str(site), str(site / "router.php")],
            cwd=site,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )

    def answers() -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return True
        return False

    _wait(answers, f"php -S ({scene or 'the site'})", log, process)
    return address, process


def _install(site: Path, host: str, password: str) -> dict[str, WordPressUser]:
    done = subprocess.run(
        ["php", str(HERE / "setup.php"), str(site), host, password],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if done.returncode != 0:
        _fail(f"installing WordPress failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    people = json.loads(done.stdout[done.stdout.index("{") :])
    return {role: WordPressUser(role=role, **person) for role, person in people.items()}


def _stop(process: subprocess.Popen[bytes]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=10)
            break
        except subprocess.TimeoutExpired:
            continue


@contextlib.contextmanager
def running_wordpress(folder: Path) -> Iterator[WordPress]:
    """MariaDB + an installed WordPress with one user per role, in `folder`, stopped after."""
    problem = _missing()
    if problem:
        _fail(problem)
    started = time.monotonic()
    sock, database = _start_database(folder)
    try:
        password = secrets.token_urlsafe(12)
        site = _make_site(folder, sock, password)
        address, server = _serve(site, folder)
        users = _install(site, address.removeprefix("http://"), password)
        site_server = WordPress(address, password, users, site, folder, {"": (address, server)})
        print(f"WordPress ready in {time.monotonic() - started:.1f} s at {address}")  # with -s
        try:
            yield site_server
        finally:
            site_server.close()
    finally:
        _stop(database)


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """The real WordPress, started once per test session."""
    with running_wordpress(tmp_path_factory.mktemp("wordpress")) as site:
        yield site
