"""Is this computer offline, or does one server not answer? Told apart from what the operating
system itself says, without asking any other server on the internet.

A connection that failed before anything was sent (`unreachable`) is read as `offline` when:
- the system said there is no network (ENETUNREACH, ENETDOWN), or that no name server could
  be asked (EAI_AGAIN, "temporary failure in name resolution"); or
- the probe finds no route to the internet at all.
Otherwise the network is there and that one server did not answer: a name that does not
exist, a refused connection, or no answer in time.

The probe asks the system's routing table only: "connecting" a UDP socket sends no packet.
Tests replace it with `use_probe` (a laptop in a test has its network).
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable

from composer.core.destinations.errors import Failure, causes

_NO_NETWORK = {errno.ENETUNREACH, errno.ENETDOWN}
_NO_NAME_SERVER = {socket.EAI_AGAIN}
# Documentation addresses (RFC 5737, RFC 3849): routed like any other, never contacted.
_SOMEWHERE = ((socket.AF_INET, ("198.51.100.1", 9)), (socket.AF_INET6, ("2001:db8::1", 9)))


def has_route() -> bool:
    """True when the system knows a way out to the internet (IPv4 or IPv6)."""
    for family, address in _SOMEWHERE:
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect(address)
                return True
        except OSError:
            continue
    return False


_probe: Callable[[], bool] = has_route


def use_probe(probe: Callable[[], bool]) -> Callable[[], bool]:
    """Ask `probe` whether the internet is there from now on; returns the previous one."""
    global _probe  # one answer per process, for every destination
    previous, _probe = _probe, probe
    return previous


def is_offline(error: BaseException) -> bool:
    """Whether a connection that was never made failed because this computer is offline."""
    for cause in causes(error):
        if isinstance(cause, socket.gaierror) and cause.errno in _NO_NAME_SERVER:
            return True
        if isinstance(cause, OSError) and cause.errno in _NO_NETWORK:
            return True
    return not _probe()


def refine(code: Failure, error: BaseException) -> Failure:
    """`unreachable` becomes `offline` when the computer has no network; other codes stay."""
    return "offline" if code == "unreachable" and is_offline(error) else code
