"""The built site, served on 127.0.0.1, and Chromium to read it.

These tests need a site someone built: `make test-browser` passes its folder in
GUIDE_SITE_DIR (`make test` passes the one it has just built). A run of the whole suite
without it leaves this folder to `make test-browser` (the tests are deselected, and the
summary says so); naming this folder without it fails with the command to run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.chromium import BrowserUnavailable, launched
from tests.browser.site_pages import VIEWPORT, site_pages
from tests.browser.static_server import serving

HERE = Path(__file__).resolve().parent
SITE_ENV = "GUIDE_SITE_DIR"
UI_TIMEOUT = 60_000  # ms per wait: the machine may be busy running other tests


def site_dir() -> Path | None:
    value = os.environ.get(SITE_ENV)
    return Path(value).resolve() if value else None


def pytest_collection_modifyitems(config, items):
    if site_dir() is not None:
        return
    named_here = any(Path(arg.split("::")[0]).resolve().is_relative_to(HERE) for arg in config.args)
    if named_here:
        return  # the `site` fixture fails each test with the command to run
    ours = [item for item in items if Path(str(item.path)).is_relative_to(HERE)]
    if ours:
        items[:] = [item for item in items if item not in ours]
        config.hook.pytest_deselected(items=ours)
        config._browser_deselected = len(ours)


def pytest_terminal_summary(terminalreporter, config):
    count = getattr(config, "_browser_deselected", 0)
    if count:
        terminalreporter.write_line(
            f"tests/browser: {count} tests deselected: they need a built site "
            f"(`make test-browser`, or {SITE_ENV}=<site folder>); `make test` runs them.")


def pytest_generate_tests(metafunc):
    if "site_page" in metafunc.fixturenames:
        root = site_dir()
        pages = site_pages(root) if root and root.is_dir() else []
        if root and not pages:
            raise pytest.UsageError(f"{SITE_ENV}={root} holds no HTML pages: build the site first")
        metafunc.parametrize("site_page", pages or ["(no site)"])


@pytest.fixture(scope="session")
def site() -> tuple[Path, str]:
    """The built site's folder and the base URL it is served at."""
    root = site_dir()
    if root is None or not (root / "index.html").is_file():
        pytest.fail(f"no built site: set {SITE_ENV} to a built site's folder (now: {root}), or run "
                    "`make test-browser`, which passes the site `make docs` built.", pytrace=False)
    with serving(root) as url:
        yield root, url


@pytest.fixture(scope="session")
def browser():
    try:
        with launched() as running:
            yield running
    except BrowserUnavailable as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no theme choice or clipboard carried over."""
    profile = browser.new_context(viewport=VIEWPORT)
    profile.set_default_timeout(UI_TIMEOUT)
    try:
        yield profile
    finally:
        profile.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def _reader_profile(browser):
    profile = browser.new_context(viewport=VIEWPORT)
    profile.set_default_timeout(UI_TIMEOUT)
    # Every page opens with nothing stored, as in a fresh profile: no theme choice carried over.
    profile.add_init_script("try { localStorage.clear(); } catch (error) {}")
    try:
        yield profile
    finally:
        profile.close()


@pytest.fixture
def reader_tab(_reader_profile):
    """One tab that reads page after page, as a reader clicking through the site does: the
    browser's cache and compiled scripts carry over from page to page, which is most of what
    a page costs in a fresh profile (19 pages: 41 -> 17 CPU-seconds). What a page stores (the
    theme choice) does not: it is cleared before each page's own scripts run. A closed tab is
    replaced."""
    open_tabs = [tab for tab in _reader_profile.pages if not tab.is_closed()]
    return open_tabs[0] if open_tabs else _reader_profile.new_page()
