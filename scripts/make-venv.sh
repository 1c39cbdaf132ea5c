#!/usr/bin/env bash
# Create the guide's virtual environment from requirements.lock.
# uv installs the lock in seconds; if uv cannot be had, pip installs the same pins.
set -euo pipefail
venv=${1:-.venv}
python=${PYTHON:-python3}

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: the guide needs Python 3.11 or newer; '$python' is $("$python" --version 2>&1)." >&2
  echo "  run: make PYTHON=python3.11 (or any python3.11+ on PATH)" >&2
  exit 1
fi

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
# --compile-bytecode: every check, notebook kernel and test child is a fresh Python process
# importing ddtrace; without .pyc files (uv writes none by default, and PYTHONDONTWRITEBYTECODE
# stops Python writing them) each one compiles the same few hundred modules again.
if "$venv/bin/python" -m pip install -q "uv==${UV_VERSION:-0.13.8}" 2>/dev/null; then
  "$venv/bin/uv" pip sync -q --compile-bytecode -p "$venv/bin/python" requirements.lock
else
  echo "make-venv: uv unavailable, installing the lock with pip" >&2
  # --no-deps: the lock is complete, and it deliberately leaves rfc3987-syntax out.
  "$venv/bin/python" -m pip install -q --no-deps -r requirements.lock
fi

# The repository root on the venv's path: notebooks, tests and the checks CLI import
# harness, traceview, checks and the integration from any working directory.
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
pwd > "$site/guide-repo.pth"
