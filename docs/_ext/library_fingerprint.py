"""Re-execute the notebooks when the guide's own packages change.

jupyter-cache keys an execution on the notebook's code cells, and Sphinx re-reads a page
only when its source changes. Our notebooks also run code from harness/, traceview/,
checks/, integrations/ and friends: when any of those change, the cached outputs are
stale. This extension fingerprints those sources and marks every notebook outdated on a
new fingerprint; execution_cache empties the execution cache itself (its records carry
the fingerprint they ran under, so a fresh doctree folder does not throw them away).
"""

import hashlib
from pathlib import Path

import workbench_replay

LIBRARY_DIRS = ("harness", "traceview", "checks", "integrations", "workbench", "templates",
                "library_support", "agent_snapshots", "chapter_helpers", "crosswalk", "benchmarks")
LIBRARY_FILES = ("riotfile.py",)  # chapter 11 reads the version matrix from it


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    paths = [path for directory in LIBRARY_DIRS for path in sorted((root / directory).rglob("*.py"))]
    paths += [root / name for name in LIBRARY_FILES if (root / name).is_file()]
    for path in paths:
        if "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def execution_fingerprint(root: Path) -> str:
    """What every cached execution depends on beyond its own cells: the guide's packages,
    and the workbench cells that chapters replay from other chapters (the guide's at
    ``root``: a scratch project's own notebooks, not the real guide's)."""
    replayed = workbench_replay.fingerprint(root / "notebooks")
    return hashlib.sha256(f"{fingerprint(root)} {replayed}".encode()).hexdigest()


def _outdated_notebooks(app, env, added, changed, removed):
    current = fingerprint(Path(app.srcdir))
    if getattr(env, "guide_library_fingerprint", None) == current:
        return []
    env.guide_library_fingerprint = current
    return [d for d in env.found_docs if d.startswith("notebooks/") and d not in added | changed]


def setup(app):
    app.connect("env-get-outdated", _outdated_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
