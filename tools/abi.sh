#!/usr/bin/env bash
# abi.sh check|update LIBRARY HEADER_DIR...
#
# The ABI check of libunitls against the committed baseline, api/abi/unitls.abi
# (docs/ABI.md explains the rules and what to do when this fails).
#
#   check   dumps LIBRARY's ABI with abidw, counting only the types declared in
#           HEADER_DIR... (the public headers), and compares it with the
#           baseline with abidiff. Functions added since the baseline are
#           compatible and pass; a removed function, a changed signature, a
#           changed enum value or a changed soname fails.
#   update  writes LIBRARY's ABI as the new baseline.
#
# One baseline serves every provider: the exported ABI is the same on all of
# them. The dump is made provider-neutral first: the soname
# libunitls-<provider>.so.N is recorded as libunitls.so.N (so a soname bump
# still shows), and source paths are made relative to the source tree.
#
# From a build tree:
#   ctest -R '^abi$'                              the check
#   cmake --build <build> --target abi-update     the update
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
baseline=$root/api/abi/unitls.abi

usage() {
    echo "usage: $0 check|update LIBRARY HEADER_DIR..." >&2
    exit 2
}
[ $# -ge 3 ] || usage
mode=$1 lib=$2
shift 2
case $mode in check | update) ;; *) usage ;; esac

for tool in abidw abidiff readelf; do
    command -v "$tool" >/dev/null || {
        echo "abi: $tool not found; install abigail-tools and binutils" \
             "(tools/install-deps.sh)" >&2
        exit 2
    }
done
[ -f "$lib" ] || { echo "abi: no library at $lib" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Without DWARF abidw sees symbol names only, and every type change would
# pass unnoticed.
readelf -S "$lib" >"$work/sections"
if ! grep -q '\.debug_info' "$work/sections"; then
    echo "abi: $lib has no debug information; the ABI check needs -g" \
         "(CMAKE_BUILD_TYPE RelWithDebInfo, the default, or Debug)" >&2
    exit 2
fi

header_args=()
for dir in "$@"; do header_args+=(--headers-dir "$dir"); done

# The ABI of $lib, provider-neutral, on stdout.
dump() {
    abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed \
          --drop-private-types "${header_args[@]}" "$lib" \
          --out-file "$work/raw.abi"
    sed -e "s/soname='libunitls-[a-z]*\.so\./soname='libunitls.so./" \
        -e "s|path='$root/|path='|" "$work/raw.abi"
}

if [ "$mode" = update ]; then
    mkdir -p "$(dirname "$baseline")"
    dump >"$baseline"
    echo "abi: wrote ${baseline#"$root"/} from $lib"
    exit 0
fi

[ -f "$baseline" ] || {
    echo "abi: no baseline at $baseline; create it with: $0 update $lib $*" >&2
    exit 2
}
dump >"$work/current.abi"

# abidiff's exit status is a bit field: 1 error, 2 usage, 4 the ABIs differ,
# 8 an incompatible change (abidiff sets it for removed functions and a
# changed soname only). Added functions set 4, so the comparison runs twice:
# once as is, to report everything, and once without additions. Whatever
# differs without the additions is a change to an interface that existed:
# a changed return or parameter type or enum value sets only bit 4, and is
# as much a break for callers as a removal.
status=0
abidiff "$baseline" "$work/current.abi" >"$work/full.txt" 2>&1 || status=$?
if [ $((status & 3)) -ne 0 ]; then
    cat "$work/full.txt" >&2
    echo "abi: abidiff failed (exit $status)" >&2
    exit 2
fi
if [ "$status" -eq 0 ]; then
    echo "abi: $(basename "$lib") matches the baseline ${baseline#"$root"/}"
    exit 0
fi

changed=0
abidiff --no-added-syms "$baseline" "$work/current.abi" \
    >"$work/changes.txt" 2>&1 || changed=$?
if [ "$changed" -eq 0 ]; then
    added=$(grep -c "^  \[A\] " "$work/full.txt" || true)
    echo "abi: $(basename "$lib") is compatible with the baseline:" \
         "$added function(s) added, nothing removed or changed"
    sed -n 's/^  \[A\] /  added: /p' "$work/full.txt"
    echo "abi: refresh the baseline when you release" \
         "(cmake --build <build> --target abi-update)"
    exit 0
fi

cat "$work/changes.txt"
echo
if grep -q "^SONAME changed" "$work/changes.txt" &&
    ! grep -qE "^  \[[DC]\] " "$work/changes.txt"; then
    echo "abi: the soname changed and nothing else did. If this is the major"
    echo "     version bump you meant, refresh the baseline in the same change:"
    echo "       cmake --build <build> --target abi-update"
    exit 1
fi
if [ $((changed & 8)) -ne 0 ]; then
    echo "abi: INCOMPATIBLE ABI CHANGE: a function was removed or the soname" \
         "changed (see above)."
else
    echo "abi: ABI CHANGE: an existing function's signature, or a type or" \
         "enum value it uses, changed (see above); programs built against" \
         "the baseline would break."
fi
cat <<EOF
abi: compared $lib with ${baseline#"$root"/}.
abi: if the change is a mistake, restore the interface. If it is intended,
     it breaks the ABI: bump the major version in CMakeLists.txt (the soname
     follows it), refresh the baseline in the same change
       cmake --build <build> --target abi-update
     and say what changed in RELEASE-NOTES.md. docs/ABI.md has the rules.
EOF
exit 1
