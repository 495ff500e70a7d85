"""Settings survive a restart, a damaged file and a newer version's keys; none of it crashes."""

import json
import logging
import os
from dataclasses import replace

import pytest

from composer.core.settings import FILE_NAME, Settings, language_code
from composer.core.store.errors import StoreError


def test_without_a_file_the_defaults_follow_the_system_language(tmp_path):
    settings = Settings.load(tmp_path, "nl_BE")
    assert settings == Settings(interface_language="", post_language="nl", post_thread="off")
    assert Settings.load(tmp_path, "C").post_language == "en"
    assert Settings.load(tmp_path).post_language == "en"
    assert not (tmp_path / FILE_NAME).exists()  # reading writes nothing


@pytest.mark.parametrize(
    ("tag", "code"),
    [("nl_NL", "nl"), ("nl-BE", "nl"), ("FY", "fy"), ("fr_BE.UTF-8", "fr"), ("C", ""), ("", "")],
)
def test_language_codes_come_from_system_tags(tag, code):
    assert language_code(tag) == code


def test_what_is_saved_is_loaded(tmp_path):
    chosen = replace(
        Settings.defaults("en_GB"),
        interface_language="nl",
        post_language="fy",
        post_thread="numbered",
        schedule_grace_minutes=30,
    )
    chosen.save(tmp_path)
    loaded = Settings.load(tmp_path, "en_GB")
    assert loaded == chosen
    assert loaded.thread_mode == "numbered"
    assert replace(loaded, post_thread="thread").thread_mode is True
    assert replace(loaded, post_thread="off").thread_mode is False


def test_the_file_is_readable_json_in_the_profile(tmp_path):
    Settings.defaults("nl").save(tmp_path)
    assert json.loads((tmp_path / FILE_NAME).read_text("utf-8")) == {
        "interface_language": "",
        "post_language": "nl",
        "post_thread": "off",
        "photo_folder": "",
        "schedule_grace_minutes": 120,
        "window_columns": "",
        "window_geometry": "",
    }


def test_keys_this_version_does_not_know_survive_a_save(tmp_path):
    newer = {"post_language": "de", "spell_check": {"nl": True}, "zoom": 1.25}
    (tmp_path / FILE_NAME).write_text(json.dumps(newer), "utf-8")
    settings = Settings.load(tmp_path)
    replace(settings, interface_language="en").save(tmp_path)
    saved = json.loads((tmp_path / FILE_NAME).read_text("utf-8"))
    assert saved["spell_check"] == {"nl": True} and saved["zoom"] == 1.25
    assert saved["interface_language"] == "en" and saved["post_language"] == "de"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("interface_language", "fr"),  # not a translation this version has
        ("interface_language", None),
        ("post_language", "Nederlands"),
        ("post_language", 31),
        ("post_thread", True),  # the draft file's spelling, not this file's
    ],
)
def test_a_value_that_is_not_allowed_gives_the_default_and_stays_in_the_file(
    tmp_path, caplog, key, value
):
    (tmp_path / FILE_NAME).write_text(json.dumps({"post_thread": "thread", key: value}), "utf-8")
    settings = Settings.load(tmp_path, "nl")
    assert getattr(settings, key) == getattr(Settings.defaults("nl"), key)
    assert key in caplog.text
    settings.save(tmp_path)  # untouched: a newer version's value is not lost
    assert json.loads((tmp_path / FILE_NAME).read_text("utf-8"))[key] == value
    # …but a choice the person makes replaces it
    replace(settings, **{key: "en"} if "language" in key else {key: "numbered"}).save(tmp_path)
    assert json.loads((tmp_path / FILE_NAME).read_text("utf-8"))[key] != value


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"", b"\xff\xfe\x00garbage", b"[1, 2]", b'"nl"', b'{"post_language": "nl"'],
)
def test_a_damaged_file_gives_the_defaults_and_is_kept_aside(tmp_path, caplog, content):
    (tmp_path / FILE_NAME).write_bytes(content)
    with caplog.at_level(logging.WARNING):
        settings = Settings.load(tmp_path, "nl_NL")
    assert settings == Settings.defaults("nl_NL")
    kept = list(tmp_path.glob(f"{FILE_NAME}.damaged-*"))
    assert [each.read_bytes() for each in kept] == [content]  # for support, byte for byte
    assert "damaged" in caplog.text and kept[0].name in caplog.text
    settings.save(tmp_path)  # and the next save starts a good file
    assert Settings.load(tmp_path, "en") == settings


def test_an_unreadable_file_gives_the_defaults_and_stays_where_it_is(tmp_path, caplog):
    (tmp_path / FILE_NAME).mkdir()  # reading it fails as a locked file does
    assert Settings.load(tmp_path, "fr_FR") == Settings.defaults("fr")
    assert (tmp_path / FILE_NAME).is_dir() and "could not read" in caplog.text


def test_a_failed_save_leaves_the_old_file_whole_and_no_debris(tmp_path, monkeypatch):
    replace(Settings.defaults(), post_language="de").save(tmp_path)
    before = (tmp_path / FILE_NAME).read_bytes()

    def full_disk(_source, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(StoreError) as failure:
        replace(Settings.defaults(), post_language="fr").save(tmp_path)
    assert failure.value.code == "disk_full"
    assert (tmp_path / FILE_NAME).read_bytes() == before
    assert sorted(each.name for each in tmp_path.iterdir()) == [FILE_NAME]


def test_saving_into_a_missing_profile_folder_creates_it(tmp_path):
    Settings.defaults().save(tmp_path / "new" / "profile")
    assert Settings.load(tmp_path / "new" / "profile") == Settings.defaults()


def test_a_hostile_window_place_or_folder_falls_back_to_the_default(tmp_path):
    (tmp_path / FILE_NAME).write_text(
        json.dumps(
            {
                "window_geometry": "<script>" * 10,
                "window_columns": "A" * 10_000,
                "photo_folder": "/tmp/a\nb",
                "schedule_grace_minutes": 60 * 24 * 365,
            }
        ),
        "utf-8",
    )
    loaded = Settings.load(tmp_path)
    assert (loaded.window_geometry, loaded.window_columns, loaded.photo_folder) == ("", "", "")
    assert loaded.schedule_grace_minutes == 120  # a year of grace is no grace period
