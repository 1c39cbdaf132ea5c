"""Re-execute the chapters that replay other chapters' cells when those cells change.

A chapter that starts with ``%integration_resume 03-skeleton ...`` runs code written in
other notebooks. jupyter-cache keys an execution on the notebook's own cells, so an edit
to chapter 3's workbench cells would leave chapter 4's cached outputs stale. This
extension fingerprints every workbench step (workbench.replay); when the fingerprint
changes it marks the replaying chapters outdated (execution_cache empties the execution
cache: its records carry this fingerprint too, through library_fingerprint).
"""

import hashlib

from workbench import replay


def fingerprint(notebook_dir=replay.NOTEBOOK_DIR) -> str:
    digest = hashlib.sha256()
    for step in replay.all_steps(notebook_dir):
        digest.update(repr((step.chapter, step.kind, step.file, step.source, step.library)).encode())
    return digest.hexdigest()


def _replaying_chapters(env) -> list[str]:
    chapters = []
    for docname in env.found_docs:
        if docname.startswith("notebooks/"):
            path = replay.NOTEBOOK_DIR / f"{docname.split('/', 1)[1]}.md"
            if path.exists() and "%integration_resume" in path.read_text():
                chapters.append(docname)
    return chapters


def _outdated(app, env, added, changed, removed):
    current = fingerprint()
    if getattr(env, "guide_workbench_fingerprint", None) == current:
        return []
    env.guide_workbench_fingerprint = current
    return [d for d in _replaying_chapters(env) if d not in added | changed]


def setup(app):
    app.connect("env-get-outdated", _outdated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
