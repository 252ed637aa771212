//! What a rename announces, measured on Linux 6.18 with `ip -ts monitor
//! link address` while `ip link set d0 name e0` ran: RTM_NEWLINK first,
//! then one RTM_NEWADDR per IPv4 address with its new label (`e0`, `e0:2`).

use iplab::host::SockOpt;
use iplab::wire::link::{IfInfoRepr, ifla, info, veth_info};
use iplab::wire::{MessageBuilder, NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, NlaWriter};
use iplab::{Creds, World};

fn newveth() -> Vec<u8> {
    let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, 0);
    b.push(&IfInfoRepr::default().to_bytes());
    b.put_str(ifla::IFNAME, "d0");
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

fn newaddr(index: u32, addr: [u8; 4]) -> Vec<u8> {
    let mut b = MessageBuilder::new(20, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, 0);
    b.push(&iplab::wire::addr::IfAddrRepr { family: 2, prefix_len: 24, flags: 0, scope: 0, index }.to_bytes());
    b.put(1, &addr);
    b.put(2, &addr);
    b.finish()
}

fn rename(index: i32, name: &str) -> Vec<u8> {
    let mut b = MessageBuilder::new(19, NLM_F_REQUEST | NLM_F_ACK, 1, 0);
    b.push(&IfInfoRepr { index, ..IfInfoRepr::default() }.to_bytes());
    b.put_str(ifla::IFNAME, name);
    b.finish()
}

/// The IFA_LABEL of an RTM_NEWADDR.
fn label(msg: &[u8]) -> Option<String> {
    let mut at = 16 + 8;
    while at + 4 <= msg.len() {
        let len = u16::from_ne_bytes([msg[at], msg[at + 1]]) as usize;
        let kind = u16::from_ne_bytes([msg[at + 2], msg[at + 3]]);
        if len < 4 || at + len > msg.len() {
            return None;
        }
        if kind == 3 {
            return Some(String::from_utf8_lossy(&msg[at + 4..at + len]).trim_end_matches('\0').to_string());
        }
        at += (len + 3) & !3;
    }
    None
}

#[test]
fn rename_announces_the_link_then_each_relabelled_address() {
    let world = World::new();
    let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    s.send(&newveth());
    let d0 = world.with_net(|n| n.ns(world.initial_ns()).unwrap().index_of("d0").unwrap());
    s.send(&newaddr(d0, [10, 0, 0, 1]));
    s.send(&newaddr(d0, [10, 0, 1, 1]));
    let watcher = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    watcher.set_option(SockOpt::AddMembership(1)).unwrap(); // RTNLGRP_LINK
    watcher.set_option(SockOpt::AddMembership(5)).unwrap(); // RTNLGRP_IPV4_IFADDR
    watcher.drain();
    s.send(&rename(d0 as i32, "e0"));
    let seen: Vec<(u16, Option<String>)> = watcher
        .drain()
        .iter()
        .map(|m| {
            let kind = u16::from_ne_bytes([m[4], m[5]]);
            (kind, if kind == 20 { label(m) } else { None })
        })
        .collect();
    assert_eq!(seen, vec![(16, None), (20, Some("e0".into())), (20, Some("e0:2".into()))]);
}
