"""`omroeper check`: the analysis of a draft file for every target, as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from composer.core.analysis import TargetAnalysis, analyze
from composer.core.draft import Draft
from composer.core.draft_file import DraftFileError, read_draft_file
from composer.core.images import probe
from composer.core.platforms import Platform, default_limits
from composer.i18n.problems import describe


def load(source: str) -> Draft:
    if source == "-":
        return read_draft_file(None, sys.stdin.read())
    return read_draft_file(Path(source))


def check(draft: Draft, base: Path) -> tuple[dict[str, Any], bool]:
    """The JSON analysis of every target, and whether all of them fit."""
    targets = draft.targets or tuple(platform.value for platform in Platform)
    for target in targets:
        if target not in Platform.__members__.values():
            raise DraftFileError("unknown_target", {"target": target})
    infos = [probe(image.path) for image in draft.images]
    results = {
        target: analyze(draft, target, default_limits(target), infos, estimate_thread=True)
        for target in targets
    }
    report = {"targets": {name: _report(result, base) for name, result in results.items()}}
    return report, all(result.fits for result in results.values())


def _report(result: TargetAnalysis, base: Path) -> dict[str, Any]:
    measured = result.measured
    report: dict[str, Any] = {
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


def run(source: str) -> int:
    """Print the analysis; 0 when every target fits, 1 when any has an error."""
    draft = load(source)
    base = Path.cwd() if source == "-" else Path(source).parent
    report, fits = check(draft, base)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0 if fits else 1
