//! iplab's `nft` leaves the kernel in the state the real nft 1.0.6 does:
//! each captured script (tests/netlink/cases/netfilter_requests.json, from
//! tests/netlink/capture.py) is replayed byte for byte in one namespace and
//! typed into iplab's shell in another, and the two namespaces' nf_tables
//! (tables, chains, rules, and every set with its key, flags, user data
//! and elements) must be the same after each command.

use iplab::output::Output;
use iplab::shell::Shell;
use iplab::{Creds, Protocol, World};
use serde_json::Value;

/// Tables, chains, rules and sets as comparable text.
fn state(world: &World, ns: &str) -> String {
    let id = world.netns(ns).unwrap();
    world.with_net(|n| {
        let mut out = String::new();
        for t in &n.ns(id).unwrap().netfilter.tables {
            out.push_str(&format!("table {} {}\n", t.family, t.name));
            for s in &t.sets {
                out.push_str(&format!(
                    " set {} flags {:#x} key {} {} data {:?} userdata {:?}\n  {:?}\n",
                    s.name, s.flags, s.key_type, s.key_len, s.data, s.userdata, s.elems
                ));
            }
            for c in &t.chains {
                let base = c.base.as_ref().map(|b| (b.hooknum, b.priority, b.kind.clone(), b.policy));
                out.push_str(&format!(" chain {} {base:?}\n", c.name));
                for r in &c.rules {
                    out.push_str(&format!("  {:?} {:?}\n", r.exprs, r.userdata));
                }
            }
        }
        out
    })
}

fn same_as_real(script: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/netlink/cases/netfilter_requests.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in ["ip netns add real", "ip netns add here"] {
        assert_eq!(sh.run_line(l, &mut Output::new()), 0);
    }
    let real = world.netns("real").unwrap();
    for cmd in doc[script].as_array().unwrap() {
        let sock = world.socket_of(real, Creds::ROOT, Protocol::Netfilter).unwrap();
        for d in cmd["datagrams"].as_array().unwrap() {
            let hex = d.as_str().unwrap();
            let bytes: Vec<u8> = (0..hex.len() / 2).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect();
            sock.send(&bytes);
        }
        // Each word quoted: the capture ran nft without a shell (`;`, `{`).
        let words: Vec<String> = cmd["command"].as_str().unwrap().split(' ').map(|w| format!("'{w}'")).collect();
        let line = format!("ip netns exec here {}", words.join(" "));
        sh.run_line(&line, &mut Output::new());
        assert_eq!(state(&world, "here"), state(&world, "real"), "after {line}");
    }
    assert!(state(&world, "real").contains(" set "), "the script made no set");
}

#[test]
fn protocol_sets_match_real_nft() {
    same_as_real("nft-set-types");
}

#[test]
fn port_and_address_sets_match_real_nft() {
    same_as_real("nft-set");
}
