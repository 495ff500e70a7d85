"""Words for people, through Qt's translation system; usable without a window."""
