"""`omroeper accounts add wordpress` end to end: the real CLI process, the real Secret Service
and a real WordPress (tests/support/wordpress.py)."""

import json

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from composer.core.accounts.credentials import Credentials
from tests.support.canary import assert_no_secret_anywhere


@pytest.fixture
def accounts(omroeper, secret_service, tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    profile = tmp_path / "profile"

    def run(*args, stdin=""):
        return omroeper("--profile", str(profile), *args, stdin=stdin)

    run.profile = profile
    return run


def _add(accounts, wordpress, role, *more, password=None):
    person = wordpress.user(role)
    return accounts(
        "accounts",
        "add",
        "wordpress",
        "--server",
        wordpress.url,
        "--user",
        person.user,
        "--password-stdin",
        *more,
        stdin=(person.app_password if password is None else password) + "\n",
    )


def test_an_editor_is_added_with_the_password_only_in_the_keyring(accounts, wordpress):
    editor = wordpress.user("editor")
    result = _add(accounts, wordpress, "editor")
    assert result.returncode == 0, result.stderr
    added = json.loads(result.stdout)
    host = wordpress.url.removeprefix("http://")
    assert added == {"id": added["id"], "kind": "wordpress", "name": f"editor@{host}"}
    assert added["id"].startswith("wordpress-")
    assert result.stderr == ""
    stored = Credentials(SecretServiceKeyring()).load(added["id"])
    assert stored == {"application_password": editor.app_password}
    listed = json.loads(accounts("accounts", "list", "--json").stdout)
    assert listed == [added]
    assert_no_secret_anywhere([editor.app_password], accounts.profile)


def test_a_contributor_is_told_posts_wait_for_review(accounts, wordpress):
    result = _add(accounts, wordpress, "contributor")
    assert result.returncode == 0, result.stderr
    assert "holds them for review" in result.stderr


def test_a_post_type_is_chosen_and_a_wrong_one_is_one_line(accounts, wordpress):
    assert _add(accounts, wordpress, "editor", "--post-type", "page").returncode == 0
    wrong = _add(accounts, wordpress, "author", "--post-type", "page")
    assert wrong.returncode == 1
    assert wrong.stderr == (
        "omroeper: This account cannot write “page” on this site. It can write: post.\n"
    )


@pytest.mark.parametrize("stdin", ["\n", "", "   \n"])
def test_an_empty_password_on_stdin_is_one_line(accounts, wordpress, stdin):
    result = _add(accounts, wordpress, "editor", password=stdin.rstrip("\n"))
    assert result.returncode == 2
    assert result.stderr == (
        "omroeper: Nothing was given for --password-stdin: paste it on standard input and "
        "try again.\n"
    )


def test_refusals_are_one_line_and_nothing_is_added(accounts, wordpress):
    wrong = _add(accounts, wordpress, "editor", password="abcd efgh ijkl mnop qrst uvwx")
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("omroeper: WordPress did not accept this application")
    subscriber = _add(accounts, wordpress, "subscriber")
    assert subscriber.returncode == 1
    assert "may not write posts" in subscriber.stderr
    for result in (wrong, subscriber):
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    no_user = accounts(
        "accounts", "add", "wordpress", "--server", wordpress.url, "--password-stdin", stdin="x\n"
    )
    assert no_user.returncode == 2 and "--user" in no_user.stderr
    assert json.loads(accounts("accounts", "list", "--json").stdout) == []


def _publish(accounts, wordpress, role, tmp_path, **draft):
    added = json.loads(_add(accounts, wordpress, role).stdout)
    path = tmp_path / f"bericht-{role}.json"
    path.write_text(json.dumps(draft))
    result = accounts("publish", str(path), "--to", added["id"])
    return result, json.loads(result.stdout), added["id"]


def test_an_editor_publishes_to_wordpress_then_deletes_it(accounts, wordpress, tmp_path):
    result, answer, site = _publish(
        accounts, wordpress, "editor", tmp_path, title="Open dag", text="Kom langs!"
    )
    assert result.returncode == 0, result.stderr
    copy = answer["destinations"][site]
    found = wordpress.rest(f"/wp/v2/posts/{copy['remote_id']}", context="edit")
    assert (copy["state"], copy["url"]) == ("done", found["link"])
    assert found["status"] == "publish" and found["title"]["raw"] == "Open dag"

    deleted = accounts("delete", str(answer["job"]))
    assert deleted.returncode == 0, deleted.stdout + deleted.stderr
    trashed = wordpress.rest(f"/wp/v2/posts/{copy['remote_id']}", context="edit")
    assert trashed["status"] == "trash"


def test_a_contributors_post_is_reported_as_waiting_for_review(accounts, wordpress, tmp_path):
    result, answer, site = _publish(
        accounts, wordpress, "contributor", tmp_path, title="Voorstel", text="Graag nakijken"
    )
    assert result.returncode == 1
    copy = answer["destinations"][site]
    assert copy["state"] == "failed" and copy["error"]["code"] == "held_for_review"
    assert copy["error"]["message"].startswith(
        "Your message is waiting for approval in WordPress; the networks will not follow"
    )
    pending = wordpress.rest(f"/wp/v2/posts/{copy['remote_id']}", context="edit")
    assert pending["status"] == "pending"
    # an editor publishes it; resuming the job finds it, published, and posts nothing twice
    editor = wordpress.user("editor")
    wordpress.post_as(editor, f"/wp/v2/posts/{copy['remote_id']}", {"status": "publish"})
    resumed = accounts("publish", "--resume", str(answer["job"]))
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    again = json.loads(resumed.stdout)["destinations"][site]
    assert (again["state"], again["remote_id"]) == ("done", copy["remote_id"])
    published = wordpress.rest(f"/wp/v2/posts/{copy['remote_id']}", context="edit")
    assert again["url"] == published["link"]
