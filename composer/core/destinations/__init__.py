"""One module per destination: connecting (verify who the account is, read the server's
limits) now; preparing, publishing and deleting posts later. The only place, with
accounts.py and net.py, that talks to the network."""
