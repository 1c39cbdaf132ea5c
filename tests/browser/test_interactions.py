"""What a reader does on the built site, done in Chromium: search, open a solution, copy a
cell, hover a waterfall bar. Each test finds its page in the build (the first chapter with
the thing it needs), so new chapters change nothing here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.site_pages import site_pages

WATERFALL_BAR = ".cell_output svg.notebook-svg rect:has(> title)"


def _chapters(root: Path) -> list[str]:
    return [name for name in site_pages(root) if name.startswith("notebooks/")]


def _first_chapter_with(root: Path, marker: str) -> str:
    for name in _chapters(root):
        if marker in (root / name).read_text(errors="replace"):
            return name
    pytest.fail(f"no chapter of {root} contains {marker!r}: the site lost what this test needs")


def _word_from(root: Path, chapter: str) -> str:
    """A long word of the chapter's first paragraph: a term a reader could search for."""
    html = (root / chapter).read_text()
    article = html[html.index('<article class="bd-article"'):]
    paragraph = re.sub(r"<[^>]+>", " ", re.search(r"<p>(.*?)</p>", article, re.S).group(1))
    return max(re.findall(r"[A-Za-z]{6,}", paragraph), key=len)


def test_search_finds_a_term_from_a_chapter(site, page):
    root, url = site
    chapter = _chapters(root)[-1]
    term = _word_from(root, chapter)
    page.goto(url + "docs/index.html")
    page.locator(".search-button__button:visible").first.click()
    page.keyboard.type(term)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q="))
    hit = page.locator(f'#search-results a[href*="{chapter.removesuffix(".html")}"]')
    hit.first.wait_for()
    assert hit.count() >= 1, f"searching {term!r} does not list {chapter}"


def test_a_solution_dropdown_opens(site, page):
    root, url = site
    chapter = _first_chapter_with(root, "sd-dropdown")
    page.goto(url + chapter)
    dropdown = page.locator("details.sd-dropdown").first
    body = dropdown.locator(".sd-summary-content")
    assert dropdown.get_attribute("open") is None and not body.is_visible()
    dropdown.locator("summary").click()
    body.wait_for(state="visible")
    assert dropdown.get_attribute("open") is not None


def test_a_copy_button_copies_the_cells_code(site, context):
    root, url = site
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    chapter = _first_chapter_with(root, "cell_input")
    page.goto(url + chapter)
    cell = page.locator(".cell_input .highlight").first
    cell.hover()
    cell.locator("button.copybtn").click()
    code = cell.locator("pre").inner_text()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.strip() and copied.strip(), (copied, code)


def test_hovering_a_waterfall_bar_shows_the_spans_duration(site, page):
    root, url = site
    chapter = _first_chapter_with(root, "µs)</title>")
    page.goto(url + chapter)
    bar = page.locator(WATERFALL_BAR).filter(has_text="µs").first
    bar.scroll_into_view_if_needed()
    tip = page.locator(".svg-tip")
    assert not tip.is_visible()
    bar.hover()
    tip.wait_for(state="visible")
    assert re.search(r"\(\d+ µs\)$", tip.inner_text()), tip.inner_text()
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
