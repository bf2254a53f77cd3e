#!/usr/bin/env bash
# Runs every test through ctest and closes with "N passed, N failed".
set -u
build=${1:-build}
jobs=${2:-2}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
(cd "$build" && ctest --output-on-failure -j"$jobs") 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$log" | tail -1)
failed=$(sed -n 's/.* \([0-9]*\) tests failed out of.*/\1/p' "$log" | tail -1)
if [ -n "$total" ]; then
    echo "$((total - failed)) passed, $failed failed"
else
    echo "0 passed, 1 failed"
    status=1
fi
exit "$status"
