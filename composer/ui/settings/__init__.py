"""The settings dialog: the interface language and what a new message starts with."""
