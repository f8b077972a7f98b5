#!/usr/bin/env bash
# Runs the benchmark (bench/) on each provider's build tree: unitls and the
# backend used directly ("raw") interleaved, metric by metric, for several
# rounds; prints the median ratio unitls/raw per metric and provider; counts
# callgrind instructions per full handshake for both; and writes the results
# into docs/BENCHMARKS.md (between the markers below, keeping the rest of
# the page).
#
#   tools/bench.sh                        build/<p> for every provider built,
#                                         10 rounds
#   tools/bench.sh build-bench/openssl    the given trees
#   tools/bench.sh --rounds 7 --handshakes 2000 --no-callgrind
#   tools/bench.sh --no-control           skip the raw-against-raw runs
#   tools/bench.sh --no-pin               let the scheduler place the threads
#   tools/bench.sh --out /tmp/b.md        write elsewhere (--out - : nowhere)
#
# Wall-clock rates swing 10-30% from run to run on a shared machine: only
# ratios of runs made side by side mean something, hence the interleaving
# and the per-round ratios (their median is what the table reports). Odd
# rounds run unitls first, even rounds raw first (A B, B A, ...), so that
# neither side always has the first or the second slot. For the rates, each
# round also runs raw a second time (the control): the ratio of two runs of
# the very same program shows how far apart noise alone puts them. Every
# run is pinned to one CPU (taskset), client and server thread alike: where
# the scheduler moves the two threads between cores, wake-ups across cores
# make two runs of one program differ by up to 10%; on one CPU they stay
# within about 2%, and both implementations get the same CPU.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=10 handshakes=1000 bytes=$((256 << 20)) pairs=1000
cg_small=10 cg_large=60 callgrind=1 control=1 pin=1
out=$root/docs/BENCHMARKS.md
metrics="full_handshakes full_handshakes_rsa resumed_handshakes
         bulk_aes128gcm bulk_chacha20 idle_memory"
command_line="tools/bench.sh $*"

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit "${1:-0}"; }
trees=()
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --handshakes) handshakes=$2; shift ;;
    --bytes) bytes=$2; shift ;;
    --pairs) pairs=$2; shift ;;
    --no-callgrind) callgrind=0 ;;
    --no-control) control=0 ;;
    --no-pin) pin=0 ;;
    --out) out=$2; shift ;;
    -h|--help) usage ;;
    -*) echo "bench.sh: unknown option $1" >&2; usage 2 >&2 ;;
    *) trees+=("$1") ;;
  esac
  shift
done
[ "$rounds" -ge 5 ] || { echo "bench.sh: at least 5 rounds" >&2; exit 2; }
if [ ${#trees[@]} -eq 0 ]; then
  for p in openssl wolfssl boringssl; do
    [ -x "$root/build/$p/bench/bench-unitls" ] && trees+=("$root/build/$p")
  done
fi
[ ${#trees[@]} -gt 0 ] || { echo "bench.sh: no build tree with bench/" >&2; exit 2; }
if [ $callgrind = 1 ] && ! command -v valgrind > /dev/null; then
  echo "bench.sh: valgrind not found (apt-get install valgrind)," \
       "or pass --no-callgrind" >&2
  exit 2
fi

pinned=()
if [ $pin = 1 ]; then
  command -v taskset > /dev/null ||
    { echo "bench.sh: taskset not found (util-linux), or pass --no-pin" >&2; exit 2; }
  cpu=$(($(nproc) - 1))
  pinned=(taskset -c "$cpu")
fi

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
results=$work/results   # round provider impl metric value
versions=$work/versions # provider impl backend...
callgrind_file=$work/callgrind # provider impl instructions-per-handshake
: > "$results"; : > "$versions"; : > "$callgrind_file"

# run TREE IMPL ROUND METRIC [AS]: one run, its lines as "round provider
# impl metric value" in $results (impl recorded as AS when given).
run() {
  local prog=$1/bench/bench-$2 round=$3 metric=$4 as=${5:-}
  "${pinned[@]}" "$prog" --metric "$metric" --handshakes "$handshakes" --bytes "$bytes" \
          --pairs "$pairs" 2> "$work/stderr" > "$work/stdout" ||
    { echo "bench.sh: $prog --metric $metric failed:" >&2; cat "$work/stderr" >&2; }
  awk -v r="$round" -v as="$as" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      print r, f["provider"], as != "" ? as : f["impl"], f["metric"], f["value"]
    }' "$work/stdout" >> "$results"
}

# One round of one metric: unitls and raw, in the round's order, and the
# control (raw again) on the far side of raw from unitls. Memory figures
# do not depend on load: no control for them.
run_round() {
  local tree=$1 round=$2 m=$3 with_control=$control
  case $m in idle_*) with_control=0 ;; esac
  if ((round % 2)); then
    run "$tree" unitls "$round" "$m"
    run "$tree" raw "$round" "$m"
    ((with_control)) && run "$tree" raw "$round" "$m" control
  else
    ((with_control)) && run "$tree" raw "$round" "$m" control
    run "$tree" raw "$round" "$m"
    run "$tree" unitls "$round" "$m"
  fi
  return 0
}

# Instructions of `--metric full_handshakes --handshakes N` under callgrind.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" \
    --metric full_handshakes --handshakes "$2" 2>&1 >/dev/null |
    awk '/Collected :/ { print $NF }'
}

# Per full handshake: the difference between two runs, so that start-up,
# contexts and certificate loading cancel out.
callgrind_per_handshake() {
  local small large
  small=$(instructions "$1" "$cg_small")
  large=$(instructions "$1" "$cg_large")
  awk -v s="$small" -v l="$large" -v n=$((cg_large - cg_small)) \
    'BEGIN { if (s == "" || l == "") print "failed"; else printf "%.0f\n", (l - s) / n }'
}

for tree in "${trees[@]}"; do
  for impl in unitls raw; do
    [ -x "$tree/bench/bench-$impl" ] ||
      { echo "bench.sh: $tree/bench/bench-$impl not built" >&2; exit 2; }
    "$tree/bench/bench-$impl" --about | sed 's/^provider=\([^ ]*\) impl=\([^ ]*\) backend=/\1 \2 /' >> "$versions"
  done
done

for ((round = 1; round <= rounds; round++)); do
  echo "=== round $round of $rounds ===" >&2
  for tree in "${trees[@]}"; do
    for m in $metrics; do
      run_round "$tree" "$round" "$m"
    done
  done
done

if [ $callgrind = 1 ]; then
  for tree in "${trees[@]}"; do
    p=$("$tree/bench/bench-raw" --about | sed 's/^provider=\([^ ]*\) .*/\1/')
    for impl in unitls raw; do
      echo "=== callgrind: $p $impl ===" >&2
      echo "$p $impl $(callgrind_per_handshake "$tree/bench/bench-$impl")" >> "$callgrind_file"
    done
  done
fi

# The tables, in Markdown; also printed.
summary=$work/summary.md
awk -f "$root/bench/summary.awk" "$results" "$callgrind_file" > "$summary"
cat "$summary"

[ "$out" = - ] && exit 0
{
  echo "<!-- bench.sh:begin (generated by tools/bench.sh; edit outside the markers) -->"
  echo "Command: \`$command_line\` (rounds $rounds, --handshakes $handshakes," \
       "--bytes $bytes, --pairs $pairs; callgrind: full handshakes" \
       "$cg_large minus $cg_small, divided by $((cg_large - cg_small))$(
        ((control)) && echo "; control: raw run twice per round")$(
        ((pin)) && echo "; every run pinned to CPU $cpu"))."
  echo
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit" \
       "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
       "$( [ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ] && echo "(working tree modified)")."
  echo
  echo "Machine: $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
       "$(uname -sr), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "Backends:"
  echo
  awk '{ p = $1; i = $2; $1 = $2 = ""; sub(/^ +/, ""); print "- " p " (" i "): " $0 }' "$versions"
  echo
  echo "Build trees (and the sources they were configured from):"
  echo
  for tree in "${trees[@]}"; do
    echo "- \`$tree\`: $(sed -n 's/^unitls_SOURCE_DIR:STATIC=//p' "$tree/CMakeCache.txt" 2>/dev/null)," \
         "$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$tree/CMakeCache.txt" 2>/dev/null)"
  done
  echo
  cat "$summary"
  echo "<!-- bench.sh:end -->"
} > "$work/generated.md"

if [ -f "$out" ] && grep -q '^<!-- bench.sh:begin' "$out"; then
  awk -v gen="$work/generated.md" '
    /^<!-- bench.sh:begin/ { while ((getline l < gen) > 0) print l; skip = 1; next }
    /^<!-- bench.sh:end/ { skip = 0; next }
    !skip { print }' "$out" > "$work/page.md"
else
  { echo "# Benchmarks"; echo; cat "$work/generated.md"; } > "$work/page.md"
fi
mkdir -p "$(dirname "$out")"
cp "$work/page.md" "$out"
echo "bench.sh: wrote $out" >&2
