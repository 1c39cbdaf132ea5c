"""Which pages a built site has, and the window they are looked at in."""

from __future__ import annotations

from pathlib import Path

VIEWPORT = {"width": 1400, "height": 900}  # a laptop; wide enough for the theme's three columns
PHONE = {"width": 400, "height": 800}     # below 768 px the theme's sidebars become drawers


def site_pages(root: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to its root. Folders starting
    with '_' are Sphinx's and the theme's (static files, sources, downloads), not pages."""
    return sorted(str(path.relative_to(root)) for path in root.rglob("*.html")
                  if not path.relative_to(root).parts[0].startswith("_"))
