"""The copies a server holds until their time: scheduling asks the destination's own
methods (`schedule`, `unschedule`, `settle_scheduled`, see destination.py), behind
`Capabilities.schedules_on_server`."""

from __future__ import annotations

from composer.core.publishing.destination import Destination


def on_server(destination: Destination) -> Destination | None:
    """The destination, when its server can hold posts until their time; else None."""
    return destination if destination.capabilities.schedules_on_server else None
