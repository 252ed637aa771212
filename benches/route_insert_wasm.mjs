// The WebAssembly half of benches/route_insert.sh: loads the npm package's
// module (pkg/, built by `npm run build:pkg`) under Node and sends the very
// datagrams the native bench wrote (each a little-endian u32 length and its
// bytes, 64 RTM_NEWROUTE with NLM_F_ACK in each) through the JavaScript API's
// socket, on a world with the same uplink (a veth pair up, 10.0.0.1/8, so
// 10.0.0.254 is a valid gateway). Times the process's CPU (process.cpuUsage)
// and the wall clock around the sends alone, twice on fresh worlds: with
// `socket.sendJoined` (the replies as one buffer) and with `socket.send`
// (an array of one Uint8Array per reply).
//
//   node benches/route_insert_wasm.mjs FILE [PKG_DIR]
// prints, one line per way:
//   wasm-joined ROUTES FAILED SECONDS CPU_SECONDS
//   wasm-array ROUTES FAILED SECONDS CPU_SECONDS
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [file, pkgDir = new URL("../pkg", import.meta.url).pathname] = process.argv.slice(2);
if (!file) {
  console.error("usage: node benches/route_insert_wasm.mjs FILE [PKG_DIR]");
  process.exit(2);
}
const iplab = await import(pathToFileURL(resolve(pkgDir, "node.js")).href);

const all = readFileSync(file);
const datagrams = [];
for (let at = 0; at + 4 <= all.length; ) {
  const len = all.readUInt32LE(at);
  at += 4;
  if (at + len > all.length) break;
  datagrams.push(all.subarray(at, at + len));
  at += len;
}

/** Counts the requests in a datagram (netlink headers by nlmsg_len). */
function requests(d) {
  let n = 0;
  for (let at = 0; at + 16 <= d.length; ) {
    const len = d.readUInt32LE(at);
    if (len < 16 || at + len > d.length) break;
    n++;
    at += (len + 3) & ~3;
  }
  return n;
}
const routes = datagrams.reduce((n, d) => n + requests(d), 0);

/** Counts the NLMSG_ERROR messages with a non-zero error in one buffer. */
function refused(buf, view) {
  let n = 0;
  for (let at = 0; at + 20 <= buf.length; ) {
    const len = view.getUint32(at, true);
    if (len < 16) break;
    if (view.getUint16(at + 4, true) === 2 && view.getInt32(at + 16, true) !== 0) n++;
    at += (len + 3) & ~3;
  }
  return n;
}

function world() {
  const w = new iplab.World();
  for (const line of [
    "ip link add v0 type veth peer name v1",
    "ip link set v0 up",
    "ip link set v1 up",
    "ip addr add 10.0.0.1/8 dev v0",
  ]) {
    const r = w.exec(line);
    if (r.status !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  return w;
}

function run(label, send) {
  const w = world();
  const sock = w.socket();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const failed = send(sock);
  const used = process.cpuUsage(cpu);
  const took = (performance.now() - start) / 1000;
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(`${label} ${routes} ${failed} ${took.toFixed(6)} ${cpuSeconds.toFixed(6)}`);
  sock.free();
  w.free();
}

run("wasm-joined", (sock) => {
  let failed = 0;
  for (const d of datagrams) {
    const out = sock.sendJoined(d);
    failed += refused(out, new DataView(out.buffer, out.byteOffset, out.byteLength));
  }
  return failed;
});

run("wasm-array", (sock) => {
  let failed = 0;
  for (const d of datagrams) {
    for (const m of sock.send(d)) failed += refused(m, new DataView(m.buffer, m.byteOffset, m.byteLength));
  }
  return failed;
});
