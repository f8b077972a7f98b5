#!/usr/bin/env python3
"""Write expected/ for the certificate corpus: the right answers the
conformance suite checks unitls against.

For every <stem>.crt in this directory:
  expected/<stem>.json   json.dumps(ssl._ssl._test_decode_cert(path)) + "\\n":
                         the dict Python's SSLSocket.getpeercert() returns.
  expected/<stem>.facts  what getpeercert() does not show, as OpenSSL itself
                         decodes it (libcrypto through ctypes): fingerprints,
                         public key, basicConstraints, keyUsage,
                         extendedKeyUsage. One "key=value" per line.
And expected/time_to_seconds.txt: ssl.cert_time_to_seconds() on a list of
good and bad inputs (TIME_INPUTS) and on every notBefore and notAfter of the
corpus, one "<seconds or ValueError> <input, %-encoded UTF-8>" per line.

Standard library only; needs the libcrypto Python's ssl module uses.
Stale expected files (no matching .crt) are removed.
"""
import ctypes
import ctypes.util
import json
import os
import ssl
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "expected")

# --- OpenSSL through ctypes ------------------------------------------------------


def load_libcrypto():
    names = ["libcrypto.so.3", ctypes.util.find_library("crypto")]
    for n in names:
        if n:
            try:
                return ctypes.CDLL(n)
            except OSError:
                pass
    sys.exit("make_expected.py: cannot load libcrypto")


C = load_libcrypto()
P = ctypes.c_void_p
for fn, res, args in [
    ("d2i_X509", P, [P, ctypes.POINTER(ctypes.c_char_p), ctypes.c_long]),
    ("X509_free", None, [P]),
    ("EVP_sha256", P, []),
    ("EVP_sha1", P, []),
    ("X509_digest", ctypes.c_int, [P, P, ctypes.c_char_p,
                                   ctypes.POINTER(ctypes.c_uint)]),
    ("X509_get0_pubkey", P, [P]),
    ("EVP_PKEY_get_bits", ctypes.c_int, [P]),
    ("X509_get_X509_PUBKEY", P, [P]),
    ("X509_PUBKEY_get0_param", ctypes.c_int, [ctypes.POINTER(P), P, P,
                                              ctypes.POINTER(P), P]),
    ("X509_ALGOR_get0", None, [ctypes.POINTER(P),
                               ctypes.POINTER(ctypes.c_int),
                               ctypes.POINTER(P), P]),
    ("OBJ_obj2txt", ctypes.c_int, [ctypes.c_char_p, ctypes.c_int, P,
                                   ctypes.c_int]),
    ("OBJ_txt2nid", ctypes.c_int, [ctypes.c_char_p]),
    ("X509_get_ext_d2i", P, [P, ctypes.c_int, ctypes.POINTER(ctypes.c_int),
                             P]),
    ("ASN1_INTEGER_get", ctypes.c_long, [P]),
    ("ASN1_BIT_STRING_get_bit", ctypes.c_int, [P, ctypes.c_int]),
    ("OPENSSL_sk_num", ctypes.c_int, [P]),
    ("OPENSSL_sk_value", P, [P, ctypes.c_int]),
]:
    f = getattr(C, fn)
    f.restype = res
    f.argtypes = args

V_ASN1_OBJECT = 6
NID_BC = C.OBJ_txt2nid(b"basicConstraints")
NID_KU = C.OBJ_txt2nid(b"keyUsage")
NID_EKU = C.OBJ_txt2nid(b"extendedKeyUsage")


class BasicConstraints(ctypes.Structure):
    _fields_ = [("ca", ctypes.c_int), ("pathlen", P)]


def obj_text(obj, dotted):
    buf = ctypes.create_string_buffer(1024)
    C.OBJ_obj2txt(buf, len(buf), obj, 1 if dotted else 0)
    return buf.value.decode()


def fingerprint(x509, md):
    buf = ctypes.create_string_buffer(64)
    n = ctypes.c_uint(0)
    if C.X509_digest(x509, md, buf, ctypes.byref(n)) != 1:
        sys.exit("X509_digest failed")
    return ":".join("%02X" % b for b in buf.raw[:n.value])


def key_facts(x509):
    algor, param, ptype = P(), P(), ctypes.c_int(0)
    obj = P()
    C.X509_PUBKEY_get0_param(None, None, None, ctypes.byref(algor),
                             C.X509_get_X509_PUBKEY(x509))
    C.X509_ALGOR_get0(ctypes.byref(obj), ctypes.byref(ptype),
                      ctypes.byref(param), algor)
    curve = obj_text(param, False) if ptype.value == V_ASN1_OBJECT else "-"
    pkey = C.X509_get0_pubkey(x509)
    bits = C.EVP_PKEY_get_bits(pkey) if pkey else 0
    return [("key_algorithm", obj_text(obj, False)), ("key_curve", curve),
            ("key_bits", str(bits))]


# unitls' UNITLS_KU_* bit n is keyUsage bit n (RFC 5280 order).
def usage_facts(x509):
    facts = []
    crit = ctypes.c_int(0)
    bc = C.X509_get_ext_d2i(x509, NID_BC, ctypes.byref(crit), None)
    if bc:
        b = BasicConstraints.from_address(bc)
        pathlen = C.ASN1_INTEGER_get(b.pathlen) if b.pathlen else -1
        facts.append(("basic_constraints", "ca=%d pathlen=%d"
                      % (1 if b.ca else 0, pathlen)))
    else:
        facts.append(("basic_constraints", "absent"))
    ku = C.X509_get_ext_d2i(x509, NID_KU, ctypes.byref(crit), None)
    if ku:
        mask = sum(1 << n for n in range(9)
                   if C.ASN1_BIT_STRING_get_bit(ku, n))
        facts.append(("key_usage", "0x%03x" % mask))
    else:
        facts.append(("key_usage", "absent"))
    eku = C.X509_get_ext_d2i(x509, NID_EKU, ctypes.byref(crit), None)
    oids = []
    if eku:
        oids = [obj_text(C.OPENSSL_sk_value(eku, i), True)
                for i in range(C.OPENSSL_sk_num(eku))]
    facts.append(("ext_key_usage", ",".join(oids) if oids else "-"))
    # The ctypes path leaks these few decoded extensions: a one-shot script.
    return facts


def facts_for(pem_path):
    der = ssl.PEM_cert_to_DER_cert(open(pem_path, encoding="ascii").read())
    buf = ctypes.c_char_p(der)
    x509 = C.d2i_X509(None, ctypes.byref(buf), len(der))
    if not x509:
        sys.exit("d2i_X509 failed for " + pem_path)
    facts = [("sha256", fingerprint(x509, C.EVP_sha256())),
             ("sha1", fingerprint(x509, C.EVP_sha1()))]
    facts += key_facts(x509) + usage_facts(x509)
    C.X509_free(x509)
    return "".join("%s=%s\n" % kv for kv in facts)


# --- cert_time_to_seconds --------------------------------------------------------

# Every form Python accepts, and each way of getting it wrong.
TIME_INPUTS = [
    # good
    "Jan  5 09:34:43 2018 GMT",     # Python's documented example
    "Jan 5 09:34:43 2018 GMT",
    "Jan 05 09:34:43 2018 GMT",
    "Jan  1 00:00:00 1970 GMT",
    "Dec 31 23:59:59 1969 GMT",
    "Jan  1 00:00:00 0001 GMT",
    "Dec 31 23:59:59 9999 GMT",
    "Feb 29 12:00:00 2020 GMT",
    "Feb 29 12:00:00 2021 GMT",     # no day check: rolls over into March
    "Feb 31 00:00:00 2021 GMT",
    "Apr 31 00:00:00 2021 GMT",
    "Jun 30 23:59:60 2015 GMT",     # leap second
    "Dec 31 23:59:61 2016 GMT",
    "Jan  2 3:4:5 2018 GMT",        # one-digit fields
    "jan  5 09:34:43 2018 GMT",     # month in any case
    "JAN  5 09:34:43 2018 GMT",
    "sEP  5 09:34:43 2018 GMT",
    "\u017fep  5 09:34:43 2018 GMT",  # LATIN SMALL LETTER LONG S title-cases to S
    "Jan  5 09:34:43 2018 gmt",     # the zone in any case
    "Jan  5 09:34:43 2018 gMt",
    "Jan\t5\t09:34:43\t2018\tGMT",  # any white space, any amount
    "Jan \n 5  09:34:43 \r\n 2018 \x0b\x0c GMT",
    "Jan\u3000 5\u200309:34:43\u00a02018\u2028GMT",
    "Jan  5 09:34:43 \u0662\u0660\u0661\u0668 GMT",  # any decimal digits
    "Jan 1\u0665 0\u0669:3\u0664:4\u0663 2018 GMT",
    "Jan  5 \u0669:34:43 2018 GMT",
    "Jan  \uff15 09:34:43 2018 GMT",
    "Jan \u00a05 09:34:43 2018 GMT",  # \s+ then [1-9]: any white space
    "Feb 28 23:59:59 2100 GMT",
    "Mar  1 00:00:00 2000 GMT",
    "Jul  4 12:00:00 1776 GMT",
    "Aug 15 08:00:00 2024 GMT",
    "May  1 00:00:00 2024 GMT",
    "Oct 10 10:10:10 2010 GMT",
    "Nov 11 11:11:11 2011 GMT",
    "Mar 31 01:02:03 2030 GMT",
    "Apr  1 00:00:00 2030 GMT",
    "Jun  6 06:06:06 2006 GMT",
    "Sep  9 09:09:09 2009 GMT",
    "Dec 25 00:00:00 2125 GMT",
    # bad
    "",
    "Jan",
    "Jan ",
    "Foo  5 09:34:43 2018 GMT",
    "Janv  5 09:34:43 2018 GMT",
    "January  5 09:34:43 2018 GMT",
    " Jan  5 09:34:43 2018 GMT",
    "Jan  5 09:34:43 2018 GMT ",
    "Jan  5 09:34:43 2018 GMT\n",
    "Jan  5 09:34:43 2018 UTC",
    "Jan  5 09:34:43 2018 Z",
    "Jan  5 09:34:43 2018",
    "Jan  5 09:34:43 2018 GMTX",
    "Jan5 09:34:43 2018 GMT",
    "Jan  509:34:43 2018 GMT",
    "Jan  5 09:34:432018 GMT",
    "Jan  5 09:34:43 2018GMT",
    "Jan 32 09:34:43 2018 GMT",
    "Jan  0 09:34:43 2018 GMT",
    "Jan 00 09:34:43 2018 GMT",
    "Jan 005 09:34:43 2018 GMT",
    "Jan -5 09:34:43 2018 GMT",
    "Jan +5 09:34:43 2018 GMT",
    "Jan  5 24:00:00 2018 GMT",
    "Jan  5 09:60:00 2018 GMT",
    "Jan  5 09:34:62 2018 GMT",
    "Jan  5 009:34:43 2018 GMT",
    "Jan  5 09:34 2018 GMT",
    "Jan  5 09.34.43 2018 GMT",
    "Jan  5 09:34:43 18 GMT",
    "Jan  5 09:34:43 20180 GMT",
    "Jan  5 09:34:43 0000 GMT",
    "Jan  5 09:34:43 -2018 GMT",
    "Jan  5 09:34:43 2018 GMT GMT",
    "Jan  5 2\u0663:34:43 2018 GMT",  # [0-2] then \d: only ASCII digits first
    "Jan  \u0665 09:34:43 2018 GMT",  # one digit day: [1-9] is ASCII only
    "Jan  5 09:34:43 2018 \uff27MT",  # no case folding beyond ASCII here
    "\u0130an  5 09:34:43 2018 GMT",
    "2018-01-05T09:34:43Z",
    "Jan  5 09:34:43 2018 GMT\x00",
]


def quote(text):
    return urllib.parse.quote(text.encode("utf-8"), safe="")


def corpus_times(stems):
    """notBefore and notAfter of every corpus certificate, as Python shows
    them: unitls' strings must go back to unitls' times."""
    times = []
    for stem in stems:
        with open(os.path.join(OUT, stem + ".json"), encoding="ascii") as f:
            decoded = json.load(f)
        times += [decoded["notBefore"], decoded["notAfter"]]
    return sorted(set(times))


def time_vectors(stems):
    lines = []
    for text in TIME_INPUTS + corpus_times(stems):
        if "\x00" in text:
            continue  # a C string cannot hold it; the suite tests NUL apart
        try:
            result = str(ssl.cert_time_to_seconds(text))
        except ValueError:
            result = "ValueError"
        lines.append("%s %s\n" % (result, quote(text)))
    return "".join(lines)


# --- main ------------------------------------------------------------------------


def write(path, text):
    with open(path, "w", encoding="ascii", newline="\n") as out:
        out.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    stems = sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".crt"))
    for f in os.listdir(OUT):
        stem, ext = os.path.splitext(f)
        if ext in (".json", ".facts") and stem not in stems:
            os.remove(os.path.join(OUT, f))
    for stem in stems:
        path = os.path.join(HERE, stem + ".crt")
        write(os.path.join(OUT, stem + ".json"),
              json.dumps(ssl._ssl._test_decode_cert(path)) + "\n")
        write(os.path.join(OUT, stem + ".facts"), facts_for(path))
    write(os.path.join(OUT, "time_to_seconds.txt"), time_vectors(stems))
    print("make_expected.py: %d certificates, %d time inputs (%s, Python %s)"
          % (len(stems), len(TIME_INPUTS), ssl.OPENSSL_VERSION,
             sys.version.split()[0]), file=sys.stderr)


if __name__ == "__main__":
    main()
