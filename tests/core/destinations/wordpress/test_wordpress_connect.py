"""Connecting WordPress against a real WordPress (Debian's package on MariaDB, served by
`php -S` on loopback: tests/support/wordpress.py): who the application password belongs to,
what they may do, which post types and categories they can use, and one code per way it
goes wrong, each with its own sentence. Hostile answers come from the hostile server."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.core.destinations.errors import ConnectError
from composer.core.destinations.wordpress import connect as wp
from composer.i18n.connect_errors import describe_connect_error
from tests.support import hostile_server as scenes


def refusal(*args: str, **options: str) -> ConnectError:
    with pytest.raises(ConnectError) as failure:
        wp.connect(*args, **options)
    return failure.value


def test_an_editor_connects_and_may_publish_posts_and_pages(wordpress):
    editor = wordpress.user("editor")
    connected = wp.connect(wordpress.url, editor.user, editor.app_password)
    assert connected.identity.name == "Editor Omroeper"
    assert connected.identity.handle == f"editor@{wordpress.url.removeprefix('http://')}"
    assert connected.server == wordpress.url
    assert connected.secret == {"application_password": editor.app_password}
    settings = connected.settings
    assert settings["rest_root"] == f"{wordpress.url}/wp-json/"
    assert (settings["user"], settings["user_id"], settings["roles"]) == ("editor", 2, ["editor"])
    assert (settings["post_type"], settings["rest_base"], settings["can_publish"]) == (
        "post",
        "posts",
        True,
    )
    assert [kind["slug"] for kind in settings["post_types"]] == ["post", "page"]
    assert {category["name"] for category in settings["categories"]} >= {"Nieuws", "Agenda"}
    assert editor.app_password not in json.dumps(settings) + repr(connected)


def test_the_address_may_be_typed_with_wp_admin_and_a_trailing_slash(wordpress):
    author = wordpress.user("author")
    connected = wp.connect(f"{wordpress.url}/wp-admin/", author.user, author.app_password)
    assert connected.server == wordpress.url
    # an author writes posts, not pages
    assert [kind["slug"] for kind in connected.settings["post_types"]] == ["post"]


def test_a_post_type_can_be_chosen_and_an_unknown_one_is_named(wordpress):
    admin = wordpress.user("administrator")
    connected = wp.connect(wordpress.url, admin.user, admin.app_password, post_type="page")
    assert (connected.settings["post_type"], connected.settings["rest_base"]) == ("page", "pages")
    failure = refusal(wordpress.url, admin.user, admin.app_password, post_type="nieuws")
    assert failure.code == "unknown_post_type"
    assert failure.details["choices"] == "post, page"
    said = describe_connect_error(failure)
    assert "nieuws" in said and "post, page" in said


def test_a_contributor_connects_but_can_only_submit_for_review(wordpress):
    contributor = wordpress.user("contributor")
    connected = wp.connect(wordpress.url, contributor.user, contributor.app_password)
    assert connected.settings["roles"] == ["contributor"]
    assert connected.settings["can_publish"] is False
    assert connected.settings["post_types"] == [
        {"slug": "post", "name": "Posts", "rest_base": "posts", "can_publish": False}
    ]


def test_a_subscriber_cannot_post_at_all(wordpress):
    subscriber = wordpress.user("subscriber")
    failure = refusal(wordpress.url, subscriber.user, subscriber.app_password)
    assert failure.code == "cannot_post"
    assert "subscriber" in describe_connect_error(failure).lower() or "role" in (
        describe_connect_error(failure).lower()
    )


def test_a_wrong_application_password_is_named(wordpress):
    editor = wordpress.user("editor")
    failure = refusal(wordpress.url, editor.user, "abcd efgh ijkl mnop qrst uvwx")
    assert failure.code == "wrong_app_password"
    assert "Application Passwords" in describe_connect_error(failure)


def test_a_host_that_strips_the_authorization_header_is_named_with_what_to_ask(wordpress):
    """The router of that server drops the header, as Apache does without CGIPassAuth: the
    same request is answered as anonymous, while the password itself is right."""
    editor = wordpress.user("editor")
    failure = refusal(wordpress.scene("strip_authorization"), editor.user, editor.app_password)
    assert failure.code == "authorization_stripped"
    said = describe_connect_error(failure)
    assert "Authorization" in said and "CGIPassAuth" in said


def test_application_passwords_switched_off_are_named(wordpress):
    editor = wordpress.user("editor")
    failure = refusal(wordpress.scene("no_application_passwords"), editor.user, "x" * 24)
    assert failure.code == "app_passwords_off"
    assert describe_connect_error(failure) != describe_connect_error(
        ConnectError("wrong_app_password", {})
    )


def test_a_site_without_pretty_addresses_is_found_through_rest_route(wordpress):
    editor = wordpress.user("editor")
    site = wordpress.scene("plain_permalinks")
    connected = wp.connect(site, editor.user, editor.app_password)
    assert connected.settings["rest_root"] == f"{site}/index.php?rest_route=/"
    assert connected.identity.name == "Editor Omroeper"


def test_a_plain_http_site_elsewhere_needs_https_before_anything_is_sent():
    failure = refusal("http://www.bibliotheek.example", "editor", "x" * 24)
    assert failure.code == "needs_https"
    assert "https" in describe_connect_error(failure)


@pytest.mark.parametrize("address", ["https://", "ftp://www.example.org", "https://:8080"], ids=str)
def test_an_address_that_is_not_one_is_refused(address):
    assert refusal(address, "editor", "x").code in {"invalid_address", "not_that_server"}


def test_another_server_is_not_taken_for_wordpress(hostile):
    url = hostile.stage(scenes.json_answer(200, {"hello": "world"}))
    failure = refusal(url, "editor", "x" * 24)
    assert failure.code == "not_that_server"


def test_a_rest_root_on_another_host_gets_no_password(hostile):
    """The site's Link header names a root elsewhere: nothing goes there, and the fallbacks on
    the site itself answer nothing WordPress-like."""
    elsewhere = '<https://collector.example/wp-json/>; rel="https://api.w.org/"'
    url = hostile.stage(scenes.json_answer(200, {}, {"Link": elsewhere}))
    failure = refusal(url, "editor", "secret-app-password")
    assert failure.code == "not_that_server"
    token = base64.b64encode(b"editor:secret-app-password").decode()
    assert all(token not in str(hit.headers) for hit in hostile.hits)


def test_a_flood_instead_of_the_account_is_cut_off(hostile):
    """The index is WordPress's, `users/me` answers gigabytes: refused at safe_http's limit."""
    index = {"namespaces": ["wp/v2"], "authentication": {"application-passwords": {}}}
    url = hostile.stage(scenes.json_answer(404, {}))
    prefix = url.removeprefix(hostile.url)
    hostile.play(scenes.json_answer(200, index), path=f"{prefix}/wp-json/")
    hostile.play(scenes.huge(3_000_000_000), path=f"{prefix}/wp-json/wp/v2/users/me")
    failure = refusal(url, "editor", "x" * 24)
    assert failure.code == "answer_too_large"


_HOSTS = st.sampled_from(["www.bieb.example", "127.0.0.1:8080", "localhost", "[::1]:9"])
_PATHS = st.lists(st.text("abcz-_.~ ", min_size=1, max_size=8), max_size=3).map("/".join)


@given(host=_HOSTS, path=_PATHS, route=st.sampled_from(["/", "/wp/v2/users/me", "/wp/v2/types"]))
def test_every_route_lands_under_the_root_pretty_or_plain(host, path, route):
    scheme = "https" if "." in host.split(":")[0] and not host.startswith("127") else "http"
    site = wp.site_address(f"{scheme}://{host}/{path}")
    assert site.startswith(f"{scheme}://{host}") and not site.endswith("/")
    pretty = wp.endpoint(f"{site}/wp-json/", route, context="edit")
    plain = wp.endpoint(f"{site}/index.php?rest_route=/", route, context="edit")
    assert urlsplit(pretty).path.endswith(f"/wp-json{route}".replace("//", "/"))
    assert parse_qs(urlsplit(plain).query) == {"rest_route": [route], "context": ["edit"]}
    assert urlsplit(pretty).netloc == urlsplit(plain).netloc == urlsplit(site).netloc


@given(host=st.from_regex(r"[a-z]{1,10}\.(nl|be|org)", fullmatch=True), path=_PATHS)
def test_plain_http_to_another_machine_is_never_used(host, path):
    with pytest.raises(ConnectError) as failure:
        wp.site_address(f"http://{host}/{path}")
    assert failure.value.code == "needs_https"
