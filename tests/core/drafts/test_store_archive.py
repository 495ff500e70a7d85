"""Export a draft as one file, import it into another profile; refuse archives that attack."""

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image as PILImage

from composer.core.drafts.archive import export_draft, import_draft, read_archive
from composer.core.drafts.draft import Draft, Image, Override
from composer.core.drafts.draft_file import DraftFileError, read_draft_file
from composer.core.store.store import Store


def _photo(path: Path, colour: str) -> Path:
    PILImage.new("RGB", (30, 20), colour).save(path)
    return path


@pytest.fixture
def stores(tmp_path):
    mine, theirs = Store.open(tmp_path / "mine"), Store.open(tmp_path / "theirs")
    yield mine, theirs
    mine.close()
    theirs.close()


def _draft(tmp_path: Path) -> Draft:
    return Draft(
        text="Kom naar de open dag!",
        title="Open dag",
        body="Lang verhaal",
        link="https://example.org/open-dag",
        language="nl",
        content_warning="",
        images=(
            Image(_photo(tmp_path / "a.jpg", "red"), "Rood", False),
            Image(_photo(tmp_path / "b.png", "blue"), "", True),
            Image(tmp_path / "a.jpg", "Weer rood", False),
        ),
        targets=("website", "bluesky"),
        overrides={"bluesky": Override(text="Kort", thread="numbered")},
        thread="numbered",
    )


def test_export_then_import_into_another_profile(stores, tmp_path):
    mine, theirs = stores
    draft_id = mine.create_draft(_draft(tmp_path))
    file = tmp_path / "ter controle.omroeper"
    export_draft(mine, draft_id, file)
    with zipfile.ZipFile(file) as archive:
        names = sorted(archive.namelist())
        data = json.loads(archive.read("draft.json"))
    assert len(names) == 3  # draft.json and the two different photos, once each
    assert data["images"][0]["path"] == data["images"][2]["path"]
    assert all(not Path(image["path"]).is_absolute() for image in data["images"])
    for source in tmp_path.glob("*.*g"):
        source.unlink()  # the colleague has none of the originals
    imported = theirs.load_draft(import_draft(theirs, file))
    original = mine.load_draft(draft_id)
    assert imported == replace(
        original,
        images=tuple(
            replace(image, path=copy.path)
            for image, copy in zip(original.images, imported.images, strict=True)
        ),
    )
    for image, copy in zip(original.images, imported.images, strict=True):
        assert copy.path.is_relative_to(tmp_path / "theirs")
        assert copy.path.read_bytes() == image.path.read_bytes()


def test_the_archives_draft_json_is_a_draft_file(stores, tmp_path):
    mine, _theirs = stores
    draft_id = mine.create_draft(_draft(tmp_path))
    export_draft(mine, draft_id, tmp_path / "x.omroeper")
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(tmp_path / "x.omroeper") as archive:
        archive.extractall(unpacked)
    draft = read_draft_file(unpacked / "draft.json")
    assert draft.text == "Kom naar de open dag!"
    assert [image.alt for image in draft.images] == ["Rood", "", "Weer rood"]


def test_a_plain_draft_file_imports_with_its_photos(stores, tmp_path):
    _mine, theirs = stores
    _photo(tmp_path / "foto.png", "green")
    source = tmp_path / "bericht.json"
    source.write_text(
        json.dumps({"text": "Uit een bestand", "images": [{"path": "foto.png", "alt": "Groen"}]}),
        encoding="utf-8",
    )
    draft = theirs.load_draft(import_draft(theirs, source))
    assert draft.text == "Uit een bestand"
    assert draft.images[0].path.read_bytes() == (tmp_path / "foto.png").read_bytes()


def test_what_could_not_be_imported_is_not_exported(stores, tmp_path):
    mine, _theirs = stores
    draft_id = mine.create_draft(Draft(text="half af", link="example.org/nog-niet"))
    with pytest.raises(DraftFileError) as failure:
        export_draft(mine, draft_id, tmp_path / "x.omroeper")
    assert failure.value.code == "invalid_link"
    assert not list(tmp_path.glob("*.omroeper*"))


def _archive(path: Path, members: dict[str, bytes], draft: dict | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if draft is not None:
            archive.writestr("draft.json", json.dumps(draft))
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _symlink_archive(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("draft.json", json.dumps({"text": "x"}))
        link = zipfile.ZipInfo("images/link.png")
        link.external_attr = (0o120777 << 16) | 0
        archive.writestr(link, "/etc/passwd")
    return path


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: _archive(p, {"../../buiten.png": b"x"}, {"text": "x"}), "archive_unsafe_path"),
        (lambda p: _archive(p, {"/tmp/buiten.png": b"x"}, {"text": "x"}), "archive_unsafe_path"),
        (lambda p: _archive(p, {"a\\..\\..\\b.png": b"x"}, {"text": "x"}), "archive_unsafe_path"),
        (_symlink_archive, "archive_unsafe_path"),
        (
            lambda p: _archive(p, {}, {"text": "x", "images": [{"path": "/etc/hostname"}]}),
            "archive_unsafe_path",
        ),
        (
            lambda p: _archive(p, {}, {"text": "x", "images": [{"path": "../geheim.png"}]}),
            "archive_unsafe_path",
        ),
        (lambda p: _archive(p, {"bom.png": bytes(20 << 20)}, {"text": "x"}), "archive_bomb"),
        (
            lambda p: _archive(p, {f"{n}.png": b"x" for n in range(250)}, {"text": "x"}),
            "archive_too_many_files",
        ),
        (lambda p: _archive(p, {"images/a.png": b"x"}), "archive_no_draft"),
        (lambda p: (p.write_bytes(b"PK\x03\x04 maar verder niets"), p)[1], "archive_damaged"),
        (lambda p: (p.write_text("{}"), p)[1], "archive_damaged"),
        (lambda p: _archive(p, {}, {"text": "x", "extra": 1}), "unknown_key"),
        (
            lambda p: _archive(p, {}, {"text": "x", "images": [{"path": "weg.png"}]}),
            "image_missing",
        ),
    ],
)
def test_archives_that_are_unsafe_or_broken_are_refused(stores, tmp_path, make, code):
    _mine, theirs = stores
    file = make(tmp_path / "aanval.omroeper")
    with pytest.raises(DraftFileError) as failure:
        import_draft(theirs, file)
    assert failure.value.code == code
    assert theirs.list_drafts() == []
    assert not list((tmp_path / "theirs").glob("images/*/*"))
    assert not (tmp_path.parent / "buiten.png").exists()


def test_an_archive_only_unpacks_into_the_folder_it_is_given(tmp_path):
    photo = _photo(tmp_path / "p.png", "red").read_bytes()
    file = _archive(
        tmp_path / "goed.omroeper",
        {"images/p.png": photo, "extra/niet-gebruikt.txt": b"x"},
        {"text": "x", "images": [{"path": "images/p.png", "alt": "rood"}]},
    )
    folder = tmp_path / "uitgepakt"
    folder.mkdir()
    draft = read_archive(file, folder)
    assert draft.images[0].path == folder / "images" / "p.png"
    assert sorted(str(path.relative_to(folder)) for path in folder.rglob("*")) == [
        "images",
        "images/p.png",
    ]
