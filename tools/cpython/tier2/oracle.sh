#!/bin/sh
# The tier-2 CPython oracle for the optimizer API (not part of npm test; see README.md here).
#
#   tools/cpython/tier2/oracle.sh [CACHE_DIR]        (default: $OPTCERT_TIER2_CACHE, else ~/.cache/optcert-tier2)
#
# 1. Builds CPython 3.13.5 with tier 2 in CACHE_DIR, unless CACHE_DIR/Python-3.13.5/python already
#    has it: Debian's python3.13 source package's upstream tarball (sha256 checked), configured with
#    --enable-experimental-jit=interpreter (so _testinternalcapi has new_counter_optimizer), built
#    in place with make -j$(nproc) (about 20 minutes on 2 cores).
# 2. Runs every fixture of fixtures/optimizer/ and fixtures/programs/ that carries its Python
#    source in that CPython (PYTHON_JIT=0; PYTHONHASHSEED=0, as the fixtures' str hashes and set
#    orders are CPython's with that seed) under the counter optimizer, and in the reference VM
#    with the `counter` sample under the cpython313 profile, and prints the comparison table.
# Exit: 0 every result equal or a documented difference, 1 an unexplained difference, 2 a failure.
set -eu
cd "$(dirname "$0")/../../.."
CACHE="${1:-${OPTCERT_TIER2_CACHE:-$HOME/.cache/optcert-tier2}}"
VERSION=3.13.5
TARBALL="python3.13_${VERSION}.orig.tar.xz"
URL="http://deb.debian.org/debian/pool/main/p/python3.13/${TARBALL}"
SHA256=93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640
SRC="$CACHE/Python-$VERSION"
PY="$SRC/python"

has_tier2() {
  [ -x "$PY" ] && PYTHON_JIT=0 "$PY" -c 'import _testinternalcapi as t; t.new_counter_optimizer' 2>/dev/null
}

if has_tier2; then
  echo "oracle: using $PY" >&2
else
  mkdir -p "$CACHE"
  if [ ! -f "$CACHE/$TARBALL" ]; then
    echo "oracle: downloading $URL" >&2
    curl -fsSL -o "$CACHE/$TARBALL.part" "$URL"
    mv "$CACHE/$TARBALL.part" "$CACHE/$TARBALL"
  fi
  echo "$SHA256  $CACHE/$TARBALL" | sha256sum -c - >&2 || { echo "oracle: $TARBALL does not have the expected sha256" >&2; exit 2; }
  rm -rf "$SRC"
  tar -xJf "$CACHE/$TARBALL" -C "$CACHE"
  echo "oracle: building CPython $VERSION with tier 2 in $SRC (about 20 minutes on 2 cores; logs: $CACHE/configure.log, $CACHE/make.log)" >&2
  (cd "$SRC" && ./configure --enable-experimental-jit=interpreter --prefix="$CACHE/install" >"$CACHE/configure.log" 2>&1)
  (cd "$SRC" && nice make -j"$(nproc)" >"$CACHE/make.log" 2>&1) || { echo "oracle: make failed, see $CACHE/make.log" >&2; exit 2; }
  has_tier2 || { echo "oracle: $PY was built but has no tier 2" >&2; exit 2; }
fi

[ -f dist/index.js ] || npm run build >&2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
node tools/cpython/tier2/vm-side.js cases >"$WORK/cases.jsonl"
PYTHON_JIT=0 PYTHONHASHSEED=0 "$PY" tools/cpython/tier2/driver.py <"$WORK/cases.jsonl" >"$WORK/cpython.jsonl"
node tools/cpython/tier2/vm-side.js compare "$WORK/cases.jsonl" "$WORK/cpython.jsonl"
