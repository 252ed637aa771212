//! First end-to-end checks of the socket contract on a fresh world.

use iplab::wire::header::HeaderRepr;
use iplab::wire::{MessageBuilder, NLMSG_DONE, NLMSG_ERROR, NLM_F_ACK, NLM_F_DUMP, NLM_F_MULTI, NLM_F_REQUEST};
use iplab::{Creds, World};

#[test]
fn getlink_dump_on_fresh_world_is_lo_then_done() {
    let world = World::new();
    let sock = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut b = MessageBuilder::new(18, NLM_F_REQUEST | NLM_F_DUMP, 7, 0);
    b.push(&[0u8; 16]);
    let replies = sock.send(&b.finish());
    assert_eq!(replies.len(), 2);
    let h = HeaderRepr::parse(&replies[0]).unwrap();
    assert_eq!((h.kind, h.flags, h.seq, h.pid), (16, NLM_F_MULTI, 7, sock.port_id()));
    let done = HeaderRepr::parse(&replies[1]).unwrap();
    assert_eq!((done.kind, done.len), (NLMSG_DONE, 20));
}

#[test]
fn empty_newlink_probe_gets_enodev() {
    let world = World::new();
    let sock = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK, 0, 0);
    b.push(&[0u8; 16]);
    let replies = sock.send(&b.finish());
    assert_eq!(replies.len(), 1);
    let h = HeaderRepr::parse(&replies[0]).unwrap();
    assert_eq!(h.kind, NLMSG_ERROR);
    assert_eq!(i32::from_ne_bytes(replies[0][16..20].try_into().unwrap()), -19);
}
