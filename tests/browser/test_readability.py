"""The readability measure (tests/browser/readability.py) finds dark-on-dark text in a
table and in an inline SVG, and a light-page picture on a dark page; and passes them all
on a light page. Without this, the dark-theme test of the site could pass by measuring nothing."""

from __future__ import annotations

import pytest

from tests.browser.readability import unreadable
from tests.browser.static_server import serving

PICTURE = ('<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20">'
           '<text x="2" y="15">drawn in black</text></svg>')
TABLE = '<table><tr><th>span</th><td style="color: #333">memcached.command</td></tr></table>'
INLINE_SVG = ('<svg width="200" height="20"><text x="2" y="15">get key</text>'
              '<text x="120" y="15" fill="currentColor">1.2 ms</text></svg>')
PICTURE_TAG = '<img src="picture.svg" alt="a picture">'


def _page(background: str, body: str) -> str:
    return (f'<!doctype html><html><head><link rel="icon" href="data:,"></head>'
            f'<body style="background: {background}; color: #ddd">{body}</body></html>')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("readability")
    (root / "picture.svg").write_text(PICTURE)
    for name, body in {"table": TABLE, "svg": INLINE_SVG, "picture": PICTURE_TAG}.items():
        (root / f"dark-{name}.html").write_text(_page("#14181e", body))
        (root / f"light-{name}.html").write_text(
            _page("#fff", body).replace("color: #ddd", "color: #222"))
    with serving(root) as url:
        yield url


@pytest.mark.parametrize("name", ["table", "svg", "picture"])
def test_light_page_reads(site, page, name):
    page.goto(f"{site}light-{name}.html")
    assert unreadable(page) == []


@pytest.mark.parametrize("name, expected", [("table", '"memcached.command" (td)'),
                                            ("svg", '"get key" (text)'),
                                            ("picture", "picture picture.svg")])
def test_dark_page_fault_is_found(site, page, name, expected):
    page.goto(f"{site}dark-{name}.html")
    found = unreadable(page)
    assert len(found) == 1 and found[0].startswith(expected), found
