//! `traceroute` as traceroute 2.1 runs it over the packet walk: UDP probes
//! (or ICMP echoes with `-I`) with growing TTLs, one line per hop.

use super::getopt::{GetoptError, getopt};
use super::neigh;
use super::packet::{Datagram, Icmp, Payload, unreach, unspecified};
use super::walk::{Arrival, SendError, Walk, output_route};
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
    };
    for opt in opts {
        let v = opt.value.unwrap_or_default();
        let num =
            |v: &str| crate::text::int::<u64>(v).ok_or_else(|| format!("Cannot handle `-{}' option with arg `{v}' (argc 2)\n", opt.letter));
        match opt.letter {
            'n' => o.numeric = true,
            '6' => o.v6 = true,
            's' => o.source = Some(v),
            'I' => o.icmp = true,
            'm' => {
                let m = num(&v)?;
                if m == 0 || m > 255 {
                    return Err("max hops cannot be more than 255\n".to_string());
                }
                o.max = m as u8;
            }
            'f' => o.first = num(&v)?.clamp(1, 255) as u8,
            'q' => {
                let q = num(&v)?;
                if q == 0 || q > 10 {
                    return Err("no more than 10 probes per hop\n".to_string());
                }
                o.queries = q as u32;
            }
            'w' => {
                let first = v.split(',').next().unwrap_or_default();
                let secs = crate::decimal::parse(first).ok_or_else(|| format!("Cannot handle `-w' option with arg `{v}' (argc 2)\n"))?;
                if (secs.neg && secs.num != 0) || secs.num > 1_000_000 * u128::from(secs.den) {
                    return Err(format!("bad wait specifications `{v}' used\n"));
                }
                o.wait_ms = secs.times(1000).trunc() as u64;
            }
            'p' => o.port = num(&v)?.min(65535) as u16,
            _ => {}
        }
    }
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
    out.out(&format!("traceroute to {0} ({0}), {1} hops max, {2} byte packets\n", Ip(dst), o.max, o.packet_len));
    let src = match output_route(net, ns, dst, bound, 0, 0) {
        Ok(rt) => rt.src,
        Err(e) => {
            out.err(&format!("connect: {}\n", e.message()));
            return (1, Vec::new());
        }
    };
    let data = o.packet_len.saturating_sub(if o.v6 { 48 } else { 28 });
    let mut events = Vec::new();
    let end_of_time = Net::MAX_CLOCK_MS * 1000;
    let mut now = net.now_ms.saturating_mul(1000).min(end_of_time);
    let mut probe_no: u32 = 0;
    for ttl in o.first..=o.max {
        let mut line = format!("{ttl:2} ");
        let mut last_from = None;
        let mut done = false;
        for _ in 0..o.queries {
            neigh::run_timers(net, now / 1000, &mut events);
            let seq = probe_no;
            probe_no += 1;
            let payload = if o.icmp {
                Payload::Icmp(Icmp::EchoRequest { id: ECHO_ID, seq: (seq + 1) as u16, data })
            } else {
                Payload::Udp { sport: SOURCE_PORT, dport: o.port.wrapping_add(seq as u16), data: vec![0; data] }
            };
            let probe = Datagram { src, dst, ttl, dont_fragment: false, payload: payload.clone() };
            let mut walk = Walk::new(net);
            let sent = walk.send(ns, probe, 0, now);
            events.append(&mut walk.events);
            if sent == Err(SendError::Filtered) {
                // send_probe's sendto fails with EPERM: `error("send")`
                // exits before the hop's line is printed.
                out.err("send: Operation not permitted\n");
                net.advance_clock_to(now.div_ceil(1000));
                return (1, events);
            }
            let answer = walk
                .arrivals
                .into_iter()
                .filter(|a| a.ns == ns && answers(a, &payload) && a.at_us <= now + o.wait_ms * 1000)
                .min_by_key(|a| a.at_us);
            match (sent, answer) {
                (Ok(()), Some(a)) => {
                    let from = a.packet.src;
                    if last_from != Some(from) {
                        line += &if o.numeric { format!(" {}", Ip(from)) } else { format!(" {0} ({0})", Ip(from)) };
                        last_from = Some(from);
                    }
                    let rtt = a.at_us - now;
                    line += &format!("  {}.{:03} ms", rtt / 1000, rtt % 1000);
                    let (note, fin) = annotation(&a, dst);
                    line += note;
                    done |= fin;
                    now = a.at_us;
                }
                _ => {
                    line += " *";
                    now = now.saturating_add(o.wait_ms.saturating_mul(1000)).min(end_of_time);
                }
            }
        }
        out.out(&format!("{line}\n"));
        if done {
            break;
        }
    }
    let end_ms = now.div_ceil(1000);
    neigh::run_timers(net, end_ms, &mut events);
    net.advance_clock_to(end_ms);
    (0, events)
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
