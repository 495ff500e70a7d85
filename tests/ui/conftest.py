import pytest

from composer.core.store.store import Store
from composer.i18n.translation import install


@pytest.fixture
def english(qapp):
    install("en")
    yield
    install("en")


@pytest.fixture
def dutch(qapp):
    install("nl")
    yield
    install("en")


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "profile")
    yield opened
    opened.close()


@pytest.fixture
def open_window(qtbot, store):
    """The composer window on `store`, shown and exposed, as a person would have it: built as
    the app builds it, its heavier parts added once it is on screen."""
    from composer.ui.window.composer_window import ComposerWindow

    def open_it() -> ComposerWindow:
        window = ComposerWindow(store, deferred=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.finish_building()
        return window

    return open_it


@pytest.fixture(scope="session")
def screens(tmp_path_factory):
    """Virtual laptop screens (Xvfb), one per size, for the whole session."""
    import shutil

    from tests.support.screens import MISSING, Screens

    if shutil.which("Xvfb") is None:  # fail, never skip: CI installs it and must run these
        pytest.fail(MISSING, pytrace=False)
    opened = Screens(tmp_path_factory.mktemp("screens"))
    yield opened
    opened.close()
