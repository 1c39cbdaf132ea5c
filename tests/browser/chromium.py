"""The one way every browser test (tests/browser, tests/lab) and `make screenshots` start a
browser: Debian's Chromium (scripts/browser-deps.sh), headless, driven by Playwright.
Playwright's own browser download is not used; it cannot be had everywhere the guide runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
# No sandbox: CI containers run as root. No background networking: the tests must not
# depend on (or wait for) Google's update and sync services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LAUNCH_TIMEOUT = 300_000  # ms: Playwright's driver and chromium starting on a busy machine


class BrowserUnavailable(RuntimeError):
    """Chromium or Playwright is missing; the message says how to install it."""


def require_chromium() -> str:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        raise BrowserUnavailable(
            f"no browser at {CHROMIUM}: install Debian's chromium (`make browser-deps` as root, "
            "or `sudo apt-get install -y chromium`), or set CHROMIUM to a Chromium binary.")
    return CHROMIUM


@contextmanager
def launched() -> Iterator:
    """A headless Chromium (a Playwright ``Browser``), closed on the way out."""
    executable = require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BrowserUnavailable(
            f"{error}: Playwright comes from requirements.lock; run `make venv`.") from error
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=CHROMIUM_ARGS, timeout=LAUNCH_TIMEOUT)
        try:
            yield browser
        finally:
            browser.close()
