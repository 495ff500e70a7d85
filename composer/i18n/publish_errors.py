"""Why a copy was not published, in plain words with what to do next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from composer.i18n.answer_words import answer_words, no_internet

translate = QCoreApplication.translate


def describe_publish_error(
    code: str, details: dict[str, Any] | None = None, kind: str = "", *, retries: bool = True
) -> str:
    """`kind` ("website", "mastodon", …): who answered, so that the words say whom to ask.

    `retries`: whether Omroeper itself tries again (the window does; the command line has
    exited by the time its words are read, so it tells the person to)."""
    details = details or {}
    if code == "offline":
        return no_internet()
    if not retries and code in _LATER:
        blanks = {"status": "", "job": ""}
        return _LATER[code]().format(**{**blanks, **details})
    said = answer_words(code, details, kind) if kind else None
    if said is not None:
        return said
    if code == "rejected" and details.get("reason") == "image_required":
        code = "image_required"
    if code == "cannot_schedule":  # why the server cannot hold it: the words differ
        code = f"cannot_schedule_{details.get('reason') or 'software'}"
    if code == "cannot_edit":  # why this copy cannot be changed: the words differ
        code = f"cannot_edit_{details.get('reason') or 'software'}"
    if code == "edit_refused" and not details.get("message"):
        code = "edit_refused_silently"
    if code == "rejected" and details.get("status") and not details.get("message"):
        code = "rejected_silently"  # the server gave no reason: no empty ": " either
    if code == "photo_too_large":
        details = details | {"size": _megabytes(details.get("bytes"))}
        if "index" not in details:
            code = "post_too_large"
    if code == "invalid_field" and not details.get("message"):
        code = "invalid_field_silently"
    words = {
        "rejected": lambda: translate(
            "Publish", "The server refused the message ({status}): {message}"
        ),
        "rejected_silently": lambda: translate(
            "Publish", "The server refused the message ({status}) without saying why."
        ),
        "too_long": lambda: translate(
            "Publish", "The message is too long for this network: shorten it and try again."
        ),
        "image_required": lambda: translate(
            "Publish", "This network only takes posts with a photo: add one and try again."
        ),
        "expired": lambda: translate(
            "Publish", "The sign-in for this account has expired: connect it again, then retry."
        ),
        "scope_missing": lambda: translate(
            "Publish",
            "This account was connected without permission for this (reading or deleting its "
            "own posts). Connect it again under Accounts, allow Omroeper, then retry.",
        ),
        "wrong_credentials": lambda: translate(
            "Publish",
            "The server no longer accepts this account's password or token: "
            "connect it again, then retry.",
        ),
        "rate_limited": lambda: translate(
            "Publish", "The server asked Omroeper to slow down; it will try again later."
        ),
        "server_error": lambda: translate(
            "Publish", "The server had a problem ({status}); Omroeper will try again."
        ),
        "timeout": lambda: translate(
            "Publish", "The server did not answer in time; Omroeper will try again."
        ),
        "unreachable": lambda: translate(
            "Publish", "The server cannot be reached (offline?); Omroeper will try again."
        ),
        "connection_lost": lambda: translate(
            "Publish", "The connection broke before the server answered."
        ),
        "interrupted": lambda: translate("Publish", "Omroeper stopped while sending this copy."),
        "bad_answer": lambda: translate("Publish", "The server's answer could not be understood."),
        "answer_too_large": lambda: translate(
            "Publish",
            "The server answered with far more data than a reply holds, so Omroeper stopped "
            "reading. Check whether the copy arrived before trying again.",
        ),
        "redirected": lambda: translate(
            "Publish",
            "The server tried to send Omroeper to another address ({status}); Omroeper does "
            "not follow it, so nothing was sent there. Check the account's address.",
        ),
        "tls_failed": lambda: translate(
            "Publish", "The connection is not trusted (certificate refused): ask your IT support."
        ),
        "not_tls": lambda: translate(
            "Publish",
            "The server does not speak https at the account's address (wrong port?). Nothing "
            "was sent: connect the account again with the right address.",
        ),
        "connect_again": lambda: translate(
            "Publish",
            "Omroeper cannot check whether this copy arrived: the account was connected "
            "without permission to read its posts. Connect it again, then retry; nothing is "
            "sent twice.",
        ),
        "account_missing": lambda: translate(
            "Publish", "This account is no longer connected: connect it again, then retry."
        ),
        "no_secret": lambda: translate(
            "Publish", "The password for this account is gone from the keyring: connect it again."
        ),
        "image_failed": lambda: translate(
            "Publish", "Photo {index} could not be prepared for this network."
        ),
        "cannot_upload": lambda: translate(
            "Publish",
            "This WordPress account may not upload photos (a contributor). Publish without "
            "photos, or ask the site's administrator for the author role, then retry.",
        ),
        "held_for_review": lambda: translate(
            "Publish",
            "Your message is waiting for approval in WordPress; the networks will not follow "
            "until it is published there. Once an editor has published it, send it again: "
            "Omroeper finds it and does not post it twice.",
        ),
        "not_allowed": lambda: translate(
            "Publish",
            "Your WordPress site no longer lets this account write or publish this kind of "
            "post (its role on the site may have changed). Connect the site again under "
            "Accounts, so that Omroeper sees what the account may do, then send it again.",
        ),
        "photo_refused": lambda: translate(
            "Publish",
            "Your WordPress site did not accept photo {index} (a {type} photo): it does not "
            "take this kind of file. Ask whoever manages the site to allow {type} photos, or "
            "remove the photo, then send it again.",
        ),
        "photo_too_large": lambda: translate(
            "Publish",
            "Your WordPress site refused photo {index} as too large ({size}). Ask whoever "
            "manages the site to allow larger uploads, or use a smaller photo, then send it "
            "again.",
        ),
        "post_too_large": lambda: translate(
            "Publish",
            "Your WordPress site refused the post as too large. Shorten it, or ask whoever "
            "manages the site to allow larger posts, then send it again.",
        ),
        "invalid_field": lambda: translate(
            "Publish",
            "Your WordPress site did not accept part of the post ({fields}). WordPress says: "
            "“{message}”. Ask whoever manages the site, then send it again.",
        ),
        "invalid_field_silently": lambda: translate(
            "Publish",
            "Your WordPress site did not accept part of the post ({fields}). Ask whoever "
            "manages the site, then send it again.",
        ),
        "too_soon": lambda: translate(
            "Publish",
            "That time is too close: the server needs the message at least {minutes} minutes "
            "ahead to hold it. Choose a later time, or publish now.",
        ),
        "schedule_limit": lambda: translate(
            "Publish",
            "The server holds no more scheduled messages for this account (Mastodon: at most "
            "25 a day and 300 in all). Choose another day, or publish now.",
        ),
        "cannot_schedule_review_only": lambda: translate(
            "Publish",
            "This WordPress account may not publish, so it cannot schedule either. Ask the "
            "site's administrator for the author role, or publish now and an editor approves it.",
        ),
        "cannot_schedule_software": lambda: translate(
            "Publish",
            "This server cannot hold a message until a chosen time; this computer sends it "
            "instead.",
        ),
        "cannot_schedule_thread": lambda: translate(
            "Publish",
            "A message in several parts cannot be handed to the server to hold; this computer "
            "sends it instead.",
        ),
        "not_held": lambda: translate(
            "Publish",
            "The server no longer holds this scheduled message and did not publish it: it was "
            "cancelled there, or refused when its time came. Look on the network, then "
            "publish it again if it is missing.",
        ),
        "cannot_edit_software": lambda: translate(
            "Publish",
            "This server cannot change a message that is already online, so this copy stays "
            "as it was. Delete it there and publish again if the change matters.",
        ),
        "cannot_edit_thread_length": lambda: translate(
            "Publish",
            "The change needs a different number of parts on this network, and parts cannot "
            "be added or taken away afterwards. Keep the same length, or delete the message "
            "there and publish it again.",
        ),
        "cannot_edit_alt_text": lambda: translate(
            "Publish",
            "This server cannot change the description of a photo that is already online. "
            "Keep the descriptions as they were, or delete the message there and publish it "
            "again.",
        ),
        "cannot_edit_photos": lambda: translate(
            "Publish",
            "This server cannot add or take away photos of a message that is already online. "
            "Keep the same photos, or delete the message there and publish it again.",
        ),
        "cannot_edit_gone": lambda: translate(
            "Publish",
            "This copy is no longer online (it was deleted on the network), so there is "
            "nothing to change.",
        ),
        "edit_needs_repost": lambda: translate(
            "Publish",
            "Bluesky cannot change a post that is already online, so this copy stays as it "
            "was. You can post it again with the change: its likes and replies are then lost.",
        ),
        "edit_busy": lambda: translate(
            "Publish",
            "Message {job} is being changed or sent right now, in the window or by another "
            "command, so nothing was sent. Try again when that is done.",
        ),
        "page_not_ours": lambda: translate(
            "Publish",
            "The message links to a page on your website that was there already, so Omroeper "
            "left that page as it was. Change it on your website if needed.",
        ),
        "not_published": lambda: translate(
            "Publish",
            "This message is no longer online (deleted, cancelled or never sent), so there "
            "is nothing to change.",
        ),
        "edit_refused": lambda: translate(
            "Publish", "The server refused the change ({status}): {message}"
        ),
        "edit_refused_silently": lambda: translate(
            "Publish", "The server refused the change ({status}) without saying why."
        ),
        # the website's answer: a published copy with such an address is describe_no_address
        "unsafe_url": lambda: translate(
            "Publish",
            "Your website took the message, but the address it gave for the page is not a "
            "safe web address, so the other places wait (they would link to it). Ask your "
            "website's developer to check it, then retry.",
        ),
    }.get(code)
    text = words() if words else translate("Publish", "Publishing failed ({code}).")
    blanks = {
        "status": "",
        "message": "",
        "index": "",
        "type": "",
        "size": "",
        "fields": "",
        "minutes": "",
        "job": "",
    }
    return text.format(**{**blanks, **details, "code": code})


def _megabytes(size: Any) -> str:
    """A size in bytes as the person reads it: "1,4 MB" in Dutch, "1.4 MB" in English."""
    if not isinstance(size, int) or size <= 0:
        return "?"
    return translate("Publish", "{size} MB").format(
        size=QLocale().toString(size / 1_000_000, "f", 1)
    )


# For the command line: the same failures, with what the person does next.
_LATER = {
    "rate_limited": lambda: translate(
        "Publish", "The server asked Omroeper to slow down. Try again in a few minutes."
    ),
    "server_error": lambda: translate(
        "Publish", "The server had a problem ({status}). Try again later."
    ),
    "timeout": lambda: translate("Publish", "The server did not answer in time. Try again later."),
    "unreachable": lambda: translate(
        "Publish", "The server cannot be reached (offline?). Try again later."
    ),
}


def describe_no_address() -> str:
    """A copy that was published, whose server gave an address that is not a safe link."""
    return translate(
        "Publish",
        "Published, but the server gave an address that is not a safe web address, so "
        "Omroeper shows no link. Look for the message on the network itself.",
    )


def describe_unknown() -> str:
    return translate(
        "Publish",
        "Omroeper cannot tell whether this copy arrived: look in the channel before trying again.",
    )
