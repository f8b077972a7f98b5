#!/usr/bin/env python3
"""Write expected/<name>.json for every <name>.crt in this directory.

Each file holds exactly json.dumps(ssl._ssl._test_decode_cert(path)) plus a
newline: the dict Python's SSLSocket.getpeercert() returns for that
certificate, which unitls' JSON rendering must reproduce byte for byte.
Stale expected/*.json files (no matching .crt) are removed.

Standard library only. Called by gen.sh; may also be run on its own.
"""
import json
import os
import ssl
import sys


def main():
    pki_dir = os.path.dirname(os.path.abspath(__file__))
    out_dir = os.path.join(pki_dir, "expected")
    os.makedirs(out_dir, exist_ok=True)

    names = sorted(f[:-len(".crt")] for f in os.listdir(pki_dir)
                   if f.endswith(".crt"))
    for f in os.listdir(out_dir):
        if f.endswith(".json") and f[:-len(".json")] not in names:
            os.remove(os.path.join(out_dir, f))

    for name in names:
        decoded = ssl._ssl._test_decode_cert(os.path.join(pki_dir, name + ".crt"))
        with open(os.path.join(out_dir, name + ".json"), "w",
                  encoding="ascii", newline="\n") as out:
            out.write(json.dumps(decoded) + "\n")
    print("make_expected.py: wrote %d files to %s (%s)"
          % (len(names), out_dir, ssl.OPENSSL_VERSION), file=sys.stderr)


if __name__ == "__main__":
    main()
