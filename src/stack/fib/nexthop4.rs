//! Validation of an IPv4 route before it enters a table
//! (net/ipv4/fib_semantics.c): each next hop (`fib_check_nh`) and the
//! preferred source (`fib_valid_prefsrc`), with Linux's errors in Linux's
//! order.

use crate::errno::{Errno, KResult, KernelError};
use crate::stack::lookup;
use crate::stack::namespace::Namespace;
use crate::stack::route::NextHop;
use crate::stack::rule::Flow;
use crate::wire::AF_INET;
use crate::wire::route::{RouteType, rtnh_f, scope, table};

/// What the merged local/main lookup of a gateway gave [`check_nh`] (the
/// route's type, first device and scope), kept for the next route through
/// the same gateway while the tables cannot have changed for it: a caller
/// drops it when a route whose prefix contains the gateway goes in
/// ([`GatewayMemo::covered_by`]) and when anything else may have changed.
#[derive(Debug, Clone, Copy)]
pub struct GatewayMemo {
    gateway: u32,
    min_scope: u8,
    oif: u32,
    kind: RouteType,
    dev: u32,
    scope: u8,
}

impl GatewayMemo {
    /// Whether a route at `dst/len` would be a candidate of this gateway's
    /// lookup (its prefix contains the gateway).
    pub fn covered_by(&self, dst: u32, len: u8) -> bool {
        let mask = if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len.min(32))) };
        self.gateway & mask == dst & mask
    }
}

/// Checks one IPv4 next hop (`fib_check_nh`), filling in its scope and device.
pub fn check_nh(ns: &Namespace, route_scope: u8, table_id: u32, nh: &mut NextHop<u32>) -> KResult<()> {
    check_nh_memo(ns, route_scope, table_id, nh, &mut None)
}

/// [`check_nh`] answering a gateway in the main table from `memo` when it
/// holds that gateway's lookup, and keeping the lookup there otherwise.
pub fn check_nh_memo(ns: &Namespace, route_scope: u8, table_id: u32, nh: &mut NextHop<u32>, memo: &mut Option<GatewayMemo>) -> KResult<()> {
    let dev_ok = |i: u32| ns.link(i).ok_or(KernelError::new(Errno::ENODEV));
    match nh.gateway {
        Some(gw) => {
            if nh.flags & rtnh_f::ONLINK != 0 {
                if route_scope >= scope::LINK {
                    return Err(KernelError::msg(Errno::EINVAL, "Nexthop has invalid scope"));
                }
                if nh.ifindex == 0 {
                    return Err(KernelError::msg(Errno::ENODEV, "Nexthop device required for onlink"));
                }
                let dev = dev_ok(nh.ifindex)?;
                if !dev.is_up() {
                    return Err(KernelError::msg(Errno::ENETDOWN, "Nexthop device is not up"));
                }
                if dev_addr_type(ns, nh.ifindex, gw) != RouteType::Unicast {
                    return Err(KernelError::msg(Errno::EINVAL, "Nexthop has invalid gateway"));
                }
                nh.scope = scope::LINK;
                return Ok(());
            }
            let min = route_scope.saturating_add(1);
            if table_id == table::MAIN {
                // The common case, without copying the route found: what
                // `resolve` below would answer when this finds a route.
                if let Some(m) = memo.filter(|m| (m.gateway, m.min_scope, m.oif) == (gw, min, nh.ifindex)) {
                    return gateway_fits(ns, nh, m.kind, m.dev, m.scope);
                }
                if let Some(r) = lookup::gateway_route_v4(ns, gw, min, nh.ifindex) {
                    let (kind, dev, scope) = (r.kind, r.oif(), r.scope);
                    *memo = Some(GatewayMemo { gateway: gw, min_scope: min, oif: nh.ifindex, kind, dev, scope });
                    return gateway_fits(ns, nh, kind, dev, scope);
                }
            }
            let flow = Flow { family: AF_INET, dst: gw.to_be_bytes().to_vec(), ..Flow::default() };
            let found = if table_id != table::MAIN {
                lookup::table_lookup(ns, table_id, gw, min, nh.ifindex, 0)
                    .filter(|r| lookup::type_error(r.kind).is_none())
                    .map(|route| lookup::Resolved { table: table_id, route })
            } else {
                None
            };
            let res = match found {
                Some(r) => r,
                None => lookup::resolve::<u32>(ns, &flow, gw, min, nh.ifindex)
                    .map_err(|_| KernelError::msg(Errno::ENETUNREACH, "Nexthop has invalid gateway"))?,
            };
            gateway_fits(ns, nh, res.route.kind, res.route.oif(), res.route.scope)
        }
        None => {
            if nh.flags & rtnh_f::ONLINK != 0 {
                return Err(KernelError::msg(Errno::EINVAL, "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set"));
            }
            // fib_check_nh_nongw: inetdev_by_index finds no in_device.
            let dev = dev_ok(nh.ifindex).and_then(|d| if d.no_inet4 { Err(KernelError::new(Errno::ENODEV)) } else { Ok(d) })?;
            if !dev.is_up() {
                return Err(KernelError::msg(Errno::ENETDOWN, "Device for nexthop is not up"));
            }
            nh.scope = scope::HOST;
            Ok(())
        }
    }
}

/// The end of `fib_check_nh` for a gateway whose route was found (its
/// type, first device and scope): the route must be unicast or local and
/// leave through the next hop's device if one was given, which then must
/// be up; the next hop takes the device and the route's scope.
fn gateway_fits(ns: &Namespace, nh: &mut NextHop<u32>, kind: RouteType, dev: u32, route_scope: u8) -> KResult<()> {
    if kind != RouteType::Unicast && kind != RouteType::Local {
        return Err(KernelError::msg(Errno::EINVAL, "Nexthop has invalid gateway"));
    }
    if nh.ifindex != 0 && dev != nh.ifindex {
        return Err(KernelError::msg(Errno::EINVAL, "Nexthop has invalid gateway"));
    }
    nh.ifindex = dev;
    nh.scope = route_scope;
    // fib_check_nh_v4_gw: a down device found through the gateway's
    // route is ENETDOWN without a message (only onlink's check has one).
    if !ns.link(dev).ok_or(KernelError::new(Errno::ENODEV))?.is_up() {
        return Err(KernelError::new(Errno::ENETDOWN));
    }
    Ok(())
}

/// `inet_addr_type_dev_table`: the type of `addr` in the table of `dev`'s
/// L3 master (a VRF's table), else the local table. The device only
/// picks the table: the lookup itself is for any device, so an address
/// local to another device is local here too.
fn dev_addr_type(ns: &Namespace, dev: u32, addr: u32) -> RouteType {
    lookup::addr_type_v4(ns, crate::stack::l3mdev::table_for(ns, dev, table::LOCAL), 0, addr)
}

/// `fib_valid_prefsrc`: a local route's own address, or an address that
/// the route's table (main reads as local) or else the local table types
/// as local.
pub fn valid_prefsrc(ns: &Namespace, kind: RouteType, table_id: u32, dst: u32, src: u32) -> bool {
    if kind == RouteType::Local && dst != 0 && src == dst {
        return true;
    }
    let tb = if table_id == table::MAIN { table::LOCAL } else { table_id };
    let mut rc = lookup::addr_type_v4(ns, tb, 0, src);
    if rc != RouteType::Local && tb != table::LOCAL {
        rc = lookup::addr_type_v4(ns, table::LOCAL, 0, src);
    }
    rc == RouteType::Local
}
