//! Requests batched in one datagram answer exactly as when each is sent in
//! a datagram of its own: within a datagram the timers and the settle are
//! skipped between IPv4 route inserts, and a gateway's lookup is reused
//! (rtnetlink::upkeep), which must never show.

use iplab::wire::addr::IfAddrRepr;
use iplab::wire::link::IfInfoRepr;
use iplab::wire::route::RtMsgRepr;
use iplab::wire::{MessageBuilder, NLM_F_ACK, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REQUEST, NlaWriter};
use iplab::{Creds, Socket, World};

const NEW: u16 = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
const GW: u32 = 0x0a00_00fe; // 10.0.0.254

/// An RTM_NEWROUTE in main of type `kind` through `gw` and/or out of `oif`.
fn route(seq: u32, dst: u32, len: u8, kind: u8, gw: Option<u32>, oif: Option<u32>) -> Vec<u8> {
    let mut b = MessageBuilder::new(24, NEW, seq, 0);
    // A route out of a device alone is scope link, as `ip route add` makes it.
    let scope = if gw.is_none() && oif.is_some() { 253 } else { 0 };
    b.push(&RtMsgRepr { family: 2, dst_len: len, table: 254, protocol: 4, scope, kind, ..Default::default() }.to_bytes());
    b.put(1, &dst.to_be_bytes());
    if let Some(gw) = gw {
        b.put(5, &gw.to_be_bytes());
    }
    if let Some(oif) = oif {
        b.put_u32(4, oif);
    }
    b.finish()
}

/// RTM_DELROUTE of `dst/len` in main.
fn del_route(seq: u32, dst: u32, len: u8) -> Vec<u8> {
    let mut b = MessageBuilder::new(25, NLM_F_REQUEST | NLM_F_ACK, seq, 0);
    // Any scope, as `ip route del` asks (RT_SCOPE_NOWHERE).
    b.push(&RtMsgRepr { family: 2, dst_len: len, table: 254, scope: 255, ..Default::default() }.to_bytes());
    b.put(1, &dst.to_be_bytes());
    b.finish()
}

/// RTM_NEWLINK setting a device up or down.
fn link_up(seq: u32, index: i32, up: bool) -> Vec<u8> {
    let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK, seq, 0);
    b.push(&IfInfoRepr { index, flags: u32::from(up), change: 1, ..Default::default() }.to_bytes());
    b.finish()
}

/// A veth pair v0/v1 up, 10.0.0.1/8 on v0 (index 3), so 10.0.0.254 is a gateway.
fn world() -> (World, Socket) {
    let world = World::without_history();
    let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut add = MessageBuilder::new(16, NEW, 1, 0);
    add.push(&IfInfoRepr::default().to_bytes());
    add.put_str(3, "v0");
    let li = add.begin_nest(18);
    add.put_str(1, "veth");
    add.end_nest(li);
    s.send(&add.finish());
    s.send(&link_up(2, 2, true));
    s.send(&link_up(3, 3, true));
    let mut addr = MessageBuilder::new(20, NEW, 4, 0);
    addr.push(&IfAddrRepr { family: 2, prefix_len: 8, flags: 0, scope: 0, index: 3 }.to_bytes());
    addr.put(2, &[10, 0, 0, 1]);
    addr.put(1, &[10, 0, 0, 1]);
    s.send(&addr.finish());
    (world, s)
}

/// The IPv4 routes of every table, dumped.
fn dump(s: &Socket) -> Vec<Vec<u8>> {
    let mut b = MessageBuilder::new(26, NLM_F_REQUEST | NLM_F_DUMP, 99, 0);
    b.push(&RtMsgRepr { family: 2, ..Default::default() }.to_bytes());
    s.send(&b.finish())
}

/// Sends `requests` in one datagram to one world and one by one to
/// another: the answers and the tables after must be the same bytes.
/// Returns the answers.
fn same_batched_and_alone(requests: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let (_a, batched) = world();
    let (_b, alone) = world();
    let answers = batched.send(&requests.concat());
    let one_by_one: Vec<Vec<u8>> = requests.iter().flat_map(|r| alone.send(r)).collect();
    assert_eq!(answers, one_by_one);
    assert_eq!(dump(&batched), dump(&alone));
    answers
}

/// The errno of an NLMSG_ERROR answer (0 for an ACK).
fn errno(answer: &[u8]) -> i32 {
    assert_eq!(u16::from_ne_bytes([answer[4], answer[5]]), 2);
    i32::from_ne_bytes([answer[16], answer[17], answer[18], answer[19]])
}

#[test]
fn a_route_over_the_gateway_ends_its_reused_lookup() {
    let requests = [
        route(10, 0x0100_0000, 24, 1, Some(GW), None),
        route(11, 0x0100_0100, 24, 1, Some(GW), None),
        // The gateway's own route out of v1 (index 2): the next route
        // through it leaves by v1, not by v0 (index 3) as the two before.
        route(12, GW, 32, 1, None, Some(2)),
        route(13, 0x0100_0200, 24, 1, Some(GW), None),
        del_route(14, GW, 32),
        route(15, 0x0100_0300, 24, 1, Some(GW), None),
        route(16, 0x0100_0380, 25, 1, Some(GW), None),
        // A shorter prefix over the gateway, out of v1 again.
        route(17, 0x0a00_0000, 24, 1, None, Some(2)),
        route(18, 0x0100_0400, 24, 1, Some(GW), None),
    ];
    let answers = same_batched_and_alone(&requests);
    assert!(answers.iter().all(|a| errno(a) == 0));
}

#[test]
fn a_device_going_down_mid_datagram_is_seen() {
    let requests = [
        route(10, 0x0100_0000, 24, 1, Some(GW), None),
        route(11, 0x0100_0100, 24, 1, Some(GW), None),
        link_up(12, 3, false),
        route(13, 0x0100_0200, 24, 1, Some(GW), None),
        link_up(14, 3, true),
        route(15, 0x0100_0300, 24, 1, Some(GW), None),
    ];
    let answers = same_batched_and_alone(&requests);
    let errors: Vec<i32> = answers.iter().map(|a| errno(a)).collect();
    assert_eq!(errors[0..3], [0, 0, 0]);
    assert_ne!(errors[3], 0, "a gateway behind a device that is down");
}
