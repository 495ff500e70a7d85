from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.analysis.analysis import network_text
from composer.core.analysis.composing import (
    analyze_destinations,
    blocking_problems,
    chosen_accounts,
    default_targets,
    derive_teaser,
    link_back_site,
    sample_accounts,
)
from composer.core.analysis.rules import Code
from composer.core.drafts.draft import Draft, Image
from composer.core.images.probe import ImageInfo
from composer.core.platforms import Platform, default_limits
from composer.core.text.measure import measure

SITE = Account(
    "website-1",
    AccountKind.WEBSITE,
    Identity("Bieb"),
    "https://www.bibliotheek-aan-zee.nl/omroeper/hook",
)
MASTODON = Account(
    "mastodon-1",
    AccountKind.MASTODON,
    Identity("Bieb", "@bieb@social.example"),
    "https://social.example",
)
BLUESKY = Account(
    "bluesky-1", AccountKind.BLUESKY, Identity("Bieb", "bieb.example"), "https://bsky.social"
)
ACCOUNTS = [SITE, MASTODON, BLUESKY]


def no_images(_account):
    return []


def test_before_any_account_the_four_networks_stand_in():
    shown = chosen_accounts([], ())
    assert [account.kind for account in shown] == [
        AccountKind.MASTODON,
        AccountKind.BLUESKY,
        AccountKind.PIXELFED,
        AccountKind.DISCORD,
    ]
    assert shown == sample_accounts()


def test_chosen_keeps_the_accounts_order():
    assert chosen_accounts(ACCOUNTS, ("bluesky-1", "website-1")) == [SITE, BLUESKY]
    assert chosen_accounts(ACCOUNTS, ()) == []


def test_a_new_draft_goes_where_the_last_one_went():
    assert default_targets(ACCOUNTS, ("bluesky-1", "gone-1")) == ("bluesky-1",)
    assert default_targets(ACCOUNTS, ()) == ("website-1", "mastodon-1", "bluesky-1")


def test_the_link_back_is_counted_with_the_sites_own_host():
    assert link_back_site([MASTODON]) is None
    assert link_back_site([SITE, MASTODON]) == "https://www.bibliotheek-aan-zee.nl"
    draft = Draft(text="x" * 275, targets=("website-1", "bluesky-1"))
    alone = analyze_destinations(draft, [BLUESKY], no_images)["bluesky-1"]
    with_site = analyze_destinations(draft, [SITE, BLUESKY], no_images)["bluesky-1"]
    assert alone.measured.length == 275
    assert "bibliotheek-aan-zee.nl" in with_site.measured.text
    assert with_site.measured.length >= 275 + 2 + 20
    assert not with_site.fits  # the link back tips it over 300
    # the website itself receives the text as written
    website = analyze_destinations(draft, [SITE, BLUESKY], no_images)["website-1"]
    assert website.measured.text == "x" * 275


def test_a_wordpress_site_is_the_own_site_as_the_webhook_site_is():
    """WordPress publishes the post in full and is the page the networks link back to: no
    length limit of its own, its host in every network's link back."""
    wordpress = Account(
        "wordpress-1",
        AccountKind.WORDPRESS,
        Identity("Redactie", "communicatie"),
        "https://www.bibliotheek-aan-zee.nl",
    )
    draft = Draft(title="Open dag", body="y" * 9_000, text="x" * 275)
    found = analyze_destinations(draft, [wordpress, BLUESKY], no_images)
    assert link_back_site([wordpress, BLUESKY]) == "https://www.bibliotheek-aan-zee.nl"
    assert "bibliotheek-aan-zee.nl" in found["bluesky-1"].measured.text
    assert not found["bluesky-1"].fits  # the link back tips it over 300
    assert found["wordpress-1"].fits and not found["wordpress-1"].problems
    assert [p for p in Platform if p.is_own_site] == [Platform.WEBSITE, Platform.WORDPRESS]


def test_an_image_without_alt_text_blocks_publishing_until_described_or_decorative():
    photo = Path("photo.jpg")
    facts = [ImageInfo(photo, 1000, "image/jpeg", 800, 600)]
    draft = Draft(text="Open dag", images=(Image(photo),))
    analyses = analyze_destinations(draft, [MASTODON, BLUESKY], lambda _account: facts)
    blocking = blocking_problems(analyses)
    assert {(target, problem.code) for target, problem in blocking} == {
        ("mastodon-1", Code.ALT_TEXT_MISSING),
        ("bluesky-1", Code.ALT_TEXT_MISSING),
    }
    for fixed in (Image(photo, alt="Kinderen lezen"), Image(photo, decorative=True)):
        described = replace(draft, images=(fixed,))
        assert not blocking_problems(
            analyze_destinations(described, [MASTODON, BLUESKY], lambda _account: facts)
        )


def test_a_photo_not_yet_fitted_does_not_block_as_too_large():
    photo = Path("photo.jpg")
    big = [ImageInfo(photo, 5_000_000, "image/jpeg", 6000, 4000)]
    draft = Draft(text="Open dag", images=(Image(photo, alt="Zaal"),))
    analyses = analyze_destinations(draft, [BLUESKY], lambda _account: big)
    assert [p.code for p in analyses["bluesky-1"].problems] == [Code.IMAGE_TOO_LARGE]
    assert not blocking_problems(analyses)  # fitting on the worker will shrink it
    broken = [ImageInfo(photo, 10, error="image_damaged")]
    assert blocking_problems(analyze_destinations(draft, [BLUESKY], lambda _account: broken))


PIECES = st.sampled_from(
    [*"abcdeéĳ .,!?\n", "🇳🇱", "👩\u200d👩\u200d👧", "Zie https://museum.example/a "]
)
BODY = st.lists(PIECES, min_size=1, max_size=400).map("".join)


@settings(max_examples=150, deadline=None)
@given(body=BODY, title=st.text(max_size=30))
def test_a_derived_teaser_fits_every_chosen_network_with_its_link(body, title):
    chosen = [default_limits(p) for p in (Platform.MASTODON, Platform.BLUESKY, Platform.PIXELFED)]
    draft = Draft(title=title, body=body)
    teaser = derive_teaser(draft, chosen)
    assert "example.org" not in teaser  # the link is added when publishing, not typed in
    if teaser:
        sent = replace(draft, text=teaser, link="https://example.org/" + "x" * 39 + "/")
        for limits in chosen:
            text = network_text(sent, "target", limits)
            assert measure(text, limits).fits(limits)


def test_an_override_made_for_one_account_reaches_that_accounts_network_only():
    from composer.core.drafts.draft import Override
    from composer.core.publishing.publisher import draft_for

    other = Account("mastodon-2", AccountKind.MASTODON, Identity("Tweede"))
    draft = Draft(text="Gedeeld", overrides={"mastodon-1": Override(text="Eigen")})
    assert draft_for(draft, MASTODON).text_for("mastodon") == "Eigen"
    assert draft_for(draft, other).text_for("mastodon") == "Gedeeld"
    assert draft_for(draft, BLUESKY).text_for("bluesky") == "Gedeeld"
    # and the window's analysis sees it under the account's id
    analyses = analyze_destinations(draft, [MASTODON, other], no_images)
    assert analyses["mastodon-1"].measured.text == "Eigen"
    assert analyses["mastodon-2"].measured.text == "Gedeeld"
