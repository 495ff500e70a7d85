"""The Linux build of packaging/omroeper.spec, smoke-tested as the Windows and macOS runners do.

One PyInstaller build per test run (about a minute on the CI machine), then the checks of
packaging/smoke_test.py, one test each, so a broken spec fails here before it reaches the
Windows and macOS runners.
"""

import os
import shutil

import pytest

import composer
from tests.packaging.packaging_scripts import load

build = load("build")
smoke = load("smoke_test")
build_info = load("build_info")

SIZE_LIMIT_MB = 230  # 194 MB now: a new dependency or a forgotten Qt module shows up here


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("frozen")
    frozen, seconds = build.build(out / "dist", out / "work")
    return frozen, seconds


@pytest.fixture
def frozen(built):
    return built[0]


def test_the_version_is_the_package_version(frozen, tmp_path):
    assert build_info.version() == composer.__version__
    smoke.check_version(frozen, tmp_path)


def test_check_gives_the_same_json_and_photos_as_the_source(frozen, tmp_path):
    report = smoke.check_check(frozen, tmp_path)
    bluesky = report["targets"]["bluesky"]
    assert [facet["type"] for facet in bluesky["facets"]] == ["tag", "link", "link"]
    assert [image["type"] for image in bluesky["images"]] == ["image/jpeg", "image/jpeg"]


def test_help_speaks_dutch_and_english(frozen, tmp_path):
    seen = smoke.check_languages(frozen, tmp_path)
    assert "usage: omroeper" in seen["en"]


def test_the_window_opens_and_closes_with_everything_bundled(frozen, tmp_path, secret_service):
    report = smoke.check_window(frozen, tmp_path, keyring=True)
    assert "keyring.backends.SecretService.Keyring" in report["keyring_viable"]
    assert "SecretService" in report["keyring_roundtrip"]["backend"]
    assert not secret_service.items("Omroeper smoke-test")  # the throwaway secret is gone


def test_unused_qt_is_left_out_and_resources_are_in(frozen, tmp_path):
    smoke.check_contents(frozen, tmp_path)


def test_the_size_is_reported_and_bounded(built, capsys):
    frozen, seconds = built
    total, _groups, _largest = build.sizes(frozen)
    with capsys.disabled():  # the figures the README quotes, in every CI log
        print(f"\nLinux frozen build in {seconds:.0f} s\n{build.size_report(frozen)}")
    assert total < SIZE_LIMIT_MB * build.MB


def _copy(frozen, target):
    """A cheap copy of the bundle: hard links, so removing a file leaves the original alone."""
    shutil.copytree(frozen, target, symlinks=True, copy_function=os.link)
    return target


def test_the_smoke_test_catches_a_bundle_without_translations(frozen, tmp_path):
    broken = _copy(frozen, tmp_path / "broken")
    for qm in broken.rglob("omroeper_nl.qm"):
        qm.unlink()
    with pytest.raises(AssertionError, match="differs from source"):
        smoke.check_languages(broken, tmp_path)
    with pytest.raises(AssertionError, match="missing"):
        smoke.check_contents(broken, tmp_path)


def test_the_smoke_test_catches_a_bundle_without_keyring_backends(frozen, tmp_path):
    broken = _copy(frozen, tmp_path / "broken")
    for module in broken.rglob("keyring/backends/kwallet.pyc"):
        module.unlink()
    with pytest.raises(AssertionError, match="not in the bundle"):
        smoke.check_window(broken, tmp_path)
