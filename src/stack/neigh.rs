//! Neighbour entries (ARP and NDP caches, proxy entries; net/core/neighbour.c).

use super::Event;
use super::namespace::Namespace;

/// A neighbour cache or proxy entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    /// AF_INET or AF_INET6.
    pub family: u8,
    /// The device.
    pub ifindex: u32,
    /// The protocol address (4 or 16 bytes, network order).
    pub dst: Vec<u8>,
    /// The link-layer address, if known.
    pub lladdr: Option<Vec<u8>>,
    /// NUD_* state.
    pub state: u16,
    /// NTF_* flags (NTF_PROXY marks a proxy entry).
    pub flags: u8,
    /// RTN_* type of the address (`inet_addr_type` for ARP, unicast for NDP).
    pub kind: u8,
    /// NDA_PROTOCOL, 0 when unset.
    pub protocol: u8,
    /// Times probed.
    pub probes: u32,
    /// Last confirmation (ms); before the clock's start for an entry
    /// `neigh_alloc` dated twice `base_reachable_time` back.
    pub confirmed_ms: i64,
    /// Last use (ms).
    pub used_ms: u64,
    /// Last update (ms).
    pub updated_ms: u64,
    /// While INCOMPLETE: the source of the packet waiting for the answer
    /// (the tail of `arp_queue`), which the timer's next probes are made
    /// for (`neigh_probe`, `arp_solicit`).
    pub queued_src: Option<std::net::IpAddr>,
}

impl Neighbour {
    /// Whether this is a proxy entry (`pneigh`).
    pub fn is_proxy(&self) -> bool {
        self.flags & crate::wire::neigh::ntf::PROXY != 0
    }

    /// Milliseconds from the last confirmation to `now_ms` (0 if later).
    pub fn since_confirmed(&self, now_ms: u64) -> u64 {
        let now = i64::try_from(now_ms).unwrap_or(i64::MAX);
        u64::try_from(now.saturating_sub(self.confirmed_ms)).unwrap_or(0)
    }
}

/// The timer `__neigh_update` starts at once for an entry set to DELAY
/// (`neigh_timer_handler`): confirmed within `delay_first_probe_time` it is
/// REACHABLE, otherwise it is probed (PROBE, no probes sent yet). Returns
/// whether the state changed.
pub fn delay_expired(n: &mut Neighbour, now_ms: u64) -> bool {
    use crate::sim::neigh::DELAY_MS;
    use crate::wire::neigh::nud;
    if n.state != nud::DELAY {
        return false;
    }
    if n.since_confirmed(now_ms) <= DELAY_MS {
        n.state = nud::REACHABLE;
    } else {
        n.state = nud::PROBE;
        n.probes = 0;
    }
    n.updated_ms = now_ms;
    true
}

/// Removes every entry of a device (`neigh_ifdown`), returning the deletions.
/// Permanent entries go too when the device goes away or down.
pub fn flush_dev(ns: &mut Namespace, ifindex: u32) -> Vec<Event> {
    flush(ns, ifindex, None)
}

/// `arp_ifdown`: the device's IPv4 entries go, permanent and proxy ones too.
pub fn arp_ifdown(ns: &mut Namespace, ifindex: u32) -> Vec<Event> {
    flush(ns, ifindex, Some(crate::wire::AF_INET))
}

/// `neigh_ifdown(&nd_tbl, dev)`: the device's IPv6 entries go, permanent
/// and proxy ones too.
pub fn ndisc_ifdown(ns: &mut Namespace, ifindex: u32) -> Vec<Event> {
    flush(ns, ifindex, Some(crate::wire::AF_INET6))
}

fn flush(ns: &mut Namespace, ifindex: u32, family: Option<u8>) -> Vec<Event> {
    let id = ns.id;
    let mut events = Vec::new();
    ns.neighbours.retain(|n| {
        if n.ifindex == ifindex && family.is_none_or(|f| f == n.family) {
            if !n.is_proxy() {
                events.push(Event::Neigh { ns: id, new: false, neigh: n.clone(), kernel: true });
            }
            false
        } else {
            true
        }
    });
    events
}

/// `arp_invalidate` (not forced): an IPv4 entry of the device for `ip`
/// that is not in a NUD_VALID state is removed.
pub fn arp_invalidate(ns: &mut Namespace, ifindex: u32, ip: u32) -> Vec<Event> {
    use crate::wire::neigh::nud;
    let id = ns.id;
    let key = ip.to_be_bytes();
    let valid = nud::PERMANENT | nud::NOARP | nud::REACHABLE | nud::PROBE | nud::STALE | nud::DELAY;
    let mut events = Vec::new();
    ns.neighbours.retain(|n| {
        let hit = n.family == crate::wire::AF_INET && n.ifindex == ifindex && !n.is_proxy() && n.dst == key && n.state & valid == 0;
        if hit {
            events.push(Event::Neigh { ns: id, new: false, neigh: n.clone(), kernel: true });
        }
        !hit
    });
    events
}

/// Carrier loss (`neigh_carrier_down`): entries of the device go, except
/// permanent ones.
pub fn carrier_down(ns: &mut Namespace, ifindex: u32) -> Vec<Event> {
    let id = ns.id;
    let mut events = Vec::new();
    ns.neighbours.retain(|n| {
        if n.ifindex == ifindex && !n.is_proxy() && n.state & crate::wire::neigh::nud::PERMANENT == 0 {
            events.push(Event::Neigh { ns: id, new: false, neigh: n.clone(), kernel: true });
            false
        } else {
            true
        }
    });
    events
}

/// Whether an entry is outside garbage collection (`exempt_from_gc` in
/// `neigh_add`: permanent or externally learnt; proxy entries live in
/// their own table, also outside it).
fn exempt_from_gc(n: &Neighbour) -> bool {
    n.is_proxy() || n.state & crate::wire::neigh::nud::PERMANENT != 0 || n.flags & crate::wire::neigh::ntf::EXT_LEARNED != 0
}

/// How long a changed entry is safe from forced garbage collection, ms
/// (`neigh_forced_gc`: entries updated in the last 5 seconds stay).
const FORCED_GC_FRESH_MS: u64 = 5000;

/// Makes room for a new entry of `family` (`neigh_alloc`): an entry
/// exempt from garbage collection needs the table below
/// [`super::limits::NEIGH_EXEMPT_MAX`]; any other below `gc_thresh3`,
/// after forced garbage collection (`neigh_forced_gc`) has dropped
/// failed, NOARP and not-recently-updated entries of the family, oldest
/// first, down to `gc_thresh2` (each
/// announced with RTM_DELNEIGH, as `neigh_cleanup_and_release` does).
/// A table still full answers ENOBUFS and is left as it was.
pub fn make_room(ns: &mut Namespace, family: u8, exempt: bool, now_ms: u64) -> Result<Vec<Event>, crate::errno::Errno> {
    use crate::wire::neigh::nud;
    let in_family = |n: &&Neighbour| n.family == family;
    if exempt {
        let held = ns.neighbours.iter().filter(in_family).filter(|n| exempt_from_gc(n)).count();
        return if held < ns.limits.neigh_exempt { Ok(Vec::new()) } else { Err(crate::errno::Errno::ENOBUFS) };
    }
    let held = ns.neighbours.iter().filter(in_family).filter(|n| !exempt_from_gc(n)).count();
    if held < ns.limits.neigh_gc_thresh3 {
        return Ok(Vec::new());
    }
    let collectable = |n: &Neighbour| {
        n.family == family
            && !exempt_from_gc(n)
            && (n.state == nud::FAILED || n.state == nud::NOARP || now_ms.saturating_sub(n.updated_ms) > FORCED_GC_FRESH_MS)
    };
    if !ns.neighbours.iter().any(collectable) {
        return Err(crate::errno::Errno::ENOBUFS);
    }
    // It stops once the table, counting the entry being made, is down to
    // gc_thresh2 (half of gc_thresh3 by default), oldest entries first.
    // Measured: 1100 FAILED entries added one by one leave 587.
    let mut max_clean = (held + 1).saturating_sub(ns.limits.neigh_gc_thresh3 / 2);
    let id = ns.id;
    let mut events = Vec::new();
    ns.neighbours.retain(|n| {
        if max_clean > 0 && collectable(n) {
            max_clean -= 1;
            events.push(Event::Neigh { ns: id, new: false, neigh: n.clone(), kernel: true });
            false
        } else {
            true
        }
    });
    Ok(events)
}
