import base64

import pytest

from composer.core.destinations.discord import connect as discord
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.website import connect as website
from tests.support.fake_discord import FakeDiscord


@pytest.fixture
def fake_discord():
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


def test_website_secret_is_generated_in_standard_webhooks_form():
    connected = website.connect("https://www.bibliotheek.example.nl/omroeper/webhook")
    secret = connected.secret["signing_secret"]
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    assert website.secret_is_valid(secret)
    assert connected.identity.name == "www.bibliotheek.example.nl"
    assert connected.server == "https://www.bibliotheek.example.nl/omroeper/webhook"
    assert website.connect("https://a.example/h").secret != connected.secret  # random each time


def test_website_accepts_a_pasted_secret_and_refuses_a_bad_one():
    pasted = "whsec_" + base64.b64encode(b"k" * 24).decode()
    assert website.connect("https://example.org/hook", pasted).secret == {"signing_secret": pasted}
    for bad in ("geheim", "whsec_kort", "whsec_" + "!" * 40):
        with pytest.raises(ConnectError) as failure:
            website.connect("https://example.org/hook", bad)
        assert failure.value.code == "invalid_secret"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://www.example.org/hook", "insecure_address"),
        ("ftp://example.org/hook", "invalid_address"),
        ("example.org/hook", "invalid_address"),
    ],
)
def test_website_address_must_be_https(url, code):
    with pytest.raises(ConnectError) as failure:
        website.connect(url)
    assert failure.value.code == code


def test_discord_webhook_is_verified(fake_discord):
    connected = discord.connect(fake_discord.url)
    assert connected.identity.name == "Omroeper-test"
    assert connected.secret == {"webhook_url": fake_discord.url}
    assert connected.settings["channel_id"] == fake_discord.channel_id
    assert connected.server == ""  # the address is the secret: kept only in the keyring
    assert fake_discord.requests == [("GET", fake_discord.url.removeprefix(fake_discord.base))]


def test_discord_wrong_token_unknown_webhook_and_errors(fake_discord):
    with pytest.raises(ConnectError) as wrong:
        discord.connect(fake_discord.url.replace(fake_discord.token, "ander-token"))
    assert wrong.value.code == "wrong_credentials"
    assert "ander-token" not in str(wrong.value)
    with pytest.raises(ConnectError) as unknown:
        discord.connect(fake_discord.url.replace(fake_discord.webhook_id, "123"))
    assert unknown.value.code == "wrong_credentials"
    fake_discord.fail_next = [429]
    with pytest.raises(ConnectError) as limited:
        discord.connect(fake_discord.url)
    assert (limited.value.code, limited.value.details) == ("rate_limited", {"retry_after": "3"})
    fake_discord.fail_next = [502]
    with pytest.raises(ConnectError) as broken:
        discord.connect(fake_discord.url)
    assert broken.value.details == {"status": 502}


def test_discord_address_checks(fake_discord):
    for url, code in [
        ("https://example.org/api/webhooks/1/abc", "not_that_server"),
        ("http://discord.com/api/webhooks/1/abc", "insecure_address"),
        (f"{fake_discord.base}/not/a/webhook", "not_that_server"),
    ]:
        with pytest.raises(ConnectError) as failure:
            discord.connect(url)
        assert failure.value.code == code
    port = fake_discord.server.server_address[1]
    fake_discord.stop()
    with pytest.raises(ConnectError) as gone:
        discord.connect(f"http://127.0.0.1:{port}/api/webhooks/1/abc")
    assert gone.value.code == "unreachable"
    fake_discord.start()  # the fixture stops it again
