"""Search files for secrets, in every form a file could hold them: the end-to-end canary."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote


def encodings(secret: str) -> dict[str, bytes]:
    """The bytes under which `secret` could sit in a text file, JSON, a URL or SQLite."""
    forms = {
        "utf-8": secret.encode(),
        "utf-16-le": secret.encode("utf-16-le"),  # SQLite's UTF-16 databases, Windows files
        "utf-16-be": secret.encode("utf-16-be"),
        "json": json.dumps(secret)[1:-1].encode(),
        "url": quote(secret, safe="").encode(),
    }
    return {name: form for name, form in forms.items() if form}


def find_secrets(secrets: Iterable[str], *paths: Path) -> list[str]:
    """'path: which secret (as what)' for every hit, in file contents and in file names."""
    secrets = list(secrets)
    if not all(secrets):
        raise ValueError("an empty secret would match everywhere")
    hits = []
    for file in _files(paths):
        content = file.read_bytes() if file.is_file() else b""
        for number, secret in enumerate(secrets):
            if secret in file.name:
                hits.append(f"{file}: secret {number} {secret!r} in the name")
            hits.extend(
                f"{file}: secret {number} {secret!r} as {name}"
                for name, form in encodings(secret).items()
                if form in content
            )
    return hits


def assert_no_secret_anywhere(secrets: Iterable[str], *paths: Path) -> None:
    """Every file under `paths` (text or binary: SQLite database, WAL, logs) is free of them."""
    hits = find_secrets(secrets, *paths)
    assert not hits, "secrets found:\n" + "\n".join(hits)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in map(Path, paths):
        if not path.exists():
            raise FileNotFoundError(path)  # a typo must not make the canary pass
        if path.is_dir() and not path.is_symlink():
            yield path  # its name too
            yield from (each for each in sorted(path.rglob("*")) if not each.is_symlink())
        else:
            yield path
