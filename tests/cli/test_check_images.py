"""`omroeper check` reports each image as it would be uploaded; `--out` writes those files."""

import io
import json

from PIL import Image as PILImage

from tests.support.images import LEAKS, camera_exif, photo

TARGETS = ["website", "mastodon", "bluesky", "pixelfed", "discord"]


def test_check_out_writes_every_fitted_image(omroeper, tmp_path, draft_file):
    photo(3000, 2000).save(tmp_path / "camera.jpg", quality=95, exif=camera_exif(6))
    logo = PILImage.new("RGBA", (300, 200), (0, 0, 0, 0))
    logo.paste((0, 90, 160, 255), (50, 50, 250, 150))
    logo.save(tmp_path / "logo.png")
    frames = [photo(120, 80, seed) for seed in range(3)]
    frames[0].save(tmp_path / "moving.webp", save_all=True, append_images=frames[1:])
    path = draft_file(
        {
            "text": "Open dag in de bibliotheek",
            "images": [
                {"path": "camera.jpg", "alt": "De leeszaal"},
                {"path": "logo.png", "alt": "Logo"},
                {"path": "moving.webp", "alt": "Een draaiend boek"},
            ],
            "targets": TARGETS,
        }
    )
    out = tmp_path / "out"
    result = omroeper("check", str(path), "--out", str(out))
    assert (result.returncode, result.stderr) == (0, "")
    report = json.loads(result.stdout)["targets"]
    for target in TARGETS:
        images = report[target]["images"]
        assert [image["path"] for image in images] == ["camera.jpg", "logo.png", "moving.webp"]
        for position, image in enumerate(images, 1):
            (written,) = (out / target).glob(f"{position}.*")
            data = written.read_bytes()
            assert len(data) == image["bytes"]
            assert not any(leak in data for leak in LEAKS)
            with PILImage.open(io.BytesIO(data)) as picture:
                assert picture.size == (image["width"], image["height"])
                assert PILImage.MIME[picture.format] == image["type"]
            assert image["fits"] is True
        # The camera photo was stored sideways: it is reported (and written) upright.
        assert images[0]["height"] > images[0]["width"]
        assert images[1]["type"] == "image/png"
        codes = [problem["code"] for problem in report[target]["problems"]]
        assert codes == ["image_animation_dropped"]
    assert report["bluesky"]["images"][0]["bytes"] <= 1_000_000
    assert report["pixelfed"]["images"][2]["type"] in {"image/png", "image/jpeg"}
    assert sorted(path.name for path in (out / "pixelfed").iterdir()) == [
        "1.jpg",
        "2.png",
        f"3.{'png' if report['pixelfed']['images'][2]['type'] == 'image/png' else 'jpg'}",
    ]


def test_bad_images_are_problems_with_words(omroeper, tmp_path, draft_file):
    good = io.BytesIO()
    photo(400, 300).save(good, "JPEG", quality=90)
    (tmp_path / "half.jpg").write_bytes(good.getvalue()[:5000])
    (tmp_path / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    path = draft_file(
        {
            "text": "Kijk!",
            "images": [
                {"path": "half.jpg", "alt": "Half"},
                {"path": "drawing.svg", "alt": "Tekening"},
            ],
            "targets": ["mastodon"],
        }
    )
    out = tmp_path / "out"
    for language, first, second in (
        ("en", "Photo 1 is damaged or incomplete", "Photo 2 is a SVG file"),
        ("nl", "Foto 1 is beschadigd of onvolledig", "Foto 2 is een SVG-bestand"),
    ):
        result = omroeper("check", str(path), "--out", str(out), language=language)
        assert (result.returncode, result.stderr) == (1, "")
        mastodon = json.loads(result.stdout)["targets"]["mastodon"]
        problems = mastodon["problems"]
        assert [problem["code"] for problem in problems] == [
            "image_damaged",
            "image_format_unsupported",
        ]
        assert problems[0]["message"].startswith(first)
        assert problems[1]["message"].startswith(second)
        assert [image["fits"] for image in mastodon["images"]] == [False, False]
    assert not (out / "mastodon").exists()  # nothing that could be uploaded


def test_an_unwritable_out_folder_is_one_line_and_exit_two(omroeper, tmp_path, draft_file):
    photo(200, 100).save(tmp_path / "a.jpg")
    path = draft_file({"text": "x", "images": [{"path": "a.jpg", "alt": "a"}]})
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("in the way")
    result = omroeper("check", str(path), "--out", str(blocked))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"omroeper: Cannot write the images to {blocked}")
    assert result.stderr.count("\n") == 1
