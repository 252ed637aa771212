//! The message every link is described by (`rtnl_fill_ifinfo`,
//! `br_fill_ifinfo`, `inet6_fill_ifinfo`).

use crate::stack::link::{BridgeConf, Link, LinkKind};
use crate::stack::{Net, NsId};
use crate::wire::link::{IfInfoRepr, ifla, info};
use crate::wire::{MessageBuilder, MessageType, NlaWriter};

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
    super::super::linkprop::put_prop_list(&mut b, link);
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
            super::super::vxlan::put_info_data(b, v);
            end_plain_nest(b, d);
        }
        // vrf_fillinfo
        LinkKind::Vrf { table } => {
            let d = b.begin_nest(info::DATA);
            b.put_u32(crate::wire::link::vrf::TABLE, *table);
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
        // vrf_fill_slave_info
        if let LinkKind::Vrf { table } = bridge.kind {
            b.put_str(info::SLAVE_KIND, "vrf");
            let d = b.begin_nest(info::SLAVE_DATA);
            b.put_u32(crate::wire::link::vrf_port::TABLE, table);
            end_plain_nest(b, d);
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
    // inet_fill_link_af: nothing without an in_device.
    if !link.no_inet4 {
        put_inet_conf(b, link, &get);
    }
    if !link.no_inet6 {
        let inet6 = b.begin_nest(u16::from(crate::wire::AF_INET6));
        put_inet6_attrs(b, net, ns, link, ext_mask);
        end_plain_nest(b, inet6);
    }
    end_plain_nest(b, spec);
}

/// The IPv4 per-device settings (`inet_fill_link_af`: IFLA_INET_CONF).
fn put_inet_conf(b: &mut MessageBuilder, link: &Link, get: &dyn Fn(&str, &str) -> Option<i32>) {
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
pub(super) fn fill_inet6(net: &Net, ns: NsId, link: &Link, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
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
