"""The drafts database: one SQLite file in the profile (`store.Store`), its schema steps, the rows
for drafts, photo copies, accounts, publish jobs and their edits (`edits`), the copies' last
reception figures (`receptions`), opening it durably and rescuing it when damaged.
SQL lives here and nowhere else.
"""
