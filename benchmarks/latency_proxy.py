"""A TCP proxy on 127.0.0.1 that holds every request back by a fixed delay: a far-away server."""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class LatencyProxy:
    def __init__(self, target_port: int, delay: float) -> None:
        self.target_port, self.delay = target_port, delay
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            self.connections += [client, server]
            # a request's first bytes wait once, as a round trip would: however the client
            # splits it (headers, then body), the next wait comes after the server has answered
            turn = threading.Event()
            turn.set()
            for source, sink, asking in ((client, server, True), (server, client, False)):
                threading.Thread(
                    target=self._pipe, args=(source, sink, turn, asking), daemon=True
                ).start()

    def _pipe(
        self, source: socket.socket, sink: socket.socket, turn: threading.Event, asking: bool
    ) -> None:
        """`asking`: the client's side, whose turn it is after each answer."""
        try:
            while data := source.recv(65536):
                if asking and turn.is_set():
                    turn.clear()
                    time.sleep(self.delay)
                sink.sendall(data)
                if not asking:
                    turn.set()
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.listener.close()
        for connection in self.connections:
            connection.close()
