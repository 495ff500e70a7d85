"""Accounts connected through the real command line (`omroeper accounts add`), for the CLI
tests: each helper gives the new account's id. Secrets go in on stdin, as a person's would.
Used as `from tests.support import cli_accounts as connect`: `connect.website(cli, site)`."""

from __future__ import annotations

import json
from typing import Any

from tests.support.pds import BlueskyAccount, Pds
from tests.support.wordpress import WordPress

MASTODON_SCOPES = "read:accounts read:statuses write:statuses write:media"


def account(cli: Any, *args: str, stdin: str) -> str:
    """`omroeper accounts add ARGS` with `stdin` (and a line end); it must succeed."""
    result = cli("accounts", "add", *args, stdin=stdin + "\n")
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["id"])


def website(cli: Any, site: Any) -> str:
    """The reference receiver (the `site` fixture: its `url` and `secret`)."""
    return account(cli, "website", "--server", site.url, "--secret-stdin", stdin=site.secret)


def mastodon(
    cli: Any, fake: Any, *, server: str | None = None, scopes: str = MASTODON_SCOPES
) -> str:
    """A fake Mastodon with a token it issued; `server`: where the command line reaches it
    when not directly (a fault proxy's url)."""
    token = fake.issue_token(scopes)
    return account(cli, "mastodon", "--server", server or fake.base, "--token-stdin", stdin=token)


def discord(cli: Any, fake: Any) -> str:
    return account(cli, "discord", "--webhook-stdin", stdin=fake.url)


def bluesky(cli: Any, pds: Pds, name: str) -> tuple[str, BlueskyAccount]:
    """A new account `name` on the real PDS, connected with an app password: its id, and the
    account (its `did` to read its records)."""
    made = pds.create_account(name)
    password = pds.create_app_password(made)
    args = ("bluesky", "--handle", made.handle, "--server", pds.url, "--password-stdin")
    return account(cli, *args, stdin=password), made


def wordpress(cli: Any, site: WordPress, role: str) -> str:
    """A user of the real WordPress with this role, with its application password."""
    user = site.user(role)
    args = ("wordpress", "--server", site.url, "--user", user.user, "--password-stdin")
    return account(cli, *args, stdin=user.app_password + "\n")
