"""The log file and stderr never show a secret: registered ones, or ones that look like one."""

import io
import logging

import pytest

from composer.core.accounts.credentials import Credentials
from composer.core.logs import (
    MASK,
    RedactingFilter,
    Redactor,
    RotatingFile,
    setup_logging,
    stop_logging,
)
from tests.support.canary import assert_no_secret_anywhere, find_secrets
from tests.support.keyrings import InMemoryKeyring

# (what is logged, the secret in it, what must survive around it)
LOOKS_SECRET = [
    ("GET /v1 Authorization: Bearer mastodon-bearer-0001", "mastodon-bearer-0001", "Bearer"),
    ("headers {'Authorization': 'Basic dXNlcjpwYXNzd29yZA=='}", "dXNlcjpwYXNzd29yZA==", "Basic"),
    ("sent Bearer ya29.plain-bearer-0002 along", "ya29.plain-bearer-0002", "along"),
    ("POST /oauth/token body=code=x&access_token=form-token-0003&y=1", "form-token-0003", "y=1"),
    ("login password=hunter2-0004 for bieb", "hunter2-0004", "for bieb"),
    ('{"identifier": "bieb", "password": "two words 0005"}', "two words 0005", '"identifier"'),
    ("Session(refresh_jwt='refresh-jwt-0006', did='did:plc:abc')", "refresh-jwt-0006", "did:plc"),
    ('{"accessJwt": "access-jwt-0007", "handle": "a.b"}', "access-jwt-0007", '"handle"'),
    ("{'refreshJwt': 'refresh-jwt-0008'}", "refresh-jwt-0008", "refreshJwt"),
    (
        "posting to https://discord.com/api/webhooks/1234567890/Discord_Token-0009?wait=true",
        "Discord_Token-0009",
        "webhooks/1234567890/",
    ),
    (
        "signing with whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "with",
    ),
    ("app password abcd-2345-efgh-6789 given", "abcd-2345-efgh-6789", "given"),
    ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQifQ.c2lnbmF0dXJl", "eyJzdWIiOiJkaWQifQ", "jwt"),
    ("proxy https://user:proxy-pass-0010@proxy.example:3128", "proxy-pass-0010", "user:"),
]


@pytest.fixture
def logs(tmp_path):
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    extra = logging.StreamHandler(io.StringIO())  # someone else's handler, added before setup
    root.addHandler(extra)
    path = setup_logging(tmp_path / "profile", logging.DEBUG, stderr_level=logging.DEBUG)
    yield path, extra.stream
    stop_logging()
    root.removeHandler(extra)
    root.setLevel(level)
    for handler in root.handlers:  # pytest's own: leave them as they were
        if handler in handlers:
            for each in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
                handler.removeFilter(each)


def _everything(path, stream, capsys) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "\n".join((path.read_text(encoding="utf-8"), stream.getvalue(), capsys.readouterr().err))


def test_log_file_in_the_profile_and_setup_is_idempotent(tmp_path, logs):
    path, _stream = logs
    assert path == (tmp_path / "profile" / "logs" / "omroeper.log").absolute()
    count = len(logging.getLogger().handlers)
    assert setup_logging(tmp_path / "profile", logging.DEBUG) == path
    assert len(logging.getLogger().handlers) == count
    logging.getLogger("composer.test").info("hello")
    logging.getLogger().handlers[0].flush()
    assert "INFO composer.test: hello" in path.read_text(encoding="utf-8")


def test_registered_secrets_are_scrubbed_everywhere(logs, capsys):
    secrets = {"token": "reg-secret-Ä-🔑-0001", "webhook": "https://hooks.example/s3cret-0002"}
    Credentials(InMemoryKeyring()).store("discord-1", secrets)
    log = logging.getLogger("composer.test")
    log.info("token %s and %r", secrets["token"], {"url": secrets["webhook"]})
    log.warning("json %s", '{"t": "reg-secret-\\u00c4-\\ud83d\\udd11-0001"}')  # JSON-escaped
    log.warning("form t=%s", "reg-secret-%C3%84-%F0%9F%94%91-0001")  # percent-encoded

    text = _everything(*logs, capsys)
    assert text.count(MASK) >= 3 * 4  # file, extra stream, stderr
    assert_no_secret_anywhere(secrets.values(), logs[0].parent)
    assert not find_secrets(secrets.values(), _write(logs[0].parent / "all.txt", text))


@pytest.mark.parametrize(("line", "secret", "kept"), LOOKS_SECRET)
def test_secret_looking_values_are_scrubbed(logs, capsys, line, secret, kept):
    logging.getLogger("composer.test").info("%s", line)
    text = _everything(*logs, capsys)
    assert secret not in text
    assert text.count(MASK) == 3
    assert text.count(kept) >= 3


def test_secrets_inside_a_logged_exception_are_scrubbed(logs, capsys):
    Credentials(InMemoryKeyring()).store("bluesky-1", {"app_password": "registered-in-exc-0001"})
    try:
        try:
            raise ValueError("registered-in-exc-0001 and accessJwt=exc-jwt-0002")
        except ValueError as inner:
            raise RuntimeError(
                "https://discord.com/api/webhooks/42/exc-hook-0003", "Bearer exc-bearer-0004"
            ) from inner
    except RuntimeError:
        logging.getLogger("composer.test").exception("failed with %s", "password=exc-pw-0005")
    logging.getLogger("composer.test").error("stack", stack_info=True)

    text = _everything(*logs, capsys)
    assert "Traceback" in text and "ValueError" in text and "RuntimeError" in text
    for secret in ("registered-in-exc-0001", "exc-jwt-0002", "exc-hook-0003", "exc-bearer-0004"):
        assert secret not in text
    assert "exc-pw-0005" not in text


def test_a_bad_format_string_does_not_leak_its_arguments(logs, capsys):
    log = logging.getLogger("composer.test")
    log.warning("two %s %s", "password=bad-format-0001")  # noqa: PLE1206 - the bug under test
    text = _everything(*logs, capsys)
    assert "bad-format-0001" not in text
    assert "two %s %s" in text


def test_scrubbing_twice_changes_nothing():
    redactor = Redactor()
    redactor.register("registered-twice-0001")
    for line, _secret, _kept in [*LOOKS_SECRET, ("x registered-twice-0001 y", "", "")]:
        once = redactor.scrub(line)
        assert redactor.scrub(once) == once


def test_short_values_are_not_registered():
    # a one-letter value would turn every "a" in the log into [redacted]
    redactor = Redactor()
    redactor.register("a")
    assert redactor.scrub("a cat") == "a cat"


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_records_logged_before_setup_are_scrubbed_too(capsys):
    logger = logging.getLogger("composer.test.early")
    logger.propagate = False  # no handler at all: logging's last resort writes to stderr
    try:
        logger.warning("early password=before-setup-0001")
    finally:
        logger.propagate = True
    assert "before-setup-0001" not in capsys.readouterr().err


def test_the_log_file_rotates_and_keeps_its_backups(tmp_path):
    path = tmp_path / "omroeper.log"
    handler = RotatingFile(path, max_bytes=200, backups=2)
    handler.addFilter(RedactingFilter())
    record = logging.LogRecord("composer.test", logging.INFO, __file__, 1, "%s", ("x" * 90,), None)
    try:
        for number in range(8):
            record.msg, record.args = f"line {number} %s", ("x" * 90,)
            handler.handle(record)
    finally:
        handler.close()
    names = sorted(each.name for each in tmp_path.iterdir())
    assert names == ["omroeper.log", "omroeper.log.1", "omroeper.log.2"]
    assert all(each.stat().st_size < 200 for each in tmp_path.iterdir())
    # two lines fit in 200 bytes: the three files hold lines 6-7, 4-5 and 2-3
    for name, first in (("omroeper.log", 6), ("omroeper.log.1", 4), ("omroeper.log.2", 2)):
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        assert [line[:6] for line in lines] == [f"line {first}", f"line {first + 1}"]
