"""One page, opened in the browser and inspected as a reader would meet it.

``audit(page, url, root)`` loads the page and reports what is wrong with it: a console
error or uncaught exception, a request that failed (or answered 4xx/5xx), a link to a page
or anchor of the site that does not exist, a picture that did not load, and an element
wider than its box that neither scrolls nor wraps (its content is cut off or runs past the
box's edge, out of the reader's reach); code and output boxes must wrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

# Runs in the page, on the page's content (the article, or the main column of a page that
# has none, such as search.html; the theme's chrome is the theme's business) with every dropdown opened. An element whose content is wider than its box
# (scrollWidth > clientWidth) must scroll sideways, except a code or output box (<pre>),
# which must wrap: its scrollbar shows only on hover, and a cut line reads as a whole one.
# Only the innermost of nested offenders is named. And the page itself must not be wider
# than the window.
_FIND_CLIPPED = """() => {
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + [...el.classList].slice(0, 3).map(c => '.' + c).join('');
  const content = document.querySelector('.bd-article') || document.querySelector('.bd-main')
      || document.body;
  content.querySelectorAll('details').forEach(details => { details.open = true; });
  const offenders = [];
  for (const el of [content, ...content.querySelectorAll('*')]) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const style = getComputedStyle(el);
    if (['inline', 'contents', 'none'].includes(style.display)) continue;
    if (style.visibility !== 'visible' || el.clientWidth === 0) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;   // screen-reader-only text
    const excess = el.scrollWidth - el.clientWidth;
    if (excess <= 1) continue;
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    if (scrolls && el.tagName.toLowerCase() !== 'pre') continue;   // the reader can scroll to it
    const how = scrolls ? 'scrolls sideways instead of wrapping'
      : style.overflowX === 'visible' ? 'runs past its edge' : 'is cut off';
    offenders.push({el, text: `${describe(el)} is ${excess}px too narrow for its content, which ${how}`});
  }
  const found = offenders
    .filter(({el}) => !offenders.some(other => other.el !== el && el.contains(other.el)))
    .map(({el, text}) => `${text}: "${el.innerText.trim().split('\\n')[0].slice(0, 60)}"`);
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1)
    found.push(`the page is ${page.scrollWidth - page.clientWidth}px wider than the window`);
  return found;
}"""

# Runs in the page: every picture, loaded eagerly (a lazy one below the fold would not
# load otherwise); those that fail to decode are broken.
_FIND_BROKEN_IMAGES = """async () => {
  const broken = [];
  await Promise.all([...document.images].map(async img => {
    img.loading = 'eager';
    try { await img.decode(); } catch (error) { broken.push(img.currentSrc || img.src); }
  }));
  return broken;
}"""

_LINKS = "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"


@dataclass
class PageAudit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [f"{kind.replace('_', ' ')}: {item}"
                for kind in ("console_errors", "failed_requests", "broken_links",
                             "broken_images", "clipped")
                for item in getattr(self, kind)]


def audit(page, url: str, root: Path) -> PageAudit:
    """Open ``url`` (a page of the site in ``root``, served at the top of ``url``'s origin)
    and audit it."""
    report = PageAudit(url)
    stop_listening = _listen(page, report)
    try:
        page.goto(url, wait_until="networkidle")
        report.broken_links = [link for link in dict.fromkeys(page.evaluate(_LINKS))
                               if _origin(link) == _origin(url) and not _resolves(link, root)]
        report.broken_images = page.evaluate(_FIND_BROKEN_IMAGES)
        report.clipped = clipped(page)
    finally:
        stop_listening()  # the page may go on to other URLs: their events are not this report's
    return report


def clipped(page) -> list[str]:
    """What in the page, as it is laid out now, is wider than its box and out of reach, and
    whether the page itself is wider than the window (the window's width is the caller's)."""
    return page.evaluate(_FIND_CLIPPED)


def _listen(page, report: PageAudit):
    """Record the page's errors and failed requests into ``report``; returns what stops it."""
    def on_console(message):
        # "Failed to load resource" repeats a failed request, which on_response reports.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            report.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def on_response(response):
        if response.status >= 400:
            report.failed_requests.append(f"{response.url}: HTTP {response.status}")

    def on_page_error(error):
        report.console_errors.append(f"uncaught: {error}")

    def on_request_failed(request):
        report.failed_requests.append(f"{request.url}: {request.failure}")

    handlers = {"console": on_console, "pageerror": on_page_error, "requestfailed": on_request_failed,
                "response": on_response}
    for event, handler in handlers.items():
        page.on(event, handler)

    def stop() -> None:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)

    return stop


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _resolves(link: str, root: Path) -> bool:
    """The link names a file of the site (served from ``root`` at the origin's top) and, if
    it has one, an anchor in that page."""
    address, fragment = urldefrag(link)
    path = root / unquote(urlsplit(address).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return False
    return not fragment or path.suffix != ".html" or unquote(fragment) in _anchors(path)


@lru_cache(maxsize=None)
def _anchors(page: Path) -> frozenset[str]:
    return frozenset(re.findall(r'\b(?:id|name)="([^"]+)"', page.read_text(errors="replace")))
