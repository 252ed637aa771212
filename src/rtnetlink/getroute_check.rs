//! The checks of an RTM_GETROUTE request before the lookup
//! (net/ipv4/route.c `inet_rtm_valid_getroute_req`, net/ipv6/route.c
//! `inet6_rtm_valid_getroute_req`): a full rtmsg on any socket, and on a
//! NETLINK_GET_STRICT_CHK socket no header fields or attributes beyond the
//! lookup keys.

use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::route::{RTMSG_LEN, rta, rtm_f};
use crate::wire::{AF_INET, AF_INET6};

/// The messages of one family (IPv4 and IPv6 word them differently).
struct Texts {
    header: &'static str,
    values: &'static str,
    flags: &'static str,
    lengths: &'static str,
    attribute: &'static str,
}

const V4: Texts = Texts {
    header: "ipv4: Invalid header for route get request",
    values: "ipv4: Invalid values in header for route get request",
    flags: "ipv4: Unsupported rtm_flags for route get request",
    lengths: "ipv4: rtm_src_len and rtm_dst_len must be 32 for IPv4",
    attribute: "ipv4: Unsupported attribute in route get request",
};

const V6: Texts = Texts {
    header: "ipv6: Invalid header for get route request",
    values: "ipv6: Invalid values in header for get route request",
    flags: "ipv6: Invalid flags for get route request",
    lengths: "ipv6: rtm_src_len and rtm_dst_len must be 128 for IPv6",
    attribute: "ipv6: Unsupported attribute in get route request",
};

/// The attributes a route lookup takes.
const LOOKUP_KEYS: [u16; 9] = [rta::IIF, rta::OIF, rta::SRC, rta::DST, rta::IP_PROTO, rta::SPORT, rta::DPORT, rta::MARK, rta::UID];

/// Validates a GETROUTE request of family AF_INET or AF_INET6 (others
/// pass unchecked).
pub fn check(req: &Request<'_>) -> KResult<()> {
    let Some(&family) = req.payload.first() else { return Ok(()) };
    let (t, full, flags_ok) = match family {
        AF_INET => (&V4, 32u8, rtm_f::NOTIFY | rtm_f::LOOKUP_TABLE | rtm_f::FIB_MATCH),
        AF_INET6 => (&V6, 128u8, rtm_f::FIB_MATCH),
        _ => return Ok(()),
    };
    if req.payload.len() < RTMSG_LEN {
        return Err(KernelError::msg(Errno::EINVAL, t.header));
    }
    if !req.strict {
        return Ok(());
    }
    let h = req.payload;
    let (dst_len, src_len, table, protocol, scope, kind) = (h[1], h[2], h[4], h[5], h[6], h[7]);
    let flags = crate::wire::get_u32(h, 8).unwrap_or(0);
    let bad_len = |l: u8| l != 0 && l != full;
    if bad_len(src_len) || bad_len(dst_len) || table != 0 || protocol != 0 || scope != 0 || kind != 0 {
        return Err(KernelError::msg(Errno::EINVAL, t.values));
    }
    if flags & !flags_ok != 0 {
        return Err(KernelError::msg(Errno::EINVAL, t.flags));
    }
    let attrs = crate::wire::attr::parse_all(req.after(RTMSG_LEN))?;
    let has = |k: u16| attrs.iter().any(|a| a.kind == k);
    if (has(rta::SRC) && src_len == 0) || (has(rta::DST) && dst_len == 0) {
        return Err(KernelError::msg(Errno::EINVAL, t.lengths));
    }
    if attrs.iter().any(|a| !LOOKUP_KEYS.contains(&a.kind)) {
        return Err(KernelError::msg(Errno::EINVAL, t.attribute));
    }
    Ok(())
}
