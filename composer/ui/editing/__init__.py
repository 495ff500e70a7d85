"""Changing a message after it was published: the banner that says the open draft is such a
change, the dialog that sends it to every copy (what happens to each, Bluesky's choice to
post again, each copy's progress and outcome), and each copy's row in it. The engine is
core/publishing/editing.py."""
