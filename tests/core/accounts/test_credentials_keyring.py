"""Credentials in a real keyring (gnome-keyring over D-Bus), and refusal of every unsafe one."""

import gc
from contextlib import closing
from pathlib import Path

import pytest
from keyring.backends import SecretService, chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from composer.core.accounts.credentials import USERNAME, CredentialError, Credentials, service_name
from composer.core.logs import Redactor
from tests.support.canary import assert_no_secret_anywhere
from tests.support.keyrings import InMemoryKeyring
from tests.support.secret_service import running_secret_service

SECRET = {"access_token": "Tøkén-ﬁ-🔑-𝒳-\u200d-ähnlich", "handle": "bibliotheek.example"}


@pytest.fixture
def real(secret_service):
    return Credentials(SecretService.Keyring(), Redactor())


def test_round_trip_in_the_real_keyring(real):
    assert real.describe_backend() == "SecretService Keyring"
    real.store("mastodon-a1b2c3d4", SECRET)
    assert real.load("mastodon-a1b2c3d4") == SECRET
    assert Credentials(SecretService.Keyring(), Redactor()).load("mastodon-a1b2c3d4") == SECRET

    real.delete("mastodon-a1b2c3d4")
    with pytest.raises(CredentialError, match="missing"):
        real.load("mastodon-a1b2c3d4")
    real.delete("mastodon-a1b2c3d4")  # already gone: fine


def test_one_service_name_per_account(real, secret_service):
    real.store("bluesky-11111111", {"app_password": "abcd-efgh-ijkl-mnop"})
    real.store("discord-22222222", {"webhook": "https://discord.com/api/webhooks/9/tok"})
    real.store("bluesky-11111111", {"app_password": "wxyz-efgh-ijkl-mnop"})  # replaced, not added

    bluesky = secret_service.items("Omroeper bluesky-11111111")
    assert len(bluesky) == 1
    assert bluesky[0]["service"] == service_name("bluesky-11111111")
    assert bluesky[0]["username"] == USERNAME
    assert "wxyz" not in str(bluesky) and "abcd" not in str(bluesky)  # attributes are public
    assert len(secret_service.items("Omroeper discord-22222222")) == 1
    assert real.load("bluesky-11111111") == {"app_password": "wxyz-efgh-ijkl-mnop"}

    real.delete("bluesky-11111111")
    assert secret_service.items("Omroeper bluesky-11111111") == []
    assert len(secret_service.items("Omroeper discord-22222222")) == 1  # the other account stays
    real.delete("discord-22222222")
    assert secret_service.items("Omroeper discord-22222222") == []


def test_the_secret_is_not_in_the_keyring_files_in_clear(real, secret_service):
    real.store("website-33333333", {"signing_secret": "whsec_clear-text-canary-33"})
    assert_no_secret_anywhere(["whsec_clear-text-canary-33"], secret_service.home)
    real.delete("website-33333333")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Where a file backend would write: an empty HOME and profile to search afterwards."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "LOCALAPPDATA", "APPDATA"):
        monkeypatch.setenv(name, str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "profile").mkdir()
    return tmp_path


def _only_folders(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if not path.is_dir()]


def test_the_plaintext_backend_writes_a_file_where_the_test_looks(home):
    # proves the next test would see a fallback to a file
    PlaintextKeyring().set_password("probe", "user", "probe-value")
    assert _only_folders(home)


@pytest.mark.parametrize(
    ("backend", "name"),
    [
        (fail.Keyring, "fail Keyring"),
        (null.Keyring, "null Keyring"),
        (PlaintextKeyring, "file PlaintextKeyring"),
    ],
)
def test_no_usable_keyring_is_said_and_nothing_written(home, backend, name):
    credentials = Credentials(backend(), Redactor())
    for action in (
        credentials.check,
        lambda: credentials.store("mastodon-1", {"access_token": "never-in-a-file"}),
        lambda: credentials.load("mastodon-1"),
        lambda: credentials.delete("mastodon-1"),
    ):
        with pytest.raises(CredentialError) as caught:
            action()
        assert caught.value.code == "no_keyring"
        assert caught.value.details == {"backend": name}
    assert credentials.describe_backend() == f"{name} (not usable)"
    assert _only_folders(home) == []


def test_a_chain_is_used_only_through_a_safe_member(home, monkeypatch):
    memory = InMemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring(), memory])
    credentials = Credentials(chainer.ChainerBackend(), Redactor())
    credentials.store("pixelfed-1", {"access_token": "only-in-memory"})
    assert memory.entries
    assert _only_folders(home) == []

    for members in ([], [PlaintextKeyring(), null.Keyring()]):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", members)
        with pytest.raises(CredentialError, match="no_keyring"):
            Credentials(chainer.ChainerBackend(), Redactor()).store("a-1", {"t": "never-on-disk"})
    assert _only_folders(home) == []


def test_a_backend_that_cannot_work_here_is_no_keyring(monkeypatch):
    # a Secret Service without a bus: keyring's backends say so by raising from `priority`
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    with pytest.raises(CredentialError) as caught:
        Credentials(SecretService.Keyring(), Redactor()).check()
    assert caught.value.code == "no_keyring"


# keyring leaves open the D-Bus connection it used when the unlock is refused
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_a_locked_keyring_whose_unlock_is_refused(tmp_path, monkeypatch):
    # its own daemon: once locked, the shared one could not be unlocked without a prompt
    import secretstorage

    with running_secret_service(tmp_path) as private:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", private.address)
        credentials = Credentials(SecretService.Keyring(), Redactor())
        credentials.store("mastodon-1", {"access_token": "behind-the-lock"})
        with closing(secretstorage.dbus_init()) as connection:
            secretstorage.get_default_collection(connection).lock()

        # no prompter on this bus: the unlock prompt is dismissed at once, as by a person
        with pytest.raises(CredentialError) as caught:
            credentials.load("mastodon-1")
        assert caught.value.code == "locked"
        assert "behind-the-lock" not in str(caught.value)
        assert caught.value.__context__ is None
        del caught
        gc.collect()  # the leaked connection goes now, while its warning is ignored
