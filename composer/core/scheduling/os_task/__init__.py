"""The operating system's task that runs `omroeper publish --due` every few minutes while
something is scheduled, for the current user and without administrator rights: its text per
platform (`systemd`, `launchd`, `task_scheduler`), which program it runs (`program`), and
installing and removing it (`ensure.ensure_task`, with `linux`, `macos`, `windows`).
"""
