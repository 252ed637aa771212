//! RTM_GETNETCONF: one device's forwarding settings, or all of them
//! (net/ipv4/devinet.c `inet_netconf_get_devconf`,
//! `inet_netconf_dump_devconf`; net/ipv6/addrconf.c
//! `inet6_netconf_get_devconf`, `inet6_netconf_dump_devconf`). The
//! messages are the ones [`super::netconf::fill`] builds for notifications,
//! with every setting (`NETCONFA_ALL`).
//!
//! Measured on Linux 6.18: a get for an unknown ifindex is ENODEV for IPv4
//! but EINVAL for IPv6; a missing netconfa::IFINDEX is EINVAL; a get for any
//! other family is EOPNOTSUPP; a dump for a family without a netconf dump
//! (AF_UNSPEC, AF_PACKET, ...) becomes `rtnl_dump_all`: IPv4, then IPv6.

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::attr::AttrTable;
use crate::wire::netconf::{IFINDEX_ALL, IFINDEX_DEFAULT, NETCONFMSG_LEN, netconfa};
use crate::wire::{AF_INET, AF_INET6, NLM_F_MULTI};

/// `inet_netconf_valid_get_req` / `inet6_netconf_valid_get_req`: the
/// attributes of a get request; strict sockets may send only the ifindex.
fn valid_get_req<'a>(req: &Request<'a>, family: u8) -> KResult<AttrTable<'a>> {
    let attrs = netconfa::SPACE.parse(req.payload.get(NETCONFMSG_LEN..).unwrap_or(&[]))?;
    if req.strict {
        for k in 0..=netconfa::MAX {
            if attrs.has(k) && k != netconfa::IFINDEX {
                let msg = if family == AF_INET6 {
                    "ipv6: Unsupported attribute in netconf get request"
                } else {
                    "ipv4: Unsupported attribute in netconf get request"
                };
                return Err(KernelError::msg(Errno::EINVAL, msg));
            }
        }
    }
    Ok(attrs)
}

/// RTM_GETNETCONF for one ifindex (or `all`/`default`) of one family.
pub fn get_netconf(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let family = req.payload.first().copied().unwrap_or(0);
    if family != AF_INET && family != AF_INET6 {
        // No doit is registered for other families (rtnetlink_rcv_msg).
        return Err(KernelError::new(Errno::EOPNOTSUPP));
    }
    let attrs = valid_get_req(req, family)?;
    let ifindex = attrs.get(netconfa::IFINDEX).ok_or(KernelError::new(Errno::EINVAL))?.i32()?;
    if ifindex != IFINDEX_ALL && ifindex != IFINDEX_DEFAULT {
        let exists = ifindex > 0 && ctx.net.ns(ctx.ns).and_then(|n| n.link(ifindex as u32)).is_some();
        if !exists {
            // devinet.c answers ENODEV; addrconf.c EINVAL.
            let errno = if family == AF_INET { Errno::ENODEV } else { Errno::EINVAL };
            return Err(KernelError::new(errno));
        }
    }
    let msg = super::netconf::fill(ctx.net, ctx.ns, family, ifindex, true, req.header.seq, req.port);
    ctx.replies.push(msg);
    Ok(())
}

/// RTM_GETNETCONF dump: every device of the namespace in ifindex order,
/// then `all` and `default`, for IPv4 and/or IPv6 by the request's family.
pub fn dump_netconf(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let family = req.payload.first().copied().unwrap_or(0);
    let families: &[u8] = match family {
        AF_INET => &[AF_INET],
        AF_INET6 => &[AF_INET6],
        _ => &[AF_INET, AF_INET6],
    };
    for &fam in families {
        // `inet_netconf_dump_devconf` with strict checking: nothing may
        // follow the header.
        if req.strict && req.payload.len() > NETCONFMSG_LEN {
            let msg = if fam == AF_INET6 {
                "ipv6: Invalid data after header in netconf dump request"
            } else {
                "ipv4: Invalid data after header in netconf dump request"
            };
            return Err(KernelError::msg(Errno::EINVAL, msg));
        }
        let Some(ns) = ctx.net.ns(ctx.ns) else { return Ok(()) };
        let mut indexes: Vec<i32> = ns.links.keys().map(|&i| i as i32).collect();
        indexes.push(IFINDEX_ALL);
        indexes.push(IFINDEX_DEFAULT);
        for ifindex in indexes {
            let mut msg = super::netconf::fill(ctx.net, ctx.ns, fam, ifindex, true, req.header.seq, req.port);
            set_flags(&mut msg, NLM_F_MULTI);
            ctx.replies.push(msg);
        }
    }
    Ok(())
}

/// Sets `nlmsg_flags` of a built message (dump parts carry NLM_F_MULTI).
fn set_flags(msg: &mut [u8], flags: u16) {
    if let Some(f) = msg.get_mut(6..8) {
        f.copy_from_slice(&flags.to_ne_bytes());
    }
}

#[cfg(test)]
mod tests {
    use crate::World;
    use crate::host::SockOpt;
    use crate::rtnetlink::Creds;

    fn req(flags: u16, family: u8, attrs: &[(u16, i32)]) -> Vec<u8> {
        let mut b = vec![0u8; 16];
        b.extend_from_slice(&[family, 0, 0, 0]);
        for (k, v) in attrs {
            b.extend_from_slice(&8u16.to_ne_bytes());
            b.extend_from_slice(&k.to_ne_bytes());
            b.extend_from_slice(&v.to_ne_bytes());
        }
        let len = b.len() as u32;
        b[0..4].copy_from_slice(&len.to_ne_bytes());
        b[4..6].copy_from_slice(&82u16.to_ne_bytes());
        b[6..8].copy_from_slice(&flags.to_ne_bytes());
        b[8..12].copy_from_slice(&1u32.to_ne_bytes());
        b
    }

    fn errno_of(m: &[u8]) -> i32 {
        i32::from_ne_bytes([m[16], m[17], m[18], m[19]])
    }

    /// The answers Linux 6.18 gave to the same requests.
    #[test]
    fn get_errors_as_linux() {
        let w = World::new();
        let s = w.socket(w.initial_ns(), Creds::ROOT).unwrap();
        let r = s.send(&req(5, 2, &[(1, 1)]));
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].len(), 0x4c);
        assert_eq!(errno_of(&r[1]), 0);
        assert_eq!(errno_of(&s.send(&req(5, 2, &[(1, 99)]))[0]), -19);
        assert_eq!(errno_of(&s.send(&req(5, 10, &[(1, 99)]))[0]), -22);
        assert_eq!(errno_of(&s.send(&req(5, 2, &[]))[0]), -22);
        assert_eq!(errno_of(&s.send(&req(5, 0, &[(1, 1)]))[0]), -95);
        let r = s.send(&req(5, 10, &[(1, -2)]));
        assert_eq!(r[0].len(), 0x3c);
        // Extra attributes are ignored, unless the socket checks strictly.
        assert_eq!(errno_of(&s.send(&req(5, 2, &[(1, 1), (2, 1)]))[1]), 0);
        s.set_option(SockOpt::StrictCheck(true)).unwrap();
        assert_eq!(errno_of(&s.send(&req(5, 2, &[(1, 1), (2, 1)]))[0]), -22);
    }

    #[test]
    fn dumps_by_family() {
        let w = World::new();
        let s = w.socket(w.initial_ns(), Creds::ROOT).unwrap();
        // lo, all, default per family, then NLMSG_DONE.
        assert_eq!(s.send(&req(0x301, 2, &[])).len(), 4);
        assert_eq!(s.send(&req(0x301, 10, &[])).len(), 4);
        assert_eq!(s.send(&req(0x301, 0, &[])).len(), 7);
        let r = s.send(&req(0x301, 17, &[]));
        assert_eq!(r.len(), 7);
        assert_eq!(u16::from_ne_bytes([r[0][6], r[0][7]]), 2);
    }
}
