import os

import pytest

from tests.support import secret_service as _secret_service
from tests.support.pds import bluesky_pds  # noqa: F401 (the real PDS, once per session)
from tests.support.wordpress import wordpress  # noqa: F401 (a real WordPress, once per session)

# Qt tests run without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMROEPER_LANGUAGE", "en")


@pytest.fixture(scope="session")
def _secret_service_daemons(tmp_path_factory):
    if not _secret_service.is_supported_platform():
        pytest.skip("the Secret Service is Linux's keyring")
    problem = _secret_service.missing_programs()
    if problem:  # fail, never skip: CI installs them and must run these tests
        pytest.fail(problem, pytrace=False)
    with _secret_service.running_secret_service(tmp_path_factory.mktemp("keyring")) as service:
        yield service


@pytest.fixture
def secret_service(_secret_service_daemons, monkeypatch):
    """A real gnome-keyring Secret Service, the test process's session bus while a test runs."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", _secret_service_daemons.address)
    return _secret_service_daemons


@pytest.fixture
def no_network():
    """This computer without a route to the internet, as the reachability probe finds it
    (a closed port on loopback then reads as offline, not as one server down)."""
    from composer.core.destinations.http import reachability

    previous = reachability.use_probe(lambda: False)
    yield
    reachability.use_probe(previous)


@pytest.fixture(scope="session")
def hostile():
    """The shared hostile server (tests/support/hostile_server.py): each test plays its scenes
    on a stage of its own."""
    from tests.support.hostile_server import HostileServer

    server = HostileServer()
    yield server
    server.close()
