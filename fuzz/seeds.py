#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into fuzz/corpus/TARGET/ from what
the repository already holds: the netlink goldens (tests/netlink/golden),
the recorded scenarios (tests/scenarios) and the share links made from them
(fuzz/share-links.txt, by scripts/share-links.mjs). Deterministic; run by
scripts/test-fuzz.sh before each run."""

import base64
import glob
import hashlib
import json
import os
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def put(target, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def share_link_text(link):
    """The snapshot text in a `#w=...` link, as www/src/share.js decodes it:
    base64url without padding, then raw deflate."""
    data = link.removeprefix("#w=")
    packed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    return zlib.decompress(packed, wbits=-15)


def main():
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/netlink/golden/*.json"))):
        with open(path) as f:
            cases = json.load(f)["cases"]
        for case in cases:
            privileged = [s.get("privileged", True) for s in case["sockets"]]
            framed = b""
            snapshot = "iplab-snapshot 1\n"
            for step in case["steps"]:
                if "request" not in step:
                    continue
                req = bytes.fromhex(step["request"])
                user = not privileged[step["socket"]]
                if len(req) < 1 << 15:
                    framed += ((len(req) << 1) | int(user)).to_bytes(2, "little") + req
                snapshot += "d 0 %d %s\n" % (0 if user else 1, req.hex())
                put("decode", req)
                for reply in step.get("replies", []):
                    put("decode", bytes.fromhex(reply))
            put("socket_send", framed)
            put("snapshot_restore", (snapshot + "t 1000\n").encode())
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/scenarios/*.sh"))):
        with open(path, "rb") as f:
            text = f.read()
        put("shell_line", text)
    with open(os.path.join(ROOT, "fuzz", "share-links.txt")) as f:
        for line in f:
            name, link = line.split()
            text = share_link_text(link)
            put("share_link", text)
            put("snapshot_restore", text)
    put("snapshot_restore", b"iplab-snapshot 1\na blue\nt 5000\ns 0 net.ipv4.ip_forward 1\nr blue\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
