"""Keyring backends for unit tests: never picked by keyring itself."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class InMemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")


class LockedKeyring(InMemoryKeyring):
    """As the Secret Service answers when the person cancels the unlock prompt."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class BrokenKeyring(InMemoryKeyring):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(self.message)


# keyring registers every backend class it sees: keep these out of its automatic choice
for _test_class in (InMemoryKeyring, LockedKeyring, BrokenKeyring):
    KeyringBackend._classes.discard(_test_class)  # type: ignore[attr-defined]
