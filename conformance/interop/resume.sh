#!/usr/bin/env bash
# Session resumption between two unitls command-line programs, possibly
# built on different providers: one `unitls serve` (one server context, so
# one ticket key) and three `unitls connect` runs against it:
#   1. a full handshake that saves its session (--sess-out): "session: new";
#   2. a new process offering the saved session (--sess-in): both sides
#      report it reused ("session: reused", "session reused" in the log);
#   3. the same session offered for another server name (127.0.0.1): refused
#      before anything is sent (exit 1, UNITLS_E_INVALID_ARG).
#
#   resume.sh SERVER_CLI CLIENT_CLI PKI_DIR SCENARIO
#
# Scenarios: resume13 (TLS 1.3), resume12 (a TLS 1.2-only server).
set -euo pipefail

server_cli=$1 client_cli=$2 pki=$3 scenario=$4
. "$(dirname "$0")/lib.sh"

server_args=(--cert "$pki/server-chain.pem" --key "$pki/server.key")
client_args=(--ca "$pki/root-ca.crt")
case $scenario in
  resume13) client_args+=(--tls-min 1.3); version=TLSv1.3 ;;
  resume12) server_args+=(--tls-max 1.2); version=TLSv1.2 ;;
  *) echo "unknown scenario $scenario" >&2; exit 2 ;;
esac

start_server "$server_cli" "${server_args[@]}"

# connect NAME SERVERNAME ARGS...: runs one client; its exit status in $rc.
connect() {
  local name=$1 servername=$2
  shift 2
  rc=0
  printf 'interop ping\n' | timeout 30 "$client_cli" connect \
      "${client_args[@]}" --servername "$servername" "$@" \
      "127.0.0.1:$port" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
}

connect first localhost --sess-out "$work/session"
[ "$rc" = 0 ] || fail "first client exit $rc"
grep -qx "version: $version" "$work/first.err" || fail "first: want $version"
grep -qx "session: new" "$work/first.err" || fail "first: want a new session"
[ -s "$work/session" ] || fail "no session saved"

connect second localhost --sess-in "$work/session"
[ "$rc" = 0 ] || fail "second client exit $rc"
grep -qx "version: $version" "$work/second.err" || fail "second: want $version"
grep -qx "session: reused" "$work/second.err" || fail "second: session not reused"
grep -qx "interop ping" "$work/second.out" || fail "second: echo did not come back"

connect other 127.0.0.1 --sess-in "$work/session"
[ "$rc" = 1 ] || fail "other-name client exit $rc, want 1"
grep -q "UNITLS_E_INVALID_ARG" "$work/other.err" || fail "other name: want UNITLS_E_INVALID_ARG"

kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=
reused=$(grep -c "session reused" "$work/server.err" || true)
[ "$reused" = 1 ] || fail "server reported $reused reused sessions, want 1"
echo "ok [$scenario] server=$server_cli client=$client_cli"
