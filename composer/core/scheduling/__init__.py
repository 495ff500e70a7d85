"""Scheduling: a job that waits for its time, and who holds each copy until then.

`times` reads and checks the time a person chose (UTC with their zone, daylight saving
right); `clock` is the injectable now; `holders` decides per copy whether its server holds
it (`schedules_on_server`, with its link back known) or this computer; `plan` makes a
scheduled job and hands server-held copies to their servers; `due` sends what is due,
exactly once (a claim in the database), within a grace period; `changes` cancels, moves
or rewrites a scheduled job; `os_task/` installs the operating system's task that runs
`omroeper publish --due` while this computer holds something, and `task` keeps it in step
with the store (`keep_task`; `drop_task_if_idle` for a `--due` run). The rows are core/store's
(`schedules.py`).
"""
