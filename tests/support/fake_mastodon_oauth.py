"""The fake's app registration and OAuth, as Doorkeeper in mastodon/mastodon does them
(config/initializers/doorkeeper.rb, OAuthMetadataPresenter, Doorkeeper's error texts) and
Laravel Passport in pixelfed/pixelfed (coarse scopes, expiring tokens, no metadata).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

if TYPE_CHECKING:
    from tests.support.fake_mastodon import Answer, FakeMastodon, Recorded

OOB = "urn:ietf:wg:oauth:2.0:oob"
NOT_FOUND_PAGE = "<!DOCTYPE html><html><body><h1>The page you were looking for doesn't exist.</h1>"
_MASTODON_SCOPES = {
    "read",
    "write",
    "follow",
    "push",
    "profile",
    "read:accounts",
    "read:statuses",
    "write:statuses",
    "write:media",
    "write:accounts",
}
_PIXELFED_SCOPES = {"read", "write", "follow", "push"}
# Doorkeeper's own words (config/locales/en.yml in doorkeeper-gem/doorkeeper).
_INVALID_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, "
    "or unsupported authentication method."
)
_INVALID_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the "
    "redirection URI used in the authorization request, or was issued to another client."
)
_BAD_REDIRECT = "The requested redirect uri is malformed or doesn't match client redirect URI."
_DENIED = "The resource owner or authorization server denied the request."
_VAPID = "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M="


def answer(status: int = 200, body: Any = None, headers: dict[str, str] | None = None) -> Answer:
    from tests.support.fake_mastodon import Answer

    return Answer(status, body, headers or {})


def new_token(fake: FakeMastodon, scopes: list[str], user: bool, state: str = "ok") -> str:
    token = secrets.token_urlsafe(32)
    fake.tokens[token] = {"scopes": scopes, "user": user, "state": state}
    return token


# -- app registration and OAuth ------------------------------------------------------------


def apps(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    form = req.form
    redirects = form.get("redirect_uris", "").split()
    scopes = form.get("scopes", "read").split()
    known = _PIXELFED_SCOPES if fake.flavour == "pixelfed" else _MASTODON_SCOPES
    if not form.get("client_name"):
        return answer(422, {"error": "Validation failed: Application name can't be blank"})
    if fake.flavour == "mastodon" and not set(scopes) <= known:
        said = "Validation failed: Scopes doesn't match configured on the server."
        return answer(422, {"error": said})
    loopback = [u for u in redirects if urlsplit(u).hostname in ("127.0.0.1", "localhost")]
    if not redirects or (loopback and not fake.loopback_redirects):
        return answer(422, {"error": "Validation failed: Redirect URI is forbidden by the server."})
    client_id, secret = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    fake.apps[client_id] = {
        "name": form["client_name"],
        "secret": secret,
        "redirect_uris": redirects,
        "scopes": scopes,
    }
    return answer(
        200,
        {
            "id": str(len(fake.apps)),
            "name": form["client_name"],
            "website": form.get("website"),
            "scopes": scopes,
            "redirect_uri": "\n".join(redirects),
            "redirect_uris": redirects,
            "vapid_key": _VAPID,
            "client_id": client_id,
            "client_secret": secret,
            "client_secret_expires_at": 0,
        },
    )


def oauth_metadata(fake: FakeMastodon, _req: Recorded, _m: Any) -> Answer:
    if not fake.pkce:  # before 4.3 the route did not exist
        return answer(404, NOT_FOUND_PAGE)
    b = fake.base
    return answer(
        200,
        {
            "issuer": f"{b}/",
            "authorization_endpoint": f"{b}/oauth/authorize",
            "token_endpoint": f"{b}/oauth/token",
            "revocation_endpoint": f"{b}/oauth/revoke",
            "userinfo_endpoint": f"{b}/oauth/userinfo",
            "scopes_supported": sorted(_MASTODON_SCOPES),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "grant_types_supported": ["authorization_code", "client_credentials"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "service_documentation": "https://docs.joinmastodon.org/",
            "app_registration_endpoint": f"{b}/api/v1/apps",
        },
    )


def _authorization_problem(fake: FakeMastodon, q: dict[str, str]) -> Answer | str | None:
    """An error page (bad client or redirect: never redirect there), an error to redirect
    with, or None."""
    app = fake.apps.get(q.get("client_id", ""))
    if app is None or q.get("redirect_uri") not in app["redirect_uris"]:
        return answer(400, f"<html><body>{_BAD_REDIRECT}")
    scopes = q.get("scope", "read").split()
    known = _PIXELFED_SCOPES if fake.flavour == "pixelfed" else _MASTODON_SCOPES
    if q.get("response_type") != "code":
        return "unsupported_response_type"
    if not set(scopes) <= set(app["scopes"]) or not set(scopes) <= known:
        return "invalid_scope"
    if fake.pkce and q.get("code_challenge") and q.get("code_challenge_method") != "S256":
        return "invalid_request"
    return None


def authorize_page(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    problem = _authorization_problem(fake, req.query)
    if isinstance(problem, str):
        return _back(req.query, {"error": problem})
    return problem or answer(200, "<html><body><form id='consent'>Authorize?</form></body></html>")


def authorize_decision(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    q = req.form
    problem = _authorization_problem(fake, q)
    if problem is not None:
        return problem if not isinstance(problem, str) else _back(q, {"error": problem})
    if q.get("_method") == "delete":
        return _back(q, {"error": "access_denied", "error_description": _DENIED})
    code = secrets.token_urlsafe(32)
    pkce = fake.pkce and bool(q.get("code_challenge"))  # older servers ignore the challenge
    fake.grants[code] = {
        "client_id": q["client_id"],
        "redirect_uri": q["redirect_uri"],
        "scopes": q.get("scope", "read").split(),
        "challenge": q.get("code_challenge") if pkce else None,
    }
    return _back(q, {"code": code})


def _back(q: dict[str, str], params: dict[str, str]) -> Answer:
    if q.get("redirect_uri") == OOB:  # the code (or the error) is shown on the page
        if "code" in params:
            field = f"<input class='oauth-code' readonly type='text' value='{params['code']}'>"
            return answer(200, f"<html><body>{field}")
        return answer(400, f"<html><body>An error has occurred: {params['error']}")
    if q.get("state"):
        params = params | {"state": q["state"]}
    return answer(302, "", {"Location": f"{q['redirect_uri']}?{urlencode(params)}"})


def token(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    form = req.form
    app = fake.apps.get(form.get("client_id", ""))
    if app is None or not secrets.compare_digest(app["secret"], form.get("client_secret", "")):
        return answer(401, {"error": "invalid_client", "error_description": _INVALID_CLIENT})
    if form.get("grant_type") == "client_credentials":
        scopes = form.get("scope", "read").split()
        return _token_answer(fake, new_token(fake, scopes, user=False), scopes)
    if form.get("grant_type") != "authorization_code":
        return answer(400, {"error": "unsupported_grant_type"})
    grant = fake.grants.pop(form.get("code", ""), None)  # single use
    if not _grant_holds(grant, form):
        return answer(400, {"error": "invalid_grant", "error_description": _INVALID_GRANT})
    assert grant is not None
    return _token_answer(fake, new_token(fake, grant["scopes"], user=True), grant["scopes"])


def _grant_holds(grant: dict[str, Any] | None, form: dict[str, str]) -> bool:
    """Same client, same redirect URI, and the PKCE verifier that hashes to the challenge."""
    if grant is None or grant["client_id"] != form["client_id"]:
        return False
    if grant["redirect_uri"] != form.get("redirect_uri"):
        return False
    if not grant["challenge"]:
        return True
    digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == grant["challenge"]


def _token_answer(fake: FakeMastodon, access: str, scopes: list[str]) -> Answer:
    body: dict[str, Any] = {
        "access_token": access,
        "token_type": "Bearer",
        "scope": " ".join(scopes),
        "created_at": int(time.time()),
    }
    if fake.flavour == "pixelfed":  # Laravel Passport: tokens expire and can be refreshed;
        # league/oauth2-server's BearerTokenResponse says no scope (RFC 6749 §5.1: as asked)
        body = {"token_type": "Bearer", "access_token": access}
        body |= {"expires_in": 31_536_000, "refresh_token": secrets.token_urlsafe(32)}
    return answer(200, body)
