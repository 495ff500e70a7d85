"""A full disk and a read-only profile, made real by the kernel, not simulated.

A user and mount namespace (`unshare -rm`, no privileges needed) gives a tiny tmpfs that
really fills up (ENOSPC) and a bind mount that is really read-only (EROFS, which stops root
too). The permission case runs as an unprivileged user, since root ignores file modes.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

from composer.core.drafts.draft import Draft, Image
from composer.core.store.store import Store

ROOT = Path(__file__).resolve().parents[3]
NOBODY = 65534


def _namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(
    not _namespaces_work(), reason="user namespaces are disabled on this machine"
)


def _run(script: str, *arguments: str, shell_setup: str = "", prefix: tuple = ()) -> dict:
    """Run `script` in a fresh Python, after `shell_setup` (in its own namespace when given)."""
    python = [sys.executable, "-c", script, *arguments]
    command = [*prefix, *python]
    if shell_setup:
        command = ["unshare", "-rm", "sh", "-c", f'{shell_setup} && exec "$@"', "sh", *command]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


FILL_THE_DISK = """
import json, sqlite3, sys
from pathlib import Path
from composer.core.drafts.draft import Draft, Image
from composer.core.store.store import Store, StoreError

profile, small, large = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
seen = {}

def attempt(name, action):
    try:
        seen[name] = action()
    except StoreError as failure:
        seen[name] = failure.code

store = Store.open(profile)
draft_id = store.create_draft(Draft(text="opgeslagen", images=(Image(small, "klein"),)))
with open(profile / "filler", "wb", buffering=0) as filler:
    try:
        while True:
            filler.write(b"\\0" * 4096)
    except OSError as error:
        seen["filled"] = error.strerror
attempt("long text", lambda: store.save_draft(draft_id, Draft(text="lang " * 200_000)) and "saved")
attempt("new photo", lambda: store.save_draft(draft_id, Draft(images=(Image(large),))) and "saved")
attempt("new draft", lambda: store.create_draft(Draft(text="lang " * 200_000)))
seen["kept"] = store.load_draft(draft_id).text
store.close()
attempt("reopened", lambda: Store.open(profile).load_draft(draft_id).text)
(profile / "filler").unlink()
with Store.open(profile) as store:
    seen["after freeing space"] = store.load_draft(draft_id).text
    store.save_draft(draft_id, Draft(text="weer ruimte", images=(Image(large),)))
    seen["saved again"] = store.load_draft(draft_id).text
raw = sqlite3.connect(profile / "omroeper.db")
seen["integrity"] = raw.execute("PRAGMA integrity_check").fetchone()[0]
seen["leftovers"] = sorted(str(p.name) for p in profile.glob("images/*.partial"))
print(json.dumps(seen))
"""


@needs_namespaces
def test_a_full_disk_refuses_the_save_and_keeps_the_last_version(tmp_path):
    small, large = tmp_path / "klein.png", tmp_path / "groot.bmp"
    PILImage.new("RGB", (20, 20), "red").save(small)
    PILImage.new("RGB", (400, 400), "blue").save(large)  # 480 kB, uncompressed
    profile = tmp_path / "profile"
    profile.mkdir()
    seen = _run(
        FILL_THE_DISK,
        str(profile),
        str(small),
        str(large),
        shell_setup=f"mount -t tmpfs -o size=1m tmpfs {profile}",
    )
    assert seen == {
        "filled": "No space left on device",
        "long text": "disk_full",
        "new photo": "disk_full",
        "new draft": "disk_full",
        "kept": "opgeslagen",
        "reopened": "opgeslagen",
        "after freeing space": "opgeslagen",
        "saved again": "weer ruimte",
        "integrity": "ok",
        "leftovers": [],
    }


READ_ONLY = """
import json, sys
from pathlib import Path
from composer.core.drafts.draft import Draft
from composer.core.store.store import Store, StoreError

profile = Path(sys.argv[1])
seen = {}
try:
    store = Store.open(profile)
except StoreError as failure:
    print(json.dumps({"open": failure.code, "details": failure.details}))
    raise SystemExit
seen["read_only"] = store.read_only
seen["drafts"] = [summary.text for summary in store.list_drafts()]
draft_id = store.last_draft_id()
seen["images"] = [image.path.read_bytes().hex()[:8] for image in store.load_draft(draft_id).images]
for name, action in {
    "save": lambda: store.save_draft(draft_id, Draft(text="nieuw")),
    "create": lambda: store.create_draft(Draft(text="nieuw")),
    "delete": lambda: store.delete_draft(draft_id),
    "purge": store.purge_deleted,
}.items():
    try:
        action()
        seen[name] = "done"
    except StoreError as failure:
        seen[name] = failure.code
seen["still"] = [summary.text for summary in store.list_drafts()]
store.close()
print(json.dumps(seen))
"""
KILLED_AFTER_SAVING = """
import os, signal, sys
from dataclasses import replace
from pathlib import Path
from composer.core.store.store import Store

store = Store.open(Path(sys.argv[1]))
draft_id = store.last_draft_id()
store.save_draft(draft_id, replace(store.load_draft(draft_id), text="laatste, nog in de WAL"))
os.kill(os.getpid(), signal.SIGKILL)
"""


def _profile_with_drafts(profile: Path) -> None:
    photo = profile.parent / "foto.png"
    PILImage.new("RGB", (20, 20), "green").save(photo)
    with Store.open(profile) as store:
        store.create_draft(Draft(text="eerste"))
        store.create_draft(Draft(text="tweede", images=(Image(photo, "groen"),)))


def _expect_read_only(seen: dict, last: str) -> None:
    assert seen == {
        "read_only": True,
        "drafts": [last, "eerste"],
        "images": ["89504e47"],  # the PNG signature: the copy is readable
        "save": "read_only",
        "create": "read_only",
        "delete": "read_only",
        "purge": "read_only",
        "still": [last, "eerste"],
    }


@needs_namespaces
@pytest.mark.parametrize("crashed", [False, True], ids=["closed", "crashed-with-wal"])
def test_a_read_only_file_system_shows_the_drafts_and_refuses_changes(tmp_path, crashed):
    profile = tmp_path / "profile"
    _profile_with_drafts(profile)
    last = "tweede"
    if crashed:  # the last save is only in the WAL, which a read-only folder cannot replay
        killed = subprocess.run(
            [sys.executable, "-c", KILLED_AFTER_SAVING, str(profile)],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        assert killed.returncode == -signal.SIGKILL
        assert (profile / "omroeper.db-wal").stat().st_size > 0
        last = "laatste, nog in de WAL"
    before = {path.name: path.read_bytes() for path in profile.iterdir() if path.is_file()}
    bind = f"mount --bind {profile} {profile} && mount -o remount,ro,bind {profile}"
    _expect_read_only(_run(READ_ONLY, str(profile), shell_setup=bind), last)
    after = {path.name: path.read_bytes() for path in profile.iterdir() if path.is_file()}
    assert after == before
    with Store.open(profile) as store:  # writable again: everything is still there
        assert [summary.text for summary in store.list_drafts()] == [last, "eerste"]


@needs_namespaces
def test_a_new_profile_on_a_read_only_file_system_says_so(tmp_path):
    profile = tmp_path / "profile"
    profile.mkdir()
    bind = f"mount --bind {profile} {profile} && mount -o remount,ro,bind {profile}"
    seen = _run(READ_ONLY, str(profile), shell_setup=bind)
    assert seen == {"open": "read_only", "details": {"path": str(profile)}}


def test_a_profile_the_user_may_not_write_to(tmp_path):
    # tmp_path is private to root; this folder must be reachable by the other user
    folder = Path(tempfile.mkdtemp(prefix="omroeper-test-"))
    try:
        folder.chmod(0o755)
        profile = folder / "profile"
        _profile_with_drafts(profile)
        for path in [profile, *profile.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        prefix: tuple = ()
        if os.geteuid() == 0:  # root writes whatever the modes say: run as nobody instead
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv")
            prefix = ("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")
        _expect_read_only(_run(READ_ONLY, str(profile), prefix=prefix), "tweede")
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755)
        shutil.rmtree(folder)
