"""The organisation's own website reached by a signed webhook: connecting and checking it
(`connect`), the Standard Webhooks events (`webhook`) and the destination that sends them
(`publish`).
"""
