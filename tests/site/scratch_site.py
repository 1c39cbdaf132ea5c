"""A scratch copy of the site: the real configuration (conf.py and docs/_ext) with pages of a
test's own, built as `make test-site` builds (-n -W --keep-going)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRONT_MATTER = (ROOT / "notebooks" / "00-setup.md").read_text().split("---\n")[1]


def notebook(body: str) -> str:
    """A MyST notebook page (the chapters' front matter) with ``body``."""
    return f"---\n{FRONT_MATTER}---\n\n# Page\n\n{textwrap.dedent(body)}"


def build(folder: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    """Build ``pages`` (name -> text, each under notebooks/) in ``folder`` into folder/_build/html."""
    shutil.copy(ROOT / "conf.py", folder / "conf.py")
    shutil.copytree(ROOT / "docs" / "_ext", folder / "docs" / "_ext", dirs_exist_ok=True)
    (folder / "docs" / "_static").mkdir(exist_ok=True)
    (folder / "docs" / "_static" / "guide.css").write_text("")
    toctree = "\n".join(f"../notebooks/{name}" for name in pages)
    (folder / "docs" / "index.md").write_text(f"# Index\n\n```{{toctree}}\n{toctree}\n```\n")
    (folder / "notebooks").mkdir(exist_ok=True)
    for name, text in pages.items():
        (folder / "notebooks" / f"{name}.md").write_text(textwrap.dedent(text))
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "html",
         str(folder), str(folder / "_build" / "html")],
        capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "GUIDE_BUILD_DIR": str(folder / "_build"), "HOME": str(folder)})
