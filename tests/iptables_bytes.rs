//! iplab's `iptables` leaves the kernel in the state the real iptables
//! 1.8.9 does: each captured script (tests/netlink/cases/
//! netfilter_requests.json, from tests/netlink/capture.py) is replayed byte
//! for byte in one namespace and typed into iplab's shell in another, and
//! the two namespaces' nf_tables (tables, chains, policies, every rule's
//! expressions) must be the same.

use iplab::output::Output;
use iplab::shell::Shell;
use iplab::{Creds, Protocol, World};
use serde_json::Value;

/// Tables, chains and rules as comparable text.
fn state(world: &World, ns: &str) -> String {
    let id = world.netns(ns).unwrap();
    world.with_net(|n| {
        let mut out = String::new();
        for t in &n.ns(id).unwrap().netfilter.tables {
            out.push_str(&format!("table {} {}\n", t.family, t.name));
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
        let line = format!("ip netns exec here {}", cmd["command"].as_str().unwrap());
        sh.run_line(&line, &mut Output::new());
        assert_eq!(state(&world, "here"), state(&world, "real"), "after {line}");
    }
    assert!(state(&world, "real").contains("chain"), "the script made nothing");
}

#[test]
fn limit_rules_match_real_iptables() {
    same_as_real("iptables-limit");
}

#[test]
fn filter_nat_and_port_rules_match_real_iptables() {
    for s in ["iptables-filter", "iptables-nat", "iptables-ports"] {
        same_as_real(s);
    }
}

#[test]
fn ip6tables_rules_match_real_ip6tables() {
    same_as_real("ip6tables-rules");
}

#[test]
fn conntrack_mac_iprange_addrtype_and_tcp_flags_match_real_iptables() {
    same_as_real("iptables-matches");
}

#[test]
fn reject_checks_match_real_iptables() {
    same_as_real("iptables-reject");
}

#[test]
fn rename_check_replace_and_zero_match_real_iptables() {
    same_as_real("iptables-chain-commands");
}
