"""The page audit finds each fault on a small page broken on purpose, and nothing on a
good one: without these, a pass of test_pages.py would prove nothing. They read the pages
in the one tab test_pages.py reads the site in (conftest's reader_tab), one page after
another, so what that tab carries over from page to page (its cache, a late event of the
page before) is under test too: each report must hold its own page's fault and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.audit import audit
from tests.browser.static_server import serving

# A 1x1 PNG: the smallest real picture.
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e3ea9c1f"
                      "0000000049454e44ae426082")
LONG = "x" * 400

# An empty icon: without one the browser asks for /favicon.ico.
HEAD = '<!doctype html><html><head><link rel="icon" href="data:,"></head>'
GOOD = f"""{HEAD}<body>
<h1 id="top">A good page</h1>
<p>A <a href="good.html#top">link to an anchor</a>, <a href="./">the folder</a> and
<a href="https://example.invalid/">an external site</a> (not followed).</p>
<img src="pixel.png" alt="a pixel" loading="lazy" style="margin-top: 3000px">
<pre style="width: 300px; white-space: pre-wrap; overflow-wrap: anywhere">{LONG}</pre>
<div style="width: 300px; overflow-x: auto"><table><tr><td>{LONG}</td></tr></table></div>
<p style="width: 300px; overflow-wrap: anywhere">{LONG}</p>
<span class="visually-hidden" style="position:absolute;width:1px;height:1px;overflow:hidden">
{LONG}</span>
</body></html>"""

# Each broken page: the fault, and the field of the audit that must report it.
BROKEN = {
    "console-error": ("<script>console.error('broken on purpose')</script>", "console_errors"),
    "uncaught-exception": ("<script>throw new Error('broken on purpose')</script>", "console_errors"),
    "missing-script": ('<script src="no-such-script.js"></script>', "failed_requests"),
    "missing-page": ('<a href="no-such-page.html">gone</a>', "broken_links"),
    "missing-anchor": ('<a href="good.html#no-such-anchor">gone</a>', "broken_links"),
    "undecodable-image": ('<img src="not-a-picture.png" alt="broken">', "broken_images"),
    "undecodable-lazy-image": ('<img src="not-a-picture.png" alt="broken" loading="lazy" '
                               'style="margin-top: 3000px">', "broken_images"),
    "clipped-hidden": (f'<div style="width: 300px; overflow: hidden"><pre style="overflow: visible">'
                       f"{LONG}</pre></div>", "clipped"),
    "spills-past-box": (f'<pre style="width: 300px; overflow: visible">{LONG}</pre>', "clipped"),
    "code-box-scrolls": (f'<pre style="width: 300px; overflow-x: auto">{LONG}</pre>', "clipped"),
    "closed-dropdown": (f'<details><summary>Solution</summary><pre style="width: 300px; '
                        f'overflow-x: auto">{LONG}</pre></details>', "clipped"),
    "page-wider-than-window": ('<div style="width: 3000px">wide</div>', "clipped"),
    "wide-picture": ('<div style="width: 300px"><img src="pixel.png" style="width: 900px" alt="wide">'
                     "</div>", "clipped"),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("broken-site")
    (root / "pixel.png").write_bytes(PIXEL)
    (root / "not-a-picture.png").write_text("this is not a PNG")
    (root / "index.html").write_text(f"{HEAD}<title>index</title>")
    (root / "good.html").write_text(GOOD)
    for name, (body, _) in BROKEN.items():
        (root / f"{name}.html").write_text(f"{HEAD}<body><h1>{name}</h1>{body}"
                                           "</body></html>")
    with serving(root) as url:
        yield root, url


def test_a_good_page_has_no_problems(pages, reader_tab):
    root, url = pages
    assert audit(reader_tab, f"{url}good.html", root).problems() == []


@pytest.mark.parametrize("name", BROKEN)
def test_each_fault_is_reported(pages, reader_tab, name):
    root, url = pages
    report = audit(reader_tab, f"{url}{name}.html", root)
    kind = BROKEN[name][1]
    assert getattr(report, kind), f"{name}: nothing in {kind}; the audit says {report.problems()}"
    # Only that fault: each check stands on its own.
    assert all(item.startswith(kind.replace("_", " ")) for item in report.problems()), report.problems()
