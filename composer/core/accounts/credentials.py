"""The only door to the operating system's keyring: one entry per account, its secret as JSON.

Where there is no usable keyring, every call raises CredentialError("no_keyring"): secrets are
never written to a file instead.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TypeVar

import keyring
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringLocked, NoKeyringError, PasswordDeleteError

from composer.core.errors import CodedError
from composer.core.logs import REDACTOR, Redactor

USERNAME = "secret"
# backends that keep secrets in a file (even "encrypted" beside its key), or nowhere
_REFUSED = ("keyrings.alt", "keyrings.cryptfile", "keyring.backends.fail", "keyring.backends.null")
# secretstorage's names for a locked keyring or a cancelled unlock (not imported: Linux only)
_LOCKED = {"KeyringLocked", "LockedException", "PromptDismissedException"}

log = logging.getLogger(__name__)
T = TypeVar("T")


class CredentialError(CodedError):
    """codes: no_keyring (backend), locked (backend), missing (id), failed (backend, error).

    The details name the backend and the error's type, never the secret."""


def service_name(account_id: str) -> str:
    return f"Omroeper {account_id}"


class Credentials:
    def __init__(self, backend: KeyringBackend | None = None, redactor: Redactor = REDACTOR):
        self._given = backend
        self._usable: KeyringBackend | None = None  # found on first use: the lookup is slow
        self._redactor = redactor

    def store(self, account_id: str, secret: dict[str, str]) -> None:
        if not all(isinstance(value, str) for value in secret.values()):
            raise TypeError("secret values must be strings")
        self._remember(secret)
        value = json.dumps(secret, ensure_ascii=False)
        self._call(lambda backend: backend.set_password(service_name(account_id), USERNAME, value))

    def load(self, account_id: str) -> dict[str, str]:
        value = self._call(lambda backend: backend.get_password(service_name(account_id), USERNAME))
        if value is None:
            raise CredentialError("missing", {"id": account_id})
        try:
            secret = json.loads(value)
        except ValueError:
            secret = None
        if not isinstance(secret, dict) or not all(isinstance(v, str) for v in secret.values()):
            raise CredentialError("failed", {"backend": self.describe_backend(), "error": "format"})
        self._remember(secret)
        return secret

    def delete(self, account_id: str) -> None:
        """Remove the account's entry; one that is already gone is fine."""
        service = service_name(account_id)

        def remove(backend: KeyringBackend) -> None:
            try:
                backend.delete_password(service, USERNAME)
            except PasswordDeleteError:
                if backend.get_password(service, USERNAME) is not None:
                    raise

        self._call(remove)

    def check(self) -> None:
        """Raise CredentialError("no_keyring") now rather than at the first secret."""
        self._backend()

    def describe_backend(self) -> str:
        """The keyring in use, for support: "SecretService Keyring"."""
        try:
            return _name(self._backend())
        except CredentialError as error:
            return f"{error.details.get('backend', 'none')} (not usable)"

    # -- inside ----------------------------------------------------------------------------

    def _remember(self, secret: dict[str, str]) -> None:
        values = list(secret.values())
        for value in values:
            self._redactor.register(value)
        for i, user in enumerate(values):  # any two may travel as basic auth (user:password)
            for j, password in enumerate(values):
                if i != j:
                    self._redactor.register_basic(user, password)

    def _backend(self) -> KeyringBackend:
        if self._usable is None:
            try:
                chosen = self._given or keyring.get_keyring()
            except Exception:
                raise CredentialError("no_keyring", {"backend": "none"}) from None
            usable = _usable(chosen)
            if usable is None:
                raise CredentialError("no_keyring", {"backend": _name(chosen)})
            self._usable = usable
        return self._usable

    def _call(self, action: Callable[[KeyringBackend], T]) -> T:
        backend = self._backend()
        try:
            return action(backend)
        except NoKeyringError:
            failure = CredentialError("no_keyring", {"backend": _name(backend)})
        except Exception as error:  # D-Bus, Keychain and Windows errors alike
            # the message may help support; the log filter scrubs it of any secret
            # (as text: a record holding the error would keep its frames and sockets alive)
            log.warning("keyring %s: %s: %s", _name(backend), type(error).__name__, str(error))
            code = "locked" if _is_locked(error) else "failed"
            failure = CredentialError(
                code, {"backend": _name(backend), "error": type(error).__name__}
            )
        # raised out here, the backend's exception (maybe quoting a secret) is not its context
        raise failure


def _usable(backend: KeyringBackend) -> KeyringBackend | None:
    """The backend itself if it keeps secrets safely; from a chain, its best such member."""
    if isinstance(backend, ChainerBackend):
        return next(filter(None, map(_usable, backend.backends)), None)
    module = type(backend).__module__
    if any(module == name or module.startswith(name + ".") for name in _REFUSED):
        return None
    try:
        priority = backend.priority
    except Exception:  # how a backend says it cannot work here (no D-Bus, no Keychain)
        return None
    return backend if priority > 0 else None


def _is_locked(error: Exception) -> bool:
    return isinstance(error, KeyringLocked) or type(error).__name__ in _LOCKED


def _name(backend: KeyringBackend) -> str:
    return str(getattr(type(backend), "name", type(backend).__name__))
