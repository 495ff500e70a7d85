"""Scheduled messages in the window: their time and who holds each copy in words, the
person's changes (time, text, cancel, send a late one now) run off the window's thread, and
the run that sends what is due while the app is open."""
