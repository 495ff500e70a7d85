"""`omroeper check`: the analysis of a draft file for every target, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from composer.cli.output import fail
from composer.core.accounts.account import Account
from composer.core.analysis.analysis import TargetAnalysis, analyze, reserve_link_back
from composer.core.drafts.draft import Draft
from composer.core.drafts.draft_file import (
    MAX_DRAFT_BYTES,
    DraftFileError,
    decode_draft,
    read_draft_file,
)
from composer.core.images.cache import FitCache
from composer.core.images.fit import fit_or_info
from composer.core.images.probe import FittedImage
from composer.core.platforms import Platform, default_limits
from composer.i18n.problems import describe

translate = QCoreApplication.translate


def load(source: str) -> Draft:
    if source == "-":
        text = decode_draft(sys.stdin.buffer.read(MAX_DRAFT_BYTES + 1), "-")
        return read_draft_file(None, text)
    return read_draft_file(Path(source))


def analyze_all(
    draft: Draft, accounts: Sequence[Account] | None = None
) -> dict[str, TargetAnalysis]:
    """Every target's analysis, with its images fitted as they would be uploaded.

    Without `accounts`, the draft's targets with each network's default limits; with them,
    each account (by its id) with its server's own limits and way of counting.
    """
    if accounts is None:
        targets = draft.targets or tuple(platform.value for platform in Platform)
        for target in targets:
            if target not in Platform.__members__.values():
                raise DraftFileError("unknown_target", {"target": target})
        chosen = [(target, target, default_limits(target)) for target in targets]
    else:
        chosen = [(a.id, a.kind.value, a.effective_limits()) for a in accounts]
    cache = FitCache()  # targets with the same image limits share one fit
    # The website goes first: its page's link back then ends every network's text.
    has_website = any(Platform(kind).is_own_site for _name, kind, _limits in chosen)
    networks = reserve_link_back(draft) if has_website else draft
    results = {}
    for name, target, limits in chosen:
        images = [fit_or_info(image.path, limits, cache=cache) for image in draft.images]
        seen = draft if Platform(target).is_own_site else networks
        results[name] = analyze(seen, target, limits, images, estimate_thread=True)
    return results


def connected_accounts(profile: str | None, ids: str) -> list[Account]:
    """The accounts named in --to, as stored: no network, no keyring."""
    from composer.core.profile import profile_dir
    from composer.core.store.store import Store

    wanted = list(dict.fromkeys(item.strip() for item in ids.split(",") if item.strip()))
    with Store.open(profile_dir(profile)) as store:
        return [store.get_account(account_id) for account_id in wanted]


def write_fitted(results: dict[str, TargetAnalysis], out: Path) -> None:
    """Each fitted image as it would be uploaded: OUT/<target>/<position>.<ext>."""
    for target, result in results.items():
        for position, (image, _fits) in enumerate(result.images, 1):
            if isinstance(image, FittedImage):
                folder = out / target
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{position}.{image.ext}").write_bytes(image.data)


def _report(result: TargetAnalysis, base: Path, account: Account | None) -> dict[str, Any]:
    measured = result.measured
    report: dict[str, Any] = {}
    if account is not None:
        report["network"] = account.kind.value
        if account.software:
            report["software"] = account.software
        report["counting"] = result.limits.counting or result.limits.unit.value
    report |= {
        "text": measured.text,
        "length": measured.length,
        "limit": result.limits.max_characters,
        "unit": result.limits.unit.value,
        "bytes": measured.bytes,
        "fits": result.fits,
    }
    if result.limits.platform is Platform.BLUESKY:
        report["facets"] = [
            {
                "type": facet.kind,
                "byteStart": facet.byte_start,
                "byteEnd": facet.byte_end,
                "value": facet.value,
            }
            for facet in measured.facets
        ]
    report["parts"] = [part.text for part in result.parts]
    if len(result.parts) > 1:
        report["part_lengths"] = [part.length for part in result.parts]
    report["images"] = [
        {
            "path": _shown_path(info.path, base),
            "type": info.mime,
            "width": info.width,
            "height": info.height,
            "bytes": info.bytes,
            "fits": fits,
        }
        for info, fits in result.images
    ]
    report["problems"] = [
        {
            "code": problem.code.value,
            "severity": problem.severity.value,
            "message": describe(problem),
            "numbers": problem.numbers,
        }
        for problem in result.problems
    ]
    return report


def _shown_path(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


def run(arguments: argparse.Namespace) -> int:
    return check_file(arguments.file, arguments.out, arguments.to, arguments.profile)


def check_file(
    source: str, out: str | None = None, to: str | None = None, profile: str | None = None
) -> int:
    """Print the analysis; 0 when every target fits, 1 when any has an error.

    With `out`, also write every fitted image there (2 when that folder cannot be written).
    With `to`, judge against those connected accounts (2 when one is not connected).
    """
    if out is not None and not out.strip():
        # Path("") is the current folder: an empty --out (an unset variable) must not write there
        return fail(translate("Cli", "--out needs a folder name."), 2)
    if to is not None and not to.replace(",", "").strip():
        return fail(translate("Cli", "--to needs one or more account IDs."), 2)
    accounts = None
    if to is not None:
        from composer.core.store.store import StoreError
        from composer.i18n.store_errors import describe_store_error

        try:
            accounts = connected_accounts(profile, to)
        except StoreError as failure:
            return fail(describe_store_error(failure), 2)
    base = Path.cwd() if source == "-" else Path(source).parent
    results = analyze_all(load(source), accounts)
    by_id = {account.id: account for account in accounts or ()}
    report = {
        "targets": {
            name: _report(result, base, by_id.get(name)) for name, result in results.items()
        }
    }
    fits = all(result.fits for result in results.values())
    if out is not None:
        try:
            write_fitted(results, Path(out))
        except OSError as failure:
            words = translate("Cli", "Cannot write the images to {path}: {reason}")
            return fail(words.format(path=out, reason=failure.strerror), 2)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0 if fits else 1
