// World.spawn: nc, tcpdump and python3 in the foreground, streaming what
// they print through Job.poll until they end or Job.interrupt (Ctrl-C);
// meanwhile exec leaves job output to the job. Needs `npm run build:pkg`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { World } from "../../pkg/node.js";

test("tcpdump streams what other lines send until interrupted", () => {
  const w = new World();
  w.exec("ip link set lo up");
  const job = w.spawn("tcpdump -i lo -n icmp");
  assert.ok(job, "tcpdump runs as a job");
  assert.match(job.poll(), /^tcpdump: verbose output suppressed, use -v\[v\]\.\.\. for full protocol decode\nlistening on lo, /);
  assert.equal(job.status(), undefined, "still running");
  const ping = w.exec("ping -c 1 127.0.0.1");
  assert.equal(ping.status, 0);
  assert.doesNotMatch(ping.combined, /ICMP echo request/, "exec leaves the job's output to poll()");
  assert.match(job.poll(), /IP 127\.0\.0\.1 > 127\.0\.0\.1: ICMP echo request, id \d+, seq 1, length 64/);
  job.interrupt();
  assert.equal(job.status(), 143);
  job.free();
  // With nothing in the foreground, job output is part of exec's result again.
  w.exec("tcpdump -i lo -n -c 1 icmp &");
  assert.match(w.exec("ping -c 1 127.0.0.1").combined, /ICMP echo request/);
});

test("a job ends by itself; other lines are not jobs", () => {
  const w = new World();
  w.exec("ip link set lo up");
  const server = w.spawn("nc -l 8080");
  assert.equal(server.poll(), "");
  assert.match(w.exec("ss -ltn").stdout, /^LISTEN .*0\.0\.0\.0:8080 /m);
  w.exec("echo hello | nc -N 127.0.0.1 8080");
  assert.equal(server.poll(), "hello\n");
  assert.equal(server.status(), 0);
  server.free();
  assert.equal(w.spawn("ip link"), undefined);
  assert.equal(w.spawn("nc -l 8080 &"), undefined, "a background job is exec's");
  assert.equal(w.spawn("echo hi | nc -l 8080"), undefined, "a pipeline is exec's");
  w.exec("ip netns add red");
  const inRed = w.spawn("ip netns exec red nc -l 9000");
  assert.match(w.exec("ss -ltn", { netns: "red" }).stdout, /:9000 /);
  assert.doesNotMatch(w.exec("ss -ltn").stdout, /:9000 /);
  inRed.interrupt();
  inRed.free();
  assert.throws(() => w.spawn("ip netns exec nope nc -l 1"), /Cannot open network namespace "nope"/);
});
