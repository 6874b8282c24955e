#!/bin/sh
# Regenerate bench/suite/*.yaml (the performance suite's fixtures) from bench/suite/*.py with
# CPython 3.13, through the project's importer: every code object as assembly text, the entry
# call's outcome recorded from CPython 3.13 as `expect`. Each .py carries its call, id and budget
# in `# optcert: key=value` header lines. Usage: npm run gen:bench [-- bench/suite/NAME.py ...]
set -eu
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3.13}"
export PYENV_VERSION="${PYENV_VERSION:-3.13.0}"
if [ "$#" -eq 0 ]; then
  set -- bench/suite/*.py
fi
status=0
for src in "$@"; do
  "$PY" tools/cpython/py2fixture.py "$src" --out "${src%.py}.yaml" || status=1
done
exit $status
