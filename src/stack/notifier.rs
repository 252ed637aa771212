//! The netdev notifier chain (net/core/dev.c `call_netdevice_notifiers`):
//! the one way a device event reaches IPv4 addresses, the FIB, IPv6,
//! neighbours and bridge ports. Devices (`stack::link`) raise an event once
//! their own state has changed; each subscriber follows the Linux notifier
//! block of the same name and runs in [`CHAIN`]'s order.
//!
//! What the chain does not carry (yet): VLANs following their real device
//! up and down (`vlan_device_event`) run after the chain of the real
//! device, and a bridge losing its ports when it is deleted
//! (`br_dev_delete`) happens before NETDEV_UNREGISTER, as the dellink
//! operation does it in Linux.

use super::{Event, Net, NsId};

/// A device event (`enum netdev_cmd`), raised after the device changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetdevEvent {
    /// NETDEV_UP: the device was opened.
    Up,
    /// NETDEV_DOWN: the device was closed.
    Down,
    /// NETDEV_CHANGE: the link watch saw the carrier of an up device change.
    Change,
    /// NETDEV_CHANGEMTU: the device's MTU changed.
    ChangeMtu,
    /// NETDEV_CHANGEADDR: the device's hardware address was set.
    ChangeAddr,
    /// NETDEV_CHANGENAME: the device was renamed from `old`.
    ChangeName {
        /// The name it had.
        old: String,
    },
    /// NETDEV_UNREGISTER: the closed device leaves its namespace (deleted,
    /// or moving to another one).
    Unregister,
}

/// A notifier block: what one subsystem does about a device event.
type Subscriber = fn(&mut Net, NsId, u32, &NetdevEvent) -> Vec<Event>;

/// The subscribers, in the order the chain calls them: IPv4 addresses
/// before the IPv4 FIB (addresses take their own routes with them), the
/// FIB before IPv6, then neighbours and bridge ports.
const CHAIN: &[Subscriber] = &[inetdev_event, fib_netdev_event, nh_netdev_event, addrconf_notify, neigh_netdev_event, br_device_event];

/// `call_netdevice_notifiers`: runs every subscriber for `event` on device
/// `index` of `ns`; returns their notifications in order.
pub fn call_netdevice_notifiers(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    let mut events = Vec::new();
    for subscriber in CHAIN {
        events.extend(subscriber(net, ns, index, event));
    }
    events
}

/// `inetdev_event` (net/ipv4/devinet.c): on NETDEV_UP loopback gets
/// 127.0.0.1/8 and every address its routes; on NETDEV_CHANGENAME the
/// labels follow the name, each announced (RTM_NEWADDR); on NETDEV_UNREGISTER every IPv4 address goes,
/// each with its routes (`inetdev_destroy`).
fn inetdev_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    let Some(nsr) = net.ns_mut(ns) else { return Vec::new() };
    let mut events = Vec::new();
    match event {
        NetdevEvent::Up => events.extend(super::addr::inet_netdev_up(nsr, index)),
        NetdevEvent::ChangeName { old } => {
            // The device's settings follow it (devinet and addrconf
            // register their sysctl directories again under the new name).
            if let Some(new) = nsr.link(index).map(|l| l.name.clone()) {
                nsr.sysctl.rename_device(old, &new);
            }
            let id = nsr.id;
            if let Some(l) = nsr.link_mut(index) {
                for (i, a) in l.addrs4.iter_mut().enumerate() {
                    a.label = changed_label(&l.name, &a.label, i);
                    events.push(Event::Addr4 { ns: id, new: true, ifindex: index, addr: a.clone(), kernel: true });
                }
            }
        }
        NetdevEvent::Unregister => {
            while nsr.link(index).is_some_and(|l| !l.addrs4.is_empty()) {
                let last = nsr.link(index).map_or(0, |l| l.addrs4.len() - 1);
                events.extend(super::addr::remove_v4_at(nsr, index, last));
            }
        }
        _ => {}
    }
    events
}

/// The label the `i`-th address of a renamed device gets
/// (`inetdev_changename`): the first takes the new name; the others keep
/// what follows a `:` in their label, or get `:N` (N = `i + 1`) when it
/// has none, after the new name, cut to fit IFNAMSIZ. Measured: renaming
/// `d0` turns labels `d0:x`, `d0:y`, `foo`, `d0` into `e0`, `e0:y`,
/// `e0:3`, `e0:4`.
fn changed_label(name: &str, old: &str, i: usize) -> String {
    if i == 0 {
        return name.to_string();
    }
    let suffix = match old.find(':') {
        Some(at) => old[at..].to_string(),
        None => format!(":{}", i + 1),
    };
    // IFNAMSIZ - 1 bytes of label; a long suffix overwrites the name's end.
    let keep = 15usize.saturating_sub(suffix.len()).min(name.len());
    let mut label = name.get(..keep).unwrap_or(name).to_string();
    label.push_str(&suffix);
    label
}

/// `fib_netdev_event` (net/ipv4/fib_frontend.c), the IPv4 FIB: NETDEV_UP
/// revives the device's next hops (`fib_sync_up`), NETDEV_DOWN flushes its
/// routes silently (`fib_sync_down_dev`, `fib_flush`), NETDEV_CHANGE
/// follows the carrier with RTNH_F_LINKDOWN, and NETDEV_UNREGISTER drops
/// every route left through the device (`fib_disable_ip`), silently too.
fn fib_netdev_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    let Some(nsr) = net.ns_mut(ns) else { return Vec::new() };
    match event {
        NetdevEvent::Up => super::route::revive_v4(nsr, index),
        NetdevEvent::Down => super::link::fib_disable_v4(nsr, index, false),
        NetdevEvent::Change => super::route::sync_carrier(nsr, index),
        NetdevEvent::Unregister => {
            let _ = nsr.fib4.remove_where(|r| r.uses_dev(index));
        }
        _ => {}
    }
    Vec::new()
}

/// `nh_netdev_event` (net/ipv4/nexthop.c): NETDEV_DOWN, NETDEV_UNREGISTER
/// and a NETDEV_CHANGE that lost the carrier take the device's next-hop
/// objects away with their routes (`nexthop_flush_dev`), silently.
fn nh_netdev_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    let Some(nsr) = net.ns_mut(ns) else { return Vec::new() };
    match event {
        NetdevEvent::Down => super::nexthop::flush_dev(nsr, index, false),
        NetdevEvent::Change if !super::route::carrier_ok(nsr, index) => super::nexthop::flush_dev(nsr, index, false),
        NetdevEvent::Unregister => super::nexthop::flush_dev(nsr, index, true),
        _ => Vec::new(),
    }
}

/// `addrconf_notify` (net/ipv6/addrconf.c): NETDEV_UP configures IPv6
/// (link-local address, routes), NETDEV_CHANGE with carrier is "link
/// becomes ready", NETDEV_CHANGEMTU follows the MTU from 1280 up, and
/// NETDEV_DOWN / NETDEV_UNREGISTER take the device's IPv6 routes and
/// addresses away (`addrconf_ifdown`, `rt6_disable_ip`).
fn addrconf_notify(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    let Some(nsr) = net.ns_mut(ns) else { return Vec::new() };
    let mut events = Vec::new();
    match event {
        NetdevEvent::Up => events.extend(super::ipv6::netdev_up(nsr, index)),
        NetdevEvent::Down => {
            // fib6_ifdown for the closed device spares the local table;
            // addrconf_ifdown then takes the rest.
            events.extend(super::ipv6::routes_down(nsr, index, false, true));
            events.extend(super::ipv6::ifdown(nsr, index, false));
        }
        NetdevEvent::Change if super::route::carrier_ok(nsr, index) => events.extend(super::ipv6::netdev_change(nsr, index)),
        NetdevEvent::ChangeMtu => events.extend(super::ipv6::mtu_changed(nsr, index)),
        NetdevEvent::Unregister => {
            events.extend(super::ipv6::ifdown(nsr, index, true));
            let id = nsr.id;
            for r in nsr.fib6.remove_where(|r| r.uses_dev(index)) {
                events.push(Event::Route6 { ns: id, new: false, route: r, nlflags: 0 });
            }
        }
        _ => {}
    }
    events
}

/// The neighbour tables' device events (`neigh_ifdown` from
/// `arp_netdev_event`/`ndisc_netdev_event`, `neigh_carrier_down`): a device
/// closed or going away loses every entry, one that lost its carrier all
/// but the permanent ones.
fn neigh_netdev_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    let Some(nsr) = net.ns_mut(ns) else { return Vec::new() };
    match event {
        NetdevEvent::Down | NetdevEvent::Unregister => super::neigh::flush_dev(nsr, index),
        NetdevEvent::Change if !super::route::carrier_ok(nsr, index) => super::neigh::carrier_down(nsr, index),
        _ => Vec::new(),
    }
}

/// `br_device_event` (net/bridge/br.c) for a device that is a bridge port:
/// up, down and carrier changes move the port's STP state, a new MTU may
/// change the bridge's (`br_mtu_auto_adjust`), a new address its bridge id
/// (`br_stp_recalculate_bridge_id`).
fn br_device_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    use super::bridge::{self, PortEvent};
    let port_of = net.ns(ns).and_then(|n| n.link(index)).and_then(|l| l.master);
    match event {
        NetdevEvent::Up => bridge::port_event(net, ns, index, PortEvent::Up),
        NetdevEvent::Down => bridge::port_event(net, ns, index, PortEvent::Down),
        NetdevEvent::Change => bridge::port_event(net, ns, index, PortEvent::Change),
        NetdevEvent::ChangeMtu => port_of.map(|b| bridge::mtu_auto_adjust(net, ns, b)).unwrap_or_default(),
        NetdevEvent::ChangeAddr => port_of.map(|b| bridge::recalculate_bridge_id(net, ns, b)).unwrap_or_default(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::World;
    use crate::output::Output;
    use crate::shell::Shell;

    /// Runs the lines in one shell; returns what the last one printed.
    fn run(shell: &mut Shell, lines: &[&str]) -> String {
        let mut last = String::new();
        for line in lines {
            let mut o = Output::new();
            shell.run_line(line, &mut o);
            last = o.combined();
        }
        last
    }

    #[test]
    fn a_ports_changes_reach_its_bridge() {
        // Measured on Linux: NETDEV_CHANGEMTU and NETDEV_CHANGEADDR of a port
        // move its bridge's MTU and bridge id (br_device_event).
        let mut sh = Shell::new(Box::new(World::new()));
        run(&mut sh, &["ip link add br0 type bridge", "ip link add d0 type veth peer name d1", "ip link set d0 master br0"]);
        run(&mut sh, &["ip link set d0 mtu 1400", "ip link set d0 address 02:00:00:00:00:05"]);
        let shown = run(&mut sh, &["ip -d link show br0"]);
        assert!(shown.contains("mtu 1400"), "{shown}");
        assert!(shown.contains("bridge_id 8000.2:0:0:0:0:5"), "{shown}");
    }

    #[test]
    fn a_closed_device_loses_its_neighbours() {
        // Measured on Linux: NETDEV_DOWN flushes even permanent entries.
        let mut sh = Shell::new(Box::new(World::new()));
        run(&mut sh, &["ip link add d0 type veth peer name d1", "ip link set d0 up", "ip link set d1 up"]);
        run(&mut sh, &["ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev d1"]);
        assert_eq!(run(&mut sh, &["ip neigh show dev d1"]), "10.0.0.9 lladdr 02:00:00:00:00:09 PERMANENT \n");
        assert_eq!(run(&mut sh, &["ip link set d1 down", "ip neigh show dev d1"]), "");
    }
}
