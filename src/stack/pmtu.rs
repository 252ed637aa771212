//! Path MTUs learnt from ICMP "fragmentation needed" / "packet too big":
//! the route exceptions of `ip_rt_update_pmtu` (net/ipv4/route.c) and
//! `rt6_update_pmtu` (net/ipv6/route.c), kept per namespace and
//! destination until they expire.

use std::net::IpAddr;

use super::NsId;

/// How long a learnt path MTU lasts, ms (`net.ipv4.route.mtu_expires`).
pub const PMTU_EXPIRES_MS: u64 = 600_000;
/// The smallest path MTU IPv4 accepts (`net.ipv4.route.min_pmtu`).
pub const MIN_PMTU_V4: u32 = 552;
/// The IPv6 minimum MTU.
pub const MIN_PMTU_V6: u32 = 1280;

/// The learnt path MTUs of every namespace.
#[derive(Debug, Clone, Default)]
pub struct PmtuCache {
    /// (namespace, destination, MTU, expiry in ms of the virtual clock).
    entries: Vec<(NsId, IpAddr, u32, u64)>,
}

impl PmtuCache {
    /// The path MTU learnt for `dst` from `ns`, if it has not expired.
    pub fn get(&self, ns: NsId, dst: IpAddr, now_ms: u64) -> Option<u32> {
        self.entries.iter().find(|(n, d, _, exp)| *n == ns && *d == dst && *exp > now_ms).map(|(_, _, m, _)| *m)
    }

    /// Records a path MTU for `dst` from `ns` (clamped to the family's minimum).
    pub fn learn(&mut self, ns: NsId, dst: IpAddr, mtu: u32, now_ms: u64) {
        let min = if dst.is_ipv6() { MIN_PMTU_V6 } else { MIN_PMTU_V4 };
        self.entries.retain(|(n, d, _, exp)| !(*n == ns && *d == dst) && *exp > now_ms);
        self.entries.push((ns, dst, mtu.max(min), now_ms + PMTU_EXPIRES_MS));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learnt_mtus_are_clamped_and_expire() {
        let mut cache = PmtuCache::default();
        let dst: IpAddr = [192, 0, 2, 1].into();
        cache.learn(NsId(0), dst, 500, 0);
        assert_eq!(cache.get(NsId(0), dst, 1), Some(MIN_PMTU_V4));
        assert_eq!(cache.get(NsId(1), dst, 1), None);
        assert_eq!(cache.get(NsId(0), dst, PMTU_EXPIRES_MS), None);
        cache.learn(NsId(0), dst, 1400, 5);
        assert_eq!(cache.get(NsId(0), dst, 6), Some(1400));
    }
}
