// Tab completion: commands, ip objects and verbs, keywords, and device and
// namespace names from the world (of the host `ip -n NS` names, if any).
import { test } from "node:test";
import assert from "node:assert/strict";
import { complete } from "../src/complete.js";

const HOSTS = { default: ["lo", "dummy0", "v0"], red: ["lo", "r0"] };
const names = (ns) => ({ devices: HOSTS[ns ?? "default"] ?? HOSTS.default, netns: ["red", "blue"] });
const cands = (line) => complete(line, names).candidates;

test("commands and ip objects", () => {
  assert.deepEqual(cands("tr"), ["traceroute", "true"]);
  assert.deepEqual(cands("ip ro"), ["route"]);
  assert.deepEqual(cands("ip -br a"), ["address"]);
  assert.deepEqual(cands("ip -"), ["-4", "-6", "-all", "-br", "-c", "-d", "-j", "-n", "-o", "-p", "-s"]);
});

test("verbs and keywords of an object", () => {
  assert.deepEqual(cands("ip route g"), ["get"]);
  assert.deepEqual(cands("ip r add 10.0.0.0/8 v"), ["via"]);
  assert.deepEqual(cands("ip link add x type v"), ["veth", "vlan"]);
  assert.deepEqual(cands("ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:01 dev v0 nud p"), ["permanent", "probe"]);
});

test("device and namespace names", () => {
  assert.deepEqual(cands("ip addr add 10.0.0.1/24 dev d"), ["dummy0"]);
  assert.deepEqual(cands("ip link set "), ["dev", "dummy0", "lo", "v0"]);
  assert.deepEqual(cands("ip -n red link set dev "), ["lo", "r0"]);
  assert.deepEqual(cands("ip -n r"), ["red"]);
  assert.deepEqual(cands("ip netns exec b"), ["blue"]);
  assert.deepEqual(cands("ip link set v0 netns "), ["blue", "red"]);
  assert.deepEqual(cands("ip link show; ip a show dev l"), ["lo"]);
});

test("the replaced word is the partial word before the cursor", () => {
  assert.equal(complete("ip link set dev dum", names).replace, "dum");
  assert.equal(complete("ip link set dev ", names).replace, "");
});
