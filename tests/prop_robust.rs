//! Property tests: no datagram makes the kernel panic or answer with a
//! malformed message, and a request that fails leaves the state unchanged.

use iplab::host::SockOpt;
use iplab::wire::header::HeaderRepr;
use iplab::wire::link::{IfInfoRepr, ifla, info, veth_info};
use iplab::wire::{MessageBuilder, NLM_F_ACK, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REQUEST, NLMSG_ERROR, NlaWriter};
use iplab::{Creds, Socket, World};
use proptest::prelude::*;

fn newlink_veth(seq: u32) -> Vec<u8> {
    let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, seq, 0);
    b.push(&IfInfoRepr::default().to_bytes());
    b.put_str(ifla::IFNAME, "v0");
    b.put(ifla::ADDRESS, &[2, 0, 0, 0, 0, 1]);
    let li = b.begin_nest(ifla::LINKINFO);
    b.put_str(info::KIND, "veth");
    let d = b.begin_nest(info::DATA);
    let p = b.begin_nest(veth_info::PEER);
    b.push(&IfInfoRepr::default().to_bytes());
    b.put_str(ifla::IFNAME, "v1");
    b.end_nest(p);
    b.end_nest(d);
    b.end_nest(li);
    b.finish()
}

fn setlink_up(seq: u32, index: i32) -> Vec<u8> {
    let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK, seq, 0);
    b.push(&IfInfoRepr { index, flags: 1, change: 1, ..IfInfoRepr::default() }.to_bytes());
    b.finish()
}

fn newaddr4(seq: u32, index: u32, addr: [u8; 4], plen: u8) -> Vec<u8> {
    let mut b = MessageBuilder::new(20, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, seq, 0);
    b.push(&iplab::wire::addr::IfAddrRepr { family: 2, prefix_len: plen, flags: 0, scope: 0, index }.to_bytes());
    b.put(1, &addr);
    b.put(2, &addr);
    b.finish()
}

/// A world with some state: lo up, a veth pair up with addresses.
fn populated() -> (World, Socket) {
    let world = World::new();
    let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    s.set_option(SockOpt::ExtAck(true)).unwrap();
    for req in [
        setlink_up(1, 1),
        newlink_veth(2),
        setlink_up(3, 2),
        setlink_up(4, 3),
        newaddr4(5, 2, [10, 0, 0, 1], 24),
        newaddr4(6, 3, [10, 0, 0, 2], 24),
    ] {
        s.send(&req);
    }
    (world, s)
}

/// Everything a dump shows, as bytes (links, addresses, routes, neighbours, rules).
fn state(sock: &Socket) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (kind, fixed) in [(18u16, 16usize), (22, 8), (26, 12), (30, 12), (34, 12)] {
        let mut b = MessageBuilder::new(kind, NLM_F_REQUEST | NLM_F_DUMP, 99, 0);
        b.push(&vec![0u8; fixed]);
        out.extend(sock.send(&b.finish()));
    }
    out
}

fn well_formed(replies: &[Vec<u8>]) -> Result<(), String> {
    for r in replies {
        let h = HeaderRepr::parse(r).map_err(|e| e.to_string())?;
        if h.len as usize != r.len() {
            return Err(format!("nlmsg_len {} but {} bytes", h.len, r.len()));
        }
    }
    Ok(())
}

fn failed(replies: &[Vec<u8>]) -> bool {
    replies.iter().any(|r| {
        HeaderRepr::parse(r).is_ok_and(|h| h.kind == NLMSG_ERROR)
            && r.get(16..20).is_some_and(|e| i32::from_ne_bytes([e[0], e[1], e[2], e[3]]) != 0)
    })
}

/// A request message of a real type with random flags and body.
fn request_strategy() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(vec![16u16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 28, 29, 30, 32, 33, 34, 3, 100]),
        any::<u16>(),
        prop::collection::vec(any::<u8>(), 0..96),
    )
        .prop_map(|(kind, flags, body)| {
            let mut b = MessageBuilder::new(kind, flags | NLM_F_REQUEST, 42, 0);
            b.push_unpadded(&body);
            b.finish()
        })
}

/// A known-good request with a few bytes overwritten.
fn mutated_strategy() -> impl Strategy<Value = Vec<u8>> {
    let seeds = vec![newlink_veth(7), setlink_up(7, 2), newaddr4(7, 2, [10, 0, 0, 9], 24), newaddr4(7, 3, [192, 168, 1, 1], 16)];
    (prop::sample::select(seeds), prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)).prop_map(|(mut m, edits)| {
        for (i, v) in edits {
            let at = i.index(m.len());
            m[at] = v;
        }
        m
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_datagrams_never_panic(dg in prop::collection::vec(any::<u8>(), 0..200)) {
        let (_w, s) = populated();
        let replies = s.send(&dg);
        prop_assert!(well_formed(&replies).is_ok());
    }

    #[test]
    fn failed_requests_change_nothing(req in prop_oneof![request_strategy(), mutated_strategy()]) {
        let (_w, s) = populated();
        let before = state(&s);
        let replies = s.send(&req);
        prop_assert!(well_formed(&replies).is_ok(), "{:?}", well_formed(&replies));
        if failed(&replies) {
            prop_assert_eq!(before, state(&s));
        }
    }
}
