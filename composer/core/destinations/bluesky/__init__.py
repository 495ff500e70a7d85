"""Bluesky (AT Protocol): connecting with an app password (`connect`), the SDK session
(`session`), publishing posts and threads with fixed record keys (`publish`), link cards (`card`)
and the SDK's failures as codes (`failures`).
"""
