"""Fixtures shared by the core tests."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest

from tests.support import broken_servers


@pytest.fixture
def broken(tmp_path) -> Callable[[str], contextlib.AbstractContextManager[str]]:
    """broken("hang_up") and friends: a server on loopback failing that way, by its name in
    tests/support/broken_servers.py."""

    def server(kind: str) -> contextlib.AbstractContextManager[str]:
        if kind == "untrusted_certificate":
            return broken_servers.untrusted_certificate(tmp_path)
        return getattr(broken_servers, kind)()

    return server
