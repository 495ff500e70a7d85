"""Publishing at a chosen time: a message waits as a scheduled job until its time comes, held by
the server where it can hold it (Mastodon, WordPress) and by this computer otherwise, through
the operating system's own scheduler running `omroeper publish --due` (`os_task/`).
"""
