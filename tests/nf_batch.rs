//! nfnetlink batches are all-or-nothing: random batches of good and bad
//! nf_tables messages; whenever one message fails, the ruleset (every
//! table, chain and rule dump, byte for byte) and the generation are as
//! before, and no notification goes out; when all succeed and something
//! changed, the generation moves by exactly one.

use iplab::host::SockOpt;
use iplab::wire::attr::NlaWriter;
use iplab::{Creds, Protocol, Socket, World};

const NEWTABLE: u8 = 0;
const GETTABLE: u8 = 1;
const DELTABLE: u8 = 2;
const NEWCHAIN: u8 = 3;
const GETCHAIN: u8 = 4;
const DELCHAIN: u8 = 5;
const NEWRULE: u8 = 6;
const GETRULE: u8 = 7;
const DELRULE: u8 = 8;
const GETGEN: u8 = 16;

fn msg(kind: u16, flags: u16, seq: u32, family: u8, res_id: u16, attrs: &[u8]) -> Vec<u8> {
    let len = (20 + attrs.len()) as u32;
    let mut m = Vec::new();
    m.extend(len.to_ne_bytes());
    m.extend(kind.to_ne_bytes());
    m.extend((flags | 1).to_ne_bytes());
    m.extend(seq.to_ne_bytes());
    m.extend(0u32.to_ne_bytes());
    m.extend([family, 0]);
    m.extend(res_id.to_be_bytes());
    m.extend(attrs);
    m
}

fn nft(kind: u8) -> u16 {
    0x0a00 | u16::from(kind)
}

/// A small deterministic generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn expr(name: &str, data: &[u8]) -> Vec<u8> {
    let mut e = Vec::new();
    e.put_str(1, name);
    e.put(2, data);
    let mut elem = Vec::new();
    elem.put(1, &e);
    elem
}

fn verdict(code: i32, chain: Option<&str>) -> Vec<u8> {
    let mut v = Vec::new();
    v.put(1, &code.to_be_bytes());
    if let Some(c) = chain {
        v.put_str(2, c);
    }
    let mut vd = Vec::new();
    vd.put(2, &v);
    let mut d = Vec::new();
    d.put(1, &0u32.to_be_bytes());
    d.put(2, &vd);
    expr("immediate", &d)
}

/// One random batch message: (type, flags, family, attributes).
fn random_msg(r: &mut Lcg) -> (u8, u16, u8, Vec<u8>) {
    let table = ["t1", "t2"][r.next(2) as usize];
    let family = [2u8, 1][r.next(2) as usize];
    let chain = ["c1", "c2", "base"][r.next(3) as usize];
    let mut a = Vec::new();
    match r.next(7) {
        0 => {
            a.put_str(1, table);
            (NEWTABLE, [0, 0x200][r.next(2) as usize], family, a)
        }
        1 => {
            a.put_str(1, table);
            (DELTABLE, 0, family, a)
        }
        2 => {
            a.put_str(1, table);
            a.put_str(3, chain);
            if chain == "base" {
                let mut hook = Vec::new();
                hook.put(1, &(r.next(6) as u32).to_be_bytes());
                hook.put(2, &0u32.to_be_bytes());
                a.put(4, &hook);
                a.put_str(7, ["filter", "nat", "route", "bogus"][r.next(4) as usize]);
            }
            (NEWCHAIN, 0x400, family, a)
        }
        3 => {
            a.put_str(1, table);
            a.put_str(3, chain);
            (DELCHAIN, 0, family, a)
        }
        4 | 5 => {
            a.put_str(1, table);
            a.put_str(2, chain);
            let mut list = Vec::new();
            list.extend(expr("counter", &[]));
            match r.next(3) {
                0 => list.extend(verdict(1, None)),
                1 => list.extend(verdict(-3, Some(["c1", "c2", "nope"][r.next(3) as usize]))),
                _ => list.extend(expr("frob", &[])),
            }
            a.put(4, &list);
            (NEWRULE, 0xc00, family, a)
        }
        _ => {
            a.put_str(1, table);
            a.put_str(2, chain);
            a.put(3, &(r.next(8)).to_be_bytes());
            (DELRULE, 0, family, a)
        }
    }
}

fn dump_all(sock: &Socket) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for kind in [GETTABLE, GETCHAIN, GETRULE] {
        out.extend(sock.send(&msg(nft(kind), 0x300, 0, 0, 0, &[])));
    }
    out
}

fn generation(sock: &Socket) -> u32 {
    let reply = sock.send(&msg(nft(GETGEN), 0, 0, 0, 0, &[]));
    let m = &reply[0];
    u32::from_be_bytes([m[24], m[25], m[26], m[27]])
}

#[test]
fn a_failed_batch_changes_nothing() {
    let world = World::new();
    let ns = world.initial_ns();
    let sock = world.socket_of(ns, Creds::ROOT, Protocol::Netfilter).unwrap();
    let monitor = world.socket_of(ns, Creds::ROOT, Protocol::Netfilter).unwrap();
    monitor.set_option(SockOpt::AddMembership(7)).unwrap();
    let mut r = Lcg(42);
    let (mut failed, mut committed) = (0, 0);
    for _ in 0..400 {
        let before = dump_all(&sock);
        let generation_before = generation(&sock);
        let mut batch = msg(0x10, 0, 0, 0, 10, &[]);
        let n = 1 + r.next(2) as u32;
        for k in 0..n {
            let (kind, flags, family, attrs) = random_msg(&mut r);
            batch.extend(msg(nft(kind), flags, k + 1, family, 0, &attrs));
        }
        batch.extend(msg(0x11, 0, n + 1, 0, 10, &[]));
        let replies = sock.send(&batch);
        let errors = replies.iter().filter(|m| u16::from_ne_bytes([m[4], m[5]]) == 2 && m[16..20] != [0; 4]).count();
        let notes = monitor.drain();
        let after = dump_all(&sock);
        if errors > 0 {
            failed += 1;
            assert_eq!(before, after, "a failed batch changed the ruleset");
            assert_eq!(generation(&sock), generation_before);
            assert!(notes.is_empty(), "a failed batch announced something");
        } else {
            committed += 1;
            let moved = generation(&sock) - generation_before;
            assert_eq!(moved, u32::from(!notes.is_empty()), "generation moves once per changing batch");
            if moved == 1 {
                // NEWGEN closes the notifications.
                assert_eq!(u16::from_ne_bytes([notes.last().unwrap()[4], notes.last().unwrap()[5]]), 0x0a0f);
            }
        }
    }
    assert!(failed > 50 && committed > 30, "failed {failed}, committed {committed}");
}
