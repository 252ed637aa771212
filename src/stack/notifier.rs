//! The netdev notifier chain (net/core/dev.c `call_netdevice_notifiers`):
//! the one way a device event reaches IPv4 addresses, the FIB, IPv6,
//! neighbours and bridge ports. Devices (`stack::link`) raise an event once
//! their own state has changed; each subscriber follows the Linux notifier
//! block of the same name and runs in [`CHAIN`]'s order.
//!
//! A bridge losing its ports when it is deleted (`br_dev_delete`) is not
//! a device event: it is the bridge's dellink operation, which runs before
//! the device is unregistered (`stack::bridge::dev_delete`).

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
/// FIB before next-hop objects and IPv6, then neighbours, bridge ports and
/// VLANs (the modules registered last).
const CHAIN: &[Subscriber] =
    &[inetdev_event, fib_netdev_event, nh_netdev_event, addrconf_notify, neigh_netdev_event, br_device_event, vlan_device_event];

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
    let Some(dev) = nsr.link_mut(index) else { return events };
    let low_mtu = dev.mtu < MIN_MTU_V4;
    if dev.no_inet4 {
        // No in_device: only NETDEV_CHANGEMTU back to 68 or more makes one
        // (`inetdev_init`), empty; every other event is ignored.
        if *event == NetdevEvent::ChangeMtu && !low_mtu {
            dev.no_inet4 = false;
            let name = dev.name.clone();
            nsr.sysctl.forget_ipv4_device(&name);
        }
        return events;
    }
    match event {
        NetdevEvent::Up => events.extend(super::addr::inet_netdev_up(nsr, index)),
        // `inetdev_valid_mtu`: below 68 IPv4 is disabled, as on
        // NETDEV_UNREGISTER (`inetdev_destroy`: every address with its
        // routes, then `arp_ifdown`).
        NetdevEvent::ChangeMtu if low_mtu => {
            events.extend(destroy_v4_addrs(nsr, index));
            events.extend(super::neigh::arp_ifdown(nsr, index));
            if let Some(dev) = nsr.link_mut(index) {
                dev.no_inet4 = true;
            }
        }
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
        NetdevEvent::Unregister => events.extend(destroy_v4_addrs(nsr, index)),
        _ => {}
    }
    events
}

/// IPv4's minimum MTU (`inetdev_valid_mtu`: 68).
const MIN_MTU_V4: u32 = 68;

/// `inetdev_destroy`'s address removal: every IPv4 address of the device,
/// the newest first, each with its routes; the last one's going disables
/// IP on the device (`fib_inetaddr_event` → `fib_disable_ip`: every route
/// through it).
fn destroy_v4_addrs(nsr: &mut super::Namespace, index: u32) -> Vec<Event> {
    let mut events = Vec::new();
    let had_addrs = nsr.link(index).is_some_and(|l| !l.addrs4.is_empty());
    while nsr.link(index).is_some_and(|l| !l.addrs4.is_empty()) {
        let last = nsr.link(index).map_or(0, |l| l.addrs4.len() - 1);
        events.extend(super::addr::remove_v4_at(nsr, index, last));
    }
    if had_addrs {
        super::link::fib_disable_v4(nsr, index, true);
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
    // Only NETDEV_UNREGISTER reaches the FIB of a device without an
    // in_device.
    if *event != NetdevEvent::Unregister && nsr.link(index).is_some_and(|l| l.no_inet4) {
        return Vec::new();
    }
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
    let now = net.now_ms;
    let Some(nsr) = net.ns_mut(ns) else { return Vec::new() };
    match event {
        NetdevEvent::Down => super::nexthop::flush_dev(nsr, index, false, now),
        NetdevEvent::Change if !super::route::carrier_ok(nsr, index) => super::nexthop::flush_dev(nsr, index, false, now),
        NetdevEvent::Unregister => super::nexthop::flush_dev(nsr, index, true, now),
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
/// (`br_stp_recalculate_bridge_id`); a port going away leaves its bridge
/// (`br_del_if`).
fn br_device_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    use super::bridge::{self, PortEvent};
    let port_of = net.ns(ns).and_then(|n| n.link(index)).and_then(|l| l.master);
    match event {
        NetdevEvent::Up => bridge::port_event(net, ns, index, PortEvent::Up),
        NetdevEvent::Down => bridge::port_event(net, ns, index, PortEvent::Down),
        NetdevEvent::Change => bridge::port_event(net, ns, index, PortEvent::Change),
        NetdevEvent::ChangeMtu => port_of.map(|b| bridge::mtu_auto_adjust(net, ns, b)).unwrap_or_default(),
        NetdevEvent::ChangeAddr => port_of.map(|b| bridge::recalculate_bridge_id(net, ns, b)).unwrap_or_default(),
        NetdevEvent::Unregister => bridge::del_port(net, ns, index, true),
        _ => Vec::new(),
    }
}

/// `vlan_device_event` (net/8021q/vlan.c): the VLANs on a device follow it
/// (`stack::vlan`).
fn vlan_device_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    super::vlan::device_event(net, ns, index, event)
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

#[cfg(test)]
mod monitor_tests {
    use crate::World;
    use crate::output::Output;
    use crate::shell::Shell;

    fn run(w: &mut World, line: &str) {
        let mut sh = Shell::new(Box::new(w.clone()));
        let mut out = Output::new();
        assert_eq!(sh.run_line(line, &mut out), 0, "{line}: {}", out.combined());
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    /// `ip monitor link neigh` on Linux 6.x while `ip link del br0` deletes
    /// a bridge with two ports, one up: `br_dev_delete` (the bridge's
    /// dellink) takes the ports off, newest first, and the bridge's own
    /// fdb entry, before the bridge is closed and unregistered. (Linux
    /// also deleted the multicast neighbours its IGMP and MLD reports made,
    /// 224.0.0.22 and ff02::16 NOARP, after the close: not modelled.)
    #[test]
    fn a_deleted_bridge_drops_its_ports_first() {
        let mut w = World::new();
        for line in [
            "ip link add br0 address 02:00:00:00:00:01 type bridge",
            "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02",
            "ip link add p2 address 02:00:00:00:02:01 type veth peer name e2 address 02:00:00:00:02:02",
            "ip link set br0 addrgenmode none",
            "ip link set p1 addrgenmode none",
            "ip link set e1 addrgenmode none",
            "ip link set p2 addrgenmode none",
            "ip link set e2 addrgenmode none",
            "ip link set p1 master br0",
            "ip link set p2 master br0",
            "ip link set br0 up",
            "ip link set p1 up",
            "ip link set e1 up",
        ] {
            run(&mut w, line);
        }
        let mut m = crate::ip::monitor::Monitor::start(&mut w, &words("monitor link neigh"), &mut Output::new()).unwrap();
        run(&mut w, "ip link del br0");
        let mut out = Output::new();
        m.poll(&mut w, &mut out);
        let want = "\
6: p2@e2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop master br0 state DOWN group default 
    link/ether 02:00:00:00:02:01 brd ff:ff:ff:ff:ff:ff
6: p2@e2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state DOWN 
    link/ether 02:00:00:00:02:01
Deleted 6: p2@e2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state DOWN 
    link/ether 02:00:00:00:02:01
Deleted dev p2 lladdr 02:00:00:00:02:01 PERMANENT 
6: p2@e2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:02:01 brd ff:ff:ff:ff:ff:ff
4: p1@e1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP group default 
    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff
4: p1@e1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state UP 
    link/ether 02:00:00:00:01:01
Deleted 4: p1@e1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state UP 
    link/ether 02:00:00:00:01:01
Deleted dev p1 lladdr 02:00:00:00:01:01 PERMANENT 
4: p1@e1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff
Deleted dev br0 lladdr 02:00:00:00:00:01 PERMANENT 
2: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
Deleted 2: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
";
        assert_eq!(out.combined(), want);
    }

    /// `ip monitor link address neigh` on Linux 6.x while `ip link del p1`
    /// deletes a bridge port with an address: NETDEV_UNREGISTER reaches
    /// IPv4 first, then the bridge (`br_del_if`), whose RTM_NEWLINKs of the
    /// port are not sent any more (NETREG_UNREGISTERING); the AF_BRIDGE
    /// ones are. (iproute2 names the port `if4` once it is gone.)
    #[test]
    fn a_deleted_port_leaves_its_bridge_from_the_chain() {
        let mut w = World::new();
        for line in [
            "ip link add br0 address 02:00:00:00:00:01 type bridge",
            "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02",
            "ip link set br0 addrgenmode none",
            "ip link set p1 addrgenmode none",
            "ip link set e1 addrgenmode none",
            "ip link set p1 master br0",
            "ip addr add 10.0.0.1/24 dev p1",
        ] {
            run(&mut w, line);
        }
        let mut m = crate::ip::monitor::Monitor::start(&mut w, &words("monitor link address neigh"), &mut Output::new()).unwrap();
        run(&mut w, "ip link del p1");
        let mut out = Output::new();
        m.poll(&mut w, &mut out);
        let want = "\
Deleted 4: p1    inet 10.0.0.1/24 scope global p1
       valid_lft forever preferred_lft forever
4: p1@NONE: <BROADCAST,MULTICAST> mtu 1500 master br0 state DOWN 
    link/ether 02:00:00:00:01:01
Deleted 4: p1@NONE: <BROADCAST,MULTICAST> mtu 1500 master br0 state DOWN 
    link/ether 02:00:00:00:01:01
Deleted dev if4 lladdr 02:00:00:00:01:01 PERMANENT 
2: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default event FEATURE CHANGE 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
Deleted 4: p1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff
Deleted 3: e1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:01:02 brd ff:ff:ff:ff:ff:ff
";
        assert_eq!(out.combined(), want);
    }
}
