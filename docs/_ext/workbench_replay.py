"""Re-execute the chapters that replay other chapters' cells when those cells change.

A chapter that starts with ``%integration_resume 03-skeleton ...`` runs code written in
other notebooks. jupyter-cache keys an execution on the notebook's own cells, so an edit
to chapter 3's workbench cells would leave chapter 4's cached outputs stale. This
extension fingerprints every workbench step (workbench.replay); when the fingerprint
changes it marks the replaying chapters outdated (execution_cache empties the execution
cache: its records carry this fingerprint too, through library_fingerprint).

A build asks for the fingerprint many times (once per page it checks against the cache),
and parsing every chapter with jupytext is most of a small build's work: each notebook is
parsed once per text, and one without a workbench magic is not parsed at all.
"""

import hashlib
from pathlib import Path

from workbench import replay

# path -> (the text parsed, its steps); an edited notebook is parsed again.
_parsed: dict[Path, tuple[str, tuple[replay.Step, ...]]] = {}


def _steps_in(path: Path) -> tuple[replay.Step, ...]:
    text = path.read_text()
    if replay.FILE_MAGIC not in text and replay.SCAFFOLD_MAGIC not in text:
        return ()  # every step starts with one of the two magics
    known = _parsed.get(path)
    if known and known[0] == text:
        return known[1]
    steps = tuple(replay.steps_in(path))
    if path.read_text() == text:  # not edited while it was parsed
        _parsed[path] = (text, steps)
    return steps


def fingerprint(notebook_dir: Path = replay.NOTEBOOK_DIR) -> str:
    digest = hashlib.sha256()
    for path in sorted(notebook_dir.glob("*.md")):  # the chapters in order, as replay.all_steps
        for step in _steps_in(path):
            digest.update(repr((step.chapter, step.kind, step.file, step.source, step.library)).encode())
    return digest.hexdigest()


def _replaying_chapters(env) -> list[str]:
    chapters = []
    for docname in env.found_docs:
        if docname.startswith("notebooks/"):
            path = Path(env.doc2path(docname))
            if path.exists() and "%integration_resume" in path.read_text():
                chapters.append(docname)
    return chapters


def _outdated(app, env, added, changed, removed):
    current = fingerprint(Path(app.srcdir) / "notebooks")
    if getattr(env, "guide_workbench_fingerprint", None) == current:
        return []
    env.guide_workbench_fingerprint = current
    return [d for d in _replaying_chapters(env) if d not in added | changed]


def setup(app):
    app.connect("env-get-outdated", _outdated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
