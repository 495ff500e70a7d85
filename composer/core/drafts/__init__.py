"""A draft as a value (`draft.Draft`), and a draft as a file: the strict JSON format of
docs/draft-file.md (`draft_file`) and the `.omroeper` zip a colleague can review (`archive`).
"""
