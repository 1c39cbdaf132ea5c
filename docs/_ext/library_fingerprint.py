"""Re-execute the notebooks when the guide's own packages change.

jupyter-cache keys an execution on the notebook's code cells, and Sphinx re-reads a page
only when its source changes. Our notebooks also run code from harness/, traceview/,
checks/, integrations/ and friends: when any of those change, the cached outputs are
stale. This extension fingerprints those sources; on a new fingerprint it drops the
execution cache and marks every notebook outdated.
"""

import hashlib
import shutil
from pathlib import Path

LIBRARY_DIRS = ("harness", "traceview", "checks", "integrations", "workbench", "templates",
                "library_support", "agent_snapshots")


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for directory in LIBRARY_DIRS:
        for path in sorted((root / directory).rglob("*.py")):
            if "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _outdated_notebooks(app, env, added, changed, removed):
    current = fingerprint(Path(app.srcdir))
    if getattr(env, "guide_library_fingerprint", None) == current:
        return []
    env.guide_library_fingerprint = current
    shutil.rmtree(app.config.nb_execution_cache_path, ignore_errors=True)
    return [d for d in env.found_docs if d.startswith("notebooks/") and d not in added | changed]


def setup(app):
    app.connect("env-get-outdated", _outdated_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
