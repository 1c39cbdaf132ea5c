"""`make screenshots`: one full-page PNG of every page of a built site, light and dark.

    python -m tests.browser.screenshots --site _build/html --out _build/screenshots

Writes <out>/<light|dark>/<page path, '/' as '--'>.png, e.g. light/notebooks--04-tracing-commands.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.browser.chromium import BrowserUnavailable, launched
from tests.browser.site_pages import VIEWPORT, site_pages
from tests.browser.static_server import serving
from tests.browser.theme import THEMES, open_in_theme


def shoot(site: Path, out: Path) -> list[Path]:
    pages = [page for page in site_pages(site) if page != "index.html"]  # the root only redirects
    written = []
    with serving(site) as url, launched() as browser:
        for theme in THEMES:
            (out / theme).mkdir(parents=True, exist_ok=True)
            context = browser.new_context(viewport=VIEWPORT)
            try:
                page = context.new_page()
                for name in pages:
                    open_in_theme(page, url + name, theme)
                    path = out / theme / (name.removesuffix(".html").replace("/", "--") + ".png")
                    page.screenshot(path=path, full_page=True)
                    written.append(path)
            finally:
                context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the built site's folder")
    parser.add_argument("--out", type=Path, required=True, help="where the PNGs go")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"error: no built site in {args.site}: run `make docs` first", file=sys.stderr)
        return 2
    try:
        written = shoot(args.site.resolve(), args.out)
    except BrowserUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{len(written)} screenshots of {len(written) // len(THEMES)} pages in {args.out}/"
          f"{{{','.join(THEMES)}}}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
