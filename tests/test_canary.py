"""The canary helper finds a secret wherever a file could hold it, or the canary proves nothing."""

import sqlite3

import pytest

from tests.support.canary import assert_no_secret_anywhere, find_secrets

SECRET = "canary-Ä-🔑-0001"


def test_finds_a_secret_in_a_sqlite_database_and_its_wal(tmp_path):
    database = sqlite3.connect(tmp_path / "omroeper.db")
    database.execute("PRAGMA journal_mode=WAL")
    database.execute("CREATE TABLE t (v TEXT)")
    database.execute("INSERT INTO t VALUES (?)", (SECRET,))
    database.commit()  # into the WAL, not yet the database file
    hits = find_secrets([SECRET], tmp_path)
    database.close()
    assert any("omroeper.db-wal" in hit for hit in hits)
    with pytest.raises(AssertionError, match="secrets found"):
        assert_no_secret_anywhere([SECRET], tmp_path)


@pytest.mark.parametrize(
    ("content", "found_as"),
    [
        (SECRET.encode(), "utf-8"),
        (b"\x00\x01" + SECRET.encode("utf-16-le") + b"\xff", "utf-16-le"),
        (b'{"t": "canary-\\u00c4-\\ud83d\\udd11-0001"}', "json"),
        (b"t=canary-%C3%84-%F0%9F%94%91-0001&x", "url"),
    ],
)
def test_finds_every_encoding(tmp_path, content, found_as):
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "file.bin").write_bytes(content)
    hits = find_secrets([SECRET], tmp_path)
    assert len(hits) == 1 and hits[0].endswith(f"as {found_as}")


def test_finds_a_secret_in_a_file_name_and_passes_a_clean_tree(tmp_path):
    (tmp_path / "clean.txt").write_text("nothing here", encoding="utf-8")
    assert_no_secret_anywhere([SECRET, "other-secret"], tmp_path, tmp_path / "clean.txt")
    (tmp_path / f"{SECRET}.txt").write_text("x", encoding="utf-8")
    assert "in the name" in find_secrets([SECRET], tmp_path)[0]


def test_a_missing_path_or_an_empty_secret_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        assert_no_secret_anywhere([SECRET], tmp_path / "typo")
    with pytest.raises(ValueError):
        assert_no_secret_anywhere([""], tmp_path)
