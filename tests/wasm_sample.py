#!/usr/bin/env python3
"""Writes tests/wasm_sample.json: a sample of the kernel goldens
(tests/netlink/golden/*.json) and of the ip scenarios (tests/scenarios/*.sh
with tests/golden/*.out) that the wasm tests (tests/wasm_api.rs) replay
inside WebAssembly, where the files cannot be read at run time.

Run it again after re-recording the goldens: python3 tests/wasm_sample.py
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = [
    "link/dump-rtgenmsg", "link/dump-ifinfomsg", "link/get-lo-by-name", "link/get-missing",
    "link/veth-create", "link/bridge-create", "link/create-existing-name", "link/dellink-errors",
    "misc/two-requests-one-datagram", "misc/bad-lengths", "misc/ack-with-ext-ack",
    "misc/error-with-ext-ack", "misc/error-ext-ack-offset", "misc/cap-ack", "misc/done-shape",
    "misc/unprivileged-mutation", "misc/echo-addr-and-link", "misc/multicast-membership",
    "addr/ipv4-duplicate", "addr/ipv4-errors", "neigh/dump-fresh",
]

SCENARIOS = [
    "link_show_fresh", "addr_show_fresh", "link_veth_add", "link_json", "link_bridge",
    "link_macvlan", "link_rename", "addr_json", "netns_identify_set", "shell_echo_unknown",
]


def main():
    cases = {}
    golden_dir = os.path.join(ROOT, "tests/netlink/golden")
    for name in sorted(os.listdir(golden_dir)):
        if name.endswith(".json"):
            with open(os.path.join(golden_dir, name)) as f:
                for case in json.load(f)["cases"]:
                    cases[case["name"]] = case
    sample = {"cases": [], "scenarios": []}
    for name in CASES:
        case = cases[name]
        sample["cases"].append({"name": name, "sockets": case["sockets"], "steps": case["steps"]})
    for name in SCENARIOS:
        with open(os.path.join(ROOT, "tests/scenarios", name + ".sh")) as f:
            script = f.read()
        with open(os.path.join(ROOT, "tests/golden", name + ".out")) as f:
            expected = f.read()
        sample["scenarios"].append({"name": name, "script": script, "expected": expected})
    with open(os.path.join(ROOT, "tests/wasm_sample.json"), "w") as f:
        json.dump(sample, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
