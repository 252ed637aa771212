//! RTM_{NEW,DEL,GET,SET}LINK (net/core/rtnetlink.c `rtnl_newlink`,
//! `rtnl_setlink`, `rtnl_dellink`, `rtnl_getlink`, `rtnl_dump_ifinfo`) and the
//! message every link is described by (`rtnl_fill_ifinfo`).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::link::{self as slink, BridgeConf, Link, LinkKind, derived_mac, valid_name};
use crate::stack::{Event, Net, NsId};
use crate::wire::attr::AttrTable;
use crate::wire::link::{IFINFOMSG_LEN, IfInfoRepr, iff, ifla, info, macvlan_mode, veth_info};
use crate::wire::{MessageBuilder, MessageType, NLM_F_CREATE, NLM_F_EXCL, NLM_F_MULTI, NLM_F_REPLACE, NlaWriter};

/// The RTM_NEWLINK (or DELLINK) message describing a link (`rtnl_fill_ifinfo`).
#[allow(clippy::too_many_arguments)] // rtnl_fill_ifinfo's own arguments
pub fn fill(net: &Net, ns: NsId, link: &Link, kind: MessageType, seq: u32, pid: u32, flags: u16, change: u32) -> Vec<u8> {
    fill_ext(net, ns, link, kind, seq, pid, flags, change, 0)
}

/// [`fill`] for a request that gave an IFLA_EXT_MASK.
#[allow(clippy::too_many_arguments)]
pub fn fill_ext(
    net: &Net,
    ns: NsId,
    link: &Link,
    kind: MessageType,
    seq: u32,
    pid: u32,
    flags: u16,
    change: u32,
    ext_mask: u32,
) -> Vec<u8> {
    fill_link(net, ns, link, kind, (seq, pid, flags), change, ext_mask, 0, None)
}

/// IFLA_EVENT_FEATURES: the notification of a features change.
pub const IFLA_EVENT_FEATURES: u32 = 2;

/// `rtnl_fill_ifinfo`: `event` is the IFLA_EVENT value (0: none);
/// `master` is the bridge as it was when the port was announced (it may be
/// gone by the time the message is made).
#[allow(clippy::too_many_arguments)]
pub fn fill_link(
    net: &Net,
    ns: NsId,
    link: &Link,
    kind: MessageType,
    (seq, pid, flags): (u32, u32, u16),
    change: u32,
    ext_mask: u32,
    event: u32,
    master: Option<&Link>,
) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let hdr = IfInfoRepr { family: 0, link_type: link.link_type(), index: link.index as i32, flags: link.netlink_flags(), change };
    b.push(&hdr.to_bytes());
    b.put_str(ifla::IFNAME, &link.name);
    b.put_u32(ifla::TXQLEN, link.txqlen);
    b.put_u8(ifla::OPERSTATE, u8::from(link.operstate()));
    b.put_u8(ifla::LINKMODE, link.link_mode);
    // Loopback and bridges are NETIF_F_NETNS_LOCAL.
    b.put_u8(ifla::NETNS_IMMUTABLE, u8::from(link.is_loopback() || matches!(link.kind, LinkKind::Bridge(_))));
    b.put_u32(ifla::MTU, link.mtu);
    b.put_u32(ifla::MIN_MTU, link.min_mtu);
    b.put_u32(ifla::MAX_MTU, link.max_mtu);
    b.put_u32(ifla::GROUP, link.group);
    b.put_u32(ifla::PROMISCUITY, link.promiscuity);
    b.put_u32(ifla::ALLMULTI, link.allmulti);
    b.put_u32(ifla::NUM_TX_QUEUES, link.num_tx_queues);
    let [gso_size, gso_segs, gro_size, gso4_size, gro4_size] = link.offload_limits;
    b.put_u32(ifla::GSO_MAX_SEGS, gso_segs);
    b.put_u32(ifla::GSO_MAX_SIZE, gso_size);
    b.put_u32(ifla::GRO_MAX_SIZE, gro_size);
    b.put_u32(ifla::GSO_IPV4_MAX_SIZE, gso4_size);
    b.put_u32(ifla::GRO_IPV4_MAX_SIZE, gro4_size);
    b.put_u32(ifla::TSO_MAX_SIZE, link.tso_max_size);
    b.put_u32(ifla::TSO_MAX_SEGS, 65535);
    b.put_u32(ifla::MAX_PACING_OFFLOAD_HORIZON, 0);
    b.put_u32(ifla::NUM_RX_QUEUES, link.num_rx_queues);
    if let Some(m) = link.master {
        b.put_u32(ifla::MASTER, m);
    }
    b.put_u8(ifla::CARRIER, u8::from(link.carrier));
    if let Some(alias) = &link.alias {
        b.put_str(ifla::IFALIAS, alias);
    }
    b.put_u32(ifla::CARRIER_CHANGES, link.carrier_up_count + link.carrier_down_count);
    b.put_u32(ifla::CARRIER_UP_COUNT, link.carrier_up_count);
    b.put_u32(ifla::CARRIER_DOWN_COUNT, link.carrier_down_count);
    b.put_u16(ifla::HEADROOM, link.headroom);
    b.put_u16(ifla::TAILROOM, 0);
    b.put_u8(ifla::PROTO_DOWN, u8::from(link.proto_down));
    if event != 0 {
        b.put_u32(ifla::EVENT, event);
    }
    b.put(ifla::ADDRESS, &link.address);
    b.put(ifla::BROADCAST, &link.broadcast);
    put_stats(&mut b, link);
    let xdp = b.begin_nest(ifla::XDP);
    b.put_u8(crate::wire::link::xdp::ATTACHED, 0);
    end_plain_nest(&mut b, xdp);
    put_linkinfo(&mut b, net, ns, link, master);
    if let Some(id) = link_netnsid(net, ns, link) {
        b.put_i32(ifla::LINK_NETNSID, id);
    }
    // The peer's index is given when it differs or lives in another namespace.
    let iflink = link.iflink();
    if iflink != link.index || link_netnsid(net, ns, link).is_some() {
        b.put_u32(ifla::LINK, iflink);
    }
    // dev_shutdown leaves an unregistered device the noop qdisc; opening
    // one attaches the default: noqueue for IFF_NO_QUEUE devices,
    // pfifo_fast for a macvtap (which queues).
    let queue = link.qdisc_attached && kind != MessageType::DelLink;
    let tap = matches!(link.kind, LinkKind::Macvlan { tap: true, .. });
    b.put_str(
        ifla::QDISC,
        match (queue, tap) {
            (false, _) => "noop",
            (true, false) => "noqueue",
            (true, true) => "pfifo_fast",
        },
    );
    if kind != MessageType::DelLink {
        put_af_spec(&mut b, net, ns, link, ext_mask);
    } else {
        // rtnl_fill_link_af: the families' data is gone with the device;
        // the nest stays, empty.
        let n = b.begin_nest(ifla::AF_SPEC);
        end_plain_nest(&mut b, n);
    }
    b.put(ifla::MAP, &[0u8; 32]);
    super::linkprop::put_prop_list(&mut b, link);
    let n = b.begin_nest(ifla::DEVLINK_PORT);
    b.end_nest(n);
    let n = b.begin_nest(ifla::DPLL_PIN);
    b.end_nest(n);
    b.finish()
}

/// Closes a nest opened with `begin_nest` and clears NLA_F_NESTED, for the
/// nests Linux opens with `nla_nest_start_noflag`.
fn end_plain_nest(b: &mut MessageBuilder, token: usize) {
    b.end_nest(token);
    b.clear_nested_flag(token);
}

fn put_stats(b: &mut MessageBuilder, link: &Link) {
    let s = &link.stats;
    let mut v64 = [0u64; 25];
    v64[0] = s.rx_packets;
    v64[1] = s.tx_packets;
    v64[2] = s.rx_bytes;
    v64[3] = s.tx_bytes;
    v64[4] = s.rx_errors;
    v64[5] = s.tx_errors;
    v64[6] = s.rx_dropped;
    v64[7] = s.tx_dropped;
    v64[8] = s.multicast;
    let bytes64: Vec<u8> = v64.iter().flat_map(|v| v.to_ne_bytes()).collect();
    b.put(ifla::STATS64, &bytes64);
    let bytes32: Vec<u8> = v64[..24].iter().flat_map(|v| (*v as u32).to_ne_bytes()).collect();
    b.put(ifla::STATS, &bytes32);
}

fn put_linkinfo(b: &mut MessageBuilder, net: &Net, ns: NsId, link: &Link, master: Option<&Link>) {
    let Some(kind) = link.kind.name() else { return };
    let li = b.begin_nest(ifla::LINKINFO);
    b.put_str(info::KIND, kind);
    match &link.kind {
        LinkKind::Macvlan { mode, flags, .. } => {
            let d = b.begin_nest(info::DATA);
            b.put_u32(crate::wire::link::macvlan::MODE, *mode);
            b.put_u16(crate::wire::link::macvlan::FLAGS, *flags);
            b.put_u32(crate::wire::link::macvlan::MACADDR_COUNT, 0);
            b.put_u32(crate::wire::link::macvlan::BC_QUEUE_LEN, 1000);
            b.put_u32(crate::wire::link::macvlan::BC_QUEUE_LEN_USED, 1000);
            end_plain_nest(b, d);
        }
        LinkKind::Vlan { id, protocol, flags, qos, .. } => {
            // vlan_fill_info
            use crate::wire::link::vlan;
            let d = b.begin_nest(info::DATA);
            b.put_u16(vlan::PROTOCOL, *protocol);
            b.put_u16(vlan::ID, *id);
            if *flags != 0 {
                let mut f = [0u8; 8];
                crate::wire::put_bytes(&mut f, 0, &flags.to_ne_bytes());
                crate::wire::put_bytes(&mut f, 4, &u32::MAX.to_ne_bytes());
                b.put(vlan::FLAGS, &f);
            }
            for (attr, maps) in [(vlan::INGRESS_QOS, qos.ingress_mappings()), (vlan::EGRESS_QOS, qos.egress_mappings())] {
                if maps.is_empty() {
                    continue;
                }
                let n = b.begin_nest(attr);
                for (from, to) in maps {
                    let mut m = [0u8; 8];
                    crate::wire::put_bytes(&mut m, 0, &from.to_ne_bytes());
                    crate::wire::put_bytes(&mut m, 4, &to.to_ne_bytes());
                    b.put(1, &m); // IFLA_VLAN_QOS_MAPPING
                }
                end_plain_nest(b, n);
            }
            end_plain_nest(b, d);
        }
        LinkKind::Bridge(conf) => put_bridge_data(b, conf, link),
        LinkKind::Vxlan(v) => {
            let d = b.begin_nest(info::DATA);
            super::vxlan::put_info_data(b, v);
            end_plain_nest(b, d);
        }
        _ => {}
    }
    let current = link.master.and_then(|m| net.ns(ns).and_then(|n| n.link(m)));
    if let Some(bridge) = master.or(current) {
        if matches!(bridge.kind, LinkKind::Bridge(_)) {
            b.put_str(info::SLAVE_KIND, "bridge");
            put_brport_data(b, bridge, link, port_number(net, ns, link.index), net.now_ms);
        }
    }
    end_plain_nest(b, li);
}

/// IFLA_INFO_DATA of a bridge (`br_fill_info`), in 6.18's order and with
/// the attributes this kernel's configuration emits.
fn put_bridge_data(b: &mut MessageBuilder, conf: &BridgeConf, link: &Link) {
    let id = bridge_id(conf, &link.address);
    let d = b.begin_nest(info::DATA);
    for timer in 16..=19 {
        b.put_u64(timer, 0); // HELLO/TCN/TOPOLOGY_CHANGE/GC timers: none running
    }
    b.put_u32(1, conf.forward_delay);
    b.put_u32(2, conf.hello_time);
    b.put_u32(3, conf.max_age);
    b.put_u32(4, conf.ageing_time);
    b.put_u32(5, conf.stp_state);
    b.put_u16(6, conf.priority);
    b.put_u8(7, conf.vlan_filtering);
    // The settings kept as set (BridgeConf::options), or their defaults.
    let put = |b: &mut MessageBuilder, t: u16, default: &[u8]| b.put(t, conf.option(t).unwrap_or(default));
    put(b, 9, &0u16.to_ne_bytes()); // GROUP_FWD_MASK
    b.put(11, &id); // BRIDGE_ID
    b.put(10, &id); // ROOT_ID: the bridge is its own root without STP
    b.put_u16(12, 0); // ROOT_PORT
    b.put_u32(13, 0); // ROOT_PATH_COST
    b.put_u8(14, 0); // TOPOLOGY_CHANGE
    b.put_u8(15, 0); // TOPOLOGY_CHANGE_DETECTED
    put(b, 20, &[0x01, 0x80, 0xc2, 0, 0, 0]); // GROUP_ADDR
    // MULTI_BOOLOPT: the values, then the mask of the options the kernel knows.
    let mut boolopt = [0u8; 8];
    crate::wire::put_bytes(&mut boolopt, 4, &0x1fu32.to_ne_bytes());
    put(b, 46, &boolopt);
    b.put_u32(48, 0); // FDB_N_LEARNED
    b.put_u32(49, 0); // FDB_MAX_LEARNED
    put(b, 22, &[1]); // MCAST_ROUTER
    put(b, 23, &[1]); // MCAST_SNOOPING
    put(b, 24, &[0]); // MCAST_QUERY_USE_IFADDR
    put(b, 25, &[0]); // MCAST_QUERIER
    put(b, 42, &[0]); // MCAST_STATS_ENABLED
    b.put_u32(26, 16); // MCAST_HASH_ELASTICITY
    put(b, 27, &4096u32.to_ne_bytes()); // MCAST_HASH_MAX
    put(b, 28, &2u32.to_ne_bytes()); // MCAST_LAST_MEMBER_CNT
    put(b, 29, &2u32.to_ne_bytes()); // MCAST_STARTUP_QUERY_CNT
    put(b, 43, &[2]); // MCAST_IGMP_VERSION
    put(b, 44, &[1]); // MCAST_MLD_VERSION
    for &(t, v) in &[(30u16, 100u64), (31, 26000), (32, 25500), (33, 12500), (34, 1000), (35, 3124)] {
        put(b, t, &v.to_ne_bytes()); // multicast intervals in hundredths of a second
    }
    for t in 36..=38 {
        put(b, t, &[0]); // NF_CALL_IPTABLES, NF_CALL_IP6TABLES, NF_CALL_ARPTABLES
    }
    end_plain_nest(b, d);
}

/// The 8-byte STP bridge id: priority then the bridge's MAC.
fn bridge_id(conf: &BridgeConf, mac: &[u8]) -> [u8; 8] {
    let mut id = [0u8; 8];
    crate::wire::put_bytes(&mut id, 0, &conf.priority.to_be_bytes());
    for (d, s) in id[2..].iter_mut().zip(mac) {
        *d = *s;
    }
    id
}

/// IFLA_INFO_SLAVE_DATA of a bridge port.
fn put_brport_data(b: &mut MessageBuilder, bridge: &Link, port: &Link, port_no: u16, now_ms: u64) {
    let d = b.begin_nest(info::SLAVE_DATA);
    put_brport_attrs(b, bridge, port, port_no, now_ms);
    end_plain_nest(b, d);
}

/// The attributes of a bridge port (`br_port_fill_attrs`).
fn put_brport_attrs(b: &mut MessageBuilder, bridge: &Link, port: &Link, port_no: u16, now_ms: u64) {
    let LinkKind::Bridge(conf) = &bridge.kind else { return };
    let id = bridge_id(conf, &bridge.address);
    let pc = &port.port_conf;
    let flag = |t: u16| u8::from(pc.flag(t));
    b.put_u8(1, port.port_state); // STATE
    b.put_u16(2, pc.priority); // PRIORITY
    b.put_u32(3, pc.cost); // COST
    for &t in &[4u16, 5, 6, 7, 28, 8, 9, 27, 30, 10, 12] {
        // MODE, GUARD, PROTECT, FAST_LEAVE, MCAST_TO_UCAST, LEARNING,
        // UNICAST_FLOOD, MCAST_FLOOD, BCAST_FLOOD, PROXYARP, PROXYARP_WIFI
        b.put_u8(t, flag(t));
    }
    // The port's id: its priority above its number (br_make_port_id); a
    // designated port of its own segment.
    let port_id = (pc.priority << 10) | port_no;
    b.put(13, &id); // ROOT_ID
    b.put(14, &id); // BRIDGE_ID
    b.put_u16(15, port_id); // DESIGNATED_PORT
    b.put_u16(16, 0); // DESIGNATED_COST
    b.put_u16(17, port_id); // ID
    b.put_u16(18, port_no); // NO
    for &t in &[19u16, 20] {
        b.put_u8(t, 0); // TOPOLOGY_CHANGE_ACK, CONFIG_PENDING
    }
    b.put_u8(29, flag(29)); // VLAN_TUNNEL
    b.put_u16(31, pc.group_fwd_mask); // GROUP_FWD_MASK
    for &t in &[32u16, 35, 36, 33, 39, 40, 43] {
        // NEIGH_SUPPRESS, MRP_RING_OPEN, MRP_IN_OPEN, ISOLATED, LOCKED,
        // MAB, NEIGH_VLAN_SUPPRESS
        b.put_u8(t, flag(t));
    }
    // MESSAGE_AGE, FORWARD_DELAY and HOLD timers: time left, in 1/100 s.
    let forward_left = port.fwd_delay_armed_ms.map_or(0, |at| {
        let elapsed_cs = now_ms.saturating_sub(at) / 10;
        u64::from(conf.forward_delay).saturating_sub(elapsed_cs)
    });
    b.put_u64(21, 0);
    b.put_u64(22, forward_left);
    b.put_u64(23, 0);
    b.put_u8(25, pc.mcast_router); // MULTICAST_ROUTER
    b.put_u32(37, 512); // MCAST_EHT_HOSTS_LIMIT
    b.put_u32(38, 0); // MCAST_EHT_HOSTS_CNT
    b.put_u32(41, 0); // MCAST_N_GROUPS
    b.put_u32(42, 0); // MCAST_MAX_GROUPS
}

/// An AF_BRIDGE RTM_NEWLINK/RTM_DELLINK about a bridge port
/// (`br_fill_ifinfo`): its identity, and its port attributes in
/// IFLA_PROTINFO when it is a NEWLINK.
pub fn fill_brport(net: &Net, ns: NsId, port: &Link, bridge: &Link, kind: MessageType) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), 0, 0, 0);
    let hdr = IfInfoRepr {
        family: crate::wire::AF_BRIDGE,
        link_type: port.link_type(),
        index: port.index as i32,
        flags: port.netlink_flags(),
        change: 0,
    };
    b.push(&hdr.to_bytes());
    b.put_str(ifla::IFNAME, &port.name);
    b.put_u32(ifla::MASTER, bridge.index);
    b.put_u32(ifla::MTU, port.mtu);
    b.put_u8(ifla::OPERSTATE, u8::from(port.operstate()));
    if !port.address.is_empty() {
        b.put(ifla::ADDRESS, &port.address);
    }
    if port.iflink() != port.index {
        b.put_u32(ifla::LINK, port.iflink());
    }
    if kind == MessageType::NewLink {
        let n = b.begin_nest(ifla::PROTINFO);
        put_brport_attrs(&mut b, bridge, port, port_number(net, ns, port.index), net.now_ms);
        b.end_nest(n);
    }
    b.finish()
}

/// A port's number on its bridge: the lowest free one when it joined.
fn port_number(net: &Net, ns: NsId, port: u32) -> u16 {
    net.ns(ns).and_then(|n| n.link(port)).map_or(1, |l| l.port_conf.no.max(1))
}

/// The id `ns` knows the peer's namespace by, for links whose other end is
/// elsewhere (`rtnl_fill_link_netnsid`).
fn link_netnsid(net: &Net, ns: NsId, link: &Link) -> Option<i32> {
    let LinkKind::Veth { peer: Some((pns, _)) } = link.kind else { return None };
    if pns == ns {
        return None;
    }
    net.ns(ns)?.nsids.get(&pns).copied()
}

/// IPv4 devconf defaults (`ipv4_devconf_dflt`), IPV4_DEVCONF_* order.
const INET_CONF_DEFAULT: [u32; 33] =
    [0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10000, 1000, 0, 0, 0, 0, 1];

/// IPv6 devconf defaults (`ipv6_devconf_dflt`), DEVCONF_* order.
const INET6_CONF_DEFAULT: [i32; 60] = [
    0, 64, 1500, 1, 1, 1, 1, -1, 4000, 1000, 0, 604800, 86400, 3, 600, 16, 0, 1, 1, 1, 60000, 0, 0, 0, 0, 0, 0, 1, 0, 0, 10000, 1000, 1, 0,
    0, 1, 0, 0, 1, 0, 0, 0, 0, 3_600_000, 0, 0, 1, 0, 0, 0, 0, 0, 1024, 0, 65535, -1, 1, 0, 0, 0,
];

fn put_af_spec(b: &mut MessageBuilder, net: &Net, ns: NsId, link: &Link, ext_mask: u32) {
    let sysctl = net.ns(ns).map(|n| &n.sysctl);
    let get = |family: &str, name: &str| -> Option<i32> {
        let key = format!("net.{family}.conf.{}.{name}", link.name);
        sysctl.and_then(|s| s.get(&key, &[link.name.as_str()])).and_then(|v| crate::text::int(v.trim()))
    };
    let spec = b.begin_nest(ifla::AF_SPEC);
    let inet = b.begin_nest(u16::from(crate::wire::AF_INET));
    let mut conf = INET_CONF_DEFAULT;
    if link.is_loopback() {
        conf[14] = 1; // IPV4_DEVCONF_NOXFRM
        conf[15] = 1; // IPV4_DEVCONF_NOPOLICY
    }
    for &(i, name) in &[(0, "forwarding"), (19, "promote_secondaries"), (7, "rp_filter"), (2, "proxy_arp")] {
        if let Some(v) = get("ipv4", name) {
            conf[i] = v as u32;
        }
    }
    let bytes: Vec<u8> = conf.iter().flat_map(|v| v.to_ne_bytes()).collect();
    b.put(crate::wire::link::inet::CONF, &bytes);
    end_plain_nest(b, inet);
    if !link.no_inet6 {
        let inet6 = b.begin_nest(u16::from(crate::wire::AF_INET6));
        put_inet6_attrs(b, net, ns, link, ext_mask);
        end_plain_nest(b, inet6);
    }
    end_plain_nest(b, spec);
}

/// The IPv6 per-device attributes (`inet6_fill_ifla6_attrs`).
fn put_inet6_attrs(b: &mut MessageBuilder, net: &Net, ns: NsId, link: &Link, ext_mask: u32) {
    let sysctl = net.ns(ns).map(|n| &n.sysctl);
    let get = |family: &str, name: &str| -> Option<i32> {
        let key = format!("net.{family}.conf.{}.{name}", link.name);
        sysctl.and_then(|s| s.get(&key, &[link.name.as_str()])).and_then(|v| crate::text::int(v.trim()))
    };
    use crate::wire::link::inet6;
    // IF_READY, IF_RS_SENT
    let rs_sent = if link.inet6_rs_sent { 0x10 } else { 0 };
    b.put_u32(inet6::FLAGS, if link.inet6_ready { 0x8000_0000 | rs_sent } else { 0 });
    let mut ci = [0u8; 16];
    crate::wire::put_bytes(&mut ci, 0, &65535u32.to_ne_bytes());
    crate::wire::put_bytes(&mut ci, 4, &((link.created_ms / 10) as u32).to_ne_bytes());
    crate::wire::put_bytes(&mut ci, 8, &30000u32.to_ne_bytes());
    crate::wire::put_bytes(&mut ci, 12, &1000u32.to_ne_bytes());
    b.put(inet6::CACHEINFO, &ci);
    let mut c6 = INET6_CONF_DEFAULT;
    c6[2] = link.mtu6 as i32;
    if link.is_loopback() {
        c6[10] = -1; // use_tempaddr
        c6[27] = -1; // accept_dad
    }
    for &(i, name) in &[(0, "forwarding"), (26, "disable_ipv6"), (27, "accept_dad"), (42, "keep_addr_on_down"), (3, "accept_ra")] {
        if let Some(v) = get("ipv6", name) {
            c6[i] = v;
        }
    }
    c6[47] = i32::from(link.addr_gen_mode);
    let bytes: Vec<u8> = c6.iter().flat_map(|v| v.to_ne_bytes()).collect();
    b.put(inet6::CONF, &bytes);
    if ext_mask & crate::wire::link::rtext_filter::SKIP_STATS == 0 {
        let mut stats = [0u64; 38];
        stats[0] = 38;
        b.put(inet6::STATS, &stats.iter().flat_map(|v| v.to_ne_bytes()).collect::<Vec<u8>>());
        let mut icmp = [0u64; 7];
        icmp[0] = 7;
        b.put(inet6::ICMP6STATS, &icmp.iter().flat_map(|v| v.to_ne_bytes()).collect::<Vec<u8>>());
    }
    b.put(inet6::TOKEN, &[0u8; 16]);
    b.put_u8(inet6::ADDR_GEN_MODE, link.addr_gen_mode);
}

/// The RTM_NEWLINK an AF_INET6 link dump gives (`inet6_fill_ifinfo`).
fn fill_inet6(net: &Net, ns: NsId, link: &Link, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
    let mut b = MessageBuilder::new(MessageType::NewLink.raw(), flags, seq, pid);
    let hdr = IfInfoRepr {
        family: crate::wire::AF_INET6,
        link_type: link.link_type(),
        index: link.index as i32,
        flags: link.netlink_flags(),
        change: 0,
    };
    b.push(&hdr.to_bytes());
    b.put_str(ifla::IFNAME, &link.name);
    b.put(ifla::ADDRESS, &link.address);
    b.put_u32(ifla::MTU, link.mtu);
    if link.iflink() != link.index {
        b.put_u32(ifla::LINK, link.iflink());
    }
    b.put_u8(ifla::OPERSTATE, u8::from(link.operstate()));
    let p = b.begin_nest(ifla::PROTINFO);
    put_inet6_attrs(&mut b, net, ns, link, 0);
    end_plain_nest(&mut b, p);
    b.finish()
}

/// Finds the link a request names: by ifi_index when non-zero, else by IFLA_IFNAME.
pub(super) fn find_link(ctx: &Ctx<'_>, hdr: &IfInfoRepr, attrs: &AttrTable<'_>) -> KResult<Option<u32>> {
    let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if hdr.index > 0 {
        return Ok(ns.link(hdr.index as u32).map(|l| l.index));
    }
    // rtnl_dev_get: IFLA_IFNAME, else IFLA_ALT_IFNAME; either finds a
    // device by any of its names.
    if let Some(name) = attrs.get(ifla::IFNAME).or_else(|| attrs.get(ifla::ALT_IFNAME)) {
        let name = name.string()?;
        return Ok(ns.index_of(&name));
    }
    Ok(None)
}

/// `ALTIFNAMSIZ - 1`: the longest alternative name (ifla_policy).
pub(super) const ALTIFNAME_MAX: u16 = 127;

pub(super) fn parse<'a>(req: &Request<'a>) -> KResult<(IfInfoRepr, AttrTable<'a>)> {
    let hdr = IfInfoRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = ifla::SPACE.parse(req.payload.get(IFINFOMSG_LEN..).unwrap_or(&[]))?;
    // ifla_policy: names are NUL-terminated strings of at most 15 bytes.
    if let Some(n) = attrs.get(ifla::IFNAME) {
        let len = n.value.iter().position(|&b| b == 0).unwrap_or(n.value.len());
        if len > 15 {
            return Err(KernelError::too_long(req.attr_offset(IFINFOMSG_LEN, n.offset), 15));
        }
    }
    if let Some(n) = attrs.get(ifla::ALT_IFNAME) {
        if n.value.len() > usize::from(ALTIFNAME_MAX) {
            return Err(KernelError::too_long(req.attr_offset(IFINFOMSG_LEN, n.offset), ALTIFNAME_MAX));
        }
    }
    Ok((hdr, attrs))
}

/// RTM_GETLINK without NLM_F_DUMP: one link by index or name.
pub fn get_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    if hdr.index == 0 && !attrs.has(ifla::IFNAME) && !attrs.has(ifla::ALT_IFNAME) {
        return Err(KernelError::msg(Errno::EINVAL, "need ifindex or ifname"));
    }
    let index = find_link(ctx, &hdr, &attrs)?.ok_or(KernelError::new(Errno::ENODEV))?;
    let net = &*ctx.net;
    let link = net.ns(ctx.ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
    let ext = attrs.get(ifla::EXT_MASK).map(|m| m.u32()).transpose()?.unwrap_or(0);
    ctx.replies.push(fill_ext(net, ctx.ns, link, MessageType::NewLink, req.header.seq, req.port, 0, 0, ext));
    Ok(())
}

/// RTM_GETLINK dump: every link, by ifindex (`rtnl_dump_ifinfo`). Accepts the
/// 4-byte rtgenmsg body older tools send.
pub fn dump_links(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let mut master_filter = None;
    let mut kind_filter = None;
    // rtnl_valid_dump_ifinfo_req (strict) or the legacy parse: a body
    // shorter than ifinfomsg is an rtgenmsg.
    let attr_buf = if req.strict {
        let hdr = IfInfoRepr::parse(req.payload).map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid header for link dump"))?;
        if hdr.link_type != 0 || hdr.flags != 0 || hdr.change != 0 || hdr.index != 0 {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid values in header for link dump request"));
        }
        req.after(IFINFOMSG_LEN)
    } else if req.payload.len() < IFINFOMSG_LEN {
        req.payload.get(4..).unwrap_or(&[])
    } else {
        req.after(IFINFOMSG_LEN)
    };
    let mut ext_mask = 0;
    if let Ok(attrs) = ifla::SPACE.parse(attr_buf) {
        if let Some(m) = attrs.get(ifla::EXT_MASK) {
            ext_mask = m.u32().unwrap_or(0);
        }
        if let Some(m) = attrs.get(ifla::MASTER) {
            master_filter = Some(m.u32()?);
        }
        if let Some(li) = attrs.get(ifla::LINKINFO) {
            let inner = AttrTable::parse(li.value, 5)?;
            if let Some(k) = inner.get(info::KIND) {
                kind_filter = Some(k.string()?);
            }
        }
    }
    // Only strict dumps say they were filtered, in each part but not in
    // NLMSG_DONE (rtnl_dump_ifinfo sets no answer_flags).
    let filtered = req.strict && (master_filter.is_some_and(|m| m != 0) || kind_filter.is_some());
    let net = &*ctx.net;
    let Some(ns) = net.ns(ctx.ns) else { return Ok(()) };
    let flags = NLM_F_MULTI | if filtered { crate::wire::NLM_F_DUMP_FILTERED } else { 0 };
    if req.payload.first() == Some(&crate::wire::AF_BRIDGE) {
        // rtnl_bridge_getlink: each bridge port as its bridge describes it,
        // and the bridge itself when VLAN (or MRP/CFM) data is asked for.
        for link in ns.links.values() {
            if matches!(link.kind, LinkKind::Bridge(_)) && ext_mask & super::bridge_af::RTEXT_FILTER_BRIDGE_SELF != 0 {
                ctx.replies.push(super::bridge_af::fill_bridge_self(link, req.header.seq, req.port));
                continue;
            }
            let Some(bridge) = link.master.and_then(|m| ns.link(m)).filter(|b| matches!(b.kind, LinkKind::Bridge(_))) else { continue };
            let mut m = fill_brport(net, ctx.ns, link, bridge, MessageType::NewLink);
            if m.len() >= 16 {
                crate::wire::put_bytes(&mut m, 6, &NLM_F_MULTI.to_ne_bytes());
                crate::wire::put_bytes(&mut m, 8, &req.header.seq.to_ne_bytes());
                crate::wire::put_bytes(&mut m, 12, &req.port.to_ne_bytes());
            }
            ctx.replies.push(m);
        }
        return Ok(());
    }
    if req.payload.first() == Some(&crate::wire::AF_INET6) {
        // inet6_dump_ifinfo: devices with IPv6 state only.
        for link in ns.links.values().filter(|l| !l.no_inet6) {
            ctx.replies.push(fill_inet6(net, ctx.ns, link, req.header.seq, req.port, NLM_F_MULTI));
        }
        return Ok(());
    }
    for link in ns.links.values() {
        // link_master_filtered: 0 is no filter, -1 asks for no master.
        match master_filter {
            None | Some(0) => {}
            Some(u32::MAX) if link.master.is_some() => continue,
            Some(u32::MAX) => {}
            Some(m) if link.master != Some(m) => continue,
            Some(_) => {}
        }
        if let Some(k) = &kind_filter {
            if link.kind.name() != Some(k.as_str()) {
                continue;
            }
        }
        ctx.replies.push(fill_ext(net, ctx.ns, link, MessageType::NewLink, req.header.seq, req.port, flags, 0, ext_mask));
    }
    Ok(())
}

/// RTM_DELLINK: by index or name; a veth takes its peer along; `lo` stays.
pub fn del_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    if hdr.index == 0 && !attrs.has(ifla::IFNAME) && !attrs.has(ifla::ALT_IFNAME) {
        let Some(group) = attrs.get(ifla::GROUP) else { return Err(KernelError::new(Errno::EINVAL)) };
        let events = slink::delete_group(ctx.net, ctx.ns, group.u32()?)?;
        ctx.events.extend(events);
        return Ok(());
    }
    let index = find_link(ctx, &hdr, &attrs)?.ok_or(KernelError::new(Errno::ENODEV))?;
    let events = slink::delete_link(ctx.net, ctx.ns, index)?;
    ctx.events.extend(events);
    Ok(())
}

/// RTM_SETLINK: changes to an existing link (`rtnl_setlink` → `do_setlink`).
pub fn set_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let index = find_link(ctx, &hdr, &attrs)?.ok_or(KernelError::new(Errno::ENODEV))?;
    do_setlink(ctx, req, index, &hdr, &attrs)
}

/// RTM_NEWLINK: change an existing link, or create one of a known kind.
pub fn new_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let linkinfo = match attrs.get(ifla::LINKINFO) {
        Some(li) => Some(AttrTable::parse(li.value, 5)?),
        None => None,
    };
    let kind = match linkinfo.as_ref().and_then(|li| li.get(info::KIND)) {
        Some(k) => Some(k.string()?),
        None => None,
    };
    // rtnl_newlink: the kind's validate runs before the device is looked up.
    if kind.as_deref() == Some("vxlan") {
        let data = linkinfo.as_ref().and_then(|li| li.get(info::DATA)).map(|d| d.value);
        let mtu = attrs.get(ifla::MTU).map(|m| m.u32()).transpose()?;
        super::vxlan::ops_validate(data, mtu, info_data_offset(req, &attrs))?;
    }
    if let Some(index) = find_link(ctx, &hdr, &attrs)? {
        if req.has(NLM_F_EXCL) {
            return Err(Errno::EEXIST.into());
        }
        if req.has(NLM_F_REPLACE) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // Kind data for an existing device needs that kind's changelink
        // (veth and dummy have none).
        if let Some(data) = linkinfo.as_ref().and_then(|li| li.get(info::DATA)) {
            let existing = ctx.net.ns(ctx.ns).and_then(|n| n.link(index)).map(|l| l.kind.name());
            let changeable = matches!(existing, Some(Some("bridge" | "macvlan" | "macvtap" | "vlan" | "vxlan")));
            if !changeable || existing.flatten() != kind.as_deref() {
                return Err(Errno::EOPNOTSUPP.into());
            }
            if existing.flatten() == Some("vxlan") {
                let at = info_data_offset(req, &attrs);
                let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
                let mut new_kind = ns.link(index).map(|l| l.kind.clone()).ok_or(KernelError::new(Errno::ENODEV))?;
                if let LinkKind::Vxlan(v) = &mut new_kind {
                    let top = |k: u16| attrs.get(k).map(|a| req.attr_offset(IFINFOMSG_LEN, a.offset));
                    super::vxlan::change_vxlan(ns, index, v, data.value, at, &top)?;
                }
                if let Some(l) = ctx.net.ns_mut(ctx.ns).and_then(|n| n.link_mut(index)) {
                    l.kind = new_kind;
                }
                return do_setlink(ctx, req, index, &hdr, &attrs);
            }
            // rtnl_changelink: the kind's changelink before do_setlink.
            let link = ctx.net.ns(ctx.ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
            let (mut new_kind, up) = (link.kind.clone(), link.is_up());
            let snooped = matches!(&new_kind, LinkKind::Bridge(c) if c.snooping());
            super::kind_data::change(&mut new_kind, data.value)?;
            // br_multicast_toggle on a running bridge: the all-snoopers
            // groups join again, after the others.
            if let (LinkKind::Bridge(c), true, false) = (&mut new_kind, up, snooped) {
                if c.snooping() {
                    c.snoopers_rejoined = true;
                }
            }
            if let Some(l) = ctx.net.ns_mut(ctx.ns).and_then(|n| n.link_mut(index)) {
                l.kind = new_kind;
            }
        }
        // Port options (IFLA_INFO_SLAVE_DATA) need a master whose kind
        // changes its ports (`slave_changelink`): a bridge.
        if let Some(data) = linkinfo.as_ref().and_then(|li| li.get(info::SLAVE_DATA)) {
            let net = &*ctx.net;
            let master =
                net.ns(ctx.ns).and_then(|n| n.link(index)).and_then(|l| l.master).and_then(|m| net.ns(ctx.ns).and_then(|n| n.link(m)));
            if !master.is_some_and(|m| matches!(m.kind, LinkKind::Bridge(_))) {
                return Err(Errno::EOPNOTSUPP.into());
            }
            let events = super::kind_data::bridge_port(ctx.net, ctx.ns, index, data.value)?;
            ctx.events.extend(events);
        }
        return do_setlink(ctx, req, index, &hdr, &attrs);
    }
    if !req.has(NLM_F_CREATE) {
        // rtnl_group_changelink: no device named, a group given: every
        // device of the group gets the change.
        let named = hdr.index > 0 || attrs.has(ifla::IFNAME) || attrs.has(ifla::ALT_IFNAME);
        if let (false, Some(g)) = (named, attrs.get(ifla::GROUP)) {
            let g = g.u32()?;
            let members: Vec<u32> =
                ctx.net.ns(ctx.ns).map(|n| n.links.values().filter(|l| l.group == g).map(|l| l.index).collect()).unwrap_or_default();
            for index in members {
                do_setlink(ctx, req, index, &hdr, &attrs)?;
            }
            return Ok(());
        }
        return Err(Errno::ENODEV.into());
    }
    let Some(kind) = kind.filter(|k| matches!(k.as_str(), "veth" | "bridge" | "macvlan" | "macvtap" | "dummy" | "vlan" | "vxlan")) else {
        return Err(KernelError::msg(Errno::EOPNOTSUPP, "Unknown device type"));
    };
    if hdr.index > 0 {
        // A requested ifindex must be free (checked by find_link above).
    }
    create(ctx, req, &hdr, &attrs, &kind, linkinfo.as_ref().and_then(|li| li.get(info::DATA)))
}

/// The parts of a creation request that apply to any device.
struct Common {
    name: Option<String>,
    address: Option<Vec<u8>>,
    mtu: Option<u32>,
    txqlen: Option<u32>,
    target_ns: Option<NsId>,
    flags: u32,
    change: u32,
    ifindex: u32,
}

fn common(net: &Net, hdr: &IfInfoRepr, attrs: &AttrTable<'_>) -> KResult<Common> {
    let name = match attrs.get(ifla::IFNAME) {
        Some(n) => {
            let s = n.string()?;
            if n.value.len() > 16 && !n.value[..16].contains(&0) {
                return Err(KernelError::msg(Errno::EINVAL, "Attribute failed policy validation"));
            }
            Some(s)
        }
        None => None,
    };
    let address = attrs.get(ifla::ADDRESS).map(|a| a.value.to_vec());
    let mtu = attrs.get(ifla::MTU).map(|a| a.u32()).transpose()?;
    let txqlen = attrs.get(ifla::TXQLEN).map(|a| a.u32()).transpose()?;
    let target_ns = target_namespace(net, attrs)?;
    Ok(Common { name, address, mtu, txqlen, target_ns, flags: hdr.flags, change: hdr.change, ifindex: hdr.index.max(0) as u32 })
}

/// The namespace IFLA_NET_NS_FD / IFLA_NET_NS_PID names, if any.
fn target_namespace(net: &Net, attrs: &AttrTable<'_>) -> KResult<Option<NsId>> {
    if let Some(fd) = attrs.get(ifla::NET_NS_FD) {
        let fd = fd.u32()?;
        return net.ns_by_fd(fd).map(Some).ok_or(KernelError::new(Errno::EBADF));
    }
    if let Some(pid) = attrs.get(ifla::NET_NS_PID) {
        let pid = pid.u32()?;
        return net.ns_by_pid(pid).map(Some).ok_or(KernelError::new(Errno::ESRCH));
    }
    Ok(None)
}

/// Picks a free name from a `kind%d` pattern (`dev_alloc_name`).
fn alloc_name(net: &Net, ns: NsId, taken: &[&str], pattern: &str) -> String {
    let exists = |n: &str| net.ns(ns).is_some_and(|x| x.index_of(n).is_some()) || taken.contains(&n);
    (0..).map(|i| crate::text::replace(pattern, "%d", &i.to_string())).find(|n| !exists(n)).unwrap_or_default()
}

fn check_new_name(net: &Net, ns: NsId, name: &str) -> KResult<()> {
    if !valid_name(name) {
        return Err(Errno::EINVAL.into());
    }
    if net.ns(ns).is_some_and(|n| n.index_of(name).is_some()) {
        return Err(Errno::EEXIST.into());
    }
    Ok(())
}

/// Where IFLA_INFO_DATA's payload starts in the request (extack offsets
/// of the kind's attributes).
fn info_data_offset(req: &Request<'_>, attrs: &AttrTable<'_>) -> u32 {
    let Some(li) = attrs.get(ifla::LINKINFO) else { return 0 };
    let data = crate::wire::attr::NlaIter::new(li.value).flatten().find(|a| a.kind == info::DATA);
    data.map_or(0, |d| req.attr_offset(IFINFOMSG_LEN, li.offset + 4 + d.offset + 4))
}

fn create(
    ctx: &mut Ctx<'_>,
    req: &Request<'_>,
    hdr: &IfInfoRepr,
    attrs: &AttrTable<'_>,
    kind: &str,
    data: Option<crate::wire::Nla<'_>>,
) -> KResult<()> {
    let _ = req;
    let c = common(ctx.net, hdr, attrs)?;
    // Per-family settings need the family's device state, which a device
    // being created does not have yet (inet6_validate_link_af).
    if attrs.has(ifla::AF_SPEC) {
        return Err(Errno::EAFNOSUPPORT.into());
    }
    if let Some(a) = &c.address {
        check_ether_addr(a)?;
    }
    let home = c.target_ns.unwrap_or(ctx.ns);
    let name = match &c.name {
        Some(n) => n.clone(),
        None => alloc_name(ctx.net, home, &[], &format!("{kind}%d")),
    };
    check_new_name(ctx.net, home, &name)?;
    if c.ifindex != 0 && ctx.net.ns(home).is_some_and(|n| n.link(c.ifindex).is_some()) {
        return Err(Errno::EBUSY.into());
    }
    let mut lower = None;
    if let Some(l) = attrs.get(ifla::LINK) {
        let l = l.u32()?;
        // The vlan driver says which link is missing itself.
        if kind != "vlan" && ctx.net.ns(ctx.ns).and_then(|n| n.link(l)).is_none() {
            return Err(Errno::ENODEV.into());
        }
        lower = Some(l);
    }
    let mut vxlan_dev = None;
    let link_kind = match kind {
        "veth" => LinkKind::Veth { peer: None },
        "bridge" => {
            let mut conf = BridgeConf::default();
            if let Some(d) = data {
                if let Err(e) = super::kind_data::bridge(&mut conf, d.value) {
                    // br_dev_newlink registers the device before
                    // br_changelink refuses an option: its ifindex is used up.
                    if c.ifindex == 0 {
                        if let Some(n) = ctx.net.ns_mut(home) {
                            n.alloc_ifindex();
                        }
                    }
                    return Err(e);
                }
            }
            LinkKind::Bridge(conf)
        }
        "dummy" => LinkKind::Dummy,
        "macvlan" | "macvtap" => {
            let lower = lower.ok_or(KernelError::new(Errno::EINVAL))?;
            // macvlan_common_newlink: on a macvlan, the new one goes on its
            // lower device.
            let lower = match ctx.net.ns(ctx.ns).and_then(|n| n.link(lower)).map(|l| &l.kind) {
                Some(LinkKind::Macvlan { lower: real, .. }) => *real,
                _ => lower,
            };
            let mut mode = macvlan_mode::VEPA;
            if let Some(d) = data {
                let t = AttrTable::parse(d.value, 12)?;
                if let Some(m) = t.get(crate::wire::link::macvlan::MODE) {
                    mode = m.u32()?;
                }
            }
            if let Some(ns) = ctx.net.ns(ctx.ns) {
                super::kind_data::check_new_macvlan(ns, lower, mode)?;
            }
            LinkKind::Macvlan { lower, mode, flags: 0, tap: kind == "macvtap" }
        }
        "vlan" => {
            let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
            super::kind_data::new_vlan(ns, lower, data.map(|d| d.value), attrs.get(ifla::MTU).map(|m| m.u32()).transpose()?)?
        }
        "vxlan" => {
            let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
            let at = info_data_offset(req, attrs);
            let top = |k: u16| attrs.get(k).map(|a| req.attr_offset(IFINFOMSG_LEN, a.offset));
            let applied = super::vxlan::new_vxlan(ns, data.map(|d| d.value), c.mtu, at, &top, ctx.net.now_ms)?;
            vxlan_dev = Some((applied.mtu, applied.headroom, applied.tso_max_size));
            applied.kind
        }
        _ => return Err(KernelError::msg(Errno::EOPNOTSUPP, "Unknown device type")),
    };
    // Everything is validated before anything changes.
    let peer = if kind == "veth" { Some(veth_peer(ctx, data, &name, home)?) } else { None };
    if let Some(a) = &c.address {
        if a.len() != 6 {
            return Err(Errno::EINVAL.into());
        }
    }
    let seed = ctx.net.next_mac_seed();
    let mac = match &c.address {
        Some(a) => mac6(a),
        None => match (&link_kind, lower) {
            (LinkKind::Vlan { .. }, Some(l)) => {
                ctx.net.ns(ctx.ns).and_then(|n| n.link(l)).map(|l| mac6(&l.address)).unwrap_or(derived_mac(seed))
            }
            _ => derived_mac(seed),
        },
    };
    let mut link = Link::new(0, &name, link_kind, mac);
    // rtnl_create_link: an address given makes it NET_ADDR_SET.
    if let (LinkKind::Bridge(conf), Some(_)) = (&mut link.kind, &c.address) {
        conf.addr_set = true;
    }
    if let Some(l) = lower.and_then(|l| ctx.net.ns(ctx.ns).and_then(|n| n.link(l))) {
        if matches!(link.kind, LinkKind::Macvlan { .. } | LinkKind::Vlan { .. }) {
            link.mtu = l.mtu;
            link.max_mtu = if matches!(link.kind, LinkKind::Vlan { .. }) { l.mtu } else { l.max_mtu };
            link.carrier = l.carrier;
        }
    }
    // macvlan_common_newlink: passthru takes the lower device's address.
    if let LinkKind::Macvlan { lower, mode: macvlan_mode::PASSTHRU, .. } = link.kind {
        if let Some(l) = ctx.net.ns(ctx.ns).and_then(|n| n.link(lower)) {
            link.address = l.address.clone();
        }
    }
    // macvtap_setup: the tap's queue length (TUN_READQ_SIZE).
    if matches!(link.kind, LinkKind::Macvlan { tap: true, .. }) {
        link.txqlen = 500;
    }
    if matches!(link.kind, LinkKind::Veth { .. }) {
        link.num_tx_queues = VETH_QUEUES;
        link.num_rx_queues = VETH_QUEUES;
    }
    if let Some((mtu, headroom, tso)) = vxlan_dev {
        link.mtu = mtu;
        link.headroom = headroom;
        link.tso_max_size = tso.unwrap_or(65_536);
    }
    if let Some(mtu) = c.mtu.filter(|_| vxlan_dev.is_none()) {
        check_mtu(&link, mtu)?;
        link.mtu = mtu;
    }
    link.mtu6 = link.mtu;
    if let Some(q) = c.txqlen {
        link.txqlen = q;
    }
    super::link_settings::on_create(&mut link, attrs)?;
    link.created_ms = ctx.net.now_ms;
    // veth_newlink registers the peer first: it gets the lower ifindex and
    // is announced (with no peer yet, IFLA_LINK 0) before the device.
    let mut peer_at = None;
    if let Some(p) = &peer {
        let mut plink = Link::new(0, &p.name, LinkKind::Veth { peer: None }, p.mac);
        plink.num_tx_queues = VETH_QUEUES;
        plink.num_rx_queues = VETH_QUEUES;
        plink.created_ms = ctx.net.now_ms;
        if let Some(m) = p.mtu {
            plink.mtu = m;
        }
        if let Some(q) = p.txqlen {
            plink.txqlen = q;
        }
        let pidx = ctx.net.add_link(p.ns, plink, p.ifindex).ok_or(KernelError::new(Errno::ENODEV))?;
        announce_new(ctx, p.ns, pidx);
        link.kind = LinkKind::Veth { peer: Some((p.ns, pidx)) };
        peer_at = Some((p.ns, pidx));
    }
    let created = ctx.net.add_link(home, link, c.ifindex).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some((pns, pidx)) = peer_at {
        if let Some(l) = ctx.net.ns_mut(pns).and_then(|n| n.link_mut(pidx)) {
            l.kind = LinkKind::Veth { peer: Some((home, created)) };
        }
        if pns != home {
            ctx.net.ensure_nsid(home, pns);
            ctx.net.ensure_nsid(pns, home);
        }
    }
    // __vxlan_dev_create: netdev_upper_dev_link announces the lower device
    // (NETDEV_CHANGEUPPER) before the new device is.
    let vxlan_lower = ctx.net.ns(home).and_then(|n| n.link(created)).and_then(|l| match &l.kind {
        LinkKind::Vxlan(v) if v.conf.link != 0 => Some(v.conf.link),
        _ => None,
    });
    if let Some(lower) = vxlan_lower.and_then(|i| ctx.net.ns(home).and_then(|n| n.link(i))) {
        ctx.events.push(Event::NewLink { ns: home, link: Box::new(lower.clone()), change: 0 });
    }
    announce_new(ctx, home, created);
    if let Some(Event::NewLink { ns, link, .. }) = ctx.events.pop() {
        ctx.events.push(Event::CreatedLink { ns, link });
    }
    if let (Some(p), Some((pns, pidx))) = (&peer, peer_at) {
        if p.flags & iff::UP != 0 {
            ctx.events.extend(slink::set_up(ctx.net, pns, pidx, true)?);
        }
    }
    if c.flags & iff::UP != 0 && (c.change == 0 || c.change & iff::UP != 0) {
        ctx.events.extend(slink::set_up(ctx.net, home, created, true)?);
    }
    if let Some(m) = attrs.get(ifla::MASTER) {
        let m = m.u32()?;
        ctx.events.extend(set_master(ctx.net, home, created, m)?);
    }
    Ok(())
}

/// Announces a registered device: IPv4 and IPv6 netconf, then RTM_NEWLINK
/// (`register_netdevice` → inetdev/addrconf init, `rtmsg_ifinfo`).
fn announce_new(ctx: &mut Ctx<'_>, ns: NsId, index: u32) {
    let Some(l) = ctx.net.ns(ns).and_then(|n| n.link(index)).cloned() else { return };
    ctx.events.push(Event::Netconf { ns, family: crate::wire::AF_INET, ifindex: index as i32, new: true });
    ctx.events.push(Event::Netconf { ns, family: crate::wire::AF_INET6, ifindex: index as i32, new: true });
    ctx.events.push(Event::NewLink { ns, link: Box::new(l), change: u32::MAX });
}

/// Queues of a veth (the number of CPUs of the machine the goldens were
/// recorded on; Linux uses `num_possible_cpus()`).
const VETH_QUEUES: u32 = 2;

fn mac6(a: &[u8]) -> [u8; 6] {
    let mut m = [0u8; 6];
    for (d, s) in m.iter_mut().zip(a) {
        *d = *s;
    }
    m
}

struct PeerSpec {
    name: String,
    ns: NsId,
    mac: [u8; 6],
    mtu: Option<u32>,
    txqlen: Option<u32>,
    flags: u32,
    ifindex: u32,
}

/// Reads VETH_INFO_PEER (`veth_newlink`): the peer's ifinfomsg and attributes.
fn veth_peer(ctx: &mut Ctx<'_>, data: Option<crate::wire::Nla<'_>>, name: &str, home: NsId) -> KResult<PeerSpec> {
    let mut spec = PeerSpec { name: String::new(), ns: home, mac: [0; 6], mtu: None, txqlen: None, flags: 0, ifindex: 0 };
    let mut peer_name = None;
    let mut mac = None;
    if let Some(d) = data {
        let t = AttrTable::parse(d.value, 1)?;
        if let Some(p) = t.get(veth_info::PEER) {
            // A peer described on its own lives in the requester's namespace
            // unless it names one (rtnl_get_peer_net), not in the device's.
            spec.ns = ctx.ns;
            let phdr = IfInfoRepr::parse(p.value).map_err(|_| KernelError::new(Errno::EINVAL))?;
            let pattrs = ifla::SPACE.parse(&p.value[IFINFOMSG_LEN..])?;
            let pc = common(ctx.net, &phdr, &pattrs)?;
            peer_name = pc.name;
            if let Some(a) = pc.address {
                if a.len() != 6 {
                    return Err(Errno::EINVAL.into());
                }
                // veth_validate, for the peer's attributes too.
                check_ether_addr(&a)?;
                mac = Some(mac6(&a));
            }
            spec.mtu = pc.mtu;
            spec.txqlen = pc.txqlen;
            spec.flags = pc.flags;
            spec.ifindex = pc.ifindex;
            if let Some(n) = pc.target_ns {
                spec.ns = n;
            }
        }
    }
    spec.name = match peer_name {
        Some(n) => n,
        None => alloc_name(ctx.net, spec.ns, &[name], "veth%d"),
    };
    if spec.ns == home && spec.name == name {
        return Err(Errno::EEXIST.into());
    }
    check_new_name(ctx.net, spec.ns, &spec.name)?;
    let seed = ctx.net.next_mac_seed();
    spec.mac = mac.unwrap_or_else(|| derived_mac(seed));
    Ok(spec)
}

/// `eth_validate_addr`: a unicast, non-zero Ethernet address.
fn check_ether_addr(a: &[u8]) -> KResult<()> {
    if a.len() < 6 || a[0] & 1 != 0 || a[..6].iter().all(|&b| b == 0) {
        return Err(Errno::EADDRNOTAVAIL.into());
    }
    Ok(())
}

/// IFLA_INET6_ADDR_GEN_MODE inside IFLA_AF_SPEC, if given (0..=3).
fn af_spec_addr_gen_mode(attrs: &AttrTable<'_>) -> KResult<Option<u8>> {
    let Some(spec) = attrs.get(ifla::AF_SPEC) else { return Ok(None) };
    let fams = AttrTable::parse(spec.value, u16::from(crate::wire::AF_INET6))?;
    let Some(inet6) = fams.get(u16::from(crate::wire::AF_INET6)) else { return Ok(None) };
    let t = AttrTable::parse(inet6.value, 9)?;
    match t.get(crate::wire::link::inet6::ADDR_GEN_MODE) {
        Some(m) => {
            let m = m.u8()?;
            if m > 3 {
                return Err(Errno::EINVAL.into());
            }
            Ok(Some(m))
        }
        None => Ok(None),
    }
}

fn check_mtu(link: &Link, mtu: u32) -> KResult<()> {
    if mtu < link.min_mtu {
        return Err(KernelError::msg(Errno::EINVAL, "mtu less than device minimum"));
    }
    if link.max_mtu != 0 && mtu > link.max_mtu {
        return Err(KernelError::msg(Errno::EINVAL, "mtu greater than device maximum"));
    }
    Ok(())
}

/// Enslaves a device to a bridge, or frees it with master 0 (`do_set_master`).
fn set_master(net: &mut Net, ns: NsId, index: u32, master: u32) -> KResult<Vec<Event>> {
    let nsr = net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let link = nsr.link(index).ok_or(KernelError::new(Errno::ENODEV))?;
    if link.master == Some(master) || (master == 0 && link.master.is_none()) {
        return Ok(Vec::new());
    }
    if master != 0 {
        let m = nsr.link(master).ok_or(KernelError::new(Errno::EINVAL))?;
        if !matches!(m.kind, LinkKind::Bridge(_)) {
            return Err(KernelError::new(Errno::EOPNOTSUPP));
        }
        if link.is_loopback() {
            // br_add_if: loopback, non-Ethernet devices: EINVAL, no message.
            return Err(KernelError::new(Errno::EINVAL));
        }
        if matches!(link.kind, LinkKind::Bridge(_)) {
            return Err(KernelError::msg(Errno::ELOOP, "Can not enslave a bridge to a bridge"));
        }
        // netdev_rx_handler_register: a macvlan port's frames are taken.
        if !super::kind_data::macvlans_on(nsr, index, 0).is_empty() {
            return Err(KernelError::new(Errno::EBUSY));
        }
    }
    let old = link.master;
    let mut events = Vec::new();
    // do_set_master: leave the old master, then join the new one.
    if let Some(b) = old {
        events.extend(crate::stack::bridge::del_port(net, ns, index, true));
        events.extend(slink::refresh_carriers(net, ns, b));
    }
    if master != 0 {
        events.extend(crate::stack::bridge::add_port(net, ns, index, master));
        events.extend(slink::refresh_carriers(net, ns, master));
    }
    Ok(events)
}

/// Applies the changes of a SETLINK/NEWLINK to an existing link in
/// `do_setlink`'s order, after validating all of them.
fn do_setlink(ctx: &mut Ctx<'_>, _req: &Request<'_>, index: u32, hdr: &IfInfoRepr, attrs: &AttrTable<'_>) -> KResult<()> {
    let ns = ctx.ns;
    let link = ctx.net.ns(ns).and_then(|n| n.link(index)).cloned().ok_or(KernelError::new(Errno::ENODEV))?;
    // Validation (validate_linkmsg and each setter's checks).
    let target = target_namespace(ctx.net, attrs)?;
    let address = attrs.get(ifla::ADDRESS).map(|a| a.value.to_vec());
    if let Some(a) = &address {
        if a.len() < link.address.len() {
            return Err(Errno::EINVAL.into());
        }
    }
    // netif_set_mac_address: the device's own address again changes
    // nothing; another one must pass eth_prepare_mac_addr_change
    // (is_valid_ether_addr), loopback's eth_mac_addr included.
    let address = address.filter(|a| a.get(..link.address.len()) != Some(&link.address[..]));
    if let Some(a) = &address {
        if matches!(link.link_type(), crate::wire::link::arphrd::ETHER | crate::wire::link::arphrd::LOOPBACK) {
            check_ether_addr(a)?;
        }
    }
    let addr_gen_mode = af_spec_addr_gen_mode(attrs)?;
    let broadcast = attrs.get(ifla::BROADCAST).map(|a| a.value.to_vec());
    if let Some(b) = &broadcast {
        if b.len() < link.broadcast.len() {
            return Err(Errno::EINVAL.into());
        }
    }
    let mtu = attrs.get(ifla::MTU).map(|a| a.u32()).transpose()?;
    if let Some(m) = mtu {
        check_mtu(&link, m)?;
    }
    let new_name = match attrs.get(ifla::IFNAME) {
        Some(n) if hdr.index > 0 => Some(n.string()?).filter(|n| *n != link.name && !n.is_empty()),
        _ => None,
    };
    if let Some(n) = &new_name {
        check_new_name(ctx.net, ns, n)?;
    }
    if let Some(t) = target {
        if t != ns {
            if link.is_loopback() {
                return Err(KernelError::msg(Errno::EINVAL, "The link has netns change disabled"));
            }
            let name = new_name.as_deref().unwrap_or(&link.name);
            if ctx.net.ns(t).is_some_and(|n| n.index_of(name).is_some()) {
                return Err(KernelError::msg(Errno::EEXIST, "A device with the same name already exists in the target netns"));
            }
        }
    }
    let master = attrs.get(ifla::MASTER).map(|m| m.u32()).transpose()?;
    if let Some(m) = master.filter(|m| *m != 0) {
        let ml = ctx.net.ns(ns).and_then(|n| n.link(m)).ok_or(KernelError::new(Errno::EINVAL))?;
        if !matches!(ml.kind, LinkKind::Bridge(_)) {
            return Err(Errno::EOPNOTSUPP.into());
        }
    }
    let txqlen = attrs.get(ifla::TXQLEN).map(|a| a.u32()).transpose()?;
    let alias = attrs.get(ifla::IFALIAS).map(|a| a.string()).transpose()?;
    if alias.as_ref().is_some_and(|a| a.len() >= 256) {
        return Err(Errno::EINVAL.into());
    }
    let group = attrs.get(ifla::GROUP).map(|a| a.u32()).transpose()?;
    let settings = super::link_settings::validate(&link, attrs)?;
    let carrier = attrs.get(ifla::CARRIER).map(|a| a.u8()).transpose()?;
    // A target that is the device's own namespace moves nothing
    // (__dev_change_net_namespace returns early); the name still changes.
    let stays = target.is_none_or(|t| t == ns);
    // Apply, in do_setlink's order.
    let mut index = index;
    let mut ns = ns;
    if let Some(t) = target.filter(|t| *t != ns) {
        let moved = move_link(ctx, index, t, new_name.as_deref())?;
        ns = t;
        index = moved;
    }
    let mut changed = false;
    let ev_ns = ns;
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(a) = address {
        if let Some(l) = nsr.link_mut(index) {
            let len = l.address.len();
            l.address = a[..len].to_vec();
            if let LinkKind::Bridge(c) = &mut l.kind {
                c.addr_set = true;
            }
            changed = true;
        }
    }
    // br_device_event NETDEV_CHANGEADDR: the bridge id follows its ports.
    let port_of = nsr.link(index).and_then(|l| l.master).filter(|_| changed);
    if let Some(b) = port_of {
        ctx.events.extend(crate::stack::bridge::recalculate_bridge_id(ctx.net, ns, b));
    }
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(m) = mtu {
        let changed_mtu = nsr.link(index).is_some_and(|l| l.mtu != m);
        // br_change_mtu: a bridge's own MTU no longer follows its ports.
        if let (true, Some(LinkKind::Bridge(c))) = (changed_mtu, nsr.link_mut(index).map(|l| &mut l.kind)) {
            c.mtu_set = true;
        }
        ctx.events.extend(slink::set_mtu(nsr, index, m));
        // br_device_event: a port's new MTU may change its bridge's.
        let master = nsr.link(index).and_then(|l| l.master);
        if let (true, Some(b)) = (changed_mtu, master) {
            ctx.events.extend(crate::stack::bridge::mtu_auto_adjust(ctx.net, ns, b));
        }
    }
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(g) = group {
        // dev_set_group announces nothing.
        if let Some(l) = nsr.link_mut(index) {
            l.group = g;
        }
    }
    if stays {
        if let Some(n) = &new_name {
            if let Some(l) = nsr.link_mut(index) {
                l.name = n.clone();
                for a in &mut l.addrs4 {
                    if a.label == link.name {
                        a.label = n.clone();
                    } else if let Some(rest) = a.label.strip_prefix(&link.name) {
                        a.label = format!("{n}{rest}");
                    }
                }
                let snap = l.clone();
                ctx.events.push(Event::NewLink { ns: ev_ns, link: Box::new(snap), change: 0 });
            }
        }
    }
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(a) = alias {
        // dev_set_alias announces nothing either.
        if let Some(l) = nsr.link_mut(index) {
            l.alias = if a.is_empty() { None } else { Some(a) };
        }
    }
    // IFLA_AF_SPEC sets DO_SETLINK_NOTIFY: netdev_state_change announces
    // the device at the end, but only while it is up.
    let mut notify_if_up = false;
    if let Some(mode) = addr_gen_mode {
        if let Some(l) = nsr.link_mut(index) {
            l.addr_gen_mode = mode;
            notify_if_up = true;
        }
    }
    if let Some(b) = broadcast {
        if let Some(l) = nsr.link_mut(index) {
            let len = l.broadcast.len();
            l.broadcast = b[..len].to_vec();
            changed = true;
        }
    }
    if let Some(m) = master {
        ctx.events.extend(set_master(ctx.net, ns, index, m)?);
    }
    if hdr.flags != 0 || hdr.change != 0 {
        let current = ctx.net.ns(ns).and_then(|n| n.link(index)).map(|l| l.netlink_flags()).unwrap_or(0);
        let wanted = if hdr.change != 0 { (hdr.flags & hdr.change) | (current & !hdr.change) } else { hdr.flags };
        ctx.events.extend(change_flags(ctx.net, ns, index, wanted)?);
    }
    if let Some(c) = carrier {
        // dev_change_carrier: only devices with ndo_change_carrier (dummy
        // here); what was set before stays set.
        let l = ctx.net.ns_mut(ns).and_then(|n| n.link_mut(index)).ok_or(KernelError::new(Errno::ENODEV))?;
        if !matches!(l.kind, LinkKind::Dummy) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        l.carrier_off = c == 0;
        ctx.events.extend(slink::refresh_carriers(ctx.net, ns, index));
    }
    if let Some(q) = txqlen {
        if let Some(l) = ctx.net.ns_mut(ns).and_then(|n| n.link_mut(index)) {
            if l.txqlen != q {
                l.txqlen = q;
                changed = true;
            }
        }
    }
    let (events, notify) = super::link_settings::apply(ctx.net, ns, index, &settings)?;
    ctx.events.extend(events);
    notify_if_up |= notify;
    if changed {
        if let Some(l) = ctx.net.ns(ns).and_then(|n| n.link(index)) {
            ctx.events.push(Event::NewLink { ns: ev_ns, link: Box::new(l.clone()), change: 0 });
        }
    }
    if notify_if_up {
        if let Some(l) = ctx.net.ns(ns).and_then(|n| n.link(index)).filter(|l| l.is_up()) {
            ctx.events.push(Event::NewLink { ns: ev_ns, link: Box::new(l.clone()), change: 0 });
        }
    }
    Ok(())
}

/// `dev_change_flags`: configurable flags, promiscuity and allmulti counters,
/// and up/down with their side effects.
fn change_flags(net: &mut Net, ns: NsId, index: u32, wanted: u32) -> KResult<Vec<Event>> {
    const SETTABLE: u32 = iff::DEBUG | iff::NOTRAILERS | iff::NOARP | iff::DYNAMIC | iff::MULTICAST | iff::PORTSEL | iff::AUTOMEDIA;
    let mut events = Vec::new();
    let nsr = net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let l = nsr.link_mut(index).ok_or(KernelError::new(Errno::ENODEV))?;
    let before = l.clone();
    l.flags = (wanted & SETTABLE) | (l.flags & !SETTABLE);
    let want_promisc = wanted & iff::PROMISC != 0;
    if want_promisc != (l.flags & iff::PROMISC != 0) {
        if want_promisc {
            l.promiscuity += 1;
            l.flags |= iff::PROMISC;
        } else {
            l.promiscuity = l.promiscuity.saturating_sub(1);
            l.flags &= !iff::PROMISC;
        }
    }
    let want_allmulti = wanted & iff::ALLMULTI != 0;
    if want_allmulti != (l.flags & iff::ALLMULTI != 0) {
        if want_allmulti {
            l.allmulti += 1;
            l.flags |= iff::ALLMULTI;
        } else {
            l.allmulti = l.allmulti.saturating_sub(1);
            l.flags &= !iff::ALLMULTI;
        }
    }
    let other_change = l.flags != before.flags;
    let snap = l.clone();
    let up_change = (wanted & iff::UP != 0) != before.is_up();
    if other_change && !up_change {
        events.push(Event::NewLink { ns, link: Box::new(snap), change: before.flags ^ l_flags(net, ns, index) });
    }
    if up_change {
        events.extend(slink::set_up(net, ns, index, wanted & iff::UP != 0)?);
    }
    Ok(events)
}

fn l_flags(net: &Net, ns: NsId, index: u32) -> u32 {
    net.ns(ns).and_then(|n| n.link(index)).map_or(0, |l| l.flags)
}

/// Moves a device to another namespace (`__dev_change_net_namespace`): it
/// goes down, loses addresses and routes, is announced gone here and new there.
fn move_link(ctx: &mut Ctx<'_>, index: u32, target: NsId, new_name: Option<&str>) -> KResult<u32> {
    let ns = ctx.ns;
    // dev_change_net_namespace: the old namespace gets an id for the new
    // one (peernet2id_alloc, for IFLA_NEW_NETNSID).
    if ns != target {
        ctx.net.ensure_nsid(ns, target);
    }
    if ctx.net.ns(ns).and_then(|n| n.link(index)).is_some_and(|l| l.is_up()) {
        ctx.events.extend(slink::dev_close(ctx.net, ns, index));
    }
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    while nsr.link(index).is_some_and(|l| !l.addrs4.is_empty()) {
        let last = nsr.link(index).map_or(0, |l| l.addrs4.len() - 1);
        ctx.events.extend(crate::stack::addr::remove_v4_at(nsr, index, last));
    }
    ctx.events.extend(crate::stack::ipv6::ifdown(nsr, index, true));
    let mut link = nsr.links.remove(&index).ok_or(KernelError::new(Errno::ENODEV))?;
    ctx.events.push(Event::DelLink { ns, link: Box::new(link.clone()) });
    link.master = None;
    // dev_shutdown: the queueing discipline goes with the old namespace;
    // the device shows `noop` until it is next brought up.
    link.qdisc_attached = false;
    if let Some(n) = new_name {
        link.name = n.to_string();
    }
    let keep_index = ctx.net.ns(target).is_some_and(|n| n.link(index).is_none());
    let new_index = ctx.net.add_link(target, link, if keep_index { index } else { 0 }).ok_or(KernelError::new(Errno::ENODEV))?;
    // The peer (if any) now points to the new place.
    let peer = match ctx.net.ns(target).and_then(|n| n.link(new_index)).map(|l| l.kind.clone()) {
        Some(LinkKind::Veth { peer: Some(p) }) => Some(p),
        _ => None,
    };
    if let Some((pns, pidx)) = peer {
        if let Some(pl) = ctx.net.ns_mut(pns).and_then(|n| n.link_mut(pidx)) {
            pl.kind = LinkKind::Veth { peer: Some((target, new_index)) };
        }
        if pns != target {
            ctx.net.ensure_nsid(target, pns);
            ctx.net.ensure_nsid(pns, target);
        }
    }
    announce_new(ctx, target, new_index);
    ctx.events.extend(slink::refresh_carriers(ctx.net, target, new_index));
    Ok(new_index)
}
