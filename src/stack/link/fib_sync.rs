//! What a device going down does to the IPv4 FIB (`fib_sync_down_dev`,
//! `fib_flush`, `fib_disable_ip`).

/// `fib_sync_down_dev` for NETDEV_DOWN and `fib_flush`: the device's next
/// hops of multipath routes become dead and link-down, and routes left
/// with no live next hop go, silently (no RTM_DELROUTE). Host-scope routes
/// stay unless `force` (`fib_disable_ip` when the device's last IPv4
/// address goes).
pub fn fib_disable_v4(nsr: &mut crate::stack::Namespace, index: u32, force: bool) {
    let dead = crate::wire::route::rtnh_f::DEAD;
    nsr.fib4.for_each_mut(|r| {
        if r.nexthops.len() > 1 && r.nh_id == 0 {
            for nh in r.nexthops.iter_mut().filter(|nh| nh.ifindex == index) {
                nh.flags |= dead | crate::wire::route::rtnh_f::LINKDOWN;
            }
        }
    });
    let _ = nsr.fib4.remove_where(|r| {
        r.uses_dev(index)
            && r.nexthops
                .iter()
                .all(|nh| nh.ifindex == index && (force || nh.scope != crate::wire::route::scope::NOWHERE) || nh.flags & dead != 0)
    });
}
