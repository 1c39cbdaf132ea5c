"""The settings `make lab` ships say what they must: a chapter (.md) opens as a notebook,
and JupyterLab does not ask about Jupyter news. Cheap: reads files, starts nothing.

The plugin ids, option names and the viewer's name are checked against the JupyterLab
and jupytext installed from requirements-lab.lock, so an upgrade that renames one of them
fails here rather than silently opening chapters in the text editor again.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.lab.conftest import OVERRIDES

DOCMANAGER = "@jupyterlab/docmanager-extension:plugin"
NOTIFICATION = "@jupyterlab/apputils-extension:notification"
JUPYTEXT_VIEWER = "Jupytext Notebook"  # the widget factory jupytext's labextension registers


@pytest.fixture(scope="module")
def overrides() -> dict:
    return json.loads(OVERRIDES.read_text())


def test_chapters_open_as_notebooks(overrides):
    viewers = overrides[DOCMANAGER]["defaultViewers"]
    # "markdown" is JupyterLab's file type for *.md (the chapters, the exercises);
    # "myst" is jupytext's for *.myst, *.mystnb, *.mnb.
    assert viewers["markdown"] == JUPYTEXT_VIEWER
    assert viewers["myst"] == JUPYTEXT_VIEWER


def test_no_news_prompt(overrides):
    # A string: the schema's choices are "true", "false" and "none" (ask, the default).
    assert overrides[NOTIFICATION]["fetchNews"] == "false"


def test_overrides_fit_the_installed_jupyterlab(overrides, lab_installed):
    for plugin_id, values in overrides.items():
        package, plugin = plugin_id.split(":")
        schema_path = lab_installed / "lab" / "schemas" / package / f"{plugin}.json"
        assert schema_path.is_file(), (
            f"{plugin_id}: the installed JupyterLab has no such plugin ({schema_path} is missing)")
        # additionalProperties is false in both schemas: a misspelt option fails here.
        jsonschema.validate(values, json.loads(schema_path.read_text()))


def test_the_viewer_is_the_one_jupytext_registers(lab_installed):
    static = lab_installed / "labextensions" / "jupyterlab-jupytext" / "static"
    bundles = "".join(path.read_text(errors="replace") for path in static.glob("*.js"))
    assert bundles, f"jupytext's JupyterLab extension is not installed ({static} has no bundle)"
    assert f'"{JUPYTEXT_VIEWER}"' in bundles, (
        f"jupytext's JupyterLab extension no longer names a viewer {JUPYTEXT_VIEWER!r}")
