#!/bin/sh
# check_exports.sh LIBRARY HEADER_DIR...
#
# Checks the dynamic symbol table of the built libunitls:
#  - every defined symbol is unitls_* (functions and data alike); only the
#    symbol-version node (type A, UNITLS_*) and the linker's section markers
#    (_edata, _end, __bss_start, ...), which are neither code nor data of the
#    library, are tolerated;
#  - every function declared UNITLS_API in the public headers is exported,
#    and nothing is exported that the headers do not declare.
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 LIBRARY HEADER_DIR..." >&2
    exit 2
fi
lib=$1
shift

symbols=$(nm -D --defined-only "$lib") || {
    echo "exports: cannot read the symbols of $lib" >&2
    exit 2
}

bad=$(printf '%s\n' "$symbols" | awk '
    NF < 2 { next }
    { name = $NF; sub(/@.*/, "", name); type = $(NF - 1) }
    name ~ /^unitls_/ { next }
    type == "A" && name ~ /^UNITLS_[0-9A-Za-z_.]*$/ { next }
    name ~ /^(_edata|_end|__bss_start|__bss_start__|_bss_end__|__bss_end__|__end__|__end)$/ { next }
    { print "  " type " " name }')

# Names without their symbol version ("unitls_version@@UNITLS_0").
exported=$(printf '%s\n' "$symbols" |
    awk 'NF >= 2 { n = $NF; sub(/@.*/, "", n); if (n ~ /^unitls_/) print n }' |
    sort -u)

# Names of the functions declared UNITLS_API (declarations may span lines).
declared=$(for dir in "$@"; do cat "$dir"/*.h; done |
    tr '\n' ' ' | tr ';' '\n' |
    sed -n 's/.*UNITLS_API[^(]*[^A-Za-z0-9_(]\(unitls_[A-Za-z0-9_]*\) *(.*/\1/p' |
    sort -u)

status=0
if [ -n "$bad" ]; then
    echo "exports: $lib exports symbols outside unitls_*:"
    printf '%s\n' "$bad"
    status=1
fi
if [ -z "$declared" ]; then
    echo "exports: no UNITLS_API declaration found in: $*"
    status=1
fi
missing=$(printf '%s\n' "$declared" | while read -r f; do
    printf '%s\n' "$exported" | grep -qx "$f" || echo "  $f"
done)
if [ -n "$missing" ]; then
    echo "exports: declared in the headers but not exported by $lib:"
    printf '%s\n' "$missing"
    status=1
fi
undeclared=$(printf '%s\n' "$exported" | while read -r f; do
    printf '%s\n' "$declared" | grep -qx "$f" || echo "  $f"
done)
if [ -n "$undeclared" ]; then
    echo "exports: $lib exports unitls_* symbols no public header declares:"
    printf '%s\n' "$undeclared"
    status=1
fi
if [ $status -eq 0 ]; then
    echo "exports: $(printf '%s\n' "$exported" | wc -l) unitls_* symbols," \
         "all $(printf '%s\n' "$declared" | wc -l) declared functions present," \
         "nothing else exported"
fi
exit $status
