"""What the browser tests share: Debian's chromium, a folder served on 127.0.0.1, contexts that
wait patiently, and a watch on what goes wrong on a page."""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from orgkb.downloads import CHROMIUM_ARGS as PRINTING_ARGS
from orgkb.downloads import find_chromium

# Chromium's own background traffic would be requests to other hosts; none of it is ours.
CHROMIUM_ARGS = [*PRINTING_ARGS, "--disable-quic"]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# Every wait here is for a condition; this bounds one only so that a hung browser fails the
# test, so it is long enough for the busiest machine (milliseconds).
PATIENCE = 120_000


def chromium_path() -> str:
    """Debian's chromium; the test is skipped, saying how to get it, when it is missing."""
    found = find_chromium()
    if found is None:
        pytest.skip("no chromium: run ./dev test as root to install Debian's chromium")
    return found


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    # A browser may drop a connection mid-reply once it has what it wants (a closed page, a
    # cancelled fetch); that is not a fault of the site, so it is not printed as one.
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """The address of *folder* served from a thread on 127.0.0.1, while the block runs."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def patient_context(browser: Any, **options: Any) -> Any:
    """A new browser context (*options* as for ``new_context``) that waits patiently."""
    context = browser.new_context(**options)
    context.set_default_timeout(PATIENCE)
    return context


def watch(page: Any, own_host: str) -> list[str]:
    """Collects what goes wrong on *page* from now on: script errors, console errors and
    warnings, failed requests, error responses, requests to another host than *own_host*."""
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(f"console {message.type}: {message.text}")
            if message.type in {"error", "warning"}
            else None
        ),
    )
    page.on("pageerror", lambda error: found.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: found.append(f"failed request: {request.url}"))
    page.on(
        "response",
        lambda response: (
            found.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )

    def foreign(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in {"data", "blob", "about", "file"} and parts.netloc != own_host:
            found.append(f"request to another host: {request.url}")

    page.on("request", foreign)
    return found
