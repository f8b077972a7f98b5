#!/usr/bin/env bash
# Installs, from Debian 12's archive, everything unitls needs to build and to
# run its tests on every provider. Uses sudo when not run as root.
set -euo pipefail

# abigail-tools (abidw, abidiff): the ABI check; doxygen: the API reference;
# mandoc: the man page's lint.
packages=(build-essential clang cmake pkg-config check openssl gawk
          libssl-dev libwolfssl-dev android-libboringssl-dev
          abigail-tools doxygen mandoc)
# valgrind (callgrind): tools/bench.sh's instruction counts per handshake.
packages+=(valgrind)
# clang's libFuzzer and sanitizer runtimes (only a Recommends of clang): the
# fuzz targets of fuzz/, which tools/test-all.sh runs briefly.
packages+=(libclang-rt-dev)

as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
echo "installed: ${packages[*]}"
