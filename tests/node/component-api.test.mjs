// What the WIT component offers beyond sockets and exec, each call through
// jco as component.test.mjs does: exec-with (netns, interactive, combined),
// sockets of the netfilter and sock-diag protocols, ip/bridge monitors, the
// topology and the decoder as JSON, the namespace list and captures.
// Needs `npm run build:component` first (scripts/test.sh does it).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { getlinkDump, header, NLMSG_DONE } from "./netlink.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const js = join(root, "target", "component", "js", "iplab.js");
let rtnetlink;

const options = (o = {}) => ({ groups: 0, memberships: new Uint32Array(), unprivileged: false, extAck: false, ...o });
const message = (e) => e.payload ?? e.message;

before(async () => {
  assert.ok(existsSync(js), "the component is not built: run `npm run build:component`");
  ({ rtnetlink } = await import(pathToFileURL(js).href));
});

test("exec-with runs in a namespace, colours for a terminal, and refuses unknown namespaces", () => {
  const world = new rtnetlink.World();
  world.exec("ip netns add red");
  const r = world.execWith("ip link add r0 type dummy; ip -br link", { netns: "red", interactive: false });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^r0 +DOWN/m);
  assert.equal(r.combined, r.stdout);
  assert.doesNotMatch(world.exec("ip -br link").stdout, /r0/, "the session is back in the initial namespace");
  const coloured = world.execWith("ip -c=auto -br link show dev lo", { interactive: true });
  assert.ok(coloured.stdout.includes("\x1b[36mlo"), "interactive: stdout is a terminal");
  const hint = world.execWith("man ip", { interactive: true });
  assert.equal(hint.status, 127);
  assert.match(hint.stderr, /^bash: man: command not found\niplab has: ip, bridge, /);
  assert.throws(() => world.execWith("true", { netns: "nope", interactive: false }), (e) => /no network namespace named "nope"/.test(message(e)));
});

test("a netfilter socket answers NFT_MSG_GETGEN; a sock-diag socket lists a listener", () => {
  const world = new rtnetlink.World();
  const nf = world.socket(options({ protocol: "netfilter" }));
  const req = new Uint8Array(20);
  const v = new DataView(req.buffer);
  v.setUint32(0, 20, true);
  v.setUint16(4, (10 << 8) | 16, true); // NFNL_SUBSYS_NFTABLES, NFT_MSG_GETGEN
  v.setUint16(6, 1, true);
  v.setUint32(8, 5, true);
  const [gen] = nf.send(req);
  assert.equal(header(gen).type, (10 << 8) | 15, "NFT_MSG_NEWGEN");
  assert.equal(header(gen).seq, 5);

  world.exec("nc -l 8080 &");
  const diag = world.socket(options({ protocol: "sock-diag" }));
  const dump = new Uint8Array(72);
  const d = new DataView(dump.buffer);
  d.setUint32(0, 72, true);
  d.setUint16(4, 20, true); // SOCK_DIAG_BY_FAMILY
  d.setUint16(6, 0x301, true); // NLM_F_REQUEST | NLM_F_DUMP
  d.setUint32(8, 9, true);
  d.setUint8(16, 2); // AF_INET
  d.setUint8(17, 6); // IPPROTO_TCP
  d.setUint32(20, 1 << 10, true); // TCP_LISTEN
  const replies = diag.send(dump);
  assert.deepEqual(replies.map((m) => header(m).type), [20, NLMSG_DONE]);
  const sock = new DataView(replies[0].buffer, replies[0].byteOffset);
  assert.equal(sock.getUint16(16 + 4, false), 8080, "idiag_sport");
  // A route socket does not speak nf_tables; a route group number beyond 32 is refused elsewhere.
  const [err] = world.socket(options()).send(req);
  assert.equal(header(err).type, 2);
  assert.throws(() => world.socket(options({ protocol: "netfilter", memberships: new Uint32Array([33]) })), (e) => /33/.test(message(e)));
});

test("ip monitor and bridge monitor stream what changes", () => {
  const world = new rtnetlink.World();
  world.exec("ip link add br0 type bridge");
  const ip = world.monitor("ip monitor link", undefined);
  const bridge = world.monitor("bridge monitor link", undefined);
  assert.equal(ip.poll(), "");
  world.exec("ip link add p0 type dummy");
  assert.match(ip.poll(), /^\d+: p0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN/);
  world.exec("ip link set p0 master br0");
  assert.match(bridge.poll(), /^\d+: p0: <BROADCAST,NOARP> mtu 1500 master br0 state disabled priority 32 cost \d+ $/m);
  assert.throws(() => world.monitor("ip monitor frob", undefined), (e) => /Argument "frob" is unknown, try "ip monitor help"/.test(message(e)));
  assert.throws(() => world.monitor("ping x", undefined), (e) => /expected `ip\|bridge/.test(message(e)));
  world.exec("ip netns add blue");
  const inBlue = world.monitor("ip monitor link", "blue");
  world.exec("ip link add d0 type dummy");
  assert.equal(inBlue.poll(), "", "a monitor sees only its namespace");
});

test("topology, decode, netns-list and captures", () => {
  const world = new rtnetlink.World();
  world.exec("ip netns add a; ip netns add b; ip link add v0 type veth peer name v1 netns a");
  const topo = JSON.parse(world.topology());
  assert.deepEqual(topo.namespaces.map((n) => n.name), [null, "a", "b"]);
  const v0 = topo.namespaces[0].links.find((l) => l.name === "v0");
  assert.deepEqual([v0.kind, v0.peer.name, v0.peer.netnsName], ["veth", "v1", "a"]);
  assert.deepEqual(world.netnsList(), ["b", "a"]);

  const decoded = JSON.parse(rtnetlink.decode(getlinkDump(4)));
  assert.equal(decoded.messages[0].typeName, "RTM_GETLINK");
  assert.deepEqual(decoded.messages[0].flagNames, ["NLM_F_REQUEST", "NLM_F_DUMP"]);
  assert.throws(() => rtnetlink.decode(new Uint8Array(3)), (e) => /^decode: /.test(message(e)));
  // Type 20 is RTM_NEWADDR to rtnetlink, SOCK_DIAG_BY_FAMILY to sock_diag.
  const diag = new Uint8Array(72);
  new DataView(diag.buffer).setUint32(0, 72, true);
  new DataView(diag.buffer).setUint16(4, 20, true);
  assert.equal(JSON.parse(rtnetlink.decode(diag)).messages[0].typeName, "RTM_NEWADDR");
  assert.equal(JSON.parse(rtnetlink.decode(diag, "sock-diag")).messages[0].typeName, "SOCK_DIAG_BY_FAMILY");

  const cap = world.captureStart(undefined, "v0");
  world.exec("ip addr add 10.1.0.1/24 dev v0; ip link set v0 up");
  world.exec("ip -n a addr add 10.1.0.2/24 dev v1; ip -n a link set v1 up");
  world.exec("ping -c 1 10.1.0.2");
  const pcap = world.capture(cap);
  assert.deepEqual([...pcap.subarray(0, 4)], [0xd4, 0xc3, 0xb2, 0xa1]);
  assert.ok(pcap.length > 24 + 2 * (16 + 98), `${pcap.length} bytes: the echo request and reply at least`);
  world.captureStop(cap);
  assert.throws(() => world.captureStart("nope", "any"), (e) => /nope/.test(message(e)));
  assert.throws(() => world.captureStart(undefined, "nosuch"), (e) => /capture: nosuch: /.test(message(e)));
});
