"""A post the real WordPress (tests/support/wordpress.py) holds until its time: a `future`
post with its photos and the address it will have; settled once published; unscheduled to
the trash; a contributor cannot. The site's time is not waited for: the administrator moves
the post's date into the past, which is what publishing it at its time does to it (WP-Cron's
own run needs a minute's wait, see the report: a request to wp-cron.php publishes it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.core.accounts.account import AccountKind
from composer.core.destinations.errors import PublishError
from composer.core.destinations.wordpress.publish import WordPressDestination, _future_link
from composer.core.drafts.draft import Draft, Image
from composer.core.outside_url import safe_link
from composer.core.publishing.destination import PublishRequest, server_holds
from composer.core.store.jobs import JobDestination
from tests.core.destinations.wordpress.test_wordpress_publish import wordpress_account
from tests.support.fault_proxy import FaultProxy
from tests.support.images import photo, save

TOMORROW = timedelta(days=1)


@pytest.fixture
def draft(tmp_path):
    first = save(photo(800, 600, seed=1), tmp_path / "zaal.jpg")
    return Draft(
        title="Opening van de nieuwe zaal",
        body="Zaterdag om tien uur openen we de nieuwe zaal.",
        text="Zaterdag opening!",
        images=(Image(first, alt="De nieuwe zaal"),),
    )


def _request(account, draft, key: str, attempt: int = 1) -> PublishRequest:
    return PublishRequest(draft, account, None, key, attempt)


def _copy(account, remote_id: str) -> JobDestination:
    return JobDestination(
        account.id, AccountKind.WORDPRESS, 0, "pending", remote_id, "", None, {}, False, 1,
        "key", datetime.now(UTC),
    )  # fmt: skip


def _post(wordpress, post_id: str) -> dict:
    return wordpress.rest(f"/wp/v2/posts/{post_id}", context="edit")


def _time_comes(wordpress, post_id: str) -> None:
    """The post's time has come: its date moved into the past, WordPress publishes it."""
    past = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S")
    admin = wordpress.user("administrator")
    wordpress.post_as(admin, f"/wp/v2/posts/{post_id}", {"date_gmt": past})


def _at(ahead: timedelta = TOMORROW) -> datetime:
    return (datetime.now(UTC) + ahead).replace(microsecond=0)


def test_the_site_holds_the_post_with_its_photo_at_the_address_it_will_have(wordpress, draft):
    account, secrets = wordpress_account(wordpress, "editor")
    destination = WordPressDestination(secrets.__getitem__)
    request = _request(account, draft, "sched-1")
    assert server_holds(destination, request)
    at = _at()

    held = destination.schedule(request, at)

    post = _post(wordpress, held.remote_id)
    assert post["status"] == "future"
    assert post["date_gmt"] == at.strftime("%Y-%m-%dT%H:%M:%S")
    assert post["featured_media"] > 0
    assert "De nieuwe zaal" in post["content"]["raw"]
    assert post["link"].endswith(f"?p={held.remote_id}")  # WordPress's link while waiting
    assert held.url == f"{wordpress.url}/{at:%Y}/{at:%m}/{post['slug']}/"
    assert not held.published_now and not held.held_for_review
    assert destination.settle_scheduled(account, _copy(account, held.remote_id)) is None

    _time_comes(wordpress, held.remote_id)

    settled = destination.settle_scheduled(account, _copy(account, held.remote_id))
    assert settled is not None and settled.remote_id == held.remote_id
    assert settled.url == held.url  # the address announced is WordPress's link now


def test_on_a_site_without_pretty_addresses_the_link_is_the_posts_number(wordpress, draft):
    plain = f"{wordpress.scene('plain_permalinks')}/wp-json/"
    account, secrets = wordpress_account(wordpress, "editor", plain)
    held = WordPressDestination(secrets.__getitem__).schedule(
        _request(account, replace(draft, images=()), "sched-plain"), _at()
    )
    assert held.url.endswith(f"?p={held.remote_id}")


def test_a_contributor_cannot_schedule_and_nothing_is_made(wordpress, draft):
    account, secrets = wordpress_account(wordpress, "contributor")
    destination = WordPressDestination(secrets.__getitem__)
    request = _request(account, replace(draft, images=()), "sched-contributor")
    assert not server_holds(destination, request)
    with pytest.raises(PublishError) as refused:
        destination.schedule(request, _at())
    assert refused.value.code == "cannot_schedule"
    assert refused.value.details == {"reason": "review_only"}
    mine = wordpress.rest("/wp/v2/posts", status="any", search="Opening van de nieuwe zaal")
    assert all(p["author"] != wordpress.user("contributor").id for p in mine)


def test_a_time_less_than_two_minutes_ahead_is_refused_before_sending(wordpress, draft):
    account, secrets = wordpress_account(wordpress, "editor")
    before = wordpress.rest("/wp/v2/posts", status="any", per_page="100", _fields="id")
    with pytest.raises(PublishError) as refused:
        WordPressDestination(secrets.__getitem__).schedule(
            _request(account, draft, "sched-soon"), _at(timedelta(seconds=90))
        )
    assert refused.value.code == "too_soon" and refused.value.details == {"minutes": 2}
    assert wordpress.rest("/wp/v2/posts", status="any", per_page="100", _fields="id") == before


def test_a_site_whose_clock_is_past_the_time_publishes_at_once_and_says_so(wordpress, draft):
    """This computer's clock 10 minutes behind: 30 seconds ahead for the site is published."""
    account, secrets = wordpress_account(wordpress, "editor")
    behind = WordPressDestination(
        secrets.__getitem__, clock=lambda: datetime.now(UTC) - timedelta(minutes=10)
    )
    published = behind.schedule(
        _request(account, replace(draft, images=()), "sched-now"), _at(timedelta(seconds=30))
    )
    assert published.published_now
    assert _post(wordpress, published.remote_id)["status"] == "publish"


def test_a_lost_answer_is_read_back_and_the_site_holds_one_post(wordpress, draft):
    port = int(wordpress.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    account, secrets = wordpress_account(wordpress, "editor", f"{proxy.url}/wp-json/")
    proxy.lose_answer("POST", r"^/wp-json/wp/v2/posts")
    destination, at = WordPressDestination(secrets.__getitem__), _at()
    with pytest.raises(PublishError) as lost:
        destination.schedule(_request(account, draft, "sched-lost"), at)
    assert lost.value.code in ("connection_lost", "timeout")

    again = destination.schedule(_request(account, draft, "sched-lost", attempt=2), at)

    post = _post(wordpress, again.remote_id)
    assert post["status"] == "future" and again.url.endswith(f"/{post['slug']}/")
    same = wordpress.rest("/wp/v2/posts", status="any", slug=post["slug"], _fields="id")
    assert [p["id"] for p in same] == [int(again.remote_id)]
    proxy.close()


def test_unschedule_trashes_the_waiting_post_and_leaves_a_published_one(wordpress, draft):
    account, secrets = wordpress_account(wordpress, "editor")
    destination = WordPressDestination(secrets.__getitem__)
    bare = replace(draft, images=())
    waiting = destination.schedule(_request(account, bare, "sched-cancel"), _at())
    online = destination.schedule(_request(account, bare, "sched-online"), _at())
    _time_comes(wordpress, online.remote_id)

    destination.unschedule(account, _copy(account, waiting.remote_id))
    destination.unschedule(account, _copy(account, waiting.remote_id))  # gone: cancelled
    destination.unschedule(account, _copy(account, online.remote_id))

    assert _post(wordpress, waiting.remote_id)["status"] == "trash"
    assert _post(wordpress, online.remote_id)["status"] == "publish"
    with pytest.raises(PublishError) as gone:
        destination.settle_scheduled(account, _copy(account, waiting.remote_id))
    assert gone.value.code == "not_held"


def test_a_late_post_gets_the_visit_that_runs_wp_cron_and_an_early_one_does_not(wordpress, draft):
    """WP-Cron runs on a visit (wp-cron.php; on the test site DISABLE_WP_CRON is set, as on
    hosts with a cron job): settling a post whose time has passed requests it. Here only
    this computer's clock is past the time, so the site rightly still waits."""
    port = int(wordpress.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    account, secrets = wordpress_account(wordpress, "editor")
    account = replace(account, server=proxy.url)  # the site's visitors pass the proxy
    proxy.lose_answer("GET", r"^/wp-cron\.php", times=5)
    on_time = WordPressDestination(secrets.__getitem__)
    held = on_time.schedule(_request(account, replace(draft, images=()), "sched-cron"), _at())
    copy = _copy(account, held.remote_id)

    assert on_time.settle_scheduled(account, copy) is None
    assert proxy.hits == []  # not due: no visit

    later = WordPressDestination(
        secrets.__getitem__, clock=lambda: datetime.now(UTC) + 2 * TOMORROW
    )
    assert later.settle_scheduled(account, copy) is None
    assert [hit[:2] for hit in proxy.hits] == [("GET", "/wp-cron.php")]
    proxy.close()


@given(
    st.one_of(st.none(), st.text(max_size=80), st.just("https://site.example/%postname%/")),
    st.one_of(st.none(), st.text(max_size=40), st.integers()),
)
def test_any_future_address_the_site_gives_is_a_safe_link_or_none(template, slug):
    post = {"id": 1, "status": "future", "link": "https://site.example/?p=1"}
    post |= {"permalink_template": template, "slug": slug}
    address = _future_link(post)
    assert address == "" or safe_link(address) == address
