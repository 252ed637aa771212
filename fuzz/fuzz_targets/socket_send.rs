//! `Socket::send` on a fresh world: the input is a sequence of datagrams,
//! each behind a 2-byte little-endian length, sent in turn on one root and
//! one unprivileged socket (the low bit of the length picks which), so
//! later requests meet the state earlier ones made. Nothing may panic,
//! hang or grow without bound.
#![no_main]

use iplab::{Creds, World};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let world = World::new();
    let ns = world.initial_ns();
    let (Ok(root), Ok(user)) = (world.socket(ns, Creds::ROOT), world.socket(ns, Creds::USER)) else { return };
    let mut rest = data;
    while let [lo, hi, tail @ ..] = rest {
        let word = u16::from_le_bytes([*lo, *hi]);
        let len = usize::from(word >> 1).min(tail.len());
        let (datagram, next) = tail.split_at(len);
        let sock = if word & 1 == 0 { &root } else { &user };
        let _ = sock.send(datagram);
        let _ = sock.drain();
        rest = next;
    }
});
