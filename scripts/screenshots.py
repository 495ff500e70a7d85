"""Screenshots of the real app for docs/screenshots/: the window in English and Dutch, light and
dark; the same message without photos, where Bluesky shows the link card; the publish results;
the accounts dialog.

QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support for the scenes

from PIL import Image as PILImage
from PIL import ImageDraw

from composer.core.account import Account, AccountKind, Identity
from composer.core.draft import Draft, Image
from composer.core.store import Store
from composer.i18n.translation import install
from composer.ui.app import create_application
from composer.ui.appearance import dark_palette, light_palette
from composer.ui.composer_window import ComposerWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
ACCOUNTS = [
    Account(
        "website-1",
        AccountKind.WEBSITE,
        Identity("bibliotheek.example.nl"),
        "https://bibliotheek.example.nl/omroeper",
    ),
    Account(
        "mastodon-1",
        AccountKind.MASTODON,
        Identity("Bibliotheek Zuid", "@bieb@social.example.nl"),
        "https://social.example.nl",
    ),
    Account(
        "bluesky-1",
        AccountKind.BLUESKY,
        Identity("Bibliotheek Zuid", "bieb-zuid.bsky.social"),
        "https://bsky.social",
    ),
    Account(
        "pixelfed-1",
        AccountKind.PIXELFED,
        Identity("Bibliotheek Zuid", "@bieb@pixel.example.nl"),
        "https://pixel.example.nl",
    ),
]
WRITTEN = {
    "en": Draft(
        title="Open day at the library",
        body="On Saturday the library opens its doors from 10:00 to 16:00. Reading aloud, "
        "crafts and a quiz about kingfishers.\n\nThe café serves coffee and cake.",
        text="Open day at the library on Saturday, 10:00 to 16:00! Reading aloud, crafts and a "
        "quiz about kingfishers. Thanks to @volunteers@social.example.nl #OpenDay #Library",
    ),
    "nl": Draft(
        title="Open dag in de bibliotheek",
        body="Zaterdag zet de bibliotheek de deuren open van 10.00 tot 16.00 uur. Voorlezen, "
        "knutselen en een quiz over ijsvogels.\n\nHet café schenkt koffie en taart.",
        text="Zaterdag open dag in de bibliotheek, van 10.00 tot 16.00 uur! Voorlezen, knutselen "
        "en een quiz over ijsvogels. Met dank aan @vrijwilligers@social.example.nl "
        "#OpenDag #Bibliotheek",
    ),
}
ALT = {
    "en": "Children listening to a story in the reading room",
    "nl": "Kinderen luisteren naar een verhaal in de leeszaal",
}
OLDER = {
    "en": ["Reading club: new season starts in September", "Closed on King's Day"],
    "nl": ["Leesclub: nieuw seizoen begint in september", "Gesloten op Koningsdag"],
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    app.setStyle("Fusion")  # the same look in both schemes, as on Linux desktops
    for scheme, palette in (("light", light_palette), ("dark", dark_palette)):
        app.setPalette(palette())
        for language in ("en", "nl"):
            install(language)
            window_screenshot(app, language, OUT / f"composer-{language}-{scheme}.png")
    app.setPalette(light_palette())
    for language in ("en", "nl"):
        install(language)
        window_screenshot(app, language, OUT / f"link-card-{language}.png", with_photos=False)
        publish_screenshot(app, OUT / f"publish-results-{language}.png")
    accounts_screenshot(app)
    return 0


def photos(folder: Path) -> list[Path]:
    """Two pictures with shapes in them, so the previews show something photo-like."""
    made = []
    for index, (sky, ground) in enumerate((("#7fb2e5", "#4f8a3c"), ("#f2c48d", "#8c5a3c"))):
        picture = PILImage.new("RGB", (1600, 1067), sky)
        draw = ImageDraw.Draw(picture)
        draw.rectangle((0, 700, 1600, 1067), fill=ground)
        draw.ellipse((1150 - 300 * index, 120, 1350 - 300 * index, 320), fill="#ffe66b")
        draw.rectangle((300, 400, 800, 760), fill="#b03a2e")
        draw.polygon([(260, 400), (550, 220), (840, 400)], fill="#6e2c24")
        path = folder / f"photo-{index + 1}.jpg"
        picture.save(path, quality=90)
        made.append(path)
    return made


def window_screenshot(app, language: str, file: Path, *, with_photos: bool = True) -> None:
    """The window on the sample draft, the Bluesky preview in view: with two photos, or
    without any, when Bluesky shows the link back as a card made from the website's page."""
    folder = Path(tempfile.mkdtemp())
    store = Store.open(folder / "profile")
    for account in ACCOUNTS:
        store.save_account(account)
    for older in OLDER[language]:
        store.create_draft(Draft(text=older))
    first, second = photos(folder)
    draft = WRITTEN[language]
    images = (Image(first, alt=ALT[language]), Image(second))  # the second still needs words
    images = images if with_photos else ()
    targets = tuple(account.id for account in ACCOUNTS)
    store.create_draft(replace(draft, images=images, targets=targets, language=language))
    window = ComposerWindow(store)
    getattr(window, "finish_building", lambda: None)()
    window.show()
    deadline = time.monotonic() + 60
    while (
        window.fitter.busy or any(card.thumb.pixmap is None for card in window.images.cards)
    ) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    window.previews.select("bluesky-1")
    window.refresh(estimate_thread=True)  # as once typing pauses
    app.processEvents()
    window.grab().save(str(file))
    window.close()
    store.close()


def publish_screenshot(app, file: Path) -> None:
    from tests.support.publish_scenes import publish_results_dialog

    dialog = publish_results_dialog(Path(tempfile.mkdtemp()) / "profile")
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(file))
    dialog.close()


def accounts_screenshot(app) -> None:
    """The Accounts dialog, in Dutch, on the Bluesky step with its app-password warning."""
    from composer.core.accounts import Accounts
    from composer.core.credentials import Credentials
    from composer.ui.accounts_dialog import AccountsDialog

    install("nl")
    store = Store.open(Path(tempfile.mkdtemp()) / "profile")
    dialog = AccountsDialog(Accounts(store, Credentials()))  # nothing is connected or stored
    dialog.show()
    dialog.start(AccountKind.BLUESKY)
    dialog.form.handle.setText("bibliotheek.bsky.social")
    dialog.form.password.setText("mijn-eigen-wachtwoord")
    app.processEvents()
    dialog.grab().save(str(OUT / "accounts-nl.png"))
    dialog.close()
    store.close()


if __name__ == "__main__":
    sys.exit(main())
