//! RTM_{NEW,DEL,GET}NEIGH (net/core/neighbour.c `neigh_add`, `neigh_delete`,
//! `neigh_get`, `neigh_dump_info`, `neigh_fill_info`, `pneigh_fill_info`).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::Event;
use crate::stack::neigh::Neighbour;
use crate::wire::attr::AttrTable;
use crate::wire::neigh::{NDMSG_LEN, NdMsgRepr, nda, ntf, nud};
use crate::wire::{
    AF_INET, AF_INET6, AF_UNSPEC, MessageBuilder, MessageType, NLM_F_CREATE, NLM_F_EXCL, NLM_F_MULTI, NLM_F_REPLACE, NlaWriter,
};

pub(crate) mod fdb;

/// States in which the link-layer address is known (`NUD_VALID`).
const NUD_VALID: u16 = nud::PERMANENT | nud::NOARP | nud::REACHABLE | nud::PROBE | nud::STALE | nud::DELAY;
use crate::wire::route::rtn::UNICAST as RTN_UNICAST;

/// States confirmed by their setting (`NUD_CONNECTED`).
const NUD_CONNECTED: u16 = nud::PERMANENT | nud::NOARP | nud::REACHABLE;
/// How far back `neigh_alloc` dates a new entry's confirmation, ms
/// (`base_reachable_time << 1`).
const NEVER_CONFIRMED_MS: i64 = 60_000;

/// The clock as a confirmation time.
fn created_ms(now: u64) -> i64 {
    i64::try_from(now).unwrap_or(i64::MAX)
}

/// Milliseconds as USER_HZ clock ticks (`jiffies_to_clock_t`).
fn ticks(ms: u64) -> u32 {
    (ms / 10) as u32
}

/// The message describing an entry (`neigh_fill_info`, or
/// `pneigh_fill_info` for a proxy entry).
///
/// `held`: whether the code filling it holds a reference of its own (a
/// get, or the request that changed the entry), which `ndm_refcnt` shows.
pub fn fill(n: &Neighbour, kind: MessageType, (seq, pid, flags): (u32, u32, u16), now_ms: u64, held: bool) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    if n.is_proxy() {
        let hdr =
            NdMsgRepr { family: n.family, ifindex: n.ifindex as i32, state: nud::NONE, flags: n.flags | ntf::PROXY, kind: RTN_UNICAST };
        b.push(&hdr.to_bytes());
        b.put(nda::DST, &n.dst);
        if n.protocol != 0 {
            b.put_u8(nda::PROTOCOL, n.protocol);
        }
        return b.finish();
    }
    let hdr = NdMsgRepr { family: n.family, ifindex: n.ifindex as i32, state: n.state, flags: n.flags, kind: n.kind };
    b.push(&hdr.to_bytes());
    b.put(nda::DST, &n.dst);
    if n.state & NUD_VALID != 0 {
        if let Some(ll) = &n.lladdr {
            b.put(nda::LLADDR, ll);
        }
    }
    b.put_u32(nda::PROBES, n.probes);
    let mut ci = [0u8; 16];
    // ndm_refcnt counts references beyond the table's: a running timer
    // (NUD_IN_TIMER states) holds one.
    let in_timer = nud::INCOMPLETE | nud::REACHABLE | nud::DELAY | nud::PROBE;
    let refs = u32::from(n.state & in_timer != 0) + u32::from(held);
    crate::wire::put_bytes(&mut ci, 12, &refs.to_ne_bytes());
    crate::wire::put_bytes(&mut ci, 0, &ticks(n.since_confirmed(now_ms)).to_ne_bytes());
    crate::wire::put_bytes(&mut ci, 4, &ticks(now_ms.saturating_sub(n.used_ms)).to_ne_bytes());
    crate::wire::put_bytes(&mut ci, 8, &ticks(now_ms.saturating_sub(n.updated_ms)).to_ne_bytes());
    b.put(nda::CACHEINFO, &ci);
    if n.protocol != 0 {
        b.put_u8(nda::PROTOCOL, n.protocol);
    }
    b.finish()
}

fn key_len(family: u8) -> KResult<usize> {
    match family {
        AF_INET => Ok(4),
        AF_INET6 => Ok(16),
        _ => Err(Errno::EAFNOSUPPORT.into()),
    }
}

fn parse<'a>(req: &Request<'a>) -> KResult<(NdMsgRepr, AttrTable<'a>)> {
    let hdr = NdMsgRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = nda::SPACE.parse(req.payload.get(NDMSG_LEN..).unwrap_or(&[]))?;
    Ok((hdr, attrs))
}

/// The destination of a request, checked against the family's key length.
fn dst_of(hdr: &NdMsgRepr, attrs: &AttrTable<'_>) -> KResult<Vec<u8>> {
    let d = attrs.get(nda::DST).ok_or(KernelError::msg(Errno::EINVAL, "Network address not specified"))?;
    let len = key_len(hdr.family)?;
    if d.value.len() < len {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid network address"));
    }
    Ok(d.value[..len].to_vec())
}

/// The type an entry's address gets (`arp_constructor` uses
/// `inet_addr_type_dev_table`: broadcast while no local table exists yet,
/// else the local table's answer or unicast).
fn addr_type(ns: &crate::stack::Namespace, family: u8, dst: &[u8]) -> u8 {
    if family != AF_INET {
        return RTN_UNICAST;
    }
    let Some(a) = <u32 as crate::stack::route::Family>::from_bytes(dst) else { return RTN_UNICAST };
    // The table exists once a route went into it, and stays when its
    // routes have gone (a deleted device's addresses).
    match ns.fib4.has_table(crate::wire::route::table::LOCAL) {
        // Multicast is told by the address alone (__inet_dev_addr_type).
        false if a >> 28 == 0xe => crate::wire::route::RouteType::Multicast.into(),
        false => 3,
        true => crate::stack::lookup::addr_type_v4(ns, crate::wire::route::table::LOCAL, 0, a).into(),
    }
}

/// The address `arp_constructor` / `ndisc_constructor` give an entry they
/// make NUD_NOARP: the group's MAC for a multicast address, the device's
/// own on a NOARP or loopback device, its broadcast address for an IPv4
/// broadcast destination or a point-to-point device. None for an entry
/// that has to be resolved.
fn noarp_lladdr(ns: &crate::stack::Namespace, ifindex: u32, family: u8, dst: &[u8], kind: u8) -> Option<Vec<u8>> {
    use crate::wire::link::iff;
    let dev = ns.link(ifindex)?;
    let multicast = match family {
        AF_INET => kind == u8::from(crate::wire::route::RouteType::Multicast),
        _ => dst.first() == Some(&0xff),
    };
    if multicast {
        return Some(match family {
            AF_INET => vec![0x01, 0x00, 0x5e, dst.get(1)? & 0x7f, *dst.get(2)?, *dst.get(3)?],
            _ => [&[0x33, 0x33][..], dst.get(12..16)?].concat(),
        });
    }
    if dev.flags & (iff::NOARP | iff::LOOPBACK) != 0 {
        return Some(dev.address.clone());
    }
    if (family == AF_INET && kind == u8::from(crate::wire::route::RouteType::Broadcast)) || dev.flags & iff::POINTOPOINT != 0 {
        return Some(dev.broadcast.clone());
    }
    None
}

/// RTM_NEWNEIGH (`neigh_add`).
pub fn new_neigh(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    if req.payload.first() == Some(&crate::wire::AF_BRIDGE) {
        return fdb::add(ctx, req);
    }
    let (hdr, attrs) = parse(req)?;
    let now = ctx.net.now_ms;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let id = ns.id;
    let dst = dst_of(&hdr, &attrs)?;
    let ifindex = hdr.ifindex.max(0) as u32;
    let mut lladdr = None;
    if ifindex != 0 {
        let dev = ns.link(ifindex).ok_or(KernelError::new(Errno::ENODEV))?;
        if let Some(ll) = attrs.get(nda::LLADDR) {
            if ll.value.len() < dev.address.len() {
                return Err(KernelError::msg(Errno::EINVAL, "Invalid link address"));
            }
            lladdr = Some(ll.value[..dev.address.len()].to_vec());
        }
    }
    let protocol = attrs.get(nda::PROTOCOL).map(|p| p.u8()).transpose()?.unwrap_or(0);
    if hdr.flags & ntf::PROXY != 0 {
        // Proxy entries are created or updated, never refused as existing.
        let n = Neighbour {
            family: hdr.family,
            ifindex,
            dst: dst.clone(),
            lladdr: None,
            state: nud::NONE,
            flags: hdr.flags,
            protocol,
            kind: RTN_UNICAST,
            probes: 0,
            confirmed_ms: created_ms(now),
            used_ms: now,
            updated_ms: now,
            queued_src: None,
        };
        match ns.neighbours.iter_mut().find(|x| x.is_proxy() && x.family == hdr.family && x.dst == dst && x.ifindex == ifindex) {
            Some(x) => *x = n,
            None => {
                crate::stack::neigh::make_room(ns, hdr.family, true, now)?;
                ns.neighbours.push(n)
            }
        }
        return Ok(());
    }
    if ifindex == 0 {
        return Err(KernelError::msg(Errno::EINVAL, "Device not specified"));
    }
    // tbl->allow_add (ndisc_allow_add): no IPv6 entry on a device whose
    // IPv6 is disabled, before the entry is looked up.
    if hdr.family == AF_INET6 && crate::stack::ipv6::is_disabled(ns, ifindex) {
        return Err(KernelError::msg(Errno::EINVAL, "IPv6 is disabled on this device"));
    }
    // ARP keys entries of loopback and point-to-point devices as 0.0.0.0
    // (measured: a GET for the address given finds nothing afterwards).
    let unkeyed = crate::wire::link::iff::LOOPBACK | crate::wire::link::iff::POINTOPOINT;
    // neigh_add looks the entry up by the address asked for, which never
    // finds such an entry (unless 0.0.0.0 is asked for); ___neigh_create
    // then finds the one keyed 0.0.0.0 and __neigh_update changes it, with
    // NEIGH_UPDATE_F_OVERRIDE since it came from the create path.
    let key = if hdr.family == AF_INET && ns.link(ifindex).is_some_and(|d| d.flags & unkeyed != 0) { vec![0; 4] } else { dst.clone() };
    let position = |ns: &crate::stack::Namespace, k: &[u8]| {
        ns.neighbours.iter().position(|x| !x.is_proxy() && x.family == hdr.family && x.dst == k && x.ifindex == ifindex)
    };
    let (existing, overrides) = match position(ns, &dst) {
        Some(i) => {
            if req.has(NLM_F_EXCL) {
                return Err(Errno::EEXIST.into());
            }
            (Some(i), req.has(NLM_F_REPLACE))
        }
        None => {
            if !req.has(NLM_F_CREATE) {
                return Err(Errno::ENOENT.into());
            }
            // arp_constructor: no entry on a device without an in_device.
            if hdr.family == AF_INET && ns.link(ifindex).is_some_and(|d| d.no_inet4) {
                return Err(Errno::EINVAL.into());
            }
            (position(ns, &key), true)
        }
    };
    let dst = key;
    // ndm_state as sent (iproute2 itself defaults to NUD_PERMANENT);
    // NUD_NONE keeps an entry without a usable address.
    let state = hdr.state;
    match existing {
        None => {
            // __neigh_update: a valid state needs a link-layer address
            // unless the device has none.
            let kind = addr_type(ns, hdr.family, &dst);
            let needs_addr = ns.link(ifindex).is_some_and(|d| !d.address.is_empty());
            let flags = hdr.flags & (ntf::ROUTER | ntf::EXT_LEARNED);
            // neigh_add → ___neigh_create → neigh_alloc: ENOBUFS when full.
            let exempt = state & nud::PERMANENT != 0 || flags & ntf::EXT_LEARNED != 0;
            // What ___neigh_create makes, before __neigh_update fills it.
            let created = Neighbour {
                family: hdr.family,
                ifindex,
                dst: dst.clone(),
                lladdr: None,
                state: nud::NONE,
                flags: hdr.flags & ntf::EXT_LEARNED,
                kind,
                protocol,
                probes: 0,
                confirmed_ms: created_ms(now),
                used_ms: now,
                updated_ms: now,
                queued_src: None,
            };
            if state & NUD_VALID != 0 && lladdr.is_none() && needs_addr {
                // An entry the constructor makes NOARP has its address already.
                lladdr = noarp_lladdr(ns, ifindex, hdr.family, &dst, kind);
                if lladdr.is_none() {
                    // ___neigh_create made the entry before __neigh_update
                    // refuses: it stays, in no state and unannounced
                    // (scenario neigh_refused_entry_kept).
                    let collected = crate::stack::neigh::make_room(ns, hdr.family, exempt, now)?;
                    ctx.events.extend(collected);
                    ns.neighbours.push(created);
                    return Err(KernelError::msg(Errno::EINVAL, "No link layer address given"));
                }
            }
            let collected = crate::stack::neigh::make_room(ns, hdr.family, exempt, now)?;
            ctx.events.extend(collected);
            // neigh_alloc dates the confirmation twice base_reachable_time
            // back; __neigh_update makes it now for a connected state.
            let confirmed_ms =
                if state & NUD_CONNECTED != 0 { created.confirmed_ms } else { created.confirmed_ms.saturating_sub(NEVER_CONFIRMED_MS) };
            let mut n = Neighbour { lladdr, state, flags, confirmed_ms, ..created };
            ns.neighbours.push(n.clone());
            ctx.events.push(Event::Neigh { ns: id, new: true, neigh: n.clone(), kernel: false });
            if crate::stack::neigh::delay_expired(&mut n, now) {
                if let Some(last) = ns.neighbours.last_mut() {
                    *last = n.clone();
                }
                ctx.events.push(Event::Neigh { ns: id, new: true, neigh: n, kernel: true });
            }
        }
        Some(i) => {
            let x = &mut ns.neighbours[i];
            // __neigh_update: without NLM_F_REPLACE (no override) a valid
            // entry keeps a different address, and then nothing changes.
            let differs = lladdr.as_ref().is_some_and(|l| x.lladdr.as_ref() != Some(l));
            if x.state & NUD_VALID != 0 && differs && !overrides {
                return Ok(());
            }
            x.state = state;
            if lladdr.is_some() {
                x.lladdr = lladdr;
            }
            x.flags = hdr.flags & (ntf::ROUTER | ntf::EXT_LEARNED);
            if protocol != 0 {
                x.protocol = protocol;
            }
            x.updated_ms = now;
            if state & NUD_CONNECTED != 0 {
                x.confirmed_ms = created_ms(now);
            }
            let n = x.clone();
            ctx.events.push(Event::Neigh { ns: id, new: true, neigh: n, kernel: false });
            if crate::stack::neigh::delay_expired(x, now) {
                ctx.events.push(Event::Neigh { ns: id, new: true, neigh: x.clone(), kernel: true });
            }
        }
    }
    Ok(())
}

/// RTM_DELNEIGH (`neigh_delete`).
pub fn del_neigh(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    if req.payload.first() == Some(&crate::wire::AF_BRIDGE) {
        return fdb::del(ctx, req);
    }
    let (hdr, attrs) = parse(req)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let id = ns.id;
    let dst = dst_of(&hdr, &attrs)?;
    let ifindex = hdr.ifindex.max(0) as u32;
    if ifindex != 0 && ns.link(ifindex).is_none() {
        return Err(Errno::ENODEV.into());
    }
    let proxy = hdr.flags & ntf::PROXY != 0;
    let pos = ns
        .neighbours
        .iter()
        .position(|x| x.is_proxy() == proxy && x.family == hdr.family && x.dst == dst && (ifindex == 0 || x.ifindex == ifindex))
        .ok_or(KernelError::new(Errno::ENOENT))?;
    let mut n = ns.neighbours.remove(pos);
    if !proxy {
        // neigh_delete: the entry fails first (announced to the requester's
        // port), then it goes.
        n.state = nud::FAILED;
        ctx.events.push(Event::Neigh { ns: id, new: true, neigh: n.clone(), kernel: false });
        ctx.events.push(Event::Neigh { ns: id, new: false, neigh: n, kernel: true });
    }
    Ok(())
}

/// RTM_GETNEIGH for one entry (`neigh_get`).
pub fn get_neigh(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    if req.payload.first() == Some(&crate::wire::AF_BRIDGE) {
        return fdb::get(ctx, req);
    }
    let (hdr, attrs) = parse(req)?;
    let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let dst = dst_of(&hdr, &attrs)?;
    let ifindex = hdr.ifindex.max(0) as u32;
    let proxy = hdr.flags & ntf::PROXY != 0;
    if ifindex != 0 && ns.link(ifindex).is_none() {
        return Err(KernelError::msg(Errno::ENODEV, "Unknown device ifindex"));
    }
    if !proxy && ifindex == 0 {
        return Err(KernelError::msg(Errno::EINVAL, "No device specified"));
    }
    let n = ns
        .neighbours
        .iter()
        .find(|x| x.is_proxy() == proxy && x.family == hdr.family && x.dst == dst && (ifindex == 0 || x.ifindex == ifindex))
        .ok_or(KernelError::msg(Errno::ENOENT, if proxy { "Proxy neighbour entry not found" } else { "Neighbour entry not found" }))?;
    ctx.replies.push(fill(n, MessageType::NewNeigh, (req.header.seq, req.port, 0), ctx.net.now_ms, true));
    Ok(())
}

/// RTM_GETNEIGH dump (`neigh_dump_info`): ARP entries then NDP ones; proxy
/// entries when the request's flags are exactly NTF_PROXY.
pub fn dump_neigh(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let family = req.payload.first().copied().unwrap_or(AF_UNSPEC);
    if family == crate::wire::AF_BRIDGE {
        return fdb::dump(ctx, req);
    }
    let mut proxy = false;
    let mut dev_filter = None;
    // The parts say they were filtered; NLMSG_DONE does not (no answer_flags).
    let mut filtered = false;
    if let Ok(hdr) = NdMsgRepr::parse(req.payload) {
        proxy = hdr.flags == ntf::PROXY;
        if req.strict {
            if hdr.state != 0 || hdr.ifindex != 0 || (hdr.flags != 0 && hdr.flags != ntf::PROXY) || hdr.kind != 0 {
                return Err(KernelError::msg(Errno::EINVAL, "Invalid values in header for neighbor dump request"));
            }
            if let Ok(attrs) = nda::SPACE.parse(req.after(NDMSG_LEN)) {
                if let Some(i) = attrs.get(nda::IFINDEX) {
                    dev_filter = Some(i.u32()?);
                    filtered = true;
                }
            }
        }
    }
    let now = ctx.net.now_ms;
    let Some(ns) = ctx.net.ns(ctx.ns) else { return Ok(()) };
    let flags = NLM_F_MULTI | if filtered { crate::wire::NLM_F_DUMP_FILTERED } else { 0 };
    for fam in [AF_INET, AF_INET6] {
        if family != AF_UNSPEC && family != fam {
            continue;
        }
        for n in ns.neighbours.iter().filter(|n| n.family == fam && n.is_proxy() == proxy) {
            if dev_filter.is_some_and(|d| d != n.ifindex) {
                continue;
            }
            ctx.replies.push(fill(n, MessageType::NewNeigh, (req.header.seq, req.port, flags), now, false));
        }
    }
    Ok(())
}
