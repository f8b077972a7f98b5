#!/usr/bin/env bash
# unitls demo: a TLS echo server and two clients, all through the `unitls`
# program, on 127.0.0.1 with the test PKI of conformance/pki.
#
#   tools/demo.sh [BUILD_DIR]        (default: build/openssl)
#
# Starts `unitls serve` on an ephemeral port, fetches its certificate as
# Python's getpeercert() dict with `unitls fetch-cert --json`, sends "hello"
# through `unitls connect`, prints what was negotiated and stops the server.
# Every step is bounded by `timeout`; the server is killed on any exit.
set -euo pipefail

build_dir=${1:-build/openssl}
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pki=$source_dir/conformance/pki
unitls=$build_dir/tools/unitls
step_timeout=10

fail() {
    echo "demo: $*" >&2
    exit 1
}

[[ -x $unitls ]] || fail "$unitls not found; build it first:
  cmake -S $source_dir -B $build_dir && cmake --build $build_dir"

work=$(mktemp -d)
server_pid=
stop_server() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}
cleanup() {
    stop_server
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Reads the port from the server's first line: "listening on 127.0.0.1:PORT".
wait_for_port() {
    local line tries=0
    while ((tries < step_timeout * 10)); do
        line=$(head -n 1 "$work/serve.out" 2>/dev/null || true)
        if [[ $line == "listening on 127.0.0.1:"* ]]; then
            echo "${line##*:}"
            return 0
        fi
        kill -0 "$server_pid" 2>/dev/null ||
            fail "the server exited: $(cat "$work/serve.log")"
        sleep 0.1
        tries=$((tries + 1))
    done
    fail "the server did not report its port within ${step_timeout}s"
}

echo "== $("$unitls" version | head -n 2 | paste -sd ' ' -)"

timeout 120 "$unitls" serve --cert "$pki/server-chain.pem" \
    --key "$pki/server.key" >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
port=$(wait_for_port)
echo "== unitls serve is listening on 127.0.0.1:$port"

echo "== unitls fetch-cert --json: the server's certificate, as getpeercert()"
timeout "$step_timeout" "$unitls" fetch-cert --json "127.0.0.1:$port" \
    --ca "$pki/root-ca.crt" --servername localhost ||
    fail "fetch-cert failed (exit $?)"

echo "== echo hello | unitls connect"
echo hello | timeout "$step_timeout" "$unitls" connect "127.0.0.1:$port" \
    --ca "$pki/root-ca.crt" --servername localhost \
    >"$work/connect.out" 2>"$work/connect.err" ||
    fail "connect failed (exit $?): $(cat "$work/connect.err")"
grep -E '^(version|cipher|subject): ' "$work/connect.err" | sed 's/^/   /'
echo "   echoed back: $(cat "$work/connect.out")"
[[ $(cat "$work/connect.out") == hello ]] ||
    fail "the server did not echo 'hello'"

stop_server
echo "== server log"
sed 's/^/   /' "$work/serve.log"
echo "== done"
