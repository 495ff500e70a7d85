"""How a draft looks and fits on each destination, as pure functions of the draft and the limits:
the analysis per destination (`analysis`), all chosen destinations at once while typing
(`composing`), the checks as codes (`rules`) and the link cards a network will show (`link_cards`).
"""
