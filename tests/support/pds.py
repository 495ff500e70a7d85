"""A real Bluesky PDS on loopback for the whole test session (launcher: tests/support/pds/run.mjs).

Missing programs or a failed start FAIL the tests, never skip them: CI installs Node and the
npm packages and must run these tests.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

HERE = Path(__file__).resolve().parent / "pds"
START_TIMEOUT = 60.0  # seconds; it takes about 3


@dataclass(frozen=True)
class BlueskyAccount:
    handle: str
    did: str
    email: str
    password: str  # the main password
    access_jwt: str
    refresh_jwt: str


@dataclass(frozen=True)
class Pds:
    url: str
    admin_password: str
    handle_domain: str

    def xrpc(
        self, method: str, *, token: str = "", body: Any = None, post: bool = False, **params: str
    ) -> Any:
        """Call the PDS directly (not through the code under test); raises on an error answer.
        A body (or `post`) makes it a procedure (POST), otherwise a query (GET)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        url = f"{self.url}/xrpc/{method}"
        if body is None and not post:
            answer = requests.get(url, params=params, headers=headers, timeout=20)
        else:
            answer = requests.post(url, json=body, headers=headers, timeout=20)
        if answer.status_code >= 400:
            raise AssertionError(f"{method}: {answer.status_code} {answer.text}")
        return answer.json() if answer.content else None

    def create_account(self, name: str = "", display_name: str = "") -> BlueskyAccount:
        """A new account with a unique handle and, if given, a profile with a display name."""
        handle = f"{name or 'user'}-{secrets.token_hex(3)}{self.handle_domain}"
        password = secrets.token_urlsafe(12)
        email = f"{handle}@example.com"
        made = self.xrpc(
            "com.atproto.server.createAccount",
            body={"handle": handle, "email": email, "password": password},
        )
        if display_name:
            self.xrpc(
                "com.atproto.repo.putRecord",
                token=made["accessJwt"],
                body={
                    "repo": made["did"],
                    "collection": "app.bsky.actor.profile",
                    "rkey": "self",
                    "record": {"$type": "app.bsky.actor.profile", "displayName": display_name},
                },
            )
        return BlueskyAccount(
            handle, made["did"], email, password, made["accessJwt"], made["refreshJwt"]
        )

    def create_app_password(self, account: BlueskyAccount, name: str = "") -> str:
        answer = self.xrpc(
            "com.atproto.server.createAppPassword",
            token=account.access_jwt,
            body={"name": name or f"omroeper-{secrets.token_hex(3)}"},
        )
        return answer["password"]


def _fail(message: str) -> None:
    pytest.fail(message, pytrace=False)


def _installed() -> bool:
    installed = HERE / "node_modules" / ".package-lock.json"  # npm writes it last
    lock = HERE / "package-lock.json"
    return installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime


def _npm_ci() -> None:
    """Install the pinned packages once (CI does it up front; a fresh checkout here)."""
    if _installed():
        return
    # Two test sessions in one checkout must not run `npm ci` in the same place at once.
    import fcntl  # POSIX; where the PDS tests run

    key = hashlib.sha256(str(HERE).encode()).hexdigest()[:12]
    lock = Path(tempfile.gettempdir()) / f"omroeper-npm-ci-{key}.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        if not _installed():
            _run_npm_ci()


def _run_npm_ci() -> None:
    npm = shutil.which("npm")
    if npm is None:
        _fail("npm is not installed: the Bluesky tests need Node.js 20 and npm (see .ci/run)")
    env = dict(os.environ)
    if Path("/usr/include/node/node.h").exists():
        env.setdefault("npm_config_nodedir", "/usr")  # better-sqlite3 compiles against these
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"],
        cwd=HERE,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        told = [line for line in done.stderr.splitlines() if "gyp info" not in line]  # noise
        _fail(f"`npm ci` in {HERE} failed ({done.returncode}):\n" + "\n".join(told[-40:]))


def _ready_line(process: subprocess.Popen[bytes], log: Path) -> dict[str, str]:
    why = f"was not ready within {START_TIMEOUT:.0f} s"
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if selector.select(timeout=START_TIMEOUT):
            line = process.stdout.readline()
            if line:
                return json.loads(line)
            why = "stopped before it was ready"  # its output ended: it exited
    _stop(process)
    _fail(f"the test PDS (tests/support/pds/run.mjs) {why}:\n{log.read_text()[-3000:]}")
    raise AssertionError  # not reached: pytest.fail raises


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to its process group (it cleans its temporary directory), SIGKILL if it hangs."""
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
    for pipe in (process.stdin, process.stdout):
        if pipe:
            pipe.close()


@pytest.fixture(scope="session")
def bluesky_pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pds]:
    """PLC directory + PDS + stand-in AppView, started once per session, stopped by PID."""
    node = shutil.which("node")
    if node is None:
        _fail("node is not installed: the Bluesky tests need Node.js 20 (see .ci/run)")
    _npm_ci()
    log = tmp_path_factory.mktemp("pds") / "pds.log"
    started = time.monotonic()
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [node, "run.mjs"],
            cwd=HERE,
            stdin=subprocess.PIPE,  # the launcher stops when this closes: no orphan if we die
            stdout=subprocess.PIPE,
            stderr=errors,
            start_new_session=True,
        )
    ready = _ready_line(process, log)
    print(f"PDS ready in {time.monotonic() - started:.1f} s at {ready['pds']}")  # shown with -s
    try:
        yield Pds(ready["pds"], ready["admin_password"], ready["handle_domain"])
    finally:
        _stop(process)
