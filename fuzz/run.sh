#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang and runs each one, seeded
# with the committed certificates, for a bounded time.
#
#   fuzz/run.sh BUILD_DIR [LIBFUZZER_OPTION...]
#
# Default options: -runs=200000 -max_total_time=120 (the short run of
# tools/test-all.sh). Any options given replace them, for example
#   fuzz/run.sh build/fuzz -runs=10000000
# A finding (crash, sanitizer report, broken invariant) stops the run and
# exits 1; libFuzzer writes the input as crash-*/leak-*/... in BUILD_DIR/out.
# The seeds and the corpus a run grows stay in BUILD_DIR (never committed).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [LIBFUZZER_OPTION...]" >&2; exit 2; }
build=$1
shift
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(-runs=200000 -max_total_time=120)

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DUNITLS_FUZZ=ON \
      -DUNITLS_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "${UNITLS_JOBS:-$(nproc)}" \
      --target unitls-fuzz-der unitls-fuzz-pem unitls-fuzz-time \
      unitls-fuzz-session

# Seeds: every committed certificate as PEM (for the PEM reader) and as DER
# (its base64, decoded), some bundles, and the time strings of the corpus.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds/der" "$seeds/pem" "$seeds/time" "$seeds/session"
for crt in "$root"/conformance/certs/*.crt "$root"/conformance/pki/*.crt; do
  name=$(basename "$(dirname "$crt")")-$(basename "$crt" .crt)
  cp "$crt" "$seeds/pem/$name.pem"
  sed '/-----/d' "$crt" | base64 -d > "$seeds/der/$name.der"
done
cp "$root"/conformance/pki/*.pem "$seeds/pem/"
sed 's/^[^ ]* //' "$root/conformance/certs/expected/time_to_seconds.txt" |
  while read -r line; do
    printf '%b' "$(printf '%s' "$line" | sed 's/%/\\x/g')" \
      > "$seeds/time/$(printf '%s' "$line" | cksum | cut -d' ' -f1)"
  done

# One well-formed session envelope (common/session_codec.h): TLS 1.3,
# "openssl", "localhost", no leaf, the one-byte backend session "x" and its
# SHA-256.
{ printf 'UTSS\001\000\003\004\000\000\034\040\007openssl\011localhost'
  printf '\000\000\000\000\000\000\000\001x'
  printf 'x' | sha256sum | cut -c1-64 | xxd -r -p
} > "$seeds/session/tls13"

status=0
mkdir -p "$build/out"
for target in der pem time session; do
  corpus=$build/corpus-$target
  mkdir -p "$corpus"
  echo "=== fuzz: unitls-fuzz-$target ${options[*]} ==="
  log=$build/out/$target.log
  if (cd "$build/out" &&
      "$build/fuzz/unitls-fuzz-$target" "${options[@]}" -print_final_stats=1 \
          "$corpus" "$seeds/$target") >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: unitls-fuzz-$target: $runs executions, no finding"
  else
    tail -40 "$log"
    echo "fuzz: unitls-fuzz-$target: FINDING (log: $log)"
    status=1
  fi
done
exit $status
