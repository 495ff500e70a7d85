"""Keystroke to updated counters and previews in the real window: a 3,000-character message,
four photos (already fitted, as after the first pause) and five destinations.

The baseline is the same keystroke in a bare QPlainTextEdit, timed in the same run.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image as PILImage
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from benchmarks.sample_text import long_text
from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.drafts.draft import Draft, Image
from composer.core.store.store import Store

FRAME_MS = 1000 / 60
ACCOUNTS = [
    Account("website-1", AccountKind.WEBSITE, Identity("Bieb"), "https://www.bieb.example/hook"),
    Account("mastodon-1", AccountKind.MASTODON, Identity("Bieb", "@bieb@social.example")),
    Account("bluesky-1", AccountKind.BLUESKY, Identity("Bieb", "bieb.example")),
    Account("pixelfed-1", AccountKind.PIXELFED, Identity("Bieb", "@bieb@pix.example")),
    Account("discord-1", AccountKind.DISCORD, Identity("Bieb")),
]


def _photos(folder: Path) -> tuple[Image, ...]:
    images = []
    for index in range(4):
        path = folder / f"photo-{index}.jpg"
        PILImage.effect_noise((3000, 2000), 40 + index).convert("RGB").save(path, quality=92)
        images.append(Image(path, alt=f"Foto {index + 1} van de open dag"))
    return tuple(images)


def _median_ms(type_one: callable, keystrokes: int) -> float:
    app = QApplication.instance()
    timings = []
    for _ in range(keystrokes):
        start = time.perf_counter()
        type_one()
        app.processEvents()  # the repaint the person sees
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def run(keystrokes: int = 100) -> dict[str, float]:
    from composer.ui.app import create_application
    from composer.ui.window.composer_window import ComposerWindow

    app = create_application("en")
    folder = Path(tempfile.mkdtemp())
    store = Store.open(folder / "profile")
    for account in ACCOUNTS:
        store.save_account(account)
    text = long_text(3_000)
    draft = Draft(text=text, images=_photos(folder), targets=tuple(a.id for a in ACCOUNTS))
    store.create_draft(draft)
    window = ComposerWindow(store)
    window.show()
    deadline = time.monotonic() + 120
    while window.fitter.busy and time.monotonic() < deadline:  # fitted, as after a pause
        app.processEvents()
        time.sleep(0.01)
    window.refresh()
    app.processEvents()
    cursor = window.editor.textCursor()
    figures = {"window": _median_ms(lambda: window.editor.insertPlainText("a"), keystrokes)}
    window.close()
    bare = QPlainTextEdit()
    bare.setPlainText(text)
    bare.show()
    bare.moveCursor(cursor.MoveOperation.End)
    figures["baseline"] = _median_ms(lambda: bare.insertPlainText("a"), keystrokes)
    bare.close()
    store.close()
    return figures


def report() -> str:
    figures = run()
    ms, base = figures["window"], figures["baseline"]
    return "\n".join(
        [
            "Keystroke in the window (3,000 characters, 4 photos, 5 destinations)",
            f"  {'keystroke to updated counters and previews':<48} {ms:6.2f} ms"
            f"  {ms / base:5.1f}x  {ms / FRAME_MS:5.0%} of a frame",
            f"  {'baseline: the same keystroke in a bare editor':<48} {base:6.2f} ms",
        ]
    )


if __name__ == "__main__":
    print(report())
