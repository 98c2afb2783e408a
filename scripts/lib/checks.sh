# The PASS/FAIL harness of scripts/check-deploy and scripts/check-runtime. `check NAME CMD...` runs
# CMD and prints "PASS NAME" or "FAIL NAME"; `summary` closes with "N passed, N failed, N skipped"
# and fails when a check did. CMD runs in an `if`, where `set -e` is off: chain its steps with &&.
# shellcheck shell=bash
passed=0 failed=0 skipped=0 failures=()
step() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'PASS %s\n' "$1"; }
fail() { failed=$((failed + 1)); failures+=("$1"); printf 'FAIL %s\n' "$1"; }
skip() { skipped=$((skipped + 1)); printf 'SKIP %s\n' "$1"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
summary() {
  echo
  local f
  for f in "${failures[@]+"${failures[@]}"}"; do echo "failed: $f"; done
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}
# abort REASON: a failure that ends the run, summary included.
abort() { fail "$1"; summary || true; exit 1; }
