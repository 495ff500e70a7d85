"""Mastodon and Pixelfed through Mastodon.py: signing in and connecting (`connect`, `oauth`), the
client with its timeouts (`client`), the server's limits (`limits`), publishing (`publish`) and
Mastodon.py's failures as codes (`failures`).
"""
