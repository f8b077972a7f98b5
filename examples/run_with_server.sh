#!/usr/bin/env bash
# Runs a server example and N client examples against it, all at once.
#
#   run_with_server.sh N SERVER [ARGS...] -- CLIENT [ARGS...]
#
# The server prints "port P" as its first line; every @PORT@ in the client's
# arguments becomes P. All N clients start together (they overlap in the
# server's poll loop), then the script waits for every client and for the
# server. It passes when all of them exit 0. Every wait is bounded: the
# programs time out on their own, `timeout` backs them up, and a trap kills
# whatever is left if the script ends early.
set -euo pipefail

n=$1; shift
server=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do server+=("$1"); shift; done
[ $# -gt 1 ] || { echo "usage: $0 N SERVER [ARGS...] -- CLIENT [ARGS...]" >&2; exit 2; }
shift
client=("$@")

pids=()
# shellcheck disable=SC2317 # reached through the trap
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# The server's stdout comes through a pipe on descriptor 3: read the port
# from it (waiting at most 10 s), without polling a file.
exec 3< <(exec timeout 60 "${server[@]}")
server_pid=$!
pids+=("$server_pid")
if ! read -r -t 10 -u 3 word port || [ "$word" != port ]; then
  echo "run_with_server: the server did not report its port" >&2
  exit 1
fi

args=()
for a in "${client[@]}"; do args+=("${a//@PORT@/$port}"); done
client_pids=()
for _ in $(seq "$n"); do
  timeout 30 "${args[@]}" &
  client_pids+=("$!")
  pids+=("$!")
done

status=0
for pid in "${client_pids[@]}"; do wait "$pid" || status=1; done
# The rest of the server's output (its success line), then its exit status.
cat <&3
wait "$server_pid" || status=1
pids=()
if [ "$status" -ne 0 ]; then
  echo "run_with_server: FAILED" >&2
fi
exit "$status"
