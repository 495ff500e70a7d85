import pytest

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
