#!/usr/bin/env bash
# Builds unitls once per provider (one build tree each: OpenSSL and BoringSSL
# export the same symbols and can never share a binary), runs the whole
# conformance suite on each, then compares the providers' outcomes case by
# case.
#
#   tools/test-all.sh                      every provider in this tree
#   UNITLS_PROVIDERS="openssl" tools/test-all.sh
#   UNITLS_BUILD_DIR=build-asan UNITLS_CMAKE_ARGS=-DUNITLS_SANITIZE=ON \
#       tools/test-all.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${UNITLS_BUILD_DIR:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
jobs=${UNITLS_JOBS:-$(nproc)}

if [ -z "${UNITLS_PROVIDERS:-}" ]; then
  UNITLS_PROVIDERS=""
  for p in openssl wolfssl boringssl; do
    [ -f "$root/providers/$p/provider.cmake" ] && UNITLS_PROVIDERS+="$p "
  done
fi

results=()
for p in $UNITLS_PROVIDERS; do
  echo "=== provider: $p ==="
  # shellcheck disable=SC2086 # UNITLS_CMAKE_ARGS is a list of words
  cmake -S "$root" -B "$build/$p" -DUNITLS_PROVIDER="$p" \
        ${UNITLS_CMAKE_ARGS:-} >/dev/null
  cmake --build "$build/$p" -j "$jobs"
  (cd "$build/$p" && ctest --output-on-failure -j "$jobs")
  results+=("$build/$p/conformance/results-$p.txt")
done

echo "=== comparison across providers: $UNITLS_PROVIDERS==="
"$root/conformance/compare.sh" "${results[@]}"
