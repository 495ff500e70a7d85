"""A profile as a library's communications officer has it: a website, Mastodon, Bluesky and
Pixelfed connected, older drafts, and an open draft with a message and photos.

The accounts are stored as connecting them stores them, without their secrets (a window shows
them without ever asking the keyring). scripts/screenshots.py shows the same organisation.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image as PILImage
from PIL import ImageDraw

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.drafts.draft import Draft, Image
from composer.core.store.store import Store

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
    "en": ("Children listening to a story in the reading room", "The library's front door"),
    "nl": ("Kinderen luisteren naar een verhaal in de leeszaal", "De voordeur van de bibliotheek"),
}
OLDER = {
    "en": ["Reading club: new season starts in September", "Closed on King's Day"],
    "nl": ["Leesclub: nieuw seizoen begint in september", "Gesloten op Koningsdag"],
}


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


def fill_profile(
    store: Store, folder: Path, language: str, *, alt: tuple[str, ...] | None = None
) -> int:
    """The accounts, the older drafts and, last (so it opens), the draft with two photos.
    `alt`: the photos' descriptions (default: both described). Returns the open draft's id."""
    checked = datetime.now(UTC)  # limits just read: a start asks no server for them
    for account in ACCOUNTS:
        store.save_account(replace(account, limits_checked=checked))
    for older in OLDER[language]:
        store.create_draft(Draft(text=older))
    descriptions = ALT[language] if alt is None else alt
    images = tuple(
        Image(path, alt=words) for path, words in zip(photos(folder), descriptions, strict=True)
    )
    targets = tuple(account.id for account in ACCOUNTS)
    draft = replace(WRITTEN[language], images=images, targets=targets, language=language)
    return store.create_draft(draft)


def add_scheduled(store: Store, language: str) -> int:
    """An older draft scheduled for next Saturday 10:00 in Amsterdam: Mastodon's server holds
    its copy, this computer sends the website's and Bluesky's. Returns the job's id."""
    from composer.core.store.rows import stamp
    from composer.core.store.schedules import Schedule

    zone = ZoneInfo("Europe/Amsterdam")
    today = datetime.now(zone).date()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    at = datetime.combine(saturday, time(10, 0), zone).astimezone(UTC)
    held = {"website-1": "computer", "mastodon-1": "server", "bluesky-1": "computer"}
    draft = Draft(text=OLDER[language][0], title=OLDER[language][0], language=language)
    schedule = Schedule(stamp(at), zone.key, held)  # type: ignore[arg-type]
    # the older draft it was scheduled from: the drafts list marks it
    draft_id = next(d.id for d in store.list_drafts() if d.text == OLDER[language][0])
    return store.create_job(draft, list(held), draft_id, schedule=schedule)


def add_editing(store: Store, draft_id: int) -> int:
    """The open draft published everywhere this morning, and opened again from the history
    to change it (the window opens that change at start: it is the newest draft). Returns
    the draft of the change."""
    return store.edit_draft(add_published(store, draft_id))


def add_published(store: Store, draft_id: int) -> int:
    """The draft published on every sample account, its page on the website. Returns the job."""
    ids = [account.id for account in ACCOUNTS]
    job = store.create_job(store.load_draft(draft_id), ids, draft_id=draft_id)
    page = "https://bibliotheek.example.nl/nieuws/open-dag"
    store.set_canonical_url(job, page)
    for account_id in ids:
        store.set_destination_state(job, account_id, "done", remote_id="1", url=page)
    return job


def sample_profile(
    profile: Path, language: str = "nl", *, scheduled: bool = False, editing: bool = False
) -> Path:
    """A new profile folder holding all that (with a scheduled message when `scheduled`, the
    open draft published and being changed when `editing`); its photos beside it."""
    pictures = profile.parent / f"{profile.name}-photos"
    pictures.mkdir(parents=True, exist_ok=True)
    store = Store.open(profile)
    try:
        draft_id = fill_profile(store, pictures, language)
        if editing:
            add_editing(store, draft_id)
        if scheduled:
            add_scheduled(store, language)
    finally:
        store.close()
    return profile
