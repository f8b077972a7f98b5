#!/usr/bin/env bash
# check-docs.sh DOXYFILE OUTPUT_DIR MAN_PAGE UNITLS_PROGRAM
#
# The documentation a user reads, checked:
#  - Doxygen over the public headers (DOXYFILE, configured by CMake from
#    docs/Doxyfile.in) with warnings as errors: every public function, type,
#    enum and macro is documented;
#  - the man page lints clean (mandoc -Tlint; groff's warnings without mandoc);
#  - the man page documents every command `unitls --help` lists (a ".Ss NAME"
#    subsection each) and, in that subsection, every option that
#    `unitls NAME --help` lists (".It Fl -option").
set -euo pipefail

if [ $# -ne 4 ]; then
    echo "usage: $0 DOXYFILE OUTPUT_DIR MAN_PAGE UNITLS_PROGRAM" >&2
    exit 2
fi
doxyfile=$1 outdir=$2 man=$3 unitls=$4
status=0

# --- API reference -------------------------------------------------------------
mkdir -p "$outdir"
if doxygen "$doxyfile" >"$outdir/doxygen.log" 2>&1; then
    echo "docs: doxygen: every public declaration is documented" \
         "($outdir/html/index.html)"
else
    cat "$outdir/doxygen.log"
    echo "docs: doxygen failed: document each declaration above with a /** */" \
         "comment (several declarations can share one: /**@{*/ ... /**@}*/)"
    status=1
fi

# --- man page ------------------------------------------------------------------
if command -v mandoc >/dev/null; then
    if ! mandoc -Tlint -W warning "$man" >"$outdir/man-lint.log" 2>&1; then
        cat "$outdir/man-lint.log"
        echo "docs: mandoc -Tlint found problems in $man"
        status=1
    fi
else
    if ! groff -mdoc -ww -z "$man" >"$outdir/man-lint.log" 2>&1 ||
        [ -s "$outdir/man-lint.log" ]; then
        cat "$outdir/man-lint.log"
        echo "docs: groff found problems in $man"
        status=1
    fi
fi

# The commands: "  NAME   summary" lines after "commands:".
commands=$("$unitls" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "docs: '$unitls --help' lists no command"; exit 1; }
missing=()
for cmd in $commands; do
    # Each command has its own subsection, ".Ss NAME", listing its options
    # as ".It Fl -name" (mdoc writes --name as "Fl -name").
    section=$(awk -v cmd="$cmd" '
        /^\.S[sh] / { inside = ($0 == ".Ss " cmd) }
        inside' "$man")
    if [ -z "$section" ]; then
        missing+=("command $cmd (no '.Ss $cmd' subsection)")
        continue
    fi
    for opt in $("$unitls" "$cmd" --help |
                 sed -n 's/^  \(--[a-z][a-z0-9-]*\).*/\1/p'); do
        [ "$opt" = --help ] && continue
        grep -qE "^\.It Fl -${opt#--}( |$)" <<<"$section" ||
            missing+=("$cmd $opt")
    done
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "docs: $man does not document what 'unitls --help' offers:"
    printf '  %s\n' "${missing[@]}"
    status=1
else
    echo "docs: $(basename "$man") documents every command and option of" \
         "'unitls --help' ($(echo "$commands" | wc -w) commands)"
fi
exit $status
