#!/usr/bin/env bash
# CI for the Python probes: make MLflow's environment from the pinned requirement files (plus
# pytest, ruff and mypy), lint, type-check, and run every test, including a real offline MLflow
# auto-logging run end to end (tests/test_e2e_mlflow.py). Keras is not installed here; it
# belongs to the full run only.
#
#   bash measure/ci.sh            PYTHON=python3.11 bash measure/ci.sh
#
# The environment is kept in $REPROTREE_VENVS (default ~/.cache/reprotree/venvs) and reused
# while the requirement files are unchanged.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys, venv; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "measure/ci.sh: needs Python 3.10 or newer with venv as \$PYTHON or python3; found: $("$python" --version 2>&1 || echo none)" >&2
  exit 2
fi
venvs="${REPROTREE_VENVS:-${XDG_CACHE_HOME:-$HOME/.cache}/reprotree/venvs}"
start=$(date +%s)
"$here/make-venv.sh" mlflow "$venvs/mlflow-dev" --dev --python "$python"
cd "$here"
"$venvs/mlflow-dev/bin/ruff" check .
"$venvs/mlflow-dev/bin/ruff" format --check .
"$venvs/mlflow-dev/bin/python" -m mypy
"$venvs/mlflow-dev/bin/python" -m pytest
echo "measure/ci.sh: done in $(( $(date +%s) - start )) s"
