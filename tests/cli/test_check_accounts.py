"""`omroeper check FILE --to ID`: judged against a connected account's server, its limits and
its way of counting, without the network; and the server then does exactly as predicted.
The account is connected through the real CLI to the fake acting as GoToSocial."""

from __future__ import annotations

import json

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.analysis.analysis import analyze
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.drafts.draft import Draft
from tests.support import strategies
from tests.support.fake_mastodon import FakeMastodon

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
LINK = "https://bibliotheek.example.nl/agenda/2026/open-dag-in-de-leeszaal-en-de-kinderafdeling"


@pytest.fixture
def gotosocial():
    server = FakeMastodon(flavour="gotosocial").start()
    yield server
    server.stop()


def _connect(cli, fake: FakeMastodon) -> tuple[str, str]:
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    added = cli(
        "accounts", "add", "mastodon", "--server", fake.base, "--token-stdin", stdin=token + "\n"
    )
    assert added.returncode == 0, added.stderr
    return json.loads(added.stdout)["id"], token


def _post(fake: FakeMastodon, token: str, text: str) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.post(
        f"{fake.base}/api/v1/statuses", data={"status": text}, headers=headers, timeout=10
    )


def test_check_to_a_gotosocial_account_counts_and_limits_as_that_server(
    cli, gotosocial, draft_file, tmp_path
) -> None:
    account_id, token = _connect(cli, gotosocial)
    # Fits Mastodon's 5,000 (links 23, a family emoji 1) but is 5,112 code points.
    text = FAMILY * 10 + " " + "a" * 4900 + " " + LINK
    for number in range(5):
        PILImage.new("RGB", (40, 30), "teal").save(tmp_path / f"{number}.png")
    images = [{"path": f"{n}.png", "alt": f"Foto {n}"} for n in range(5)]
    path = draft_file({"text": text, "images": images})

    result = cli("check", str(path), "--to", account_id)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)["targets"][account_id]
    assert report["network"] == "mastodon" and report["software"] == "gotosocial"
    assert report["counting"] == "gotosocial" and report["unit"] == "code_points"
    assert (report["length"], report["limit"]) == (len(text), 5000)
    codes = [problem["code"] for problem in report["problems"]]
    assert codes == ["text_too_long"]  # 5 photos: GoToSocial takes 6, Mastodon's default 4
    # Without --to, as before: Mastodon's count and defaults.
    plain = json.loads(cli("check", str(path)).stdout)["targets"]["mastodon"]
    assert plain["length"] == 10 + 1 + 4900 + 1 + 23 + 2 + 23  # and the link back
    assert "too_many_images" in [problem["code"] for problem in plain["problems"]]
    # The server agrees: refused as predicted, with its own words; shortened, accepted.
    refused = _post(gotosocial, token, report["text"])
    assert refused.status_code == 400
    assert refused.json() == {"error": "Bad Request: text with spoiler exceed max chars (5000)"}
    shorter = draft_file({"text": text[: -(len(text) - 5000)]}, "short.json")
    fits = cli("check", str(shorter), "--to", account_id)
    assert fits.returncode == 0, fits.stdout
    sent = json.loads(fits.stdout)["targets"][account_id]["text"]
    assert _post(gotosocial, token, sent).status_code == 200


def test_check_to_refuses_an_unknown_account_in_one_line(cli, draft_file) -> None:
    path = draft_file({"text": "Hallo"})
    for to in ("mastodon-00000000", " , "):
        result = cli("check", str(path), "--to", to)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith("omroeper: ") and result.stderr.count("\n") == 1


# The fake's own code-point rule against Omroeper's prediction, over generated texts.
_pieces = st.sampled_from([LINK, "https://a.nl", "@redactie@nieuws.example.nl", FAMILY, " ", "é"])
_texts = st.lists(st.one_of(strategies.text(max_size=6), _pieces), min_size=1, max_size=10).map(
    "".join
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_texts)
def test_omroeper_predicts_the_gotosocial_answer(gotosocial_small, text: str) -> None:
    fake, token, account = gotosocial_small
    result = analyze(Draft(text=text), "mastodon", account.effective_limits(), ())
    answer = _post(fake, token, result.measured.text)
    if not result.measured.text:
        return  # nothing to send: Omroeper refuses it before the server does
    assert (answer.status_code == 200) == result.fits, (answer.status_code, answer.text)


@pytest.fixture(scope="module")
def gotosocial_small():
    fake = FakeMastodon(flavour="gotosocial", limits={"max_characters": 60}).start()
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    connected = mastodon.connect_with_token(fake.base, "mastodon", token)
    account = Account(
        "mastodon-1", AccountKind.MASTODON, Identity("x"), fake.base,
        connected.settings, connected.limits,
    )  # fmt: skip
    yield fake, token, account
    fake.stop()
