"""Screenshots of the real app for docs/screenshots/: the window in English and Dutch, light and
dark; the same message without photos, where Bluesky shows the link card; the publish results;
the accounts dialog.

python scripts/screenshots.py      (offscreen, on a 1366 × 768 laptop screen)
python scripts/screenshots.py schedule   (only that scene: schedule-nl.png and -en.png; also
                                         history, editing)

windows-wine-nl.png is the Windows build under Wine instead, from the build in build/wine:
python packaging/windows/wine_build.py && python packaging/windows/wine_build.py --screenshot
docs/screenshots/windows-wine-nl.png
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

# Qt's offscreen screen, as big as the laptop screens Omroeper's people have
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('laptop_screen.json')}"
)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support for the scenes

from composer.core.accounts.account import AccountKind
from composer.core.drafts.draft import Draft, Image
from composer.core.store.store import Store
from composer.i18n.translation import install
from composer.ui.app import create_application
from composer.ui.style.appearance import dark_palette, light_palette
from composer.ui.window.composer_window import ComposerWindow
from tests.support.sample_profile import ACCOUNTS, ALT, OLDER, WRITTEN, photos

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main(scenes: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    app.setStyle("Fusion")  # the same look in both schemes, as on Linux desktops
    if scenes:
        app.setPalette(light_palette())
        for scene in scenes:
            SCENES[scene](app)
        return 0
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
    wordpress_screenshot(app)
    install("nl")
    published_screenshot(app, OUT / "published-nl.png")
    history_screenshots(app)
    schedule_screenshots(app)
    editing_screenshots(app)
    return 0


def schedule_screenshots(app) -> None:
    """Scheduling: the confirm step at a time, with who holds the message until then."""
    from tests.support.publish_scenes import schedule_confirm_dialog

    for language in ("nl", "en"):
        install(language)
        dialog = schedule_confirm_dialog(Path(tempfile.mkdtemp()) / "profile")
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / f"schedule-{language}.png"))
        dialog.close()


def history_screenshots(app) -> None:
    for language in ("nl", "en"):
        install(language)
        history_screenshot(app, OUT / f"history-{language}.png")


def editing_screenshots(app) -> None:
    """Changing a published message: the window with the message opened from the history,
    and the step that says what happens to each copy."""
    from tests.support.publish_scenes import edit_confirm_dialog, published_everywhere

    for language in ("nl", "en"):
        install(language)
        store, accounts, _servers, job_id = published_everywhere(
            Path(tempfile.mkdtemp()) / "profile"
        )
        window = ComposerWindow(store, lambda accounts=accounts: accounts)
        window.show()
        window.edit_job(job_id)
        window.editor.setPlainText(window.editor.toPlainText().replace("Zaterdag 14", "Zondag 15"))
        app.processEvents()
        window.grab().save(str(OUT / f"editing-{language}.png"))
        window.close()
        store.close()
        dialog = edit_confirm_dialog(Path(tempfile.mkdtemp()) / "profile")
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / f"edit-confirm-{language}.png"))
        dialog.close()


SCENES = {
    "schedule": schedule_screenshots,
    "history": history_screenshots,
    "editing": editing_screenshots,
}


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
    images = (Image(first, alt=ALT[language][0]), Image(second))  # the second still needs words
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


def published_screenshot(app, file: Path) -> None:
    """A draft published this morning: the drafts list and the window say so, with the page's
    address; another message waits for the connection."""
    from tests.support.sample_profile import add_published, fill_profile

    store = Store.open(Path(tempfile.mkdtemp()) / "profile")
    add_published(store, fill_profile(store, store.profile.parent, "nl"))
    ids = [account.id for account in ACCOUNTS]
    store.create_job(Draft(title="Voorleesmiddag", text="Kom luisteren!"), ids[:1])
    window = ComposerWindow(store)
    window.show()
    app.processEvents()
    window.previews.select("mastodon-1")
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


def history_screenshot(app, file: Path) -> None:
    """The history with how each copy was received: Mastodon's figures just read, Bluesky's
    from yesterday (it is away just now), and "View replies"."""
    from tests.support.publish_scenes import history_counts_dialog

    dialog = history_counts_dialog(Path(tempfile.mkdtemp()) / "profile")
    dialog.show()
    while dialog.reading:  # the figures are read off the window's thread
        app.processEvents()
    app.processEvents()
    dialog.grab().save(str(file))
    dialog.close()


def accounts_screenshot(app) -> None:
    """The Accounts dialog, in Dutch, on the Bluesky step with its app-password warning."""
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import Credentials
    from composer.ui.accounts.dialog import AccountsDialog

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


def wordpress_screenshot(app, language: str = "nl", out: Path = OUT) -> None:
    """Connecting WordPress: the form with WordPress's own profile page in it
    (wordpress-LANG.png), and once the account is checked, what to write on the site: the
    post type and the category (wordpress-choices-LANG.png). Nothing is connected or stored."""
    from composer.core.accounts.account import Account, Identity
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import Credentials
    from composer.ui.accounts.dialog import AccountsDialog

    install(language)
    store = Store.open(Path(tempfile.mkdtemp()) / "profile")
    dialog = AccountsDialog(Accounts(store, Credentials()))
    dialog.resize(720, 760)
    dialog.show()
    dialog.start(AccountKind.WORDPRESS)
    dialog.form.server.setText("www.bibliotheek-zuid.nl")
    dialog.form.user.setText("communicatie")
    dialog.form.password.setText("abcd efgh ijkl mnop qrst uvwx")
    app.processEvents()
    dialog.grab().save(str(out / f"wordpress-{language}.png"))
    # the Done page, as connecting shows it (an account as connect.py makes one, not saved)
    types = [
        ("post", "Berichten", "posts"),
        ("page", "Pagina’s", "pages"),
        ("nieuws", "Nieuws", "nieuws"),
    ]
    account = Account(
        "wordpress-0000000a",
        AccountKind.WORDPRESS,
        Identity("Communicatie Bibliotheek Zuid", "communicatie@www.bibliotheek-zuid.nl"),
        server="https://www.bibliotheek-zuid.nl",
        settings={
            "roles": ["editor"],
            "can_publish": True,
            "post_type": "post",
            "post_types": [
                {"slug": slug, "name": name, "rest_base": base, "can_publish": True}
                for slug, name, base in types
            ],
            "categories": [{"id": 3, "name": "Activiteiten"}, {"id": 4, "name": "Agenda"}],
        },
    )
    dialog._show_connected(account)
    dialog.wordpress_choices.show_account(dialog.accounts, account)
    dialog.wordpress_choices.show()
    dialog.avatar.hide()  # the site gives no profile picture
    dialog.instructions_button.hide()
    dialog.key_box.hide()
    dialog.pages.setCurrentIndex(dialog.DONE)
    app.processEvents()
    dialog.grab().save(str(out / f"wordpress-choices-{language}.png"))
    dialog.close()
    store.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
