"""Omroeper: one message, published on your own site first, then syndicated."""

__version__ = "0.1.0"
