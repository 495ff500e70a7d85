"""A database from every earlier schema version opens, migrated, with its data intact."""

import hashlib
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.drafts.draft import Draft, Image, Override
from composer.core.publishing.reception import Reception
from composer.core.store.schema import LATEST, apply_step
from composer.core.store.store import Store, StoreError

ACCOUNT = Account("mastodon-1a2b3c4d", AccountKind.MASTODON, Identity("Bieb", "@bieb@example.org"))
PNG = b"\x89PNG\r\n\x1a\n stands in for a photo"
HASH = hashlib.sha256(PNG).hexdigest()

EMPTY_DRAFT = {
    **dict.fromkeys(("text", "title", "body", "link", "language", "content_warning"), ""),
    "images": [],
    "targets": [],
    "overrides": {},
    "thread": False,
}
# What a database written at each version held; a new schema step needs a sample here.
SAMPLES = {
    1: (
        "INSERT INTO drafts (id, text, title, body, link, language, content_warning, targets,"
        " thread, created, modified) VALUES (7, 'Oud bericht ✓', 'Oude titel', 'Lang', "
        "'https://example.org/a', 'nl', 'let op', '[\"website\",\"mastodon\"]', 'numbered', "
        "'2024-01-01T10:00:00.000000+00:00', '2024-01-02T10:00:00.000000+00:00')",
        "INSERT INTO drafts (id, text, created, modified) VALUES (8, 'Tweede',"
        " '2024-01-01T09:00:00.000000+00:00', '2024-01-01T09:00:00.000000+00:00')",
        f"INSERT INTO images (hash, extension, bytes) VALUES ('{HASH}', '.png', {len(PNG)})",
        "INSERT INTO draft_images (draft_id, position, hash, alt, source)"
        f" VALUES (7, 1, '{HASH}', 'Een stip', '/oud/stip.png')",
    ),
    2: ("INSERT INTO overrides (draft_id, target, text) VALUES (7, 'bluesky', 'Korter')",),
    3: (
        "INSERT INTO accounts (id, kind, name, handle, server, settings, created)"
        " VALUES ('bluesky-99aa88bb', 'bluesky', 'Museum', 'museum.example.org',"
        " 'https://pds.example.org', '{\"did\": \"did:plc:abc\"}',"
        " '2024-01-01T08:00:00.000000+00:00')",
    ),
    4: (
        "INSERT INTO jobs (id, draft, created, state) VALUES (3, '"
        + json.dumps({**EMPTY_DRAFT, "text": "Uit", "language": "nl"})
        + "', '2024-01-03T10:00:00.000000+00:00', 'finished')",
        "INSERT INTO job_destinations (job_id, account_id, kind, position, state, remote_id, url,"
        " idempotency_key, updated) VALUES (3, 'bluesky-99aa88bb', 'bluesky', 1, 'done',"
        " 'at://did:plc:abc/app.bsky.feed.post/3k', 'https://bsky.app/profile/m/post/3k', '3k',"
        " '2024-01-03T10:00:01.000000+00:00')",
    ),
    5: (
        "UPDATE job_destinations SET deleted = '2024-01-04T10:00:00.000000+00:00'"
        " WHERE job_id = 3 AND account_id = 'bluesky-99aa88bb'",
    ),
    6: (
        "INSERT INTO jobs (id, draft, created, state, draft_id) VALUES (4, '"
        + json.dumps({**EMPTY_DRAFT, "text": "Draad"})
        + "', '2024-01-05T10:00:00.000000+00:00', 'finished', NULL)",
        "INSERT INTO job_destinations (job_id, account_id, kind, position, state, remote_id, url,"
        " idempotency_key, updated) VALUES (4, 'mastodon-77aa66bb', 'mastodon', 1, 'done',"
        " '1101', 'https://m.example.org/@b/1101', 'key-m',"
        " '2024-01-05T10:00:01.000000+00:00')",
    ),
    7: (
        "INSERT INTO job_parts (job_id, account_id, number, state, idempotency_key, marker,"
        " remote_id, url, started) VALUES (4, 'mastodon-77aa66bb', 2, 'sending', 'key-m2',"
        " 'm2', '', '', '2024-01-05T10:00:02.000000+00:00')",
    ),
    8: (
        "INSERT INTO jobs (id, draft, created, state, scheduled_at, zone) VALUES (5, '"
        + json.dumps({**EMPTY_DRAFT, "text": "Later"})
        + "', '2024-01-06T10:00:00.000000+00:00', 'scheduled',"
        " '2024-02-01T09:00:00+00:00', 'Europe/Amsterdam')",
    ),
    9: (
        "INSERT INTO receptions (job_id, account_id, replies, reposts, likes, read_at)"
        " VALUES (4, 'mastodon-77aa66bb', 2, 1, NULL, '2024-01-06T10:00:00.000000+00:00')",
    ),
    10: (
        "INSERT INTO edits (job_id, number, draft, created) VALUES (4, 1, '"
        + json.dumps({**EMPTY_DRAFT, "text": "Draad!"})
        + "', '2024-01-07T10:00:00.000000+00:00')",
        "INSERT INTO edit_copies (job_id, number, account_id, state, idempotency_key, updated)"
        " VALUES (4, 1, 'mastodon-77aa66bb', 'sending', 'edit-m',"
        " '2024-01-07T10:00:01.000000+00:00')",
    ),
}
OLD_ACCOUNT = Account(
    "bluesky-99aa88bb",
    AccountKind.BLUESKY,
    Identity("Museum", "museum.example.org"),
    server="https://pds.example.org",
    settings={"did": "did:plc:abc"},
)
EXPECTED = {
    7: Draft(
        text="Oud bericht ✓",
        title="Oude titel",
        body="Lang",
        link="https://example.org/a",
        language="nl",
        content_warning="let op",
        targets=("website", "mastodon"),
        thread="numbered",
    ),
    8: Draft(text="Tweede"),
}


def test_every_earlier_version_has_sample_data():
    assert set(SAMPLES) == set(range(1, LATEST))


def _database_at(profile: Path, version: int) -> Path:
    profile.mkdir()
    (profile / "images" / HASH[:2]).mkdir(parents=True)
    (profile / "images" / HASH[:2] / f"{HASH}.png").write_bytes(PNG)
    path = profile / "omroeper.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    for step in range(1, version + 1):
        raw.execute("BEGIN")
        apply_step(raw, step)
        for statement in SAMPLES.get(step, ()):
            raw.execute(statement)
        raw.execute("COMMIT")
    assert raw.execute("PRAGMA user_version").fetchone() == (version,)
    raw.close()
    return path


@pytest.mark.parametrize("version", range(LATEST))
def test_earlier_version_is_migrated_with_its_data(tmp_path, version):
    path = _database_at(tmp_path / "profile", version)
    with Store.open(tmp_path / "profile") as store:
        ids = [summary.id for summary in store.list_drafts()]
        drafts = {draft_id: store.load_draft(draft_id) for draft_id in ids}
        # and it keeps working: the newest columns and tables take data
        if ids:
            store.save_draft(ids[0], Draft(text="na", overrides={"bluesky": Override(text="b")}))
            assert store.load_draft(ids[0]).overrides == {"bluesky": Override(text="b")}
            store.delete_draft(ids[-1])
        store.save_account(ACCOUNT)
        assert store.list_accounts() == [OLD_ACCOUNT] * (version >= 3) + [ACCOUNT]
        job = store.job(store.create_job(Draft(text="uit"), [ACCOUNT.id]))
        assert [row.state for row in job.destinations] == ["pending"]
        if ids:  # the newest column takes data: a job knows the draft it came from
            sent = store.create_job(Draft(text="na"), [ACCOUNT.id], draft_id=ids[0])
            assert [found.id for found in store.publications(ids[0])] == [sent]
        old_jobs = [job for job in store.list_jobs() if job.id == 3]
        if version >= 4:
            (old_job,) = old_jobs
            (row,) = old_job.destinations
            assert (old_job.draft, row.url, row.deleted is None) == (
                Draft(text="Uit", language="nl"),
                "https://bsky.app/profile/m/post/3k",
                version < 5,
            )
            store.mark_deleted(3, row.account_id)
            assert store.job(3).deleted
            # an old job belongs to no draft: no draft says it was published
            assert all(summary.published is None for summary in store.list_drafts())
        else:
            assert old_jobs == []
        if version >= 6:  # an older job's published Mastodon copy is its part 1
            (thread,) = store.job(4).destinations
            assert [(p.number, p.state, p.remote_id, p.url) for p in thread.parts] == [
                (1, "done", "1101", "https://m.example.org/@b/1101")
            ] + [(2, "sending", "", "")] * (version >= 7)
            assert thread.parts_total == 0 and thread.parts_online == 1
            # the tables rebuilt for scheduling keep every row and column
            assert (thread.state, thread.idempotency_key, thread.held_by) == ("done", "key-m", None)
            assert store.job(4).state == "finished" and store.job(4).scheduled_at is None
        if version >= 8:  # a scheduled job keeps its time and zone through the receptions step
            later = store.job(5)
            assert (later.state, later.zone) == ("scheduled", "Europe/Amsterdam")
            assert later.scheduled_at == datetime(2024, 2, 1, 9, tzinfo=UTC)
        if version >= 10:  # a half-sent edit is still there to be finished
            assert store.edit(4, 1).copy("mastodon-77aa66bb").state == "sending"
            assert store.unfinished_edits() == [(4, 1)]
        if version >= 9:  # the last figures read of a copy stay through the edits step
            assert store.receptions(4)["mastodon-77aa66bb"].replies == 2
            # the newest tables take data: an edit of a published job, a key per copy
            number = store.create_edit(4, Draft(text="Draad, verbeterd"))
            (copy,) = store.edit(4, number).copies
            assert (copy.account_id, copy.state, copy.attempts) == (
                "mastodon-77aa66bb",
                "pending",
                0,
            )
            # and the newest column: a draft that changes a published job
            draft_id = store.edit_draft(4)
            assert store.load_draft(draft_id).text == "Draad"
            assert store.edited_job(draft_id) == 4
        # the newest table takes data: a thread's parts, recorded before and after sending
        new = store.create_job(Draft(text="draad"), [ACCOUNT.id])
        store.part_sending(new, ACCOUNT.id, 1, total=2, key="k-1", marker="m1")
        store.part_done(new, ACCOUNT.id, 1, remote_id="501", url="https://example.org/501")
        store.part_sending(new, ACCOUNT.id, 2, total=2, key="k-2", marker="m2")
        row = store.job(new).destination(ACCOUNT.id)
        assert [(p.number, p.state) for p in row.parts] == [(1, "done"), (2, "sending")]
        assert (row.parts_total, row.parts_online, row.online) == (2, 1, True)
        # the newest table takes data: the last figures read of how a copy was received
        assert store.receptions(new) == {}
        seen = Reception(2, None, 7, datetime(2026, 1, 2, 3, 4, tzinfo=UTC), "https://x.org/1")
        store.save_reception(new, ACCOUNT.id, seen)
        assert store.receptions(new) == {ACCOUNT.id: seen}
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone() == (LATEST,)
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()
    if version == 0:
        assert drafts == {}
        return
    assert ids == [7, 8]
    image = drafts[7].images[0]
    assert image.path == tmp_path / "profile" / "images" / HASH[:2] / f"{HASH}.png"
    assert image.path.read_bytes() == PNG
    overrides = {"bluesky": Override(text="Korter")} if version >= 2 else {}
    assert drafts[7] == replace(
        EXPECTED[7], images=(Image(image.path, "Een stip", False),), overrides=overrides
    )
    assert drafts[8] == EXPECTED[8]


def test_a_database_from_a_newer_version_is_left_alone(tmp_path):
    profile = tmp_path / "profile"
    with Store.open(profile) as store:
        store.create_draft(Draft(text="van later"))
    raw = sqlite3.connect(profile / "omroeper.db")
    raw.execute(f"PRAGMA user_version = {LATEST + 1}")
    raw.close()
    before = (profile / "omroeper.db").read_bytes()
    with pytest.raises(StoreError) as failure:
        Store.open(profile)
    assert failure.value.code == "newer_version"
    assert failure.value.details == {"version": LATEST + 1, "supported": LATEST}
    assert (profile / "omroeper.db").read_bytes() == before
