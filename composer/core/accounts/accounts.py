"""Connected accounts: settings in the drafts database, secrets in the keyring, kept in step.

The secret goes into the keyring first: without a usable keyring nothing is kept at all,
and a failure in between leaves neither half behind.
"""

from __future__ import annotations

import builtins
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from composer.core.accounts.account import Account, AccountKind, Connected, new_account_id
from composer.core.accounts.credentials import CredentialError, Credentials
from composer.core.store.store import Store

log = logging.getLogger(__name__)
LIMITS_MAX_AGE = timedelta(hours=12)  # instances rarely change them; offline, the cache serves


class Accounts:
    def __init__(self, store: Store, credentials: Credentials) -> None:
        self.store = store
        self.credentials = credentials

    def list(self) -> list[Account]:
        return self.store.list_accounts()

    def get(self, account_id: str) -> Account:
        return self.store.get_account(account_id)

    def add(self, kind: AccountKind, connected: Connected) -> Account:
        account = Account(
            id=new_account_id(kind),
            kind=kind,
            identity=connected.identity,
            server=connected.server,
            settings=dict(connected.settings),
            limits=dict(connected.limits),
            limits_checked=datetime.now(UTC) if connected.limits else None,
        )
        self.credentials.store(account.id, connected.secret)
        try:
            self.store.save_account(account)
        except BaseException:
            self.credentials.delete(account.id)
            raise
        log.info("connected %s account %s (%s)", kind.value, account.id, account.name)
        return account

    def reconnect(self, account_id: str, connected: Connected) -> Account:
        """The same account connected again (a new token, its granted scopes): same id, so
        the published messages recorded with it can still be deleted."""
        account = replace(
            self.get(account_id),
            identity=connected.identity,
            server=connected.server,
            settings=dict(connected.settings),
            limits=dict(connected.limits),
            limits_checked=datetime.now(UTC) if connected.limits else None,
        )
        self.credentials.store(account.id, connected.secret)
        self.store.save_account(account)
        log.info("connected %s account %s again", account.kind.value, account.id)
        return account

    def change_settings(self, account_id: str, settings: dict[str, Any]) -> Account:
        """The account's settings replaced (a choice made after connecting, like WordPress's
        post type); identity, secret and jobs stay."""
        account = replace(self.get(account_id), settings=dict(settings))
        self.store.save_account(account)
        return account

    def remove(self, account_id: str) -> None:
        self.store.get_account(account_id)  # not_found before anything is touched
        self.credentials.delete(account_id)
        self.store.remove_account(account_id)
        log.info("removed account %s", account_id)

    def secret(self, account_id: str) -> dict[str, str]:
        return self.credentials.load(account_id)

    def replace_secret(self, account_id: str, secret: dict[str, str]) -> None:
        """A refreshed session token: the keyring entry is overwritten, nothing else changes."""
        self.credentials.store(account_id, secret)

    def refresh_limits(self, older_than: timedelta = LIMITS_MAX_AGE) -> builtins.list[str]:
        """Read again the limits of Mastodon and Pixelfed accounts last checked too long ago.

        Blocking network calls: run it off the window's thread. Offline or refused, the cached
        limits stay as they were. Returns the ids that were brought up to date.
        """
        from composer.core.destinations.errors import ConnectError
        from composer.core.destinations.mastodon import connect as mastodon

        updated = []
        for account in self.list():
            checked = account.limits_checked
            fresh = checked is not None and datetime.now(UTC) - checked < older_than
            if account.kind not in (AccountKind.MASTODON, AccountKind.PIXELFED) or fresh:
                continue
            try:
                token = self.secret(account.id).get("access_token")
                limits, software = mastodon.read_server(account.server, account.kind, token)
            except (ConnectError, CredentialError) as failure:
                log.info("limits of %s not refreshed: %s", account.id, failure)
                continue
            self.update_limits(account.id, limits, software)
            updated.append(account.id)
        return updated

    def update_limits(
        self, account_id: str, limits: dict[str, Any], settings: dict[str, Any] | None = None
    ) -> Account:
        """New limits, and settings laid over the old ones (the server's software)."""
        account = self.get(account_id)
        account = replace(
            account,
            settings={**account.settings, **(settings or {})},
            limits=dict(limits),
            limits_checked=datetime.now(UTC),
        )
        self.store.save_account(account)
        return account
