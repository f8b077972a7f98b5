#!/usr/bin/env bash
# Builds unitls once per provider (one build tree each: OpenSSL and BoringSSL
# export the same symbols and can never share a binary), runs the whole
# conformance suite on each, runs the interoperability matrix (a client on
# each provider against a server on each), then compares the providers'
# outcomes case by case.
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
clis=()
failed=()
for p in $UNITLS_PROVIDERS; do
  echo "=== provider: $p ==="
  # shellcheck disable=SC2086 # UNITLS_CMAKE_ARGS is a list of words
  cmake -S "$root" -B "$build/$p" -DUNITLS_PROVIDER="$p" \
        ${UNITLS_CMAKE_ARGS:-} >/dev/null
  cmake --build "$build/$p" -j "$jobs"
  (cd "$build/$p" && ctest --output-on-failure -j "$jobs") || failed+=("suite:$p")
  results+=("$build/$p/conformance/results-$p.txt")
  clis+=("$p=$build/$p/tools/unitls")
done

echo "=== interoperability: every client provider x every server provider ==="
interop_list=$(IFS=';'; echo "${clis[*]}")
cmake -S "$root/conformance/interop" -B "$build/interop" \
      -DUNITLS_INTEROP_CLIS="$interop_list" >/dev/null
(cd "$build/interop" && ctest --output-on-failure -j "$jobs") || failed+=(interop)

echo "=== comparison across providers: $UNITLS_PROVIDERS==="
"$root/conformance/compare.sh" --allowlist "$root/conformance/allowlist.txt" \
    "${results[@]}" || failed+=(comparison)

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all providers passed: $UNITLS_PROVIDERS"
