"""The command line's words after it has exited: right and actionable (issue 16, point 6)."""

from __future__ import annotations

import json

import pytest

from composer.core.destinations.errors import PUBLISH_CODES
from composer.i18n.publish_errors import describe_publish_error
from tests.support.fake_mastodon import FakeMastodon


@pytest.fixture
def fake():
    server = FakeMastodon().start()
    yield server
    server.stop()


def test_https_to_a_plain_http_port_is_named_as_such(cli, fake) -> None:
    address = fake.base.replace("http://", "https://")
    token = fake.issue_token("read:accounts write:statuses write:media")
    result = cli("accounts", "add", "mastodon", "--server", address, "--token-stdin", stdin=token)
    assert result.returncode == 1
    assert result.stderr == (
        f"omroeper: {address} does not speak https on that port. Check the address: often it "
        "has no port number, or a different one.\n"
    )
    assert "certificate" not in result.stderr


@pytest.mark.parametrize("code", sorted(PUBLISH_CODES))
def test_the_command_line_never_promises_to_try_again(code: str) -> None:
    said = describe_publish_error(code, {"status": 503}, "mastodon", retries=False)
    assert "will try again" not in said and "{" not in said


def test_publish_and_delete_failures_come_in_plain_words(cli, fake, draft_file) -> None:
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    added = cli("accounts", "add", "mastodon", "--server", fake.base, "--token-stdin", stdin=token)
    account = json.loads(added.stdout)["id"]
    path = draft_file({"text": "Zaterdag open dag!", "link": "https://example.org/open-dag"})
    fake.fail("POST", "/api/v1/statuses", 503, times=10)
    failed = cli("publish", str(path), "--to", account)
    error = json.loads(failed.stdout)["destinations"][account]["error"]
    assert error["message"] == "The server had a problem (503). Try again later."
    fake.faults.clear()
    job = json.loads(cli("publish", "--resume", str(json.loads(failed.stdout)["job"])).stdout)
    assert job["destinations"][account]["state"] == "done"
    fake.fail("DELETE", r"/api/v1/statuses/\d+", 503, times=10)
    deleted = cli("delete", str(job["job"]))
    assert deleted.returncode == 1
    error = json.loads(deleted.stdout)["destinations"][account]["error"]
    assert error["code"] == "server_error"
    assert error["message"] == "The server had a problem (503). Try again later."
