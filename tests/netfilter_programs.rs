//! iplab's `nft` and `iptables` leave the kernel in the state the real
//! nft 1.0.6 and iptables 1.8.9 do: each captured script (tests/netlink/
//! cases/netfilter_requests.json, from tests/netlink/capture.py) is replayed
//! byte for byte in one namespace and typed into iplab's shell in another,
//! and the two namespaces' nf_tables (tables, chains, policies, every rule's
//! expressions, and every set with its key, flags, user data and elements)
//! must be the same after each command.

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

/// How a captured command is typed: nft's capture ran the program without
/// a shell (`;`, `{` in its words), so each word is quoted; iptables' lines
/// are typed as they are.
#[derive(Clone, Copy)]
enum Typed {
    WordsQuoted,
    AsIs,
}

/// Replays `script`'s datagrams in one namespace and types its commands in
/// another; `made` must appear in the real side's state at the end.
fn same_as_real(script: &str, typed: Typed, made: &str) {
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
        let command = cmd["command"].as_str().unwrap();
        let line = match typed {
            Typed::WordsQuoted => {
                let words: Vec<String> = command.split(' ').map(|w| format!("'{w}'")).collect();
                format!("ip netns exec here {}", words.join(" "))
            }
            Typed::AsIs => format!("ip netns exec here {command}"),
        };
        sh.run_line(&line, &mut Output::new());
        assert_eq!(state(&world, "here"), state(&world, "real"), "after {line}");
    }
    assert!(state(&world, "real").contains(made), "the script made no {made}");
}

fn same_as_real_nft(script: &str) {
    same_as_real(script, Typed::WordsQuoted, " set ");
}

fn same_as_real_iptables(script: &str) {
    same_as_real(script, Typed::AsIs, "chain");
}

#[test]
fn protocol_sets_match_real_nft() {
    same_as_real_nft("nft-set-types");
}

#[test]
fn port_and_address_sets_match_real_nft() {
    same_as_real_nft("nft-set");
}

#[test]
fn limit_rules_match_real_iptables() {
    same_as_real_iptables("iptables-limit");
}

#[test]
fn filter_nat_and_port_rules_match_real_iptables() {
    for s in ["iptables-filter", "iptables-nat", "iptables-ports"] {
        same_as_real_iptables(s);
    }
}

#[test]
fn ip6tables_rules_match_real_ip6tables() {
    same_as_real_iptables("ip6tables-rules");
}

#[test]
fn conntrack_mac_iprange_addrtype_and_tcp_flags_match_real_iptables() {
    same_as_real_iptables("iptables-matches");
}

#[test]
fn reject_checks_match_real_iptables() {
    same_as_real_iptables("iptables-reject");
}

#[test]
fn rename_check_replace_and_zero_match_real_iptables() {
    same_as_real_iptables("iptables-chain-commands");
}

#[test]
fn tcp_flags_th_ports_and_named_sets_of_more_types_match_real_nft() {
    same_as_real_nft("nft-match-more");
}
