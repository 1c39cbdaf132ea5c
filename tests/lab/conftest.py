"""What every test of `make lab` needs: the lab packages (requirements-lab.lock) in this
Python. Missing, they fail the test with the command that installs them; never a skip."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# The settings `make lab` ships (scripts/lab.sh puts jupyter/ first on JUPYTER_CONFIG_PATH).
OVERRIDES = REPO / "jupyter" / "labconfig" / "default_setting_overrides.json"
# Where JupyterLab and its pre-built extensions install their schemas and bundles.
LAB_SHARE = Path(sys.prefix) / "share" / "jupyter"


@pytest.fixture(scope="session")
def lab_installed() -> Path:
    missing = [name for name in ("jupyterlab", "jupytext") if importlib.util.find_spec(name) is None]
    if missing:
        pytest.fail(f"{' and '.join(missing)} not installed in {sys.prefix}: the lab tests need "
                    "requirements-lab.lock. Run `make test-lab` (or `make lab-venv`), which "
                    "installs it into .venv.", pytrace=False)
    return LAB_SHARE
