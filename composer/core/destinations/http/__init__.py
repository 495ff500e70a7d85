"""How destinations talk HTTP: one safe session with bounded size and time, HTTPS only
(`safe_http`, and `safe_httpx` for the atproto SDK), transport failures as codes
(`requests_failures`), telling "offline" from "that server does not answer" (`reachability`)
and fetching a small picture, an avatar or a link card's (`remote_image`).
"""
