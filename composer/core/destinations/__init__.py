"""One folder per destination: connecting (verify who the account is, read the server's
limits) and publishing, reading back and deleting its posts. The only place, with
accounts.py and net.py, that talks to the network.

A new destination is a folder here with a class that meets
`composer.core.publishing.destination.Destination` and declares its `Capabilities`, and one
line in `registry.py`'s table of makers."""
