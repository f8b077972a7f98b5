#!/usr/bin/env bash
# Builds unitls once per provider (one build tree each: OpenSSL and BoringSSL
# export the same symbols and can never share a binary), runs the whole
# conformance suite on each (with the public-header, ABI and documentation
# checks), installs each into a temporary prefix and builds and runs the
# out-of-tree consumer against it (tools/test-downstream.sh), installs them
# all side by side, runs the interoperability matrix (a client on each
# provider against a server on each), then compares the providers' outcomes
# case by case.
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

# The ABI and documentation checks are tests like the others: without their
# tools they would not be registered, and pass unseen.
missing=()
for tool in abidw abidiff doxygen mandoc pkg-config make; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-all: missing ${missing[*]}; run tools/install-deps.sh" >&2
  exit 2
fi

if [ -z "${UNITLS_PROVIDERS:-}" ]; then
  UNITLS_PROVIDERS=""
  for p in openssl wolfssl boringssl; do
    [ -f "$root/providers/$p/provider.cmake" ] && UNITLS_PROVIDERS+="$p "
  done
fi

results=()
clis=()
trees=()
failed=()
for p in $UNITLS_PROVIDERS; do
  echo "=== provider: $p ==="
  # shellcheck disable=SC2086 # UNITLS_CMAKE_ARGS is a list of words
  cmake -S "$root" -B "$build/$p" -DUNITLS_PROVIDER="$p" \
        ${UNITLS_CMAKE_ARGS:-} >/dev/null
  cmake --build "$build/$p" -j "$jobs"
  (cd "$build/$p" && ctest --output-on-failure -j "$jobs") || failed+=("suite:$p")
  echo "=== downstream: $p installed, consumer built with CMake and pkg-config ==="
  "$root/tools/test-downstream.sh" "$build/$p" || failed+=("downstream:$p")
  results+=("$build/$p/conformance/results-$p.txt")
  clis+=("$p=$build/$p/tools/unitls")
  trees+=("$build/$p")
done

if [ ${#trees[@]} -gt 1 ]; then
  echo "=== downstream: every provider installed side by side in one prefix ==="
  "$root/tools/test-downstream.sh" --side-by-side "${trees[@]}" ||
    failed+=(downstream-side-by-side)
fi

echo "=== interoperability: every client provider x every server provider ==="
interop_list=$(IFS=';'; echo "${clis[*]}")
cmake -S "$root/conformance/interop" -B "$build/interop" \
      -DUNITLS_INTEROP_CLIS="$interop_list" >/dev/null
(cd "$build/interop" && ctest --output-on-failure -j "$jobs") || failed+=(interop)

echo "=== comparison across providers: $UNITLS_PROVIDERS==="
"$root/conformance/compare.sh" --allowlist "$root/conformance/allowlist.txt" \
    "${results[@]}" || failed+=(comparison)

# --- fuzzing: a short bounded run of the certificate readers' fuzz targets ----
# (libFuzzer, so clang only; fuzz/run.sh builds them in their own tree.)
if command -v clang >/dev/null; then
  echo "=== fuzz: DER, PEM and time readers, bounded run (fuzz/run.sh) ==="
  "$root/fuzz/run.sh" "$build/fuzz" || failed+=(fuzz)
else
  echo "=== fuzz: skipped, clang not found ==="
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all providers passed: $UNITLS_PROVIDERS"
