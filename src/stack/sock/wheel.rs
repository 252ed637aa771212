//! When a timer-wheel timer fires (`kernel/time/timer.c`): TCP's
//! retransmission timer is a `timer_list` armed in jiffies
//! (`inet_csk_reset_xmit_timer` → `sk_reset_timer` → `mod_timer`), and the
//! wheel files it in a bucket of its level's granularity, rounded up
//! (`calc_wheel_index`, `calc_index`). A 1 s timer therefore fires a few
//! jiffies after 1 s, never on time, which is why a program's own 1 s
//! `poll` timeout (an hrtimer) wins the race against the first SYN
//! retransmission.

/// Microseconds per jiffy: the recording kernel is built with `HZ=250`.
pub const JIFFY_US: u64 = 4_000;
/// Bits of granularity gained per wheel level (`LVL_CLK_SHIFT`).
const LVL_CLK_SHIFT: u32 = 3;
/// Buckets per level (`LVL_SIZE`).
const LVL_SIZE: u64 = 64;
/// Levels of the wheel (`LVL_DEPTH`: 9 when `HZ` > 100).
const LVL_DEPTH: u32 = 9;

/// The first delta, in jiffies, a level holds (`LVL_START`).
fn lvl_start(lvl: u32) -> u64 {
    (LVL_SIZE - 1) << ((lvl - 1) * LVL_CLK_SHIFT)
}

/// The virtual time, µs, at which a timer armed at `now_us` for
/// `timeout_us` runs: its expiry in jiffies, rounded up to the next bucket
/// of the level its distance puts it in (`calc_wheel_index`), at that
/// jiffy's tick.
pub fn expiry_us(now_us: u64, timeout_us: u64) -> u64 {
    let clk = now_us / JIFFY_US;
    let delta = timeout_us.div_ceil(JIFFY_US);
    let expires = u128::from(clk) + u128::from(delta);
    let lvl = (1..LVL_DEPTH).take_while(|l| delta >= lvl_start(*l)).count() as u32;
    let shift = lvl * LVL_CLK_SHIFT;
    let bucket = ((expires >> shift) + 1) << shift;
    u64::try_from(bucket * u128::from(JIFFY_US)).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_second_timer_fires_one_to_eight_jiffies_late() {
        // 250 jiffies sit in level 1 (granularity 8 jiffies).
        for now in [0, 1, 3_999, 4_000, 123_456, 7_777_777] {
            let at = expiry_us(now, 1_000_000);
            assert!(at > now + 1_000_000 && at <= now + 1_000_000 + 8 * JIFFY_US, "{now} -> {at}");
            assert_eq!(at % (8 * JIFFY_US), 0);
        }
    }

    #[test]
    fn short_timers_take_the_next_jiffy_and_long_ones_coarser_buckets() {
        assert_eq!(expiry_us(0, 200_000), 51 * JIFFY_US);
        // 4 s is 1000 jiffies: level 2, granularity 64 jiffies.
        assert_eq!(expiry_us(0, 4_000_000), 1024 * JIFFY_US);
        assert_eq!(expiry_us(u64::MAX, u64::MAX), u64::MAX);
    }
}
