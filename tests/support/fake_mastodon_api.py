"""The fake's account and server-description endpoints, shaped as the servers write them:
Mastodon's Api::BaseController (401 texts from Doorkeeper), REST::InstanceSerializer (4.4),
the v1 instance, nodeinfo; Pixelfed's ApiV1Controller / ApiV2Controller (version
"3.5.3 (compatible; Pixelfed …)") and App\\Util\\Site\\Config (/api/v2/config).

The "gotosocial" flavour is GoToSocial 0.20 as its source has it (internal/processing/status
/common.go, internal/typeutils/internaltofrontend.go): instance version "3.5.3+0.20.0" and
its name only in nodeinfo; 5,000 characters, 6 images and 25 per URL reported, yet the
length checked is len([]rune(status)) + len([]rune(spoiler)) with everything in full,
refused with 400 "Bad Request: text with spoiler exceed max chars (5000)"; the
Idempotency-Key header is ignored; /context needs a read scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from tests.support import fake_mastodon_oauth as oauth
from tests.support import fake_mastodon_scheduled as scheduling
from tests.support.fake_mastodon_oauth import NOT_FOUND_PAGE, answer

if TYPE_CHECKING:
    from tests.support.fake_mastodon import Answer, FakeMastodon, Recorded

__all__ = ["DEFAULT_LIMITS", "NOT_FOUND_PAGE", "ROUTES", "authorized", "new_token"]

new_token = oauth.new_token
DEFAULT_LIMITS: dict[str, dict[str, Any]] = {
    "mastodon": {
        "max_characters": 500,
        "max_media_attachments": 4,
        "characters_reserved_per_url": 23,
        "image_size_limit": 16_777_216,
        "image_matrix_limit": 33_177_600,
        "description_limit": 1_500,
        "supported_mime_types": [
            "image/jpeg",
            "image/png",
            "image/gif",
            "image/heic",
            "image/heif",
            "image/webp",
            "image/avif",
            "video/mp4",
        ],
    },
    "pixelfed": {
        "max_caption_length": 500,
        "album_limit": 4,
        "max_photo_size": 15_000,
        "max_altext_length": 1_000,
        "media_types": "image/jpeg,image/png,image/gif",
    },
}
DEFAULT_LIMITS["gotosocial"] = DEFAULT_LIMITS["mastodon"] | {
    "max_characters": 5_000,
    "max_media_attachments": 6,
    "characters_reserved_per_url": 25,  # reported, never applied
    "image_size_limit": 41_943_040,
    "image_matrix_limit": 2_147_483_647,
}
DEFAULT_VERSIONS = {
    "mastodon": "4.4.3",
    "pixelfed": "3.5.3 (compatible; Pixelfed 0.12.5)",
    "gotosocial": "3.5.3+0.20.0",
}
_INVALID = {
    "ok": "",
    "expired": "The access token expired",
    "revoked": "The access token was revoked",
}


def authorized(
    fake: FakeMastodon, req: Recorded, *scopes: str
) -> tuple[dict | None, Answer | None]:
    """(the token's record, None), or (None, the refusal the server would give)."""
    info = fake.tokens.get(req.token)
    if fake.flavour == "pixelfed":  # Laravel's auth:api says the same for every bad token
        if info is None or info["state"] != "ok":
            return None, answer(401, {"message": "Unauthenticated."})
    elif info is None or info["state"] != "ok":
        said = _INVALID[info["state"]] if info else "The access token is invalid"
        return None, answer(401, {"error": said})
    granted = set(info["scopes"])
    if scopes and not any(s in granted or s.split(":")[0] in granted for s in scopes):
        return None, answer(403, _OUT_OF_SCOPE[fake.flavour])
    if not info["user"]:
        return None, answer(422, {"error": "This method requires an authenticated user"})
    return info, None


# A token without the scope, as each server refuses it: Mastodon's Api::BaseController
# (doorkeeper_forbidden_render_options), GoToSocial's apiutil.TokenAuth
# (gtserror.NewErrorForbidden: "Forbidden: " + its text), Pixelfed's
# `abort_unless($request->user()->tokenCan('read'), 403)`: Laravel's HTML error page, since
# Mastodon.py asks for no JSON (Handler::render answers JSON only when it is wanted).
_OUT_OF_SCOPE: dict[str, Any] = {
    "mastodon": {"error": "This action is outside the authorized scopes"},
    "gotosocial": {"error": "Forbidden: token has insufficient scope permission"},
    "pixelfed": "<!DOCTYPE html><html><head><title>Forbidden</title></head><body>403 | Forbidden",
}


def account(fake: FakeMastodon) -> dict[str, Any]:
    b, name = fake.base, fake.username
    return {
        "id": "109",
        "username": name,
        "acct": name,
        "display_name": fake.display_name,
        "locked": False,
        "bot": False,
        "discoverable": True,
        "group": False,
        "created_at": "2024-03-01T00:00:00.000Z",
        "note": "<p>Nieuws uit de regio</p>",
        "url": f"{b}/@{name}",
        "uri": f"{b}/users/{name}",
        "avatar": f"{b}/system/accounts/avatars/109/original/a.png",
        "avatar_static": f"{b}/system/accounts/avatars/109/original/a.png",
        "header": f"{b}/headers/original/missing.png",
        "header_static": f"{b}/headers/original/missing.png",
        "followers_count": 12,
        "following_count": 3,
        "statuses_count": 40,
        "last_status_at": "2026-04-30",
        "emojis": [],
        "fields": [],
        "source": {
            "privacy": "public",
            "sensitive": False,
            "language": "nl",
            "note": "",
            "fields": [],
            "follow_requests_count": 0,
        },
    }


def verify_credentials(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    _info, refusal = authorized(fake, req, "read:accounts")
    return refusal or answer(200, account(fake))


def app_credentials(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    """Mastodon's Api::V1::Apps::CredentialsController: the token's app, with its `scopes`
    since 4.3 (a token made on the Development page has its app's scopes). Pixelfed's getApp
    says name, website and vapid_key only; GoToSocial has no such route."""
    if fake.flavour == "gotosocial":
        return answer(404, {"error": "Not Found"})
    info, refusal = authorized(fake, req)
    if refusal or info is None:
        return refusal or answer(401, {"error": "The access token is invalid"})
    body: dict[str, Any] = {"name": "Omroeper", "website": None, "vapid_key": None}
    if fake.flavour == "mastodon" and _version(fake) >= (4, 3):
        body |= {"scopes": info["scopes"], "redirect_uris": [oauth.OOB]}
    return answer(200, body)


def _version(fake: FakeMastodon) -> tuple[int, int]:
    major, minor = fake.version.split("+")[0].split(".")[:2]
    return int(major), int(minor)


def _configuration(fake: FakeMastodon) -> dict[str, Any]:
    lim = fake.limits
    if fake.flavour == "pixelfed":  # ApiV2Controller::instance, hard-coded where it is there
        media = {
            "supported_mime_types": lim["media_types"].split(","),
            "image_size_limit": lim["max_photo_size"] * 1024,
            "image_matrix_limit": 2073600,
            "video_size_limit": lim["max_photo_size"] * 1024,
        }
        statuses = {
            "max_characters": lim["max_caption_length"],
            "max_media_attachments": lim["album_limit"],
            "characters_reserved_per_url": 23,
        }
        return {"statuses": statuses, "media_attachments": media}
    media = {k: lim[k] for k in ("image_size_limit", "image_matrix_limit", "supported_mime_types")}
    gotosocial = fake.flavour == "gotosocial"
    if lim.get("description_limit") is not None and (_version(fake) >= (4, 4) or gotosocial):
        media["description_limit"] = lim["description_limit"]
    media |= {
        "video_size_limit": 103_809_024,
        "video_frame_rate_limit": 120,
        "video_matrix_limit": 8_294_400,
    }
    statuses = {
        k: lim[k]
        for k in ("max_characters", "max_media_attachments", "characters_reserved_per_url")
    }
    return {
        "urls": {"streaming": f"wss://{fake.domain}"},
        "vapid": {"public_key": "BCk"},
        "accounts": {"max_featured_tags": 10, "max_pinned_statuses": 5},
        "statuses": statuses,
        "media_attachments": media,
        "polls": {
            "max_options": 4,
            "max_characters_per_option": 50,
            "min_expiration": 300,
            "max_expiration": 2_629_746,
        },
        "translation": {"enabled": False},
    }


_SOURCES = {"gotosocial": "https://codeberg.org/superseriousbusiness/gotosocial"}


def instance_v2(fake: FakeMastodon, _req: Recorded, _m: Any) -> Answer:
    if fake.flavour == "mastodon" and _version(fake) < (4, 0):
        return answer(404, NOT_FOUND_PAGE)
    body = {
        "domain": fake.domain,
        "title": "Omroep Sociaal",
        "version": fake.version,
        "source_url": _SOURCES.get(fake.flavour, "https://github.com/mastodon/mastodon"),
        "description": "",
        "usage": {"users": {"active_month": 12}},
        "languages": ["nl"],
        "thumbnail": {"url": f"{fake.base}/packs/media/images/preview.png"},
        "configuration": _configuration(fake),
        "registrations": {"enabled": False, "approval_required": False, "message": None},
        "contact": {"email": f"admin@{fake.domain}", "account": None},
        "rules": [],
    }
    if fake.flavour == "mastodon" and _version(fake) >= (4, 3):
        body["api_versions"] = {"mastodon": 6}
    return answer(200, body)


def instance_v1(fake: FakeMastodon, _req: Recorded, _m: Any) -> Answer:
    body: dict[str, Any] = {
        "uri": fake.domain,
        "title": "Omroep Sociaal",
        "version": fake.version,
        "short_description": "",
        "description": "",
        "email": "",
        "urls": {},
        "stats": {"user_count": 1, "status_count": 40, "domain_count": 9},
        "languages": ["nl"],
        "registrations": False,
    }
    if fake.flavour == "pixelfed":  # ApiV1Controller::instance
        body |= {"uri": fake.base, "max_toot_chars": fake.limits["max_caption_length"]}
        body["version"] = fake.version.replace("3.5.3", "2.7.2")
    else:
        body["configuration"] = _configuration(fake)
    return answer(200, body)


def pixelfed_config(fake: FakeMastodon, _req: Recorded, _m: Any) -> Answer:
    if fake.flavour != "pixelfed":
        return answer(404, NOT_FOUND_PAGE)
    lim = fake.limits
    uploader = {
        k: lim[k]
        for k in (
            "max_photo_size",
            "max_caption_length",
            "max_altext_length",
            "album_limit",
            "media_types",
        )
    }
    uploader |= {
        "image_quality": 80,
        "max_collection_length": 100,
        "optimize_image": True,
        "optimize_video": True,
        "mime_types": lim["media_types"].split(","),
        "enforce_account_limit": True,
    }
    return answer(
        200,
        {
            "version": fake.version.split()[-1].rstrip(")"),
            "open_registration": False,
            "uploader": uploader,
            "site": {"name": "Omroep Foto", "domain": fake.domain, "url": fake.base},
        },
    )


def nodeinfo_links(fake: FakeMastodon, _req: Recorded, _m: Any) -> Answer:
    href = f"{fake.base}/nodeinfo/2.0"
    return answer(
        200, {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": href}]}
    )


def nodeinfo(fake: FakeMastodon, _req: Recorded, _m: Any) -> Answer:
    version = fake.version.split()[-1].rstrip(")") if fake.flavour == "pixelfed" else fake.version
    if fake.flavour == "gotosocial":
        version = fake.version.partition("+")[2]  # toMastodonVersion: "3.5.3+" + its own
    return answer(
        200,
        {
            "version": "2.0",
            "software": {"name": fake.flavour, "version": version},
            "protocols": ["activitypub"],
            "openRegistrations": False,
            "usage": {"users": {"total": 1}},
            "metadata": {},
        },
    )


def avatar(_fake: FakeMastodon, _req: Recorded, _m: Any) -> Answer:
    from tests.support.fake_mastodon import Answer

    return Answer(200, AVATAR_PNG, {"Content-Type": "image/png"})


def _avatar_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (96, 96), (20, 110, 160)).save(out, "PNG")
    return out.getvalue()


AVATAR_PNG = _avatar_png()

ROUTES = [
    ("GET", r"/system/accounts/avatars/.*", avatar),
    ("POST", r"/api/v1/apps", oauth.apps),
    ("GET", r"/\.well-known/oauth-authorization-server", oauth.oauth_metadata),
    ("GET", r"/oauth/authorize", oauth.authorize_page),
    ("POST", r"/oauth/authorize", oauth.authorize_decision),
    ("POST", r"/oauth/token", oauth.token),
    ("GET", r"/api/v1/accounts/verify_credentials", verify_credentials),
    ("GET", r"/api/v1/apps/verify_credentials", app_credentials),
    ("GET", r"/api/v2/instance/?", instance_v2),
    ("GET", r"/api/v1/instance/?", instance_v1),
    ("GET", r"/api/v2/config", pixelfed_config),
    ("GET", r"/\.well-known/nodeinfo", nodeinfo_links),
    ("GET", r"/nodeinfo/2\.0", nodeinfo),
]


# -- publishing: media, statuses, the account's statuses, context, delete --------------------
# Mastodon: MediaController / Api::V2::MediaController, Api::V1::StatusesController with
# PostStatusService (Idempotency-Key: a repeat within the hour returns the original status) and
# StatusLengthValidator. Pixelfed: ApiV1Controller::mediaUpload / statusCreate (the key is
# remembered before the post is made, a repeat answers 400; no media, 403).

IDEMPOTENCY_SECONDS = 3600


def _multipart(req: Recorded) -> tuple[dict[str, str], dict[str, tuple[bytes, str]]]:
    """(fields, files) of a multipart/form-data body."""
    from email.parser import BytesParser
    from email.policy import HTTP

    head = f"Content-Type: {req.headers.get('Content-Type', '')}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + req.body)
    fields: dict[str, str] = {}
    files: dict[str, tuple[bytes, str]] = {}
    for part in message.iter_parts() if message.is_multipart() else ():
        name = part.get_param("name", header="content-disposition") or ""
        data = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            files[str(name)] = (data, part.get_content_type())
        else:
            fields[str(name)] = data.decode("utf-8")
    return fields, files


def _form_lists(req: Recorded) -> dict[str, list[str]]:
    if "json" in req.headers.get("Content-Type", ""):
        import json

        raw = json.loads(req.body or b"{}")
        return {k: [str(x) for x in v] if isinstance(v, list) else [str(v)] for k, v in raw.items()}
    found: dict[str, list[str]] = {}
    for key, value in parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True):
        found.setdefault(key.removesuffix("[]"), []).append(value)
    return found


def media_upload(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    _info, refusal = authorized(fake, req, "write:media")
    if refusal:
        return refusal
    fields, files = _multipart(req)
    if "file" not in files:
        return answer(422, {"error": "Validation failed: File can't be blank"})
    data, mime = files["file"]
    media_id = str(fake.next_id())
    url = f"{fake.base}/system/media_attachments/files/{media_id}/original/image"
    media = {
        "id": media_id,
        "type": "image",
        "url": url,
        "preview_url": url,
        "remote_url": None,
        "text_url": None,
        "meta": _meta(data),
        "description": fields.get("description") or None,
        "blurhash": None,
        "mime": mime,
        "bytes": len(data),
        "uploaded": fake.clock(),  # not in the answer: Mastodon removes it a day later unused
    }
    fake.media[media_id] = media
    visible = {k: v for k, v in media.items() if k not in ("mime", "bytes", "uploaded")}
    if fake.flavour == "pixelfed" and match.group(1) == "2":  # processed later: 202, url null
        return answer(202, visible | {"url": None, "preview_url": None})
    return answer(200, visible)


def _meta(data: bytes) -> dict[str, Any]:
    """Mastodon's `meta.original` of an image (Paperclip's dimensions): {} when unreadable."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError):
        return {}
    size = {"width": width, "height": height, "size": f"{width}x{height}"}
    return {"original": size | {"aspect": width / height}}


def _html(text: str) -> str:
    from html import escape

    return "<p>" + escape(text).replace("\n", "<br />") + "</p>"


def _repeated(fake: FakeMastodon, remembered: tuple[str, str], now: float) -> Answer | None:
    """What a repeated Idempotency-Key gets: Mastodon the original, Pixelfed a 400."""
    if fake.flavour == "gotosocial":  # the header is not read at all
        return None
    pixelfed = fake.flavour == "pixelfed"
    seen = fake.idempotency.get(remembered)
    if seen is not None and now - seen[1] < IDEMPOTENCY_SECONDS:
        if pixelfed:
            return answer(400, {"message": "Duplicate idempotency key."})
        # PostStatusService looks the key's id up before it reads `scheduled_at`, so among
        # the statuses only: a held post's key (held still, withdrawn, or published since
        # as a new status) and a deleted status's are answered "Record not found"
        original = fake.status(seen[0])
        if original is None:
            return answer(404, {"error": "Record not found"})
        return answer(200, shown(fake, original))
    if pixelfed:  # Cache::put before anything else is checked
        fake.idempotency[remembered] = ("", now)
    return None


def _invalid(
    fake: FakeMastodon, text: str, spoiler: str, media_ids: list[str], reply_to: str | None
) -> Answer | None:
    if any(m not in fake.media for m in media_ids):
        return answer(422, {"error": "Validation failed: Media can't be blank"})
    if reply_to is not None and fake.status(reply_to) is None:
        return answer(404, {"error": "Record not found"})
    if fake.flavour == "pixelfed":
        limit = fake.limits["max_caption_length"]
        if not media_ids and not reply_to:
            return answer(403, {"message": "Empty statuses are not allowed"})
        said = f"The status field must not be greater than {limit} characters."
        too_long = answer(422, {"message": said, "errors": {"status": [said]}})
        return too_long if len(text) > limit else None
    return _CONTENT_CHECKS[fake.flavour](fake, text, spoiler, media_ids)


def _mastodon_invalid(
    fake: FakeMastodon, text: str, spoiler: str, media_ids: list[str]
) -> Answer | None:
    from composer.core.text.mastodon_count import status_length

    if not text.strip() and not media_ids and not spoiler.strip():
        return answer(422, {"error": "Validation failed: Text can't be blank"})
    limit = fake.limits["max_characters"]
    said = f"Validation failed: Text character limit of {limit} exceeded"
    length = status_length(text, spoiler, fake.limits["characters_reserved_per_url"])
    return answer(422, {"error": said}) if length > limit else None


def _gotosocial_invalid(
    fake: FakeMastodon, text: str, spoiler: str, media_ids: list[str]
) -> Answer | None:
    """validateStatusContent: code points of the text as sent plus its warning."""
    total = len(text) + len(spoiler)
    if total == 0 and not media_ids:
        return answer(400, {"error": "Bad Request: status contains no text, media or poll"})
    limit = fake.limits["max_characters"]
    said = f"Bad Request: text with spoiler exceed max chars ({limit})"
    return answer(400, {"error": said}) if total > limit else None


_CONTENT_CHECKS = {"mastodon": _mastodon_invalid, "gotosocial": _gotosocial_invalid}


def status_create(fake: FakeMastodon, req: Recorded, _m: Any) -> Answer:
    info, refusal = authorized(fake, req, "write:statuses")
    if refusal or info is None:
        return refusal or answer(401, {"error": "The access token is invalid"})
    form = _form_lists(req)
    text = (form.get("status") or [""])[0]
    spoiler = (form.get("spoiler_text") or [""])[0]
    media_ids = [m for m in form.get("media_ids", []) if m]
    reply_to = (form.get("in_reply_to_id") or [""])[0] or None
    key = req.headers.get("Idempotency-Key", "")
    remembered = (req.token, key)
    now = fake.clock()
    refusal = _repeated(fake, remembered, now) if key else None
    refusal = refusal or _invalid(fake, text, spoiler, media_ids, reply_to)
    if refusal:
        return refusal
    held = scheduling.hold(fake, form, now)  # with a `scheduled_at` the server honours
    if held is not None:
        if held.status == 200 and key and fake.flavour != "gotosocial":
            fake.idempotency[remembered] = (held.body["id"], now)
        return held
    status = make_status(fake, form, now)
    if key:
        fake.idempotency[remembered] = (status["id"], now)
    if fake.on_created is not None:
        fake.on_created(status)
    return answer(200, shown(fake, status))


def make_status(
    fake: FakeMastodon, form: dict[str, list[str]], now: float, created: float | None = None
) -> dict[str, Any]:
    """A status from the form's fields, published now (kept in fake.statuses)."""
    text = (form.get("status") or [""])[0]
    spoiler = (form.get("spoiler_text") or [""])[0]
    media_ids = [m for m in form.get("media_ids", []) if m]
    reply_to = (form.get("in_reply_to_id") or [""])[0] or None
    status_id = str(fake.next_id())
    sensitive = (form.get("sensitive") or ["false"])[0].lower() in ("1", "true")
    status = {
        "id": status_id,
        "created_at": fake.timestamp(now if created is None else created),
        "in_reply_to_id": reply_to,
        "in_reply_to_account_id": "109" if reply_to else None,
        "sensitive": sensitive or bool(spoiler),
        "spoiler_text": spoiler,
        "visibility": (form.get("visibility") or ["public"])[0],
        "language": (form.get("language") or [None])[0],
        "uri": f"{fake.base}/users/{fake.username}/statuses/{status_id}",
        "url": f"{fake.base}/@{fake.username}/{status_id}",
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 0,
        "content": _html(text),
        "text": text,  # not in the real answer: kept for the tests' assertions
        "reblog": None,
        "account": account(fake),
        "media_attachments": [
            {k: v for k, v in fake.media[m].items() if k not in ("mime", "bytes", "uploaded")}
            for m in media_ids
        ],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "card": None,
        "poll": None,
        "edited_at": None,
    }
    fake.statuses.append(status)
    return status


# GET /api/v1/accounts/:id/statuses: newest first, paged by id (max_id: older than, since_id
# / min_id: newer than) with a Link header. Mastodon: 20 by default, at most 40
# (Api::V1::Accounts::StatusesController). GoToSocial 0.20 (observed, internal/db/bundb
# /account.go GetAccountStatuses): 30 by default, no upper bound; `exclude_replies` keeps
# self-replies without mentions (threads), as Mastodon's without_replies does; every status
# of one's own carries `text`, the source as typed. Pixelfed's bounds are taken as
# Mastodon's here (not checked against its source).
_LISTED = {"mastodon": (20, 40), "pixelfed": (20, 40), "gotosocial": (30, None)}


def account_statuses(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    _info, refusal = authorized(fake, req, "read:statuses")
    if refusal:
        return refusal
    if match.group(1) != "109":
        return answer(404, {"error": "Record not found"})
    default, most = _LISTED[fake.flavour]
    limit = int(req.query.get("limit") or default)
    limit = min(limit, most) if most else limit
    older, newer = req.query.get("max_id"), req.query.get("since_id") or req.query.get("min_id")
    chosen = [
        shown(fake, status)
        for status in reversed(fake.statuses)
        if (older is None or int(status["id"]) < int(older))
        and (newer is None or int(status["id"]) > int(newer))
        and not (req.query.get("exclude_replies") == "true" and _reply_to_others(status))
    ][:limit]
    headers = {}
    if chosen:
        here = f"{fake.base}{req.path}?limit={limit}"
        headers["Link"] = (
            f'<{here}&max_id={chosen[-1]["id"]}>; rel="next", '
            f'<{here}&min_id={chosen[0]["id"]}>; rel="prev"'
        )
    from tests.support.fake_mastodon import Answer

    return Answer(200, chosen, headers)


def _reply_to_others(status: dict[str, Any]) -> bool:
    return status["in_reply_to_id"] is not None and status["in_reply_to_account_id"] != "109"


def shown(fake: FakeMastodon, status: dict[str, Any]) -> dict[str, Any]:
    """A status as the API shows it: `text` (kept for the tests) only where the server
    says it (GoToSocial, for one's own statuses)."""
    if fake.flavour == "gotosocial":
        return dict(status)
    return {k: v for k, v in status.items() if k != "text"}


def status_context(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    """Mastodon checks the scope whenever a token comes along (authorize_if_got_token!
    :read, :'read:statuses'); GoToSocial always wants one (TokenAuth with ScopeReadStatuses);
    Pixelfed's statusContext tokenCan('read')."""
    if req.token or fake.flavour != "mastodon":
        _info, refusal = authorized(fake, req, "read:statuses")
        if refusal:
            return refusal
    status = fake.status(match.group(1))
    if status is None:
        return answer(404, {"error": "Record not found"})
    below, found = {status["id"]}, []
    for other in fake.statuses:  # in order of posting, so parents come first
        if other["in_reply_to_id"] in below:
            below.add(other["id"])
            found.append(shown(fake, other))
    return answer(200, {"ancestors": [], "descendants": found})


def status_delete(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    _info, refusal = authorized(fake, req, "write:statuses")
    if refusal:
        return refusal
    status = fake.status(match.group(1))
    if status is None:
        return answer(404, {"error": "Record not found"})
    fake.statuses.remove(status)
    return answer(200, status)  # with `text`, as Mastodon answers a delete (for redrafting)


ROUTES += [
    ("POST", r"/api/v([12])/media", media_upload),
    ("POST", r"/api/v1/statuses", status_create),
    ("GET", r"/api/v1/accounts/([^/]+)/statuses", account_statuses),
    ("GET", r"/api/v1/statuses/([^/]+)/context", status_context),
    ("DELETE", r"/api/v1/statuses/([^/]+)", status_delete),
    *scheduling.ROUTES,
]


# -- how a status was received: others favourite, boost and reply to it ------------------------
# Mastodon counts each person once (a second favourite by the same account is no new one) and
# shows the counts on every view of the status (REST::StatusSerializer: replies_count,
# reblogs_count, favourites_count from status_stats). The fake keeps who did what per status
# (`received(fake, id)`), so the counts are the truth of what the tests did, never set by hand.
# Others' replies are kept there, not among `fake.statuses` (which are the account's own).

REACTIONS = ("favourites", "reblogs", "replies")


def received(fake: FakeMastodon, status_id: str) -> dict[str, set[str]]:
    """Who favourited and boosted the status (account names), and the ids of others'
    replies to it."""
    # kept on the fake's instance, not as a dataclass field: fake_mastodon.py stays as it is
    book = fake.__dict__.setdefault("_received", {})
    return book.setdefault(status_id, {how: set() for how in REACTIONS})


def react(fake: FakeMastodon, status_id: str, how: str, by: str = "lezer") -> None:
    """A test's hook: `by` (another account on the server) favourites, boosts or replies to
    the status, as that person would in their own app."""
    with fake._lock:
        if fake.status(status_id) is None:
            raise KeyError(status_id)
        mine = received(fake, status_id)
        if how == "replies":
            mine["replies"].add(f"{by}-{fake.next_id()}")
        else:
            mine[how].add(by)


def counted(fake: FakeMastodon, status: dict[str, Any]) -> dict[str, Any]:
    """The status as shown, with its counts as Mastodon counts them."""
    mine = received(fake, status["id"])
    return shown(fake, status) | {f"{how}_count": len(mine[how]) for how in REACTIONS}


def status_show(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    """GET /api/v1/statuses/:id. Mastodon: anyone may read a public status, but a token
    that comes along must carry a read scope (authorize_if_got_token! :read,
    :'read:statuses'), else 403; GoToSocial and Pixelfed want a token with one."""
    if req.token or fake.flavour != "mastodon":
        _info, refusal = authorized(fake, req, "read:statuses")
        if refusal:
            return refusal
    status = fake.status(match.group(1))
    if status is None:
        return answer(404, {"error": "Record not found"})
    return answer(200, counted(fake, status))


ROUTES += [("GET", r"/api/v1/statuses/([^/]+)", status_show)]


# -- editing a status (Mastodon 3.5+, Api::V1::StatusesController#update) ---------------------
# PUT /api/v1/statuses/:id: one's own status only (404 "Record not found" for anyone else's or
# a deleted one); the same content checks as posting (422); `media_ids` replace the photos,
# `media_attributes[]` (id, description) change an attached photo's description; the status
# gets `edited_at`, and each edit is kept: GET /api/v1/statuses/:id/history lists the
# original and every edit (StatusEdit: content, spoiler_text, sensitive, created_at,
# media_attachments). Mastodon.py sends JSON when it sends media_attributes, else a form.
# Pixelfed (StatusEditController): 404 "Post editing is not enabled on this server." unless
# its admin turned editing on (`fake.__dict__["pixelfed_editing"] = True`); no `language`,
# no media_attributes; a post's own media kept (or, of several, some dropped), none added
# (UpdateStatusService); at most 10 StatusEdit rows, the original among them (400).


def _edit_form(req: Recorded) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    import json

    form = _form_lists(req)
    if "json" in req.headers.get("Content-Type", ""):
        raw = json.loads(req.body or b"{}").get("media_attributes") or []
        return form, [a for a in raw if isinstance(a, dict)]
    return form, []


def _edit_of(status: dict[str, Any], at: str) -> dict[str, Any]:
    keys = ("content", "spoiler_text", "sensitive", "media_attachments", "language")
    return {k: status[k] for k in keys} | {"created_at": at}


def status_update(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    _info, refusal = authorized(fake, req, "write:statuses")
    if refusal:
        return refusal
    pixelfed = fake.flavour == "pixelfed"
    if pixelfed and not fake.__dict__.get("pixelfed_editing"):
        return answer(404, {"message": "Post editing is not enabled on this server."})
    status = fake.status(match.group(1))
    if status is None:
        return answer(404, {"error": "Record not found"})
    edits = fake.__dict__.setdefault("_edits", {}).setdefault(status["id"], [])
    if pixelfed and len(edits) >= 10:
        return answer(400, {"message": "You cannot edit your post more than 10 times."})
    form, attributes = _edit_form(req)
    text = (form.get("status") or [""])[0]
    spoiler = (form.get("spoiler_text") or [""])[0]
    media_ids = [m for m in form.get("media_ids", []) if m]
    refusal = _invalid(fake, text, spoiler, media_ids, None)
    if refusal:
        return refusal
    if not edits:
        edits.append(_edit_of(status, status["created_at"]))
    for attribute in [] if pixelfed else attributes:
        if str(attribute.get("id")) in fake.media:
            fake.media[str(attribute["id"])]["description"] = attribute.get("description")
    sensitive = (form.get("sensitive") or ["false"])[0].lower() in ("1", "true")
    now = fake.timestamp(fake.clock())
    attached = [
        {k: v for k, v in fake.media[m].items() if k not in ("mime", "bytes", "uploaded")}
        for m in media_ids
    ]
    if pixelfed:  # UpdateStatusService: a post's own media kept or dropped, none added
        had = {a["id"]: a for a in status["media_attachments"]}
        attached = [had[m] for m in media_ids if m in had] if len(had) > 1 else list(had.values())
    status |= {
        "content": _html(text),
        "text": text,
        "spoiler_text": spoiler,
        "sensitive": sensitive or bool(spoiler),
        "edited_at": now,
        "media_attachments": attached,
    }
    if not pixelfed and form.get("language"):
        status["language"] = form["language"][0]
    edits.append(_edit_of(status, now))
    return answer(200, shown(fake, status))


def edit_history(fake: FakeMastodon, req: Recorded, match: Any) -> Answer:
    status = fake.status(match.group(1))
    if status is None:
        return answer(404, {"error": "Record not found"})
    edits = fake.__dict__.get("_edits", {}).get(status["id"])
    return answer(200, list(edits or [_edit_of(status, status["created_at"])]))


def history(fake: FakeMastodon, status_id: str) -> list[dict[str, Any]]:
    """A test's look: the original and every edit of the status, oldest first."""
    return list(fake.__dict__.get("_edits", {}).get(status_id) or [])


ROUTES[:0] = [
    ("PUT", r"/api/v1/statuses/([^/]+)", status_update),
    ("GET", r"/api/v1/statuses/([^/]+)/history", edit_history),
]
