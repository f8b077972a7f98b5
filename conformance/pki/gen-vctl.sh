#!/usr/bin/env bash
# Regenerate the verification-control fixtures in vctl/: one chain per
# verification error the suite provokes (invalid CA, path length, depth,
# revocation, weak keys, bad signatures, commonName-only names) and the CRLs.
#
# Issued by the committed root-ca / int-ca of gen.sh (their keys are
# committed), so that the rest of the PKI stays as it is. The outputs are
# committed; the suite never runs this script. Needs the `openssl` tool
# (OpenSSL 3.0: -crl_lastupdate / -crl_nextupdate).
set -euo pipefail

PKI_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
cd "$PKI_DIR"
CNF="$PKI_DIR/vctl.cnf"
OUT=vctl
LEAF_START=20250101000000Z
LEAF_END=21250101000000Z
CA_START=20200101000000Z
CA_END=21300101000000Z

rm -rf -- "$OUT"
mkdir "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf -- "$WORK"' EXIT
export UNITLS_PKI_WORK="$WORK"
mkdir "$WORK/newcerts"
: > "$WORK/index.txt"

ec_key()  { openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
                -pkeyopt ec_param_enc:named_curve -out "$1"; }
rsa_key() { openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:"$2" -out "$1"; }

# issue OUTNAME KEY SERIAL SUBJECT EXT START END ISSUER_CRT ISSUER_KEY [MD]
issue() {
  local name=$1 key=$2 serial=$3 subject=$4 ext=$5 start=$6 end=$7
  local icrt=$8 ikey=$9 md=${10:-sha256}
  local csr="$WORK/$(basename "$name").csr"
  openssl req -config "$CNF" -new -key "$key" -subj "$subject" -out "$csr"
  echo "$serial" > "$WORK/serial"
  openssl ca -config "$CNF" -batch -notext -md "$md" -cert "$icrt" \
      -keyfile "$ikey" -extensions "$ext" -startdate "$start" -enddate "$end" \
      -in "$csr" -out "$name" 2> "$WORK/ca.log" \
    || { cat "$WORK/ca.log" >&2; exit 1; }
}

BASE="/C=XY/O=unitls test"

# --- invalid CAs: CA:FALSE, and no basicConstraints at all -----------------------
ec_key $OUT/notca.key
issue $OUT/notca.crt $OUT/notca.key 2001 "$BASE/CN=unitls Not-a-CA" v3_notca \
      $CA_START $CA_END root-ca.crt root-ca.key
ec_key $OUT/leaf.key   # one key for every leaf below
issue $OUT/notca-leaf.crt $OUT/leaf.key 2002 "$BASE/OU=notca/CN=localhost" \
      v3_localhost $LEAF_START $LEAF_END $OUT/notca.crt $OUT/notca.key
ec_key $OUT/nobc.key
issue $OUT/nobc.crt $OUT/nobc.key 2003 "$BASE/CN=unitls No-BC CA" v3_nobc \
      $CA_START $CA_END root-ca.crt root-ca.key
issue $OUT/nobc-leaf.crt $OUT/leaf.key 2004 "$BASE/OU=nobc/CN=localhost" \
      v3_localhost $LEAF_START $LEAF_END $OUT/nobc.crt $OUT/nobc.key

# --- path length: a CA under int-ca, whose pathlen is 0 ------------------------------
ec_key $OUT/sub-ca.key
issue $OUT/sub-ca.crt $OUT/sub-ca.key 2005 "$BASE/CN=unitls Sub CA" v3_mid \
      $CA_START $CA_END int-ca.crt int-ca.key
issue $OUT/sub-leaf.crt $OUT/leaf.key 2006 "$BASE/OU=sub/CN=localhost" \
      v3_localhost $LEAF_START $LEAF_END $OUT/sub-ca.crt $OUT/sub-ca.key

# --- depth: root -> mid1 -> mid2 -> leaf, no path length constraints -----------------
ec_key $OUT/mid1.key
issue $OUT/mid1.crt $OUT/mid1.key 2007 "$BASE/CN=unitls Mid CA 1" v3_mid \
      $CA_START $CA_END root-ca.crt root-ca.key
ec_key $OUT/mid2.key
issue $OUT/mid2.crt $OUT/mid2.key 2008 "$BASE/CN=unitls Mid CA 2" v3_mid \
      $CA_START $CA_END $OUT/mid1.crt $OUT/mid1.key
issue $OUT/deep-leaf.crt $OUT/leaf.key 2009 "$BASE/OU=deep/CN=localhost" \
      v3_localhost $LEAF_START $LEAF_END $OUT/mid2.crt $OUT/mid2.key

# --- names: a server certificate without subjectAltName ------------------------------
issue $OUT/cnonly.crt $OUT/leaf.key 200A "$BASE/OU=cnonly/CN=localhost" \
      v3_cnonly $LEAF_START $LEAF_END int-ca.crt int-ca.key

# --- weak: an RSA-1024 key, and a SHA-1 signature -----------------------------------
rsa_key $OUT/weak-rsa1024.key 1024
issue $OUT/weak-rsa1024.crt $OUT/weak-rsa1024.key 200B \
      "$BASE/OU=rsa1024/CN=localhost" v3_localhost_rsa $LEAF_START $LEAF_END \
      int-ca.crt int-ca.key
issue $OUT/weak-sha1.crt $OUT/leaf.key 200C "$BASE/OU=sha1/CN=localhost" \
      v3_localhost $LEAF_START $LEAF_END int-ca.crt int-ca.key sha1

# --- a signature that does not verify: the last signature byte flipped ---------------
issue $OUT/badsig.crt $OUT/leaf.key 200D "$BASE/OU=badsig/CN=localhost" \
      v3_localhost $LEAF_START $LEAF_END int-ca.crt int-ca.key
openssl x509 -in $OUT/badsig.crt -outform DER -out "$WORK/badsig.der"
python3 - "$WORK/badsig.der" <<'PY'
import sys
p = sys.argv[1]
d = bytearray(open(p, 'rb').read())
d[-1] ^= 0x01
open(p, 'wb').write(bytes(d))
PY
openssl x509 -inform DER -in "$WORK/badsig.der" -out $OUT/badsig.crt

# --- revocation: int-ca revokes one leaf ---------------------------------------------
issue $OUT/revoked.crt $OUT/leaf.key 200E "$BASE/OU=revoked/CN=localhost" \
      v3_localhost $LEAF_START $LEAF_END int-ca.crt int-ca.key
: > "$WORK/index.txt"   # int-ca's database: only the revoked leaf
openssl ca -config "$CNF" -cert int-ca.crt -keyfile int-ca.key \
    -revoke $OUT/revoked.crt -crl_reason keyCompromise 2> "$WORK/ca.log" \
  || { cat "$WORK/ca.log" >&2; exit 1; }
crl() { # crl OUT CA_CRT CA_KEY LAST NEXT
  openssl ca -config "$CNF" -gencrl -cert "$2" -keyfile "$3" -md sha256 \
      -crlexts crl_ext -crl_lastupdate "$4" -crl_nextupdate "$5" -out "$1" \
      2> "$WORK/ca.log" || { cat "$WORK/ca.log" >&2; exit 1; }
}
crl $OUT/int-ca.crl int-ca.crt int-ca.key 20250101000000Z 21250101000000Z
crl $OUT/int-ca-expired.crl int-ca.crt int-ca.key 20200101000000Z 20210101000000Z
: > "$WORK/index.txt"   # root's database: nothing revoked
crl $OUT/root-ca.crl root-ca.crt root-ca.key 20250101000000Z 21250101000000Z

# --- chains as a server sends them (leaf first) ------------------------------------
cat $OUT/notca-leaf.crt $OUT/notca.crt > $OUT/notca-chain.pem
cat $OUT/nobc-leaf.crt $OUT/nobc.crt > $OUT/nobc-chain.pem
cat $OUT/sub-leaf.crt $OUT/sub-ca.crt int-ca.crt > $OUT/sub-chain.pem
cat $OUT/deep-leaf.crt $OUT/mid2.crt $OUT/mid1.crt > $OUT/deep-chain.pem
cat $OUT/cnonly.crt int-ca.crt > $OUT/cnonly-chain.pem
cat $OUT/weak-rsa1024.crt int-ca.crt > $OUT/weak-rsa1024-chain.pem
cat $OUT/weak-sha1.crt int-ca.crt > $OUT/weak-sha1-chain.pem
cat $OUT/badsig.crt int-ca.crt > $OUT/badsig-chain.pem
cat $OUT/revoked.crt int-ca.crt > $OUT/revoked-chain.pem
cat $OUT/int-ca.crl $OUT/root-ca.crl > $OUT/all.crl
chmod 0644 -- $OUT/*.key
