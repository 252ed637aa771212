// Written from pkg/README.md and the .d.ts files only, as a user would use
// the package: the README's example, init from bytes through `iplab/core`,
// the request builders and constants, option errors, snapshots that were
// cut, a freed World, and truncated datagrams. Needs `npm run build:pkg`.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { installPacked } from "./packed.mjs";

let iplab; // the Node entry ("iplab")
let core; // "iplab/core", instantiated by the test
let project;

before(async () => {
  project = installPacked("iplab-readme-");
  const req = createRequire(join(project, "package.json"));
  iplab = await import(pathToFileURL(req.resolve("iplab")).href);
  core = await import(pathToFileURL(req.resolve("iplab/core")).href);
});

test("the README's example, and newAddress as the API list describes it", () => {
  const { World, getLinks, newAddress, RTM_NEWLINK, NLMSG_DONE, NLMSG_ERROR } = iplab;
  const world = new World();
  world.exec("ip link add v0 type veth peer name v1");
  assert.match(world.exec("ip -br link").stdout, /^v0@v1 +DOWN/m);
  const sock = world.socket({ groups: ["link"] });
  const replies = sock.send(getLinks());
  const kinds = replies.map((m) => world.decode(m).messages[0].type);
  assert.deepEqual(kinds, [RTM_NEWLINK, RTM_NEWLINK, RTM_NEWLINK, NLMSG_DONE]);
  const ack = sock.send(newAddress({ index: 1, address: "127.0.0.1", prefixLen: 8 }));
  const m = world.decode(ack[0]).messages[0];
  assert.equal(m.type, NLMSG_ERROR);
  assert.match(world.exec("ip -4 -o addr show dev lo").stdout, /inet 127\.0\.0\.1\/8/);
  const copy = World.restore(world.snapshot());
  assert.equal(copy.exec("ip -br link").stdout, world.exec("ip -br link").stdout);
});

test("iplab/core instantiates from bytes with init", async () => {
  const bytes = readFileSync(join(project, "node_modules", "iplab", "iplab_bg.wasm"));
  await core.init(bytes);
  await core.init(bytes); // again: nothing happens
  const w = new core.World();
  assert.equal(w.exec("echo hi").stdout, "hi\n");
  await assert.rejects(core.init(42), /init: expected a URL, Request, Response, ArrayBuffer, typed array or WebAssembly.Module, got number/);
});

test("request builders and constants", () => {
  const { getLinks, getAddresses, newAddress, delAddress, setLinkUp, NLM_F_REQUEST, NLM_F_DUMP, NLM_F_ACK, RTM_GETLINK, RTM_GETADDR, RTM_NEWADDR, IFLA_IFNAME, IFA_LOCAL, AF_INET6 } = iplab;
  assert.equal(IFLA_IFNAME, 3);
  assert.equal(IFA_LOCAL, 2);
  const g = getLinks({ seq: 7 });
  const v = new DataView(g.buffer, g.byteOffset, g.byteLength);
  assert.equal(g.length, 32);
  assert.deepEqual([v.getUint32(0, true), v.getUint16(4, true), v.getUint16(6, true), v.getUint32(8, true)], [32, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 7]);
  const a = getAddresses({ family: AF_INET6 });
  assert.equal(new DataView(a.buffer).getUint16(4, true), RTM_GETADDR);
  assert.equal(a[16], AF_INET6);
  const n = newAddress({ index: 2, address: "fd00::1", prefixLen: 64 });
  assert.equal(new DataView(n.buffer).getUint16(4, true), RTM_NEWADDR);
  assert.ok(new DataView(n.buffer).getUint16(6, true) & NLM_F_ACK);
  assert.equal(n.length, 16 + 8 + 2 * 20);
  assert.throws(() => newAddress({ index: 2, address: "fd00::1", prefixlen: 64 }), /newAddress: unknown option `prefixlen` \(known: index, address, prefixLen, seq\)/);
  assert.throws(() => newAddress({ index: 2, address: "10.0.0.300", prefixLen: 8 }), /not an IPv4 or IPv6 address/);
  assert.throws(() => delAddress({ address: "10.0.0.1", prefixLen: 8 }), /delAddress: `index` is required/);
  assert.throws(() => setLinkUp({ index: 1, up: "yes" }), /`up` must be a boolean/);
  // The builders' bytes work against the world.
  const world = new iplab.World();
  const sock = world.socket();
  assert.equal(world.decode(sock.send(setLinkUp({ index: 1 }))[0]).messages[0].typeName, "NLMSG_ERROR");
  assert.match(world.exec("ip -br link show lo").stdout, /UNKNOWN/);
});

test("unknown option keys are errors", () => {
  const world = new iplab.World();
  assert.throws(() => world.exec("true", { netn: "x" }), /exec: unknown option `netn` \(known: netns, interactive\)/);
  assert.throws(() => world.socket({ group: ["link"] }), /socket: unknown option `group`/);
  assert.throws(() => iplab.World.restore({ ...world.snapshot(), extra: 1 }), /restore: unknown option `extra`/);
  assert.equal(world.exec("frob", { interactive: true }).stderr.split("\n")[1].startsWith("iplab has: ip, bridge"), true);
});

test("a cut or altered snapshot is refused; version 1 text still restores", () => {
  const world = new iplab.World();
  world.exec("ip netns add red");
  world.exec("ip link add d0 type dummy");
  const { text, version } = world.snapshot();
  assert.equal(version, 2);
  assert.throws(() => iplab.World.restore(text.slice(0, text.lastIndexOf("\n", text.length - 2) + 1)), /damaged snapshot: it is cut short/);
  assert.throws(() => iplab.World.restore(text.replace("red", "rex")), /checksum does not match/);
  const v1 = "iplab-snapshot 1\na red\n";
  assert.deepEqual(iplab.World.restore(v1).netnsList(), ["red"]);
});

test("a freed World or Socket throws a clear error", () => {
  const world = new iplab.World();
  const sock = world.socket();
  sock.free();
  assert.throws(() => sock.send(iplab.getLinks()), /Socket\.send: this Socket was freed/);
  world.free();
  assert.throws(() => world.exec("true"), /World\.exec: this World was freed \(free\(\) was called\)/);
});

test("truncated datagrams: dropped without a reply, as netlink_rcv_skb does", () => {
  const world = new iplab.World();
  const sock = world.socket();
  const g = iplab.getLinks();
  assert.deepEqual(sock.send(g.slice(0, 10)), [], "shorter than a header");
  assert.deepEqual(sock.send(g.slice(0, 24)), [], "nlmsg_len past the end");
  // A bare header (no family byte) is skipped; only NLM_F_ACK answers it.
  const bare = (type, flags) => {
    const b = new Uint8Array(16);
    const v = new DataView(b.buffer);
    v.setUint32(0, 16, true);
    v.setUint16(4, type, true);
    v.setUint16(6, flags, true);
    return b;
  };
  assert.deepEqual(sock.send(bare(iplab.RTM_GETLINK, iplab.NLM_F_REQUEST | iplab.NLM_F_DUMP)), []);
  const ack = sock.send(bare(iplab.RTM_NEWADDR, iplab.NLM_F_REQUEST | iplab.NLM_F_ACK));
  assert.equal(ack.length, 1);
  assert.equal(new DataView(ack[0].buffer, ack[0].byteOffset).getInt32(16, true), 0, "an ACK, error 0");
});

test("ip monitor streams through World.monitor", () => {
  const world = new iplab.World();
  const mon = world.monitor("ip monitor link");
  assert.equal(mon.poll(), "");
  world.exec("ip link add m0 type dummy");
  assert.match(mon.poll(), /^\d+: m0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN/);
  mon.free();
  assert.throws(() => mon.poll(), /Monitor\.poll: this Monitor was freed/);
  assert.throws(() => world.monitor("ip link show"), /not a monitor/);
});
