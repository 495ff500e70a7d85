"""A profile whose database has a damaged page, as a failing disk sector would leave it."""

import random
import sqlite3
from pathlib import Path

import pytest
from PIL import Image as PILImage

from composer.core.drafts.draft import Draft, Image
from composer.core.store.store import Store

DRAFTS = 300


def texts() -> dict[int, str]:
    return {number: f"Bericht {number}: " + "tekst " * (number % 40) for number in range(DRAFTS)}


def damaged_profile(tmp_path: Path) -> tuple[Path, dict[int, Draft]]:
    profile = tmp_path / "profile"
    photo = tmp_path / "foto.png"
    PILImage.new("RGB", (20, 20), "green").save(photo)
    drafts = {}
    with Store.open(profile) as store:
        for number, text in texts().items():
            draft = Draft(text=text, images=(Image(photo, f"foto {number}"),) if number % 3 else ())
            draft_id = store.create_draft(draft)
            drafts[draft_id] = store.load_draft(draft_id)
    path = profile / "omroeper.db"
    size = path.stat().st_size
    assert size > 40 * 4096
    # the page holding draft 150's text turns to noise, as a failing disk sector would
    page = path.read_bytes().index(b"Bericht 150:") // 4096
    with path.open("r+b") as file:
        file.seek(page * 4096)
        file.write(random.Random(3).randbytes(4096))
    raw = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()
    return profile, drafts
