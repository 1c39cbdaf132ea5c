"""The execution report's statuses read without an emoji font. (That every page's tables
and pictures read in both themes is checked page by page in test_pages.py.)"""

from __future__ import annotations

from tests.browser.glyphs import missing_glyphs

STATUS_WORDS = {"✓ passed", "✗ failed"}


def test_the_execution_reports_statuses_read_without_an_emoji_font(site, page):
    _, url = site
    page.goto(url + "docs/execution-report.html")
    statuses = page.locator("table .exec-status")
    notebooks = page.locator("table tbody tr")
    assert statuses.count() == notebooks.count() > 0, "a row of the report has no status in words"
    assert set(statuses.all_inner_texts()) <= STATUS_WORDS, statuses.all_inner_texts()
    assert missing_glyphs(page, "table tbody td") == []


def test_the_glyph_check_finds_a_character_no_font_has(page):
    """U+E000 (private use) is in no font: drawn, it is the missing-glyph box."""
    page.set_content('<table><tr><td class="exec-status">\ue000 passed</td></tr></table>')
    assert missing_glyphs(page, "td") == ['U+E000 in "\ue000 passed"']
