import json

import pytest
from PIL import Image as PILImage

from composer import __version__


def _check(omroeper, path, language="en"):
    result = omroeper("check", str(path), language=language)
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)["targets"]


def test_fitting_draft_exits_zero_with_the_design_fields(omroeper, tmp_path, draft_file):
    PILImage.new("RGB", (2000, 1333), "teal").save(tmp_path / "photo.jpg")
    path = draft_file(
        {
            "text": "Open dag! Zie bibliotheek.nl/agenda #OpenDag",
            "images": [{"path": "photo.jpg", "alt": "De leeszaal vol mensen"}],
            "targets": ["website", "mastodon", "bluesky", "pixelfed", "discord"],
        }
    )
    status, targets = _check(omroeper, path)
    assert status == 0
    assert list(targets) == ["website", "mastodon", "bluesky", "pixelfed", "discord"]
    bluesky = targets["bluesky"]
    # The website goes first: a link back of a typical length is reserved in every count
    # (shortened on Bluesky as the app shows it: host, 13 characters of path, "...").
    link_back = "https://example.org/" + "x" * 39 + "/"
    assert bluesky["text"] == (
        "Open dag! Zie bibliotheek.nl/agenda #OpenDag\n\nexample.org/xxxxxxxxxxxx..."
    )
    assert {key: bluesky[key] for key in ("length", "limit", "unit", "fits")} == {
        "length": 44 + 2 + 27,
        "limit": 300,
        "unit": "graphemes",
        "fits": True,
    }
    assert bluesky["bytes"] == len(bluesky["text"].encode())
    assert bluesky["facets"] == [
        {"type": "link", "byteStart": 14, "byteEnd": 35, "value": "https://bibliotheek.nl/agenda"},
        {"type": "tag", "byteStart": 36, "byteEnd": 44, "value": "OpenDag"},
        {"type": "link", "byteStart": 46, "byteEnd": 73, "value": link_back},
    ]
    assert targets["mastodon"]["length"] == 44 + 2 + 23
    assert targets["discord"]["length"] == 44 + 2 + len(link_back)
    assert targets["website"]["text"] == "Open dag! Zie bibliotheek.nl/agenda #OpenDag"
    assert bluesky["parts"] == [bluesky["text"]]
    assert bluesky["images"] == [
        {
            "path": "photo.jpg",
            "type": "image/jpeg",
            "width": 2000,
            "height": 1333,
            "bytes": (tmp_path / "photo.jpg").stat().st_size,
            "fits": True,
        }
    ]
    assert bluesky["problems"] == []
    assert "facets" not in targets["mastodon"]
    assert targets["pixelfed"]["unit"] == "code_points"
    assert targets["discord"]["unit"] == "utf16_units"
    assert targets["website"]["limit"] is None


def test_too_long_and_missing_alt_exit_one_with_words(omroeper, tmp_path, draft_file):
    PILImage.new("RGB", (10, 10)).save(tmp_path / "a.png")
    path = draft_file(
        {"text": "woord " * 60, "images": [{"path": "a.png"}], "targets": ["bluesky"]}
    )
    status, targets = _check(omroeper, path)
    assert status == 1
    problems = {problem["code"]: problem for problem in targets["bluesky"]["problems"]}
    assert problems["text_too_long"]["numbers"]["over"] == 59 * 6 + 5 - 300
    assert problems["text_too_long"]["message"] == (
        "59 characters too long: shorten the text, or split it into a thread of 2 posts."
    )
    assert problems["alt_text_missing"]["message"].startswith("Photo 1 has no description")
    assert targets["bluesky"]["fits"] is False


def test_messages_follow_the_language(omroeper, tmp_path, draft_file):
    path = draft_file({"text": "", "targets": ["mastodon"]})
    status, targets = _check(omroeper, path, language="nl")
    assert status == 1
    assert targets["mastodon"]["problems"][0]["message"] == (
        "Het bericht is leeg: schrijf een tekst of voeg een foto toe."
    )


def test_thread_parts_are_reported(omroeper, draft_file):
    text = "Eerste zin over de open dag. " * 12
    path = draft_file({"text": text, "targets": ["bluesky"], "thread": "numbered"})
    status, targets = _check(omroeper, path)
    bluesky = targets["bluesky"]
    assert status == 0
    assert len(bluesky["parts"]) == 2
    assert [part[-4:] for part in bluesky["parts"]] == [" 1/2", " 2/2"]
    assert all(length <= 300 for length in bluesky["part_lengths"])


def test_reads_stdin(omroeper, tmp_path):
    result = omroeper("check", "-", stdin='{"text": "Hallo", "targets": ["discord"]}')
    assert result.returncode == 0
    assert json.loads(result.stdout)["targets"]["discord"]["length"] == 5


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("{not json", "omroeper: The draft file is not valid JSON (line 1, column 2: "),
        ('{"txt": "x"}', "omroeper: Unknown field “txt” in draft: check its spelling."),
        ('{"targets": ["myspace"]}', "omroeper: Unknown target “myspace”"),
        ('{"images": [{"path": "weg.jpg"}]}', "omroeper: Image 1 not found: "),
    ],
)
def test_unusable_input_gives_one_line_and_exit_two(omroeper, draft_file, content, line):
    path = draft_file({})
    path.write_text(content, encoding="utf-8")
    result = omroeper("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(line)
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_missing_file_and_bad_invocation(omroeper, tmp_path):
    missing = omroeper("check", str(tmp_path / "nope.json"))
    assert (missing.returncode, missing.stderr.strip()) == (
        2,
        f"omroeper: File not found: {tmp_path / 'nope.json'}",
    )
    wrong = omroeper("frobnicate")
    assert wrong.returncode == 2
    assert wrong.stderr.count("\n") == 1


def test_version(omroeper):
    result = omroeper("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"omroeper {__version__}")
