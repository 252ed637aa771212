//! RTM_{NEW,DEL}NETCONF: per-device forwarding settings announced when a
//! device appears or goes (net/ipv4/devinet.c `inet_netconf_fill_devconf`,
//! net/ipv6/addrconf.c `inet6_netconf_fill_devconf`).

use crate::stack::{Net, NsId};
use crate::wire::netconf::netconfa;
use crate::wire::{AF_INET, MessageBuilder, MessageType, NlaWriter};

/// The netconf message for a device of a namespace (all settings when
/// `new`, only the ifindex for a deletion).
pub fn fill(net: &Net, ns: NsId, family: u8, ifindex: i32, new: bool, seq: u32, pid: u32) -> Vec<u8> {
    let kind = if new { MessageType::NewNetconf } else { MessageType::DelNetconf };
    let mut b = MessageBuilder::new(kind.raw(), 0, seq, pid);
    b.push(&[family, 0, 0, 0]);
    b.put_i32(netconfa::IFINDEX, ifindex);
    if !new {
        return b.finish();
    }
    let nsr = net.ns(ns);
    let dev = nsr.and_then(|n| n.link(ifindex.max(0) as u32)).map(|l| l.name.clone());
    let scope = match ifindex {
        -1 => "all".to_string(),
        -2 => "default".to_string(),
        _ => dev.clone().unwrap_or_default(),
    };
    let get = |fam: &str, name: &str| -> i32 {
        let key = format!("net.{fam}.conf.{scope}.{name}");
        let devs: Vec<&str> = dev.iter().map(String::as_str).collect();
        nsr.and_then(|n| n.sysctl.get(&key, &devs)).and_then(|v| crate::text::int(v.trim())).unwrap_or(0)
    };
    if family == AF_INET {
        b.put_i32(netconfa::FORWARDING, get("ipv4", "forwarding"));
        b.put_i32(netconfa::RP_FILTER, get("ipv4", "rp_filter"));
        b.put_i32(netconfa::MC_FORWARDING, 0);
        b.put_i32(netconfa::BC_FORWARDING, 0);
        b.put_i32(netconfa::PROXY_NEIGH, get("ipv4", "proxy_arp"));
        b.put_i32(netconfa::IGNORE_ROUTES_WITH_LINKDOWN, get("ipv4", "ignore_routes_with_linkdown"));
    } else {
        b.put_i32(netconfa::FORWARDING, get("ipv6", "forwarding"));
        b.put_i32(netconfa::MC_FORWARDING, 0);
        b.put_i32(netconfa::PROXY_NEIGH, get("ipv6", "proxy_ndp"));
        b.put_i32(netconfa::IGNORE_ROUTES_WITH_LINKDOWN, 0);
    }
    b.finish()
}
