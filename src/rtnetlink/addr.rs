//! RTM_{NEW,DEL,GET}ADDR for IPv4 (net/ipv4/devinet.c) and IPv6
//! (net/ipv6/addrconf.c), and the messages describing an address
//! (`inet_fill_ifaddr`, `inet6_fill_ifaddr`).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::addr::{self as saddr, DelAddr4, Ifa4, Ifa6, NewAddr4};
use crate::stack::ipv6;
use crate::stack::route::Family;
use crate::wire::addr::{CacheInfo, IFADDRMSG_LEN, INFINITY_LIFE_TIME, IfAddrRepr, ifa, ifa_f};
use crate::wire::attr::AttrTable;
use crate::wire::{
    AF_INET, AF_INET6, AF_UNSPEC, MessageBuilder, MessageType, NLM_F_DUMP_FILTERED, NLM_F_EXCL, NLM_F_MULTI, NLM_F_REPLACE, NlaWriter,
};

/// Remaining lifetime after `elapsed_ms` (`preferred`/`valid` as Linux reports them).
fn remaining(lft: u32, elapsed_ms: u64) -> u32 {
    if lft == INFINITY_LIFE_TIME {
        return lft;
    }
    lft.saturating_sub((elapsed_ms / 1000) as u32)
}

fn cacheinfo(created_ms: u64, updated_ms: u64, preferred: u32, valid: u32, now_ms: u64) -> [u8; 16] {
    CacheInfo {
        preferred: remaining(preferred, now_ms.saturating_sub(updated_ms)),
        valid: remaining(valid, now_ms.saturating_sub(updated_ms)),
        created: (created_ms / 10) as u32,
        updated: (updated_ms / 10) as u32,
    }
    .to_bytes()
}

/// The message describing an IPv4 address (`inet_fill_ifaddr`).
pub fn fill4(ifindex: u32, a: &Ifa4, kind: MessageType, seq: u32, pid: u32, flags: u16, now_ms: u64) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let hdr = IfAddrRepr { family: AF_INET, prefix_len: a.prefix_len, flags: a.flags as u8, scope: a.scope, index: ifindex };
    b.push(&hdr.to_bytes());
    if a.address != 0 {
        b.put(ifa::ADDRESS, &a.address.to_be_bytes());
    }
    if a.local != 0 {
        b.put(ifa::LOCAL, &a.local.to_be_bytes());
    }
    if a.broadcast != 0 {
        b.put(ifa::BROADCAST, &a.broadcast.to_be_bytes());
    }
    if !a.label.is_empty() {
        b.put_str(ifa::LABEL, &a.label);
    }
    if a.proto != 0 {
        b.put_u8(ifa::PROTO, a.proto);
    }
    b.put_u32(ifa::FLAGS, a.flags);
    if a.rt_priority != 0 {
        b.put_u32(ifa::RT_PRIORITY, a.rt_priority);
    }
    // inet_fill_ifaddr: a permanent address reports both lifetimes as
    // infinite, even when it is deprecated.
    let (preferred, valid) = if a.flags & crate::wire::addr::ifa_f::PERMANENT != 0 {
        (INFINITY_LIFE_TIME, INFINITY_LIFE_TIME)
    } else {
        (a.preferred_lft, a.valid_lft)
    };
    b.put(ifa::CACHEINFO, &cacheinfo(a.created_ms, a.updated_ms, preferred, valid, now_ms));
    b.finish()
}

/// The message describing an IPv6 address (`inet6_fill_ifaddr`).
pub fn fill6(ifindex: u32, a: &Ifa6, kind: MessageType, seq: u32, pid: u32, flags: u16, now_ms: u64) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let hdr = IfAddrRepr { family: AF_INET6, prefix_len: a.prefix_len, flags: a.flags as u8, scope: a.scope, index: ifindex };
    b.push(&hdr.to_bytes());
    match a.peer {
        Some(p) => {
            b.put(ifa::LOCAL, &a.addr.to_be_bytes());
            b.put(ifa::ADDRESS, &p.to_be_bytes());
        }
        None => b.put(ifa::ADDRESS, &a.addr.to_be_bytes()),
    }
    if a.rt_priority != 0 {
        b.put_u32(ifa::RT_PRIORITY, a.rt_priority);
    }
    b.put(ifa::CACHEINFO, &cacheinfo(a.created_ms, a.updated_ms, a.preferred_lft, a.valid_lft, now_ms));
    b.put_u32(ifa::FLAGS, a.flags);
    if a.proto != 0 {
        b.put_u8(ifa::PROTO, a.proto);
    }
    b.finish()
}

fn parse<'a>(req: &Request<'a>) -> KResult<(IfAddrRepr, AttrTable<'a>)> {
    let hdr = IfAddrRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = ifa::SPACE.parse(req.payload.get(IFADDRMSG_LEN..).unwrap_or(&[]))?;
    Ok((hdr, attrs))
}

fn lifetimes(attrs: &AttrTable<'_>, msg: &'static str) -> KResult<(u32, u32)> {
    match attrs.get(ifa::CACHEINFO) {
        Some(ci) => {
            let ci = CacheInfo::parse(ci.value)?;
            if ci.valid == 0 || ci.preferred > ci.valid {
                return Err(KernelError::msg(Errno::EINVAL, msg));
            }
            Ok((ci.valid, ci.preferred))
        }
        None => Ok((INFINITY_LIFE_TIME, INFINITY_LIFE_TIME)),
    }
}

/// RTM_NEWADDR.
pub fn new_addr(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let now = ctx.net.now_ms;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    match hdr.family {
        AF_INET => {
            if hdr.prefix_len > 32 {
                return Err(KernelError::msg(Errno::EINVAL, "ipv4: Invalid prefix length"));
            }
            let local = attrs.get(ifa::LOCAL).or(attrs.get(ifa::ADDRESS));
            let local = local.ok_or(KernelError::msg(Errno::EINVAL, "ipv4: Local address is not supplied"))?;
            let local = u32::from_bytes(local.value).ok_or(KernelError::new(Errno::EINVAL))?;
            let dev = ns.link(hdr.index).ok_or(KernelError::msg(Errno::ENODEV, "ipv4: Device not found"))?;
            // rtm_to_ifaddr: a device without an in_device (lo under 68).
            if dev.no_inet4 {
                return Err(Errno::ENOBUFS.into());
            }
            let address = match attrs.get(ifa::ADDRESS) {
                Some(a) => u32::from_bytes(a.value).ok_or(KernelError::new(Errno::EINVAL))?,
                None => local,
            };
            let broadcast = match attrs.get(ifa::BROADCAST) {
                Some(a) => u32::from_bytes(a.value).ok_or(KernelError::new(Errno::EINVAL))?,
                None => 0,
            };
            let label = match attrs.get(ifa::LABEL) {
                // ifa_ipv4_policy: NLA_STRING of at most IFNAMSIZ - 1 bytes.
                Some(l) if l.value.len() > 15 => return Err(KernelError::too_long(req.attr_offset(IFADDRMSG_LEN, l.offset), 15)),
                Some(l) => l.string()?,
                None => dev.name.clone(),
            };
            let flags = match attrs.get(ifa::FLAGS) {
                Some(f) => f.u32()?,
                None => u32::from(hdr.flags),
            };
            let (valid, preferred) = lifetimes(&attrs, "ipv4: address lifetime invalid")?;
            let ifa4 = Ifa4 {
                local,
                address,
                prefix_len: hdr.prefix_len,
                broadcast,
                label,
                scope: hdr.scope,
                flags,
                valid_lft: valid,
                preferred_lft: preferred,
                created_ms: now,
                updated_ms: now,
                rt_priority: attrs.get(ifa::RT_PRIORITY).map(|p| p.u32()).transpose()?.unwrap_or(0),
                proto: attrs.get(ifa::PROTO).map(|p| p.u8()).transpose()?.unwrap_or(0),
            };
            let req4 = NewAddr4 { ifa: ifa4, replace: req.has(NLM_F_REPLACE), excl: req.has(NLM_F_EXCL) };
            ctx.events.extend(saddr::add_v4(ns, hdr.index, req4)?);
            Ok(())
        }
        AF_INET6 => {
            let (addr, peer) = match (attrs.get(ifa::LOCAL), attrs.get(ifa::ADDRESS)) {
                (Some(l), Some(a)) if l.value != a.value => (l, Some(a)),
                (Some(l), _) => (l, None),
                (None, Some(a)) => (a, None),
                (None, None) => return Err(Errno::EINVAL.into()),
            };
            let addr = u128::from_bytes(addr.value).ok_or(KernelError::new(Errno::EINVAL))?;
            let peer = peer.map(|p| u128::from_bytes(p.value).ok_or(KernelError::new(Errno::EINVAL))).transpose()?;
            if hdr.prefix_len > 128 {
                return Err(Errno::EINVAL.into());
            }
            if ns.link(hdr.index).is_none() {
                return Err(KernelError::msg(Errno::ENODEV, "ipv6: Unable to find the interface"));
            }
            // ipv6_find_idev: no IPv6 state below the minimum MTU.
            if ns.link(hdr.index).is_some_and(|l| l.no_inet6) {
                return Err(Errno::EINVAL.into());
            }
            let mut flags = match attrs.get(ifa::FLAGS) {
                Some(f) => f.u32()?,
                None => u32::from(hdr.flags),
            };
            // ipv6_allow_optimistic_dad: only where the sysctl allows it.
            if !ipv6::optimistic_dad(ns, hdr.index) {
                flags &= !ifa_f::OPTIMISTIC;
            }
            if flags & ifa_f::NODAD != 0 && flags & ifa_f::OPTIMISTIC != 0 {
                return Err(KernelError::msg(Errno::EINVAL, "IFA_F_NODAD and IFA_F_OPTIMISTIC are mutually exclusive"));
            }
            let (valid, preferred) = lifetimes(&attrs, "ipv6: address lifetime invalid")?;
            let a = Ifa6 {
                addr,
                peer,
                prefix_len: hdr.prefix_len,
                scope: 0,
                flags,
                valid_lft: valid,
                preferred_lft: preferred,
                created_ms: now,
                updated_ms: now,
                rt_priority: attrs.get(ifa::RT_PRIORITY).map(|p| p.u32()).transpose()?.unwrap_or(0),
                proto: attrs.get(ifa::PROTO).map(|p| p.u8()).transpose()?.unwrap_or(0),
                joined_down: 0,
                predad: false,
            };
            let exists = ns.link(hdr.index).is_some_and(|l| l.addrs6.iter().any(|x| x.addr == addr));
            if exists && (req.has(NLM_F_EXCL) || !req.has(NLM_F_REPLACE)) {
                return Err(KernelError::msg(Errno::EEXIST, "ipv6: address already assigned"));
            }
            if !exists && flags & ifa_f::MANAGETEMPADDR != 0 && hdr.prefix_len != 64 {
                return Err(KernelError::msg(Errno::EINVAL, "ipv6: address with \"mngtmpaddr\" flag must have a prefix length of 64"));
            }
            ctx.events.extend(ipv6::add_v6(ns, hdr.index, a, req.has(NLM_F_REPLACE), req.has(NLM_F_EXCL))?);
            Ok(())
        }
        // No handler for other families (rtnl_get_link finds none).
        _ => Err(Errno::EOPNOTSUPP.into()),
    }
}

/// RTM_DELADDR.
pub fn del_addr(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    match hdr.family {
        AF_INET => {
            // inetdev_by_index: no device, or one without an in_device.
            if ns.link(hdr.index).is_none_or(|l| l.no_inet4) {
                return Err(KernelError::msg(Errno::ENODEV, "ipv4: Device not found"));
            }
            let get = |k| attrs.get(k).map(|a| u32::from_bytes(a.value).ok_or(KernelError::new(Errno::EINVAL))).transpose();
            let d = DelAddr4 {
                prefix_len: hdr.prefix_len,
                local: get(ifa::LOCAL)?,
                address: get(ifa::ADDRESS)?,
                label: attrs.get(ifa::LABEL).map(|l| l.string()).transpose()?,
            };
            ctx.events.extend(saddr::del_v4(ns, hdr.index, &d)?);
            Ok(())
        }
        AF_INET6 => {
            let a = attrs.get(ifa::LOCAL).or(attrs.get(ifa::ADDRESS)).ok_or(KernelError::new(Errno::EINVAL))?;
            let addr = u128::from_bytes(a.value).ok_or(KernelError::new(Errno::EINVAL))?;
            if ns.link(hdr.index).is_none() {
                return Err(Errno::ENODEV.into());
            }
            ctx.events.extend(ipv6::del_v6(ns, hdr.index, addr, hdr.prefix_len)?);
            Ok(())
        }
        // No handler for other families (rtnl_get_link finds none).
        _ => Err(Errno::EOPNOTSUPP.into()),
    }
}

/// RTM_GETADDR dump: IPv4 addresses of every link, then IPv6 ones
/// (`rtnl_dump_all` walks the families in number order).
pub fn dump_addrs(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let family = req.payload.first().copied().unwrap_or(AF_UNSPEC);
    let mut index_filter = None;
    if req.strict {
        let hdr =
            IfAddrRepr::parse(req.payload).map_err(|_| KernelError::msg(Errno::EINVAL, "ipv4: Invalid header for address dump request"))?;
        if hdr.prefix_len != 0 || hdr.flags != 0 || hdr.scope != 0 {
            return Err(KernelError::msg(Errno::EINVAL, "ipv4: Invalid values in header for address dump request"));
        }
        let attrs = ifa::SPACE.parse(req.after(IFADDRMSG_LEN))?;
        for k in 0..=ifa::MAX {
            if attrs.has(k) && k != ifa::TARGET_NETNSID {
                return Err(KernelError::msg(Errno::EINVAL, "ipv4: Unsupported attribute in dump request"));
            }
        }
        if hdr.index != 0 {
            index_filter = Some(hdr.index);
            ctx.filtered = true;
        }
    }
    let net = &*ctx.net;
    let Some(ns) = net.ns(ctx.ns) else { return Ok(()) };
    // inet_dump_ifaddr / inet6_dump_addr: the filtered device must exist.
    if index_filter.is_some_and(|i| ns.link(i).is_none()) {
        return Err(Errno::ENODEV.into());
    }
    let flags = NLM_F_MULTI | if ctx.filtered { NLM_F_DUMP_FILTERED } else { 0 };
    let (seq, pid, now) = (req.header.seq, req.port, net.now_ms);
    let links = ns.links.values().filter(|l| index_filter.is_none_or(|i| i == l.index));
    let links: Vec<_> = links.collect();
    if family == AF_UNSPEC || family == AF_INET {
        for l in &links {
            for a in &l.addrs4 {
                ctx.replies.push(fill4(l.index, a, MessageType::NewAddr, seq, pid, flags, now));
            }
        }
    }
    if family == AF_UNSPEC || family == AF_INET6 {
        for l in &links {
            for a in &l.addrs6 {
                ctx.replies.push(fill6(l.index, a, MessageType::NewAddr, seq, pid, flags, now));
            }
        }
    }
    Ok(())
}

/// RTM_GETADDR for one address: IPv6 only (`inet6_rtm_getaddr`); IPv4 has
/// no such handler.
pub fn get_addr(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    if hdr.family != AF_INET6 {
        return Err(Errno::EOPNOTSUPP.into());
    }
    let a = attrs.get(ifa::LOCAL).or(attrs.get(ifa::ADDRESS)).ok_or(KernelError::new(Errno::EINVAL))?;
    let want = u128::from_bytes(a.value).ok_or(KernelError::new(Errno::EINVAL))?;
    let net = &*ctx.net;
    let ns = net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let found = ns
        .links
        .values()
        .filter(|l| hdr.index == 0 || l.index == hdr.index)
        .find_map(|l| l.addrs6.iter().find(|x| x.addr == want).map(|x| (l.index, x)));
    let (index, addr) = found.ok_or(KernelError::new(Errno::EADDRNOTAVAIL))?;
    ctx.replies.push(fill6(index, addr, MessageType::NewAddr, req.header.seq, req.port, 0, net.now_ms));
    Ok(())
}
