//! Plain views of a world's topology — namespaces, links, veth peers,
//! masters, addresses, routes and neighbours — for drawing and inspecting.
//! They are copies: changing them changes nothing in the world.

use crate::World;
use crate::stack::link::{Link, LinkKind};
use crate::stack::route::{RouteRef, dump_order};
use crate::stack::{Namespace, Net, NsId};
use crate::wire::route::RouteType;

/// Every namespace of a world.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Topology {
    /// Namespaces: the initial one first, then the others by creation.
    pub namespaces: Vec<NamespaceView>,
}

/// One namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct NamespaceView {
    /// Its id within the world (0 is the initial namespace).
    pub id: u32,
    /// The name `ip netns add` gave it; None for the initial namespace.
    pub name: Option<String>,
    /// Its links, by ifindex.
    pub links: Vec<LinkView>,
    /// Its routes: IPv4 then IPv6, each table in `ip route show table all` order.
    pub routes: Vec<RouteView>,
    /// Its neighbour entries.
    pub neighbours: Vec<NeighbourView>,
}

/// The other end of a veth.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct PeerView {
    /// The peer's namespace id.
    pub netns: u32,
    /// That namespace's name (None for the initial one).
    pub netns_name: Option<String>,
    /// The peer's ifindex in its namespace.
    pub index: u32,
    /// The peer's name.
    pub name: String,
}

/// One link.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct LinkView {
    /// Its ifindex.
    pub index: u32,
    /// Its name.
    pub name: String,
    /// `loopback`, `veth`, `bridge`, `macvlan`, `dummy` or `vlan`.
    pub kind: String,
    /// Administratively up (IFF_UP).
    pub up: bool,
    /// Operational state as `ip link` shows it: UP, DOWN, UNKNOWN, LOWERLAYERDOWN...
    pub state: String,
    /// Whether the carrier is on (IFF_LOWER_UP).
    pub carrier: bool,
    /// MTU.
    pub mtu: u32,
    /// Hardware address, as `aa:bb:cc:dd:ee:ff`.
    pub address: String,
    /// The master device's ifindex (a bridge), if enslaved.
    pub master: Option<u32>,
    /// The master device's name.
    pub master_name: Option<String>,
    /// The lower device (macvlan, vlan), if any.
    pub lower: Option<u32>,
    /// The veth peer, if any.
    pub peer: Option<PeerView>,
    /// Addresses: IPv4 then IPv6, as `ip addr` lists them.
    pub addresses: Vec<AddressView>,
}

/// One address on a link.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct AddressView {
    /// `inet` or `inet6`.
    pub family: String,
    /// The address.
    pub address: String,
    /// Prefix length.
    pub prefix_len: u8,
    /// `global`, `link`, `host`, `site` or a number.
    pub scope: String,
    /// The peer address of a point-to-point address.
    pub peer: Option<String>,
    /// The IPv4 label.
    pub label: Option<String>,
}

/// One route.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct RouteView {
    /// `inet` or `inet6`.
    pub family: String,
    /// Table id (254 is main, 255 local).
    pub table: u32,
    /// `default` or `PREFIX/LEN`.
    pub dst: String,
    /// `unicast`, `local`, `broadcast`, `blackhole`...
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: String,
    /// `kernel`, `boot`, `static`... or a number.
    pub protocol: String,
    /// `global`, `link`, `host`...
    pub scope: String,
    /// The metric.
    pub metric: u32,
    /// The preferred source, if set.
    pub prefsrc: Option<String>,
    /// Next hops (several for a multipath route).
    pub nexthops: Vec<NextHopView>,
    /// The next-hop object the route goes through (`nhid`), whose next
    /// hops `nexthops` shows.
    pub nhid: Option<u32>,
}

/// One next hop of a route.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct NextHopView {
    /// The gateway, if any.
    pub gateway: Option<String>,
    /// The output device's ifindex (0 for none).
    pub dev_index: u32,
    /// The output device's name.
    pub dev: Option<String>,
    /// Weight.
    pub weight: u16,
}

/// One neighbour entry.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct NeighbourView {
    /// The protocol address.
    pub address: String,
    /// The device's ifindex.
    pub dev_index: u32,
    /// The device's name.
    pub dev: Option<String>,
    /// The link-layer address, if known.
    pub lladdr: Option<String>,
    /// NUD state, as `ip neigh` names it.
    pub state: String,
}

/// The topology of a world, as it is now.
pub fn topology(world: &World) -> Topology {
    world.with_net(of_net)
}

/// The topology of a network.
pub fn of_net(net: &Net) -> Topology {
    let namespaces = net.namespaces().map(|ns| namespace(net, ns)).collect();
    Topology { namespaces }
}

fn ns_name(net: &Net, id: NsId) -> Option<String> {
    net.name_of(id).map(str::to_string)
}

fn namespace(net: &Net, ns: &Namespace) -> NamespaceView {
    let dev = |i: u32| ns.link(i).map(|l| l.name.clone());
    let links = ns.links.values().map(|l| link(net, ns, l)).collect();
    let mut routes = Vec::new();
    for table in ns.fib4.table_ids() {
        for r in dump_order::<u32>(ns, table) {
            routes.push(route(&r, "inet", 32, |a| crate::text::ipv4_text(a.to_be_bytes()), &dev));
        }
    }
    for table in ns.fib6.table_ids() {
        for r in dump_order::<u128>(ns, table) {
            routes.push(route(&r, "inet6", 128, |a| crate::text::ipv6_text(a.to_be_bytes()), &dev));
        }
    }
    let neighbours = ns
        .neighbours
        .iter()
        .map(|n| NeighbourView {
            address: ip_bytes(&n.dst),
            dev_index: n.ifindex,
            dev: dev(n.ifindex),
            lladdr: n.lladdr.as_deref().map(mac),
            state: nud_name(n.state),
        })
        .collect();
    NamespaceView { id: ns.id.0, name: ns_name(net, ns.id), links, routes, neighbours }
}

fn link(net: &Net, ns: &Namespace, l: &Link) -> LinkView {
    let kind = match &l.kind {
        LinkKind::Loopback => "loopback".to_string(),
        k => k.name().unwrap_or("unknown").to_string(),
    };
    let lower = match &l.kind {
        LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } => Some(*lower),
        _ => None,
    };
    let peer = match &l.kind {
        LinkKind::Veth { peer: Some((pns, pidx)) } => Some(PeerView {
            netns: pns.0,
            netns_name: ns_name(net, *pns),
            index: *pidx,
            name: net.ns(*pns).and_then(|n| n.link(*pidx)).map(|p| p.name.clone()).unwrap_or_default(),
        }),
        _ => None,
    };
    let flags = l.netlink_flags();
    let mut addresses: Vec<AddressView> = l
        .addrs4
        .iter()
        .map(|a| AddressView {
            family: "inet".into(),
            address: crate::text::ipv4_text(a.local.to_be_bytes()),
            prefix_len: a.prefix_len,
            scope: scope_name(a.scope),
            peer: (a.address != a.local).then(|| crate::text::ipv4_text(a.address.to_be_bytes())),
            label: Some(a.label.clone()).filter(|s| !s.is_empty()),
        })
        .collect();
    addresses.extend(l.addrs6.iter().map(|a| AddressView {
        family: "inet6".into(),
        address: crate::text::ipv6_text(a.addr.to_be_bytes()),
        prefix_len: a.prefix_len,
        scope: scope_name(a.scope),
        peer: a.peer.map(|p| crate::text::ipv6_text(p.to_be_bytes())),
        label: None,
    }));
    LinkView {
        index: l.index,
        name: l.name.clone(),
        kind,
        up: l.is_up(),
        state: oper_name(l.operstate().into()),
        carrier: flags & crate::wire::link::iff::LOWER_UP != 0,
        mtu: l.mtu,
        address: mac(&l.address),
        master: l.master,
        master_name: l.master.and_then(|m| ns.link(m)).map(|m| m.name.clone()),
        lower,
        peer,
        addresses,
    }
}

fn route<K: Copy + Eq + Default>(
    r: &RouteRef<'_, K>,
    family: &str,
    bits: u8,
    fmt: impl Fn(K) -> String,
    dev: &impl Fn(u32) -> Option<String>,
) -> RouteView {
    let dst = if r.dst_len == 0 && r.dst == K::default() {
        "default".to_string()
    } else if r.dst_len == bits {
        fmt(r.dst)
    } else {
        format!("{}/{}", fmt(r.dst), r.dst_len)
    };
    RouteView {
        family: family.into(),
        table: r.table,
        dst,
        kind: route_type(r.kind),
        protocol: proto_name(r.protocol),
        scope: scope_name(r.scope),
        metric: r.priority,
        prefsrc: r.prefsrc.map(&fmt),
        nexthops: r
            .nexthops
            .iter()
            .map(|nh| NextHopView { gateway: nh.gateway.map(&fmt), dev_index: nh.ifindex, dev: dev(nh.ifindex), weight: nh.weight })
            .collect(),
        nhid: (r.nh_id != 0).then_some(r.nh_id),
    }
}

fn route_type(t: RouteType) -> String {
    let n: u8 = t.into();
    name_at(crate::wire::route::ROUTE_TYPE_NAMES, n.into())
}

/// A scope as `ip` prints it: the universe scope is `global`.
fn scope_name(s: u8) -> String {
    match s {
        crate::wire::route::scope::UNIVERSE => "global".into(),
        s => crate::wire::route::scope_name(s).map_or_else(|| s.to_string(), str::to_string),
    }
}

fn proto_name(p: u8) -> String {
    crate::wire::route::rtprot_name(p).map_or_else(|| p.to_string(), str::to_string)
}

fn oper_name(o: u8) -> String {
    name_at(crate::wire::link::OPER_NAMES, o.into())
}

fn nud_name(state: u16) -> String {
    let names = crate::text::Names(crate::wire::neigh::NUD_NAMES).iter();
    let set: Vec<&str> = names.enumerate().filter(|(i, _)| state & (1 << i) != 0).map(|(_, name)| name).collect();
    if set.is_empty() { "NONE".into() } else { set.join(",") }
}

/// The name at `n` of a space-separated table, or the number.
fn name_at(table: &'static str, n: u32) -> String {
    crate::decode::name_at(crate::text::Names(table), n)
}

fn mac(b: &[u8]) -> String {
    crate::text::colon_hex(b)
}

fn ip_bytes(b: &[u8]) -> String {
    match b.len() {
        4 => crate::text::ipv4_text([b[0], b[1], b[2], b[3]]),
        16 => crate::text::ipv6_text(<[u8; 16]>::try_from(b).unwrap_or([0; 16])),
        _ => crate::decode::hex(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Output;
    use crate::shell::Shell;

    #[test]
    fn fresh_world_has_lo_down() {
        let t = topology(&World::new());
        assert_eq!(t.namespaces.len(), 1);
        let lo = &t.namespaces[0].links[0];
        assert_eq!((lo.index, lo.name.as_str(), lo.kind.as_str(), lo.up), (1, "lo", "loopback", false));
        assert!(t.namespaces[0].routes.is_empty());
    }

    #[test]
    fn shows_veth_peers_across_namespaces_masters_and_addresses() {
        let world = World::new();
        let mut sh = Shell::new(Box::new(world.clone()));
        for line in [
            "ip netns add blue",
            "ip link add br0 type bridge",
            "ip link add v0 type veth peer name v1 netns blue",
            "ip link set v0 master br0",
            "ip addr add 10.0.0.1/24 dev br0",
            "ip link set br0 up",
            "ip link set v0 up",
        ] {
            let mut out = Output::new();
            assert_eq!(sh.run_line(line, &mut out), 0, "{line}: {}", out.combined());
        }
        let t = topology(&world);
        assert_eq!(t.namespaces.len(), 2);
        let root = &t.namespaces[0];
        let v0 = root.links.iter().find(|l| l.name == "v0").unwrap();
        let peer = v0.peer.as_ref().unwrap();
        assert_eq!((peer.name.as_str(), peer.netns_name.as_deref()), ("v1", Some("blue")));
        assert_eq!(v0.master_name.as_deref(), Some("br0"));
        let br0 = root.links.iter().find(|l| l.name == "br0").unwrap();
        assert!(br0.addresses.iter().any(|a| a.address == "10.0.0.1" && a.prefix_len == 24));
        assert!(root.routes.iter().any(|r| r.dst == "10.0.0.0/24" && r.table == 254));
        let blue = &t.namespaces[1];
        assert_eq!(blue.name.as_deref(), Some("blue"));
        assert_eq!(blue.links.iter().find(|l| l.name == "v1").unwrap().peer.as_ref().unwrap().name, "v0");
    }

    #[test]
    fn routes_through_next_hop_objects_name_them() {
        let world = World::new();
        let mut sh = Shell::new(Box::new(world.clone()));
        for line in [
            "ip link add v0 type veth peer name v1",
            "ip link set v0 up",
            "ip link set v1 up",
            "ip addr add 10.0.0.1/24 dev v0",
            "ip nexthop add id 7 via 10.0.0.2 dev v0",
            "ip route add 192.168.1.0/24 nhid 7",
        ] {
            let mut out = Output::new();
            assert_eq!(sh.run_line(line, &mut out), 0, "{line}: {}", out.combined());
        }
        let t = topology(&world);
        let r = t.namespaces[0].routes.iter().find(|r| r.dst == "192.168.1.0/24").unwrap();
        assert_eq!(r.nhid, Some(7));
        assert_eq!(r.nexthops[0].gateway.as_deref(), Some("10.0.0.2"));
        assert!(t.namespaces[0].routes.iter().filter(|r| r.dst != "192.168.1.0/24").all(|r| r.nhid.is_none()));
    }
}
