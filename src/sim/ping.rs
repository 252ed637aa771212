//! `ping` as iputils 20221126 runs it over the packet walk: the same
//! options, lines and statistics, with times from the virtual clock.

use super::getopt::{GetoptError, getopt};
use super::neigh;
use super::packet::{Datagram, Icmp, Payload, unreach, unspecified};
use super::walk::{Arrival, SendError, Walk, is_link_local, output_route};
use crate::output::Output;
use crate::stack::{Event, Net, NsId};
use crate::text::Ip;
use std::net::IpAddr;

/// Packets a run without `-c` or `-w` sends before it stops (where a
/// terminal user would press Ctrl-C).
pub const UNBOUNDED_COUNT: u64 = 4;
/// The most packets one run sends, whatever `-c` and `-w` ask.
pub const MAX_PACKETS: u64 = 100_000;
/// The shortest interval iputils waits (`MIN_INTERVAL_MS`, `SCHINT`).
const MIN_INTERVAL_MS: u64 = 10;
/// Payloads shorter than a timestamp are not timed.
const TIMESTAMP_LEN: usize = 16;

/// The options of one run.
#[derive(Debug, Clone)]
struct Options {
    /// The identifier the run's echo requests carry (a new one each run).
    id: u16,
    count: u64,
    interval_ms: u64,
    wait_ms: u64,
    deadline_ms: Option<u64>,
    size: usize,
    ttl: Option<u32>,
    interface: Option<String>,
    quiet: bool,
    family: Option<u8>,
    dont_fragment: bool,
    /// `-M dont`: never DF (else IPv4's default, `IP_PMTUDISC_WANT`).
    pmtu_dont: bool,
    mark: u32,
    target: String,
}

/// Why the run stopped before its first packet.
enum Early {
    /// Message for stderr, exit status.
    Fail(String, i32),
}

fn seconds_ms(v: &str, what: &str) -> Result<u64, Early> {
    match crate::decimal::parse(v) {
        Some(s) if (!s.neg || s.num == 0) && s.trunc() < 1_000_000_000 => Ok(s.times(1000).round() as u64),
        _ => Err(Early::Fail(format!("ping: bad {what}: {v}\n"), 2)),
    }
}

fn ranged(v: &str, lo: i64, hi: i64) -> Result<i64, Early> {
    match crate::text::int::<i64>(v) {
        Some(n) if n >= lo && n <= hi => Ok(n),
        Some(_) => Err(Early::Fail(format!("ping: invalid argument: '{v}': out of range: {lo} <= value <= {hi}\n"), 1)),
        None => Err(Early::Fail(format!("ping: invalid argument: '{v}'\n"), 1)),
    }
}

fn parse(args: &[String]) -> Result<Options, Early> {
    let (opts, operands) = getopt(args, "ciWwstIMm", "qn46").map_err(|e| match e {
        GetoptError::Invalid(c) => Early::Fail(format!("ping: invalid option -- '{c}'\n{USAGE}"), 2),
        GetoptError::MissingValue(c) => Early::Fail(format!("ping: option requires an argument -- '{c}'\n{USAGE}"), 2),
    })?;
    let mut o = Options {
        id: 0,
        count: 0,
        interval_ms: 1000,
        wait_ms: 10_000,
        deadline_ms: None,
        size: 56,
        ttl: None,
        interface: None,
        quiet: false,
        family: None,
        dont_fragment: false,
        pmtu_dont: false,
        mark: 0,
        target: String::new(),
    };
    for opt in opts {
        let v = opt.value.unwrap_or_default();
        match opt.letter {
            'c' => o.count = ranged(&v, 1, i64::MAX)? as u64,
            'i' => o.interval_ms = seconds_ms(&v, "timing interval")?,
            'W' => o.wait_ms = seconds_ms(&v, "linger time")?,
            'w' => o.deadline_ms = Some(ranged(&v, 0, i32::MAX as i64)? as u64 * 1000),
            's' => o.size = ranged(&v, 0, i32::MAX as i64)? as usize,
            't' => o.ttl = Some(ranged(&v, 0, 255)? as u32),
            'I' => o.interface = Some(v),
            'M' => match v.as_str() {
                "do" | "probe" => (o.dont_fragment, o.pmtu_dont) = (true, false),
                "want" => (o.dont_fragment, o.pmtu_dont) = (false, false),
                "dont" => (o.dont_fragment, o.pmtu_dont) = (false, true),
                _ => return Err(Early::Fail("ping: invalid -M argument: ".to_string() + &v + "\n", 2)),
            },
            'm' => o.mark = ranged(&v, 0, u32::MAX as i64)? as u32,
            'q' => o.quiet = true,
            '4' => o.family = Some(4),
            '6' => o.family = Some(6),
            _ => {}
        }
    }
    match operands.last() {
        Some(t) => o.target = t.clone(),
        None => return Err(Early::Fail("ping: usage error: Destination address required\n".to_string(), 1)),
    }
    Ok(o)
}

const USAGE: &str = "\nUsage\n  ping [options] <destination>\n";

/// Statistics of a run.
#[derive(Default)]
struct Stats {
    transmitted: u64,
    received: u64,
    errors: u64,
    pipe: u64,
    rtts_us: Vec<u64>,
}

/// Runs `ping ARGS` in `ns`; returns the exit status and the neighbour
/// events the packets caused.
pub fn run(net: &mut Net, ns: NsId, args: &[String], out: &mut Output) -> (i32, Vec<Event>) {
    let mut o = match parse(args) {
        Ok(o) => o,
        Err(Early::Fail(msg, st)) => {
            out.err(&msg);
            return (st, Vec::new());
        }
    };
    o.id = net.next_echo_id();
    // A link-local destination may name its device: fe80::1%e1.
    let (addr_text, scope_dev) = match o.target.split_once('%') {
        Some((a, d)) => (a, Some(d.to_string())),
        None => (o.target.as_str(), None),
    };
    let dst: IpAddr = match crate::text::parse_ip(addr_text).ok_or(()) {
        Ok(IpAddr::V6(_)) if o.family == Some(4) => {
            out.err(&format!("ping: {}: Address family for hostname not supported\n", o.target));
            return (2, Vec::new());
        }
        Ok(IpAddr::V4(_)) if o.family == Some(6) => {
            out.err(&format!("ping: {}: Address family for hostname not supported\n", o.target));
            return (2, Vec::new());
        }
        Ok(a) => a,
        Err(_) => {
            out.err(&format!("ping: {}: Temporary failure in name resolution\n", o.target));
            return (2, Vec::new());
        }
    };
    let v6 = dst.is_ipv6();
    // -I: a device (SO_BINDTODEVICE) or a source address (bind).
    let mut oif = 0;
    let mut src = unspecified(v6);
    let mut from_dev = None;
    if let Some(dev) = &scope_dev {
        match net.ns(ns).and_then(|n| n.index_of(dev)) {
            Some(i) => oif = i,
            None => {
                out.err(&format!("ping: {}: Name or service not known\n", o.target));
                return (2, Vec::new());
            }
        }
    }
    if let Some(i) = &o.interface {
        match crate::text::parse_ip(i).ok_or(()) {
            Ok(a) => {
                src = a;
                let local = net.ns(ns).is_some_and(|n| match a {
                    IpAddr::V4(a4) => crate::stack::lookup::dev_find_v4(n, a4.into()),
                    IpAddr::V6(a6) => n.links.values().any(|l| l.addrs6.iter().any(|x| x.addr == u128::from(a6))),
                });
                if !local || a.is_ipv6() != v6 {
                    out.err("ping: bind: Cannot assign requested address\n");
                    return (2, Vec::new());
                }
            }
            Err(_) => match net.ns(ns).and_then(|n| n.index_of(i)) {
                Some(idx) => {
                    oif = idx;
                    from_dev = Some(i.clone());
                }
                None => {
                    out.err(&format!("ping: SO_BINDTODEVICE {i}: No such device\n"));
                    return (2, Vec::new());
                }
            },
        }
    }
    // The probe socket's connect() picks the source.
    let rt = match output_route(net, ns, dst, src, oif, o.mark) {
        Ok(rt) => rt,
        Err(crate::errno::Errno::EACCES) if !v6 => {
            out.err("ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n");
            return (2, Vec::new());
        }
        Err(e) => {
            out.err(&format!("ping: connect: {}\n", e.message()));
            return (2, Vec::new());
        }
    };
    let bound_src = !src.is_unspecified();
    let src = if bound_src { src } else { rt.src };
    let ttl = match o.ttl {
        Some(0) if !v6 => {
            out.err("ping: cannot set unicast time-to-live: Invalid argument\n");
            return (2, Vec::new());
        }
        Some(t) => t as u8,
        None => super::walk::hop_limit(net, ns, dst, oif),
    };
    let from = match (&from_dev, &o.interface) {
        (Some(dev), _) if v6 => {
            out.err(&format!("ping: Warning: source address might be selected on device other than: {dev}\n"));
            format!("from :: {dev}: ")
        }
        (Some(dev), _) => format!("from {} {dev}: ", Ip(src)),
        (None, Some(_)) => format!("from {} : ", Ip(src)),
        _ => String::new(),
    };
    if v6 {
        out.out(&format!("PING {0}({0}) {from}{1} data bytes\n", o.target, o.size));
    } else {
        out.out(&format!("PING {0} ({0}) {from}{1}({2}) bytes of data.\n", Ip(dst), o.size, o.size + 28));
    }
    // Each send looks its route up again, from the bound source only.
    let send_src = if bound_src { src } else { unspecified(v6) };
    let (stats, last_send_us, _end_us, events) = exchange(net, ns, &o, dst, send_src, oif, ttl, out);
    print_summary(&o, &o.target, &stats, last_send_us, out);
    let status = if stats.received == 0 || (o.deadline_ms.is_some() && o.count > 0 && stats.received < o.count) { 1 } else { 0 };
    (status, events)
}

/// Sends the echo requests on schedule and handles what comes back, in
/// virtual-time order. Returns the statistics, the last send time, the end
/// time (µs) and the events.
#[allow(clippy::too_many_arguments)]
fn exchange(
    net: &mut Net,
    ns: NsId,
    o: &Options,
    dst: IpAddr,
    src: IpAddr,
    oif: u32,
    ttl: u8,
    out: &mut Output,
) -> (Stats, u64, u64, Vec<Event>) {
    // Times in µs, held below the clock's end: -i and -w may ask for any
    // number of seconds.
    let end_of_time = Net::MAX_CLOCK_MS * 1000;
    let t0 = net.now_ms.saturating_mul(1000).min(end_of_time);
    let mut stats = Stats::default();
    let mut events = Vec::new();
    let mut pending: Vec<Arrival> = Vec::new();
    let mut sent_at: Vec<u64> = Vec::new();
    let mut last_send = t0;
    // How far retried sends (ENOBUFS) pushed the schedule back.
    let mut slip_us = 0u64;
    let deadline = o.deadline_ms.map(|d| t0.saturating_add(d.saturating_mul(1000)).min(end_of_time));
    let end;
    'run: loop {
        // Without -c or -w, ping runs until interrupted: here it stops
        // as if interrupted after UNBOUNDED_COUNT packets; every run is
        // bounded by MAX_PACKETS.
        let cap = if o.count == 0 && o.deadline_ms.is_none() { UNBOUNDED_COUNT } else { MAX_PACKETS };
        let next_send = (stats.transmitted < cap && (o.count == 0 || stats.transmitted < o.count))
            .then(|| {
                t0.saturating_add(stats.transmitted.saturating_mul(o.interval_ms).saturating_mul(1000))
                    .saturating_add(slip_us)
                    .min(end_of_time)
            })
            .filter(|t| deadline.is_none_or(|d| *t < d))
            // Once the clock has reached its end, no later packet can leave.
            .filter(|t| stats.transmitted == 0 || *t < end_of_time);
        let limit = match (next_send, deadline) {
            (Some(t), _) => t,
            (None, Some(d)) => d,
            (None, None) => last_send.saturating_add(o.wait_ms.saturating_mul(1000)).min(end_of_time),
        };
        crate::sorting::sort_by_key(&mut pending, |a| a.at_us);
        while pending.first().is_some_and(|a| a.at_us <= limit) {
            let a = pending.remove(0);
            let dev = net.ns(ns).and_then(|n| n.link(a.iif)).map(|l| l.name.clone()).unwrap_or_default();
            handle_arrival(&a, &dev, o, &sent_at, &mut stats, out);
            if o.count > 0 && stats.received + stats.errors >= o.count {
                end = a.at_us;
                break 'run;
            }
        }
        let Some(t) = next_send else {
            end = limit;
            break;
        };
        neigh::run_timers(net, t / 1000, &mut events);
        stats.transmitted += 1;
        let seq = stats.transmitted as u16;
        sent_at.push(t);
        last_send = t;
        // IP_PMTUDISC_WANT sets DF on what fits the path (__ip_make_skb).
        let want_df = !o.pmtu_dont && dst.is_ipv4() && {
            let len = o.size.saturating_add(28);
            super::walk::path_mtu(net, ns, dst, src, oif, o.mark, t).is_some_and(|m| len <= m as usize)
        };
        let packet = Datagram {
            src,
            dst,
            ttl,
            dont_fragment: o.dont_fragment || want_df,
            payload: Payload::Icmp(Icmp::EchoRequest { id: o.id, seq, data: o.size }),
        };
        // pinger(): a send the device dropped (ENOBUFS) is tried again
        // after nores_interval while oom_count * nores_interval stays under
        // the linger time (-W), then reported as a hard local error.
        let nores_ms = (o.interval_ms / 2).clamp(MIN_INTERVAL_MS, 500);
        let mut at = t;
        let mut oom = 0u64;
        let sent = loop {
            let mut walk = Walk::new(net);
            let sent = walk.send_marked(ns, packet.clone(), oif, o.mark, at);
            events.append(&mut walk.events);
            // A socket bound to a device (SO_BINDTODEVICE) hears only what
            // comes in on it, or on a port of the VRF it is bound to
            // (`inet_bound_dev_eq` with the l3mdev as sdif).
            let vrf_of = |iif: u32| walk.net.ns(ns).map_or(0, |n| crate::stack::l3mdev::master_ifindex(n, iif));
            let heard: Vec<_> =
                walk.arrivals.drain(..).filter(|a| a.ns == ns && (oif == 0 || a.iif == oif || vrf_of(a.iif) == oif)).collect();
            pending.extend(heard);
            oom += 1;
            if sent != Err(SendError::NoBufs) || oom.saturating_mul(nores_ms) >= o.wait_ms || at >= end_of_time {
                break sent;
            }
            at = at.saturating_add(nores_ms.saturating_mul(1000)).min(end_of_time);
            neigh::run_timers(net, at / 1000, &mut events);
        };
        slip_us = slip_us.saturating_add(at - t);
        match sent {
            Ok(()) => {}
            Err(SendError::TooBig(mtu)) => {
                stats.errors += 1;
                out.err(&format!("ping: local error: message too long, mtu={mtu}\n"));
            }
            Err(SendError::Route(e)) => out.err(&format!("ping: sendmsg: {}\n", e.message())),
            // iputils prints nothing for a request the rules dropped (EPERM).
            Err(SendError::Filtered) => {}
            Err(SendError::NoBufs) => {
                if !o.quiet {
                    out.err("ping: sendmsg: No buffer space available\n");
                }
            }
        }
        if o.count > 0 && stats.received + stats.errors >= o.count {
            end = t;
            break;
        }
    }
    let end_ms = end.div_ceil(1000);
    neigh::run_timers(net, end_ms, &mut events);
    net.advance_clock_to(end_ms);
    (stats, last_send - t0, end, events)
}

/// The sequence number of our echo request an ICMP error quotes.
fn quoted_seq(quoted: &Datagram, our: u16) -> Option<u16> {
    match quoted.payload {
        Payload::Icmp(Icmp::EchoRequest { id, seq, .. }) if id == our => Some(seq),
        _ => None,
    }
}

fn error_text(icmp: &Icmp, v6: bool) -> String {
    if v6 {
        return match icmp {
            Icmp::TimeExceeded { .. } => "Time exceeded: Hop limit".to_string(),
            Icmp::Unreachable { code, mtu, .. } => match *code {
                unreach::NET => "Destination unreachable: No route".to_string(),
                unreach::ADMIN_PROHIBITED => "Destination unreachable: Administratively prohibited".to_string(),
                unreach::HOST => "Destination unreachable: Address unreachable".to_string(),
                unreach::PORT => "Destination unreachable: Port unreachable".to_string(),
                unreach::FRAG_NEEDED => format!("Packet too big: mtu={mtu}"),
                c => format!("Destination unreachable: Unknown code {c}"),
            },
            _ => String::new(),
        };
    }
    match icmp {
        Icmp::TimeExceeded { .. } => "Time to live exceeded".to_string(),
        Icmp::Unreachable { code, mtu, .. } => match *code {
            unreach::NET => "Destination Net Unreachable".to_string(),
            unreach::HOST => "Destination Host Unreachable".to_string(),
            unreach::PORT => "Destination Port Unreachable".to_string(),
            unreach::FRAG_NEEDED => format!("Frag needed and DF set (mtu = {mtu})"),
            unreach::ADMIN_PROHIBITED => "Packet filtered".to_string(),
            // ICMP_PROT_UNREACH, ICMP_NET_ANO, ICMP_HOST_ANO (what REJECT may send).
            2 => "Destination Protocol Unreachable".to_string(),
            9 => "Destination Net Prohibited".to_string(),
            10 => "Destination Host Prohibited".to_string(),
            c => format!("Dest Unreachable, Bad Code: {c}"),
        },
        _ => String::new(),
    }
}

/// How ping names the sender of a datagram: link-local IPv6 sources carry
/// the device they came in on.
fn sender(a: &Arrival, dev: &str) -> String {
    if is_link_local(a.packet.src) { format!("{}%{dev}", Ip(a.packet.src)) } else { Ip(a.packet.src).to_string() }
}

fn handle_arrival(a: &Arrival, dev: &str, o: &Options, sent_at: &[u64], stats: &mut Stats, out: &mut Output) {
    let Payload::Icmp(icmp) = &a.packet.payload else { return };
    let acknowledge = |stats: &mut Stats, seq: u16| {
        let diff = stats.transmitted.saturating_sub(seq as u64);
        stats.pipe = stats.pipe.max(diff + 1);
    };
    match icmp {
        Icmp::EchoReply { id, seq, data } if *id == o.id => {
            let Some(sent) = sent_at.get((*seq as usize).wrapping_sub(1)) else { return };
            stats.received += 1;
            acknowledge(stats, *seq);
            let rtt = a.at_us.saturating_sub(*sent);
            let timed = o.size >= TIMESTAMP_LEN;
            if timed {
                stats.rtts_us.push(rtt);
            }
            if !o.quiet {
                let time = if timed { format!(" time={}", format_rtt(rtt)) } else { String::new() };
                out.out(&format!("{} bytes from {}: icmp_seq={seq} ttl={}{time}\n", data + 8, sender(a, dev), a.packet.ttl));
            }
        }
        Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted } => {
            let Some(seq) = quoted_seq(quoted, o.id) else { return };
            stats.errors += 1;
            acknowledge(stats, seq);
            if !o.quiet {
                out.out(&format!("From {} icmp_seq={seq} {}\n", sender(a, dev), error_text(icmp, a.packet.is_v6())));
            }
        }
        _ => {}
    }
}

/// A round-trip time as ping prints it: three decimals below 1 ms, fewer
/// as it grows, rounded half up in whole microseconds as iputils does.
fn format_rtt(us: u64) -> String {
    if us >= 100_000 - 50 {
        format!("{} ms", (us + 500) / 1000)
    } else if us >= 10_000 - 5 {
        format!("{}.{} ms", (us + 50) / 1000, (us + 50) % 1000 / 100)
    } else if us >= 1000 {
        format!("{}.{:02} ms", (us + 5) / 1000, (us + 5) % 1000 / 10)
    } else {
        format!("{}.{:03} ms", us / 1000, us % 1000)
    }
}

fn ms3(us: u64) -> String {
    format!("{}.{:03}", us / 1000, us % 1000)
}

fn print_summary(o: &Options, target: &str, s: &Stats, elapsed_us: u64, out: &mut Output) {
    let mut line = format!("\n--- {target} ping statistics ---\n{} packets transmitted, {} received", s.transmitted, s.received);
    if s.errors > 0 {
        line += &format!(", +{} errors", s.errors);
    }
    if s.transmitted > 0 {
        let lost = s.transmitted - s.received.min(s.transmitted);
        let loss = crate::decimal::Ratio::new(u128::from(lost) * 100, s.transmitted);
        line += &format!(", {}% packet loss, time {}ms", crate::decimal::general(&loss, 6, false), elapsed_us / 1000);
    }
    line.push('\n');
    let mut tail = String::new();
    if !s.rtts_us.is_empty() {
        let n = s.rtts_us.len() as u64;
        let sum: u64 = s.rtts_us.iter().sum();
        let sum2: u128 = s.rtts_us.iter().map(|&r| (r as u128) * (r as u128)).sum();
        let avg = sum / n;
        let var = (sum2 / n as u128).saturating_sub((avg as u128) * (avg as u128));
        let mdev = var.isqrt() as u64;
        let min = s.rtts_us.iter().min().copied().unwrap_or(0);
        let max = s.rtts_us.iter().max().copied().unwrap_or(0);
        tail = format!("rtt min/avg/max/mdev = {}/{}/{}/{} ms", ms3(min), ms3(avg), ms3(max), ms3(mdev));
    }
    if s.pipe > 1 {
        tail += &format!("{}pipe {}", if tail.is_empty() { "" } else { ", " }, s.pipe);
    }
    let _ = o;
    out.out(&format!("{line}{tail}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_like_iputils() {
        assert_eq!(format_rtt(1_005), "1.01 ms");
        assert_eq!(format_rtt(99_950), "100 ms");
        assert_eq!(format_rtt(134), "0.134 ms");
        assert_eq!(format_rtt(12_345), "12.3 ms");
        assert_eq!(ms3(1_050), "1.050");
    }

    #[test]
    fn huge_counts_and_intervals_end_without_overflow() {
        // -i up to 10^9 s times -c up to i64::MAX used to overflow the
        // µs arithmetic; the clock now stops at Net::MAX_CLOCK_MS.
        use crate::output::Output;
        use crate::shell::Shell;
        let mut shell = Shell::new(Box::new(crate::World::new()));
        let mut o = Output::new();
        shell.run_line("ip link set lo up", &mut o);
        for line in [
            "ping -c 9223372036854775807 -i 999999999 -q 127.0.0.1",
            "ping -w 2147483647 -c 3 -i 999999999.999 -q 127.0.0.1",
            "ping -c 2 -i 999999999 -q 127.0.0.1",
        ] {
            let mut o = Output::new();
            shell.run_line(line, &mut o);
            assert!(o.stdout().contains("packets transmitted"), "{line}: {}", o.combined());
        }
    }
}
