"""The scheduling sentences: who holds the message, each name once, lists joined as the
language joins them; the moment in the person's format, the year only when it is not this
year's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.i18n.translation import install
from composer.ui.publish.schedule_words import _without_year, holders_sentence, moment_words

KINDS = [AccountKind.WEBSITE, AccountKind.MASTODON, AccountKind.BLUESKY, AccountKind.DISCORD]
NAMES = {"website": "your website", "mastodon": "Mastodon", "bluesky": "Bluesky"}


def _account(kind: AccountKind) -> Account:
    return Account(f"{kind.value}-1", kind, Identity("Bieb"), server="https://bieb.example.nl")


@settings(max_examples=60, deadline=None)
@given(held=st.lists(st.sampled_from(["server", "computer"]), min_size=4, max_size=4))
def test_each_destination_is_named_once_on_its_side(qapp, held):
    install("en")
    accounts = [_account(kind) for kind in KINDS]
    holders = {account.id: side for account, side in zip(accounts, held, strict=True)}
    sentence = holders_sentence(accounts, holders)
    assert sentence[0].isupper()
    if "; " in sentence:
        server_part, computer_part = sentence.split("; ")
    else:
        server_part = computer_part = sentence
    for account, side in zip(accounts, held, strict=True):
        name = NAMES.get(account.kind.value, "Discord")
        assert sentence.lower().count(name.lower()) == 1
        part = server_part if side == "server" else computer_part
        assert name.lower() in part.lower()
    assert ("switched off" in sentence) == all(side == "server" for side in held)
    assert ("leave it on" in sentence) == any(side == "computer" for side in held)


def test_lists_are_joined_as_the_language_joins_them(dutch):
    accounts = [_account(kind) for kind in KINDS]
    everything = dict.fromkeys((a.id for a in accounts), "computer")
    assert holders_sentence(accounts, everything).startswith(
        "Je website, Mastodon, Bluesky en Discord worden verstuurd door deze computer"
    )


@settings(max_examples=200, deadline=None)
@given(
    locale=st.sampled_from(["nl_NL", "nl_BE", "en_US", "en_GB", "de_DE", "fr_FR", "ja_JP"]),
    at=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    later=st.integers(min_value=0, max_value=800),
)
def test_the_moment_has_its_year_only_when_it_is_not_this_years(qapp, locale, at, later):
    QLocale.setDefault(QLocale(locale))
    try:
        at = at.replace(tzinfo=UTC)
        now = at - timedelta(days=later)
        words = moment_words(at, "Europe/Amsterdam", now)
        local = at.astimezone(ZoneInfo("Europe/Amsterdam"))
        same_year = local.year == now.astimezone(local.tzinfo).year
        assert (str(local.year) in words) == (not same_year), words
        assert words.strip() == words and "  " not in words
        assert "yy" not in _without_year(QLocale().dateFormat(QLocale.FormatType.LongFormat))
    finally:
        QLocale.setDefault(QLocale("en"))
