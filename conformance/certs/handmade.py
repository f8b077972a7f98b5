#!/usr/bin/env python3
"""Write the corpus certificates that `openssl` cannot make from a config.

Each certificate here needs an encoding the command-line tool never writes:
a version 2 certificate with unique identifiers, a negative or an overlong
serial, UniversalString and NumericString values, control characters and
NUL bytes in names (CVE-2013-4238), an RDN whose attributes are not in DER
SET order, an empty subject, extension values followed by more bytes
(which OpenSSL ignores), GeneralizedTime before 2050 and the time forms
OpenSSL reads leniently, a repeated extension, an X25519 key.

The DER is written by hand (standard library only) and signed by the
corpus root with `openssl dgst`, so every certificate also verifies.

    handmade.py --ca-cert ca-root.crt --ca-key KEY --work DIR

Called by gen.sh, which owns the root's key and the scratch directory.
"""
import argparse
import base64
import os
import subprocess
import sys

# --- DER ---------------------------------------------------------------------


def length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, content):
    return bytes([tag]) + length(len(content)) + content


def seq(*items):
    return tlv(0x30, b"".join(items))


def set_of(*items):
    """A SET exactly in the order given (DER would sort it)."""
    return tlv(0x31, b"".join(items))


def integer(value):
    size = max(1, (value + (value < 0)).bit_length() // 8 + 1)
    return tlv(0x02, value.to_bytes(size, "big", signed=True))


def integer_bytes(raw):
    """An INTEGER with exactly these content octets."""
    return tlv(0x02, raw)


def oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    first = [arcs[0] * 40 + arcs[1]] + arcs[2:]
    out = b""
    for arc in first:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return tlv(0x06, out)


def explicit(n, content):
    return tlv(0xA0 | n, content)


def bit_string(data, unused=0):
    return tlv(0x03, bytes([unused]) + data)


def octet_string(data):
    return tlv(0x04, data)


UTF8, NUMERIC, PRINTABLE, T61, IA5, UTC, GENERALIZED, UNIVERSAL, BMP = (
    0x0C, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1C, 0x1E)


def string(tag, text):
    """A string of type `tag` holding `text` (str, or bytes taken as is)."""
    if isinstance(text, bytes):
        return tlv(tag, text)
    if tag == BMP:
        return tlv(tag, text.encode("utf-16-be"))
    if tag == UNIVERSAL:
        return tlv(tag, text.encode("utf-32-be"))
    if tag == T61:
        return tlv(tag, text.encode("latin-1"))
    if tag == UTF8:
        return tlv(tag, text.encode("utf-8"))
    return tlv(tag, text.encode("ascii"))


def attr(type_oid, value_der):
    return seq(oid(type_oid), value_der)


def name(*rdns):
    """A Name from RDNs, each a list of (type OID, value DER)."""
    return seq(*(set_of(*(attr(t, v) for t, v in rdn)) for rdn in rdns))


def rdn(type_oid, tag, text):
    return [(type_oid, string(tag, text))]


CN, C, O, OU, L, EMAIL, SERIAL_NUMBER = ("2.5.4.3", "2.5.4.6", "2.5.4.10",
                                         "2.5.4.11", "2.5.4.7",
                                         "1.2.840.113549.1.9.1", "2.5.4.5")


def base_name(ou, cn):
    return name(rdn(C, PRINTABLE, "XY"), rdn(O, UTF8, "unitls corpus"),
                rdn(OU, UTF8, ou), rdn(CN, UTF8, cn))


def extension(type_oid, value_der, critical=False):
    crit = tlv(0x01, b"\xff") if critical else b""
    return seq(oid(type_oid), crit, octet_string(value_der))


SAN, BC, KU = "2.5.29.17", "2.5.29.19", "2.5.29.15"


def leaf_extensions(*more):
    return [extension(BC, seq(), critical=True)] + list(more)


def dns(text):
    return tlv(0x82, text if isinstance(text, bytes) else text.encode())


def email(text):
    return tlv(0x81, text if isinstance(text, bytes) else text.encode())


def uri(text):
    return tlv(0x86, text if isinstance(text, bytes) else text.encode())


# --- certificates --------------------------------------------------------------

START = tlv(UTC, b"250101000000Z")
END = tlv(UTC, b"350101000000Z")
ECDSA_SHA256 = seq(oid("1.2.840.10045.4.3.2"))


class Signer:
    def __init__(self, ca_cert, ca_key, work):
        self.key = ca_key
        self.work = work
        der = subprocess.run(["openssl", "x509", "-in", ca_cert, "-outform",
                              "DER"], check=True, capture_output=True).stdout
        self.issuer = subject_of(der)
        self.subject_key = self.new_key("ec", ["-pkeyopt",
                                               "ec_paramgen_curve:P-256"])
        self.x25519_key = self.new_key("X25519", [])

    def new_key(self, algorithm, options):
        path = os.path.join(self.work, "handmade-%s.key" % algorithm)
        subprocess.run(["openssl", "genpkey", "-quiet", "-algorithm",
                        algorithm] + options + ["-out", path], check=True)
        return subprocess.run(["openssl", "pkey", "-in", path, "-pubout",
                               "-outform", "DER"], check=True,
                              capture_output=True).stdout

    def sign(self, tbs):
        path = os.path.join(self.work, "handmade-tbs.der")
        with open(path, "wb") as f:
            f.write(tbs)
        signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign",
                                    self.key, path], check=True,
                                   capture_output=True).stdout
        return seq(tbs, ECDSA_SHA256, bit_string(signature))


def read_tlv(der, pos):
    """(tag, content start, end) of the TLV at der[pos]."""
    tag, first = der[pos], der[pos + 1]
    pos += 2
    if first < 0x80:
        return tag, pos, pos + first
    n = first & 0x7F
    size = int.from_bytes(der[pos:pos + n], "big")
    return tag, pos + n, pos + n + size


def subject_of(cert):
    _, start, _ = read_tlv(cert, 0)          # Certificate
    _, pos, _ = read_tlv(cert, start)        # tbsCertificate
    fields = []
    while len(fields) < 6:
        tag, content, end = read_tlv(cert, pos)
        fields.append(cert[pos:end])
        pos = end
    # [0] version, serial, signature, issuer, validity, subject
    return fields[5]


def tbs(signer, version=3, serial=None, subject=None, issuer=None,
        not_before=START, not_after=END, spki=None, extensions=(),
        unique_ids=b""):
    parts = []
    if version != 1:
        parts.append(explicit(0, integer(version - 1)))
    parts += [serial, ECDSA_SHA256, issuer or signer.issuer,
              seq(not_before, not_after), subject, spki or signer.subject_key]
    parts.append(unique_ids)
    if extensions:
        parts.append(explicit(3, seq(*extensions)))
    return seq(*parts)


def certificates(s):
    """(file stem, tbsCertificate DER) of every handmade certificate."""
    yield "v2-unique-ids", tbs(
        s, version=2, serial=integer(0x2003),
        subject=base_name("v2", "version two with unique identifiers"),
        unique_ids=tlv(0x81, b"\x00\x01\x02\x03") +
        tlv(0x82, b"\x07\xa5\xa5\x80"))

    yield "serial-negative", tbs(
        s, serial=integer(-0x1234),
        subject=base_name("serial", "negative serial"),
        extensions=leaf_extensions())

    yield "serial-long", tbs(
        s, serial=integer_bytes(bytes(range(0x11, 0x11 + 40))),
        subject=base_name("serial", "serial of 40 bytes"),
        extensions=leaf_extensions())

    yield "name-multivalued-unsorted", tbs(
        s, serial=integer(0x3004),
        subject=name(rdn(C, PRINTABLE, "XY"),
                     [(OU, string(UTF8, "zz unsorted, longest first")),
                      (CN, string(UTF8, "multi-valued, not in DER order")),
                      (O, string(UTF8, "unitls corpus"))],
                     [(EMAIL, string(IA5, "b@corpus.test.example")),
                      (EMAIL, string(IA5, "a@corpus.test.example"))]),
        extensions=leaf_extensions())

    yield "string-universal", tbs(
        s, serial=integer(0x4006),
        subject=name(rdn(C, PRINTABLE, "XY"),
                     rdn(O, UNIVERSAL, "unitls corpus"),
                     rdn(OU, UNIVERSAL, "UniversalString"),
                     rdn(L, UNIVERSAL, "Z\u00fcrich \u6771\u4eac"),
                     rdn(CN, UNIVERSAL, "Smile \U0001F600 \U00010348")),
        extensions=leaf_extensions())

    yield "string-all-types", tbs(
        s, serial=integer(0x4007),
        subject=name(rdn(C, PRINTABLE, "XY"),
                     rdn(O, UTF8, "UTF8String \u00e9\u20ac\U0001F600"),
                     rdn(OU, PRINTABLE, "PrintableString"),
                     rdn(OU, T61, "T61String caf\u00e9 \u00ff"),
                     rdn(OU, BMP, "BMPString \u20ac \u65e5\u672c"),
                     rdn(OU, UNIVERSAL, "UniversalString \U0001F600"),
                     rdn(SERIAL_NUMBER, NUMERIC, "0123 4567"),
                     rdn(EMAIL, IA5, "IA5String@corpus.test.example"),
                     rdn(CN, UTF8, "every string type")),
        extensions=leaf_extensions())

    yield "string-escapes", tbs(
        s, serial=integer(0x4008),
        subject=name(rdn(C, PRINTABLE, "XY"),
                     rdn(O, UTF8, "unitls corpus"),
                     rdn(OU, UTF8, "quote \" backslash \\ slash / "
                         "specials ,+=<>#; end"),
                     rdn(OU, UTF8, "controls \x01\x07\x08\t\n\x0b\x0c\r"
                         "\x1b\x1f del \x7f"),
                     rdn(OU, UTF8, "  leading and trailing spaces  "),
                     rdn(OU, UTF8, "C1 \u0085\u009f nbsp \u00a0 "
                         "separators \u2028\u2029 bom \ufeff"),
                     rdn(OU, BMP, "BMP controls \x00\x01 and \ufffe"),
                     rdn(CN, UTF8, "escapes")),
        extensions=leaf_extensions())

    yield "name-empty-subject", tbs(
        s, serial=integer(0x3005), subject=seq(),
        extensions=leaf_extensions(extension(
            SAN, seq(dns("empty-subject.corpus.test.example")),
            critical=True)))

    # CVE-2013-4238: NUL bytes inside names must be shown, not cut off.
    yield "san-nul", tbs(
        s, serial=integer(0x6009),
        subject=name(rdn(C, PRINTABLE, "XY"),
                     rdn(O, UTF8, "unitls corpus"),
                     rdn(CN, UTF8, "www.python.org\x00example.org"),
                     rdn(EMAIL, IA5, "python-dev@python.org\x00"
                         "user@example.org")),
        extensions=leaf_extensions(extension(SAN, seq(
            dns(b"altnull.python.org\x00example.com"),
            email(b"null@python.org\x00user@example.org"),
            uri(b"http://null.python.org\x00http://example.org"),
            tlv(0x87, bytes([192, 0, 2, 1])),
            tlv(0x87, bytes(16)[:15] + b"\x01")))))

    yield "ext-duplicate-san", tbs(
        s, serial=integer(0x600A),
        subject=base_name("san", "two subjectAltName extensions"),
        extensions=[extension(SAN, seq(dns("one.corpus.test.example"))),
                    extension(SAN, seq(dns("two.corpus.test.example")))])

    # OpenSSL decodes an extension's value with d2i and ignores what
    # follows it; it also takes any non-zero octet as TRUE and clears the
    # unused bits of a BIT STRING.
    yield "ext-trailing-data", tbs(
        s, serial=integer(0x600B),
        subject=base_name("extensions", "bytes after the extension values"),
        extensions=[
            extension(BC, seq(tlv(0x01, b"\x01"), integer(2)) + b"\x05\x00"),
            extension(KU, bit_string(b"\x81", 7) + b"\x00"),
            extension("2.5.29.37", seq(oid("1.3.6.1.5.5.7.3.1")) + b"\x00"),
            extension(SAN, seq(dns("trailing.corpus.test.example")) +
                      b"\x04\x00"),
            extension("1.3.6.1.5.5.7.1.1", seq(seq(
                oid("1.3.6.1.5.5.7.48.1"),
                uri("http://ocsp.corpus.test.example/"))) + b"\x30\x00"),
            extension("2.5.29.31", seq(seq(explicit(0, tlv(
                0xA0, uri("http://crl.corpus.test.example/t.crl"))))) +
                b"\xff")])

    yield "time-generalized-pre2050", tbs(
        s, serial=integer(0x5006),
        subject=base_name("time", "GeneralizedTime before 2050"),
        not_before=tlv(GENERALIZED, b"20200229123456Z"),
        not_after=tlv(GENERALIZED, b"20491231235959Z"),
        extensions=leaf_extensions())

    yield "time-lenient", tbs(
        s, serial=integer(0x5007),
        subject=base_name("time", "times OpenSSL reads leniently"),
        not_before=tlv(UTC, b"2501010930Z"),
        not_after=tlv(GENERALIZED, b"20350101093000.25+0130"),
        extensions=leaf_extensions())

    yield "key-x25519", tbs(
        s, serial=integer(0x9009),
        subject=base_name("key", "X25519"), spki=s.x25519_key,
        extensions=leaf_extensions(extension(
            KU, bit_string(b"\x08", 3), critical=True)))


def to_pem(der):
    """PEM as `openssl x509` writes it: 64-column base64, "\n" endings."""
    text = base64.b64encode(der).decode("ascii")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) +
            "\n-----END CERTIFICATE-----\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ca-cert", required=True)
    parser.add_argument("--ca-key", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    signer = Signer(args.ca_cert, args.ca_key, args.work)
    out_dir = os.path.dirname(os.path.abspath(__file__))
    count = 0
    for stem, tbs_der in certificates(signer):
        der = signer.sign(tbs_der)
        with open(os.path.join(out_dir, stem + ".crt"), "w",
                  encoding="ascii", newline="\n") as f:
            f.write(to_pem(der))
        count += 1
    print("handmade.py: wrote %d certificates" % count, file=sys.stderr)


if __name__ == "__main__":
    main()
