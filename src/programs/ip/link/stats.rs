//! Link counters (`-s`, `-s -s`): ip/ipaddress.c `print_stats64`,
//! `size_columns` and `print_num`.

use super::super::ctx::Ip;
use super::super::nl::Attrs;
use super::super::print::Kind;
use crate::wire::link::ifla;

/// `struct rtnl_link_stats64`, in its field order.
#[derive(Debug, Clone, Copy, Default)]
#[allow(missing_docs)]
pub struct Stats64 {
    pub rx_packets: u64,
    pub tx_packets: u64,
    pub rx_bytes: u64,
    pub tx_bytes: u64,
    pub rx_errors: u64,
    pub tx_errors: u64,
    pub rx_dropped: u64,
    pub tx_dropped: u64,
    pub multicast: u64,
    pub collisions: u64,
    pub rx_length_errors: u64,
    pub rx_over_errors: u64,
    pub rx_crc_errors: u64,
    pub rx_frame_errors: u64,
    pub rx_fifo_errors: u64,
    pub rx_missed_errors: u64,
    pub tx_aborted_errors: u64,
    pub tx_carrier_errors: u64,
    pub tx_fifo_errors: u64,
    pub tx_heartbeat_errors: u64,
    pub tx_window_errors: u64,
    pub rx_compressed: u64,
    pub tx_compressed: u64,
    pub rx_nohandler: u64,
    pub rx_otherhost_dropped: u64,
}

const FIELDS: usize = 25;

impl Stats64 {
    /// Reads counters of `width` bytes each (8 for IFLA_STATS64, 4 for
    /// IFLA_STATS); missing trailing counters are zero.
    pub fn parse(b: &[u8], width: usize) -> Stats64 {
        let mut v = [0u64; FIELDS];
        for (i, slot) in v.iter_mut().enumerate() {
            let at = i * width;
            if let Some(c) = b.get(at..at + width) {
                *slot = if width == 8 {
                    u64::from_ne_bytes(c.try_into().unwrap_or([0; 8]))
                } else {
                    u64::from(u32::from_ne_bytes(c.try_into().unwrap_or([0; 4])))
                };
            }
        }
        Stats64 {
            rx_packets: v[0],
            tx_packets: v[1],
            rx_bytes: v[2],
            tx_bytes: v[3],
            rx_errors: v[4],
            tx_errors: v[5],
            rx_dropped: v[6],
            tx_dropped: v[7],
            multicast: v[8],
            collisions: v[9],
            rx_length_errors: v[10],
            rx_over_errors: v[11],
            rx_crc_errors: v[12],
            rx_frame_errors: v[13],
            rx_fifo_errors: v[14],
            rx_missed_errors: v[15],
            tx_aborted_errors: v[16],
            tx_carrier_errors: v[17],
            tx_fifo_errors: v[18],
            tx_heartbeat_errors: v[19],
            tx_window_errors: v[20],
            rx_compressed: v[21],
            tx_compressed: v[22],
            rx_nohandler: v[23],
            rx_otherhost_dropped: if width == 8 { v[24] } else { 0 },
        }
    }
}

/// `__print_link_stats`: the counters of a link message, if it has any.
pub fn print_link_stats64(ip: &mut Ip, tb: &Attrs) {
    let (s, what) = if let Some(a) = tb.get(ifla::STATS64) {
        (Stats64::parse(a.value, 8), "stats64")
    } else if let Some(a) = tb.get(ifla::STATS) {
        (Stats64::parse(a.value, 4), "stats")
    } else {
        return;
    };
    let cc = tb.u32(ifla::CARRIER_CHANGES);
    print_stats64(ip, &s, cc, Some(what));
}

/// `size_columns`: widens each column to fit its value.
fn size_columns(human: bool, cols: &mut [usize], vals: &[u64]) {
    for (c, v) in cols.iter_mut().zip(vals) {
        if human {
            continue;
        }
        let len = v.to_string().len();
        if len > *c {
            *c = len;
        }
    }
}

/// `print_num`: a right-aligned counter followed by a space.
pub fn print_num(ip: &mut Ip, width: usize, count: u64) {
    let iec = ip.o.iec > 0;
    let base: u64 = if iec { 1024 } else { 1000 };
    if ip.o.human == 0 || count < base {
        ip.p.fp(&format!("{count:>width$} "));
        return;
    }
    let prefixes = b"kMGTPE";
    let mut pi = 0usize;
    let mut powi: u64 = 1;
    loop {
        powi = powi.saturating_mul(base);
        if count / base < powi {
            break;
        }
        if pi + 1 >= prefixes.len() {
            break;
        }
        pi += 1;
    }
    let mut precision: usize = 2;
    let mut powj: u64 = 1;
    while precision > 0 {
        powj *= 10;
        if count / powi < powj {
            break;
        }
        precision -= 1;
    }
    let buf = format!(
        "{}{}{}",
        crate::decimal::fixed(&crate::decimal::Ratio::new(u128::from(count), powi), precision),
        char::from(prefixes[pi]),
        if iec { "i" } else { "" }
    );
    ip.p.fp(&format!("{buf:>width$} "));
}

/// One direction's header and counts (`RX:` or `TX:`): six named columns
/// and a seventh, "compressed", shown only when its count is not zero.
fn print_counts(ip: &mut Ip, label: &str, names: [&str; 6], vals: [u64; 7], c: &[usize; 8]) {
    let compressed = if vals[6] != 0 { "compressed" } else { "" };
    ip.p.fp(&format!(
        "    {label}: {:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$} {:>w6$}{}",
        names[0],
        names[1],
        names[2],
        names[3],
        names[4],
        names[5],
        compressed,
        ip.p.sl,
        w0 = c[0].saturating_sub(4),
        w1 = c[1],
        w2 = c[2],
        w3 = c[3],
        w4 = c[4],
        w5 = c[5],
        w6 = c[6],
    ));
    ip.p.fp("    ");
    for i in 0..6 {
        print_num(ip, c[i], vals[i]);
    }
    if vals[6] != 0 {
        print_num(ip, c[6], vals[6]);
    }
}

/// `print_stats64`.
pub fn print_stats64(ip: &mut Ip, s: &Stats64, carrier_changes: Option<u32>, what: Option<&str>) {
    if ip.p.is_json() {
        print_stats64_json(ip, s, carrier_changes, what);
        return;
    }
    let human = ip.o.human > 0;
    let two = ip.o.stats > 1;
    let mut cols = [10usize, 7, 6, 7, 7, 7, 10, 9];
    size_columns(
        human,
        &mut cols,
        &[s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_missed_errors, s.multicast, s.rx_compressed, 0],
    );
    if two {
        size_columns(
            human,
            &mut cols,
            &[
                0,
                s.rx_length_errors,
                s.rx_crc_errors,
                s.rx_frame_errors,
                s.rx_fifo_errors,
                s.rx_over_errors,
                s.rx_nohandler,
                s.rx_otherhost_dropped,
            ],
        );
    }
    size_columns(
        human,
        &mut cols,
        &[s.tx_bytes, s.tx_packets, s.tx_errors, s.tx_dropped, s.tx_carrier_errors, s.collisions, s.tx_compressed, 0],
    );
    if two {
        let cc = u64::from(carrier_changes.unwrap_or(0));
        size_columns(human, &mut cols, &[0, 0, s.tx_aborted_errors, s.tx_fifo_errors, s.tx_window_errors, s.tx_heartbeat_errors, cc, 0]);
    }
    let sl = ip.p.sl;
    let c = cols;
    print_counts(
        ip,
        "RX",
        ["bytes", "packets", "errors", "dropped", "missed", "mcast"],
        [s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_missed_errors, s.multicast, s.rx_compressed],
        &c,
    );
    if two {
        ip.p.fp(sl);
        ip.p.fp(&format!(
            "    RX errors:{:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}{:>w6$}{:>w7$}{}",
            "",
            "length",
            "crc",
            "frame",
            "fifo",
            "overrun",
            if s.rx_nohandler != 0 { " nohandler" } else { "" },
            if s.rx_otherhost_dropped != 0 { " otherhost" } else { "" },
            sl,
            w0 = c[0].saturating_sub(10),
            w1 = c[1],
            w2 = c[2],
            w3 = c[3],
            w4 = c[4],
            w5 = c[5],
            w6 = if s.rx_nohandler != 0 { c[6] + 1 } else { 0 },
            w7 = if s.rx_otherhost_dropped != 0 { c[7] + 1 } else { 0 },
        ));
        ip.p.fp(&" ".repeat(c[0] + 5));
        for (w, v) in [
            (c[1], s.rx_length_errors),
            (c[2], s.rx_crc_errors),
            (c[3], s.rx_frame_errors),
            (c[4], s.rx_fifo_errors),
            (c[5], s.rx_over_errors),
        ] {
            print_num(ip, w, v);
        }
        if s.rx_nohandler != 0 {
            print_num(ip, c[6], s.rx_nohandler);
        }
        if s.rx_otherhost_dropped != 0 {
            print_num(ip, c[7], s.rx_otherhost_dropped);
        }
    }
    ip.p.fp(sl);
    print_counts(
        ip,
        "TX",
        ["bytes", "packets", "errors", "dropped", "carrier", "collsns"],
        [s.tx_bytes, s.tx_packets, s.tx_errors, s.tx_dropped, s.tx_carrier_errors, s.collisions, s.tx_compressed],
        &c,
    );
    if two {
        ip.p.fp(sl);
        ip.p.fp(&format!(
            "    TX errors:{:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}{}",
            "",
            "aborted",
            "fifo",
            "window",
            "heartbt",
            if carrier_changes.is_some() { "transns" } else { "" },
            sl,
            w0 = c[0].saturating_sub(10),
            w1 = c[1],
            w2 = c[2],
            w3 = c[3],
            w4 = c[4],
            w5 = c[5],
        ));
        ip.p.fp(&" ".repeat(c[0] + 5));
        for (w, v) in [(c[1], s.tx_aborted_errors), (c[2], s.tx_fifo_errors), (c[3], s.tx_window_errors), (c[4], s.tx_heartbeat_errors)] {
            print_num(ip, w, v);
        }
        if let Some(cc) = carrier_changes {
            print_num(ip, c[5], u64::from(cc));
        }
    }
}

fn print_stats64_json(ip: &mut Ip, s: &Stats64, carrier_changes: Option<u32>, what: Option<&str>) {
    let two = ip.o.stats > 1;
    if what.is_some() {
        ip.p.open_json_object(what);
    }
    let u = |ip: &mut Ip, k: &str, v: u64| ip.p.print_uint(Kind::Json, Some(k), "", v);
    ip.p.open_json_object(Some("rx"));
    u(ip, "bytes", s.rx_bytes);
    u(ip, "packets", s.rx_packets);
    u(ip, "errors", s.rx_errors);
    u(ip, "dropped", s.rx_dropped);
    u(ip, "over_errors", s.rx_over_errors);
    u(ip, "multicast", s.multicast);
    if s.rx_compressed != 0 {
        u(ip, "compressed", s.rx_compressed);
    }
    if two {
        u(ip, "length_errors", s.rx_length_errors);
        u(ip, "crc_errors", s.rx_crc_errors);
        u(ip, "frame_errors", s.rx_frame_errors);
        u(ip, "fifo_errors", s.rx_fifo_errors);
        u(ip, "missed_errors", s.rx_missed_errors);
        if s.rx_nohandler != 0 {
            u(ip, "nohandler", s.rx_nohandler);
        }
        if s.rx_otherhost_dropped != 0 {
            u(ip, "otherhost", s.rx_otherhost_dropped);
        }
    }
    ip.p.close_json_object();
    ip.p.open_json_object(Some("tx"));
    u(ip, "bytes", s.tx_bytes);
    u(ip, "packets", s.tx_packets);
    u(ip, "errors", s.tx_errors);
    u(ip, "dropped", s.tx_dropped);
    u(ip, "carrier_errors", s.tx_carrier_errors);
    u(ip, "collisions", s.collisions);
    if s.tx_compressed != 0 {
        u(ip, "compressed", s.tx_compressed);
    }
    if two {
        u(ip, "aborted_errors", s.tx_aborted_errors);
        u(ip, "fifo_errors", s.tx_fifo_errors);
        u(ip, "window_errors", s.tx_window_errors);
        u(ip, "heartbeat_errors", s.tx_heartbeat_errors);
        if let Some(cc) = carrier_changes {
            u(ip, "carrier_changes", u64::from(cc));
        }
    }
    ip.p.close_json_object();
    if what.is_some() {
        ip.p.close_json_object();
    }
}
