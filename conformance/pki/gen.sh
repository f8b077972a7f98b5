#!/usr/bin/env bash
# Regenerate the unitls test PKI in this script's directory.
#
# The generated files are committed; the conformance suite uses those and
# never runs this script. Rerunning it replaces every generated file (new
# keys, so new signatures and fingerprints) but keeps subjects, serials,
# dates and extensions, hence the expected/*.json renderings, unchanged.
#
# Needs only the `openssl` command-line tool (written against OpenSSL 3.0);
# python3, when present, refreshes expected/ through make_expected.py.
set -euo pipefail

PKI_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
CNF="$PKI_DIR/ca.cnf"
PASSWORD=unitls-pass

# Validity windows. CAs span 2020..2130 so that they cover the deliberately
# expired and not-yet-valid leaves too (only the leaf's own dates are wrong).
CA_START=20200101000000Z
CA_END=21300101000000Z
LEAF_START=20250101000000Z
LEAF_END=21250101000000Z
EXPIRED_START=20200101000000Z
EXPIRED_END=20210101000000Z
NOTYET_START=21200101000000Z
NOTYET_END=21300101000000Z

# Everything this script writes, and nothing else, is removed first
# (expected/ is make_expected.py's to clean, so it survives a run without python3).
OUTPUTS=(
  root-ca.crt root-ca.key int-ca.crt int-ca.key
  server.crt server.key server-chain.pem server-fullchain.pem
  server-rsa.crt server-rsa.key server-rsa-chain.pem
  client.crt client.key client-chain.pem
  expired.crt expired.key expired-chain.pem
  notyet.crt notyet.key notyet-chain.pem
  wronghost.crt wronghost.key wronghost-chain.pem
  selfsigned.crt selfsigned.key
  other-root-ca.crt other-root-ca.key other-int-ca.crt other-int-ca.key
  other-server.crt other-server.key other-server-chain.pem
  other-server-fullchain.pem
  server-enc.key mismatch.key server.der server-key.der
  client.der client-key.der client-enc.key
  client.p12 client-legacy.p12 client-mismatch.p12
  garbage.pem notacert.txt bundle.pem server-ocsp.der
)

cd "$PKI_DIR"
for f in "${OUTPUTS[@]}"; do rm -f -- "$f"; done
rm -rf -- capath

WORK=$(mktemp -d)
trap 'rm -rf -- "$WORK"' EXIT
export UNITLS_PKI_WORK="$WORK"
mkdir "$WORK/newcerts"
: > "$WORK/index.txt"

ec_key()  { openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
                -pkeyopt ec_param_enc:named_curve -out "$1"; }
rsa_key() { openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1"; }

# issue NAME SERIAL SUBJECT EXTENSIONS START END ISSUER
#   Signs NAME.key's request into NAME.crt. ISSUER is the base name of the
#   signing CA, or "self" for a self-signed certificate.
issue() {
  local name=$1 serial=$2 subject=$3 ext=$4 start=$5 end=$6 issuer=$7
  local csr="$WORK/$name.csr"
  openssl req -config "$CNF" -new -sha256 -key "$name.key" -subj "$subject" -out "$csr"
  echo "$serial" > "$WORK/serial"
  local signer=(-cert "$issuer.crt" -keyfile "$issuer.key")
  if [[ $issuer == self ]]; then signer=(-selfsign -keyfile "$name.key"); fi
  openssl ca -config "$CNF" -batch -notext -md sha256 "${signer[@]}" \
      -extensions "$ext" -startdate "$start" -enddate "$end" \
      -in "$csr" -out "$name.crt" 2> "$WORK/ca.log" \
    || { cat "$WORK/ca.log" >&2; exit 1; }
}

SUBJ_BASE="/C=XY/O=unitls test"
SUBJ_SERVER="/C=XY/ST=Test State/L=Test City/O=unitls test/OU=server/CN=localhost"

# --- trusted hierarchy -------------------------------------------------------
ec_key root-ca.key
issue root-ca 1001 "$SUBJ_BASE/CN=unitls Test Root CA" v3_root "$CA_START" "$CA_END" self
ec_key int-ca.key
issue int-ca 1002 "$SUBJ_BASE/CN=unitls Test Intermediate CA" v3_int "$CA_START" "$CA_END" root-ca

ec_key server.key
issue server 1003 "$SUBJ_SERVER" v3_server "$LEAF_START" "$LEAF_END" int-ca
rsa_key server-rsa.key
issue server-rsa 1004 "$SUBJ_SERVER" v3_server_rsa "$LEAF_START" "$LEAF_END" int-ca
ec_key client.key
issue client 1005 "$SUBJ_BASE/OU=client/CN=unitls test client" v3_client "$LEAF_START" "$LEAF_END" int-ca
ec_key expired.key
issue expired 1006 "$SUBJ_BASE/OU=expired/CN=localhost" v3_localhost "$EXPIRED_START" "$EXPIRED_END" int-ca
ec_key notyet.key
issue notyet 1007 "$SUBJ_BASE/OU=notyet/CN=localhost" v3_localhost "$NOTYET_START" "$NOTYET_END" int-ca
ec_key wronghost.key
issue wronghost 1008 "$SUBJ_BASE/OU=wronghost/CN=wrong.example" v3_wronghost "$LEAF_START" "$LEAF_END" int-ca

ec_key selfsigned.key
issue selfsigned 1009 "$SUBJ_BASE/OU=selfsigned/CN=localhost" v3_selfsigned "$LEAF_START" "$LEAF_END" self

# --- an unrelated hierarchy (untrusted root) -----------------------------------
ec_key other-root-ca.key
issue other-root-ca 100A "$SUBJ_BASE/CN=unitls Other Test Root CA" v3_root "$CA_START" "$CA_END" self
ec_key other-int-ca.key
issue other-int-ca 100B "$SUBJ_BASE/CN=unitls Other Test Intermediate CA" v3_int "$CA_START" "$CA_END" other-root-ca
ec_key other-server.key
issue other-server 100C "$SUBJ_BASE/OU=other/CN=localhost" v3_localhost "$LEAF_START" "$LEAF_END" other-int-ca

# --- chains and bundles ----------------------------------------------------------
cat server.crt int-ca.crt > server-chain.pem
cat server.crt int-ca.crt root-ca.crt > server-fullchain.pem
cat server-rsa.crt int-ca.crt > server-rsa-chain.pem
cat client.crt int-ca.crt > client-chain.pem
cat expired.crt int-ca.crt > expired-chain.pem
cat notyet.crt int-ca.crt > notyet-chain.pem
cat wronghost.crt int-ca.crt > wronghost-chain.pem
cat other-server.crt other-int-ca.crt > other-server-chain.pem
cat other-server.crt other-int-ca.crt other-root-ca.crt > other-server-fullchain.pem
cat root-ca.crt int-ca.crt > bundle.pem

# A hashed CA directory holding the root (a copy, not a symlink, so that it
# survives any checkout).
mkdir capath
cp root-ca.crt "capath/$(openssl x509 -in root-ca.crt -noout -subject_hash).0"

# --- key variants and other encodings --------------------------------------------
openssl pkcs8 -topk8 -in server.key -v2 aes-256-cbc -v2prf hmacWithSHA256 \
    -passout "pass:$PASSWORD" -out server-enc.key
ec_key mismatch.key
openssl x509 -in server.crt -outform DER -out server.der
openssl pkcs8 -topk8 -nocrypt -in server.key -outform DER -out server-key.der

openssl x509 -in client.crt -outform DER -out client.der
openssl pkcs8 -topk8 -nocrypt -in client.key -outform DER -out client-key.der
openssl pkcs8 -topk8 -in client.key -v2 aes-256-cbc -v2prf hmacWithSHA256 \
    -passout "pass:$PASSWORD" -out client-enc.key

# --- PKCS#12: the client's key, certificate and chain (int-ca, root-ca) -----------
cat int-ca.crt root-ca.crt > "$WORK/client-cas.pem"
# OpenSSL 3's default encoding: PBES2/PBKDF2/AES-256-CBC, SHA-256 MAC.
openssl pkcs12 -export -in client.crt -inkey client.key \
    -certfile "$WORK/client-cas.pem" -name "unitls test client" \
    -passout "pass:$PASSWORD" -out client.p12
# The legacy encoding: pbeWithSHA1And3-KeyTripleDES-CBC, SHA-1 MAC.
openssl pkcs12 -export -in client.crt -inkey client.key \
    -certfile "$WORK/client-cas.pem" -name "unitls test client" \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 \
    -passout "pass:$PASSWORD" -out client-legacy.p12
# A key (mismatch.key) with certificates none of which belongs to it.
openssl pkcs12 -export -nocerts -inkey mismatch.key -certfile client-chain.pem \
    -passout "pass:$PASSWORD" -out client-mismatch.p12 2> /dev/null
# --- an OCSP response for server.crt, signed by its issuer --------------------
# What a server staples (RFC 6066): status good, thisUpdate now, nextUpdate
# in 36500 days; no nonce, as a stapled response is fetched ahead of time.
ocsp_response() {
  printf 'V\t%s\t\t%s\tunknown\t%s\n' "$LEAF_END" 1003 \
      "$(openssl x509 -in server.crt -noout -subject -nameopt compat | sed 's/^subject=//')" \
      > "$WORK/ocsp-index.txt"
  openssl ocsp -issuer int-ca.crt -cert server.crt -no_nonce \
      -reqout "$WORK/ocsp-req.der" > /dev/null
  openssl ocsp -index "$WORK/ocsp-index.txt" -CA int-ca.crt \
      -rsigner int-ca.crt -rkey int-ca.key -ndays 36500 \
      -reqin "$WORK/ocsp-req.der" -respout server-ocsp.der > /dev/null
}
ocsp_response

# These are public test keys: make them readable like every other fixture
# (openssl writes private keys with mode 0600).
chmod 0644 -- *.key server-key.der client-key.der *.p12

# --- inputs that are not certificates ----------------------------------------------
cat > garbage.pem <<'GARBAGE'
-----BEGIN CERTIFICATE-----
This is not base64 at all: it holds characters like !, @, # and %
that no PEM decoder can accept ~~~ {[()]} <<>> ??? ***
-----END CERTIFICATE-----
GARBAGE
cat > notacert.txt <<'TEXT'
This is a plain text file. It is not a certificate, a key or PEM data.
The unitls conformance suite uses it as input that must be rejected.
TEXT

# --- expected Python getpeercert() renderings -------------------------------------
if command -v python3 > /dev/null; then
  python3 "$PKI_DIR/make_expected.py"
else
  echo "gen.sh: python3 not found, expected/ not regenerated" >&2
fi
