"""The SQL of a published copy's last reception figures (table `receptions`, schema step 8):
one row per copy, replaced by each new reading, gone with its job."""

from __future__ import annotations

import sqlite3

from composer.core.publishing.reception import Reception
from composer.core.store.rows import moment, stamp


def save(db: sqlite3.Connection, job_id: int, account_id: str, seen: Reception) -> bool:
    """False when the job has no such copy."""
    known = db.execute(
        "SELECT 1 FROM job_destinations WHERE job_id = ? AND account_id = ?",
        (job_id, account_id),
    ).fetchone()
    if known is None:
        return False
    db.execute(
        "INSERT OR REPLACE INTO receptions"
        " (job_id, account_id, replies, reposts, likes, replies_url, read_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            job_id,
            account_id,
            seen.replies,
            seen.reposts,
            seen.likes,
            seen.replies_url,
            stamp(seen.read_at),
        ),
    )
    return True


def read(db: sqlite3.Connection, job_id: int) -> dict[str, Reception]:
    rows = db.execute(
        "SELECT account_id, replies, reposts, likes, replies_url, read_at FROM receptions"
        " WHERE job_id = ?",
        (job_id,),
    ).fetchall()
    return {
        account_id: Reception(replies, reposts, likes, moment(read_at), url)
        for account_id, replies, reposts, likes, url, read_at in rows
    }
