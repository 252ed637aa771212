//! The forwarding database of bridges (net/bridge/br_fdb.c): which port a
//! station's MAC address was last heard on. Frames arriving on a learning
//! or forwarding port teach it their source address (`br_fdb_update`);
//! unicast frames to a known address leave through that port only, others
//! are flooded. Learnt entries age out after the bridge's `ageing_time`
//! (`br_fdb_cleanup`) and go when their port is disabled
//! (`br_fdb_delete_by_port`); static and permanent entries added with
//! `bridge fdb add` stay. The local entries (the bridge's and its ports'
//! own addresses) are not stored: they follow the devices. Entries added
//! on the bridge device itself (`bridge fdb add ADDR dev br0`) are stored
//! with the bridge as their port: they are local too.
//!
//! Every change is announced as `fdb_notify` does. Learning and ageing
//! happen where no event list is at hand (a frame crossing the bridge, the
//! clock passing): their notifications wait in `Net::fdb_notices` until
//! the next announcement takes them ([`take_notices`]).
//!
//! Entries are kept newest first, the order `br->fdb_list` has.

use super::bridge::FORWARDING;
use super::link::LinkKind;
use super::{Event, Net, NsId};
use crate::errno::Errno;
use crate::wire::neigh::nud;

/// BR_STATE_LEARNING: the port learns but does not forward.
const LEARNING: u8 = 2;

/// IFLA_BRPORT_LEARNING, the port flag that lets it learn (BR_LEARNING).
const PORT_LEARNING: u16 = 8;

/// One learnt, static or permanent entry of a bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The namespace of the bridge.
    pub ns: NsId,
    /// The bridge's ifindex.
    pub bridge: u32,
    /// The port the address is behind.
    pub port: u32,
    /// The station's address.
    pub mac: [u8; 6],
    /// Added by hand as `static` or `permanent` (BR_FDB_STATIC): never
    /// aged nor flushed by the port going down.
    pub is_static: bool,
    /// Added by hand as `permanent` (BR_FDB_LOCAL): frames to it go up to
    /// the bridge, and learning never moves it.
    pub local: bool,
    /// When it was last confirmed, ms of the virtual clock.
    pub updated_ms: u64,
}

/// What `bridge fdb add ... master` asks for, by its NUD state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddState {
    /// NUD_PERMANENT (iproute2's default): a local entry.
    Permanent,
    /// NUD_NOARP (`static`).
    Static,
    /// NUD_REACHABLE (`dynamic`): ages like a learnt one.
    Dynamic,
}

/// Where a destination address is on a bridge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The bridge device's own address, or one of its ports': the frame
    /// is for the bridge's stack.
    Local,
    /// Behind this port.
    Port(u32),
    /// Unknown: flood.
    Unknown,
}

/// The bridge's `ageing_time` in ms (it is kept in centiseconds).
fn ageing_ms(net: &Net, ns: NsId, bridge: u32) -> u64 {
    match net.ns(ns).and_then(|n| n.link(bridge)).map(|l| &l.kind) {
        Some(LinkKind::Bridge(conf)) => u64::from(conf.ageing_time) * 10,
        _ => 300_000,
    }
}

/// The NUD state an entry is reported with (`fdb_to_nud`): permanent for
/// local entries, NOARP for static ones, STALE for a learnt one past the
/// ageing time, REACHABLE otherwise.
pub fn nud_state(net: &Net, e: &Entry, now_ms: u64) -> u16 {
    if e.local || e.port == e.bridge {
        nud::PERMANENT
    } else if e.is_static {
        nud::NOARP
    } else if e.updated_ms.saturating_add(ageing_ms(net, e.ns, e.bridge)) <= now_ms {
        nud::STALE
    } else {
        nud::REACHABLE
    }
}

/// Drops the entries of `bridge` that no longer hold. Learnt ones past
/// the ageing time go as `br_fdb_cleanup` deletes them, each announced:
/// the collector runs when the first one is due and takes every entry
/// due by then, newest first, so the announcements follow their due
/// times (measured: a dynamic entry added before two learnt ones goes
/// first). Entries of a port that left the bridge were announced when it
/// left and go silently, as do those of a bridge or namespace that is
/// gone.
fn expire(net: &mut Net, ns: NsId, bridge: u32, now_ms: u64) {
    let ageing = ageing_ms(net, ns, bridge);
    let mut aged = Vec::new();
    let keep: Vec<bool> = net
        .fdb
        .iter()
        .map(|e| {
            if e.ns != ns || e.bridge != bridge {
                // Entries of a namespace that is gone go with it.
                return net.ns(e.ns).is_some();
            }
            let Some(b) = net.ns(ns).and_then(|n| n.link(bridge)).filter(|l| matches!(l.kind, LinkKind::Bridge(_))) else {
                return false;
            };
            if e.port == bridge {
                // An entry for the bridge itself lasts as long as the bridge.
                return true;
            }
            let is_port = net.ns(ns).and_then(|n| n.link(e.port)).is_some_and(|l| l.master == Some(b.index));
            let fresh = e.is_static || ageing == 0 || e.updated_ms.saturating_add(ageing) > now_ms;
            if is_port && !fresh {
                aged.push(Event::FdbEntry { ns, new: false, entry: e.clone() });
            }
            is_port && fresh
        })
        .collect();
    let mut it = keep.into_iter();
    net.fdb.retain(|_| it.next().unwrap_or(true));
    // A stable sort by due time keeps the list's order among equals.
    aged.sort_by_key(|ev| if let Event::FdbEntry { entry, .. } = ev { entry.updated_ms } else { 0 });
    net.fdb_notices.extend(aged);
}

/// `br_fdb_cleanup` over every bridge at the clock's time, then the
/// notifications learning and ageing queued, in the order they happened.
pub fn take_notices(net: &mut Net) -> Vec<Event> {
    let now = net.now_ms;
    let mut bridges: Vec<(NsId, u32)> = Vec::new();
    for e in &net.fdb {
        if !bridges.contains(&(e.ns, e.bridge)) {
            bridges.push((e.ns, e.bridge));
        }
    }
    for (ns, bridge) in bridges {
        expire(net, ns, bridge, now);
    }
    std::mem::take(&mut net.fdb_notices)
}

/// Whether `mac` is the address of `bridge` or of one of its ports.
fn is_local(net: &Net, ns: NsId, bridge: u32, mac: [u8; 6]) -> bool {
    net.ns(ns).is_some_and(|n| n.links.values().any(|l| (l.index == bridge || l.master == Some(bridge)) && l.address.as_slice() == mac))
}

/// Whether `port` of `bridge` learns from the frames it receives: it is a
/// port in the learning or forwarding state with learning on
/// (`br_handle_frame_finish`).
pub fn learns(net: &Net, ns: NsId, bridge: u32, port: u32) -> bool {
    net.ns(ns).and_then(|n| n.link(port)).is_some_and(|l| {
        l.master == Some(bridge) && (l.port_state == LEARNING || l.port_state == FORWARDING) && l.port_conf.flag(PORT_LEARNING)
    })
}

/// A frame from `mac` came in on `port` of `bridge` (`br_fdb_update`):
/// remember where the station is. Multicast sources and local addresses
/// (the devices' own, permanent entries) teach nothing; a static entry
/// moves with its station (measured). A new entry, or one that moved to
/// another port, is announced; a refresh is not. An ageing time of 0
/// turns learning off.
pub fn learn(net: &mut Net, ns: NsId, bridge: u32, port: u32, mac: [u8; 6], now_ms: u64) {
    if mac[0] & 1 != 0 || mac == [0; 6] || is_local(net, ns, bridge, mac) || !learns(net, ns, bridge, port) {
        return;
    }
    if ageing_ms(net, ns, bridge) == 0 {
        return;
    }
    expire(net, ns, bridge, now_ms);
    let entry = match net.fdb.iter_mut().find(|e| e.ns == ns && e.bridge == bridge && e.mac == mac) {
        Some(e) if e.local || e.port == bridge => None,
        Some(e) => {
            e.updated_ms = now_ms;
            let moved = e.port != port;
            e.port = port;
            moved.then(|| e.clone())
        }
        None => {
            let e = Entry { ns, bridge, port, mac, is_static: false, local: false, updated_ms: now_ms };
            net.fdb.insert(0, e.clone());
            Some(e)
        }
    };
    if let Some(entry) = entry {
        net.fdb_notices.push(Event::FdbEntry { ns, new: true, entry });
    }
}

/// Where `mac` is on `bridge` (`br_fdb_find_rcu` in `br_handle_frame_finish`).
pub fn lookup(net: &mut Net, ns: NsId, bridge: u32, mac: [u8; 6], now_ms: u64) -> Place {
    if is_local(net, ns, bridge, mac) {
        return Place::Local;
    }
    expire(net, ns, bridge, now_ms);
    match net.fdb.iter().find(|e| e.ns == ns && e.bridge == bridge && e.mac == mac) {
        // An entry without a port (added on the bridge itself) or a
        // permanent one is local (BR_FDB_LOCAL: br_pass_frame_up).
        Some(e) if e.port == bridge || e.local => Place::Local,
        Some(e) => Place::Port(e.port),
        None => Place::Unknown,
    }
}

/// The valid entries of `bridge`, newest first.
pub fn entries(net: &mut Net, ns: NsId, bridge: u32, now_ms: u64) -> Vec<Entry> {
    expire(net, ns, bridge, now_ms);
    net.fdb.iter().filter(|e| e.ns == ns && e.bridge == bridge).cloned().collect()
}

/// `bridge fdb add ... master` (`br_fdb_add` → `fdb_add_entry`): an entry
/// on `port` in the asked state. EEXIST when the address is known and
/// `exclusive` is asked. Returns whether it is announced: a new or changed
/// entry is, and so is a static or permanent one set again unchanged
/// (measured on Linux 6.x); a dynamic one set again unchanged is not.
/// The entry is stamped with the clock's time.
pub fn add(net: &mut Net, ns: NsId, bridge: u32, port: u32, mac: [u8; 6], state: AddState, exclusive: bool) -> Result<bool, Errno> {
    let now_ms = net.now_ms;
    expire(net, ns, bridge, now_ms);
    let is_static = state != AddState::Dynamic;
    let local = state == AddState::Permanent;
    if let Some(e) = net.fdb.iter_mut().find(|e| e.ns == ns && e.bridge == bridge && e.mac == mac) {
        if exclusive {
            return Err(Errno::EEXIST);
        }
        let changed = e.port != port || e.is_static != is_static || e.local != local;
        e.port = port;
        e.is_static = is_static;
        e.local = local;
        if changed {
            e.updated_ms = now_ms;
        }
        return Ok(changed || is_static);
    }
    net.fdb.insert(0, Entry { ns, bridge, port, mac, is_static, local, updated_ms: now_ms });
    Ok(true)
}

/// Whether `mac` is the address of `bridge` or of one of its ports, which
/// the bridge's table holds as local entries (`br_fdb_find` finds them).
pub fn is_local_address(net: &Net, ns: NsId, bridge: u32, mac: [u8; 6]) -> bool {
    is_local(net, ns, bridge, mac)
}

/// `bridge fdb del` (`br_fdb_delete`): ENOENT when `port` has no such entry.
pub fn delete(net: &mut Net, ns: NsId, bridge: u32, port: u32, mac: [u8; 6], now_ms: u64) -> Result<(), Errno> {
    expire(net, ns, bridge, now_ms);
    let before = net.fdb.len();
    net.fdb.retain(|e| !(e.ns == ns && e.bridge == bridge && e.port == port && e.mac == mac));
    if net.fdb.len() == before {
        return Err(Errno::ENOENT);
    }
    Ok(())
}

/// What `br_fdb_flush` removes (`net_bridge_fdb_flush_desc`): entries of
/// this VLAN (0: any; the stored entries have none), behind this port
/// (0: any; the bridge's index for entries on the bridge itself), whose
/// flags under `mask` equal `flags`, in the `FLUSH_*` bits.
#[derive(Debug, Clone, Copy, Default)]
pub struct FlushDesc {
    /// `vlan_id`.
    pub vlan: u16,
    /// `port_ifindex`.
    pub port: u32,
    /// The `FLUSH_*` bits wanted.
    pub flags: u8,
    /// The `FLUSH_*` bits compared.
    pub mask: u8,
}

/// BR_FDB_LOCAL in a [`FlushDesc`].
pub const FLUSH_LOCAL: u8 = 1;
/// BR_FDB_STATIC in a [`FlushDesc`].
pub const FLUSH_STATIC: u8 = 2;
/// BR_FDB_ADDED_BY_USER in a [`FlushDesc`].
pub const FLUSH_USER: u8 = 4;
/// BR_FDB_ADDED_BY_EXT_LEARN, BR_FDB_OFFLOADED and BR_FDB_STICKY in a
/// [`FlushDesc`]: no stored entry has them.
pub const FLUSH_OTHER: u8 = 8;

/// An entry's `FLUSH_*` bits. Static and permanent entries are the ones
/// added by hand; a `dynamic` one added by hand counts as learnt.
fn flush_bits(e: &Entry) -> u8 {
    let mut b = 0;
    if e.local || e.port == e.bridge {
        b |= FLUSH_LOCAL | FLUSH_STATIC | FLUSH_USER;
    }
    if e.is_static {
        b |= FLUSH_STATIC | FLUSH_USER;
    }
    b
}

/// `br_fdb_flush`: the stored entries of `bridge` matching `desc` go, each
/// announced (`fdb_delete` → `fdb_notify`), newest first. The local
/// entries that follow the devices' own addresses are not stored and stay.
pub fn flush(net: &mut Net, ns: NsId, bridge: u32, desc: FlushDesc, now_ms: u64) -> Vec<Entry> {
    expire(net, ns, bridge, now_ms);
    let gone = |e: &Entry| {
        e.ns == ns
            && e.bridge == bridge
            && desc.vlan == 0
            && (desc.port == 0 || desc.port == e.port)
            && (desc.mask == 0 || flush_bits(e) & desc.mask == desc.flags)
    };
    let out = net.fdb.iter().filter(|e| gone(e)).cloned().collect();
    net.fdb.retain(|e| !gone(e));
    out
}

/// `br_fdb_delete_by_port` without `do_all`: the learnt entries behind
/// `port` go, each announced (`fdb_delete` → `fdb_notify`); static ones stay.
pub fn flush_port(net: &mut Net, ns: NsId, bridge: u32, port: u32) -> Vec<super::Event> {
    let gone = |e: &Entry| e.ns == ns && e.bridge == bridge && e.port == port && !e.is_static;
    let events = net.fdb.iter().filter(|e| gone(e)).map(|e| super::Event::FdbEntry { ns, new: false, entry: e.clone() }).collect();
    net.fdb.retain(|e| !gone(e));
    events
}

/// A valid unicast Ethernet address (`is_valid_ether_addr`), which is
/// all a local entry may hold.
fn valid(mac: &[u8]) -> Option<[u8; 6]> {
    let m: [u8; 6] = mac.try_into().ok()?;
    (m != [0; 6] && m[0] & 1 == 0).then_some(m)
}

/// The addresses of `bridge`'s ports other than `except`.
fn port_addresses(net: &Net, ns: NsId, bridge: u32, except: u32) -> Vec<Vec<u8>> {
    let Some(n) = net.ns(ns) else { return Vec::new() };
    n.links.values().filter(|l| l.master == Some(bridge) && l.index != except).map(|l| l.address.clone()).collect()
}

fn local_event(ns: NsId, new: bool, ifindex: u32, bridge: u32, mac: [u8; 6]) -> super::Event {
    super::Event::Fdb { ns, new, ifindex, bridge, mac }
}

/// `br_fdb_add_local` when `port` joins `bridge`: its own address becomes
/// a permanent entry, announced unless the bridge or another port already
/// has that address. Then, when the bridge is about to take another
/// address (`br_stp_recalculate_bridge_id` → `br_fdb_change_mac_address`),
/// the bridge's old entry goes unless a port holds the same address.
pub fn port_joined(net: &Net, ns: NsId, bridge: u32, port: u32) -> Vec<super::Event> {
    let mut events = Vec::new();
    let Some(n) = net.ns(ns) else { return events };
    let (Some(b), Some(p)) = (n.link(bridge), n.link(port)) else { return events };
    let others = port_addresses(net, ns, bridge, port);
    if let Some(m) = valid(&p.address) {
        if b.address != p.address && !others.contains(&p.address) {
            events.push(local_event(ns, true, port, bridge, m));
        }
    }
    events.extend(bridge_address_leaves(net, ns, bridge));
    events
}

/// `br_fdb_delete_by_port` with `do_all` when `port` leaves `bridge`:
/// its learnt and static entries go, newest first, then its own entry
/// (`fdb_delete_local`) unless the bridge or another port has the same
/// address, which then keeps it.
pub fn port_leaving(net: &Net, ns: NsId, bridge: u32, port: u32) -> Vec<super::Event> {
    let mut events: Vec<super::Event> = net
        .fdb
        .iter()
        .filter(|e| e.ns == ns && e.bridge == bridge && e.port == port)
        .map(|e| super::Event::FdbEntry { ns, new: false, entry: e.clone() })
        .collect();
    let Some(n) = net.ns(ns) else { return events };
    let (Some(b), Some(p)) = (n.link(bridge), n.link(port)) else { return events };
    if let Some(m) = valid(&p.address) {
        if b.address != p.address && !port_addresses(net, ns, bridge, port).contains(&p.address) {
            events.push(local_event(ns, false, port, bridge, m));
        }
    }
    events
}

/// The bridge's own permanent entry, announced as it is created
/// (`br_dev_init` → `br_fdb_change_mac_address`) or deleted
/// (`br_dev_delete` → `br_fdb_delete_by_port` without a port, which also
/// takes the entries added on the bridge itself, newest first). A bridge
/// created with an address (`br_dev_newlink` → `br_stp_change_bridge_id`)
/// has the entry replaced once more: added, deleted, added.
pub fn bridge_own(net: &Net, ns: NsId, bridge: u32, new: bool) -> Vec<super::Event> {
    let Some(b) = net.ns(ns).and_then(|n| n.link(bridge)) else { return Vec::new() };
    let LinkKind::Bridge(conf) = &b.kind else { return Vec::new() };
    if let (true, true, Some(m)) = (new, conf.addr_set, valid(&b.address)) {
        return vec![
            local_event(ns, true, bridge, bridge, m),
            local_event(ns, false, bridge, bridge, m),
            local_event(ns, true, bridge, bridge, m),
        ];
    }
    let mut events: Vec<super::Event> = Vec::new();
    if !new {
        events.extend(net.fdb.iter().filter(|e| e.ns == ns && e.bridge == bridge && e.port == bridge).map(|e| super::Event::FdbEntry {
            ns,
            new: false,
            entry: e.clone(),
        }));
    }
    events.extend(valid(&b.address).map(|m| local_event(ns, new, bridge, bridge, m)));
    events
}

/// `br_fdb_change_mac_address` before `br_stp_recalculate_bridge_id`
/// moves the bridge to its smallest port address: the entry of the old
/// address goes unless a port has it. The new address is a port's, whose
/// entry is already there.
pub fn bridge_address_leaves(net: &Net, ns: NsId, bridge: u32) -> Vec<super::Event> {
    let Some(b) = net.ns(ns).and_then(|n| n.link(bridge)) else { return Vec::new() };
    let LinkKind::Bridge(conf) = &b.kind else { return Vec::new() };
    let ports = port_addresses(net, ns, bridge, 0);
    let smallest = ports.iter().min().cloned().unwrap_or_else(|| vec![0; b.address.len()]);
    if conf.addr_set || smallest == b.address || smallest.len() != b.address.len() || ports.contains(&b.address) {
        return Vec::new();
    }
    valid(&b.address).map(|m| local_event(ns, false, bridge, bridge, m)).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_without_a_bridge_are_dropped_and_lookups_flood() {
        let mut net = Net::new();
        let ns = net.namespaces().next().map(|n| n.id).unwrap();
        // ifindex 5 is no port of anything: nothing is learnt there.
        learn(&mut net, ns, 9, 5, [2, 0, 0, 0, 0, 1], 0);
        assert_eq!(lookup(&mut net, ns, 9, [2, 0, 0, 0, 0, 1], 0), Place::Unknown);
        assert!(entries(&mut net, ns, 9, 0).is_empty());
        assert_eq!(delete(&mut net, ns, 9, 5, [2, 0, 0, 0, 0, 1], 0), Err(Errno::ENOENT));
    }

    #[test]
    fn multicast_sources_teach_nothing() {
        let mut net = Net::new();
        let ns = net.namespaces().next().map(|n| n.id).unwrap();
        learn(&mut net, ns, 9, 5, [0x33, 0x33, 0, 0, 0, 1], 0);
        assert!(net.fdb.is_empty());
    }
}
