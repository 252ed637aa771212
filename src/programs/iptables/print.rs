//! What `iptables -L`, `iptables -S` and `iptables-save` print
//! (iptables/xshared.c print_firewall, nft-ipv4.c save_firewall, the
//! print and save functions of the matches and targets).

use crate::text::Ip;
use std::net::IpAddr;

use super::nat;
use super::rule::{INV_DPORT, INV_DST, INV_IN, INV_OUT, INV_PROTO, INV_SPORT, INV_SRC, Mt, Multiport, Spec, Target};

/// A chain as the listing shows it.
pub struct ChainView {
    /// Its name.
    pub name: String,
    /// The policy of a built-in chain ("ACCEPT"/"DROP") with its counters.
    pub policy: Option<(&'static str, (u64, u64))>,
    /// How many rules jump to it (user chains).
    pub references: usize,
    /// Its rules with their counters.
    pub rules: Vec<(Spec, (u64, u64))>,
}

/// Listing options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Format {
    /// -n.
    pub numeric: bool,
    /// -v.
    pub verbose: bool,
    /// --line-numbers.
    pub line_numbers: bool,
    /// -x.
    pub exact: bool,
}

fn port_name(p: u16, udp: bool, numeric: bool) -> String {
    match crate::programs::services::name(p, udp) {
        Some(n) if !numeric => n.to_string(),
        _ => p.to_string(),
    }
}

/// Protocol names iptables knows.
pub fn proto_name(p: u8) -> Option<&'static str> {
    Some(match p {
        1 => "icmp",
        6 => "tcp",
        17 => "udp",
        58 => "ipv6-icmp",
        _ => return None,
    })
}

/// The name of an ICMP type, if it has one.
pub fn icmp_name(t: u8) -> Option<&'static str> {
    super::icmp::icmp_name(t)
}

/// `--reject-with` names (enum ipt_reject_with).
pub const REJECT_WITH: &[&str] = &[
    "icmp-net-unreachable",
    "icmp-host-unreachable",
    "icmp-proto-unreachable",
    "icmp-port-unreachable",
    "icmp-echo-reply",
    "icmp-net-prohibited",
    "icmp-host-prohibited",
    "tcp-reset",
    "icmp-admin-prohibited",
];

/// `--reject-with` names of ip6tables (enum ip6t_reject_with).
pub const REJECT_WITH6: &[&str] = &[
    "icmp6-no-route",
    "icmp6-adm-prohibited",
    "icmp6-not-neighbour",
    "icmp6-addr-unreachable",
    "icmp6-port-unreachable",
    "icmp6-echo-reply",
    "tcp-reset",
    "icmp6-policy-fail",
    "icmp6-reject-route",
];

/// The short aliases of the reject types, by the same index ("" where
/// libipt_REJECT/libip6t_REJECT offer no entry: the echo replies, not-neighbour).
const REJECT_ALIAS: &[&str] =
    &["net-unreach", "host-unreach", "proto-unreach", "port-unreach", "", "net-prohib", "host-prohib", "tcp-rst", "admin-prohib"];
const REJECT_ALIAS6: &[&str] =
    &["no-route", "adm-prohibited", "", "addr-unreach", "port-unreach", "", "tcp-reset", "policy-fail", "reject-route"];

/// REJECT_parse: the first type in table order whose name or alias starts
/// with `v`, in any case.
pub fn reject_lookup(v: &str, v6: bool) -> Option<u32> {
    let (names, aliases) = if v6 { (REJECT_WITH6, REJECT_ALIAS6) } else { (REJECT_WITH, REJECT_ALIAS) };
    let starts = |n: &str| n.len() >= v.len() && n.as_bytes()[..v.len()].eq_ignore_ascii_case(v.as_bytes());
    let found = names.iter().zip(aliases).position(|(n, a)| !a.is_empty() && (starts(n) || starts(a)))?;
    u32::try_from(found).ok()
}

/// The name of a reject type in the family of `s`.
pub fn reject_name(s: &Spec, with: u32) -> &'static str {
    let (names, port) = if s.v6 { (REJECT_WITH6, 4) } else { (REJECT_WITH, 3) };
    names.get(with as usize).or(names.get(port)).copied().unwrap_or("")
}

/// Connection states in the order iptables prints them, with their bits.
/// (XT_CONNTRACK_STATE_*: UNTRACKED 1 << 8, SNAT 1 << 6, DNAT 1 << 7).
pub const CTSTATES: &[(&str, u16)] =
    &[("INVALID", 1), ("NEW", 8), ("RELATED", 4), ("ESTABLISHED", 2), ("UNTRACKED", 256), ("SNAT", 64), ("DNAT", 128)];

/// States as iptables lists them (INVALID, NEW, RELATED, ESTABLISHED,
/// UNTRACKED, SNAT, DNAT).
pub fn ctstate_text(mask: u16) -> String {
    CTSTATES.iter().filter(|(_, b)| mask & b != 0).map(|(n, _)| *n).collect::<Vec<_>>().join(",")
}

fn ports_text(out: &mut String, label: &str, (lo, hi): (u16, u16), udp: bool, numeric: bool, inv: bool) {
    let bang = if inv { "!" } else { "" };
    if lo == hi {
        out.push_str(&format!(" {label}:{bang}{}", port_name(lo, udp, numeric)));
    } else {
        out.push_str(&format!(" {label}s:{bang}{}:{}", port_name(lo, udp, numeric), port_name(hi, udp, numeric)));
    }
}

fn target_name(t: &Target) -> String {
    match t {
        Target::None => String::new(),
        Target::Accept => "ACCEPT".into(),
        Target::Drop => "DROP".into(),
        Target::Return => "RETURN".into(),
        Target::Jump(c) => c.clone(),
        Target::Reject(_) => "REJECT".into(),
        Target::Masquerade(_) => "MASQUERADE".into(),
        Target::Snat(..) => "SNAT".into(),
        Target::Dnat(..) => "DNAT".into(),
        Target::Redirect(_) => "REDIRECT".into(),
        Target::Log(..) => "LOG".into(),
        Target::Mark(..) => "MARK".into(),
    }
}

/// The match and target texts after the addresses in `-L`.
fn extras(s: &Spec, numeric: bool) -> String {
    let mut out = String::new();
    for m in s.matches() {
        match m {
            Mt::Ports if s.sport.is_some() || s.dport.is_some() || s.tcp_flags.is_some() => {
                out.push_str(&format!(" {}", s.proto.and_then(proto_name).unwrap_or("tcp")));
                if let Some(p) = s.sport {
                    ports_text(&mut out, "spt", p, s.proto == Some(17), numeric, s.inv & INV_SPORT != 0);
                }
                if let Some(p) = s.dport {
                    ports_text(&mut out, "dpt", p, s.proto == Some(17), numeric, s.inv & INV_DPORT != 0);
                }
                if let Some((mask, cmp, inv)) = s.tcp_flags {
                    let bang = if inv { "!" } else { "" };
                    if numeric {
                        out.push_str(&format!(" flags:{bang}0x{mask:02X}/0x{cmp:02X}"));
                    } else {
                        out.push_str(&format!(" flags:{bang}{}/{}", tcp_flags_text(mask), tcp_flags_text(cmp)));
                    }
                }
            }
            Mt::Icmp => {
                if let Some((t, inv)) = s.icmp {
                    let name = if s.v6 { "ipv6-icmp" } else { "icmp" };
                    out.push_str(&format!(" {name}{}", super::icmp::text(t, inv, s.v6, numeric)));
                }
            }
            Mt::Ct => {
                if let Some(m) = s.ctstate {
                    let bang = if s.ct_invert { " !" } else { "" };
                    out.push_str(&format!("{bang} {}state {}", if s.state_match { "" } else { "ct" }, ctstate_text(m)));
                }
                out.push_str(&super::ctmatch::text(&s.ct_more, "", s.v6, numeric));
            }
            Mt::Multiport => {
                if let Some(mp) = &s.multiport {
                    // libxt_multiport print_v1: `multiport dports ` then `!` and the list.
                    let which = ["sports", "dports", "ports"].get(usize::from(mp.which)).copied().unwrap_or("ports");
                    let udp = s.proto == Some(17);
                    let list = multiport_list(mp, |p| port_name(p, udp, numeric));
                    out.push_str(&format!(" multiport {which} {}{list}", if mp.invert { " !" } else { "" }));
                }
            }
            Mt::Comment => {
                if let Some(c) = &s.comment {
                    out.push_str(&format!(" /* {c} */"));
                }
            }
            Mt::Limit => {
                if let Some((avg, burst)) = s.limit {
                    out.push_str(&format!(" limit: avg {} burst {burst}", rate_text(avg)));
                }
            }
            Mt::IpRange => out.push_str(&super::extra::list(s.iprange.as_ref(), None, None)),
            Mt::AddrType => out.push_str(&super::extra::list(None, s.addrtype.as_ref(), None)),
            Mt::Mac => out.push_str(&super::extra::list(None, None, s.mac)),
            Mt::Mark => out.push_str(&s.mark.map(super::mark::match_list).unwrap_or_default()),
            Mt::PktType | Mt::Length | Mt::Ttl => out.push_str(&super::simple::list(&s.simple, m)),
            _ => {}
        }
    }
    match &s.target {
        Target::Reject(w) => out.push_str(&format!(" reject-with {}", reject_name(s, *w))),
        Target::Mark(mark, mask) => out.push_str(&super::mark::target_list(*mark, *mask)),
        Target::Snat(n) | Target::Dnat(n) => out.push_str(&format!(" to:{}{}", nat::range_text(n), nat::flags_listed(n.flags))),
        Target::Redirect(n) | Target::Masquerade(n) => {
            if let Some(p) = n.ports {
                let what = if matches!(s.target, Target::Redirect(_)) { "redir ports" } else { "masq ports:" };
                out.push_str(&format!(" {what} {}", nat::ports_text(p)));
            }
            out.push_str(&nat::flags_listed(n.flags));
        }
        Target::Log(level, flags, prefix) => {
            // libxt_LOG print: numbers with -n, names otherwise.
            if numeric {
                out.push_str(&format!(" LOG flags {flags} level {level}"));
            } else {
                let name = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"].get(usize::from(*level));
                match name {
                    Some(n) => out.push_str(&format!(" LOG level {n}")),
                    None => out.push_str(&format!(" LOG UNKNOWN level {level}")),
                }
                for (bit, word) in LOG_FLAGS {
                    if flags & bit != 0 {
                        out.push_str(&format!(" {}", &word[6..]));
                    }
                }
            }
            if !prefix.is_empty() {
                out.push_str(&format!(" prefix \"{prefix}\""));
            }
        }
        _ => {}
    }
    out
}

/// TCP flag names (libxt_tcp's tcp_flag_names) with their bits.
pub const TCP_FLAGS: [(&str, u8); 8] =
    [("FIN", 1), ("SYN", 2), ("RST", 4), ("PSH", 8), ("ACK", 16), ("URG", 32), ("ALL", 0x3f), ("NONE", 0)];

/// print_tcpf: `SYN,RST`, or `NONE`.
fn tcp_flags_text(flags: u8) -> String {
    let names: Vec<&str> = TCP_FLAGS[..6].iter().filter(|(_, b)| flags & b != 0).map(|(n, _)| *n).collect();
    if names.is_empty() { "NONE".into() } else { names.join(",") }
}

/// libxt_limit's print_rate: `3/min`, `10/sec`.
fn rate_text(avg: u32) -> String {
    let (secs, name) = super::rule::LIMIT_UNITS[super::rule::limit_unit(avg)];
    format!("{}/{name}", secs * super::rule::LIMIT_SCALE / avg.max(1))
}

/// A multiport list: `80,443,1000:2000`, each port through `name`.
fn multiport_list(mp: &Multiport, name: impl Fn(u16) -> String) -> String {
    let one = |&(lo, hi): &(u16, u16)| if lo == hi { name(lo) } else { format!("{}:{}", name(lo), name(hi)) };
    mp.ports.iter().map(one).collect::<Vec<_>>().join(",")
}

/// `xtables_save_string`: a word as it is, anything else in double quotes
/// with `"` and `\` escaped.
/// xtables_save_string: bare when only letters, digits, `-` and `_`,
/// else in double quotes with `"` and `\` escaped.
fn save_string(s: &str) -> String {
    let plain = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_".contains(c));
    if plain {
        return s.to_string();
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// LOG's XT_LOG_* flags with their options.
pub const LOG_FLAGS: [(u8, &str); 4] = [(1, "--log-tcp-sequence"), (2, "--log-tcp-options"), (4, "--log-ip-options"), (8, "--log-uid")];

/// `--log-level` names and numbers (syslog levels).
pub fn log_level(s: &str) -> Option<u8> {
    let names = ["emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"];
    match s {
        "panic" => Some(0),
        _ => names.iter().position(|n| *n == s).map(|n| n as u8).or_else(|| s.parse().ok().filter(|n| *n <= 7)),
    }
}

/// `xtables_print_num`: counts as `-L -v` shows them (K, M, G, T above 99999).
fn num(n: u64, exact: bool) -> String {
    if exact {
        return format!("{n:>8} ");
    }
    if n <= 99_999 {
        return format!("{n:>5} ");
    }
    let mut n = n;
    for suffix in ["K", "M", "G"] {
        n = n.saturating_add(500) / 1000;
        if n <= 9_999 {
            return format!("{n:>4}{suffix} ");
        }
    }
    format!("{:>4}T ", n.saturating_add(500) / 1000)
}

fn addr_text(a: Option<(IpAddr, u8)>, v6: bool, numeric: bool) -> String {
    match a {
        None | Some((_, 0)) if numeric => (if v6 { "::/0" } else { "0.0.0.0/0" }).into(),
        None | Some((_, 0)) => "anywhere".into(),
        Some((a, 32)) if a.is_ipv4() => crate::text::ip_text(a),
        Some((a, 128)) => crate::text::ip_text(a),
        Some((a, l)) => format!("{}/{l}", Ip(a)),
    }
}

/// `iptables -L`: every chain with its header, or one.
pub fn list(chains: &[ChainView], f: Format) -> String {
    let mut out = String::new();
    for (k, c) in chains.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        match c.policy {
            Some((p, (pk, by))) if f.verbose => out.push_str(&format!("Chain {} (policy {p} {pk} packets, {by} bytes)\n", c.name)),
            Some((p, _)) => out.push_str(&format!("Chain {} (policy {p})\n", c.name)),
            None => out.push_str(&format!("Chain {} ({} references)\n", c.name, c.references)),
        }
        if f.line_numbers {
            out.push_str("num  ");
        }
        if f.verbose {
            out.push_str(if f.exact { "    pkts      bytes " } else { " pkts bytes " });
        }
        out.push_str("target     prot opt ");
        if f.verbose {
            out.push_str("in     out     ");
        }
        out.push_str("source               destination         \n");
        for (i, (s, (pk, by))) in c.rules.iter().enumerate() {
            if f.line_numbers {
                out.push_str(&format!("{:<4} ", i + 1));
            }
            if f.verbose {
                out.push_str(&num(*pk, f.exact));
                out.push_str(&num(*by, f.exact));
            }
            let prot = match s.proto {
                None => {
                    if f.numeric {
                        "0".to_string()
                    } else {
                        "all".to_string()
                    }
                }
                Some(p) if f.numeric => p.to_string(),
                Some(p) => proto_name(p).map_or(p.to_string(), str::to_string),
            };
            // print_rule_details: `!` or a space before the protocol and each address.
            let bang = |bit: u8| if s.inv & bit != 0 { "!" } else { " " };
            let opt = match s.fragment {
                Some(false) => "-f",
                Some(true) => "!f",
                None => "--",
            };
            out.push_str(&format!("{:<9} {}{prot:<4} {opt} ", target_name(&s.target), bang(INV_PROTO)));
            if f.verbose {
                // No interface: `*` with -n, `any` otherwise; `!` before an inverted one.
                let any = if f.numeric { "*" } else { "any" };
                let iface = |name: Option<&str>, bit: u8| format!("{}{}", if s.inv & bit != 0 { "!" } else { "" }, name.unwrap_or(any));
                out.push_str(&format!(" {:<6} {:<6} ", iface(s.iif.as_deref(), INV_IN), iface(s.oif.as_deref(), INV_OUT)));
            }
            out.push_str(&format!(
                "{}{:<19} {}{:<19} ",
                bang(INV_SRC),
                addr_text(s.src, s.v6, f.numeric),
                bang(INV_DST),
                addr_text(s.dst, s.v6, f.numeric)
            ));
            out.push_str(&extras(s, f.numeric));
            out.push('\n');
        }
    }
    out
}

/// One rule as `-S` and `iptables-save` write it.
pub fn rule_line(chain: &str, s: &Spec) -> String {
    let mut out = format!("-A {chain}");
    let a = |(a, l): (IpAddr, u8)| format!("{}/{l}", Ip(a));
    let bang = |bit: u8| if s.inv & bit != 0 { " !" } else { "" };
    if let Some(x) = s.src {
        out.push_str(&format!("{} -s {}", bang(INV_SRC), a(x)));
    }
    if let Some(x) = s.dst {
        out.push_str(&format!("{} -d {}", bang(INV_DST), a(x)));
    }
    if let Some(i) = &s.iif {
        out.push_str(&format!("{} -i {i}", bang(INV_IN)));
    }
    if let Some(o) = &s.oif {
        out.push_str(&format!("{} -o {o}", bang(INV_OUT)));
    }
    if let Some(p) = s.proto {
        out.push_str(&format!("{} -p {}", bang(INV_PROTO), proto_name(p).map_or(p.to_string(), str::to_string)));
    }
    if let Some(inv) = s.fragment {
        out.push_str(if inv { " ! -f" } else { " -f" });
    }
    for m in s.matches() {
        match m {
            Mt::Ports if s.sport.is_some() || s.dport.is_some() || s.tcp_flags.is_some() => {
                let name = s.proto.and_then(proto_name).unwrap_or("tcp");
                out.push_str(&format!(" -m {name}"));
                let range = |(lo, hi): (u16, u16)| if lo == hi { lo.to_string() } else { format!("{lo}:{hi}") };
                if let Some(p) = s.sport {
                    out.push_str(&format!("{} --sport {}", bang(INV_SPORT), range(p)));
                }
                if let Some(p) = s.dport {
                    out.push_str(&format!("{} --dport {}", bang(INV_DPORT), range(p)));
                }
                if let Some((mask, cmp, inv)) = s.tcp_flags {
                    let bang = if inv { " !" } else { "" };
                    out.push_str(&format!("{bang} --tcp-flags {} {}", tcp_flags_text(mask), tcp_flags_text(cmp)));
                }
            }
            Mt::Icmp => {
                if let Some((t, inv)) = s.icmp {
                    out.push_str(if s.v6 { " -m icmp6" } else { " -m icmp" });
                    out.push_str(&super::icmp::save(t, inv, s.v6));
                }
            }
            Mt::Ct => {
                if let Some(m) = s.ctstate {
                    let bang = if s.ct_invert { " !" } else { "" };
                    let (mt, opt) = if s.state_match { ("state", "state") } else { ("conntrack", "ctstate") };
                    out.push_str(&format!(" -m {mt}{bang} --{opt} {}", ctstate_text(m)));
                } else if s.ct_more.flags != 0 {
                    out.push_str(" -m conntrack");
                }
                out.push_str(&super::ctmatch::text(&s.ct_more, "--", s.v6, true));
            }
            Mt::Multiport => {
                if let Some(mp) = &s.multiport {
                    let which = ["--sports", "--dports", "--ports"].get(usize::from(mp.which)).copied().unwrap_or("--ports");
                    let list = multiport_list(mp, |p| p.to_string());
                    out.push_str(&format!(" -m multiport {}{which} {list}", if mp.invert { "! " } else { "" }));
                }
            }
            Mt::Comment => {
                if let Some(c) = &s.comment {
                    out.push_str(&format!(" -m comment --comment {}", save_string(c)));
                }
            }
            Mt::Limit => {
                if let Some((avg, burst)) = s.limit {
                    out.push_str(&format!(" -m limit --limit {}", rate_text(avg)));
                    if burst != 5 {
                        out.push_str(&format!(" --limit-burst {burst}"));
                    }
                }
            }
            Mt::IpRange => out.push_str(&super::extra::save(s.iprange.as_ref(), None, None)),
            Mt::AddrType => out.push_str(&super::extra::save(None, s.addrtype.as_ref(), None)),
            Mt::Mac => out.push_str(&super::extra::save(None, None, s.mac)),
            Mt::Mark => out.push_str(&s.mark.map(super::mark::match_save).unwrap_or_default()),
            Mt::PktType | Mt::Length | Mt::Ttl => out.push_str(&super::simple::save(&s.simple, m)),
            _ => {}
        }
    }
    if s.target != Target::None {
        out.push_str(&format!(" -j {}", target_name(&s.target)));
    }
    match &s.target {
        Target::Reject(w) => out.push_str(&format!(" --reject-with {}", reject_name(s, *w))),
        Target::Mark(mark, mask) => out.push_str(&super::mark::target_save(*mark, *mask)),
        Target::Snat(n) => out.push_str(&format!(" --to-source {}{}", nat::range_text(n), nat::flags_saved(n.flags))),
        Target::Dnat(n) => out.push_str(&format!(" --to-destination {}{}", nat::range_text(n), nat::flags_saved(n.flags))),
        Target::Redirect(n) | Target::Masquerade(n) => {
            if let Some(p) = n.ports {
                out.push_str(&format!(" --to-ports {}", nat::ports_text(p)));
            }
            out.push_str(&nat::flags_saved(n.flags));
        }
        Target::Log(level, flags, prefix) => {
            if !prefix.is_empty() {
                out.push_str(&format!(" --log-prefix {}", save_string(prefix)));
            }
            if *level != 4 {
                out.push_str(&format!(" --log-level {level}"));
            }
            for (bit, word) in LOG_FLAGS {
                if flags & bit != 0 {
                    out.push_str(&format!(" {word}"));
                }
            }
        }
        _ => {}
    }
    out.push('\n');
    out
}

/// `iptables -S`: policies, user chains, then the rules.
pub fn rules(chains: &[ChainView], only: Option<&str>) -> String {
    let mut out = String::new();
    let shown = |c: &&ChainView| only.is_none_or(|o| o == c.name);
    for c in chains.iter().filter(shown) {
        match c.policy {
            Some((p, _)) => out.push_str(&format!("-P {} {p}\n", c.name)),
            None => out.push_str(&format!("-N {}\n", c.name)),
        }
    }
    for c in chains.iter().filter(shown) {
        for (s, _) in &c.rules {
            out.push_str(&rule_line(&c.name, s));
        }
    }
    out
}

/// One table in `iptables-save`.
pub fn save_table(table: &str, chains: &[ChainView], counters: bool) -> String {
    let mut out = format!("*{table}\n");
    for c in chains {
        match c.policy {
            Some((p, (pk, by))) => out.push_str(&format!(":{} {p} [{pk}:{by}]\n", c.name)),
            None => out.push_str(&format!(":{} - [0:0]\n", c.name)),
        }
    }
    for c in chains {
        for (s, (pk, by)) in &c.rules {
            // -c: each rule after its counters.
            if counters {
                out.push_str(&format!("[{pk}:{by}] "));
            }
            out.push_str(&rule_line(&c.name, s));
        }
    }
    out.push_str("COMMIT\n");
    out
}
