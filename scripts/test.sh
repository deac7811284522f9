#!/usr/bin/env bash
# Builds wirelint in ./build if needed and runs every test with CTest; exits with CTest's code.
#
#   bash scripts/test.sh [extra ctest arguments, e.g. -R cli]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR=${BUILD_DIR:-build}

if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
fi
cmake --build "$BUILD_DIR" -j"$(nproc)"

status=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 "$@" || status=$?
exit "$status"
