"""Publishing from the window: the Publish button and what stands in the way (`bar`), the
confirmation (`confirm`), the dialog with one row per destination (`dialog`, `rows`), the job's
outcome in words (`outcome`) and the job run off the window's thread (`run`).
"""
