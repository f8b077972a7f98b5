#!/bin/sh
# bench.smoke: runs bench-unitls and bench-raw on a tiny configuration and
# checks that every metric printed a well-formed line with a number or
# "unsupported". Times nothing and compares nothing: the numbers of a smoke
# run mean nothing (docs/BENCHMARKS.md has real ones).
#   smoke.sh BENCH_UNITLS BENCH_RAW
set -eu
status=0
for prog in "$@"; do
  out=$("$prog" --handshakes 3 --bytes 1048576 --pairs 10) || {
    echo "FAIL: $prog exited with $?"; echo "$out"; status=1; continue; }
  echo "$out"
  good=$(echo "$out" | grep -Ec '^provider=[a-z]+ impl=(unitls|raw) metric=[a-z0-9_]+ value=([0-9]+\.[0-9]|-[0-9]+\.[0-9]|unsupported)' || true)
  if [ "$good" -ne 7 ]; then
    echo "FAIL: $prog printed $good well-formed metric lines, not 7"
    status=1
  fi
  "$prog" --json --metric full_handshakes --handshakes 1 > /dev/null ||
    { echo "FAIL: $prog --json"; status=1; }
done
exit $status
