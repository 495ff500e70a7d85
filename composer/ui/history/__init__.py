"""Published messages (`dialog`) and the words around deleting them everywhere (`deleting`)."""
