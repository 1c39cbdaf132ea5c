"""Sphinx configuration. The repository root is the source: the site is built from
docs/ (pages) and notebooks/ (MyST notebooks that myst-nb executes)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).parent
# The Makefile exports GUIDE_BUILD_DIR so a benchmark can build into a scratch directory.
BUILD_DIR = Path(os.environ.get("GUIDE_BUILD_DIR", ROOT / "_build"))
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

project = "Writing a Datadog APM integration for Python"
author = "The guide's authors"
copyright = "2026, the guide's authors"

root_doc = "docs/index"
include_patterns = ["docs/**", "notebooks/*.md"]
exclude_patterns = ["_build", ".venv", "**/.ipynb_checkpoints", "docs/_ext/**"]

extensions = [
    "myst_nb",
    "sphinx_design",
    "sphinx_copybutton",
    "notebook_guard",
    "library_fingerprint",
    "execution_cache",           # executes notebooks over IPC kernels; the tests fill it too
    "root_redirect",
    "workbench_lexer",
    "workbench_replay",
    "exercise_downloads",
    "notebook_downloads",
    "execution_status_words",
    "inline_svg_outputs",
]

# --- MyST and notebook execution -------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3
nb_execution_mode = "cache"             # `make docs-force` re-executes everything
nb_execution_cache_path = str(BUILD_DIR / ".jupyter_cache")  # filled by tests/notebooks too
nb_execution_timeout = 120              # per cell; a hung call fails, it does not stall CI
nb_execution_raise_on_error = True      # a failing cell fails the build...
nb_execution_show_tb = True             # ...with its traceback on the terminal
nb_execution_allow_errors = False       # cells that should fail carry the raises-exception tag
nb_merge_streams = True

# --- HTML --------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Writing a ddtrace integration"
html_static_path = ["docs/_static"]
html_css_files = ["guide.css"]
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": True,
    "home_page_in_toc": True,
    # Left unset, pydata-sphinx-theme 0.20 adds its own top bar above the book theme's: a
    # second search field, and hidden copies of the sidebar buttons that its script binds
    # instead of the visible ones (tests/browser/test_page_controls.py).
    "navbar_persistent": [],
}
# Follow the reader's system setting until they pick a theme. Left unset, the theme's script
# logs "Got invalid theme mode" as a console error on every page (tests/browser).
html_context = {"default_mode": "auto"}

# Copy buttons copy the command or code only: no prompts, no output lines.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = False
copybutton_exclude = ".linenos, .gp, .go"

nitpicky = True
suppress_warnings = ["mystnb.unknown_mime_type"]
