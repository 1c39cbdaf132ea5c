"""The buttons around a page work at every width: the navigation button hides and shows the
chapter list, on a phone it and the contents button open their drawers, and one search
control shows, never two.

sphinx-book-theme 1.4 with pydata-sphinx-theme 0.20 renders pydata's top bar as well as its
own article header unless conf.py empties ``navbar_persistent``: a second search field on
wide screens, and a second, hidden set of sidebar toggles that the theme's script binds
instead of the visible ones, so the visible buttons did nothing (and a phone reader could not
reach the chapter list at all)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, TimeoutError as PlaywrightTimeout

from tests.browser.site_pages import PHONE, VIEWPORT, site_pages

NARROW = {"width": 1100, "height": 900}   # below 1200 px: the contents become a drawer
SEARCH_CONTROLS = ".search-button__button:visible"


def _a_chapter(root) -> str:
    return next(name for name in site_pages(root) if name.startswith("notebooks/"))


def _becomes(panel: Locator, state: str, after: str) -> None:
    try:
        panel.wait_for(state=state)
        return
    except PlaywrightTimeout:
        pass  # failed below, outside the handler: the timeout's own traceback says nothing more
    pytest.fail(f"{after}, the panel did not become {state}: the button does nothing. When the "
                "theme renders a hidden copy of the button too, its script binds the copy: see "
                "navbar_persistent in conf.py.", pytrace=False)


@pytest.fixture
def chapter_page(site, page):
    root, url = site
    page.goto(url + _a_chapter(root))
    return page


def test_the_navigation_button_hides_and_shows_the_chapter_list(chapter_page):
    toggle = chapter_page.locator(".primary-toggle:visible")
    chapters = chapter_page.locator(".bd-sidebar-primary")
    assert toggle.count() == 1, "the page shows no navigation button, or more than one"
    assert chapters.is_visible()
    toggle.click()
    _becomes(chapters, "hidden", "clicking the navigation button once")
    toggle.click()
    _becomes(chapters, "visible", "clicking it again")


@pytest.mark.parametrize("button, drawer", [
    (".primary-toggle", ".bd-sidebar-primary"),
    (".secondary-toggle", ".bd-sidebar-secondary"),
], ids=["chapter list", "contents"])
def test_on_a_phone_each_button_opens_its_drawer(chapter_page, button, drawer):
    chapter_page.set_viewport_size(PHONE)
    panel = chapter_page.locator(drawer)
    panel.wait_for(state="hidden")
    chapter_page.locator(f"{button}:visible").click()
    _becomes(panel, "visible", f"clicking {button} at {PHONE['width']} px")
    chapter_page.keyboard.press("Escape")
    _becomes(panel, "hidden", "pressing Escape")


@pytest.mark.parametrize("window", [VIEWPORT, NARROW, PHONE], ids=lambda window: f"{window['width']} px")
def test_one_search_control_shows(chapter_page, window):
    chapter_page.set_viewport_size(window)
    shown = chapter_page.locator(SEARCH_CONTROLS)
    assert shown.count() == 1, f"{shown.count()} search controls show at {window['width']} px"
