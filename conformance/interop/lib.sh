# Shared by the interoperability scripts (interop.sh, resume.sh): a work
# directory, failure reporting and a `unitls serve` on loopback. Source it
# after setting `scenario`.

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL [$scenario]: $*" >&2; for f in "$work"/*.out "$work"/*.err; do echo "--- $f" >&2; cat "$f" >&2; done; exit 1; }

# start_server CLI ARGS...: runs `CLI serve ARGS...` in the background
# (its output in $work/server.out and .err) and sets $port once it listens.
start_server() {
  local cli=$1
  shift
  timeout 60 "$cli" serve "$@" >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  for _ in $(seq 100); do
    grep -q '^listening on ' "$work/server.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || fail "server exited early"
    sleep 0.1
  done
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/server.out")
  [ -n "$port" ] || fail "server did not report its port"
}
