"""A Mastodon or Pixelfed server's reported limits as Account.limits overrides.

Only what the server reports; the rest stays the platform default (docs/platform-facts.md).
"""

from __future__ import annotations

from typing import Any

# Limits field ← (configuration section, key), as Mastodon's instance serializer writes them.
_MASTODON = {
    "max_characters": ("statuses", "max_characters"),
    "characters_reserved_per_url": ("statuses", "characters_reserved_per_url"),
    "max_images": ("statuses", "max_media_attachments"),
    "image_bytes": ("media_attachments", "image_size_limit"),
    "image_pixels": ("media_attachments", "image_matrix_limit"),
    "alt_text_limit": ("media_attachments", "description_limit"),  # 4.4+
}
# Pixelfed's instance answer hard-codes characters_reserved_per_url (its caption counts
# every character) and image_matrix_limit (it scales big photos down instead): skip both.
_PIXELFED = ("max_characters", "max_images", "image_bytes")

# Pixelfed's /api/v2/config → uploader; max_photo_size is in kilobytes.
_UPLOADER = {
    "max_characters": ("max_caption_length", 1),
    "max_images": ("album_limit", 1),
    "image_bytes": ("max_photo_size", 1024),
    "alt_text_limit": ("max_altext_length", 1),
}


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _image_types(types: Any) -> list[str]:
    if isinstance(types, str):
        types = types.split(",")
    if not isinstance(types, list):
        return []
    return sorted(
        {t.strip() for t in types if isinstance(t, str) and t.strip().startswith("image/")}
    )


def limits_from_instance(info: dict[str, Any], kind: str = "mastodon") -> dict[str, Any]:
    """From /api/v2/instance (or v1, whose `configuration` has the same shape since 3.4)."""
    config = info.get("configuration") or {}
    fields = _PIXELFED if kind == "pixelfed" else tuple(_MASTODON)
    limits: dict[str, Any] = {}
    for name in fields:
        section, key = _MASTODON[name]
        value = _number((config.get(section) or {}).get(key))
        if value is not None:
            limits[name] = value
    if "max_characters" not in limits and _number(info.get("max_toot_chars")):
        limits["max_characters"] = _number(info["max_toot_chars"])  # v1 of older forks
    types = _image_types((config.get("media_attachments") or {}).get("supported_mime_types"))
    if types:
        limits["image_types"] = types
    return limits


def limits_from_config(config: dict[str, Any]) -> dict[str, Any]:
    """From Pixelfed's /api/v2/config (App\\Util\\Site\\Config)."""
    uploader = config.get("uploader")
    if not isinstance(uploader, dict):
        return {}
    limits: dict[str, Any] = {}
    for name, (key, scale) in _UPLOADER.items():
        value = _number(uploader.get(key))
        if value is not None:
            limits[name] = value * scale
    types = _image_types(uploader.get("mime_types") or uploader.get("media_types"))
    if types:
        limits["image_types"] = types
    return limits
