"""Where the person writes: the title, full text and message (`panel`), the counters and advice per
network (`counters`), the text for one network only (`override_editor`) and the destinations to
publish to (`destinations_panel`).
"""
