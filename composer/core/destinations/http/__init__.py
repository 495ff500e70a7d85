"""How destinations talk HTTP: one safe session with bounded size and time, HTTPS only
(`safe_http`, and `safe_httpx` for the atproto SDK), transport failures as codes
(`requests_failures`) and telling "offline" from "that server does not answer" (`reachability`).
"""
