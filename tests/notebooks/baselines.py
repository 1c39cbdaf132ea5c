"""Committed output baselines for the MyST notebooks.

A MyST notebook (.md) holds no outputs, so each one's expected outputs live beside the
tests as JSON: for every code cell, the outputs a reader sees in plain text. Rich forms
(HTML, SVG, PNG) are for people and carry timings; they are not stored or compared.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import nbformat

from tests.notebooks.normalize import DIFF_REPLACE

BASELINE_DIR = Path(__file__).parent / "baselines"
COMPARED_MIME_TYPES = ("text/plain",)
REGENERATE = "make notebook-baselines   (or: .venv/bin/python -m pytest tests/notebooks --nb-force-regen -k NAME)"


def baseline_path(notebook: Path, baseline_dir: Path = BASELINE_DIR) -> Path:
    return baseline_dir / f"{notebook.stem}.json"


def _plain(output: dict) -> dict:
    output = {k: v for k, v in output.items() if k not in ("execution_count", "metadata", "transient")}
    if "data" in output:
        output["data"] = {k: v for k, v in output["data"].items() if k in COMPARED_MIME_TYPES}
    return output


def _with_metadata(output: dict) -> dict:
    # Not stored (empty, or ignored when comparing), but the notebook format requires them.
    if output["output_type"] == "execute_result":
        return {"execution_count": None, **output, "metadata": {}}
    if output["output_type"] == "display_data":
        return {**output, "metadata": {}}
    return output


def with_baseline_outputs(executed: nbformat.NotebookNode, notebook: Path,
                          baseline_dir: Path = BASELINE_DIR) -> nbformat.NotebookNode:
    """A copy of the executed notebook holding the baseline's outputs instead of its own
    (a code cell with no recorded entry holds none): the two differ only in outputs."""
    expected = copy.deepcopy(executed)
    path = baseline_path(notebook, baseline_dir)
    recorded = json.loads(path.read_text()) if path.exists() else []
    code_cells = [c for c in expected.cells if c.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        entry = recorded[index] if index < len(recorded) else {"outputs": []}
        cell.outputs = [nbformat.from_dict(_with_metadata(o)) for o in entry["outputs"]]
    return expected


def _masked(output: dict) -> dict:
    """Stored with volatile values already masked, so re-recording does not churn the file."""
    def mask(text: str) -> str:
        for _path, pattern, replacement in DIFF_REPLACE:
            text = re.sub(pattern, replacement, text)
        return text
    if "text" in output:
        output["text"] = mask(output["text"])
    for mime, value in output.get("data", {}).items():
        output["data"][mime] = mask(value)
    return output


def save_baseline(notebook: Path, executed: nbformat.NotebookNode,
                  baseline_dir: Path = BASELINE_DIR) -> Path:
    cells = [{"source": c.source.splitlines()[0] if c.source else "",
              "outputs": [_masked(_plain(o)) for o in c.outputs]}
             for c in executed.cells if c.cell_type == "code"]
    path = baseline_path(notebook, baseline_dir)
    path.write_text(json.dumps(cells, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return path
