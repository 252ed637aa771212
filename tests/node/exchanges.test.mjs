// exec() reports the netlink datagrams the shell's `ip` sent and the replies,
// and runs a line in a named namespace when asked (the page's inspector and
// host tabs). Needs `npm run build:pkg` first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { World, decode } from "../../pkg/node.js";

test("exec records each request and its replies", () => {
  const w = new World();
  const r = w.exec("ip link add v0 type veth peer name v1");
  assert.equal(r.status, 0);
  const newlink = r.netlink.findLast((x) => decode(x.request).messages[0].typeName === "RTM_NEWLINK");
  assert.ok(newlink, "an RTM_NEWLINK request was recorded");
  assert.ok(newlink.request instanceof Uint8Array);
  const ack = decode(newlink.replies[0]).messages[0];
  assert.equal(ack.typeName, "NLMSG_ERROR");
  assert.equal(ack.error.error, 0);
  assert.equal(newlink.netns, null);
  assert.equal(newlink.portId, ack.pid);
});

test("each exec reports only its own exchanges", () => {
  const w = new World();
  w.exec("ip link add d0 type dummy");
  const r = w.exec("echo hi");
  assert.deepEqual(r.netlink, []);
  const dump = w.exec("ip -br link");
  const types = dump.netlink.flatMap((x) => x.replies.map((m) => decode(m).messages[0].typeName));
  assert.ok(types.includes("RTM_NEWLINK") && types.at(-1) === "NLMSG_DONE", types.join(","));
});

test("exec runs a line in a named namespace", () => {
  const w = new World();
  w.exec("ip netns add red");
  const r = w.exec("ip link add r0 type dummy", { netns: "red" });
  assert.equal(r.status, 0);
  assert.equal(r.netlink.at(-1).netns, "red");
  assert.match(w.exec("ip -br link", { netns: "red" }).stdout, /^r0 /m);
  assert.doesNotMatch(w.exec("ip -br link").stdout, /r0/);
  assert.throws(() => w.exec("ip link", { netns: "nope" }), /no network namespace named "nope"/);
  assert.throws(() => w.exec("ip link", { netns: 3 }), /must be a namespace name/);
});

test("programs of the world (ping) run through exec", () => {
  const w = new World();
  for (const line of ["ip link set lo up"]) assert.equal(w.exec(line).status, 0);
  const r = w.exec("ping -c 1 127.0.0.1");
  assert.doesNotMatch(r.combined, /exec of "ping" failed|command not found/);
  assert.equal(r.status, 0, r.combined);
});

test("nft and iptables exchanges carry their protocol for decode", () => {
  const w = new World();
  const r = w.exec("iptables -A INPUT -p udp --dport 1000:2000 -j DROP");
  assert.equal(r.status, 0, r.stderr);
  const nf = r.netlink.filter((x) => x.protocol === "netfilter");
  assert.ok(nf.length > 0, "the netfilter datagrams were recorded");
  const batch = nf.find((x) => decode(x.request, x.protocol).messages[0].typeName === "NFNL_MSG_BATCH_BEGIN");
  assert.ok(batch, "a batch was recorded");
  const msgs = decode(batch.request, "netfilter").messages;
  assert.equal(msgs.at(-1).typeName, "NFNL_MSG_BATCH_END");
  // Without the protocol, 16 is RTM_NEWLINK.
  assert.equal(decode(batch.request).messages[0].typeName, "RTM_NEWLINK");
  // The rule's expressions, by name, with their attributes decoded.
  const rule = msgs.find((m) => m.typeName === "NFT_MSG_NEWRULE");
  const names = [];
  const walk = (list = []) => list.forEach((a) => { names.push(a.text ? `${a.name}=${a.text}` : a.name); walk(a.attributes); });
  walk(rule.attributes);
  assert.ok(names.includes("NFTA_RANGE_OP=NFT_RANGE_EQ"), names.join(" "));
  assert.ok(names.includes("NFTA_PAYLOAD_BASE=NFT_PAYLOAD_TRANSPORT_HEADER"), names.join(" "));
  assert.ok(names.includes("NFTA_VERDICT_CODE=NF_DROP"), names.join(" "));
  assert.ok(r.netlink.every((x) => x.protocol === "route" || x.protocol === "netfilter"));
  assert.throws(() => decode(batch.request, "bogus"), /protocol/);
});
