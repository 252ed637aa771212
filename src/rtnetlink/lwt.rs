//! Route features iplab does not model, refused as Linux refuses them when
//! they are absent: lightweight tunnel encapsulations (RTA_ENCAP_TYPE, RTA_ENCAP;
//! net/core/lwtunnel.c). iplab models none of them, so every type is
//! refused the way Linux refuses one whose module is not loaded
//! (`lwtunnel_valid_encap_type` after a failed `request_module`), rather
//! than accepted and dropped; and RTA_NH_ID given with next-hop
//! attributes (next-hop objects themselves: `route::nhid`).

use crate::errno::{Errno, KResult, KernelError};
use crate::wire::attr::AttrTable;
use crate::wire::route::{parse_multipath, rta};

use crate::wire::route::lwtunnel_encap::MAX as LWTUNNEL_ENCAP_MAX;

/// `lwtunnel_valid_encap_type`: 0 and numbers past the last type are
/// unknown (EINVAL); the known ones have no implementation here
/// (EOPNOTSUPP). `errno` overrides the errno, keeping the message.
fn refuse_encap_type(kind: u16, errno: Option<Errno>) -> KernelError {
    if kind == 0 || kind > LWTUNNEL_ENCAP_MAX {
        return KernelError::msg(errno.unwrap_or(Errno::EINVAL), "Unknown lwt encapsulation type");
    }
    KernelError::msg(errno.unwrap_or(Errno::EOPNOTSUPP), "lwt encapsulation type not supported")
}

/// The checks `rtm_to_fib_config` / `rtm_to_fib6_config` make while parsing
/// a route request: RTA_ENCAP_TYPE, and each RTA_MULTIPATH next hop that
/// carries RTA_ENCAP (`lwtunnel_valid_encap_type_attr`, which answers
/// EOPNOTSUPP whatever the reason).
pub fn check_encap_types(attrs: &AttrTable<'_>, attr_max: u16) -> KResult<()> {
    if let Some(mp) = attrs.get(rta::MULTIPATH) {
        for hop in parse_multipath(mp.value)? {
            let t = AttrTable::parse(hop.attrs, attr_max)?;
            if !t.has(rta::ENCAP) {
                continue;
            }
            if let Some(kind) = t.get(rta::ENCAP_TYPE) {
                let kind = kind.u16().map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid RTA_ENCAP_TYPE"))?;
                return Err(refuse_encap_type(kind, Some(Errno::EOPNOTSUPP)));
            }
        }
    }
    if let Some(kind) = attrs.get(rta::ENCAP_TYPE) {
        return Err(refuse_encap_type(kind.u16()?, None));
    }
    Ok(())
}

/// `fib_nh_common_init`: RTA_ENCAP without a type names no encapsulation.
pub fn check_encap_given_type(attrs: &AttrTable<'_>) -> KResult<()> {
    if attrs.has(rta::ENCAP) && !attrs.has(rta::ENCAP_TYPE) {
        return Err(KernelError::msg(Errno::EINVAL, "LWT encap type not specified"));
    }
    Ok(())
}

/// RTA_NH_ID with next-hop attributes (`rtm_to_fib_config`,
/// `rtm_to_fib6_config`): the two ways of naming next hops exclude each
/// other.
pub fn check_nh_id_exclusive(attrs: &AttrTable<'_>) -> KResult<()> {
    let nh_spec =
        attrs.has(rta::OIF) || attrs.has(rta::GATEWAY) || attrs.has(rta::ENCAP) || attrs.has(rta::MULTIPATH) || attrs.has(rta::VIA);
    if attrs.has(rta::NH_ID) && nh_spec {
        return Err(KernelError::msg(Errno::EINVAL, "Nexthop specification and nexthop id are mutually exclusive"));
    }
    Ok(())
}
