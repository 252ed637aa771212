// The npm package as a user gets it: `npm pack` in pkg/, install the tarball
// into an empty project, import it by name (the package's exports map picks
// the Node entry, which reads the .wasm from disk) and drive it.
// Needs `npm run build:pkg` first (scripts/test.sh does it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getlinkDump, header, linkAttrs, str, RTM_NEWLINK, NLMSG_DONE, NLM_F_MULTI } from "./netlink.mjs";
import { installPacked, root } from "./packed.mjs";

let project;
let iplab;

before(async () => {
  project = installPacked("iplab-pkg-");
  // Resolve `iplab` from the consumer project, through the package's exports.
  const resolved = createRequire(join(project, "package.json")).resolve("iplab");
  assert.match(resolved, /node_modules[\\/]iplab[\\/]node\.js$/);
  iplab = await import(pathToFileURL(resolved).href);
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

test("the tarball holds the package and nothing else", () => {
  const installed = join(project, "node_modules", "iplab");
  const files = readdirSync(installed).sort();
  for (const f of ["README.md", "index.d.ts", "index.js", "iplab.d.ts", "iplab.js", "iplab_bg.wasm", "node.js", "package.json"]) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  const meta = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  assert.equal(meta.type, "module");
  assert.equal(meta.sideEffects, false);
  const dts = readFileSync(join(installed, "iplab.d.ts"), "utf8");
  for (const name of ["class World", "class Socket", "send(datagram: Uint8Array): Uint8Array[]", "exec(line: string, options?: ExecOptions): ExecResult", "interface NetlinkExchange", "interface Topology"]) {
    assert.ok(dts.includes(name), `types declare ${name}`);
  }
});

test("the shipped TypeScript types check a typical consumer (tsc --strict)", () => {
  writeFileSync(
    join(project, "check.ts"),
    `import { World, Socket, decode, type ExecResult, type Topology, type Decoded, type WorldSnapshot } from "iplab";
const world: World = new World();
const sock: Socket = world.socket({ groups: ["link", 5], netns: "blue", unprivileged: false, extAck: true });
const plain: Socket = world.socket();
const replies: Uint8Array[] = sock.send(new Uint8Array(16));
const notes: Uint8Array[] = plain.drain();
const port: number = sock.portId;
const run: ExecResult = world.exec("ip link");
const status: number = run.status;
const topo: Topology = world.topology();
const names: (string | null)[] = topo.namespaces.map((n) => n.name);
const peer: string | undefined = topo.namespaces[0].links[0].peer?.name;
const snap: WorldSnapshot = world.snapshot();
const again: World = World.restore(snap);
const d: Decoded = decode(replies[0]);
const first: string = d.messages[0].typeName;
const attr: string | number | null = d.messages[0].attributes[0].value;
// @ts-expect-error send takes bytes, not text
sock.send("x");
// @ts-expect-error exec takes a command line
world.exec(1);
export { notes, port, status, names, peer, again, first, attr };
`,
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "esnext.disposable", "dom"] },
      files: ["check.ts"],
    }),
  );
  execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", project], { encoding: "utf8" });
});

test("the README's usage example runs as written", () => {
  const readme = readFileSync(join(project, "node_modules", "iplab", "README.md"), "utf8");
  const code = readme.match(/```js\n([\s\S]*?)```/)[1];
  assert.ok(code.split("\n").filter(Boolean).length <= 10, "a short example");
  writeFileSync(join(project, "example.mjs"), code);
  const out = execFileSync(process.execPath, ["example.mjs"], { cwd: project, encoding: "utf8" });
  assert.match(out, /^lo\s+DOWN/m);
  assert.match(out, /^v0@v1\s+DOWN/m);
  assert.deepEqual(out.trim().split("\n").slice(-4), ["RTM_NEWLINK", "RTM_NEWLINK", "RTM_NEWLINK", "NLMSG_DONE"]);
});

test("RTM_GETLINK dump on a fresh world: lo, then NLMSG_DONE, with seq and pid", () => {
  const world = new iplab.World();
  const sock = world.socket();
  const replies = sock.send(getlinkDump(31337));
  assert.equal(replies.length, 2);
  assert.ok(replies.every((m) => m instanceof Uint8Array));
  const lo = header(replies[0]);
  assert.equal(lo.type, RTM_NEWLINK);
  assert.equal(lo.seq, 31337);
  assert.equal(lo.pid, sock.portId);
  assert.ok(lo.flags & NLM_F_MULTI);
  assert.equal(lo.len, replies[0].byteLength);
  assert.equal(str(linkAttrs(replies[0]).get(3)), "lo");
  const done = header(replies[1]);
  assert.equal(done.type, NLMSG_DONE);
  assert.equal(done.seq, 31337);
  assert.equal(done.pid, sock.portId);
  // The inspector's view of the same bytes.
  const decoded = world.decode(replies[0]);
  assert.equal(decoded.messages[0].typeName, "RTM_NEWLINK");
  assert.equal(decoded.messages[0].attributes.find((a) => a.name === "IFLA_IFNAME").value, "lo");
  sock.free();
  world.free();
});

test("exec: ip link add a veth pair, then ip -j link shows three links", () => {
  const world = new iplab.World();
  const add = world.exec("ip link add v0 type veth peer name v1");
  assert.deepEqual({ ...add, combined: undefined, netlink: undefined }, { stdout: "", stderr: "", status: 0, combined: undefined, netlink: undefined });
  assert.ok(add.netlink.length > 0, "the netlink exchanges of the line are reported");
  const show = world.exec("ip -j link");
  assert.equal(show.status, 0, show.stderr);
  const links = JSON.parse(show.stdout);
  assert.equal(links.length, 3);
  assert.deepEqual(links.map((l) => l.ifname), ["lo", "v1", "v0"]);
  const bad = world.exec("ip link add v0 type veth peer name v1");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /File exists/);
});

test("multicast notifications reach a socket in the group", () => {
  const world = new iplab.World();
  const sock = world.socket({ groups: ["link"] });
  world.exec("ip link add d0 type dummy");
  const notes = sock.drain();
  assert.ok(notes.length >= 1);
  assert.equal(header(notes[0]).type, RTM_NEWLINK);
  assert.equal(sock.drain().length, 0);
});

test("snapshot and restore round-trip exactly", () => {
  const world = new iplab.World();
  for (const line of [
    "ip netns add blue",
    "ip link add v0 type veth peer name v1 netns blue",
    "ip addr add 10.0.0.1/24 dev v0",
    "ip link set v0 up",
  ]) {
    assert.equal(world.exec(line).status, 0, line);
  }
  const snap = world.snapshot();
  assert.equal(snap.version, 2);
  const copy = iplab.World.restore(JSON.parse(JSON.stringify(snap)));
  assert.equal(copy.snapshot().text, snap.text);
  assert.deepEqual(copy.topology(), world.topology());
  assert.equal(copy.exec("ip addr").stdout, world.exec("ip addr").stdout);
  assert.equal(iplab.World.restore(snap.text).snapshot().text, snap.text);
});

test("topology: namespaces, veth peers, addresses and routes as plain objects", () => {
  const world = new iplab.World();
  world.exec("ip netns add red");
  world.exec("ip link add va type veth peer name vb netns red");
  world.exec("ip addr add 10.1.0.1/24 dev va");
  world.exec("ip link set va up");
  const t = world.topology();
  assert.deepEqual(t.namespaces.map((n) => n.name), [null, "red"]);
  const va = t.namespaces[0].links.find((l) => l.name === "va");
  assert.deepEqual(va.peer, { netns: 1, netnsName: "red", index: va.peer.index, name: "vb" });
  assert.equal(va.addresses[0].address, "10.1.0.1");
  assert.ok(t.namespaces[0].routes.some((r) => r.dst === "10.1.0.0/24"));
});

test("bad input throws an Error with a clear message, and the world keeps working", () => {
  const world = new iplab.World();
  const sock = world.socket();
  const cases = [
    [() => world.socket({ netns: "nope" }), /nope/],
    [() => world.socket("root"), /options must be an object/],
    [() => world.socket({ groups: ["bogus"] }), /bogus/],
    [() => world.socket({ unprivileged: "yes" }), /boolean/],
    [() => sock.send("hello"), /Uint8Array/],
    [() => sock.send(42), /Uint8Array/],
    [() => sock.send([1, 2, 300]), /byte/],
    [() => world.exec(42), /string/],
    [() => world.exec(), /string/],
    [() => world.decode(new Uint8Array([1, 2, 3])), /header/],
    [() => iplab.World.restore("garbage"), /snapshot/],
    [() => iplab.World.restore({ version: 7, text: "" }), /version/],
    [() => iplab.World.restore(null), /snapshot/],
  ];
  for (const [f, re] of cases) {
    assert.throws(f, (e) => e instanceof Error && re.test(e.message), String(f));
  }
  // Garbage bytes go to the kernel, which answers as Linux would (or not at all).
  const junk = new Uint8Array(40).fill(0xab);
  new DataView(junk.buffer).setUint32(0, 40, true);
  assert.ok(Array.isArray(sock.send(junk)));
  assert.equal(sock.send(getlinkDump(1)).length, 2);
  assert.equal(world.exec("ip link add d0 type dummy").status, 0);
});

test("an unprivileged socket gets EPERM for changes", () => {
  const world = new iplab.World();
  const sock = world.socket({ unprivileged: true });
  // RTM_NEWLINK (dummy "d9") with NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL.
  const name = new TextEncoder().encode("d9\0");
  const kind = new TextEncoder().encode("dummy\0");
  const buf = new Uint8Array(16 + 16 + 8 + 4 + 12);
  const v = new DataView(buf.buffer);
  v.setUint32(0, buf.length, true);
  v.setUint16(4, 16, true);
  v.setUint16(6, 0x605, true);
  v.setUint32(8, 5, true);
  v.setUint16(32, 7, true); v.setUint16(34, 3, true); buf.set(name, 36);
  v.setUint16(40, 16, true); v.setUint16(42, 18 | 0x8000, true);
  v.setUint16(44, 10, true); v.setUint16(46, 1, true); buf.set(kind, 48);
  const [reply] = sock.send(buf);
  const d = world.decode(reply).messages[0];
  assert.equal(d.typeName, "NLMSG_ERROR");
  assert.equal(d.error.errnoName, "EPERM");
});
