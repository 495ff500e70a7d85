import json
from pathlib import Path

import pytest
from PIL import Image as PILImage

from composer.core.drafts.draft import Image, Override
from composer.core.drafts.draft_file import DraftFileError, draft_from_data, read_draft_file


def _photo(path: Path) -> Path:
    PILImage.new("RGB", (20, 10), "teal").save(path)
    return path


def test_full_draft_file_is_read(tmp_path):
    _photo(tmp_path / "photo.jpg")
    source = tmp_path / "draft.json"
    source.write_text(
        json.dumps(
            {
                "text": "Nieuw in de bibliotheek",
                "title": "Open dag",
                "body": "Lange tekst",
                "link": "https://example.org/open-dag",
                "language": "nl",
                "content_warning": "",
                "images": [{"path": "photo.jpg", "alt": "De leeszaal"}],
                "targets": ["website", "bluesky", "bluesky"],
                "overrides": {"bluesky": {"text": "Korter", "thread": "numbered"}},
                "thread": True,
            }
        ),
        encoding="utf-8",
    )
    draft = read_draft_file(source)
    assert draft.images == (Image(path=tmp_path / "photo.jpg", alt="De leeszaal"),)
    assert draft.targets == ("website", "bluesky")
    assert draft.overrides == {"bluesky": Override(text="Korter", thread="numbered")}
    assert draft.text_for("bluesky") == "Korter"
    assert draft.text_for("mastodon") == "Nieuw in de bibliotheek"
    assert draft.thread_for("bluesky") == "numbered"
    assert draft.thread_for("mastodon") is True


@pytest.mark.parametrize(
    ("data", "code", "details"),
    [
        ([], "not_an_object", {"where": "draft"}),
        ({"txt": "typo"}, "unknown_key", {"key": "txt", "where": "draft"}),
        ({"text": 5}, "wrong_type", {"key": "text", "expected": "text"}),
        ({"text": True}, "wrong_type", {"key": "text", "expected": "text"}),
        ({"images": {}}, "wrong_type", {"key": "images", "expected": "a list"}),
        ({"images": ["a.jpg"]}, "wrong_type", {"key": "images[1]", "expected": "an object"}),
        ({"images": [{"alt": "x"}]}, "image_path_missing", {"position": 1}),
        (
            {"images": [{"path": "a.jpg", "caption": "x"}]},
            "unknown_key",
            {"key": "caption", "where": "images[1]"},
        ),
        (
            {"overrides": {"bluesky": {"txt": "x"}}},
            "unknown_key",
            {"key": "txt", "where": "overrides.bluesky"},
        ),
        ({"targets": [3]}, "wrong_type", {"key": "targets", "expected": "text"}),
        ({"link": "example.org/page"}, "invalid_link", {"link": "example.org/page"}),
        ({"language": "Nederlands!"}, "invalid_language", {"language": "Nederlands!"}),
        ({"thread": "yes"}, "invalid_thread", {"key": "thread", "value": "yes"}),
    ],
)
def test_unusable_drafts_are_refused_with_a_code(tmp_path, data, code, details):
    with pytest.raises(DraftFileError) as caught:
        draft_from_data(data, tmp_path)
    assert (caught.value.code, caught.value.details) == (code, details)


def test_missing_image_file_is_refused(tmp_path):
    with pytest.raises(DraftFileError) as caught:
        draft_from_data({"images": [{"path": "gone.jpg", "alt": "x"}]}, tmp_path)
    assert caught.value.code == "image_missing"
    assert caught.value.details == {"position": 1, "path": str(tmp_path / "gone.jpg")}


def test_invalid_json_reports_where(tmp_path):
    source = tmp_path / "draft.json"
    source.write_text('{"text": "a",\n "title": }', encoding="utf-8")
    with pytest.raises(DraftFileError) as caught:
        read_draft_file(source)
    assert caught.value.code == "invalid_json"
    assert caught.value.details["line"] == 2


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p, "file_missing"),
        (lambda p: (p.mkdir(), p)[1], "file_is_folder"),
        (lambda p: (p.write_bytes(b"\xff\xfe{}"), p)[1], "not_utf8"),
    ],
)
def test_unreadable_files_are_refused(tmp_path, make, code):
    with pytest.raises(DraftFileError) as caught:
        read_draft_file(make(tmp_path / "draft.json"))
    assert caught.value.code == code


def test_stdin_draft_resolves_images_against_given_base(tmp_path):
    _photo(tmp_path / "p.png")
    draft = read_draft_file(tmp_path, '{"images": [{"path": "p.png", "decorative": true}]}')
    assert draft.images == (Image(path=tmp_path / "p.png", decorative=True),)
