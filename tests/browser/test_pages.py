"""Every page of the built site, opened in Chromium: it loads with no console error and no
failed request, its links to the site and its pictures resolve, nothing wider than its box
is out of reach (tests/browser/audit.py), its tables and pictures read in the light and the
dark theme (tests/browser/readability.py), and at a phone's width the audit's clipping
check passes too. test_audit.py and test_readability.py show each check failing on a page
broken on purpose. The pages are those the build wrote, found at collection time.
"""

from __future__ import annotations

from pathlib import Path

from tests.browser.audit import audit, clipped
from tests.browser.readability import unreadable
from tests.browser.site_pages import PHONE, VIEWPORT
from tests.browser.theme import THEMES, show_theme

REPO = Path(__file__).resolve().parents[2]


def _clipped_on_a_phone(tab) -> list[str]:
    tab.set_viewport_size(PHONE)
    try:
        return clipped(tab)  # the audit's own finder, at a phone's width
    finally:
        tab.set_viewport_size(VIEWPORT)  # the reader tab reads the next page at a laptop's width


def test_page_reads_cleanly(site, reader_tab, site_page):
    root, url = site
    problems = audit(reader_tab, url + site_page, root).problems()
    for theme in THEMES:
        show_theme(reader_tab, theme)
        problems += [f"{theme} theme: {problem}" for problem in unreadable(reader_tab)]
    problems += [f"at {PHONE['width']} px: {problem}; let it wrap or shrink (docs/_static/guide.css)"
                 for problem in _clipped_on_a_phone(reader_tab)]
    assert not problems, f"{site_page}:\n  " + "\n  ".join(problems)


def test_every_chapter_has_a_page(site):
    """The pages found are the whole guide: a chapter of notebooks/ without a page (a stale
    site, a wrong folder) fails here rather than leaving it unchecked."""
    root, _ = site
    chapters = sorted(path.stem for path in (REPO / "notebooks").glob("*.md"))
    missing = [stem for stem in chapters if not (root / "notebooks" / f"{stem}.html").is_file()]
    assert chapters and not missing, f"chapters without a page in {root}: {missing}"


def test_the_reader_tab_opens_each_page_as_a_fresh_profile_would(site, reader_tab, page):
    """test_page_reads_cleanly audits each page in the theme a reader meets first: the dark
    theme chosen on the page before must not carry over into the next page's audit."""
    _, url = site
    stored = "() => [localStorage.getItem('mode'), localStorage.getItem('theme'), document.documentElement.dataset.theme]"
    page.goto(url + "genindex.html", wait_until="networkidle")  # `page`: a profile of its own
    fresh = page.evaluate(stored)
    reader_tab.goto(url + "index.html", wait_until="networkidle")
    show_theme(reader_tab, "dark")
    reader_tab.goto(url + "genindex.html", wait_until="networkidle")
    assert reader_tab.evaluate(stored) == fresh, "the theme chosen on the page before carried over"
    assert "dark" not in fresh
