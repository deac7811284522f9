# Shared by the bench scripts (sourced): the checks every run needs first.
#   require_bin NAME BIN        the wirelint binary exists (else exit 2, naming the script)
#   require_corpus NAME CORPUS  the corpus file exists (else exit 2)
#   make_tmp NAME               a temporary folder, removed on exit, in $tmp

require_bin() {
  if [[ ! -x $2 ]]; then
    echo "$1: no binary at $2 (bash scripts/setup.sh, or set WIRELINT_BIN)" >&2
    exit 2
  fi
}

require_corpus() {
  if [[ ! -f $2 ]]; then
    echo "$1: no corpus at $2 (pass a .jsonl path or set WIRELINT_CORPUS)" >&2
    exit 2
  fi
}

make_tmp() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/wirelint-$1.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
}
