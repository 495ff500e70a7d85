"""What the window shows while a person writes: every chosen destination analysed at once.

Pure functions of the draft, the accounts and the images' facts, so the window holds no
business logic and the same answers are tested without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.analysis.analysis import TargetAnalysis, analyze, reserve_link_back
from composer.core.analysis.rules import Code, ImageFacts, Problem, Severity
from composer.core.drafts.draft import Draft
from composer.core.images.probe import ImageInfo
from composer.core.platforms import NETWORK_NAMES, Limits, Platform
from composer.core.text.measure import measure
from composer.core.text.teaser import make_teaser

# Shown before any account is connected, so drafting offline still shows how a text fits.
SAMPLE_KINDS = (
    AccountKind.MASTODON,
    AccountKind.BLUESKY,
    AccountKind.PIXELFED,
    AccountKind.DISCORD,
)

Facts = Callable[[Account], Sequence[ImageFacts]]


def sample_accounts() -> list[Account]:
    """Stand-ins with each network's default limits; their ids are the network's name."""
    return [
        Account(kind.value, kind, Identity(NETWORK_NAMES[Platform(kind)])) for kind in SAMPLE_KINDS
    ]


def is_sample(account: Account) -> bool:
    return account.id == account.kind.value


def default_targets(accounts: Sequence[Account], previous: Sequence[str] = ()) -> tuple[str, ...]:
    """A new draft goes where the last one went, or everywhere when there was none."""
    known = {account.id for account in accounts}
    kept = tuple(target for target in previous if target in known)
    return kept or tuple(account.id for account in accounts)


def chosen_accounts(accounts: Sequence[Account], targets: Sequence[str]) -> list[Account]:
    """The draft's destinations in the accounts' own order; samples when none is connected."""
    if not accounts:
        return sample_accounts()
    wanted = set(targets)
    return [account for account in accounts if account.id in wanted]


def link_back_site(chosen: Sequence[Account]) -> str | None:
    """The chosen website's own address (its host stands in for the page's), if one is chosen."""
    for account in chosen:
        if account.kind.is_own_site and account.server:
            parts = urlsplit(account.server)
            return f"https://{parts.hostname}" if parts.hostname else "https://example.org"
    return None


def analyze_destinations(
    draft: Draft,
    chosen: Sequence[Account],
    facts: Facts,
    *,
    estimate_thread: bool = False,
) -> dict[str, TargetAnalysis]:
    """Each destination as it will receive the draft, the link back already counted."""
    site = link_back_site(chosen)
    sent = reserve_link_back(draft, site) if site else draft
    return {
        account.id: analyze(
            draft if account.kind.is_own_site else sent,
            account.id,
            account.effective_limits(),
            facts(account),
            estimate_thread=estimate_thread,
        )
        for account in chosen
    }


def blocking_problems(analyses: dict[str, TargetAnalysis]) -> list[tuple[str, Problem]]:
    """What stands between the draft and publishing, per destination."""
    return [
        (target, problem)
        for target, analysis in analyses.items()
        for problem in analysis.problems
        if problem.severity is Severity.ERROR and not _provisional(analysis, problem)
    ]


@dataclass(frozen=True, slots=True)
class Readiness:
    """Whether the open draft may be published now, and what stands in the way. The one rule
    for the Publish button and for the Publish action (menu, shortcut) alike."""

    chosen: tuple[Account, ...]  # the connected accounts it goes to (never a sample)
    blocking: tuple[tuple[str, Problem], ...]  # (account id, problem) standing in the way
    connected: bool  # False before any account is connected
    quiet: bool = False  # a new, empty draft: its problems show once the person types

    @property
    def allowed(self) -> bool:
        return self.connected and bool(self.chosen) and (self.quiet or not self.blocking)


def readiness(
    accounts: Sequence[Account],
    chosen: Sequence[Account],
    analyses: dict[str, TargetAnalysis],
    *,
    quiet: bool = False,
) -> Readiness:
    """`accounts` all connected ones, `chosen` the draft's (samples while none is connected),
    `analyses` how the draft fits each chosen account."""
    connected = bool(accounts)
    real = tuple(account for account in chosen if not is_sample(account)) if connected else ()
    blocking = blocking_problems({account.id: analyses[account.id] for account in real})
    return Readiness(real, tuple(blocking), connected, quiet)


def _provisional(analysis: TargetAnalysis, problem: Problem) -> bool:
    """A photo judged before the worker has fitted it: fitting shrinks and converts it."""
    if problem.code not in (Code.IMAGE_TOO_LARGE, Code.IMAGE_TYPE_UNSUPPORTED):
        return False
    facts, _fits = analysis.images[int(problem.numbers["image"]) - 1]
    return isinstance(facts, ImageInfo) and not facts.error


def derive_teaser(draft: Draft, limits: Sequence[Limits], site: str = "https://example.org") -> str:
    """The website's full text shortened to a message that fits every chosen network,
    leaving room for the link back to `site` that publishing adds."""
    link = draft.link or reserve_link_back(replace(draft, link=""), site).link
    networks = [each for each in limits if each.max_characters is not None]

    def fits(candidate: str) -> bool:
        return all(measure(candidate, each).fits(each) for each in networks)

    teaser = make_teaser(draft.body, link, fits, title=draft.title)
    return teaser.removesuffix(link).rstrip()
