//! `traceroute` as traceroute 2.1 runs it over the packet walk: UDP probes
//! (or ICMP echoes with `-I`) with growing TTLs, one line per hop.

use super::getopt::{GetoptError, getopt};
use super::neigh;
use super::packet::{Datagram, Icmp, Payload, unreach, unspecified};
use super::walk::{Arrival, SendError, Walk, output_route};
use crate::decimal::Ratio;
use crate::output::Output;
use crate::stack::{Event, Net, NsId};
use crate::text::Ip;
use std::net::IpAddr;

/// The first destination port of UDP probes.
const BASE_PORT: u16 = 33434;
/// The identifier of `-I` echo probes.
const ECHO_ID: u16 = 0x7472;
/// The source port of UDP probes.
const SOURCE_PORT: u16 = 47000;
/// Probes in flight at once by default (`DEF_SIM_PROBES`).
const DEF_SIM_PROBES: usize = 16;
/// A hop's answered probe times this is how long its others wait (`DEF_HERE_FACTOR`).
const DEF_HERE_FACTOR: u64 = 3;
/// A later hop's answered probe times this is how long a probe waits (`DEF_NEAR_FACTOR`).
const DEF_NEAR_FACTOR: u64 = 10;
/// Added to a measured time before it is multiplied (`DEF_WAIT_PREC`), µs.
const WAIT_PREC_US: u64 = 1000;
/// How long sending one probe takes (a socket, connect, sendto), µs.
const SEND_US: u64 = 2;

struct Options {
    v6: bool,
    source: Option<String>,
    numeric: bool,
    icmp: bool,
    first: u8,
    max: u8,
    queries: u32,
    wait_ms: u64,
    port: u16,
    target: String,
    packet_len: usize,
    /// Probes in flight at once (`-N`, `sim_probes`).
    sim: usize,
    /// `-w MAX,HERE,NEAR`'s factors (`here_factor`, `near_factor`),
    /// exact decimals as typed (never negative once parsed).
    here: Ratio,
    near: Ratio,
    /// Least time between two sends, µs (`-z`, `send_secs`).
    send_gap_us: u64,
}

fn bad(out: &mut Output, msg: &str) -> (i32, Vec<Event>) {
    out.err(msg);
    (2, Vec::new())
}

const USAGE: &str = "Usage:\n  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ] [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ] [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]\n";

fn parse(args: &[String]) -> Result<Options, String> {
    let (opts, operands) = getopt(args, "mqwfpNzs", "nI46").map_err(|e| match e {
        GetoptError::Invalid(c) => format!("Bad option `-{c}' (argc 1)\n"),
        GetoptError::MissingValue(c) => format!("Option `-{c}' (argc 1) requires an argument\n"),
    })?;
    let mut o = Options {
        v6: false,
        source: None,
        numeric: false,
        icmp: false,
        first: 1,
        max: 30,
        queries: 3,
        wait_ms: 5000,
        port: BASE_PORT,
        target: String::new(),
        packet_len: 60,
        sim: DEF_SIM_PROBES,
        here: Ratio::new(u128::from(DEF_HERE_FACTOR), 1),
        near: Ratio::new(u128::from(DEF_NEAR_FACTOR), 1),
        send_gap_us: 0,
    };
    // main's range checks come after the whole line is parsed.
    let (mut first, mut max, mut queries) = (1u64, 30u64, 3u64);
    let mut wait = Ratio::new(5, 1);
    for opt in opts {
        let v = opt.value.unwrap_or_default();
        // CLIF names the word that held the value by its place in argv.
        let argc = args.iter().position(|a| *a == v || (a.starts_with('-') && a.ends_with(v.as_str()))).map_or(2, |i| i + 1);
        let cannot = |v: &str| format!("Cannot handle `-{}' option with arg `{v}' (argc {argc})\n", opt.letter);
        let num = |v: &str| crate::text::int::<u64>(v).ok_or_else(|| cannot(v));
        match opt.letter {
            'n' => o.numeric = true,
            '6' => o.v6 = true,
            's' => o.source = Some(v),
            'I' => o.icmp = true,
            'm' => max = num(&v)?,
            'f' => first = num(&v)?,
            'q' => queries = num(&v)?,
            'N' => o.sim = usize::try_from(num(&v)?).unwrap_or(usize::MAX).max(1),
            'z' => {
                let secs = crate::decimal::parse(&v).ok_or_else(|| cannot(&v))?;
                if secs.neg && secs.num != 0 {
                    return Err(format!("bad sendtime `{v}' specified\n"));
                }
                // A value of 10 or more is milliseconds.
                let scale = if secs.num >= 10 * u128::from(secs.den) { 1000 } else { 1_000_000 };
                o.send_gap_us = u64::try_from(secs.times(scale).trunc()).unwrap_or(u64::MAX);
            }
            'w' => {
                // set_wait_specs: MAX[,HERE[,NEAR]], the factors 0 unless given.
                let mut parts = v.split(',');
                let value = |p: Option<&str>| match p {
                    None => Ok(Ratio::new(0, 1)),
                    Some(p) => crate::decimal::parse(p.trim_start()).ok_or_else(|| cannot(&v)),
                };
                wait = value(parts.next())?;
                o.here = value(parts.next())?;
                o.near = value(parts.next())?;
                if parts.next().is_some() {
                    return Err(cannot(&v));
                }
            }
            'p' => o.port = num(&v)?.min(65535) as u16,
            _ => {}
        }
    }
    if first == 0 || first > max {
        return Err("first hop out of range\n".to_string());
    }
    if max > 255 {
        return Err("max hops cannot be more than 255\n".to_string());
    }
    if queries == 0 || queries > 10 {
        return Err("no more than 10 probes per hop\n".to_string());
    }
    // A minus sign before a zero is still no negative value (`-0 < 0` is false).
    if [&wait, &o.here, &o.near].iter().any(|r| r.neg && r.num != 0) {
        // %g, whose sign `general` leaves to its caller (a -0 prints as such).
        let g = |r: &Ratio| format!("{}{}", if r.neg { "-" } else { "" }, crate::decimal::general(r, 6, false));
        return Err(format!("bad wait specifications `{},{},{}' used\n", g(&wait), g(&o.here), g(&o.near)));
    }
    (o.first, o.max, o.queries) = (first as u8, max as u8, queries as u32);
    // At most a million seconds are waited (the virtual clock's bounds).
    o.wait_ms = u64::try_from(wait.times(1000).trunc()).unwrap_or(u64::MAX).min(1_000_000_000);
    let mut it = operands.into_iter();
    o.target = it.next().ok_or_else(|| USAGE.to_string())?;
    o.v6 |= o.target.as_bytes().contains(&b':');
    let header = if o.v6 { 48 } else { 28 };
    o.packet_len = header + 32;
    if let Some(len) = it.next() {
        o.packet_len = crate::text::int::<usize>(&len)
            .ok_or_else(|| format!("Cannot handle \"packetlen\" cmdline arg `{len}' on position 2 (argc 2)\n"))?
            .clamp(header, 65000);
    }
    Ok(o)
}

/// Runs `traceroute ARGS` in `ns`; returns the exit status and the
/// neighbour events the probes caused.
pub fn run(net: &mut Net, ns: NsId, args: &[String], out: &mut Output) -> (i32, Vec<Event>) {
    let o = match parse(args) {
        Ok(o) => o,
        Err(msg) => return bad(out, &msg),
    };
    let dst: IpAddr = match crate::text::parse_ip(&o.target).ok_or(()) {
        Ok(a) if a.is_ipv6() == o.v6 => a,
        _ => {
            return bad(
                out,
                &format!(
                    "{}: Name or service not known\nCannot handle \"host\" cmdline arg `{}' on position 1 (argc {})\n",
                    o.target,
                    o.target,
                    args.len()
                ),
            );
        }
    };
    let bound = match &o.source {
        None => unspecified(o.v6),
        Some(s) => match crate::text::parse_ip(s).ok_or(()) {
            Ok(a) if a.is_ipv6() == o.v6 => a,
            _ => return bad(out, &format!("{s}: Name or service not known\nCannot handle `-s' option with arg `{s}' (argc 2)\n")),
        },
    };
    let header = format!("traceroute to {0} ({0}), {1} hops max, {2} byte packets", Ip(dst), o.max, o.packet_len);
    let src = match output_route(net, ns, dst, bound, 0, 0) {
        Ok(rt) => rt.src,
        Err(e) => {
            out.out(&header);
            out.err(&format!("\nconnect: {}\n", e.message()));
            return (1, Vec::new());
        }
    };
    let data = o.packet_len.saturating_sub(if o.v6 { 48 } else { 28 });
    let mut t =
        Trace { net, ns, o: &o, src, dst, data, probes: Vec::new(), events: Vec::new(), now: 0, stdout: String::new(), failure: "" };
    let end_of_time = Net::MAX_CLOCK_MS * 1000;
    t.now = t.net.now_ms.saturating_mul(1000).min(end_of_time);
    let per_hop = o.queries as usize;
    t.probes = vec![Probe::default(); usize::from(o.max) * per_hop];
    let status = t.run(per_hop);
    out.out(&header);
    out.out(&t.stdout);
    if status != 0 {
        // A send failed: `error()` prints a new line and perror's
        // message, and exits.
        out.err(&format!("\n{}\n", t.failure));
    } else {
        out.out("\n");
    }
    let end_ms = t.now.min(end_of_time).div_ceil(1000);
    let mut events = std::mem::take(&mut t.events);
    neigh::run_timers(net, end_ms, &mut events);
    net.advance_clock_to(end_ms);
    (status, events)
}

/// What came back for a probe.
#[derive(Debug, Clone)]
struct Answer {
    /// When, µs.
    at: u64,
    /// Who answered.
    from: IpAddr,
    /// The answer's TTL or hop limit (`recv_ttl`).
    ttl: u8,
    /// What traceroute prints after the time (`err_str`).
    note: &'static str,
    /// Whether the trace ends at this hop (`final`).
    fin: bool,
}

/// One probe of traceroute's table (`struct probe`).
#[derive(Debug, Clone, Default)]
struct Probe {
    /// When it was sent, µs (`send_time`; `Some(0)` marks a probe whose
    /// result moved to an earlier place and that is never sent).
    sent: Option<u64>,
    /// Whether it is settled, answered or expired (`done`).
    done: bool,
    /// The answer taken (`res`, `recv_time`, ...).
    got: Option<Answer>,
    /// The answer on its way, not yet read.
    pending: Option<Answer>,
}

impl Probe {
    fn fin(&self) -> bool {
        self.got.as_ref().is_some_and(|a| a.fin)
    }
    fn rtt(&self) -> Option<u64> {
        Some(self.got.as_ref()?.at.saturating_sub(self.sent?))
    }
}

/// A traceroute run: traceroute 2.1's `do_it` on the virtual clock.
struct Trace<'a> {
    net: &'a mut Net,
    ns: NsId,
    o: &'a Options,
    src: IpAddr,
    dst: IpAddr,
    data: usize,
    probes: Vec<Probe>,
    events: Vec<Event>,
    /// The virtual clock, µs.
    now: u64,
    stdout: String,
    /// perror's line for the send that failed and ended the run.
    failure: &'static str,
}

/// The number of hops back an answer's TTL tells (`ttl2hops`: initial
/// TTLs of 64, 128 or 255 assumed).
fn ttl2hops(ttl: u8) -> i64 {
    let ttl = i64::from(ttl);
    (if ttl <= 64 {
        65
    } else if ttl <= 128 {
        129
    } else {
        256
    }) - ttl
}

impl Trace<'_> {
    /// `do_it`: keeps up to `sim` probes in flight from the first one not
    /// printed, prints each as soon as it and all before it are settled,
    /// expires the first one after its timeout, and stops after the hop
    /// of a final answer. Returns the exit status.
    fn run(&mut self, per_hop: usize) -> i32 {
        let mut start = (usize::from(self.o.first) - 1) * per_hop;
        let mut end = self.probes.len();
        let mut last_send = 0u64;
        // Every round settles a probe or moves the clock; bounded anyway.
        for _ in 0..1_000_000 {
            if start >= end {
                break;
            }
            let mut num = 0;
            let mut next_time: Option<u64> = None;
            let now_time = self.now;
            let mut n = start;
            while n < end {
                if n == start && !self.probes[n].done {
                    if let Some(sent) = self.probes[n].sent {
                        let expire = sent.saturating_add(self.timeout(n, per_hop));
                        if expire > now_time {
                            next_time = Some(expire);
                        } else {
                            // expire_probe: settled without an answer.
                            self.probes[n].done = true;
                            self.probes[n].pending = None;
                            self.check_expired(n, per_hop);
                        }
                    }
                }
                if self.probes[n].done {
                    if n == start {
                        self.print(n, per_hop);
                        start += 1;
                    }
                    if self.probes[n].fin() {
                        end = (n / per_hop + 1) * per_hop;
                    }
                    n += 1;
                    continue;
                }
                if self.probes[n].sent.is_none() {
                    if self.o.send_gap_us > 0 && last_send > 0 && last_send + self.o.send_gap_us > now_time {
                        next_time = Some(last_send + self.o.send_gap_us);
                        break;
                    }
                    if !self.send(n, per_hop) {
                        return 1;
                    }
                    last_send = self.probes[n].sent.unwrap_or(self.now);
                }
                if next_time.is_none() {
                    let sent = self.probes[n].sent.unwrap_or(self.now);
                    next_time = Some(sent.saturating_add(self.timeout(n, per_hop)));
                }
                num += 1;
                if num >= self.o.sim {
                    break;
                }
                n += 1;
            }
            if let Some(until) = next_time {
                self.poll(until);
            }
        }
        0
    }

    /// `do_poll` until `until`: the clock moves to the first answer on its
    /// way, or to `until`; what has arrived by then is read.
    fn poll(&mut self, until: u64) {
        let first = self.probes.iter().filter(|p| !p.done).filter_map(|p| p.pending.as_ref().map(|a| a.at)).min();
        self.now = match first {
            Some(at) if at <= until => self.now.max(at),
            _ => self.now.max(until),
        };
        let now = self.now;
        for p in self.probes.iter_mut().filter(|p| !p.done) {
            if p.pending.as_ref().is_some_and(|a| a.at <= now) {
                p.got = p.pending.take();
                p.done = true;
            }
        }
    }

    /// `send_probe` for probe `n`: walks it out now and keeps the answer
    /// it gets for later. False when the send failed (EPERM, ENOBUFS).
    fn send(&mut self, n: usize, per_hop: usize) -> bool {
        neigh::run_timers(self.net, self.now / 1000, &mut self.events);
        let ttl = u8::try_from(n / per_hop + 1).unwrap_or(u8::MAX);
        let seq = n as u32;
        let payload = if self.o.icmp {
            Payload::Icmp(Icmp::EchoRequest { id: ECHO_ID, seq: (seq + 1) as u16, data: self.data })
        } else {
            Payload::Udp { sport: SOURCE_PORT, dport: self.o.port.wrapping_add(seq as u16), data: vec![0; self.data] }
        };
        let probe = Datagram { src: self.src, dst: self.dst, ttl, dont_fragment: false, payload: payload.clone() };
        let at = self.now;
        let mut walk = Walk::new(self.net);
        let sent = walk.send(self.ns, probe, 0, at);
        self.events.append(&mut walk.events);
        match sent {
            // do_send's sendto failed with EPERM: error("send").
            Err(SendError::Filtered) => {
                self.failure = "send: Operation not permitted";
                return false;
            }
            // do_send hands ENOBUFS back; do_it gives up: error("send probe").
            Err(SendError::NoBufs) => {
                self.failure = "send probe: No buffer space available";
                return false;
            }
            _ => {}
        }
        let ns = self.ns;
        let answer = walk.arrivals.into_iter().filter(|a| a.ns == ns && answers(a, &payload)).min_by_key(|a| a.at_us);
        let dst = self.dst;
        self.probes[n].sent = Some(at);
        self.probes[n].pending = match (sent, answer) {
            (Ok(()), Some(a)) => {
                let (note, fin) = annotation(&a, dst);
                Some(Answer { at: a.at_us, from: a.packet.src, ttl: a.packet.ttl, note, fin })
            }
            _ => None,
        };
        self.now += SEND_US;
        true
    }

    /// How long probe `n` is waited for (`get_timeout`), µs: `here` times
    /// an answered probe's time of the same hop, else `near` times that of
    /// a later probe already sent, at most the wait given.
    fn timeout(&self, n: usize, per_hop: usize) -> u64 {
        let wait = self.o.wait_ms.saturating_mul(1000);
        let scaled = |rtt: u64, factor: &Ratio| -> u64 {
            let v = Ratio::new(u128::from(rtt.saturating_add(WAIT_PREC_US)).saturating_mul(factor.num), factor.den).trunc();
            u64::try_from(v).ok().filter(|&v| v < wait).unwrap_or(wait)
        };
        if self.o.here.num != 0 {
            let first = n - n % per_hop;
            if let Some(rtt) = self.probes[first..first + per_hop].iter().filter(|p| p.done).filter_map(Probe::rtt).find(|&r| r > 0) {
                return scaled(rtt, &self.o.here);
            }
        }
        if self.o.near.num != 0 {
            for p in self.probes[n + 1..].iter().take_while(|p| p.sent.is_some()) {
                if let Some(rtt) = p.rtt().filter(|&r| r > 0 && p.done) {
                    return scaled(rtt, &self.o.near);
                }
            }
        }
        wait
    }

    /// `check_expired`: an expired probe followed (after more silence) by
    /// a final error answer takes that answer when it seems to belong to
    /// this hop (the final hop may drop some of the probes sent at once).
    fn check_expired(&mut self, idx: usize, per_hop: usize) {
        let first = idx - idx % per_hop;
        let mut pfp = false;
        for p in &self.probes[first..idx] {
            if !p.done || !p.fin() {
                return;
            }
            pfp = true;
        }
        let mut fp = None;
        for (i, p) in self.probes.iter().enumerate().skip(idx + 1) {
            if p.sent.is_none() {
                break;
            }
            if p.done {
                if !p.fin() {
                    return;
                }
                fp = Some(i);
                break;
            }
        }
        let Some(f) = fp else { return };
        let Some(fa) = self.probes[f].got.clone() else { return };
        if fa.note.is_empty() {
            return;
        }
        let replace = pfp
            || idx % per_hop + (f - idx) < per_hop
            || self.probes[..idx].iter().any(|p| p.got.as_ref().is_some_and(|a| a.from == fa.from))
            || {
                let mut back_hops = ttl2hops(fa.ttl);
                for (i, p) in self.probes[..idx].iter().enumerate().rev() {
                    if let Some(a) = p.got.as_ref().filter(|a| p.done && !a.fin) {
                        let hops = ttl2hops(a.ttl);
                        if hops < back_hops {
                            back_hops = back_hops - hops + (i / per_hop + 1) as i64;
                            break;
                        }
                    }
                }
                back_hops <= (idx / per_hop + 1) as i64
            };
        if replace {
            self.probes[idx] = std::mem::take(&mut self.probes[f]);
            // The emptied place is never sent again (send_time = 1).
            self.probes[f].sent = Some(0);
        }
    }

    /// `print_probe`: a hop's number before its first probe, the address
    /// when it differs from the last one answered in the hop, the time and
    /// the note.
    fn print(&mut self, n: usize, per_hop: usize) {
        let np = n % per_hop;
        if np == 0 {
            self.stdout += &format!("\n{:2} ", n / per_hop + 1);
        }
        let p = &self.probes[n];
        match &p.got {
            None => self.stdout += " *",
            Some(a) => {
                let previous = self.probes[n - np..n].iter().rev().find_map(|q| q.got.as_ref());
                if previous.is_none_or(|q| q.from != a.from) {
                    self.stdout += &if self.o.numeric { format!(" {}", Ip(a.from)) } else { format!(" {0} ({0})", Ip(a.from)) };
                }
                if let Some(rtt) = p.rtt() {
                    self.stdout += &format!("  {}.{:03} ms", rtt / 1000, rtt % 1000);
                }
                self.stdout += a.note;
            }
        }
    }
}

/// Whether an arrival answers the probe that carried `probe`.
fn answers(a: &Arrival, probe: &Payload) -> bool {
    match &a.packet.payload {
        Payload::Icmp(Icmp::EchoReply { id, seq, .. }) => {
            matches!(probe, Payload::Icmp(Icmp::EchoRequest { id: i, seq: s, .. }) if i == id && s == seq)
        }
        Payload::Icmp(Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => &quoted.payload == probe,
        _ => false,
    }
}

/// The mark traceroute prints after a probe's time, and whether the trace
/// ends at this hop.
fn annotation(a: &Arrival, dst: IpAddr) -> (&'static str, bool) {
    match &a.packet.payload {
        Payload::Icmp(Icmp::EchoReply { .. }) => ("", true),
        Payload::Icmp(Icmp::TimeExceeded { .. }) => ("", false),
        Payload::Icmp(Icmp::Unreachable { code, .. }) => match *code {
            unreach::PORT if a.packet.src == dst => ("", true),
            unreach::PORT => (" !", true),
            unreach::NET => (" !N", true),
            unreach::HOST => (" !H", true),
            unreach::FRAG_NEEDED => (" !F", true),
            unreach::ADMIN_PROHIBITED => (" !X", true),
            _ => (" !<?>", true),
        },
        _ => ("", false),
    }
}
