"""The Destination protocol: every kind's destination conforms (the type checker says so), and
what each declares in its Capabilities is what it does against real servers on loopback: the
website reference receiver, the Mastodon/Pixelfed and Discord fakes (Bluesky's read-back is in
tests/integration/test_bluesky_publish.py, on the real PDS)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import PublishError
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.mastodon.scopes import asked_for
from composer.core.destinations.registry import PUBLISHABLE, delete_published, destination
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.destination import (
    Capabilities,
    PublishRequest,
    Unsupported,
    server_holds,
)
from composer.core.publishing.publisher import publisher_for
from composer.core.store.jobs import JobDestination
from composer.core.store.store import Store
from tests.support.fake_mastodon import FakeMastodon
from tests.support.images import photo, save
from tests.support.publish_servers import add_discord, add_website

pytest_plugins = ["tests.support.publish_fixtures"]

ROOT = Path(__file__).resolve().parents[3]
DRAFT = Draft(title="Open dag", text="Zaterdag open dag in de bibliotheek!", language="nl")
PAGE = "https://example.org/nieuws/open-dag/"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        yield opened


@pytest.fixture
def pixelfed():
    fake = FakeMastodon(flavour="pixelfed").start()
    yield fake
    fake.stop()


def _connect(accounts, fake: FakeMastodon):
    """With the scopes Omroeper's own sign-in asks for that kind of server."""
    kind = AccountKind(fake.flavour)
    token = fake.issue_token(" ".join(asked_for(kind.value, fake.flavour)))
    return accounts.add(kind, mastodon.connect_with_token(fake.base, kind, token))


def _photo_draft(tmp_path, text: str) -> Draft:
    image = Image(save(photo(640, 480), tmp_path / "zaal.jpg"), alt="De zaal")
    return Draft(text=text, images=(image,))


def test_the_type_checker_holds_every_destination_to_the_protocol(tmp_path):
    """Each maker in the registry is typed as Destination, so a kind's class that lacks a
    method or takes the wrong arguments fails mypy; shown here on one that does."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        textwrap.dedent(
            """
            from composer.core.destinations.bluesky.publish import BlueskyDestination
            from composer.core.destinations.discord.publish import DiscordDestination
            from composer.core.destinations.mastodon.publish import MastodonDestination
            from composer.core.destinations.website.publish import WebsiteDestination
            from composer.core.destinations.wordpress.publish import WordPressDestination
            from composer.core.publishing.destination import (
                Capabilities, Destination, Published, PublishRequest,
            )

            def lookup(account_id: str) -> dict[str, str]:
                return {}

            def save(account_id: str, secret: dict[str, str]) -> None:
                pass

            every: list[Destination] = [
                WebsiteDestination(lookup),
                MastodonDestination(lookup),
                BlueskyDestination(lookup, save),
                DiscordDestination(lookup),
                WordPressDestination(lookup),
            ]

            class PublishesOnly:
                capabilities = Capabilities(idempotent=True, can_read_back=False)

                def publish(self, request: PublishRequest) -> Published:
                    return Published("1", "https://example.org/1")

            half: Destination = PublishesOnly()
            """
        ),
        encoding="utf-8",
    )
    cache = ["--cache-dir", str(tmp_path / "cache")]
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", *cache, "--strict", str(probe)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    errors = [line for line in checked.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, checked.stdout + checked.stderr  # the five real ones conform
    assert 'type "PublishesOnly", variable has type "Destination"' in errors[0]


def test_every_kind_declares_its_capabilities(accounts):
    found = {kind: destination(kind, accounts).capabilities for kind in PUBLISHABLE}
    assert found == {
        AccountKind.WEBSITE: Capabilities(
            idempotent=True, can_read_back=False, is_own_site=True, can_edit=True
        ),
        # per account (its server's software) and post: can_schedule; edits: software too
        AccountKind.MASTODON: Capabilities(
            idempotent=True,
            can_read_back=True,
            schedules_on_server=True,
            can_count=True,
            can_edit=True,
        ),
        AccountKind.PIXELFED: Capabilities(
            idempotent=True, can_read_back=True, needs_image=True, can_count=True, can_edit=True
        ),
        # Bluesky cannot edit: on the person's choice it posts the edit anew
        AccountKind.BLUESKY: Capabilities(
            idempotent=True, can_read_back=True, can_count=True, replaces_instead=True
        ),
        AccountKind.DISCORD: Capabilities(idempotent=False, can_read_back=False, can_edit=True),
        AccountKind.WORDPRESS: Capabilities(
            idempotent=True,
            can_read_back=True,
            is_own_site=True,
            schedules_on_server=True,
            can_edit=True,
        ),
    }
    # the job's rule (networks wait for the website) and the destinations name the same site
    assert all(found[kind].is_own_site == kind.is_own_site for kind in PUBLISHABLE)
    # every kind that connects publishes
    assert set(PUBLISHABLE) == set(AccountKind)


def test_the_website_is_told_where_the_copies_are_and_deleted_by_its_row(
    store, accounts, site, toot
):
    own = add_website(accounts, site)
    toot_account = _connect(accounts, toot)
    website = destination(AccountKind.WEBSITE, accounts)
    with pytest.raises(Unsupported):  # can_read_back is False: a webhook cannot look up
        website.read_back(PublishRequest(DRAFT, own, None, "msg_x", 2))

    job_id = store.create_job(DRAFT, [own.id, toot_account.id])
    job = publisher_for(store, accounts).publish(job_id)
    assert site.receiver.events == ["post.published", "post.syndicated"]  # tell(), step 3
    assert len(site.pages()) == 1 and len(toot.statuses) == 1

    for row in reversed(job.destinations):  # the website last, as Delete everywhere does
        delete_published(accounts, row)
    assert site.pages() == [] and toot.statuses == []


def test_pixelfed_reads_back_what_it_posted_and_nothing_else(accounts, pixelfed, tmp_path):
    account = _connect(accounts, pixelfed)
    posting = destination(AccountKind.PIXELFED, accounts)
    request = PublishRequest(_photo_draft(tmp_path, DRAFT.text), account, PAGE, "key-1", 1)
    assert posting.read_back(request) is None  # nothing there yet

    published = posting.publish(request)
    assert posting.read_back(request) == published
    other = _photo_draft(tmp_path, "Een ander bericht")
    assert posting.read_back(PublishRequest(other, account, PAGE, "key-2", 1)) is None
    with pytest.raises(Unsupported):  # not the own site: there is nothing to tell
        posting.tell(account, PAGE, [("pixelfed", published.url)])


def test_mastodon_reads_back_and_an_old_sign_in_without_read_scope_says_connect_again(
    accounts, toot
):
    """can_read_back on Mastodon: with read:statuses the copy is found; a token from an older
    sign-in (no read scope) is refused (403), and that says: connect the account again."""
    old = accounts.add(
        AccountKind.MASTODON,
        mastodon.connect_with_token(
            toot.base, "mastodon", toot.issue_token("read:accounts write:statuses write:media")
        ),
    )
    posting = destination(AccountKind.MASTODON, accounts)
    request = PublishRequest(DRAFT, old, PAGE, "key-1", 1)
    published = posting.publish(request)
    with pytest.raises(PublishError) as refused:
        posting.read_back(request)
    assert refused.value.code == "connect_again"
    assert refused.value.details["reason"] == "read_scope"

    token = toot.issue_token("read:accounts read:statuses write:statuses write:media")
    new = accounts.add(
        AccountKind.MASTODON, mastodon.connect_with_token(toot.base, "mastodon", token)
    )
    assert posting.read_back(PublishRequest(DRAFT, new, PAGE, "key-1", 2)) == published


def test_pixelfed_needs_a_photo_and_mastodon_does_not(accounts, toot, pixelfed, tmp_path):
    on_pixelfed, on_mastodon = _connect(accounts, pixelfed), _connect(accounts, toot)
    text_only = Draft(text="Alleen tekst")
    refused = destination(AccountKind.PIXELFED, accounts)
    with pytest.raises(PublishError) as failure:
        refused.publish(PublishRequest(text_only, on_pixelfed, PAGE, "k", 1))
    assert failure.value.details["reason"] == "image_required"
    destination(AccountKind.MASTODON, accounts).publish(
        PublishRequest(text_only, on_mastodon, PAGE, "k", 1)
    )
    assert len(toot.statuses) == 1

    refused.publish(PublishRequest(_photo_draft(tmp_path, "Met foto"), on_pixelfed, PAGE, "k2", 1))
    assert len(pixelfed.statuses) == 1


def test_discord_cannot_read_back_and_deletes_by_its_row(store, accounts, hook):
    account = add_discord(accounts, hook)
    posting = destination(AccountKind.DISCORD, accounts)
    with pytest.raises(Unsupported):
        posting.read_back(PublishRequest(DRAFT, account, PAGE, "k", 2))

    job_id = store.create_job(Draft(text="Zaterdag open dag", link=PAGE), [account.id])
    job = publisher_for(store, accounts).publish(job_id)
    assert len(hook.messages) == 1
    assert not posting.capabilities.can_count  # a webhook message has no counts to read
    with pytest.raises(Unsupported):
        posting.reception(account, job.destination(account.id))
    delete_published(accounts, job.destination(account.id))
    assert hook.messages == []


def test_a_destination_whose_server_cannot_hold_a_post_leaves_it_to_this_computer(accounts):
    """The website's webhook, Bluesky and Discord: nothing to hand the post to ahead of time."""
    for kind in (AccountKind.WEBSITE, AccountKind.BLUESKY, AccountKind.DISCORD):
        account = Account(f"{kind.value}-1", kind, Identity("Omroep"))
        held_here = destination(kind, accounts)
        request = PublishRequest(DRAFT, account, PAGE, "key", 1)
        row = JobDestination(
            account.id, kind, 0, "pending", "1", "", None, {}, False, 1, "key",
            datetime.now(UTC),
        )  # fmt: skip
        assert not held_here.capabilities.schedules_on_server
        assert not held_here.can_schedule(request) and not server_holds(held_here, request)
        with pytest.raises(Unsupported):
            held_here.schedule(request, datetime.now(UTC) + timedelta(days=1))
        with pytest.raises(Unsupported):
            held_here.unschedule(account, row)
        with pytest.raises(Unsupported):
            held_here.settle_scheduled(account, row)
