"""`omroeper drafts …` in a real process, on a real profile."""

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from PIL import Image as PILImage


def _import(omroeper, profile: Path, file: Path) -> int:
    result = omroeper("--profile", str(profile), "drafts", "import", str(file), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["id"]


def test_import_list_show_and_export_to_a_colleague(omroeper, draft_file, tmp_path):
    PILImage.new("RGB", (30, 20), "red").save(tmp_path / "foto.jpg")
    source = draft_file(
        {
            "text": "Open dag in de bibliotheek",
            "title": "Open dag",
            "language": "nl",
            "images": [{"path": "foto.jpg", "alt": "De zaal"}],
            "targets": ["website", "mastodon"],
            "overrides": {"mastodon": {"content_warning": "eten"}},
        }
    )
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    first = _import(omroeper, mine, source)
    second = _import(omroeper, mine, draft_file({"text": "Café Één"}, "tweede.json"))
    listed = omroeper("--profile", str(mine), "drafts", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    summaries = json.loads(listed.stdout)
    assert [(item["id"], item["title"], item["text"]) for item in summaries] == [
        (second, "", "Café Één"),
        (first, "Open dag", "Open dag in de bibliotheek"),
    ]
    assert datetime.fromisoformat(summaries[0]["modified"]).tzinfo is not None
    searched = omroeper("--profile", str(mine), "drafts", "list", "--json", "--search", "CAFE")
    assert [item["id"] for item in json.loads(searched.stdout)] == [second]

    shown = omroeper("--profile", str(mine), "drafts", "show", str(first), "--json")
    data = json.loads(shown.stdout)
    assert data["id"] == first
    assert data["overrides"] == {"mastodon": {"content_warning": "eten"}}
    assert data["targets"] == ["website", "mastodon"]
    assert Path(data["images"][0]["path"]).is_relative_to(mine)
    assert data["images"][0]["alt"] == "De zaal"

    exported = tmp_path / "voor collega.omroeper"
    result = omroeper("--profile", str(mine), "drafts", "export", str(first), str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Draft {first} exported to {exported}."
    (tmp_path / "foto.jpg").unlink()
    result = omroeper("--profile", str(theirs), "drafts", "import", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Imported as draft 1."
    theirs_data = json.loads(
        omroeper("--profile", str(theirs), "drafts", "show", "1", "--json").stdout
    )
    copy = Path(theirs_data["images"][0]["path"])
    assert copy.is_relative_to(theirs)
    assert copy.read_bytes() == Path(data["images"][0]["path"]).read_bytes()
    assert {**theirs_data, "id": first, "images": data["images"]} == data


def test_lines_for_people(omroeper, draft_file, tmp_path):
    profile = tmp_path / "profile"
    empty = omroeper("--profile", str(profile), "drafts", "list")
    assert (empty.returncode, empty.stdout) == (0, "No drafts.\n")
    draft_id = _import(omroeper, profile, draft_file({"text": "Eerste regel\nTweede regel"}))
    listed = omroeper("--profile", str(profile), "drafts", "list")
    assert listed.stdout.split("  ", 2)[0] == str(draft_id)
    assert listed.stdout.rstrip().endswith("  Eerste regel")
    shown = omroeper("--profile", str(profile), "drafts", "show", str(draft_id), language="nl")
    assert shown.returncode == 0
    assert shown.stdout.startswith(f"Concept {draft_id}, laatst gewijzigd ")
    assert "Eerste regel\nTweede regel\n" in shown.stdout


def test_the_profile_can_come_from_the_environment(omroeper, draft_file, tmp_path, monkeypatch):
    monkeypatch.setenv("OMROEPER_PROFILE", str(tmp_path / "env-profile"))
    result = omroeper("drafts", "import", str(draft_file({"text": "via de omgeving"})))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env-profile" / "omroeper.db").is_file()


def test_unusable_input_is_one_line_and_exit_2(omroeper, draft_file, tmp_path):
    profile = str(tmp_path / "profile")
    cases = [
        (("drafts", "show", "12"), "There is no draft 12."),
        (("drafts", "export", "12", str(tmp_path / "x.omroeper")), "There is no draft 12."),
        (("drafts", "import", str(tmp_path / "weg.json")), "File not found:"),
        (("drafts", "import", str(draft_file({"txt": "x"}))), "Unknown field “txt”"),
        (("drafts", "show", "twaalf"), "invalid int value"),
        (("drafts",), "required"),
    ]
    bad_zip = tmp_path / "kapot.omroeper"
    bad_zip.write_bytes(b"niet echt")
    cases.append((("drafts", "import", str(bad_zip)), "is damaged, or is not a draft"))
    for arguments, words in cases:
        result = omroeper("--profile", profile, *arguments)
        assert result.returncode == 2, (arguments, result.stderr)
        assert result.stdout == ""
        assert words in result.stderr
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr


def test_a_store_that_refuses_is_exit_1_in_the_persons_language(omroeper, tmp_path):
    profile = tmp_path / "profile"
    profile.mkdir()
    raw = sqlite3.connect(profile / "omroeper.db")
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    result = omroeper("--profile", str(profile), "drafts", "list", language="nl")
    assert result.returncode == 1
    assert result.stderr.startswith("omroeper: Deze concepten zijn opgeslagen met een nieuwere")
    assert result.stderr.count("\n") == 1
    (profile / "omroeper.db").write_bytes(b"geen database " * 500)
    result = omroeper("--profile", str(profile), "drafts", "list")
    assert result.returncode == 1
    assert "The drafts database is damaged. A copy was kept at" in result.stderr
    assert "omroeper.db.damaged-" in result.stderr
