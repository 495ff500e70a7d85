"""Screenshots of the real window, in English and Dutch, for docs/screenshots/.

QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from composer.core.draft import Draft
from composer.core.store import Store
from composer.i18n.translation import install
from composer.ui.app import create_application
from composer.ui.composer_window import ComposerWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SAMPLE = {
    "en": (
        "Open day at the library on Saturday, 10:00 to 16:00! Reading aloud, crafts and a quiz "
        "about kingfishers. Programme: https://library.example.org/agenda/open-day-2026 "
        "Thanks to @volunteers.bsky.social 🎉 #OpenDay #Library\n\n"
    ),
    "nl": (
        "Zaterdag open dag in de bibliotheek, van 10.00 tot 16.00 uur! Voorlezen, knutselen en "
        "een quiz over ĳsvogels. Programma: https://bibliotheek.example.nl/agenda/open-dag-2026 "
        "Met dank aan @vrijwilligers.bsky.social 🎉 #OpenDag #Bibliotheek\n\n"
    ),
}


OLDER = {
    "en": ["Reading club: new season starts in September", "Closed on King's Day"],
    "nl": ["Leesclub: nieuw seizoen begint in september", "Gesloten op Koningsdag"],
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    for language, text in SAMPLE.items():
        install(language)
        store = Store.open(Path(tempfile.mkdtemp()) / "profile")
        for older in OLDER[language]:
            store.create_draft(Draft(text=older))
        window = ComposerWindow(store)
        window.new_draft()
        window.editor.setPlainText(text * 2)
        window.autosaver.flush()
        window.show()
        window.fit.show_draft(window.draft, estimate_thread=True)  # as once typing pauses
        app.processEvents()
        window.grab().save(str(OUT / f"composer-{language}.png"))
        window.close()
        store.close()
    accounts_screenshot(app)
    return 0


def accounts_screenshot(app) -> None:
    """The Accounts dialog, in Dutch, on the Bluesky step with its app-password warning."""
    from composer.core.account import AccountKind
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
