#!/usr/bin/env bash
# JupyterLab on the repository, as `make lab` runs it and tests/lab tests it.
#
# - The project's settings come first in Jupyter's config path: jupyter/labconfig/
#   default_setting_overrides.json opens .md chapters as notebooks (jupytext) and turns the
#   "Jupyter news?" prompt off. They are defaults: the Settings editor still overrides them.
# - Everything Jupyter writes at run time (user settings, workspaces, runtime and kernel
#   connection files, IPython history) goes under $LAB_STATE (default .lab/, git-ignored),
#   never under ~/.jupyter, ~/.local/share/jupyter or ~/.ipython.
# - The server's root is the repository, so notebooks/ and exercises/ are both reachable;
#   the page opens on notebooks/. A kernel's working directory is its notebook's folder.
#
# Extra arguments go to `jupyter lab` (`make lab LAB_ARGS="--port=8890 --no-browser"`).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv=${VENV:-$repo/.venv}
case $venv in /*) ;; *) venv=$repo/$venv ;; esac

if ! "$venv/bin/python" -c 'import jupyterlab, jupytext' 2>/dev/null; then
  echo "error: JupyterLab and jupytext are not installed in $venv." >&2
  echo "  run: make lab (it installs requirements-lab.lock into $venv)" >&2
  exit 1
fi

state=${LAB_STATE:-$repo/.lab}
case $state in /*) ;; *) state=$repo/$state ;; esac
mkdir -p "$state"

export JUPYTER_CONFIG_PATH=$repo/jupyter
export JUPYTER_CONFIG_DIR=$state/config
export JUPYTER_DATA_DIR=$state/data
export JUPYTER_RUNTIME_DIR=$state/runtime
export IPYTHONDIR=$state/ipython
export JP_LSP_VIRTUAL_DIR=$state/virtual_documents
unset JUPYTERLAB_SETTINGS_DIR JUPYTERLAB_WORKSPACES_DIR JUPYTER_PREFER_ENV_PATH

root=()
[ "$(id -u)" -eq 0 ] && root=(--allow-root)
cd "$repo"
exec "$venv/bin/jupyter-lab" --ip=127.0.0.1 --ServerApp.root_dir="$repo" \
  --LabApp.default_url=/lab/tree/notebooks "${root[@]}" "$@"
