"""`omroeper accounts` end to end: real processes, the real Secret Service, real HTTP."""

import base64
import json

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from composer.core.accounts.credentials import Credentials
from tests.support.canary import assert_no_secret_anywhere
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.publish_servers import Site, free_port


@pytest.fixture
def fake_discord():
    fake = FakeDiscord(token="canary-DISCORD-token-7f3e9a").start()
    yield fake
    fake.stop()


@pytest.fixture
def site(tmp_path):
    running = Site(tmp_path / "content").start()
    yield running
    running.stop()


@pytest.fixture
def accounts(omroeper, secret_service, tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    profile = tmp_path / "profile"

    def run(*args, stdin=""):
        return omroeper("--profile", str(profile), "accounts", *args, stdin=stdin)

    run.profile = profile
    return run


def test_website_with_a_generated_secret_shown_once(accounts, secret_service, site):
    result = accounts("add", "website", "--server", site.url)
    assert result.returncode == 0, result.stderr
    assert "does not have this new key yet" in result.stderr  # the test event was refused
    added = json.loads(result.stdout)
    assert set(added) == {"id", "kind", "name", "secret"}
    assert added["kind"] == "website" and added["name"] == "127.0.0.1"
    assert site.pages() == []
    assert added["secret"].startswith("whsec_")
    listed = json.loads(accounts("list", "--json").stdout)
    assert listed == [{key: added[key] for key in ("id", "kind", "name")}]
    (item,) = secret_service.items(f"Omroeper {added['id']}")
    assert item["username"] == "secret"
    stored = Credentials(SecretServiceKeyring()).load(added["id"])
    assert stored == {"signing_secret": added["secret"]}
    assert_no_secret_anywhere([added["secret"]], accounts.profile)


def test_a_website_that_does_not_answer_is_not_added(accounts, site):
    nobody = f"http://127.0.0.1:{free_port()}/omroeper"
    result = accounts("add", "website", "--server", nobody)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("omroeper: Your website does not answer at 127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1
    wrong = accounts("add", "website", "--server", site.url, "--secret-stdin", stdin=SOME_KEY)
    assert wrong.returncode == 1
    assert "(401)" in wrong.stderr and "web developer" in wrong.stderr
    assert json.loads(accounts("list", "--json").stdout) == []


SOME_KEY = "whsec_" + "C" * 44 + "\n"


def test_discord_and_remove(accounts, secret_service, fake_discord):
    result = accounts("add", "discord", "--webhook-stdin", stdin=fake_discord.url + "\n")
    assert result.returncode == 0, result.stderr
    added = json.loads(result.stdout)
    assert added == {"id": added["id"], "kind": "discord", "name": "Omroeper-test"}
    assert accounts("list").stdout.strip() == f"{added['id']}\tdiscord\tOmroeper-test"
    removed = accounts("remove", added["id"])
    assert removed.returncode == 0, removed.stderr
    assert json.loads(accounts("list", "--json").stdout) == []
    assert secret_service.items(f"Omroeper {added['id']}") == []
    again = accounts("remove", added["id"])
    assert again.returncode == 2 and again.stderr.count("\n") == 1


def test_refusals_are_one_line(accounts, fake_discord):
    cases = [
        (("add", "discord", "--webhook-stdin"), fake_discord.url.replace("canary", "x") + "\n"),
        (("add", "website", "--server", "http://www.bieb.example.nl/hook"), ""),
        (("add", "website", "--server", "https://x.example/h", "--secret-stdin"), "whsec_kort\n"),
        (("add", "discord"), ""),
    ]
    for args, stdin in cases:
        result = accounts(*args, stdin=stdin)
        assert result.returncode in (1, 2), result
        assert result.stderr.startswith("omroeper: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
    assert json.loads(accounts("list", "--json").stdout) == []


@pytest.fixture
def fake_mastodon():
    server = FakeMastodon().start()
    yield server
    server.stop()


def test_mastodon_with_a_pasted_token(accounts, fake_mastodon):
    token = fake_mastodon.issue_token("read:accounts read:statuses write:statuses write:media")
    server = fake_mastodon.base
    result = accounts("add", "mastodon", "--server", server, "--token-stdin", stdin=token + "\n")
    assert result.returncode == 0, result.stderr
    added = json.loads(result.stdout)
    assert added["kind"] == "mastodon" and added["name"].startswith("@")
    wrong = accounts("add", "mastodon", "--server", server, "--token-stdin", stdin="nee\n")
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("omroeper: The server did not accept these details.")
    assert len(json.loads(accounts("list", "--json").stdout)) == 1


def test_an_account_with_too_few_permissions_is_reported(accounts, fake_mastodon):
    """Connected with the scopes Omroeper asked before (the server records them): listed
    with needs_reconnect, and one line of words on stderr; a full one is listed as before."""
    server = fake_mastodon.base
    for scopes in ("read:accounts write:statuses write:media", "read write"):
        token = fake_mastodon.issue_token(scopes)
        added = accounts("add", "mastodon", "--server", server, "--token-stdin", stdin=token)
        assert added.returncode == 0, added.stderr
    old, full = json.loads(accounts("list", "--json").stdout)
    assert old["needs_reconnect"] is True and "needs_reconnect" not in full
    listed = accounts("list")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2
    (said,) = listed.stderr.splitlines()
    assert old["id"] in said and "Connect it again" in said and full["id"] not in said


def test_canary_no_secret_in_profile_database_or_logs(
    accounts, fake_discord, fake_mastodon, tmp_path
):
    pasted = "whsec_" + base64.b64encode(b"canary-website-key-0123456789").decode()
    site = Site(tmp_path / "content", secret=pasted).start()
    try:
        website = accounts("add", "website", "--server", site.url, "--secret-stdin", stdin=pasted)
    finally:
        site.stop()
    assert "accepted the key" in website.stderr
    discord = accounts("add", "discord", "--webhook-stdin", stdin=fake_discord.url + "\n")
    token = fake_mastodon.issue_token("read:accounts read:statuses write:statuses write:media")
    mastodon = accounts(
        "add", "mastodon", "--server", fake_mastodon.base, "--token-stdin", stdin=token + "\n"
    )
    assert website.returncode == discord.returncode == mastodon.returncode == 0, (
        website.stderr + discord.stderr + mastodon.stderr
    )
    assert pasted not in website.stdout  # a pasted secret is not echoed back
    assert accounts("list", "--json").returncode == 0
    log = accounts.profile / "logs" / "omroeper.log"
    assert "connected discord account" in log.read_text(encoding="utf-8")
    assert_no_secret_anywhere(
        [pasted, fake_discord.token, fake_discord.url, pasted.removeprefix("whsec_"), token],
        accounts.profile,
    )


def test_bluesky_with_an_app_password_and_the_canary(accounts, bluesky_pds):
    alice = bluesky_pds.create_account("clialice", display_name="Bieb Alice")
    app_password = bluesky_pds.create_app_password(alice)
    added = accounts(
        "add",
        "bluesky",
        "--handle",
        alice.handle,
        "--server",
        bluesky_pds.url,
        "--password-stdin",
        stdin=app_password + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert added.stderr == ""  # an app password: no warning
    assert json.loads(added.stdout)["name"] == f"@{alice.handle}"
    main = accounts(
        "add",
        "bluesky",
        "--handle",
        alice.handle,
        "--server",
        bluesky_pds.url,
        "--password-stdin",
        stdin=alice.password + "\n",
    )
    assert main.returncode == 0, main.stderr
    assert main.stderr.startswith("omroeper: This does not look like an app password.")
    wrong = accounts(
        "add",
        "bluesky",
        "--handle",
        alice.handle,
        "--server",
        bluesky_pds.url,
        "--password-stdin",
        stdin="aaaa-bbbb-cccc-dddd\n",
    )
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("omroeper: The server did not accept these details.")
    assert len(json.loads(accounts("list", "--json").stdout)) == 2
    # the session tokens the CLI received are JWTs: their header always starts so
    assert_no_secret_anywhere([app_password, alice.password, "eyJhbGci"], accounts.profile)


@pytest.mark.parametrize("stdin", ["\n", "", "   \n"])
def test_an_empty_token_on_stdin_is_one_line_and_no_browser(accounts, fake_mastodon, stdin):
    result = accounts(
        "add", "mastodon", "--server", fake_mastodon.base, "--token-stdin", stdin=stdin
    )
    assert result.returncode == 2
    assert result.stderr == (
        "omroeper: Nothing was given for --token-stdin: paste it on standard input and try again.\n"
    )
    assert not any(r.path == "/api/v1/apps" for r in fake_mastodon.requests)  # no sign-in began
