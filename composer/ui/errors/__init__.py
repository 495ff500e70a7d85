"""Unexpected errors: the hooks that catch them (`hooks`), the report for support (`report`) and the
dialog that shows them in plain words (`window`).
"""
