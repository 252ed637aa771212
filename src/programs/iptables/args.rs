//! The `iptables` command line read into what it asks for: the table, the
//! command, the rule's matches and target, and the listing's format, with
//! iptables 1.8.9's messages for what it refuses.

use super::nat::{self, NatTo};
use super::values::{address, address6, limit_rate, multiport, port_range};
use super::*;
use super::{mark, simple};

/// What the command line asked for.
pub(super) struct Args {
    pub(super) table: String,
    pub(super) cmd: Option<Cmd>,
    pub(super) spec: Spec,
    pub(super) fmt: Format,
    pub(super) jump: Option<String>,
    /// -Z given with -L: the chain (or all) to zero after listing.
    pub(super) zero: Option<Option<String>>,
}

pub(super) fn parse(args: &[String], v6: bool) -> Result<Args, Fail> {
    let spec = Spec { v6, ..Spec::default() };
    let mut a = Args { table: "filter".into(), cmd: None, spec, fmt: Format::default(), jump: None, zero: None };
    // Whether the conntrack match was loaded as `-m state`.
    let mut state_loaded = false;
    let address = |s: &str| if v6 { address6(s) } else { address(s) };
    let mut i = 0;
    let mut reject_with = None;
    let mut to = None;
    let mut to_ports = None;
    // --random, --random-fully, --persistent: each flag with the word typed.
    let mut nat_flags: Vec<(u32, String)> = Vec::new();
    let mut invert = false;
    let mut log = (4u8, 0u8, String::new());
    // The protocol of the first `-m tcp` or `-m udp`: its options are the
    // ports whatever `-p` says.
    let mut port_match: Option<u8> = None;
    // -j MARK's mark and mask, and the option that gave them.
    let mut mark_target: Option<(u32, u32, String)> = None;
    let next = |i: &mut usize, opt: &str| -> Result<String, Fail> {
        *i += 1;
        args.get(*i).cloned().ok_or_else(|| usage(&format!("option \"{opt}\" requires an argument")))
    };
    // An optional chain name (and for -D/-I a number) after a command.
    let opt_arg = |i: &mut usize| -> Option<String> {
        // xs_has_arg: a word that starts with neither `-` nor `!`.
        let v = args.get(*i + 1).filter(|s| !s.starts_with('-') && !s.starts_with('!'))?.clone();
        *i += 1;
        Some(v)
    };
    let set = |a: &mut Args, c: Cmd| -> Result<(), Fail> {
        if a.cmd.is_some() {
            return Err(usage("Cannot use -A with -D"));
        }
        a.cmd = Some(c);
        Ok(())
    };
    while i < args.len() {
        let w = args[i].as_str();
        match w {
            "-t" | "--table" => a.table = next(&mut i, w)?,
            "-A" | "--append" => {
                let c = next(&mut i, w)?;
                set(&mut a, Cmd::Append(c))?
            }
            "-I" | "--insert" => {
                let c = next(&mut i, w)?;
                let n = opt_arg(&mut i).map(|s| s.parse().map_err(|_| usage(&format!("Invalid rule number `{s}'")))).transpose()?;
                set(&mut a, Cmd::Insert(c, n.unwrap_or(1)))?
            }
            "-D" | "--delete" => {
                let c = next(&mut i, w)?;
                let n = opt_arg(&mut i).map(|s| s.parse().map_err(|_| usage(&format!("Invalid rule number `{s}'")))).transpose()?;
                set(&mut a, Cmd::Delete(c, n))?
            }
            "-C" | "--check" => {
                let c = next(&mut i, w)?;
                set(&mut a, Cmd::Check(c))?
            }
            "-R" | "--replace" => {
                let c = next(&mut i, w)?;
                let n = next(&mut i, w)?;
                let n = n.parse().map_err(|_| usage(&format!("Invalid rule number `{n}'")))?;
                set(&mut a, Cmd::Replace(c, n))?
            }
            "-P" | "--policy" => {
                let c = next(&mut i, w)?;
                let p = next(&mut i, w)?;
                set(&mut a, Cmd::Policy(c, p))?
            }
            "-N" | "--new-chain" => {
                let c = next(&mut i, w)?;
                // XT_EXTENSION_MAXNAMELEN counts the terminating NUL.
                if c.len() >= 29 {
                    return Err(usage(&format!("chain name `{c}' too long (must be under 29 chars)")));
                }
                set(&mut a, Cmd::NewChain(c))?
            }
            "-X" | "--delete-chain" => {
                let c = opt_arg(&mut i);
                set(&mut a, Cmd::DeleteChain(c))?
            }
            "-F" | "--flush" => {
                let c = opt_arg(&mut i);
                set(&mut a, Cmd::Flush(c))?
            }
            "-Z" | "--zero" => {
                let c = opt_arg(&mut i);
                // -L with -Z lists, then zeroes.
                if matches!(a.cmd, Some(Cmd::List(_))) {
                    a.zero = Some(c);
                } else {
                    set(&mut a, Cmd::Zero(c))?
                }
            }
            "-E" | "--rename-chain" => {
                let old = next(&mut i, w)?;
                let new = next(&mut i, w)?;
                set(&mut a, Cmd::Rename(old, new))?
            }
            "-L" | "--list" => {
                let c = opt_arg(&mut i);
                if let Some(Cmd::Zero(z)) = &a.cmd {
                    a.zero = Some(z.clone());
                    a.cmd = None;
                }
                set(&mut a, Cmd::List(c))?
            }
            "-S" | "--list-rules" => {
                let c = opt_arg(&mut i);
                set(&mut a, Cmd::ListRules(c))?
            }
            "-n" | "--numeric" => a.fmt.numeric = true,
            "-v" | "--verbose" => a.fmt.verbose = true,
            "-x" | "--exact" => a.fmt.exact = true,
            "--line-numbers" => a.fmt.line_numbers = true,
            "-s" | "--source" | "-d" | "--destination" => {
                let x = Some(address(&next(&mut i, w)?)?).filter(|x| x.1 != 0);
                let (slot, bit) =
                    if w.starts_with("-s") || w == "--source" { (&mut a.spec.src, INV_SRC) } else { (&mut a.spec.dst, INV_DST) };
                *slot = x;
                if std::mem::take(&mut invert) {
                    a.spec.inv |= bit;
                }
            }
            "-i" | "--in-interface" | "-o" | "--out-interface" => {
                let v = Some(next(&mut i, w)?);
                let (slot, bit) =
                    if w.starts_with("-i") || w == "--in-interface" { (&mut a.spec.iif, INV_IN) } else { (&mut a.spec.oif, INV_OUT) };
                *slot = v;
                if std::mem::take(&mut invert) {
                    a.spec.inv |= bit;
                }
            }
            "-p" | "--protocol" => {
                let p = next(&mut i, w)?;
                if std::mem::take(&mut invert) {
                    a.spec.inv |= INV_PROTO;
                }
                a.spec.proto = match p.as_str() {
                    "all" | "0" => None,
                    "tcp" => Some(6),
                    "udp" => Some(17),
                    "icmp" => Some(1),
                    "ipv6-icmp" | "icmpv6" if v6 => Some(58),
                    n => Some(n.parse().map_err(|_| usage(&format!("unknown protocol \"{n}\" specified")))?),
                }
            }
            "-m" | "--match" => {
                let m = next(&mut i, w)?;
                let loaded = match m.as_str() {
                    "tcp" | "udp" => {
                        port_match.get_or_insert(if m == "tcp" { 6 } else { 17 });
                        Mt::Ports
                    }
                    "icmp" if !v6 => Mt::Icmp,
                    "icmp6" if v6 => Mt::Icmp,
                    "conntrack" | "state" => {
                        state_loaded |= m == "state";
                        Mt::Ct
                    }
                    "multiport" => Mt::Multiport,
                    "comment" => Mt::Comment,
                    "limit" => {
                        // limit_init: 3/hour, burst 5 (XT_LIMIT_AVG, XT_LIMIT_BURST).
                        a.spec.limit.get_or_insert((rule::LIMIT_SCALE * 3600 / 3, 5));
                        Mt::Limit
                    }
                    "iprange" => Mt::IpRange,
                    "addrtype" => Mt::AddrType,
                    "mac" => Mt::Mac,
                    "mark" => Mt::Mark,
                    "pkttype" => Mt::PktType,
                    "length" => Mt::Length,
                    "ttl" if !v6 => Mt::Ttl,
                    _ => {
                        return Err(Fail(
                            format!(
                                "{PROG}: Couldn't load match `{m}':No such file or directory\n\nTry `iptables -h' or 'iptables --help' for more information.\n"
                            ),
                            2,
                        ));
                    }
                };
                a.spec.load(loaded);
            }
            "!" => invert = true,
            "-f" | "--fragment" => {
                if v6 {
                    return Err(usage("`-f' is not supported in IPv6, use -m frag instead"));
                }
                a.spec.fragment = Some(std::mem::take(&mut invert));
            }
            "--sports" | "--source-ports" | "--dports" | "--destination-ports" | "--ports" if a.spec.order.contains(&Mt::Multiport) => {
                multiport(&mut a.spec, w, &next(&mut i, w)?, std::mem::take(&mut invert))?;
            }
            "--comment" if a.spec.order.contains(&Mt::Comment) => {
                let c = next(&mut i, w)?;
                if c.len() > 255 {
                    return Err(usage("COMMENT must be shorter than 256 characters"));
                }
                a.spec.comment = Some(c);
            }
            "--limit" | "--limit-burst" if a.spec.order.contains(&Mt::Limit) => {
                if std::mem::take(&mut invert) {
                    return Err(Fail(format!("{PROG}: limit: option \"{w}\" cannot be inverted.\n\n{HINT}"), 2));
                }
                let v = next(&mut i, w)?;
                let l = a.spec.limit.get_or_insert((0, 5));
                if w == "--limit" {
                    l.0 = limit_rate(&v)?;
                } else {
                    l.1 = v.parse().ok().filter(|n| *n <= 10_000).ok_or_else(|| {
                        Fail(format!("{PROG}: limit: bad value for option \"--limit-burst\", or out of range (0-10000).\n\n{HINT}"), 2)
                    })?;
                }
            }
            "--tcp-flags" | "--syn" if port_match.or(a.spec.proto) == Some(6) => {
                // parse_tcp_flags: comma lists of names, any case.
                let list = |v: &str| -> Result<u8, Fail> {
                    let mut bits = 0;
                    for f in v.split(',') {
                        let b = print::TCP_FLAGS.iter().find(|(n, _)| n.eq_ignore_ascii_case(f)).map(|(_, b)| *b);
                        bits |= b.ok_or_else(|| usage(&format!("Unknown TCP flag `{f}'")))?;
                    }
                    Ok(bits)
                };
                let (mask, cmp) = if w == "--syn" {
                    (0x17, 0x02)
                } else {
                    let m = list(&next(&mut i, w)?)?;
                    (m, list(&next(&mut i, w)?)?)
                };
                a.spec.load(Mt::Ports);
                a.spec.tcp_flags = Some((mask, cmp, std::mem::take(&mut invert)));
            }
            "--src-range" | "--dst-range" if a.spec.order.contains(&Mt::IpRange) => {
                let v = next(&mut i, w)?;
                let (lo, hi) = extra::range(&v, v6).map_err(|bad| usage(&format!("iprange: Bad value for \"{w}\" option: \"{bad}\"")))?;
                let r = a.spec.iprange.get_or_insert_with(Default::default);
                let side = Some((lo, hi, std::mem::take(&mut invert)));
                if w == "--src-range" { r.src = side } else { r.dst = side }
            }
            "--src-type" | "--dst-type" | "--limit-iface-in" | "--limit-iface-out" if a.spec.order.contains(&Mt::AddrType) => {
                let t = a.spec.addrtype.get_or_insert_with(Default::default);
                match w {
                    "--limit-iface-in" => t.flags |= 4,
                    "--limit-iface-out" => t.flags |= 8,
                    _ => {
                        let v = next(&mut i, w)?;
                        let mask = extra::types(&v).map_err(|bad| usage(&format!("addrtype: bad type \"{bad}\"")))?;
                        let inv = std::mem::take(&mut invert);
                        let t = a.spec.addrtype.get_or_insert_with(Default::default);
                        if w == "--src-type" {
                            t.src = mask;
                            t.flags |= u32::from(inv);
                        } else {
                            t.dst = mask;
                            t.flags |= u32::from(inv) << 1;
                        }
                    }
                }
            }
            "--pkt-type" if a.spec.order.contains(&Mt::PktType) => {
                let v = next(&mut i, w)?;
                a.spec.simple.pkttype = Some(simple::pkttype(&v, std::mem::take(&mut invert))?);
            }
            "--length" if a.spec.order.contains(&Mt::Length) => {
                let v = next(&mut i, w)?;
                a.spec.simple.length = Some(simple::length(&v, std::mem::take(&mut invert))?);
            }
            _ if a.spec.order.contains(&Mt::Ttl) && w.strip_prefix("--").is_some_and(|o| simple::TTL_OPTS.contains(&o)) => {
                let v = next(&mut i, w)?;
                let had = a.spec.simple.ttl;
                a.spec.simple.ttl = Some(simple::ttl(&w[2..], &v, std::mem::take(&mut invert), had)?);
            }
            "--mark" if a.spec.order.contains(&Mt::Mark) => {
                if a.spec.mark.is_some() {
                    return Err(Fail(format!("{PROG}: mark: option \"--mark\" can only be used once.\n\n{HINT}"), 2));
                }
                let (mark, mask) = mark::mark_mask("mark", "mark", &next(&mut i, w)?)?;
                a.spec.mark = Some((mark, mask, std::mem::take(&mut invert)));
            }
            _ if a.jump.as_deref() == Some("MARK") && w.strip_prefix("--").is_some_and(|o| mark::TARGET_OPTS.contains(&o)) => {
                let opt = &w[2..];
                if let Some((_, _, had)) = &mark_target {
                    // xtables names the two in the order of the target's option table.
                    let at = |o: &str| mark::TARGET_OPTS.iter().position(|x| *x == o);
                    let (first, second) = if at(had) < at(opt) { (had.as_str(), opt) } else { (opt, had.as_str()) };
                    let why = if had == opt {
                        "can only be used once".to_string()
                    } else {
                        format!("cannot be used together with \"--{second}\"")
                    };
                    return Err(Fail(format!("{PROG}: MARK: option \"--{first}\" {why}.\n\n{HINT}"), 2));
                }
                let (mark, mask) = mark::target(opt, &next(&mut i, w)?)?;
                mark_target = Some((mark, mask, opt.to_string()));
            }
            "--mac-source" if a.spec.order.contains(&Mt::Mac) => {
                let v = next(&mut i, w)?;
                let mac = extra::mac(&v).ok_or_else(|| usage("Invalid MAC address specified."))?;
                a.spec.mac = Some((mac, std::mem::take(&mut invert)));
            }
            "--sport" | "--source-port" | "--dport" | "--destination-port" if matches!(port_match.or(a.spec.proto), Some(6 | 17)) => {
                // libxt_tcp looks a name up as tcp (getservbyname); libxt_udp
                // with xtopt_parse_mport for any protocol (getaddrinfo).
                let r = port_range(&next(&mut i, w)?, port_match.or(a.spec.proto).filter(|p| *p == 6))?;
                a.spec.load(Mt::Ports);
                if std::mem::take(&mut invert) {
                    a.spec.inv |= if w.starts_with("--s") { INV_SPORT } else { INV_DPORT };
                }
                if w.starts_with("--s") {
                    a.spec.sport = Some(r);
                } else {
                    a.spec.dport = Some(r);
                }
            }
            "--icmp-type" | "--icmpv6-type" if a.spec.proto == Some(if v6 { 58 } else { 1 }) && (w == "--icmpv6-type") == v6 => {
                let t = next(&mut i, w)?;
                a.spec.load(Mt::Icmp);
                a.spec.icmp = Some((icmp::parse(&t, v6).map_err(|m| usage(&m))?, std::mem::take(&mut invert)));
            }
            "--ctstate" | "--state" => {
                a.spec.state_match = w == "--state";
                let v = next(&mut i, w)?;
                let mut mask = 0;
                for s in v.split(',') {
                    // conntrack_ps_state: any case; SNAT and DNAT only for --ctstate.
                    let known = print::CTSTATES.iter().filter(|(_, b)| w == "--ctstate" || *b < 64 || *b == 256);
                    let bit = known.clone().find(|(n, _)| n.eq_ignore_ascii_case(s)).map(|(_, b)| *b);
                    mask |= bit.ok_or_else(|| usage(&format!("Bad {} \"{s}\"", &w[2..])))?;
                }
                a.spec.ctstate = Some(mask);
                a.spec.ct_invert = std::mem::take(&mut invert);
                a.spec.load(Mt::Ct);
            }
            _ if w.strip_prefix("--").is_some_and(ctmatch::is_option) && a.spec.order.contains(&Mt::Ct) => {
                let v = next(&mut i, w)?;
                ctmatch::parse(&mut a.spec.ct_more, &w[2..], &v, std::mem::take(&mut invert), v6)?;
            }
            "-j" | "--jump" => a.jump = Some(next(&mut i, w)?),
            "--reject-with" => {
                let v = next(&mut i, w)?;
                reject_with = Some(print::reject_lookup(&v, v6).ok_or_else(|| {
                    // REJECT_parse: the echo replies are named before the error.
                    let echo = ["echo-reply", "echoreply"].iter().any(|n| n.len() >= v.len() && n[..v.len()].eq_ignore_ascii_case(&v));
                    let note = if echo && !v6 { "--reject-with echo-reply no longer supported\n" } else { "" };
                    Fail(format!("{note}{PROG}: unknown reject type \"{v}\"\n{HINT}"), 2)
                })?);
            }
            "--to-source" | "--to-destination" => to = Some(nat::parse_to(&next(&mut i, w)?, v6, a.spec.proto)?),
            _ if nat::flag_of(w).is_some() => nat_flags.extend(nat::flag_of(w).map(|f| (f, w.to_string()))),
            "--to-ports" => to_ports = Some(values::to_ports(&next(&mut i, w)?, a.spec.proto)?),
            "--log-prefix" => log.2 = next(&mut i, w)?.chars().take(29).collect(),
            "--log-level" => {
                let v = next(&mut i, w)?;
                log.0 = print::log_level(&v).ok_or_else(|| {
                    Fail(format!("{PROG}: log level \"{v}\" unknown\n\nTry `iptables -h' or 'iptables --help' for more information.\n"), 2)
                })?;
            }
            f if print::LOG_FLAGS.iter().any(|(_, o)| *o == f) => {
                log.1 |= print::LOG_FLAGS.iter().find(|(_, o)| *o == f).map_or(0, |(b, _)| *b);
            }
            // do_parse's non-option case: "Bad argument" on standard output.
            _ if !w.starts_with('-') => return Err(Fail(format!("Bad argument `{w}'\n{HINT}"), 2)),
            _ => return Err(usage(&format!("unknown option \"{w}\""))),
        }
        i += 1;
    }
    if a.spec.order.contains(&Mt::IpRange) && a.spec.iprange.is_none() {
        return Err(usage("iprange match: You must specify `--src-range' or `--dst-range'"));
    }
    if a.spec.order.contains(&Mt::Ct) && a.spec.ctstate.is_none() && a.spec.ct_more.flags == 0 {
        // state_final_check / conntrack_mt_check: the match needs an option.
        return Err(if state_loaded {
            Fail(format!("{PROG}: state: option \"--state\" must be specified\n\n{HINT}"), 2)
        } else {
            usage("conntrack: At least one option is required")
        });
    }
    simple::check(&a.spec.simple, |m| a.spec.order.contains(&m))?;
    if a.spec.order.contains(&Mt::Mark) && a.spec.mark.is_none() {
        return Err(Fail(format!("{PROG}: mark: option \"--mark\" must be specified\n\n{HINT}"), 2));
    }
    if a.spec.order.contains(&Mt::Multiport) && a.spec.multiport.is_none() {
        return Err(usage("multiport expection an option"));
    }
    // An input chain has no output interface and the other way round.
    let chain = match &a.cmd {
        Some(Cmd::Append(c) | Cmd::Insert(c, _) | Cmd::Replace(c, _) | Cmd::Delete(c, _) | Cmd::Check(c)) => c.as_str(),
        _ => "",
    };
    if a.spec.oif.is_some() && matches!(chain, "INPUT" | "PREROUTING") {
        return Err(Fail(
            format!("{PROG}: Can't use -o with {chain}\n\nTry `iptables -h' or 'iptables --help' for more information.\n"),
            2,
        ));
    }
    if a.spec.iif.is_some() && matches!(chain, "OUTPUT" | "POSTROUTING") {
        return Err(Fail(
            format!("{PROG}: Can't use -i with {chain}\n\nTry `iptables -h' or 'iptables --help' for more information.\n"),
            2,
        ));
    }
    if let Some(j) = &a.jump {
        // A flag option the target does not take is unknown to it.
        let allowed = nat::allowed_flags(j);
        if let Some((_, w)) = nat_flags.iter().find(|(f, _)| allowed & f == 0) {
            return Err(nat::unknown_option(w));
        }
        let flags = nat_flags.iter().fold(0, |acc, (f, _)| acc | f);
        a.spec.target = match j.as_str() {
            "ACCEPT" => Target::Accept,
            "DROP" => Target::Drop,
            "RETURN" => Target::Return,
            "REJECT" => Target::Reject(reject_with.unwrap_or(if v6 { 4 } else { 3 })),
            "MASQUERADE" => Target::Masquerade(NatTo { ports: to_ports, flags, ..NatTo::default() }),
            "LOG" => Target::Log(log.0, log.1, log.2.clone()),
            "MARK" => {
                let (mark, mask, _) = mark_target
                    .clone()
                    .ok_or_else(|| usage("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required"))?;
                Target::Mark(mark, mask)
            }
            "REDIRECT" => Target::Redirect(NatTo { ports: to_ports, flags, ..NatTo::default() }),
            "SNAT" | "DNAT" => {
                let to = to.ok_or_else(|| {
                    let opt = if j == "SNAT" { "source" } else { "destination" };
                    Fail(format!("{PROG}: {j}: option \"--to-{opt}\" must be specified\n\nTry `iptables -h' or 'iptables --help' for more information.\n"), 2)
                })?;
                let to = NatTo { flags, ..to };
                if j == "SNAT" { Target::Snat(to) } else { Target::Dnat(to) }
            }
            other => Target::Jump(other.to_string()),
        };
    }
    // add_nft_tcp / add_nft_udp: ports and flags become the transport
    // header's fields, which only the rule's own protocol has.
    let has_ports = a.spec.sport.is_some() || a.spec.dport.is_some() || a.spec.tcp_flags.is_some();
    if let Some(p) = port_match.filter(|p| has_ports && a.spec.proto != Some(*p)) {
        return Err(usage(if p == 6 { "TCP match requires '-p tcp'" } else { "UDP match requires '-p udp'" }));
    }
    Ok(a)
}
