"""Mastodon and Pixelfed (same client API, `kind` tells them apart), through Mastodon.py.

Connecting: `start_sign_in` → the person approves in the browser → `wait_for_redirect`
(or the out-of-band code pasted back) → `finish_sign_in`; or `connect_with_token` with a
token made on the server. `read_limits` refreshes what the server accepts.

Every function here does network I/O and blocks (up to net.TIMEOUT per request): call it
from a worker thread, never from the UI thread. Failures are ConnectError codes whose
details hold the address and numbers, never a token or client secret.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import requests
from mastodon import Mastodon

from composer.core import net
from composer.core.accounts.account import AccountKind, Connected, Identity
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.mastodon.client import (
    APP_NAME,
    USER_AGENT,
    Session,
    client,
    detect,
    instance,
    talking_to,
)
from composer.core.destinations.mastodon.limits import limits_from_config, limits_from_instance
from composer.core.destinations.mastodon.oauth import (
    OOB,
    SignIn,
    bind_loopback,
    exchange_code,
    loopback_uri,
    new_pkce,
    wait_for_redirect,
)
from composer.core.destinations.mastodon.scopes import SETTING, asked_for, from_app, granted
from composer.core.destinations.mastodon.software import recognise
from composer.core.outside_url import safe_link

__all__ = [
    "SignIn",
    "connect_with_token",
    "finish_sign_in",
    "read_limits",
    "read_server",
    "start_sign_in",
    "wait_for_redirect",
]


def _register(
    server: str, scopes: tuple[str, ...], session: Session, redirect: str
) -> tuple[str, str]:
    return Mastodon.create_app(
        APP_NAME,
        scopes=list(scopes),
        redirect_uris=redirect,
        api_base_url=server,
        request_timeout=net.TIMEOUT,
        session=session,
        user_agent=USER_AGENT,
    )


def start_sign_in(
    server: str, kind: AccountKind | str, *, loopback: bool = True, lang: str | None = None
) -> SignIn:
    """Check the server, register Omroeper with it and build the page to open in the browser.

    With `loopback`, the browser comes back to a port on 127.0.0.1 (wait_for_redirect); a
    server that refuses such an address, or `loopback=False`, gets the out-of-band flow where
    the person copies a code. PKCE (S256) whenever the server announces it (Mastodon 4.3+).
    """
    server, kind = net.checked_server(server), AccountKind(kind)
    session = Session()
    api = client(server, session=session)
    with talking_to(server, session):
        info = detect(api, server, kind)
        meta = api.oauth_authorization_server_info()
    # the scopes that server's software knows (scopes.py): its name is in nodeinfo
    scopes = asked_for(kind.value, recognise(info, _nodeinfo(server, session))["software"])
    pkce = "S256" in (meta.get("code_challenge_methods_supported") or [])
    listener = bind_loopback() if loopback else None
    try:
        with talking_to(server, session):
            try:
                redirect = loopback_uri(listener) if listener else OOB
                client_id, client_secret = _register(server, scopes, session, redirect)
            except KeyError:
                if listener is None or session.last_status != 422:
                    raise
                listener.close()  # this server takes no loopback address: copy the code
                listener, redirect = None, OOB
                client_id, client_secret = _register(server, scopes, session, redirect)
            state = secrets.token_urlsafe(24)
            url = api.auth_request_url(
                client_id=client_id,
                redirect_uris=redirect,
                scopes=list(scopes),
                state=state,
                skip_server_info=not meta,
                allow_http=server.startswith("http://"),  # loopback only: checked_server
            )
    except BaseException:
        if listener is not None:
            listener.close()
        raise
    verifier, challenge = new_pkce() if pkce else ("", "")
    return SignIn(
        authorize_url=_finish_url(url, challenge, lang),
        redirect_uri=redirect,
        state=state,
        code_verifier=verifier,
        client_id=client_id,
        client_secret=client_secret,
        server=server,
        kind=kind.value,
        scopes=scopes,
        listener=listener,
    )


def _finish_url(url: str, challenge: str, lang: str | None) -> str:
    """Add the PKCE challenge; drop the `lang=None` Mastodon.py writes when no language is given."""
    base, _, query = url.partition("?")
    params = [(k, v) for k, v in parse_qsl(query) if not (k == "lang" and v == "None")]
    if lang and not any(k == "lang" for k, _ in params):
        params.append(("lang", lang))
    if challenge:
        params += [("code_challenge", challenge), ("code_challenge_method", "S256")]
    return f"{base}?{urlencode(params)}"


def finish_sign_in(sign_in: SignIn, code: str) -> Connected:
    """Trade the code for a token, then say who the account is and what the server accepts."""
    session = Session()
    net.use_system_trust()
    secret, answer = exchange_code(session, sign_in, code)
    scopes = granted(answer, sign_in.scopes)
    return _connected(sign_in.server, AccountKind(sign_in.kind), secret, session, scopes)


def connect_with_token(server: str, kind: AccountKind | str, token: str) -> Connected:
    """Connect with an access token the person created on the server (Preferences →
    Development on Mastodon; Settings → Applications on Pixelfed)."""
    server, kind = net.checked_server(server), AccountKind(kind)
    session = Session()
    with talking_to(server, session):
        detect(client(server, session=session), server, kind)
    return _connected(server, kind, {"access_token": token.strip()}, session, None)


def _connected(
    server: str,
    kind: AccountKind,
    secret: dict[str, str],
    session: Session,
    scopes: str | None,
) -> Connected:
    """`scopes`: what the token answer granted; None for a token made on the server, whose
    app's scopes the server may tell (_app_scopes)."""
    api = client(server, secret["access_token"], session)
    with talking_to(server, session):
        me = api.account_verify_credentials()
        info = instance(api)
        identity = Identity(
            name=str(me.get("display_name") or me["username"]),
            handle=f"@{me['username']}@{_domain(info, server)}",
            avatar=safe_link(me.get("avatar")),
            url=safe_link(me.get("url")),
        )
    limits = _limits(server, kind, info, session)
    settings = recognise(info, _nodeinfo(server, session))
    scopes = _app_scopes(server, api, session) if scopes is None else scopes
    if scopes:  # none: unknown, as for accounts connected before they were recorded
        settings[SETTING] = scopes
    return Connected(
        identity=identity, server=server, secret=secret, settings=settings, limits=limits
    )


def _app_scopes(server: str, api: Mastodon, session: Session) -> str:
    """The scopes of a token made on the server's Development page: its app's, which
    /api/v1/apps/verify_credentials lists on Mastodon 4.3+; "" where it does not say."""
    try:
        with talking_to(server, session):
            return from_app(api.app_verify_credentials())
    except ConnectError:
        return ""


def _domain(info: dict[str, Any], server: str) -> str:
    """The handles' domain, which may differ from the web address (LOCAL_DOMAIN vs WEB_DOMAIN):
    v2 `domain`; v1 `uri` is a bare domain on Mastodon, a URL on Pixelfed."""
    uri = str(info.get("uri") or "")
    return str(info.get("domain") or urlsplit(uri).hostname or uri or urlsplit(server).hostname)


def read_limits(server: str, kind: AccountKind | str, token: str | None = None) -> dict[str, Any]:
    """What the server reports it accepts, as Account.limits overrides: only the fields it
    reports. Instance endpoints are public; the token helps on locked-down servers."""
    return read_server(server, kind, token)[0]


def read_server(
    server: str, kind: AccountKind | str, token: str | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """The limits (as read_limits) and the software with its version (as Account.settings)."""
    server, kind = net.checked_server(server), AccountKind(kind)
    session = Session()
    api = client(server, token, session)
    with talking_to(server, session):
        info = instance(api)
    return _limits(server, kind, info, session), recognise(info, _nodeinfo(server, session))


_NODEINFO_SCHEMAS = (
    "http://nodeinfo.diaspora.software/ns/schema/2.1",
    "http://nodeinfo.diaspora.software/ns/schema/2.0",
)


def _nodeinfo(server: str, session: Session) -> dict[str, Any]:
    """The server's nodeinfo 2.x, found through /.well-known/nodeinfo; {} when it has none.

    Only a document on the same server is read: the well-known answer is untrusted.
    """
    try:
        found = session.get(f"{server}/.well-known/nodeinfo", timeout=net.TIMEOUT).json()
        answer = session.get(_nodeinfo_address(found, server), timeout=net.TIMEOUT)
        document = answer.json() if answer.ok else {}
    except (requests.RequestException, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def _nodeinfo_address(found: Any, server: str) -> str:
    links = found.get("links") if isinstance(found, dict) else None
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and link.get("rel") in _NODEINFO_SCHEMAS:
            href = link.get("href")
            if isinstance(href, str) and _same_origin(href, server):
                return href
    return f"{server}/nodeinfo/2.0"


def _same_origin(address: str, server: str) -> bool:
    one, other = urlsplit(address), urlsplit(server)
    return (one.scheme, one.netloc) == (other.scheme, other.netloc)


def _limits(
    server: str, kind: AccountKind, info: dict[str, Any], session: Session
) -> dict[str, Any]:
    if kind == AccountKind.PIXELFED:
        # Mastodon.py has no call for Pixelfed's own /api/v2/config.
        try:
            answer = session.get(f"{server}/api/v2/config", timeout=net.TIMEOUT)
            config = answer.json() if answer.ok else {}
        except (requests.RequestException, ValueError):
            config = {}
        limits = limits_from_config(config if isinstance(config, dict) else {})
        return limits or limits_from_instance(info, kind.value)
    return limits_from_instance(info, kind.value)
