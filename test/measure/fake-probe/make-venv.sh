#!/usr/bin/env bash
# Test double of measure/make-venv.sh: same arguments, same stamp file, no pip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tracker="$1"; dir="$2"; shift 2
python=python3; progress=0; files=("requirements/$tracker.txt")
while [ $# -gt 0 ]; do
  case "$1" in
    --keras) files+=("requirements/keras.txt") ;;
    --python) python="$2"; shift ;;
    --progress) progress=1 ;;
  esac
  shift
done
if [ ! -f "$here/requirements/$tracker.txt" ]; then echo "make-venv.sh: no requirements/$tracker.txt" >&2; exit 2; fi
stamp="$(cd "$here" && cat requirements/base.txt "${files[@]}" | sha256sum | cut -c1-16) 3.11.7"
if [ -f "$dir/.reprotree-stamp" ] && [ "$(cat "$dir/.reprotree-stamp")" = "$stamp" ]; then exit 0; fi
rm -rf "$dir"; mkdir -p "$dir/bin"
for f in requirements/base.txt "${files[@]}"; do
  grep -v -e '^#' -e '^-r' "$here/$f" | while read -r line; do [ "$progress" = 1 ] && echo "Collecting $line"; done
done
if [[ ",${FAKE_INSTALL_FAIL:-}," == *",$tracker,"* ]]; then
  echo "ERROR: Could not find a version that satisfies the requirement $tracker-tracker (from -r requirements/$tracker.txt)" >&2
  echo "ERROR: No matching distribution found for $tracker-tracker" >&2
  exit 1
fi
ln -s "$here/fake-python" "$dir/bin/python"
echo '{"seconds": 0.1, "requirements": ["measure/requirements/'"$tracker"'.txt"]}' > "$dir/reprotree-install.json"
echo "$stamp" > "$dir/.reprotree-stamp"
echo "make-venv.sh: $dir made in 0 s" >&2
