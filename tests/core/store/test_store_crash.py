"""A process saving a draft in a loop is killed (SIGKILL) at random moments, again and again.

After every kill the database opens, passes integrity_check, and holds at least the version
the process last reported saved, whole: text, title, override and image from one save.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image as PILImage

from composer.core.store.store import Store

ROOT = Path(__file__).resolve().parents[3]
KILLS = 60
CHILD = """
import sys
from pathlib import Path
from composer.core.drafts.draft import Draft, Image, Override
from composer.core.store.store import Store

profile, photos = Path(sys.argv[1]), [Path(name) for name in sys.argv[2:]]
store = Store.open(profile)
draft_id = store.last_draft_id() or store.create_draft(Draft())
counter = int(store.load_draft(draft_id).title or 0)
while True:
    counter += 1
    padding = "x" * (counter * 397 % 6000)  # the size changes, so pages split and merge
    store.save_draft(draft_id, Draft(
        text=f"versie {counter} {padding}",
        title=str(counter),
        images=(Image(photos[counter % len(photos)], f"foto {counter}"),),
        overrides={"bluesky": Override(text=f"versie {counter}")},
    ))
    print(counter, flush=True)
    if counter % 5 == 0:
        store.collect_garbage()  # the photo not in use now goes, and comes back next save
"""


def _check(profile: Path, photos: list[Path], reported: int) -> int:
    # as the app does after a crash: open with the WAL the killed process left behind
    with Store.open(profile) as store:
        draft_id = store.last_draft_id()
        draft = store.load_draft(draft_id) if draft_id else None
    raw = sqlite3.connect(profile / "omroeper.db")
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()
    assert not list(profile.glob("*.damaged-*"))
    if draft is None:  # killed before the first draft existed
        assert reported == 0
        return 0
    saved = int(draft.title or 0)
    assert saved >= reported
    if saved:
        assert draft.text.startswith(f"versie {saved} ")
        assert draft.overrides["bluesky"].text == f"versie {saved}"
        assert draft.images[0].alt == f"foto {saved}"
        assert draft.images[0].path.read_bytes() == photos[saved % len(photos)].read_bytes()
    return saved


def test_killed_at_random_moments_nothing_reported_saved_is_lost(tmp_path):
    child = tmp_path / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    photos = []
    for colour in ("red", "blue"):
        photos.append(tmp_path / f"{colour}.png")
        PILImage.new("RGB", (300, 200), colour).save(photos[-1])
    profile = tmp_path / "profile"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    chance = random.Random(os.environ.get("OMROEPER_CRASH_SEED") or time.time_ns())
    reported = saved = 0
    kills_while_saving = 0
    started = time.monotonic()
    for _kill in range(KILLS):
        process = subprocess.Popen(
            [sys.executable, str(child), str(profile), *map(str, photos)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
        first = b""
        if _kill % 2:  # from the interpreter starting (open, migrate) to deep in the save loop
            time.sleep(chance.uniform(0.02, 0.3))
        else:  # in the save loop however slow the machine is: after its first save
            assert process.stdout is not None
            first = process.stdout.readline()
            time.sleep(chance.uniform(0, 0.05))
        os.kill(process.pid, signal.SIGKILL)
        output, errors = process.communicate(timeout=10)
        assert process.returncode == -signal.SIGKILL, errors.decode()
        lines = [line for line in (first + output).decode().split("\n")[:-1] if line]
        if lines:
            kills_while_saving += 1
            reported = int(lines[-1])
        saved = _check(profile, photos, reported)
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {kills_while_saving} in the save loop, {saved} saves, {elapsed:.1f} s")
    assert kills_while_saving >= KILLS // 2  # the kills did land while saving
    assert saved > KILLS
