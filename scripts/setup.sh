#!/usr/bin/env bash
# Installs everything wirelint needs on Debian 12 (bookworm), builds it in ./build and lints
# the sample story. Safe to run again: apt skips what is installed, CMake rebuilds what changed.
#
#   bash scripts/setup.sh              install, build, lint the sample
#   bash scripts/setup.sh --deps-only  install the packages and stop (for custom builds)
#
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}

packages=(
  build-essential cmake pkg-config git python3
  libicu-dev libhunspell-dev libxml2-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libcpp-httplib-dev libmimalloc-dev
  googletest libgtest-dev libbenchmark-dev
  mythes-en-us wordnet-base python3-distributed
  # the general-English language model that dictionaries/ngrams/general-pairs.tsv is checked against
  pocketsphinx-en-us libsphinxbase-dev
  # other languages' word lists (dictionaries/languages/lists.tsv)
  wfrench wngerman wspanish witalian wportuguese wdutch wswedish wdanish wnorwegian
  chromium neovim  # the html report's render test and the real-editor LSP test
)

deps_only=0
case "${1:-}" in
  "") ;;
  --deps-only) deps_only=1 ;;
  *) echo "usage: bash scripts/setup.sh [--deps-only]" >&2; exit 2 ;;
esac

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup.sh: not root and no sudo: install these packages by hand: ${packages[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "==> apt-get install ${packages[*]}"
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}" </dev/null
# A real LanguageTool client for the server's test (tests/client), from npm when npm is here;
# without it that one test is skipped.
if command -v npm >/dev/null 2>&1; then
  echo "==> npm ci in tests/client"
  npm ci --prefix tests/client --no-audit --no-fund </dev/null ||
    echo "setup.sh: npm ci failed: the LanguageTool client test will be skipped" >&2
else
  echo "setup.sh: no npm: the LanguageTool client test (tests/client) will be skipped" >&2
fi
[[ $deps_only -eq 1 ]] && exit 0

echo "==> configure ($BUILD_TYPE) in $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE"
echo "==> build"
cmake --build "$BUILD_DIR" -j"$(nproc)"

echo "==> wirelint samples/spun-story.txt"
# Exit 1 means "findings", which is what this sample is for; 2 (or anything else) is a failure.
status=0
"./$BUILD_DIR/src/wirelint" samples/spun-story.txt || status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
  echo "setup.sh: wirelint failed on samples/spun-story.txt (exit $status)" >&2
  exit "$status"
fi
echo "==> setup done: ./$BUILD_DIR/src/wirelint is built (sample exit code $status)"
