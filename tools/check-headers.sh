#!/usr/bin/env bash
# check-headers.sh CC INCLUDE_DIR...
#
# The public headers as a downstream user meets them, compiled with only the
# unitls include directories given (no backend include path):
#  - each header compiles on its own, warning-free, as C11 (and as C++ when
#    a C++ compiler is around: the headers promise extern "C");
#  - <unitls/unitls.h> pulls in no header but unitls' own and the C standard
#    library's: no OpenSSL, wolfSSL or BoringSSL header, not even one found
#    on the compiler's default path (where Debian puts OpenSSL's);
#  - no public header defines a struct or union: the types are opaque, so
#    their layout is not part of the ABI.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 CC INCLUDE_DIR..." >&2
    exit 2
fi
cc=$1
shift
include_args=()
for dir in "$@"; do include_args+=("-I$dir"); done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() {
    echo "public-headers: $*"
    status=1
}

headers=$(for dir in "$@"; do
    for h in "$dir"/unitls/*.h; do [ -f "$h" ] && basename "$h"; done
done | sort -u)
[ -n "$headers" ] || { echo "public-headers: no unitls/*.h under $*"; exit 1; }

cxx=
for candidate in "${CXX:-}" c++ g++ clang++; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null; then
        cxx=$candidate
        break
    fi
done

warnings=(-Wall -Wextra -Werror -pedantic)
for h in $headers; do
    # (a declaration of our own, since a header of macros alone would leave
    # an empty translation unit, which -pedantic rejects)
    printf '#include <unitls/%s>\ntypedef int check_headers_t;\n' "$h" \
        >"$work/one.c"
    "$cc" -std=c11 "${warnings[@]}" -Wstrict-prototypes -fsyntax-only \
          "${include_args[@]}" "$work/one.c" 2>"$work/err" ||
        fail "<unitls/$h> does not compile on its own as C11: $(cat "$work/err")"
    if [ -n "$cxx" ]; then
        cp "$work/one.c" "$work/one.cpp"
        "$cxx" -std=c++11 "${warnings[@]}" -fsyntax-only \
               "${include_args[@]}" "$work/one.cpp" 2>"$work/err" ||
            fail "<unitls/$h> does not compile as C++: $(cat "$work/err")"
    fi
done

# Every file the preprocessor reads for <unitls/unitls.h>, against what the C
# standard headers alone read.
deps() {
    "$cc" -std=c11 "${include_args[@]}" -M -MF "$work/deps" "$1" &&
        sed -e 's/^[^:]*://' -e 's/\\$//' "$work/deps" | tr ' ' '\n' |
        sed '/^$/d' | while read -r f; do
            realpath -m "$f"
        done | sort -u
}
printf '#include <unitls/unitls.h>\n' >"$work/all.c"
standard="assert complex ctype errno fenv float inttypes iso646 limits locale
          math setjmp signal stdalign stdarg stdatomic stdbool stddef stdint
          stdio stdlib stdnoreturn string tgmath time uchar wchar wctype"
for h in $standard; do printf '#include <%s.h>\n' "$h"; done >"$work/std.c"
deps "$work/all.c" >"$work/all.deps"
deps "$work/std.c" >"$work/std.deps"
unitls_dirs=$(for dir in "$@"; do realpath -m "$dir/unitls"; done)
extra=$(comm -23 "$work/all.deps" "$work/std.deps" | while read -r f; do
    case $f in "$work"/*) continue ;; esac
    inside=no
    for dir in $unitls_dirs; do
        case $f in "$dir"/*) inside=yes ;; esac
    done
    [ $inside = yes ] || echo "  $f"
done)
if [ -n "$extra" ]; then
    if grep -qE '/(openssl|wolfssl|cyassl|android)/' <<<"$extra"; then
        fail "a public header includes a backend header:"
    else
        fail "<unitls/unitls.h> includes headers that are neither unitls' nor" \
             "the C standard library's:"
    fi
    head -n 10 <<<"$extra"
    n=$(wc -l <<<"$extra")
    [ "$n" -le 10 ] || echo "  ... and $((n - 10)) more"
fi

# Opaque types only: "struct name {" or "union name {" in a public header
# would make a layout part of the ABI.
for dir in "$@"; do
    for h in "$dir"/unitls/*.h; do
        [ -f "$h" ] || continue
        if grep -nE '\b(struct|union)\b[^;(]*\{' "$h" >"$work/structs"; then
            fail "$h defines a struct or union (public types must be opaque):"
            cat "$work/structs"
        fi
    done
done

if [ $status -eq 0 ]; then
    echo "public-headers: $(echo "$headers" | wc -l) headers compile alone" \
         "(C11${cxx:+ and C++}) with only $* on the include path;" \
         "unitls.h reads no backend or non-standard header; all types opaque"
fi
exit $status
