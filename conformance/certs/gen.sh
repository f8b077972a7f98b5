#!/usr/bin/env bash
# Regenerate the certificate corpus in this script's directory.
#
# The corpus is committed; the conformance suite reads it and never runs this
# script. Rerunning it replaces every certificate (new keys, so new
# signatures and fingerprints) but keeps what Python's getpeercert() shows
# (subjects, serials, dates, extensions), hence expected/*.json, unchanged.
#
# Most certificates come from the `openssl` command-line tool (written
# against OpenSSL 3.0) and corpus.cnf; handmade.py writes the few that the
# tool cannot make (it builds the DER itself and signs with `openssl`).
# make_expected.py then writes expected/. Needs openssl and python3.
set -euo pipefail

CORPUS_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
CNF="$CORPUS_DIR/corpus.cnf"

cd "$CORPUS_DIR"
# Every certificate here is generated: start from none.
rm -f -- *.crt *.der

WORK=$(mktemp -d)
trap 'rm -rf -- "$WORK"' EXIT
export UNITLS_CORPUS_WORK="$WORK"
export UNITLS_CORPUS_MASK=utf8only
mkdir "$WORK/newcerts"
: > "$WORK/index.txt"

# key TYPE FILE: a new private key of one of the corpus' key types.
key() {
  local type=$1 out=$2
  case $type in
    ec256)   openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
                 -pkeyopt ec_param_enc:named_curve -out "$out" ;;
    ec384)   openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-384 \
                 -pkeyopt ec_param_enc:named_curve -out "$out" ;;
    ec521)   openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-521 \
                 -pkeyopt ec_param_enc:named_curve -out "$out" ;;
    k256)    openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 \
                 -pkeyopt ec_param_enc:named_curve -out "$out" ;;
    rsa*)    openssl genpkey -quiet -algorithm RSA -pkeyopt "rsa_keygen_bits:${type#rsa}" \
                 -out "$out" ;;
    pss2048) openssl genpkey -quiet -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 \
                 -out "$out" ;;
    ed25519) openssl genpkey -quiet -algorithm ED25519 -out "$out" ;;
    ed448)   openssl genpkey -quiet -algorithm ED448 -out "$out" ;;
    dsa2048) openssl genpkey -quiet -genparam -algorithm DSA \
                 -pkeyopt dsa_paramgen_bits:2048 -out "$WORK/dsa.param"
             openssl genpkey -quiet -paramfile "$WORK/dsa.param" -out "$out" ;;
    *) echo "gen.sh: unknown key type $type" >&2; exit 1 ;;
  esac
}

# issue NAME SERIAL SUBJECT EXTENSIONS START END ISSUER KEYTYPE [MD]
#   Makes NAME.crt for a new key of KEYTYPE. EXTENSIONS is a section of
#   corpus.cnf, or "-" for none (a version 1 certificate). ISSUER is the
#   base name of a corpus CA, or "self". MD is the signature digest
#   (default sha256; "default" for EdDSA).
issue() {
  local name=$1 serial=$2 subject=$3 ext=$4 start=$5 end=$6 issuer=$7 type=$8
  local md=${9:-sha256}
  local keyfile="$WORK/$name.key" csr="$WORK/$name.csr"
  key "$type" "$keyfile"
  openssl req -config "$CNF" -new -key "$keyfile" -subj "$subject" -out "$csr"
  echo "$serial" > "$WORK/serial"
  local signer=(-cert "$issuer.crt" -keyfile "$WORK/$issuer.key")
  [[ $issuer == self ]] && signer=(-selfsign -keyfile "$keyfile")
  local extensions=(-extensions "$ext")
  [[ $ext == - ]] && extensions=()
  openssl ca -config "$CNF" -batch -notext -md "$md" "${signer[@]}" \
      "${extensions[@]}" -startdate "$start" -enddate "$end" \
      -in "$csr" -out "$name.crt" 2> "$WORK/ca.log" \
    || { cat "$WORK/ca.log" >&2; exit 1; }
}

# issue_multivalued NAME SERIAL SUBJECT EXTENSIONS START END
#   A self-signed certificate whose SUBJECT has multi-valued RDNs
#   ("/O=a+CN=b"). `openssl ca` splits such RDNs, so the certificate it makes
#   is re-signed by `openssl x509` with the subject replaced and the dates
#   kept.
issue_multivalued() {
  local name=$1 subject=$3
  issue "$1" "$2" "/CN=placeholder" "$4" "$5" "$6" self ec256
  openssl x509 -in "$name.crt" -key "$WORK/$name.key" -subj "$subject" \
      -preserve_dates -sha256 -out "$WORK/$name.resigned"
  mv "$WORK/$name.resigned" "$name.crt"
}

BASE="/C=XY/O=unitls corpus"
CA_START=20200101000000Z      # UTCTime
CA_END=21200101000000Z        # GeneralizedTime (2050 and later)
START=20250101000000Z
END=20350101000000Z

# --- CAs: basicConstraints CA:TRUE without, with 0 and with 7 as pathlen ------
issue ca-root 01 "$BASE/CN=unitls Corpus Root CA" v3_root "$CA_START" "$CA_END" self ec256
issue ca-pathlen0 1002 "$BASE/OU=pathlen 0/CN=unitls Corpus Intermediate CA" v3_ca_pathlen0 \
    "$CA_START" "$CA_END" ca-root rsa3072
issue ca-pathlen7 1003 "$BASE/OU=pathlen 7/CN=unitls Corpus Deep CA" v3_ca_pathlen7 \
    "$CA_START" "$CA_END" ca-root ec384

# --- versions -------------------------------------------------------------------
issue v1-rsa2048 2001 "$BASE/OU=v1/CN=version one" - "$START" "$END" ca-root rsa2048
issue v1-selfsigned 2002 "$BASE/OU=v1/CN=version one self-signed" - "$START" "$END" self ec256

# --- serial numbers ----------------------------------------------------------------
issue serial-zero 00 "$BASE/OU=serial/CN=serial zero" v3_leaf "$START" "$END" ca-root ec256
issue serial-20-bytes 7F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C \
    "$BASE/OU=serial/CN=serial of 20 bytes" v3_leaf "$START" "$END" ca-root ec256
issue serial-high-bit 80 "$BASE/OU=serial/CN=serial 0x80 needs a leading zero" v3_leaf \
    "$START" "$END" ca-root ec256
issue serial-20-bytes-high-bit FF00112233445566778899AABBCCDDEEFF001122 \
    "$BASE/OU=serial/CN=serial of 20 bytes with the high bit set" v3_leaf \
    "$START" "$END" ca-root ec256

# --- names ---------------------------------------------------------------------------
issue name-attributes 3001 "/C=XY/ST=Test State/L=Test City/O=unitls corpus/OU=attributes\
/CN=every attribute type/emailAddress=attributes@corpus.test.example/serialNumber=SN-0042\
/SN=Surname/GN=Given/title=Tester/initials=G.S./generationQualifier=III/dnQualifier=qualifier\
/pseudonym=Pseudo/street=1 Test Street/postalCode=12345/postOfficeBox=PO 7\
/DC=corpus/DC=example/UID=uid-42/businessCategory=Testing/name=Full Name\
/description=A description/telephoneNumber=\+1 555 0100/role=tester\
/organizationIdentifier=VATXY-42/jurisdictionC=XY/jurisdictionST=Jurisdiction State\
/jurisdictionL=Jurisdiction City/unstructuredName=unstructured/houseIdentifier=House 9" \
    v3_leaf "$START" "$END" ca-root ec256
issue name-unknown-oid 3002 "$BASE/OU=unknown attribute type/unitlsCorpusAttr=value of an unknown type\
/CN=unknown attribute" v3_leaf "$START" "$END" ca-root ec256
issue_multivalued name-multivalued 3003 \
    "/C=XY/O=unitls corpus+OU=multi-valued+L=Test City/CN=multi-valued RDN+emailAddress=multi@corpus.test.example+UID=m1" \
    v3_self_leaf "$START" "$END"

# --- string types (the request's string mask decides them) ---------------------------
issue string-utf8 4001 $'/C=XY/O=unitls corpus/OU=UTF8String/L=Z\xc3\xbcrich\
/CN=Gr\xc3\xbc\xc3\x9fe \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xac \xf0\x9f\x98\x80' \
    v3_leaf "$START" "$END" ca-root ec256
UNITLS_CORPUS_MASK=default issue string-printable 4002 \
    "/C=XY/O=unitls corpus/OU=PrintableString/CN=Printable A-Z a-z 0-9 '()\+,-.\/:=? end" \
    v3_leaf "$START" "$END" ca-root ec256
UNITLS_CORPUS_MASK=default issue string-ia5 4003 \
    "/C=XY/O=unitls corpus/OU=IA5String/DC=corpus/DC=example/emailAddress=ia5_&_friends@corpus.test.example/CN=IA5 in emailAddress and DC" \
    v3_leaf "$START" "$END" ca-root ec256
UNITLS_CORPUS_MASK=default issue string-t61 4004 \
    $'/C=XY/O=unitls corpus/OU=T61String/L=Z\xc3\xbcrich/CN=Caf\xc3\xa9 \xc3\x85ngstr\xc3\xb6m & co@example' \
    v3_leaf "$START" "$END" ca-root ec256
UNITLS_CORPUS_MASK=default issue string-bmp 4005 \
    $'/C=XY/O=unitls corpus/OU=BMPString/L=\xe6\x9d\xb1\xe4\xba\xac/CN=Euro \xe2\x82\xac and \xe2\x80\x9cquotes\xe2\x80\x9d' \
    v3_leaf "$START" "$END" ca-root ec256

# --- validity: UTCTime, GeneralizedTime, both, before 1970, the largest --------------
issue time-utc 5001 "$BASE/OU=time/CN=UTCTime with a one-digit day" v3_leaf \
    250305093443Z 300615235959Z ca-root ec256
issue time-generalized 5002 "$BASE/OU=time/CN=GeneralizedTime" v3_leaf \
    20500101000000Z 21500704120000Z ca-root ec256
issue time-boundary 5003 "$BASE/OU=time/CN=UTCTime then GeneralizedTime" v3_leaf \
    491231235959Z 20500101000000Z ca-root ec256
issue time-pre-1970 5004 "$BASE/OU=time/CN=before the epoch" v3_leaf \
    500101000000Z 691231235959Z ca-root ec256
issue time-max 5005 "$BASE/OU=time/CN=no well-defined expiration" v3_leaf \
    "$START" 99991231235959Z ca-root ec256

# --- subjectAltName -----------------------------------------------------------------------
issue san-dns 6001 "$BASE/OU=san/CN=DNS names" v3_san_dns "$START" "$END" ca-root ec256
issue san-ip 6002 "$BASE/OU=san/CN=IP addresses" v3_san_ip "$START" "$END" ca-root ec256
issue san-email-uri 6003 "$BASE/OU=san/CN=email and URI" v3_san_email_uri "$START" "$END" ca-root ec256
issue san-dirname 6004 "$BASE/OU=san/CN=directory names" v3_san_dirname "$START" "$END" ca-root ec256
issue san-rid 6005 "$BASE/OU=san/CN=registered IDs" v3_san_rid "$START" "$END" ca-root ec256
issue san-othername 6006 "$BASE/OU=san/CN=other names" v3_san_othername "$START" "$END" ca-root ec256
issue san-all 6007 "$BASE/OU=san/CN=every name type" v3_san_all "$START" "$END" ca-root ec256
issue san-empty 6008 "$BASE/OU=san/CN=empty subjectAltName" v3_san_empty "$START" "$END" ca-root ec256

# --- authorityInfoAccess and cRLDistributionPoints ----------------------------------------
issue aia-ocsp 7001 "$BASE/OU=aia/CN=OCSP only" v3_aia_ocsp "$START" "$END" ca-root ec256
issue aia-both 7002 "$BASE/OU=aia/CN=OCSP and caIssuers" v3_aia_both "$START" "$END" ca-root ec256
issue crldp-simple 7003 "$BASE/OU=crldp/CN=one distribution point" v3_crldp_simple \
    "$START" "$END" ca-root ec256
issue crldp-multi 7004 "$BASE/OU=crldp/CN=several distribution points" v3_crldp_multi \
    "$START" "$END" ca-root ec256

# --- basicConstraints, keyUsage, extendedKeyUsage ------------------------------------------
issue bc-only 8001 "$BASE/OU=usage/CN=basicConstraints only" v3_bc_only "$START" "$END" ca-root ec256
issue ku-all 8002 "$BASE/OU=usage/CN=every keyUsage bit" v3_ku_all "$START" "$END" ca-root ec256
issue ku-agreement 8003 "$BASE/OU=usage/CN=keyAgreement and decipherOnly" v3_ku_agreement \
    "$START" "$END" ca-root ec256
issue eku-all 8004 "$BASE/OU=usage/CN=every extendedKeyUsage" v3_eku_all "$START" "$END" ca-root ec256
issue full 8005 "/C=XY/ST=Test State/L=Test City/O=unitls corpus/OU=full/CN=full.corpus.test.example" \
    v3_full "$START" "$END" ca-pathlen0 ec256

# --- public keys ----------------------------------------------------------------------------
issue key-rsa1024-sha1 9001 "$BASE/OU=key/CN=RSA 1024, SHA-1 signature" v3_leaf_rsa \
    "$START" "$END" self rsa1024 sha1
issue key-rsa4096 9002 "$BASE/OU=key/CN=RSA 4096" v3_leaf_rsa "$START" "$END" ca-pathlen0 rsa4096 sha512
issue key-rsa-pss 9003 "$BASE/OU=key/CN=RSASSA-PSS" v3_leaf_rsa "$START" "$END" ca-root pss2048
issue key-ec-p521 9004 "$BASE/OU=key/CN=EC P-521" v3_leaf "$START" "$END" ca-pathlen7 ec521 sha384
issue key-ec-secp256k1 9005 "$BASE/OU=key/CN=EC secp256k1" v3_leaf "$START" "$END" ca-root k256
issue key-ed25519 9006 "$BASE/OU=key/CN=Ed25519" v3_self_leaf "$START" "$END" self ed25519 default
issue key-ed448 9007 "$BASE/OU=key/CN=Ed448" v3_self_leaf "$START" "$END" self ed448 default
issue key-dsa2048 9008 "$BASE/OU=key/CN=DSA 2048" v3_leaf "$START" "$END" ca-root dsa2048

# --- what the command-line tool cannot make --------------------------------------------------
python3 "$CORPUS_DIR/handmade.py" --ca-cert ca-root.crt --ca-key "$WORK/ca-root.key" \
    --work "$WORK"

# One certificate in DER too, for the DER inputs of the suite.
openssl x509 -in full.crt -outform DER -out full.der

# --- expected renderings -----------------------------------------------------------------------
python3 "$CORPUS_DIR/make_expected.py"
