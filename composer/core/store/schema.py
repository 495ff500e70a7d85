"""The drafts database schema as forward steps; PRAGMA user_version is the step reached.

A step is never edited once released: change the schema by appending a step. The tests build
a database at every earlier version from these same statements and migrate it.
"""

from __future__ import annotations

import sqlite3

STEPS: tuple[tuple[str, ...], ...] = (
    # 1: drafts and their images (content-addressed copies under images/)
    (
        """CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            link TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            content_warning TEXT NOT NULL DEFAULT '',
            targets TEXT NOT NULL DEFAULT '[]',
            thread TEXT NOT NULL DEFAULT 'false',
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )""",
        """CREATE TABLE images (
            hash TEXT PRIMARY KEY,
            extension TEXT NOT NULL DEFAULT '',
            bytes INTEGER NOT NULL
        )""",
        """CREATE TABLE draft_images (
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            hash TEXT NOT NULL REFERENCES images(hash),
            alt TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (draft_id, position)
        )""",
        "CREATE INDEX draft_images_by_hash ON draft_images(hash)",
    ),
    # 2: per-destination overrides, decorative images, deleting with undo
    (
        """CREATE TABLE overrides (
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            target TEXT NOT NULL,
            text TEXT,
            content_warning TEXT,
            thread TEXT,
            PRIMARY KEY (draft_id, target)
        )""",
        "ALTER TABLE draft_images ADD COLUMN decorative INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE drafts ADD COLUMN deleted TEXT",
        "CREATE INDEX drafts_by_change ON drafts(deleted, modified)",
    ),
    # 3: connected accounts, without their secrets (those are in the keyring)
    (
        """CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            handle TEXT NOT NULL DEFAULT '',
            avatar TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            server TEXT NOT NULL DEFAULT '',
            settings TEXT NOT NULL DEFAULT '{}',
            limits TEXT NOT NULL DEFAULT '{}',
            limits_checked TEXT,
            created TEXT NOT NULL
        )""",
    ),
    # 4: publish jobs, one row per destination (the outbox that survives a crash)
    (
        """CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            draft TEXT NOT NULL,
            created TEXT NOT NULL,
            canonical_url TEXT,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finished'))
        )""",
        """CREATE TABLE job_destinations (
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            account_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            position INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sending', 'done', 'failed', 'unknown')),
            remote_id TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            error_code TEXT,
            error_details TEXT NOT NULL DEFAULT '{}',
            retryable INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            idempotency_key TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (job_id, account_id)
        )""",
        "CREATE INDEX jobs_by_state ON jobs(state)",
    ),
    # 5: when a published copy was deleted everywhere (NULL: still online)
    ("ALTER TABLE job_destinations ADD COLUMN deleted TEXT",),
    # 6: which draft a job was published from (NULL: a draft file, from the command line), so
    # the drafts list can say "published" and publishing it again asks first
    (
        "ALTER TABLE jobs ADD COLUMN draft_id INTEGER",
        "CREATE INDEX jobs_by_draft ON jobs(draft_id)",
    ),
    # 7: each status of a thread as a step of its destination: recorded before it is sent
    # ('sending') and once answered ('done', with its id), so a resume continues from the
    # first missing part and never resends one the server may hold without reading back.
    # `parts`: how many the thread has, once known (0: not yet, or an older job). An older
    # job's published Mastodon-API copy becomes its part 1.
    (
        """CREATE TABLE job_parts (
            job_id INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            number INTEGER NOT NULL CHECK (number >= 1),
            state TEXT NOT NULL CHECK (state IN ('sending', 'done')),
            idempotency_key TEXT NOT NULL,
            marker TEXT NOT NULL DEFAULT '',
            remote_id TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            started TEXT NOT NULL,
            PRIMARY KEY (job_id, account_id, number),
            FOREIGN KEY (job_id, account_id)
                REFERENCES job_destinations(job_id, account_id) ON DELETE CASCADE
        )""",
        "ALTER TABLE job_destinations ADD COLUMN parts INTEGER NOT NULL DEFAULT 0",
        """INSERT INTO job_parts (job_id, account_id, number, state, idempotency_key, remote_id,
            url, started)
            SELECT job_id, account_id, 1, 'done', idempotency_key, remote_id, url, updated
            FROM job_destinations
            WHERE state = 'done' AND remote_id != '' AND kind IN ('mastodon', 'pixelfed')""",
    ),
    # 8: scheduling. A job may wait for a time (`scheduled_at`, UTC, with the person's
    # `zone`, an IANA name); a job's state gains `scheduled`, `late` (overdue beyond the grace
    # period: waits for the person) and `cancelled`; a destination's gains `scheduled` and
    # `cancelled`, with who holds the scheduled copy (`held_by`: its server or this
    # computer). `claimed_by`/`claimed_until`: the database lock of `publish --due`, which
    # expires, so a crash never leaves a job stuck. `sent_late`: sent after its time (within
    # the grace period), for the person to be told. SQLite cannot change a CHECK, so the
    # three job tables are rebuilt: copied aside, dropped (children first), made again.
    (
        "CREATE TABLE keep_jobs AS SELECT * FROM jobs",
        "CREATE TABLE keep_destinations AS SELECT * FROM job_destinations",
        "CREATE TABLE keep_parts AS SELECT * FROM job_parts",
        "DROP TABLE job_parts",
        "DROP TABLE job_destinations",
        "DROP TABLE jobs",
        """CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            draft TEXT NOT NULL,
            created TEXT NOT NULL,
            canonical_url TEXT,
            state TEXT NOT NULL DEFAULT 'open'
                CHECK (state IN ('open', 'finished', 'scheduled', 'late', 'cancelled')),
            draft_id INTEGER,
            scheduled_at TEXT,
            zone TEXT NOT NULL DEFAULT '',
            sent_late INTEGER NOT NULL DEFAULT 0,
            claimed_by TEXT,
            claimed_until TEXT
        )""",
        """CREATE TABLE job_destinations (
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            account_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            position INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN
                ('pending', 'sending', 'done', 'failed', 'unknown', 'scheduled', 'cancelled')),
            remote_id TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            error_code TEXT,
            error_details TEXT NOT NULL DEFAULT '{}',
            retryable INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            idempotency_key TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted TEXT,
            parts INTEGER NOT NULL DEFAULT 0,
            held_by TEXT CHECK (held_by IN ('server', 'computer')),
            PRIMARY KEY (job_id, account_id)
        )""",
        """CREATE TABLE job_parts (
            job_id INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            number INTEGER NOT NULL CHECK (number >= 1),
            state TEXT NOT NULL CHECK (state IN ('sending', 'done')),
            idempotency_key TEXT NOT NULL,
            marker TEXT NOT NULL DEFAULT '',
            remote_id TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            started TEXT NOT NULL,
            PRIMARY KEY (job_id, account_id, number),
            FOREIGN KEY (job_id, account_id)
                REFERENCES job_destinations(job_id, account_id) ON DELETE CASCADE
        )""",
        """INSERT INTO jobs (id, draft, created, canonical_url, state, draft_id)
            SELECT id, draft, created, canonical_url, state, draft_id FROM keep_jobs""",
        """INSERT INTO job_destinations (job_id, account_id, kind, position, state, remote_id,
            url, error_code, error_details, retryable, attempts, idempotency_key, updated,
            deleted, parts)
            SELECT job_id, account_id, kind, position, state, remote_id, url, error_code,
            error_details, retryable, attempts, idempotency_key, updated, deleted, parts
            FROM keep_destinations""",
        """INSERT INTO job_parts (job_id, account_id, number, state, idempotency_key, marker,
            remote_id, url, started)
            SELECT job_id, account_id, number, state, idempotency_key, marker, remote_id, url,
            started FROM keep_parts""",
        "DROP TABLE keep_parts",
        "DROP TABLE keep_destinations",
        "DROP TABLE keep_jobs",
        "CREATE INDEX jobs_by_state ON jobs(state)",
        "CREATE INDEX jobs_by_draft ON jobs(draft_id)",
        "CREATE INDEX jobs_by_time ON jobs(state, scheduled_at)",
    ),
    # 9: the last figures read of how each published copy was received (replies, reposts,
    # likes; NULL: the server's count was unknown), with when, so the history shows them
    # offline
    (
        """CREATE TABLE receptions (
            job_id INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            replies INTEGER,
            reposts INTEGER,
            likes INTEGER,
            replies_url TEXT NOT NULL DEFAULT '',
            read_at TEXT NOT NULL,
            PRIMARY KEY (job_id, account_id),
            FOREIGN KEY (job_id, account_id)
                REFERENCES job_destinations(job_id, account_id) ON DELETE CASCADE
        )""",
    ),
    # 10: edits of a published job: the new draft (as jobs keep theirs) and the one it
    # replaced (`previous`, set once the first copy is edited: the job's `draft` is then the
    # new one), and per copy its own state and key, made when the edit is created
    (
        """CREATE TABLE edits (
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            number INTEGER NOT NULL CHECK (number >= 1),
            draft TEXT NOT NULL,
            previous TEXT,
            created TEXT NOT NULL,
            PRIMARY KEY (job_id, number)
        )""",
        """CREATE TABLE edit_copies (
            job_id INTEGER NOT NULL,
            number INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN
                ('pending', 'sending', 'done', 'failed', 'unknown', 'unchanged')),
            idempotency_key TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            retryable INTEGER NOT NULL DEFAULT 0,
            error_code TEXT,
            error_details TEXT NOT NULL DEFAULT '{}',
            url TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL,
            PRIMARY KEY (job_id, number, account_id),
            FOREIGN KEY (job_id, number) REFERENCES edits(job_id, number) ON DELETE CASCADE,
            FOREIGN KEY (job_id, account_id)
                REFERENCES job_destinations(job_id, account_id) ON DELETE CASCADE
        )""",
    ),
    # 11: a draft that is a change to a published job (opened from the history with "Edit…"):
    # the window sends it as an edit of that job, not as a new message
    (
        "ALTER TABLE drafts ADD COLUMN edits_job INTEGER REFERENCES jobs(id) ON DELETE SET NULL",
        "CREATE INDEX drafts_by_edited_job ON drafts(edits_job)",
    ),
)
LATEST = len(STEPS)


def version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def apply_step(connection: sqlite3.Connection, number: int) -> None:
    """Run step `number` (from 1) inside the caller's transaction."""
    for statement in STEPS[number - 1]:
        connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {number:d}")


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the database to LATEST, one transaction per step, so a crash leaves a whole step."""
    while (current := version(connection)) < LATEST:
        connection.execute("BEGIN IMMEDIATE")
        try:
            # another process may have migrated while this one waited for the lock
            if version(connection) == current:
                apply_step(connection, current + 1)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
