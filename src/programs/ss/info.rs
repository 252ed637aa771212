//! The line `ss -i` prints under a TCP socket (`tcp_show_info` and
//! `tcp_stats_print` of iproute2 6.1): the options with `-e`, the
//! congestion control, then each `tcp_info` field that is set, in ss's
//! order, times in milliseconds and rates in bits per second.

use crate::decimal::{self, Ratio};
use crate::sockdiag::info::TcpInfo;

/// `%g`: six significant digits, trailing zeros dropped.
fn g(v: Ratio) -> String {
    decimal::general(&v, 6, false)
}

/// `sprint_bw` of `num / den` bits per second: whole bits with -n, else
/// scaled to K, M or G (exact ratios: the module carries no float code).
fn bw(num: u128, den: u64, numeric: bool) -> String {
    let v = Ratio::new(num, den);
    let den = u128::from(den.max(1));
    let over = |unit: u128| num > unit.saturating_mul(den);
    if numeric {
        decimal::fixed(&v, 0)
    } else if over(1_000_000_000) {
        format!("{}G", decimal::fixed(&Ratio { den: v.den.saturating_mul(1_000_000_000), ..v }, 1))
    } else if over(1_000_000) {
        format!("{}M", decimal::fixed(&Ratio { den: v.den.saturating_mul(1_000_000), ..v }, 1))
    } else if over(1_000) {
        format!("{}K", decimal::fixed(&Ratio { den: v.den.saturating_mul(1_000), ..v }, 1))
    } else {
        g(v)
    }
}

/// The text after `\n\t` for one socket's INET_DIAG_INFO.
pub fn text(i: &TcpInfo, numeric: bool, options: bool) -> String {
    let mut t = String::new();
    let mut out = |s: String| t.push_str(&s);
    let opts = i.u8(5);
    let listen = i.u8(0) == 10;
    if options {
        if opts & 1 != 0 {
            out(" ts".into());
        }
        if opts & 2 != 0 {
            out(" sack".into());
        }
        if opts & 8 != 0 {
            out(" ecn".into());
        }
        if opts & 16 != 0 {
            out(" ecnseen".into());
        }
        if opts & 32 != 0 {
            out(" fastopen".into());
        }
    }
    if let Some(c) = i.cong.as_deref().filter(|c| !c.is_empty()) {
        out(format!(" {c}"));
    }
    if opts & 4 != 0 {
        out(format!(" wscale:{},{}", i.u8(6) & 0x0f, i.u8(6) >> 4));
    }
    let ms = |us: u32| Ratio::new(u128::from(us), 1000);
    let rto = i.u32(8);
    if rto != 0 && rto != 3_000_000 {
        out(format!(" rto:{}", g(ms(rto))));
    }
    if i.u8(4) != 0 {
        out(format!(" backoff:{}", i.u8(4)));
    }
    let rtt = i.u32(68);
    if rtt != 0 {
        out(format!(" rtt:{}/{}", g(ms(rtt)), g(ms(i.u32(72)))));
    }
    if i.u32(12) != 0 {
        out(format!(" ato:{}", g(ms(i.u32(12)))));
    }
    let (mss, cwnd) = (i.u32(16), i.u32(80));
    for (name, at) in [("mss", 16), ("pmtu", 60), ("rcvmss", 20), ("advmss", 84), ("cwnd", 80)] {
        if i.u32(at) != 0 {
            out(format!(" {name}:{}", i.u32(at)));
        }
    }
    if i.u32(76) != 0 && i.u32(76) < 0xffff {
        out(format!(" ssthresh:{}", i.u32(76)));
    }
    for (name, at) in [("bytes_sent", 200), ("bytes_retrans", 208), ("bytes_acked", 120), ("bytes_received", 128)] {
        if i.u64(at) != 0 {
            out(format!(" {name}:{}", i.u64(at)));
        }
    }
    for (name, at) in [("segs_out", 136), ("segs_in", 140), ("data_segs_out", 156), ("data_segs_in", 152)] {
        if i.u32(at) != 0 {
            out(format!(" {name}:{}", i.u32(at)));
        }
    }
    if let Some((b, min_rtt, pacing_gain, cwnd_gain)) = i.bbr {
        out(format!(" bbr:(bw:{}bps,mrtt:{}", bw(u128::from(b) * 8, 1, numeric), g(ms(min_rtt))));
        if pacing_gain != 0 {
            out(format!(",pacing_gain:{}", g(Ratio::new(u128::from(pacing_gain), 256))));
        }
        if cwnd_gain != 0 {
            out(format!(",cwnd_gain:{}", g(Ratio::new(u128::from(cwnd_gain), 256))));
        }
        out(")".into());
    }
    if rtt != 0 && mss != 0 && cwnd != 0 {
        let send = u128::from(cwnd) * u128::from(mss) * 8_000_000;
        out(format!(" send {}bps", bw(send, u64::from(rtt), numeric)));
    }
    for (name, at) in [("lastsnd", 44), ("lastrcv", 52), ("lastack", 56)] {
        if i.u32(at) != 0 {
            out(format!(" {name}:{}", i.u32(at)));
        }
    }
    let pacing = i.u64(104);
    if pacing != 0 && pacing != u64::MAX {
        out(format!(" pacing_rate {}bps", bw(u128::from(pacing) * 8, 1, numeric)));
        let max = i.u64(112);
        if max != u64::MAX {
            out(format!("/{}bps", bw(u128::from(max) * 8, 1, numeric)));
        }
    }
    if i.u64(160) != 0 {
        out(format!(" delivery_rate {}bps", bw(u128::from(i.u64(160)) * 8, 1, numeric)));
    }
    if i.u32(192) != 0 {
        out(format!(" delivered:{}", i.u32(192)));
    }
    if i.u32(196) != 0 {
        out(format!(" delivered_ce:{}", i.u32(196)));
    }
    if i.u8(7) & 1 != 0 {
        out(" app_limited".into());
    }
    let busy = i.u64(168);
    if busy != 0 {
        out(format!(" busy:{}ms", busy / 1000));
        for (name, at) in [("rwnd_limited", 176), ("sndbuf_limited", 184)] {
            let v = i.u64(at);
            if v != 0 {
                out(format!(" {name}:{}ms({}%)", v / 1000, decimal::fixed(&Ratio::new(u128::from(v) * 100, busy), 1)));
            }
        }
    }
    if i.u32(24) != 0 {
        out(format!(" unacked:{}", i.u32(24)));
    }
    if i.u32(36) != 0 || i.u32(100) != 0 {
        out(format!(" retrans:{}/{}", i.u32(36), i.u32(100)));
    }
    if i.u32(32) != 0 {
        out(format!(" lost:{}", i.u32(32)));
    }
    if i.u32(28) != 0 && !listen {
        out(format!(" sacked:{}", i.u32(28)));
    }
    if i.u32(216) != 0 {
        out(format!(" dsack_dups:{}", i.u32(216)));
    }
    if i.u32(40) != 0 {
        out(format!(" fackets:{}", i.u32(40)));
    }
    if i.u32(88) != 3 {
        out(format!(" reordering:{}", i.u32(88)));
    }
    if i.u32(220) != 0 {
        out(format!(" reord_seen:{}", i.u32(220)));
    }
    if i.u32(92) != 0 {
        out(format!(" rcv_rtt:{}", g(ms(i.u32(92)))));
    }
    for (name, at) in [("rcv_space", 96), ("rcv_ssthresh", 64), ("notsent", 144)] {
        if i.u32(at) != 0 {
            out(format!(" {name}:{}", i.u32(at)));
        }
    }
    let min_rtt = i.u32(148);
    if min_rtt != 0 && min_rtt != u32::MAX {
        out(format!(" minrtt:{}", g(ms(min_rtt))));
    }
    if i.u32(224) != 0 {
        out(format!(" rcv_ooopack:{}", i.u32(224)));
    }
    if i.u32(228) != 0 {
        out(format!(" snd_wnd:{}", i.u32(228)));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_printf_g_does() {
        assert_eq!(g(Ratio::new(30, 1000)), "0.03");
        assert_eq!(g(Ratio::new(15, 1000)), "0.015");
        assert_eq!(g(Ratio::new(204, 1)), "204");
        assert_eq!(g(Ratio::new(1, 1)), "1");
        assert_eq!(g(Ratio::new(1_234_567, 1000)), "1234.57");
        assert_eq!(bw(97_090_370_370, 1, false), "97.1G");
        assert_eq!(bw(97_090_370_370, 1, true), "97090370370");
        assert_eq!(bw(10 * 1448 * 8_000_000, 3_000, false), "38.6M");
        assert_eq!(bw(1_000, 1, false), "1000");
        assert_eq!(bw(1_001, 1, false), "1.0K");
    }

    #[test]
    fn a_listener_shows_its_algorithm_and_window() {
        let mut raw = vec![0u8; 232];
        raw[0] = 10;
        raw[80..84].copy_from_slice(&10u32.to_ne_bytes());
        raw[88..92].copy_from_slice(&3u32.to_ne_bytes());
        raw[28..32].copy_from_slice(&1u32.to_ne_bytes());
        raw[76..80].copy_from_slice(&0x7fff_ffffu32.to_ne_bytes());
        raw[112..120].copy_from_slice(&u64::MAX.to_ne_bytes());
        let i = TcpInfo { raw, cong: Some("bbr".into()), bbr: None };
        assert_eq!(text(&i, true, false), " bbr cwnd:10");
    }
}
