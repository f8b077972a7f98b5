#!/usr/bin/env bash
# test-cli-verify.sh UNITLS PKI_DIR
#
# `unitls verify` against the committed test PKI (conformance/pki): the exit
# code (0 valid, 1 not valid, 2 anything else), the text and the JSON output,
# byte for byte. An option whose capability the provider lacks (as `unitls
# version` lists its features) must exit 2 with UNITLS_E_UNSUPPORTED; that
# is checked instead of the verdict, never skipped.
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 UNITLS PKI_DIR" >&2
    exit 2
fi
unitls=$(realpath -- "$1") pki=$2
[ -x "$unitls" ] || { echo "$0: $1 is not a program" >&2; exit 2; }
cd "$pki" || exit 2

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
failures=0 passed=0

features=" $("$unitls" version | sed -n 's/^features://p') "
has_feature() { [[ $features == *" $1 "* ]]; }

fail() {
    echo "FAIL: $1"
    shift
    printf '  %s\n' "$@"
    failures=$((failures + 1))
}

# run ARGS...: runs `unitls verify ARGS`; sets rc, out, err. A sanitizer
# report fails the case whatever the exit code (a leak report exits 1, which
# could pass for "not valid").
run() {
    "$unitls" verify "$@" >"$work/out" 2>"$work/err"
    rc=$?
    out=$(cat "$work/out")
    err=$(cat "$work/err")
    if grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$work/err"; then
        fail "sanitizer report" "unitls verify $*" "$err"
    fi
}

# expect NAME RC STDOUT ARGS...: the exit code and the whole of stdout
# (STDOUT "*" accepts any output).
expect() {
    local name=$1 want_rc=$2 want_out=$3
    shift 3
    run "$@"
    if [ "$rc" -ne "$want_rc" ]; then
        fail "$name: exit $rc, expected $want_rc" "unitls verify $*" \
             "stdout: $out" "stderr: $err"
    elif [ "$want_out" != "*" ] && [ "$out" != "$want_out" ]; then
        fail "$name: unexpected output" "unitls verify $*" \
             "got:      $out" "expected: $want_out"
    else
        passed=$((passed + 1))
    fi
}

# usage NAME ARGS...: exit 2, nothing on stdout, a message on stderr.
usage() {
    local name=$1
    shift
    expect "$name" 2 "" "$@"
    [ -n "$err" ] || fail "$name: no message on stderr" "unitls verify $*"
}

# unsupported NAME ARGS...: exit 2 and the library's UNSUPPORTED message.
unsupported() {
    local name=$1
    shift
    expect "$name (unsupported)" 2 "" "$@"
    [[ $err == *UNITLS_E_UNSUPPORTED* ]] ||
        fail "$name: stderr does not name UNITLS_E_UNSUPPORTED" "$err"
}

# with_feature FEATURE NAME RC STDOUT ARGS...: as expect() when the provider
# has FEATURE, else as unsupported().
with_feature() {
    local feature=$1 name=$2
    shift 2
    if has_feature "$feature"; then
        expect "$name" "$@"
    else
        shift 2
        unsupported "$name" "$@"
    fi
}

server="C=XY, ST=Test State, L=Test City, O=unitls test, OU=server, CN=localhost"
expired="C=XY, O=unitls test, OU=expired, CN=localhost"
wronghost="C=XY, O=unitls test, OU=wronghost, CN=wrong.example"
int_ca="C=XY, O=unitls test, CN=unitls Test Intermediate CA"
ca=(--ca root-ca.crt)

# --- verdicts -------------------------------------------------------------------
expect "valid chain" 0 "valid" "${ca[@]}" server-chain.pem
expect "valid chain, --host" 0 "valid" "${ca[@]}" --host localhost server-chain.pem
expect "valid chain, wildcard --host" 0 "valid" \
    "${ca[@]}" --host a.test.example server-chain.pem
expect "valid chain, --ip 127.0.0.1" 0 "valid" \
    "${ca[@]}" --ip 127.0.0.1 server-chain.pem
expect "valid chain, --ip ::1" 0 "valid" "${ca[@]}" --ip ::1 server-chain.pem
expect "full chain, --ca=FILE" 0 "valid" --ca=root-ca.crt server-fullchain.pem
expect "expired" 1 "not valid
expired at depth 0: $expired" "${ca[@]}" expired-chain.pem
expect "not yet valid" 1 "not valid
not_yet_valid at depth 0: C=XY, O=unitls test, OU=notyet, CN=localhost" \
    "${ca[@]}" notyet-chain.pem
expect "wrong host" 1 "not valid
hostname_mismatch at depth 0: $wronghost" \
    "${ca[@]}" --host localhost wronghost-chain.pem
expect "wrong IP" 1 "not valid
ip_mismatch at depth 0: $server" "${ca[@]}" --ip 192.0.2.1 server-chain.pem
expect "no name: no name check" 0 "valid" "${ca[@]}" wronghost-chain.pem
expect "self-signed leaf" 1 "not valid
self_signed at depth 0: C=XY, O=unitls test, OU=selfsigned, CN=localhost" \
    "${ca[@]}" selfsigned.crt
expect "self-signed leaf as its own anchor" 0 "valid" \
    --ca selfsigned.crt selfsigned.crt
expect "untrusted root in the chain" 1 "not valid
self_signed_in_chain at depth 2: C=XY, O=unitls test, CN=unitls Other Test Root CA" \
    "${ca[@]}" other-server-fullchain.pem
expect "missing intermediate (DER leaf)" 1 "not valid
unable_to_get_issuer at depth 0: $server" "${ca[@]}" server.der
expect "--ca repeated" 0 "valid" --ca other-root-ca.crt "${ca[@]}" server-chain.pem

# --- JSON, byte for byte --------------------------------------------------------
expect "json valid" 0 '{"valid": true, "errors": []}' \
    "${ca[@]}" --json --host localhost server-chain.pem
expect "json expired" 1 \
    '{"valid": false, "errors": [{"error": "expired", "depth": 0, "subject": "'"$expired"'"}]}' \
    "${ca[@]}" --json expired-chain.pem
expect "json wrong host" 1 \
    '{"valid": false, "errors": [{"error": "hostname_mismatch", "depth": 0, "subject": "'"$wronghost"'"}]}' \
    "${ca[@]}" --json --host localhost wronghost-chain.pem

# --- settings that every provider has ----------------------------------------------
expect "--depth 1" 0 "valid" "${ca[@]}" --depth 1 server-chain.pem
expect "--depth 0" 1 "not valid
chain_too_long at depth 1: $int_ca" "${ca[@]}" --depth 0 server-chain.pem
expect "--purpose server" 0 "valid" "${ca[@]}" --purpose server server-chain.pem

# --- settings behind a capability ----------------------------------------------------
# expired.crt is valid from 2020-01-01 to 2021-01-01.
with_feature verify-time "--at inside the expired leaf's validity" 0 "valid" \
    "${ca[@]}" --at 2020-06-01T00:00:00Z expired-chain.pem
with_feature verify-time "--at with an offset" 0 "valid" \
    "${ca[@]}" --at 2020-12-31T23:30:00-00:20 expired-chain.pem
with_feature verify-time "--at just past notAfter (offset)" 1 "not valid
expired at depth 0: $expired" \
    "${ca[@]}" --at 2021-01-01T00:30:01+00:30 expired-chain.pem
with_feature verify-time "--at in seconds" 0 "valid" \
    "${ca[@]}" --at 1590969600 expired-chain.pem
with_feature verify-time "--at before the server leaf" 1 "not valid
not_yet_valid at depth 0: $server" \
    "${ca[@]}" --at 2024-12-31T23:59:59Z server-chain.pem
with_feature verify-purpose "--purpose client, server leaf" 1 "not valid
invalid_purpose at depth 0: $server" \
    "${ca[@]}" --purpose client server-chain.pem
with_feature verify-purpose "--purpose client, client leaf" 0 "valid" \
    "${ca[@]}" --purpose client client-chain.pem
with_feature untrusted "--untrusted intermediate" 0 "valid" \
    "${ca[@]}" --untrusted int-ca.crt server.crt
with_feature partial-chain "--partial-chain, intermediate as anchor" 0 "valid" \
    --ca int-ca.crt --partial-chain server.crt
expect "intermediate as anchor without --partial-chain" 1 "*" \
    --ca int-ca.crt server.crt
with_feature crl "--crl-check leaf, no CRL" 1 "not valid
crl_unavailable at depth 0: $server" \
    "${ca[@]}" --crl-check leaf server-chain.pem
# The revocation fixtures of conformance/pki/vctl, when they are there.
if [ -f vctl/int-ca.crl ] && [ -f vctl/revoked-chain.pem ]; then
    with_feature crl "--crl, revoked leaf" 1 "not valid
revoked at depth 0: C=XY, O=unitls test, OU=revoked, CN=localhost" \
        "${ca[@]}" --crl vctl/int-ca.crl vctl/revoked-chain.pem
    with_feature crl "--crl, good leaf" 0 "valid" \
        "${ca[@]}" --crl vctl/int-ca.crl server-chain.pem
else
    echo "note: conformance/pki/vctl has no CRL fixtures; --crl verdicts not run"
fi

# --- usage errors and failures: exit 2 -------------------------------------------
usage "no --ca" server-chain.pem
usage "no CERT" "${ca[@]}"
usage "two CERTs" "${ca[@]}" server-chain.pem expired-chain.pem
usage "unknown option" "${ca[@]}" --bogus server-chain.pem
usage "--host and --ip" "${ca[@]}" --host localhost --ip 127.0.0.1 server-chain.pem
usage "--ip with a name" "${ca[@]}" --ip localhost server-chain.pem
usage "--host with an IP" "${ca[@]}" --host 127.0.0.1 server-chain.pem
usage "--host with an IPv6 address" "${ca[@]}" --host ::1 server-chain.pem
usage "--at not a time" "${ca[@]}" --at yesterday server-chain.pem
usage "--at without a zone" "${ca[@]}" --at 2030-01-02T03:04:05 server-chain.pem
usage "--at negative seconds" "${ca[@]}" --at -5 server-chain.pem
usage "--at February 30" "${ca[@]}" --at 2030-02-30T00:00:00Z server-chain.pem
usage "--purpose unknown" "${ca[@]}" --purpose email server-chain.pem
usage "--depth too large" "${ca[@]}" --depth 8 server-chain.pem
usage "--depth not a number" "${ca[@]}" --depth two server-chain.pem
usage "--crl-check unknown" "${ca[@]}" --crl-check all server-chain.pem
usage "--json with a value" "${ca[@]}" --json=yes server-chain.pem
usage "missing CERT file" "${ca[@]}" "$work/none.pem"
usage "CERT not a certificate" "${ca[@]}" notacert.txt
usage "CERT malformed PEM" "${ca[@]}" garbage.pem
usage "missing --ca file" --ca "$work/none.crt" server-chain.pem
usage "U-label --host" "${ca[@]}" --host "bücher.example" server-chain.pem
if has_feature crl; then
    usage "missing --crl file" "${ca[@]}" --crl "$work/none.crl" server-chain.pem
else
    unsupported "--crl" "${ca[@]}" --crl "$work/none.crl" server-chain.pem
fi
expect "--help" 0 "*" --help

echo "cli verify ($("$unitls" version | sed -n 's/^provider: //p')):" \
     "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
