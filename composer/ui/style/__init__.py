"""How Omroeper looks: light and dark mode (`appearance`), colours that carry meaning (`theme`), the
icon, and a visible keyboard focus (`focus_ring`).
"""
