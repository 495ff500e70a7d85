"""Published messages (`dialog`), the words around deleting them everywhere (`deleting`) and
how each copy was received (`reception`)."""
