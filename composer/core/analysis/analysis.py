"""How one draft looks and fits on each destination: a pure function of draft and limits.

It drives the live previews and refuses to publish what a network would reject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from composer.core.analysis.rules import (
    Code,
    ImageFacts,
    Problem,
    Severity,
    check_content_warning,
    check_images,
    error,
    image_fits,
    warning,
)
from composer.core.drafts.draft import Draft
from composer.core.platforms import Limits
from composer.core.text.measure import Measured, measure, protected_spans
from composer.core.text.server_counts import Counting
from composer.core.text.teaser import make_teaser
from composer.core.text.threads import UnsplittableError, split_thread

# A page path of a typical length ("nieuws/2026/open-dag-in-de-bibliotheek/" is 39).
LINK_BACK_PATH = "x" * 39 + "/"


@dataclass(frozen=True, slots=True)
class TargetAnalysis:
    target: str
    limits: Limits
    measured: Measured
    parts: tuple[Measured, ...]
    # Each image as checked (probed, or fitted for this target) and whether it fits.
    images: tuple[tuple[ImageFacts, bool], ...]
    problems: tuple[Problem, ...]

    @property
    def fits(self) -> bool:
        return not any(problem.severity is Severity.ERROR for problem in self.problems)


def network_text(draft: Draft, target: str, limits: Limits) -> str:
    """The text a network receives: the person's own, or a teaser, ending with the link back."""
    text = draft.text_for(target).strip()
    link = draft.link
    if not text and draft.body.strip() and link:

        def fits(candidate: str) -> bool:
            return measure(candidate, limits, draft.content_warning_for(target)).fits(limits)

        return make_teaser(draft.body, link, fits, title=draft.title)
    if link and link not in text:
        return f"{text}\n\n{link}" if text else link
    return text


def reserve_link_back(draft: Draft, site: str = "https://example.org") -> Draft:
    """The draft as the networks will get it when the website is published first.

    The page's address is only known once the site has answered; until then an address of a
    typical length on `site` stands in for it, so every count includes the link back.
    """
    if draft.link:
        return draft
    return replace(draft, link=f"{site.rstrip('/')}/{LINK_BACK_PATH}")


def analyze(
    draft: Draft,
    target: str,
    limits: Limits,
    infos: Sequence[ImageFacts],
    *,
    estimate_thread: bool = False,
) -> TargetAnalysis:
    """`infos` are the draft's images in draft order: fitted for this target where that is
    done (images.fit.fit_or_info, or images.fit.prepared per keystroke), else as probed.
    Analysis never fits an image itself: that takes far longer than a keystroke may.

    `estimate_thread` adds to a too-long text how many posts a thread would take: it splits
    the text, which costs more than the rest, so a window does it after typing pauses.
    """
    if limits.platform.is_own_site:
        return _analyze_website(draft, target, limits, infos)
    content_warning = draft.content_warning_for(target)
    text = network_text(draft, target, limits)
    whole = measure(text, limits, content_warning)
    parts: tuple[Measured, ...] = (whole,)
    problems: list[Problem] = []
    if not text and not draft.images:
        problems.append(error(Code.EMPTY_MESSAGE))
    elif not whole.fits(limits):
        thread = draft.thread_for(target)
        if thread and limits.threads:
            parts, thread_problems = _thread(text, limits, content_warning, thread == "numbered")
            problems.extend(thread_problems)
        else:
            estimate = estimate_thread and limits.threads
            parts_needed = _parts_needed(text, limits, content_warning) if estimate else 0
            problems.extend(_too_long(whole, limits, parts_needed))
    if limits.counting == Counting.STRICTEST:
        problems.append(warning(Code.COUNTED_STRICTLY))
    problems.extend(check_content_warning(content_warning, limits))
    problems.extend(check_images(draft.images, infos, limits))
    return TargetAnalysis(
        target=target,
        limits=limits,
        measured=whole,
        parts=parts,
        images=tuple((info, image_fits(info, limits)) for info in infos),
        problems=tuple(problems),
    )


def _analyze_website(
    draft: Draft, target: str, limits: Limits, infos: Sequence[ImageFacts]
) -> TargetAnalysis:
    body = draft.website_body
    whole = measure(body, limits)
    problems: list[Problem] = []
    if not (body.strip() or draft.title.strip() or draft.images):
        problems.append(error(Code.EMPTY_MESSAGE))
    problems.extend(check_images(draft.images, infos, limits))
    return TargetAnalysis(
        target=target,
        limits=limits,
        measured=whole,
        parts=(whole,),
        images=tuple((info, image_fits(info, limits)) for info in infos),
        problems=tuple(problems),
    )


def _too_long(whole: Measured, limits: Limits, parts_needed: int) -> list[Problem]:
    problems = []
    limit = limits.max_characters
    if limit is not None and whole.length > limit:
        problems.append(
            error(
                Code.TEXT_TOO_LONG,
                length=whole.length,
                limit=limit,
                over=whole.length - limit,
                unit=limits.unit.value,
                thread_parts=parts_needed,
            )
        )
    if limits.max_bytes is not None and whole.bytes > limits.max_bytes:
        problems.append(
            error(
                Code.TEXT_TOO_MANY_BYTES,
                bytes=whole.bytes,
                limit=limits.max_bytes,
                over=whole.bytes - limits.max_bytes,
            )
        )
    return problems


def _parts_needed(text: str, limits: Limits, content_warning: str) -> int:
    """How long a thread would be, so the person can weigh splitting against shortening."""
    try:
        return len(_split(text, limits, content_warning, numbered=False))
    except UnsplittableError:
        return 0


def _thread(
    text: str, limits: Limits, content_warning: str, numbered: bool
) -> tuple[tuple[Measured, ...], list[Problem]]:
    try:
        pieces = _split(text, limits, content_warning, numbered)
    except UnsplittableError as failure:
        whole = measure(text, limits, content_warning)
        piece = measure(text[failure.start : failure.end], limits, content_warning)
        return (whole,), [
            error(
                Code.THREAD_PART_TOO_LONG,
                length=piece.length,
                limit=limits.max_characters or 0,
                start=failure.start,
                end=failure.end,
            )
        ]
    return tuple(measure(piece, limits, content_warning) for piece in pieces), []


def _split(text: str, limits: Limits, content_warning: str, numbered: bool) -> list[str]:
    def fits(candidate: str) -> bool:
        return measure(candidate, limits, content_warning).fits(limits)

    return split_thread(text, fits, protected_spans(text, limits), numbered=numbered)
