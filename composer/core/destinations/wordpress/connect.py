"""Connecting a WordPress site with a user name and an application password.

1. Find the REST root: the `Link: <…>; rel="https://api.w.org/"` header of the site's page,
   else `/wp-json/`, else `?rest_route=/` (a site without pretty addresses). The root must be on
   the site's own host, and on https (or loopback): credentials go nowhere else.
2. Read the index: it must serve `wp/v2` and offer application passwords (`authentication`).
3. `GET /wp/v2/users/me?context=edit` with the password: who, roles, capabilities. An answer
   "not logged in" although the password was sent is either a wrong password (WordPress 6.1
   answers a wrong one that way too) or a host that dropped the Authorization header: the
   password is then tried where no header is needed, XML-RPC's `wp.getUsersBlogs`, to tell
   which (when XML-RPC is switched off, `signed_out` says both).
4. The post types the user may create (`/wp/v2/types?context=edit`: each type's
   `capabilities` mapped to the user's) and the site's categories.

Every answer is untrusted: bounded by safe_http, read only as the shapes below.
"""

from __future__ import annotations

import base64
import xmlrpc.client
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from xml.parsers.expat import ExpatError

import requests

from composer.core import net
from composer.core.accounts.account import Connected, Identity
from composer.core.destinations.errors import ConnectError, connect_error
from composer.core.destinations.http.requests_failures import transport_code
from composer.core.destinations.http.safe_http import SafeSession, limit_details

API_REL = "https://api.w.org/"
MAX_ANSWER = 1_000_000  # bytes: the answers read here are a few KB
MAX_TEXT = 200  # characters kept of a name the site gives (a user, a post type, a category)
MAX_CATEGORIES = 100
# Types that are not messages: media, reusable blocks, menus and the block theme's parts.
_NOT_MESSAGES = frozenset(
    {"attachment", "wp_block", "wp_template", "wp_template_part", "wp_navigation"}
    | {"nav_menu_item", "wp_global_styles"}
)
_WRONG_PASSWORD = frozenset({"incorrect_password"})
_UNKNOWN_USER = frozenset({"invalid_username", "invalid_email"})
_PASSWORDS_OFF = frozenset(
    {"application_passwords_disabled", "application_passwords_disabled_for_user"}
)
_SIGNED_OUT = frozenset({"rest_not_logged_in", "rest_forbidden_context"})


@dataclass(frozen=True, slots=True)
class PostType:
    """A kind of post the user may create: `post`, `page`, or a site's own (`news`)."""

    slug: str
    name: str
    rest_base: str
    can_publish: bool  # False: the user can only submit it for review (status `pending`)

    def as_setting(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "rest_base": self.rest_base,
            "can_publish": self.can_publish,
        }


def site_address(typed: str) -> str:
    """The site's address as typed: https:// added to a bare name, a pasted wp-admin or
    wp-json address cut back to the site. http:// only on this machine (tests)."""
    typed = typed.strip()
    if "://" not in typed:
        typed = f"https://{typed}"
    parts = urlsplit(typed)
    try:
        server = net.checked_server(f"{parts.scheme}://{parts.netloc}")
    except ConnectError as failure:
        if failure.code == "insecure_address":
            raise ConnectError(
                "needs_https", {"address": parts.netloc, "reason": "typed"}
            ) from None
        raise
    path = parts.path
    for tail in ("/wp-admin", "/wp-login.php", "/wp-json", "/index.php"):
        if tail in path:
            path = path[: path.index(tail)]
    return server + path.rstrip("/")


def endpoint(root: str, route: str, **params: str) -> str:
    """The address of `route` under a REST root, pretty (`…/wp-json/`) or plain
    (`…/?rest_route=/`)."""
    parts = urlsplit(root)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(key == "rest_route" for key, _value in query):
        path = parts.path
        query = [(key, value) for key, value in query if key != "rest_route"]
        query.append(("rest_route", route))
    else:
        path = parts.path.rstrip("/") + route
    query += list(params.items())
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def basic_auth(user: str, password: str) -> dict[str, str]:
    """The Authorization header, passed as a header so safe_http drops it on a redirect."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def connect(
    address: str,
    user: str,
    password: str,
    post_type: str = "",
    session: requests.Session | None = None,
) -> Connected:
    """Check the site and the account; raises ConnectError with the reason, else returns
    what to keep (the password only in `secret`, for the keyring)."""
    site = site_address(address)
    user, password = user.strip(), password.strip()
    host = urlsplit(site).netloc
    if not user or ":" in user:
        raise ConnectError("unknown_user", {"address": host, "user": user[:MAX_TEXT]})
    http = session or SafeSession(max_bytes=MAX_ANSWER)
    root, index = discover(site, http)
    authentication = index.get("authentication")
    if not isinstance(authentication, dict) or "application-passwords" not in authentication:
        raise ConnectError("app_passwords_off", {"address": host})
    auth = basic_auth(user, password)
    me = _me(http, root, auth, index=index, user=user, password=password, host=host)
    granted = me.get("capabilities")
    granted = granted if isinstance(granted, dict) else {}
    types = _post_types(http, root, auth, granted, host)
    if not types:
        raise ConnectError("cannot_post", {"address": host, "user": user[:MAX_TEXT]})
    chosen = _chosen(types, post_type, host)
    home = _text(index.get("home")) or site
    login = _text(me.get("username")) or user
    roles = [_text(role) for role in me.get("roles") or [] if isinstance(role, str)][:10]
    return Connected(
        identity=Identity(
            name=_text(me.get("name")) or login,
            handle=f"{login}@{urlsplit(home).netloc or host}",
            url=home,
        ),
        server=home,
        secret={"application_password": password},
        settings={
            "software": "wordpress",
            "site_name": _text(index.get("name")),
            "rest_root": root,
            "user": user,
            "user_id": me.get("id") if isinstance(me.get("id"), int) else 0,
            "roles": roles,
            "post_type": chosen.slug,
            "rest_base": chosen.rest_base,
            "can_publish": chosen.can_publish,  # False: posts wait for review (`pending`)
            "post_types": [found.as_setting() for found in types],
            "categories": _categories(http, root, auth),
        },
    )


def discover(site: str, http: requests.Session) -> tuple[str, dict[str, Any]]:
    """The REST root and its index (name, home, namespaces, authentication)."""
    host = urlsplit(site).hostname or ""
    candidates: list[str] = []
    page = _get(http, site, {}, quiet=True)
    if page is not None:
        link = page.links.get(API_REL, {}).get("url")
        if isinstance(link, str) and link.strip():
            candidates.append(urljoin(page.url or site, link.strip()))
    candidates += [f"{site}/wp-json/", f"{site}/?rest_route=/"]
    plain_http = False
    for root in dict.fromkeys(candidates):
        parts = urlsplit(root)
        if parts.hostname != host:  # credentials go to the site typed, nowhere else
            continue
        if parts.scheme != "https" and not net.is_loopback(host):
            plain_http = True  # the site names itself http://: it does not see its https
            continue
        answer = _get(
            http,
            endpoint(root, "/", _fields="name,home,url,namespaces,authentication"),
            {},
            quiet=True,
        )
        index = _json(answer) if answer is not None and answer.status_code == 200 else None
        if isinstance(index, dict) and "wp/v2" in (index.get("namespaces") or []):
            return root, index
    if plain_http:
        raise ConnectError("needs_https", {"address": urlsplit(site).netloc, "reason": "site"})
    raise ConnectError("not_that_server", {"address": urlsplit(site).netloc})


def _me(
    http: requests.Session,
    root: str,
    auth: dict[str, str],
    *,
    index: dict[str, Any],
    user: str,
    password: str,
    host: str,
) -> dict[str, Any]:
    answer = _get(http, endpoint(root, "/wp/v2/users/me", context="edit"), auth)
    assert answer is not None  # not quiet: a failure raised
    body = _json(answer)
    if answer.status_code == 200 and isinstance(body, dict) and "id" in body:
        return body
    code = body.get("code") if isinstance(body, dict) else None
    details = {"address": host, "status": answer.status_code}
    if code in _WRONG_PASSWORD:
        raise ConnectError("wrong_app_password", details)
    if code in _UNKNOWN_USER:
        raise ConnectError("unknown_user", details | {"user": user[:MAX_TEXT]})
    if code in _PASSWORDS_OFF:
        raise ConnectError("app_passwords_off", details)
    if code in _SIGNED_OUT or answer.status_code == 401:
        works = _password_works(http, _text(index.get("url")), user, password, host)
        if works is True:
            raise ConnectError("authorization_stripped", details)
        if works is False:
            raise ConnectError("wrong_app_password", details)
        raise ConnectError("signed_out", details)
    if answer.status_code == 200:
        raise ConnectError("not_that_server", details)
    raise connect_error("rejected" if answer.status_code < 500 else "server_error", details)


def _password_works(
    http: requests.Session, site_url: str, user: str, password: str, host: str
) -> bool | None:
    """Whether WordPress takes the password where no Authorization header is needed
    (XML-RPC reads it from the body); None when XML-RPC is off or not there."""
    parts = urlsplit(site_url)
    if parts.hostname != urlsplit(f"//{host}").hostname or not (
        parts.scheme == "https" or net.is_loopback(parts.hostname or "")
    ):
        return None
    call = xmlrpc.client.dumps((user, password), "wp.getUsersBlogs")
    try:
        answer = http.post(
            f"{site_url.rstrip('/')}/xmlrpc.php",
            data=call.encode("utf-8"),
            headers={"Content-Type": "text/xml"},
            timeout=net.TIMEOUT,
        )
    except requests.RequestException:
        return None
    if answer.status_code != 200:
        return None
    try:
        xmlrpc.client.loads(answer.content)
    except xmlrpc.client.Fault as fault:
        return False if fault.faultCode == 403 else None
    except (ExpatError, ValueError, TypeError, IndexError):
        return None
    return True


def _post_types(
    http: requests.Session, root: str, auth: dict[str, str], granted: dict[str, Any], host: str
) -> list[PostType]:
    answer = _get(http, endpoint(root, "/wp/v2/types", context="edit"), auth)
    assert answer is not None
    body = _json(answer)
    if answer.status_code == 403:  # a subscriber may not even see the types: it edits nothing
        return []
    if answer.status_code != 200 or not isinstance(body, dict):
        raise connect_error("rejected", {"address": host, "status": answer.status_code})
    found = []
    for slug, info in list(body.items())[:100]:
        if slug in _NOT_MESSAGES or not isinstance(info, dict) or not isinstance(slug, str):
            continue
        base, caps = info.get("rest_base"), info.get("capabilities")
        if not isinstance(base, str) or not base or not isinstance(caps, dict):
            continue
        if info.get("viewable") is False:  # a type no visitor sees is not a message
            continue
        create = caps.get("create_posts") or caps.get("edit_posts")
        if not isinstance(create, str) or granted.get(create) is not True:
            continue
        publish = caps.get("publish_posts")
        can_publish = isinstance(publish, str) and granted.get(publish) is True
        found.append(
            PostType(slug[:MAX_TEXT], _text(info.get("name")) or slug[:MAX_TEXT], base, can_publish)
        )
    return found


def _chosen(types: list[PostType], wanted: str, host: str) -> PostType:
    by_slug = {found.slug: found for found in types}
    if wanted:
        if wanted not in by_slug:
            choices = ", ".join(by_slug)
            raise ConnectError(
                "unknown_post_type",
                {"address": host, "post_type": wanted[:MAX_TEXT], "choices": choices},
            )
        return by_slug[wanted]
    return by_slug.get("post", types[0])


def chosen_settings(settings: dict[str, Any], post_type: str, category: int = 0) -> dict[str, Any]:
    """An account's settings with another of the post types and categories found when it was
    connected (the choice made after checking): a type not found then is refused, a
    category not found then is not sent."""
    types = [
        PostType(
            str(found["slug"]),
            str(found["name"]),
            str(found["rest_base"]),
            found["can_publish"] is True,
        )
        for found in settings.get("post_types") or []
        if isinstance(found, dict) and {"slug", "name", "rest_base", "can_publish"} <= found.keys()
    ]
    host = urlsplit(str(settings.get("rest_root") or "")).netloc
    if not types:
        raise ConnectError("cannot_post", {"address": host, "user": str(settings.get("user"))})
    chosen = _chosen(types, post_type, host)
    known = {
        found.get("id") for found in settings.get("categories") or [] if isinstance(found, dict)
    }
    return settings | {
        "post_type": chosen.slug,
        "rest_base": chosen.rest_base,
        "can_publish": chosen.can_publish,
        "category": category if category in known else 0,  # 0: the site's default
    }


def _categories(http: requests.Session, root: str, auth: dict[str, str]) -> list[dict[str, Any]]:
    """Up to 100 of the site's categories ({id, name}); none when the site does not say."""
    address = endpoint(root, "/wp/v2/categories", per_page=str(MAX_CATEGORIES), _fields="id,name")
    answer = _get(http, address, auth)
    body = _json(answer) if answer is not None and answer.status_code == 200 else None
    if not isinstance(body, list):
        return []
    return [
        {"id": item["id"], "name": _text(item.get("name"))}
        for item in body[:MAX_CATEGORIES]
        if isinstance(item, dict) and isinstance(item.get("id"), int)
    ]


def _get(
    http: requests.Session, address: str, headers: dict[str, str], quiet: bool = False
) -> requests.Response | None:
    """A GET; a failure without an answer raises ConnectError, or with `quiet` gives None
    when the answer is refused by the layer's limits (the next candidate is tried)."""
    try:
        return http.get(
            address, headers={"Accept": "application/json", **headers}, timeout=net.TIMEOUT
        )
    except requests.RequestException as error:
        code = transport_code(error)
        if quiet and code in ("answer_too_large", "redirected", "bad_answer"):
            return None
        details = {"address": urlsplit(address).netloc} | limit_details(error)
        raise connect_error(code, details) from None


def _json(answer: requests.Response | None) -> Any:
    if answer is None:
        return None
    try:
        return answer.json()
    except ValueError:
        return None


def _text(value: Any) -> str:
    """A name from the site as plain text: one line, bounded."""
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())[:MAX_TEXT]
