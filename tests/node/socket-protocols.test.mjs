// world.socket({ protocol }) opens NETLINK_NETFILTER and NETLINK_SOCK_DIAG
// sockets besides NETLINK_ROUTE. Needs `npm run build:pkg` first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { World } from "../../pkg/node.js";

// nlmsghdr + nfgenmsg: (NFNL_SUBSYS_NFTABLES << 8) | type, NLM_F_REQUEST.
function nfRequest(type, seq) {
  const b = new Uint8Array(20);
  const v = new DataView(b.buffer);
  v.setUint32(0, 20, true);
  v.setUint16(4, (10 << 8) | type, true);
  v.setUint16(6, 1, true);
  v.setUint32(8, seq, true);
  return b;
}

test("a netfilter socket answers NFT_MSG_GETGEN with NFT_MSG_NEWGEN", () => {
  const w = new World();
  const sock = w.socket({ protocol: "netfilter" });
  const replies = sock.send(nfRequest(16, 7));
  assert.equal(replies.length, 1);
  const v = new DataView(replies[0].buffer, replies[0].byteOffset);
  assert.equal(v.getUint16(4, true), (10 << 8) | 15, "NFT_MSG_NEWGEN");
  assert.equal(v.getUint32(8, true), 7, "sequence echoed");
  sock.free();
});

test("the same request on a route socket is not nf_tables'", () => {
  const w = new World();
  const sock = w.socket({ protocol: 0 });
  const [reply] = sock.send(nfRequest(16, 1));
  const v = new DataView(reply.buffer, reply.byteOffset);
  assert.equal(v.getUint16(4, true), 2, "NLMSG_ERROR");
  assert.notEqual(v.getInt32(16, true), 0);
});

test("a table added by nft is seen in the netfilter socket's dump", () => {
  const w = new World();
  assert.equal(w.exec("nft add table ip t").status, 0);
  const sock = w.socket({ protocol: 12 });
  // NFT_MSG_GETTABLE dump (NLM_F_REQUEST | NLM_F_DUMP).
  const req = nfRequest(1, 2);
  new DataView(req.buffer).setUint16(6, 0x301, true);
  const types = sock.send(req).map((m) => new DataView(m.buffer, m.byteOffset).getUint16(4, true));
  assert.deepEqual(types, [(10 << 8) | 0, 3], "one NFT_MSG_NEWTABLE, then NLMSG_DONE");
});

test("sock_diag opens; unknown protocols and rtnetlink group names elsewhere throw", () => {
  const w = new World();
  w.socket({ protocol: "sock_diag" }).free();
  assert.throws(() => w.socket({ protocol: "generic" }), /unknown protocol "generic"/);
  assert.throws(() => w.socket({ protocol: 16 }), /protocol 16 is not/);
  assert.throws(() => w.socket({ protocol: "netfilter", groups: ["link"] }), /group number/);
  w.socket({ protocol: "netfilter", groups: [7] }).free();
});

test("sendJoined gives send's replies in one buffer, each at its aligned offset", () => {
  // A dump of links (several parts and NLMSG_DONE) and a request that fails,
  // in one datagram: their replies differ in length and kind.
  const dump = new Uint8Array(32);
  const d = new DataView(dump.buffer);
  d.setUint32(0, 32, true);
  d.setUint16(4, 18, true); // RTM_GETLINK
  d.setUint16(6, 0x301, true); // NLM_F_REQUEST | NLM_F_DUMP
  d.setUint32(8, 5, true);
  const bad = new Uint8Array(20);
  const b = new DataView(bad.buffer);
  b.setUint32(0, 20, true);
  b.setUint16(4, 24, true); // RTM_NEWROUTE without a body
  b.setUint16(6, 5, true); // NLM_F_REQUEST | NLM_F_ACK
  b.setUint32(8, 6, true);
  bad[16] = 2; // AF_INET
  const datagram = new Uint8Array([...dump, ...bad]);
  const w = new World();
  assert.equal(w.exec("ip link add v0 type veth peer name v1").status, 0);
  const messages = w.socket().send(datagram);
  const joined = w.socket().sendJoined(datagram);
  assert.ok(messages.length >= 3);
  const split = [];
  const v = new DataView(joined.buffer, joined.byteOffset, joined.byteLength);
  for (let at = 0; at < joined.length; at += (v.getUint32(at, true) + 3) & ~3) {
    split.push(joined.slice(at, at + v.getUint32(at, true)));
  }
  // Port ids differ between the two sockets: compare everything else.
  const unported = (m) => [...m.slice(0, 12), ...m.slice(16)];
  assert.deepEqual(split.map(unported), messages.map(unported));
  assert.throws(() => w.socket().sendJoined("no"), /sendJoined/);
});
