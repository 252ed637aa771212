//! RTA_VIA: a next-hop gateway of another family (`fib_gw_from_via` in
//! net/ipv4/fib_frontend.c). IPv4 routes take an IPv6 gateway through it
//! (checked by `fib_check_nh_v6_gw`, net/ipv4/fib_semantics.c, with the
//! IPv6 next-hop rules); IPv6 routes refuse it.

use crate::errno::{Errno, KernelError};
use crate::stack::namespace::Namespace;
use crate::stack::route::NextHop;
use crate::wire::route::scope;
use crate::wire::{AF_INET, AF_INET6};

type KResult<T> = Result<T, KernelError>;

/// A gateway given as RTA_VIA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// AF_INET.
    V4(u32),
    /// AF_INET6.
    V6(u128),
}

/// Reads `struct rtvia` (`fib_gw_from_via`).
pub fn parse(value: &[u8]) -> KResult<Via> {
    let [f0, f1, addr @ ..] = value else {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid attribute length for RTA_VIA"));
    };
    match u16::from_ne_bytes([*f0, *f1]) {
        f if f == u16::from(AF_INET) => {
            let a: [u8; 4] = addr.try_into().map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid IPv4 address in RTA_VIA"))?;
            Ok(Via::V4(u32::from_be_bytes(a)))
        }
        f if f == u16::from(AF_INET6) => {
            let a: [u8; 16] = addr.try_into().map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid IPv6 address in RTA_VIA"))?;
            Ok(Via::V6(u128::from_be_bytes(a)))
        }
        _ => Err(KernelError::msg(Errno::EINVAL, "Unsupported address family in RTA_VIA")),
    }
}

/// The RTA_VIA value for an IPv6 gateway.
pub fn encode_v6(gw: u128) -> Vec<u8> {
    let mut v = u16::from(AF_INET6).to_ne_bytes().to_vec();
    v.extend_from_slice(&gw.to_be_bytes());
    v
}

/// `ip6_route_multipath_add` and `rtm_to_fib6_config`: no RTA_VIA.
pub fn refused_for_ipv6() -> KernelError {
    KernelError::msg(Errno::EINVAL, "IPv6 does not support RTA_VIA attribute")
}

/// `rtm_to_fib_config`: RTA_GATEWAY and RTA_VIA exclude each other.
pub fn both_given() -> KernelError {
    KernelError::msg(Errno::EINVAL, "Nexthop configuration can not contain both GATEWAY and VIA")
}

/// `fib_check_nh_v6_gw`: the IPv6 gateway of an IPv4 next hop must pass
/// `fib6_nh_init` as an IPv6 route's would (in the IPv4 route's table
/// id); the next hop gets its device and link scope.
pub fn check_v6_gateway(ns: &Namespace, table_id: u32, nh: &mut NextHop<u32>) -> KResult<()> {
    let Some(gw) = nh.via6.as_deref().copied() else { return Ok(()) };
    let mut nh6 =
        NextHop::<u128> { gateway: Some(gw), ifindex: nh.ifindex, weight: nh.weight, flags: nh.flags, scope: 0, realm: 0, via6: None };
    crate::stack::fib::nexthop6::init(ns, table_id, &mut nh6)?;
    nh.ifindex = nh6.ifindex;
    nh.flags = nh6.flags;
    nh.scope = scope::LINK;
    Ok(())
}
