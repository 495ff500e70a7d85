"""A small picture from a server (an account's avatar, a link card's image), fetched through
the safe session. Not in net.py: net holds the rules the session and outside_url build on."""

from __future__ import annotations

from composer.core import net
from composer.core.destinations.errors import ConnectError
from composer.core.outside_url import safe_link


def fetch_image(url: str, max_bytes: int = 2_000_000) -> bytes:
    """A small picture (an avatar) to show; an unusable one (or one over `max_bytes`) is
    simply not shown."""
    import requests  # on use: the accounts dialog loads this module, requests need not wait

    if not safe_link(url):
        return b""
    from composer.core.destinations.http.safe_http import SafeSession

    try:
        url = net.checked_url(url)
        with SafeSession(max_bytes=max_bytes) as http:
            answer = http.get(url, timeout=net.TIMEOUT)
            answer.raise_for_status()
    except (ConnectError, requests.RequestException, OSError):
        return b""
    return answer.content
