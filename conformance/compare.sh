#!/bin/sh
# compare.sh [--allowlist FILE] results-<provider>.txt...
#
# Compares the conformance results of several providers, case by case.
# Each results line is "<case-id> | key=value key=value ..."; the provider is
# taken from the file name (results-<provider>.txt). A case fails when its
# line is missing for a provider or any key differs between providers; the
# differing keys are printed as a matrix (case/key x provider).
#
# Allowlist lines are "<case-id> <provider> <reason...>": that provider's line
# for that case is left out of the comparison. Every entry is a debt; entries
# that are no longer needed are reported.
#
# With a single file it checks that the file is non-empty and well-formed.
# Exit status: 0 all providers agree, 1 differences or malformed input,
# 2 usage error. POSIX sh and awk only.
set -eu

allowlist=/dev/null
if [ "${1:-}" = "--allowlist" ]; then
    [ $# -ge 2 ] || { echo "compare.sh: --allowlist needs a file" >&2; exit 2; }
    allowlist=$2
    shift 2
fi
if [ $# -lt 1 ]; then
    echo "usage: compare.sh [--allowlist FILE] results-<provider>.txt..." >&2
    exit 2
fi
for f in "$@"; do
    [ -r "$f" ] || { echo "compare.sh: cannot read $f" >&2; exit 2; }
done
[ -r "$allowlist" ] || { echo "compare.sh: cannot read $allowlist" >&2; exit 2; }

exec awk -v allowlist="$allowlist" -f "$(dirname "$0")/compare.awk" "$@"
