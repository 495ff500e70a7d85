"""Everything Qt: the window and its parts. No business logic lives here."""
