#!/bin/sh
# Regenerate fixtures/programs/*.yaml from fixtures/programs/*.py with CPython 3.13.
# Each .py carries its own call, id, spec, tags and description in `# optcert: key=value`
# header lines (see tools/cpython/README.md). Usage: tools/cpython/regen-programs.sh [NAME.py ...]
set -eu
cd "$(dirname "$0")/../.."
PY="${PYTHON:-python3.13}"
export PYENV_VERSION="${PYENV_VERSION:-3.13.0}"
if [ "$#" -eq 0 ]; then
  set -- fixtures/programs/*.py
fi
status=0
for src in "$@"; do
  "$PY" tools/cpython/py2fixture.py "$src" --out "${src%.py}.yaml" || status=1
done
exit $status
