//! Who hears a device: the stations a multicast frame sent out of it
//! reaches without going through a router (the veth peer, and through a
//! bridge every forwarding port's far end and the bridge itself). What
//! duplicate address detection asks of the link; the packet walk in
//! `crate::sim::link` moves real frames along the same paths.

use super::bridge::FORWARDING;
use super::link::LinkKind;
use super::{Net, NsId};

/// A device: its namespace and ifindex.
pub type Station = (NsId, u32);

/// Bridges nested deeper than this pass nothing on (as in the packet walk).
const MAX_DEPTH: u32 = 8;

/// The devices other than `from` that receive a multicast frame `from`
/// sends, each once, in the order the frame reaches them.
pub fn stations(net: &Net, from: Station) -> Vec<Station> {
    let mut heard = Vec::new();
    send(net, from, 0, &mut heard);
    heard.retain(|s| *s != from);
    heard
}

fn link(net: &Net, (ns, index): Station) -> Option<&super::link::Link> {
    net.ns(ns)?.link(index)
}

fn send(net: &Net, from: Station, depth: u32, heard: &mut Vec<Station>) {
    let Some(l) = link(net, from).filter(|l| l.is_up() && l.carrier) else { return };
    match &l.kind {
        LinkKind::Veth { peer: Some(peer) } if link(net, *peer).is_some_and(|p| p.is_up()) => receive(net, *peer, depth, heard),
        LinkKind::Bridge(_) => flood(net, from, None, depth, heard),
        _ => {}
    }
}

/// The ports of `bridge` that pass frames on (up, with carrier, in the
/// forwarding state), except `except`.
pub fn forwarding_ports(net: &Net, bridge: Station, except: Option<u32>) -> Vec<Station> {
    let Some(ns) = net.ns(bridge.0) else { return Vec::new() };
    ns.links
        .values()
        .filter(|l| l.master == Some(bridge.1) && Some(l.index) != except && l.is_up() && l.carrier && l.port_state == FORWARDING)
        .map(|l| (bridge.0, l.index))
        .collect()
}

/// A bridge sends the frame out of every forwarding port but `except`.
fn flood(net: &Net, bridge: Station, except: Option<u32>, depth: u32, heard: &mut Vec<Station>) {
    for port in forwarding_ports(net, bridge, except) {
        send(net, port, depth + 1, heard);
    }
}

fn receive(net: &Net, at: Station, depth: u32, heard: &mut Vec<Station>) {
    if heard.contains(&at) || depth > MAX_DEPTH {
        return;
    }
    let Some(l) = link(net, at) else { return };
    let bridge_master =
        l.master.filter(|&m| link(net, (at.0, m)).is_some_and(|b| matches!(b.kind, crate::stack::link::LinkKind::Bridge(_))));
    match bridge_master {
        Some(bridge) => {
            if depth >= MAX_DEPTH || l.port_state != FORWARDING || !link(net, (at.0, bridge)).is_some_and(|b| b.is_up()) {
                return;
            }
            // The port's own stack never sees it (br_handle_frame takes
            // it); the bridge passes it up and floods it, once.
            if heard.contains(&(at.0, bridge)) {
                return;
            }
            heard.push((at.0, bridge));
            flood(net, (at.0, bridge), Some(at.1), depth, heard);
        }
        None => heard.push(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bridge_carries_frames_to_its_other_ports_peers() {
        let world = crate::World::new();
        let mut sh = crate::shell::Shell::new(Box::new(world.clone()));
        for line in [
            "ip link add a0 type veth peer name a1",
            "ip link add b0 type veth peer name b1",
            "ip link add c0 type veth peer name c1",
            "ip link add br0 type bridge",
            "ip link set a1 master br0",
            "ip link set b1 master br0",
            "ip link set br0 up",
            "ip link set a0 up",
            "ip link set a1 up",
            "ip link set b0 up",
            "ip link set b1 up",
            "ip link set c0 up",
        ] {
            sh.run_line(line, &mut crate::output::Output::new());
        }
        world.with_net(|net| {
            let ns = world.initial_ns();
            let idx = |n: &str| net.ns(ns).and_then(|x| x.index_of(n)).unwrap_or(0);
            let mut got: Vec<u32> = stations(net, (ns, idx("a0"))).into_iter().map(|(_, i)| i).collect();
            got.sort();
            // Ports pass frames on without taking them themselves.
            let mut want = vec![idx("br0"), idx("b0")];
            want.sort();
            // Forwarding starts after the forward delay; a fresh bridge
            // with STP off forwards at once.
            assert_eq!(got, want);
            // c1 is down: c0 has no carrier and reaches no one.
            assert!(stations(net, (ns, idx("c0"))).is_empty());
        });
    }
}
