"""A damaged database file: said clearly, copied aside untouched, and what is readable rescued.
Also: another process holding the write lock."""

import sqlite3
from pathlib import Path

import pytest

from composer.core.drafts.draft import Draft
from composer.core.store.recovery import recover
from composer.core.store.store import Store, StoreError
from tests.support.damage import DRAFTS, damaged_profile


def _copies(profile: Path) -> list[Path]:
    return sorted(
        path for path in profile.glob("omroeper.db.damaged-*") if not path.name.endswith("-wal")
    )


def test_a_damaged_file_is_reported_and_copied_aside_untouched(tmp_path):
    profile, _drafts = damaged_profile(tmp_path)
    damaged = (profile / "omroeper.db").read_bytes()
    with pytest.raises(StoreError) as failure:
        Store.open(profile)
    assert failure.value.code == "damaged"
    copy = Path(failure.value.details["copy"])
    assert failure.value.details["path"] == str(profile / "omroeper.db")
    assert _copies(profile) == [copy]
    assert copy.read_bytes() == damaged
    assert (profile / "omroeper.db").read_bytes() == damaged  # never deleted, never changed
    with pytest.raises(StoreError) as again:  # starting again does not pile up copies
        Store.open(profile)
    assert again.value.details["copy"] == str(copy)
    assert _copies(profile) == [copy]


def test_rescue_keeps_every_readable_draft_exactly(tmp_path):
    profile, drafts = damaged_profile(tmp_path)
    damaged = (profile / "omroeper.db").read_bytes()
    rescued = recover(profile)
    with rescued.store as store:
        assert rescued.copy.read_bytes() == damaged
        ids = [summary.id for summary in store.list_drafts()]
        assert rescued.drafts == len(ids)
        # one page of 4 KiB holds at most a few dozen of these drafts
        assert DRAFTS - 40 <= len(ids) < DRAFTS
        assert 151 not in ids  # draft 150 was the 151st created
        for draft_id in ids:
            assert store.load_draft(draft_id) == drafts[draft_id]
        new = store.create_draft(Draft(text="na de redding"))
        assert store.load_draft(new).text == "na de redding"
    raw = sqlite3.connect(profile / "omroeper.db")
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()
    with Store.open(profile) as store:
        assert len(store.list_drafts()) == len(ids) + 1


def test_a_file_that_is_not_a_database_at_all(tmp_path):
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "omroeper.db").write_bytes(b"Dit is geen database, maar een brief." * 200)
    with pytest.raises(StoreError) as failure:
        Store.open(profile)
    assert failure.value.code == "damaged"
    assert Path(failure.value.details["copy"]).read_bytes().startswith(b"Dit is geen")
    rescued = recover(profile)
    assert rescued.drafts == 0
    rescued.store.close()


def test_another_process_holding_the_lock_gives_locked_and_loses_nothing(tmp_path):
    profile = tmp_path / "profile"
    with Store.open(profile) as store:
        draft_id = store.create_draft(Draft(text="eerst"))
    other = sqlite3.connect(profile / "omroeper.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(profile, timeout=0.2) as store:
            with pytest.raises(StoreError) as failure:
                store.save_draft(draft_id, Draft(text="tweede"))
            assert failure.value.code == "locked"
            assert store.load_draft(draft_id).text == "eerst"  # reading still works
            other.execute("COMMIT")
            store.save_draft(draft_id, Draft(text="tweede"))
            assert store.load_draft(draft_id).text == "tweede"
    finally:
        other.close()
