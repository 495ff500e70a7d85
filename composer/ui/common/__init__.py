"""Small pieces every part of the window uses: a wrapping layout, choice lists that scroll with the
page, showing outside text as plain text, local dates and times, and telling screen readers.
"""
