"""Servers on 127.0.0.1 that fail the way networks fail, for the classifiers' tests: nobody
listening, a queue too full to connect, a server that never answers, one that hangs up after
reading the request, one that cuts its answer short, and one whose certificate nobody trusts.

Each is a context manager giving the base URL; nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import datetime
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@contextlib.contextmanager
def nobody_listening() -> Iterator[str]:
    """A port that was free a moment ago: the connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def queue_full() -> Iterator[str]:
    """A listening socket whose accept queue is full and never emptied: Linux drops the
    handshake, so connecting times out and nothing is ever sent."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.2)  # let the kernel settle the queue
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


@contextlib.contextmanager
def _serving(handle: Callable[[socket.socket], None]) -> Iterator[int]:
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_handled, args=(handle, conn), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()


def _handled(handle: Callable[[socket.socket], None], conn: socket.socket) -> None:
    with conn, contextlib.suppress(OSError):
        handle(conn)


def _read_request(conn: socket.socket) -> None:
    conn.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            while len(body) < int(value):
                chunk = conn.recv(65536)
                if not chunk:
                    return
                body += chunk


@contextlib.contextmanager
def never_answers(seconds: float = 10.0) -> Iterator[str]:
    """Reads the request, then says nothing for `seconds`: the client times out waiting."""

    def handle(conn: socket.socket) -> None:
        _read_request(conn)
        time.sleep(seconds)

    with _serving(handle) as port:
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def hangs_up() -> Iterator[str]:
    """Reads the whole request, then closes the connection without a word."""

    def handle(conn: socket.socket) -> None:
        _read_request(conn)
        conn.shutdown(socket.SHUT_RDWR)

    with _serving(handle) as port:
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def cuts_the_answer_short() -> Iterator[str]:
    """Answers 200 with a body shorter than its Content-Length, then closes."""

    def handle(conn: socket.socket) -> None:
        _read_request(conn)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
        conn.sendall(head + b"\r\n" + b'{"id": "1')
        conn.shutdown(socket.SHUT_RDWR)

    with _serving(handle) as port:
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def answers_with(status: int, body: bytes = b"{}") -> Iterator[str]:
    """Reads the request, then answers `status` whatever was asked (a site that checks
    nothing answers 200 to everything)."""

    def handle(conn: socket.socket) -> None:
        _read_request(conn)
        head = f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
        head += f"Location: /elsewhere\r\nContent-Length: {len(body)}\r\n\r\n"
        conn.sendall(head.encode() + body)
        conn.shutdown(socket.SHUT_RDWR)

    with _serving(handle) as port:
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def untrusted_certificate(folder: Path) -> Iterator[str]:
    """HTTPS on localhost with a self-signed certificate: verification fails."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)

    def handle(conn: socket.socket) -> None:
        conn.settimeout(10)
        context.wrap_socket(conn, server_side=True).close()  # the client refuses first

    with _serving(handle) as port:
        yield f"https://localhost:{port}"
