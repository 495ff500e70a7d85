"""Account rows: the non-secret half of a connected account (the secret is in the keyring)."""

from __future__ import annotations

import json
import sqlite3

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.store.rows import moment, stamp

_COLUMNS = "id, kind, name, handle, avatar, url, server, settings, limits, limits_checked"


def write_account(db: sqlite3.Connection, account: Account, created: str) -> None:
    identity = account.identity
    db.execute(
        f"INSERT INTO accounts ({_COLUMNS}, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, handle = excluded.handle,"
        " avatar = excluded.avatar, url = excluded.url, server = excluded.server,"
        " settings = excluded.settings, limits = excluded.limits,"
        " limits_checked = excluded.limits_checked",
        (
            account.id,
            account.kind.value,
            identity.name,
            identity.handle,
            identity.avatar,
            identity.url,
            account.server,
            json.dumps(account.settings, sort_keys=True),
            json.dumps(account.limits, sort_keys=True),
            stamp(account.limits_checked) if account.limits_checked else None,
            created,
        ),
    )


def read_accounts(db: sqlite3.Connection, account_id: str | None = None) -> list[Account]:
    where, parameters = ("WHERE id = ?", (account_id,)) if account_id else ("", ())
    cursor = db.cursor()
    cursor.row_factory = sqlite3.Row  # columns by name
    rows = cursor.execute(
        f"SELECT {_COLUMNS} FROM accounts {where} ORDER BY created, id", parameters
    ).fetchall()
    return [
        Account(
            id=row["id"],
            kind=AccountKind(row["kind"]),
            identity=Identity(
                name=row["name"], handle=row["handle"], avatar=row["avatar"], url=row["url"]
            ),
            server=row["server"],
            settings=json.loads(row["settings"]),
            limits=json.loads(row["limits"]),
            limits_checked=moment(row["limits_checked"]) if row["limits_checked"] else None,
        )
        for row in rows
    ]
