// The WIT component (wit/iplab.wit) built for wasm32-wasip2, transpiled by
// jco and run in Node through @bytecodealliance/preview2-shim: the same
// socket and exec checks as the npm package.
// Needs `npm run build:component` first (scripts/test.sh does it).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { getlinkDump, header, linkAttrs, str, RTM_NEWLINK, NLMSG_DONE, NLM_F_MULTI } from "./netlink.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const js = join(root, "target", "component", "js", "iplab.js");
let rtnetlink;

const options = (o = {}) => ({ groups: 0, memberships: new Uint32Array(), unprivileged: false, extAck: false, ...o });

before(async () => {
  assert.ok(existsSync(js), "the component is not built: run `npm run build:component`");
  ({ rtnetlink } = await import(pathToFileURL(js).href));
});

test("the component is a component exporting iplab:netlink/rtnetlink", () => {
  const bytes = readFileSync(join(root, "target", "component", "iplab.wasm"));
  // Component binaries carry layer 1 in the version field (0x0d 0x00 0x01 0x00).
  assert.deepEqual([...bytes.subarray(0, 8)], [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
  assert.equal(typeof rtnetlink.World, "function");
  assert.equal(typeof rtnetlink.World.restore, "function");
});

test("the component's embedded WIT is wit/iplab.wit's interface", () => {
  const jco = join(root, "node_modules", ".bin", "jco");
  const wit = execFileSync(jco, ["wit", join(root, "target", "component", "iplab.wasm")], { encoding: "utf8" });
  assert.match(wit, /export iplab:netlink\/rtnetlink@0\.1\.0;/);
  const types = readFileSync(join(root, "target", "component", "js", "interfaces", "iplab-netlink-rtnetlink.d.ts"), "utf8");
  assert.match(types, /send\(datagram: Uint8Array\): Array<Uint8Array>;/);
  assert.match(types, /drain\(\): Array<Uint8Array>;/);
  assert.match(types, /exec\(line: string\): ExecResult;/);
});

test("RTM_GETLINK dump through the component: lo, then NLMSG_DONE", () => {
  const world = new rtnetlink.World();
  const sock = world.socket(options());
  const replies = sock.send(getlinkDump(77));
  assert.equal(replies.length, 2);
  const lo = header(replies[0]);
  assert.equal(lo.type, RTM_NEWLINK);
  assert.equal(lo.seq, 77);
  assert.equal(lo.pid, sock.portId());
  assert.ok(lo.flags & NLM_F_MULTI);
  assert.equal(str(linkAttrs(replies[0]).get(3)), "lo");
  const done = header(replies[1]);
  assert.equal(done.type, NLMSG_DONE);
  assert.equal(done.seq, 77);
  assert.equal(done.pid, sock.portId());
});

test("exec through the component: a veth pair, then ip -j link shows three links", () => {
  const world = new rtnetlink.World();
  const add = world.exec("ip link add v0 type veth peer name v1");
  assert.deepEqual(add, { stdout: "", stderr: "", combined: "", status: 0 });
  const links = JSON.parse(world.exec("ip -j link").stdout);
  assert.deepEqual(links.map((l) => l.ifname), ["lo", "v1", "v0"]);
  // The shell and the sockets share one world.
  const sock = world.socket(options());
  assert.equal(sock.send(getlinkDump(2)).length, 4);
});

test("notifications, snapshot and restore through the component", () => {
  const world = new rtnetlink.World();
  const sock = world.socket(options({ memberships: new Uint32Array([1]) }));
  world.exec("ip link add d0 type dummy");
  const notes = sock.drain();
  assert.ok(notes.length >= 1);
  assert.equal(header(notes[0]).type, RTM_NEWLINK);
  world.exec("ip addr add 10.9.0.1/24 dev d0");
  const text = world.snapshot();
  const copy = rtnetlink.World.restore(text);
  assert.equal(copy.snapshot(), text);
  assert.equal(copy.exec("ip addr").stdout, world.exec("ip addr").stdout);
});

test("errors through the component", () => {
  const world = new rtnetlink.World();
  assert.throws(() => world.socket(options({ netns: "nope" })), (e) => /nope/.test(e.payload ?? e.message));
  assert.throws(() => world.socket(options({ memberships: new Uint32Array([999]) })), (e) => /999/.test(e.payload ?? e.message));
  assert.throws(() => rtnetlink.World.restore("garbage"), (e) => /snapshot/.test(e.payload ?? e.message));
  const sock = world.socket(options());
  assert.ok(Array.isArray(sock.send(new Uint8Array(20).fill(0xee))));
  assert.equal(sock.send(getlinkDump(3)).length, 2);
});
