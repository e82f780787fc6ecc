#!/usr/bin/env bash
# Create one tracker's virtual environment from the pinned requirement files and record how long
# the install took, where the probe's `environment` command reads it (reprotree-install.json).
#
#   measure/make-venv.sh TRACKER DIR [--keras] [--dev] [--python PYTHON] [--progress]
#
# --keras adds requirements/keras.txt (TensorFlow, Keras), --dev adds requirements/dev.txt
# (pytest, ruff). PYTHON defaults to python3. An existing DIR is reused when it was made from the
# same files; otherwise it is made anew. A tracker whose own pins conflict with TensorFlow's has
# requirements/TRACKER-keras.txt: one complete pinned set used instead of TRACKER.txt and
# keras.txt, installed exactly as listed (--no-deps), since pip's resolver refuses the conflict
# that the file documents.
# --progress lets pip print a line per package ("Collecting NAME==VERSION") on stdout, which
# `reprotree measure` counts to show progress.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
usage() { echo "usage: $0 TRACKER DIR [--keras] [--dev] [--python PYTHON] [--progress]" >&2; exit 2; }
[ $# -ge 2 ] || usage
tracker="$1"; dir="$2"; shift 2
python=python3
quiet=--quiet
files=("requirements/$tracker.txt")
pip_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keras)
      if [ -f "$here/requirements/$tracker-keras.txt" ]; then
        files=("requirements/$tracker-keras.txt" "${files[@]:1}"); pip_options+=(--no-deps)
      else
        files+=("requirements/keras.txt")
      fi ;;
    --dev) files+=("requirements/dev.txt") ;;
    --python) [ $# -ge 2 ] || usage; python="$2"; shift ;;
    --progress) quiet=--progress-bar=off ;;
    *) usage ;;
  esac
  shift
done
if [ ! -f "$here/requirements/$tracker.txt" ]; then
  echo "make-venv.sh: no requirements/$tracker.txt; trackers with one: $(cd "$here/requirements" && ls | grep -v -e base -e dev -e keras | sed 's/\.txt$//' | tr '\n' ' ')" >&2
  exit 2
fi
included=(requirements/base.txt)
[ ${#pip_options[@]} -eq 0 ] || included+=(requirements/keras.txt)  # included by TRACKER-keras.txt
stamp="$(cd "$here" && cat "${included[@]}" "${files[@]}" | sha256sum | cut -c1-16) $("$python" -c 'import sys; print(sys.version.split()[0])')"
if [ -f "$dir/reprotree-install.json" ] && [ "$(cat "$dir/.reprotree-stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "make-venv.sh: $dir is up to date" >&2
  exit 0
fi
rm -rf "$dir"
now() { "$python" -c 'import time; print(time.time())'; }
start=$(now)
"$python" -m venv "$dir"
args=()
for f in "${files[@]}"; do args+=(-r "$here/$f"); done
"$dir/bin/python" -m pip install "$quiet" --disable-pip-version-check --no-input ${pip_options[@]+"${pip_options[@]}"} "${args[@]}"
seconds=$("$python" -c "print(round($(now) - $start, 1))")
printf '{"seconds": %s, "requirements": [%s]}\n' "$seconds" \
  "$(printf '"measure/%s",' "${files[@]}" | sed 's/,$//')" > "$dir/reprotree-install.json"
echo "$stamp" > "$dir/.reprotree-stamp"
echo "make-venv.sh: $dir made in ${seconds%.*} s from ${files[*]}" >&2
