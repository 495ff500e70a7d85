"""The drafts store on a real SQLite file: every field kept, lists, search, the bin, photos."""

import hashlib
import os
import shutil
import sqlite3
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image as PILImage

from composer.core.drafts.draft import Draft, Image, Override
from composer.core.profile import profile_dir
from composer.core.store.store import DraftSummary, Store, StoreError


def _photo(path: Path, colour: str = "teal") -> Path:
    PILImage.new("RGB", (40, 30), colour).save(path)
    return path


def _full_draft(folder: Path) -> Draft:
    return Draft(
        text="Open dag in de bibliotheek 🎉 #lezen",
        title="Open dag",
        body="Zaterdag is iedereen welkom.\n\nMet koffie.",
        link="https://example.org/open-dag",
        language="nl-BE",
        content_warning="eten",
        images=(
            Image(_photo(folder / "zaal.jpg"), "De leeszaal", False),
            Image(_photo(folder / "rand.png", "red"), "", True),
            Image(folder / "zaal.jpg", "Dezelfde zaal, nog eens", False),
        ),
        targets=("website", "bluesky", "mastodon"),
        overrides={
            "bluesky": Override(text="Korter", thread="numbered"),
            "mastodon": Override(content_warning=""),
            "discord": Override(thread=False),
        },
        thread=True,
    )


def _with_paths(draft: Draft, paths: list[Path]) -> Draft:
    images = tuple(
        replace(image, path=path) for image, path in zip(draft.images, paths, strict=True)
    )
    return replace(draft, images=images)


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "profile")
    yield opened
    opened.close()


def test_every_field_survives_closing_and_opening(tmp_path):
    draft = _full_draft(tmp_path)
    with Store.open(tmp_path / "profile") as store:
        draft_id = store.create_draft(draft)
    with Store.open(tmp_path / "profile") as store:
        loaded = store.load_draft(draft_id)
    assert _with_paths(loaded, [image.path for image in draft.images]) == draft
    assert list(loaded.overrides) == ["bluesky", "mastodon", "discord"]
    for original, copy in zip(draft.images, loaded.images, strict=True):
        assert copy.path.is_relative_to(tmp_path / "profile" / "images")
        assert copy.path.read_bytes() == original.path.read_bytes()


def test_saving_replaces_everything_and_reports_the_time(store, tmp_path):
    draft_id = store.create_draft(_full_draft(tmp_path))
    before = datetime.now(UTC)
    modified = store.save_draft(draft_id, Draft(text="Alles anders"))
    assert before <= modified <= datetime.now(UTC)
    assert modified.tzinfo is not None
    assert store.load_draft(draft_id) == Draft(text="Alles anders")
    summary = store.list_drafts()[0]
    assert summary.modified == modified
    assert summary.created < modified


def test_saving_a_loaded_draft_keeps_it_equal(store, tmp_path):
    draft_id = store.create_draft(_full_draft(tmp_path))
    loaded = store.load_draft(draft_id)
    store.save_draft(draft_id, loaded)
    assert store.load_draft(draft_id) == loaded


def test_unknown_drafts_are_not_found(store):
    for call in (
        lambda: store.load_draft(42),
        lambda: store.save_draft(42, Draft(text="x")),
        lambda: store.duplicate_draft(42),
        lambda: store.delete_draft(42),
        lambda: store.restore_draft(42),
    ):
        with pytest.raises(StoreError) as failure:
            call()
        assert failure.value.code == "not_found"
        assert failure.value.details == {"id": 42}


def test_newest_change_first_and_the_last_draft(store):
    assert store.list_drafts() == []
    assert store.last_draft_id() is None
    first = store.create_draft(Draft(text="eerste"))
    second = store.create_draft(Draft(text="tweede"))
    assert [summary.id for summary in store.list_drafts()] == [second, first]
    store.save_draft(first, Draft(text="eerste, bijgewerkt", title="Titel"))
    summaries = store.list_drafts()
    assert [summary.id for summary in summaries] == [first, second]
    assert summaries[0] == DraftSummary(
        first, "Titel", "eerste, bijgewerkt", summaries[0].modified, summaries[0].created
    )
    assert store.last_draft_id() == first


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("ÉÉN", ["Één dag"]),
        ("een", ["Één dag"]),  # accents are ignored: people rarely type them in a search box
        ("IJSVOGEL", ["De ijsvogel"]),
        ("ĳs", ["Het ĳsje", "De ijsvogel"]),  # the Dutch ĳ ligature is i + j
        ("strasse", ["Straße"]),
        ("café", ["Het café"]),
        ("koffie", ["Het café"]),  # in the body
        ("titel", ["Straße"]),  # in the title
        ("dag één", ["Één dag"]),  # every word, in any order
        ("dag twee", []),
        ("   ", ["Straße", "Het café", "Het ĳsje", "De ijsvogel", "Één dag"]),
    ],
)
def test_search_ignores_case_and_accents(store, search, found):
    store.create_draft(Draft(text="Één dag"))
    store.create_draft(Draft(text="De ijsvogel"))
    store.create_draft(Draft(text="Het ĳsje"))
    store.create_draft(Draft(text="Het café", body="Met koffie"))
    store.create_draft(Draft(text="Straße", title="Mijn titel"))
    assert [summary.text for summary in store.list_drafts(search)] == found


def test_duplicate_is_a_new_draft_with_the_same_content(store, tmp_path):
    original = store.create_draft(_full_draft(tmp_path))
    copy = store.duplicate_draft(original)
    assert copy != original
    assert store.load_draft(copy) == store.load_draft(original)
    assert store.list_drafts()[0].id == copy
    store.save_draft(copy, Draft(text="de kopie veranderd"))
    assert store.load_draft(original).text == _full_draft(tmp_path).text


def test_delete_restore_and_purge(store, tmp_path):
    kept = store.create_draft(Draft(text="blijft"))
    gone = store.create_draft(_full_draft(tmp_path))
    store.delete_draft(gone)
    assert [summary.id for summary in store.list_drafts()] == [kept]
    assert store.last_draft_id() == kept
    assert store.load_draft(gone).text  # still there, for undo
    store.restore_draft(gone)
    assert [summary.id for summary in store.list_drafts()] == [gone, kept]
    store.delete_draft(gone)
    store.purge_deleted()
    with pytest.raises(StoreError, match="not_found"):
        store.restore_draft(gone)
    assert not list((tmp_path / "profile" / "images").glob("*/*"))  # its photos went too
    assert [summary.id for summary in store.list_drafts()] == [kept]


def test_same_photo_in_two_drafts_is_stored_once(store, tmp_path):
    photo = _photo(tmp_path / "zaal.jpg")
    renamed = tmp_path / "zaal-kopie.JPG"
    shutil.copy(photo, renamed)
    first = store.create_draft(Draft(images=(Image(photo, "a"),)))
    second = store.create_draft(Draft(images=(Image(renamed, "b"), Image(photo, "c"))))
    files = list((tmp_path / "profile" / "images").glob("*/*"))
    assert len(files) == 1
    assert files[0].name.startswith(hashlib.sha256(photo.read_bytes()).hexdigest())
    assert {image.path for image in store.load_draft(second).images} == {files[0]}
    assert store.load_draft(first).images[0].path == files[0]


def test_moving_or_deleting_the_original_leaves_the_draft_whole(store, tmp_path):
    photo = _photo(tmp_path / "zaal.jpg")
    content = photo.read_bytes()
    draft = Draft(text="Met foto", images=(Image(photo, "De zaal"),))
    draft_id = store.create_draft(draft)
    photo.rename(tmp_path / "elders.jpg")
    assert store.load_draft(draft_id).images[0].path.read_bytes() == content
    (tmp_path / "elders.jpg").unlink()
    # the window still holds the original path: saving must keep working
    store.save_draft(draft_id, replace(draft, text="Nog steeds met foto"))
    loaded = store.load_draft(draft_id)
    assert loaded.images[0].path.read_bytes() == content
    assert loaded.images[0].alt == "De zaal"
    with Store.open(tmp_path / "profile") as reopened:
        assert reopened.load_draft(draft_id).images[0].path.read_bytes() == content


def test_a_photo_that_never_existed_is_refused(store, tmp_path):
    draft_id = store.create_draft(Draft(text="eerst"))
    with pytest.raises(StoreError) as failure:
        store.save_draft(draft_id, Draft(images=(Image(tmp_path / "weg.jpg"),)))
    assert failure.value.code == "image_missing"
    assert failure.value.details == {"position": 1, "path": str(tmp_path / "weg.jpg")}
    assert store.load_draft(draft_id) == Draft(text="eerst")


def test_garbage_collection_removes_only_unused_copies(store, tmp_path):
    kept = _photo(tmp_path / "kept.png", "green")
    dropped = _photo(tmp_path / "dropped.png", "blue")
    draft_id = store.create_draft(Draft(images=(Image(kept), Image(dropped))))
    in_bin = store.create_draft(Draft(images=(Image(_photo(tmp_path / "bin.png", "red")),)))
    store.delete_draft(in_bin)  # undo must still find its photo
    store.save_draft(draft_id, Draft(images=(Image(kept),)))
    images = tmp_path / "profile" / "images"
    # a copy left by a save that crashed long ago, and one a save is making right now
    old_orphan = images / "ab" / ("ab" + "0" * 62 + ".jpg")
    old_orphan.parent.mkdir()
    old_orphan.write_bytes(b"left over")
    os.utime(old_orphan, (time.time() - 7200,) * 2)
    young_orphan = images / "ab" / ("ab" + "1" * 62 + ".jpg")
    young_orphan.write_bytes(b"being saved")
    assert store.collect_garbage() == 2
    assert not old_orphan.exists()
    assert young_orphan.exists()
    assert len(list(images.glob("*/*"))) == 3  # kept, bin, young
    assert store.load_draft(draft_id).images[0].path.read_bytes() == kept.read_bytes()
    store.restore_draft(in_bin)
    assert store.load_draft(in_bin).images[0].path.is_file()
    assert store.collect_garbage() == 0


def test_a_collection_cut_short_by_a_crash_is_undone_at_open(tmp_path):
    photo = _photo(tmp_path / "zaal.jpg")
    with Store.open(tmp_path / "profile") as store:
        draft_id = store.create_draft(Draft(images=(Image(photo),)))
        copy = store.load_draft(draft_id).images[0].path
    # what a collection leaves when killed between moving a file aside and COMMIT
    trash = copy.with_name(copy.name + "-gc.partial")
    copy.rename(trash)
    stale = copy.with_name("cd" + "2" * 62 + ".png-gc.partial")  # its COMMIT did happen
    stale.write_bytes(b"x")
    with Store.open(tmp_path / "profile") as store:
        assert store.load_draft(draft_id).images[0].path.read_bytes() == photo.read_bytes()
    assert not trash.exists()
    assert not stale.exists()


def test_a_copy_removed_behind_the_stores_back_is_made_again(store, tmp_path):
    photo = _photo(tmp_path / "zaal.jpg")
    draft_id = store.create_draft(Draft(images=(Image(photo),)))
    copy = store.load_draft(draft_id).images[0].path
    copy.unlink()
    store.save_draft(draft_id, Draft(images=(Image(photo),)))
    assert copy.read_bytes() == photo.read_bytes()


def test_the_database_is_durable_and_checks_foreign_keys(store, tmp_path):
    store.create_draft(Draft(text="x"))
    raw = sqlite3.connect(tmp_path / "profile" / "omroeper.db")
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()


def test_profile_folder_choice(tmp_path, monkeypatch):
    monkeypatch.setenv("OMROEPER_PROFILE", str(tmp_path / "from-env"))
    assert profile_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert (tmp_path / "explicit").is_dir()
    assert profile_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv("OMROEPER_PROFILE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert profile_dir(None) == tmp_path / "data" / "Omroeper"
    assert profile_dir(None).is_dir()
    (tmp_path / "a-file").write_text("")
    with pytest.raises(StoreError, match="io_error"):
        profile_dir(tmp_path / "a-file")


def test_the_last_reception_of_each_copy_is_kept_and_replaced(store):
    from composer.core.accounts.account import Account, AccountKind, Identity
    from composer.core.publishing.reception import Reception

    for account_id, kind in (
        ("mastodon-1", AccountKind.MASTODON),
        ("bluesky-2", AccountKind.BLUESKY),
    ):
        store.save_account(Account(account_id, kind, Identity("Bieb")))
    job_id = store.create_job(Draft(text="uit"), ["mastodon-1", "bluesky-2"])
    assert store.receptions(job_id) == {}
    first = Reception(0, 1, 2, datetime(2026, 5, 1, 9, 0, tzinfo=UTC), "https://m.example/@b/1")
    later = Reception(3, None, 12, datetime(2026, 5, 2, 9, 0, tzinfo=UTC), "")
    store.save_reception(job_id, "mastodon-1", first)
    store.save_reception(job_id, "bluesky-2", first)
    store.save_reception(job_id, "mastodon-1", later)  # the new figures replace the old
    assert store.receptions(job_id) == {"mastodon-1": later, "bluesky-2": first}
    assert store.receptions(job_id)["mastodon-1"].read_at.tzinfo is not None
    with pytest.raises(StoreError) as failure:  # no such copy in that job
        store.save_reception(job_id, "discord-3", later)
    assert failure.value.code == "not_found"


def test_the_drafts_with_a_message_waiting_for_its_time(store):
    from composer.core.accounts.account import Account, AccountKind, Identity
    from composer.core.store.rows import stamp
    from composer.core.store.schedules import Schedule

    store.save_account(Account("website-1", AccountKind.WEBSITE, Identity("bieb.example")))
    draft_id = store.create_draft(Draft(text="Open dag"))
    other = store.create_draft(Draft(text="Leesclub"))
    soon, later = datetime(2026, 12, 24, 8, tzinfo=UTC), datetime(2026, 12, 31, 8, tzinfo=UTC)
    assert store.scheduled_drafts() == {}
    for at in (later, soon):
        schedule = Schedule(stamp(at), "Europe/Amsterdam", {"website-1": "computer"})
        job = store.create_job(Draft(text="Open dag"), ["website-1"], draft_id, schedule=schedule)
    store.create_job(Draft(text="Leesclub"), ["website-1"], other)  # sent at once: not waiting
    assert store.scheduled_drafts() == {draft_id: (soon, "Europe/Amsterdam")}
    store.set_job_state(job, "cancelled", was=("scheduled",))
    assert store.scheduled_drafts() == {draft_id: (later, "Europe/Amsterdam")}
