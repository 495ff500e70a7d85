"""Every code the classifiers read a failure as, named by connecting and by publishing, has
plain words on that side (composer/i18n): never the "… failed (code)" fallback."""

from __future__ import annotations

from typing import get_args

import pytest

from composer.core.destinations.errors import Failure, connect_error, publish_error
from composer.i18n.connect_errors import describe_connect_error
from composer.i18n.publish_errors import describe_publish_error

# What requests_failures, mastodon_failures and atproto_failures can return.
READINGS = [
    ("offline", {}),
    ("unreachable", {}),
    ("timeout", {}),
    ("connection_lost", {}),
    ("tls_failed", {}),
    ("not_tls", {}),
    ("rate_limited", {"retry_after": 30}),
    ("server_error", {"status": 503}),
    ("wrong_credentials", {}),
    ("expired", {"status": 401}),
    ("rejected", {"status": 403, "message": "Not allowed"}),
    ("rejected", {"status": 404, "message": ""}),
    ("rejected", {"status": 422, "message": "Too long"}),
    ("scope_missing", {"status": 403, "message": "This action is outside the authorized scopes"}),
    ("not_that_server", {"status": 404}),
    ("bad_answer", {"status": 200}),
    ("answer_too_large", {"limit": 4_000_000}),
    ("redirected", {"status": 307}),
]


def test_the_readings_are_the_whole_vocabulary():
    """errors.Failure, the type the classifiers return, holds exactly these codes: a code added
    there gets words here first."""
    assert {code for code, _details in READINGS} == set(get_args(Failure))


@pytest.mark.parametrize(("code", "details"), READINGS)
def test_both_sides_have_words_for_it(code, details):
    connecting = connect_error(code, {"address": "https://social.example"} | details)
    publishing = publish_error(code, details)
    said = describe_connect_error(connecting)
    assert "Connecting failed" not in said and "{" not in said
    said = describe_publish_error(publishing.code, publishing.details)
    assert "Publishing failed" not in said and "{" not in said


ANSWERS = [
    ("rejected", {"status": 401, "message": "No matching signature found"}),
    ("expired", {"status": 401}),
    ("rejected", {"status": 403, "message": ""}),
    ("rejected", {"status": 404, "message": ""}),
    ("rejected", {"status": 413, "message": ""}),
    ("rate_limited", {"retry_after": None}),
    ("server_error", {"status": 502}),
    ("tls_failed", {}),
    ("unreachable", {"address": "www.bieb.example"}),
    ("timeout", {}),
]


@pytest.mark.parametrize(("code", "details"), ANSWERS)
def test_the_website_and_a_network_each_say_whom_it_is_about(code, details):
    """The website's answer points to the web developer; a network's names that network."""
    site = describe_publish_error(code, details, "website")
    mastodon = describe_publish_error(code, details, "mastodon")
    assert "website" in site and "{" not in site and "No matching signature" not in site
    assert "Mastodon" in mastodon and "{" not in mastodon
    assert site != mastodon


def test_offline_unreachable_and_a_network_down_are_three_different_sentences():
    said = {
        describe_publish_error("offline", {}, "website"),
        describe_publish_error("unreachable", {}, "website"),
        describe_publish_error("unreachable", {}, "mastodon"),
    }
    assert len(said) == 3


def test_a_refusal_without_a_reason_ends_in_words_not_a_colon():
    said = describe_publish_error("rejected", {"status": 302, "message": ""})
    assert "(302)" in said and not said.rstrip().endswith(":")


def test_an_address_that_is_not_a_safe_link_has_words_on_both_sides():
    """The website's (a failure: the networks wait) and a published copy's (a warning)."""
    from composer.i18n.publish_errors import describe_no_address

    said = describe_publish_error("unsafe_url", {"status": 201})
    assert "Publishing failed" not in said and "developer" in said
    assert "safe web address" in describe_no_address()


def test_a_token_without_the_scope_is_told_to_connect_again():
    """A 403 for lack of scope (an account connected before Omroeper asked to read its own
    posts) names the way out, not the server's moderators."""
    details = {"status": 403, "message": "Forbidden: token has insufficient scope permission"}
    for said in (
        describe_publish_error("scope_missing", details),
        describe_publish_error("scope_missing", details, "mastodon"),
        describe_publish_error("scope_missing", details, "mastodon", retries=False),
    ):
        assert "connect" in said.lower() and "again" in said and "moderators" not in said
        assert "insufficient" not in said  # the server's jargon stays out
    assert describe_publish_error("rejected", details, "mastodon") != said


# WordPress's refusals a person can act on (composer/core/destinations/wordpress/publish.py)
WORDPRESS = [
    ("not_allowed", {"status": 403, "error": "rest_cannot_publish"}, "Connect the site again"),
    ("photo_refused", {"index": 2, "type": "WebP", "status": 500}, "allow WebP photos"),
    ("photo_too_large", {"index": 1, "type": "JPEG", "bytes": 1_450_000}, "too large (1.4 MB)"),
    ("photo_too_large", {"status": 413}, "refused the post as too large"),
    ("invalid_field", {"fields": "lang", "message": "lang is not one of nl and en."}, "“lang is"),
    ("invalid_field", {"fields": "owc_region", "message": ""}, "(owc_region). Ask whoever"),
]


@pytest.mark.parametrize(("code", "details", "words"), WORDPRESS)
def test_wordpress_refusals_have_their_own_words_in_english_and_dutch(qapp, code, details, words):
    from composer.i18n.translation import install

    said = describe_publish_error(code, details, "wordpress")
    assert words in said and "{" not in said and "Publishing failed" not in said
    assert describe_publish_error(code, details, "wordpress", retries=False) == said
    install("nl")
    try:
        dutch = describe_publish_error(code, details, "wordpress")
    finally:
        install("en")
    assert dutch != said and "WordPress" in dutch and "{" not in dutch
    if "bytes" in details:
        assert "1,4 MB" in dutch


@pytest.mark.parametrize(
    ("code", "details", "says"),
    [
        ("too_soon", {"minutes": 6}, "6"),
        ("schedule_limit", {"limit": 25}, "25"),
        ("cannot_schedule", {"reason": "review_only"}, "WordPress"),
        ("cannot_schedule", {"reason": "software"}, "this computer"),
        ("cannot_schedule", {"reason": "thread"}, "several parts"),
        ("not_held", {}, "no longer holds"),
        ("cannot_edit", {"reason": "software"}, "cannot change"),
        ("cannot_edit", {"reason": "thread_length"}, "number of parts"),
        ("cannot_edit", {"reason": "gone"}, "no longer online"),
        ("cannot_edit", {"reason": "alt_text"}, "description of a photo"),
        ("cannot_edit", {"reason": "photos"}, "add or take away photos"),
        ("edit_refused", {"status": 422, "message": "Text too long"}, "422): Text too long"),
        ("edit_refused", {"status": 422}, "without saying why"),
    ],
)
def test_scheduling_on_the_server_has_words_of_its_own(code, details, says):
    words = describe_publish_error(code, details, "")
    assert says in words and code not in words and "{" not in words


def test_every_scheduling_code_has_words_of_its_own():
    from composer.core.errors import CodedError
    from composer.core.scheduling.errors import CODES
    from composer.i18n.schedule_errors import describe_schedule_error, has_words

    for code in CODES:
        assert has_words(code), code
        details = {"job": 3, "zone": "Mars/\nOlympus", "time": "2027-03-28T02:30", "state": "x"}
        said = describe_schedule_error(CodedError(code, details))
        assert "Scheduling failed" not in said and "{" not in said and "\n" not in said


def test_every_failure_of_the_os_task_has_words_and_says_to_keep_omroeper_open():
    from composer.core.scheduling.os_task.outcome import DONE, FAILURES, TaskOutcome
    from composer.i18n.task_errors import describe_task_failure, has_words

    for code in FAILURES:
        assert has_words(code), code
        said = describe_task_failure(TaskOutcome(code, {"status": 1}))
        assert "keep Omroeper open" in said and "failed" not in said and "{" not in said
    for code in DONE:
        assert describe_task_failure(TaskOutcome(code)) == ""


def test_every_os_task_failure_has_words_both_ways_and_done_has_none():
    from composer.core.scheduling.os_task.outcome import DONE, FAILURES
    from composer.i18n.task_errors import describe_task_failure

    for code in FAILURES:
        installing = describe_task_failure(code, wanted=True)
        removing = describe_task_failure(code, wanted=False)
        assert installing and removing and installing != removing
        for said in (installing, removing):
            assert code not in said and "{" not in said and "\n" not in said
    assert all(describe_task_failure(code, wanted=True) == "" for code in DONE)


def test_every_code_an_edit_leaves_a_copy_or_stops_with_has_words_in_english_and_dutch(qapp):
    from composer.core.publishing.editing import BUSY, NEEDS_REPOST, PAGE_NOT_OURS
    from composer.i18n.translation import install

    for code in (BUSY, NEEDS_REPOST, PAGE_NOT_OURS):
        said = describe_publish_error(code, {"job": 7}, "bluesky", retries=False)
        install("nl")
        try:
            dutch = describe_publish_error(code, {"job": 7}, "bluesky", retries=False)
        finally:
            install("en")
        for words in (said, dutch):
            assert code not in words and "{" not in words and "\n" not in words
        assert dutch != said
    assert "Message 7 " in describe_publish_error(BUSY, {"job": 7}, retries=False)
