"""The site's light and dark themes, switched as the theme's own button does: pydata-sphinx-
theme keeps the reader's choice in localStorage (read before a page is drawn) and shows it
through the `data-theme` attribute of <html>, which all its colours hang on."""

from __future__ import annotations

THEMES = ("light", "dark")

_SHOW = """theme => {
  localStorage.setItem('mode', theme);
  localStorage.setItem('theme', theme);
  document.documentElement.dataset.mode = theme;
  document.documentElement.dataset.theme = theme;
}"""


def show_theme(page, theme: str) -> None:
    """Show the loaded page in ``theme`` (and the pages opened after it)."""
    page.evaluate(_SHOW, theme)


def open_in_theme(page, url: str, theme: str) -> None:
    """Load ``url`` in ``theme``; fails if the page did not take it."""
    page.goto(url, wait_until="networkidle")
    show_theme(page, theme)
    page.reload(wait_until="networkidle")
    shown = page.evaluate("document.documentElement.dataset.theme")
    if shown != theme:
        raise AssertionError(f"{url} shows the {shown!r} theme, not {theme!r}")
