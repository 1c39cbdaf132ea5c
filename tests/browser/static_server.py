"""Serve a built site over HTTP on 127.0.0.1, as a host would: pages load their scripts,
the search index and their pictures by URL, and the clipboard works (a loopback origin is
a secure context; file:// pages are not)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the browser reports failed requests itself
        pass


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """The base URL (ending in '/') of ``directory``, served until the block ends."""
    handler = partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: the OS picks a free one
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
