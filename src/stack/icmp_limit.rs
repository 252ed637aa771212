//! The per-destination rate limit of ICMP errors: a token bucket per peer
//! address (`inet_peer_xrlim_allow` over the namespace's inet_peer base),
//! asked by `icmpv4_xrlim_allow` and `icmpv6_xrlim_allow` before an error
//! leaves. Tokens are jiffies: one comes each jiffy, an error costs the
//! `icmp_ratelimit` sysctl's worth, and at most six errors' worth are kept
//! (`XRLIM_BURST_FACTOR`), so a burst of six errors goes out, then one a
//! second with the default limit.

use std::net::IpAddr;

/// The kernel's timer frequency (CONFIG_HZ of the recording kernel).
pub const HZ: u64 = 250;
/// How many errors' worth of tokens a peer keeps (`XRLIM_BURST_FACTOR`).
const BURST_FACTOR: u64 = 6;

/// Jiffies at a time of the virtual clock, µs.
pub fn jiffies(now_us: u64) -> u64 {
    now_us / (1_000_000 / HZ)
}

/// Milliseconds as jiffies, rounded up (`msecs_to_jiffies`).
pub fn ms_to_jiffies(ms: u64) -> u64 {
    ms.saturating_mul(HZ).div_ceil(1000)
}

/// One peer's bucket (`rate_tokens`, `rate_last` of `struct inet_peer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bucket {
    tokens: u64,
    last: u64,
}

/// The buckets of one namespace, by the address the errors go to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Peers {
    buckets: Vec<(IpAddr, Bucket)>,
}

impl Peers {
    /// Whether an error to `dst` may leave at `now_us` when each costs
    /// `timeout` jiffies (`inet_peer_xrlim_allow`); takes its tokens if so.
    pub fn allow(&mut self, dst: IpAddr, now_us: u64, timeout: u64) -> bool {
        let now = jiffies(now_us);
        let burst = BURST_FACTOR.saturating_mul(timeout);
        // A peer idle for a whole burst holds a full bucket, as a new one
        // does (inet_getpeer starts rate_last 60 s back): forget it.
        self.buckets.retain(|(a, b)| *a == dst || now.saturating_sub(b.last) < burst);
        let i = match self.buckets.iter().position(|(a, _)| *a == dst) {
            Some(i) => i,
            None => {
                // Sixty seconds of tokens: a full bucket.
                self.buckets.push((dst, Bucket { tokens: burst, last: now }));
                self.buckets.len() - 1
            }
        };
        let Some((_, b)) = self.buckets.get_mut(i) else { return true };
        let delta = now.saturating_sub(b.last);
        let mut token = b.tokens;
        if delta > 0 {
            b.last = now;
            token = token.saturating_add(delta).min(burst);
        }
        let allowed = token >= timeout;
        if allowed {
            token -= timeout;
        }
        b.tokens = token;
        allowed
    }
}

/// Whether an ICMP type is in a ratemask written as `net.ipv6.icmp.ratemask`
/// writes it (a list of numbers and ranges, `0-1,3-127`).
pub fn in_bitmap_list(list: &str, ty: u8) -> bool {
    list.split(',')
        .filter_map(|part| {
            let mut ends = part.trim().splitn(2, '-');
            let lo = ends.next()?.parse::<u8>().ok()?;
            let hi = ends.next().map_or(Some(lo), |h| h.parse::<u8>().ok())?;
            Some((lo, hi))
        })
        .any(|(lo, hi)| (lo..=hi).contains(&ty))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_errors_go_at_once_then_one_a_second() {
        let mut p = Peers::default();
        let dst: IpAddr = [10, 0, 1, 2].into();
        let t = ms_to_jiffies(1000);
        let sent = (0..13).filter(|i| p.allow(dst, 1_000_000 + i * 10, t)).count();
        assert_eq!(sent, 6);
        assert!(!p.allow(dst, 1_500_000, t));
        assert!(p.allow(dst, 2_100_000, t));
        // Another peer has its own bucket.
        assert!(p.allow([10, 0, 1, 3].into(), 2_100_000, t));
    }

    #[test]
    fn a_zero_limit_lets_everything_through() {
        let mut p = Peers::default();
        assert!((0..100).all(|i| p.allow([10, 0, 0, 1].into(), i, 0)));
    }

    #[test]
    fn ratemask_lists() {
        assert!(in_bitmap_list("0-1,3-127", 1));
        assert!(!in_bitmap_list("0-1,3-127", 2));
        assert!(in_bitmap_list("0-1,3-127", 3));
        assert!(!in_bitmap_list("", 3));
    }
}
