from collections.abc import Iterator

import pytest

from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.core.store.store import Store
from tests.support.keyrings import InMemoryKeyring


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "profile") as opened:
        yield opened


@pytest.fixture
def accounts(store) -> Accounts:
    """Accounts on a real store; secrets in memory (the real keyring has its own tests)."""
    return Accounts(store, Credentials(InMemoryKeyring()))
