import pytest

from composer.core.store import Store
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
