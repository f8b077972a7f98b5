#!/usr/bin/env bash
# Uses unitls from the outside, the way a downstream project meets it.
#
#   tools/test-downstream.sh BUILD_DIR
#       Installs that build tree into a temporary prefix, checks the layout
#       (headers, soname, CMake package, pkg-config files, the provider they
#       name), builds examples/consumer with find_package and with pkg-config,
#       each through the default names (unitls::unitls, unitls.pc) and the
#       provider's own (unitls::<provider>, unitls-<provider>.pc), and runs
#       every build against a `unitls serve` on loopback.
#   tools/test-downstream.sh --side-by-side BUILD_DIR BUILD_DIR...
#       Installs several providers into one prefix (the first as the default,
#       the others with the runtime and development components only), and
#       builds and runs the consumer against each of them, picked by name.
#
# The consumer is compiled with the build tree's compiler, warnings as errors,
# and with its sanitizers when the tree has UNITLS_SANITIZE on. Every step has
# a timeout; the temporary files and the servers go away on any exit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pki=$root/conformance/pki
step_timeout=${UNITLS_DOWNSTREAM_TIMEOUT:-300}

side_by_side=no
if [ "${1:-}" = --side-by-side ]; then
    side_by_side=yes
    shift
fi
if [ $# -lt 1 ] || { [ $side_by_side = no ] && [ $# -ne 1 ]; }; then
    echo "usage: $0 BUILD_DIR | --side-by-side BUILD_DIR BUILD_DIR..." >&2
    exit 2
fi

work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
    echo "downstream: FAIL: $*" >&2
    exit 1
}
step() { echo "downstream: $*"; }

# Runs a command under the step timeout, its output in $work/log; shows the
# log if it fails.
run() {
    if ! timeout "$step_timeout" "$@" >"$work/log" 2>&1; then
        cat "$work/log" >&2
        fail "$* (exit status, or timed out after ${step_timeout}s)"
    fi
}

cache_value() { # BUILD_DIR NAME
    sed -n "s/^$2:[A-Z]*=//p" "$1/CMakeCache.txt"
}

for build in "$@"; do
    [ -f "$build/CMakeCache.txt" ] || fail "$build is not a configured build tree"
done
first=$1
provider=$(cache_value "$first" UNITLS_PROVIDER)
libdir=$(cache_value "$first" CMAKE_INSTALL_LIBDIR)
cc=$(cache_value "$first" CMAKE_C_COMPILER)
soversion=$(sed -n 's/^#define UNITLS_VERSION_MAJOR //p' \
    "$first/include/unitls/version.h")

# The consumer's flags: strict, plus the sanitizers the library was built with.
cflags="-O1 -g -Wall -Wextra -Werror -pedantic"
ldflags=""
if [ "$(cache_value "$first" UNITLS_SANITIZE)" = ON ]; then
    cflags+=" -fsanitize=address,undefined -fno-omit-frame-pointer"
    ldflags+=" -fsanitize=address,undefined"
fi

prefix=$work/prefix
src=$work/consumer-src
cp -R "$root/examples/consumer" "$src"
rm -f "$src/consumer"

# --- install -----------------------------------------------------------------
if [ $side_by_side = no ]; then
    step "$provider: cmake --install into a temporary prefix"
    run cmake --install "$first" --prefix "$prefix"
else
    providers=()
    for build in "$@"; do
        p=$(cache_value "$build" UNITLS_PROVIDER)
        providers+=("$p")
        if [ "$build" = "$first" ]; then
            step "side by side: $p installed as the default"
            run cmake --install "$build" --prefix "$prefix"
        else
            step "side by side: $p added (components runtime, development)"
            run cmake --install "$build" --prefix "$prefix" --component runtime
            run cmake --install "$build" --prefix "$prefix" --component development
        fi
    done
fi

# --- layout ------------------------------------------------------------------
expect_file() { [ -e "$prefix/$1" ] || fail "not installed: $1"; }
check_provider_files() { # PROVIDER
    local p=$1 upper lib
    upper=$(echo "$p" | tr '[:lower:]' '[:upper:]')
    lib=$libdir/libunitls-$p.so.$soversion
    expect_file "$lib"
    expect_file "$libdir/libunitls-$p.so"
    readelf -d "$prefix/$lib" >"$work/dynamic"
    grep -q "SONAME.*\[libunitls-$p\.so\.$soversion\]" "$work/dynamic" ||
        fail "$lib does not have the soname libunitls-$p.so.$soversion"
    expect_file "include/unitls/unitls.h"
    expect_file "include/unitls/conn.h"
    expect_file "include/unitls-$p/unitls/version.h"
    grep -q "^#define UNITLS_PROVIDER_$upper 1" \
        "$prefix/include/unitls-$p/unitls/version.h" ||
        fail "include/unitls-$p/unitls/version.h does not define UNITLS_PROVIDER_$upper"
    expect_file "$libdir/pkgconfig/unitls-$p.pc"
    expect_file "$libdir/cmake/unitls/unitls-$p-targets.cmake"
    [ "$(PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig \
         pkg-config --variable=provider "unitls-$p")" = "$p" ] ||
        fail "unitls-$p.pc does not say provider=$p"
    # The consumer gets unitls' include directories and nothing else.
    PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig pkg-config --cflags "unitls-$p" |
        tr ' ' '\n' >"$work/flags"
    only_prefix_includes "unitls-$p.pc" "$work/flags"
}
# only_prefix_includes WHAT FILE: every -I/-isystem in FILE (one argument per
# line, or a compile_commands.json) is inside the unitls prefix.
only_prefix_includes() {
    local outside
    outside=$(grep -oE -- '-(I|isystem) ?[^ "]+' "$2" |
              sed -E 's/^-(I|isystem) ?//' | while read -r dir; do
        case $(realpath -m "$dir") in
            "$(realpath -m "$prefix")"/*) ;;
            *) echo "$dir" ;;
        esac
    done)
    [ -z "$outside" ] ||
        fail "$1: include paths outside the unitls prefix: $outside"
}
check_default_files() { # PROVIDER
    local p=$1
    expect_file "$libdir/cmake/unitls/unitlsConfig.cmake"
    expect_file "$libdir/cmake/unitls/unitlsConfigVersion.cmake"
    expect_file "$libdir/cmake/unitls/unitls-default.cmake"
    expect_file "$libdir/pkgconfig/unitls.pc"
    expect_file "include/unitls/version.h"
    expect_file "bin/unitls"
    expect_file "share/man/man1/unitls.1"
    [ "$(readlink "$prefix/$libdir/libunitls.so")" = "libunitls-$p.so.$soversion" ] ||
        fail "$libdir/libunitls.so does not point to libunitls-$p.so.$soversion"
    [ "$(PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig \
         pkg-config --variable=provider unitls)" = "$p" ] ||
        fail "unitls.pc does not name $p as the default"
    grep -q "^#define UNITLS_PROVIDER_NAME \"$p\"" \
        "$prefix/include/unitls/version.h" ||
        fail "include/unitls/version.h is not the default provider's ($p)"
}
if [ $side_by_side = no ]; then
    check_provider_files "$provider"
    check_default_files "$provider"
    step "$provider: layout, soname libunitls-$provider.so.$soversion," \
         "version.h, unitls.pc and unitls-$provider.pc, CMake package: ok"
else
    for p in "${providers[@]}"; do check_provider_files "$p"; done
    check_default_files "$provider"
    step "side by side: ${providers[*]} in one prefix, default $provider: ok"
fi

# --- build the consumer ------------------------------------------------------
# cmake_build NAME [PROVIDER]: find_package, unitls::PROVIDER or unitls::unitls
cmake_build() {
    local name=$1 p=${2:-}
    run cmake -S "$src" -B "$work/$name" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$cflags" \
        -DCMAKE_EXE_LINKER_FLAGS="$ldflags" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        ${p:+-DPROVIDER="$p"}
    run cmake --build "$work/$name"
    only_prefix_includes "$name: compile_commands.json" \
        "$work/$name/compile_commands.json"
    echo "$work/$name/consumer"
}
# make_build NAME [PROVIDER]: pkg-config, unitls-PROVIDER.pc or unitls.pc
make_build() {
    local name=$1 p=${2:-}
    cp -R "$src" "$work/$name"
    run make -C "$work/$name" CC="$cc" CFLAGS="$cflags" LDFLAGS="$ldflags" \
        PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" ${p:+PROVIDER="$p"}
    echo "$work/$name/consumer"
}

# --- run it --------------------------------------------------------------------
# Starts `unitls serve --once` (the installed one) and sets $port.
start_server() {
    # A fresh file: the previous server's "listening on" line must not be
    # read before this server's shell has truncated it.
    rm -f "$work/serve.out" "$work/serve.err"
    timeout 60 "$prefix/bin/unitls" serve --once \
        --cert "$pki/server-chain.pem" --key "$pki/server.key" \
        >"$work/serve.out" 2>"$work/serve.err" &
    server_pid=$!
    port=
    local line
    for _ in $(seq 100); do
        line=$(head -n 1 "$work/serve.out" 2>/dev/null || true)
        if [[ $line == "listening on 127.0.0.1:"* ]]; then
            port=${line##*:}
            return 0
        fi
        kill -0 "$server_pid" 2>/dev/null ||
            fail "unitls serve exited: $(cat "$work/serve.err")"
        sleep 0.1
    done
    fail "unitls serve did not report its port within 10s"
}
# run_consumer BINARY PROVIDER HOW: the binary must run on PROVIDER.
run_consumer() {
    local binary=$1 p=$2 how=$3 rc=0 server_rc=0
    start_server
    LD_LIBRARY_PATH=$prefix/$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
        timeout 30 "$binary" 127.0.0.1 "$port" "$pki/root-ca.crt" localhost \
        >"$work/consumer.out" 2>"$work/consumer.err" || rc=$?
    # A consumer that failed may never have connected: do not wait for the
    # server's own timeout.
    [ $rc -eq 0 ] || kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" || server_rc=$?
    server_pid=
    if [ $rc -ne 0 ] || [ $server_rc -ne 0 ]; then
        cat "$work/consumer.out" "$work/consumer.err" "$work/serve.err" >&2
        fail "$how: consumer exit $rc, server exit $server_rc"
    fi
    grep -q "^unitls .*, provider $p " "$work/consumer.out" ||
        fail "$how: the consumer did not run on $p: $(head -n 1 "$work/consumer.out")"
    grep -q "^echo: hello from the consumer$" "$work/consumer.out" ||
        fail "$how: no echo: $(cat "$work/consumer.out")"
    grep -q "^closed: close_notify both ways$" "$work/consumer.out" ||
        fail "$how: no clean close: $(cat "$work/consumer.out")"
    step "$how: $(sed -n 's/^handshake: //p' "$work/consumer.out"), echo and close ok"
}

if [ $side_by_side = no ]; then
    bin=$(cmake_build cmake-default)
    run_consumer "$bin" "$provider" "$provider: find_package, unitls::unitls"
    bin=$(cmake_build "cmake-$provider" "$provider")
    run_consumer "$bin" "$provider" "$provider: find_package, unitls::$provider"
    bin=$(make_build make-default)
    run_consumer "$bin" "$provider" "$provider: pkg-config unitls"
    bin=$(make_build "make-$provider" "$provider")
    run_consumer "$bin" "$provider" "$provider: pkg-config unitls-$provider"
else
    bin=$(cmake_build cmake-default)
    run_consumer "$bin" "$provider" "side by side: find_package, unitls::unitls"
    bin=$(make_build make-default)
    run_consumer "$bin" "$provider" "side by side: pkg-config unitls"
    for p in "${providers[@]}"; do
        bin=$(cmake_build "cmake-$p" "$p")
        run_consumer "$bin" "$p" "side by side: find_package, unitls::$p"
        bin=$(make_build "make-$p" "$p")
        run_consumer "$bin" "$p" "side by side: pkg-config unitls-$p"
    done
fi
step "passed"
