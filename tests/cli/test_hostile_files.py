"""Files built to attack: `omroeper` answers each within memory and time, in one line or as a
problem, never with a traceback. Memory and time are bounded with process limits (prlimit
--as, --cpu: CPU seconds, which a busy machine does not eat into); the outer `timeout` only
turns a regression into a failure instead of a hang."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

MEMORY = 700_000_000  # the process with Qt and Pillow loaded needs ~300 MB of address space
CPU_SECONDS = 15  # a check takes about one; the zeros JPEG took 26 s, the long GIF 41 s


def limited(*args: str, cwd: Path | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {**os.environ, "OMROEPER_LANGUAGE": "en"}
    limits = [f"--as={MEMORY}", f"--cpu={CPU_SECONDS}"]
    command = ["timeout", "120", "prlimit", *limits, sys.executable, "-m", "composer"]
    return subprocess.run(
        [*command, *args], input=stdin, capture_output=True, env=env, cwd=cwd, check=False
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    """The refusal: exit 2 and exactly one line on stderr, no traceback."""
    error = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, error
    assert "Traceback" not in error
    assert error.count("\n") == 1 and error.startswith("omroeper: "), error
    return error.strip()


def problems(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    report = json.loads(result.stdout)
    return [p for target in report["targets"].values() for p in target["problems"]]


def sparse(path: Path, head: bytes, size: int) -> Path:
    with path.open("wb") as file:
        file.write(head)
        file.truncate(size)  # zeros that take no disk space
    return path


def draft_with(tmp_path: Path, photo: str, name: str = "draft.json") -> Path:
    draft = {"text": "x", "images": [{"path": photo, "alt": "foto"}], "targets": ["mastodon"]}
    path = tmp_path / name
    path.write_text(json.dumps(draft), encoding="utf-8")
    return path


def many_frames_gif(frames: int) -> bytes:
    """A tiny GIF whose second frame is repeated: 40,000 frames in about 1.5 MB."""
    first = PILImage.new("P", (4, 4), 0)
    first.putpalette([0, 0, 0, 255, 0, 0])
    second = first.copy()
    second.putpixel((0, 0), 1)
    out = io.BytesIO()
    first.save(out, "GIF", save_all=True, append_images=[second], duration=10, loop=0)
    data = out.getvalue()
    start = data.rindex(b"\x21\xf9")  # the second frame's control block, up to the trailer
    return data[:start] + data[start:-1] * (frames - 1) + b"\x3b"


def test_a_jpeg_marker_followed_by_zeros_is_refused_at_once(tmp_path):
    # 199 MB, just under the size limit: Pillow would step through the zeros one by one
    sparse(tmp_path / "nullen.jpg", b"\xff\xd8\xff", 199 << 20)
    result = limited("check", str(draft_with(tmp_path, "nullen.jpg")))
    assert [p["code"] for p in problems(result)] == ["image_not_recognised"]


def test_a_3_gb_photo_is_refused_without_reading_it(tmp_path):
    sparse(tmp_path / "groot.jpg", b"\xff\xd8\xff", 3 << 30)
    result = limited("check", str(draft_with(tmp_path, "groot.jpg")))
    [problem] = problems(result)
    assert problem["code"] == "image_file_too_large"
    assert problem["numbers"]["limit"] == 200
    assert "200 MB" in problem["message"]


def test_an_animation_of_40000_frames_is_refused_before_decoding(tmp_path):
    (tmp_path / "lang.gif").write_bytes(many_frames_gif(40_000))
    result = limited("check", str(draft_with(tmp_path, "lang.gif")))
    [problem] = problems(result)
    assert problem["code"] == "image_too_many_frames"
    assert "1,000 frames" in problem["message"]


def test_an_animation_within_the_limit_still_fits(tmp_path):
    (tmp_path / "kort.gif").write_bytes(many_frames_gif(50))
    result = limited("check", str(draft_with(tmp_path, "kort.gif")))
    assert result.returncode == 0, result.stderr
    image = json.loads(result.stdout)["targets"]["mastodon"]["images"][0]
    assert image["type"] == "image/gif"


def _nested(tmp_path: Path) -> Path:
    path = tmp_path / "diep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    return path


def _surrogate(tmp_path: Path) -> Path:
    path = tmp_path / "surrogaat.json"
    path.write_text('{"text": "kapot \\ud800 teken"}')
    return path


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "groot.json"
    path.write_text(json.dumps({"text": "x" * (11 << 20)}))
    return path


def _http_link(tmp_path: Path) -> Path:
    path = tmp_path / "http.json"
    path.write_text(json.dumps({"text": "x", "link": "http://example.org/pagina"}))
    return path


def _link_with_newline(tmp_path: Path) -> Path:
    path = tmp_path / "regel.json"
    path.write_text(json.dumps({"text": "x", "link": "https://example.org/x\n"}))
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_nested, "nests more than 16 levels deep"),
        (_surrogate, "broken character"),
        (_huge, "larger than 10 MB"),
        (lambda _tmp: Path("/dev/zero"), "larger than 10 MB"),
        (_http_link, "“http://example.org/pagina” must be one web address starting with https"),
        (_link_with_newline, "“https://example.org/x\\n” must be one web address"),
    ],
)
def test_a_hostile_draft_file_gets_one_line(tmp_path, make, words):
    error = one_line(limited("check", str(make(tmp_path))))
    assert words in error


def test_a_hostile_draft_on_stdin_gets_one_line(tmp_path):
    error = one_line(limited("check", "-", stdin=b"[" * 100_000 + b"]" * 100_000))
    assert "nests more than 16 levels deep" in error


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    source = tmp_path / "lang.json"
    source.write_text(json.dumps({"text": "woord " * 40_000, "targets": ["website"]}))
    reading = subprocess.Popen(
        [sys.executable, "-m", "composer", "check", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "OMROEPER_LANGUAGE": "en"},
    )
    assert reading.stdout.read(5) == b'{\n  "'  # like `| head -c 5`
    reading.stdout.close()
    error = reading.stderr.read().decode()
    reading.stderr.close()
    assert reading.wait(timeout=60) == 2
    assert "Traceback" not in error
    assert error == "omroeper: the output was closed before all of it was written.\n"


def test_an_empty_out_folder_writes_nothing_here(tmp_path):
    PILImage.new("RGB", (30, 20), "red").save(tmp_path / "foto.jpg")
    draft = draft_with(tmp_path, "foto.jpg")
    error = one_line(limited("check", str(draft), "--out", "", cwd=tmp_path))
    assert error == "omroeper: --out needs a folder name."
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.json", "foto.jpg"]


@pytest.mark.parametrize(
    ("photo", "words"),
    [
        ("../private_key", "Image 1 is not a photo Omroeper can use (not a picture): "),
        ("/dev/zero", "Image 1 is a device or other special file, not a photo: /dev/zero"),
        (".", "Image 1 is a folder, not a photo: "),
        ("leeg.jpg", "Image 1 is not a photo Omroeper can use (an empty file): "),
    ],
)
def test_importing_a_draft_takes_only_pictures(tmp_path, photo, words):
    (tmp_path / "private_key").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\ngeheim\n")
    folder = tmp_path / "concept"
    folder.mkdir()
    (folder / "leeg.jpg").write_bytes(b"")
    draft, profile = draft_with(folder, photo), tmp_path / "profiel"
    error = one_line(limited("--profile", str(profile), "drafts", "import", str(draft)))
    assert error.startswith(f"omroeper: {words}")
    listed = limited("--profile", str(profile), "drafts", "list", "--json")
    assert json.loads(listed.stdout) == []
    assert not list(profile.glob("images/*/*"))


def _archive(path: Path, members: list[tuple[str, bytes]], images: list[str]) -> Path:
    draft = {"text": "x", "images": [{"path": name, "alt": "foto"} for name in images]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the repeated name: the attack
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("draft.json", json.dumps(draft))
            for name, content in members:
                archive.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("members", "images", "words"),
    [
        (
            [("images/a.jpg", b"een"), ("images/a.jpg", b"twee")],
            ["images/a.jpg"],
            "holds “images/a.jpg” more than once",
        ),
        (
            [("images", b"bestand"), ("images/a.jpg", b"foto")],
            ["images", "images/a.jpg"],
            "holds “images” both as a file and as a folder",
        ),
        (
            [("images/bom.jpg", bytes(200 << 20))],
            ["images/bom.jpg"],
            "holds “images/bom.jpg”, packed more than 100 times smaller than it unpacks",
        ),
    ],
)
def test_a_hostile_archive_is_refused_in_accurate_words(tmp_path, members, images, words):
    archive = _archive(tmp_path / "aanval.omroeper", members, images)
    profile = tmp_path / "profiel"
    error = one_line(limited("--profile", str(profile), "drafts", "import", str(archive)))
    assert words in error


@pytest.mark.skipif(os.name != "posix", reason="Windows: the user's own folder is private")
def test_the_profile_is_private(tmp_path):
    PILImage.new("RGB", (30, 20), "red").save(tmp_path / "foto.jpg")
    profile, old = tmp_path / "nieuw", tmp_path / "oud"
    draft = draft_with(tmp_path, "foto.jpg")
    for each in (profile, old):
        result = limited("--profile", str(each), "drafts", "import", str(draft))
        assert result.returncode == 0, result.stderr
    # an older version left the profile open to every local user: tightened at the next start
    for path in [old, *old.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert limited("--profile", str(old), "drafts", "list").returncode == 0
    for each in (profile, old):
        files = [path for path in each.rglob("*") if path.is_file()]
        assert {"omroeper.db", "omroeper.log"} <= {path.name for path in files}
        assert any(path.parent.parent.name == "images" for path in files)
        for path in [each, *each.rglob("*")]:
            mode = path.stat().st_mode & 0o777
            assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
