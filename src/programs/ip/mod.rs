//! An iproute2 6.1-compatible `ip` command that reaches the kernel only
//! through netlink bytes on a [`crate::host::NetlinkSocket`].
//!
//! The layout follows iproute2: this file is ip/ip.c (global options and
//! the object table); [`link`] and [`address`] are ip/iplink.c and
//! ip/ipaddress.c; [`client`] is lib/libnetlink.c; [`print`] and [`json`]
//! are lib/json_print.c and lib/json_writer.c; [`ctx`] holds the per-run
//! state with the helpers of lib/utils.c and lib/ll_map.c.

pub mod address;
pub mod addrlabel;
pub mod args;
pub mod batch;
pub mod client;
pub mod ctx;
pub mod filter;
pub mod flush;
pub mod json;
pub mod link;
pub mod linkcache;
pub mod monitor;
pub mod names;
pub mod neigh;
pub mod netconf;
pub mod netns;
pub mod nexthop;
pub mod nl;
pub mod prefix;
pub mod print;
pub mod printf;
pub mod route;
pub mod rule;
pub mod usage;
pub mod vrf;
pub mod xfrm;

#[cfg(test)]
mod tests_replay;

use args::{Exit, Res, matches};
use client::Rtnl;
use ctx::{Ip, Opts};
use print::Printer;

use crate::host::Host;
use crate::output::Output;

/// The handler of one object: gets the words after the object name and
/// returns what iproute2's `do_*` function returns (the exit status is its
/// negation), or an early exit.
pub type ObjectFn = fn(&mut Ip, &[String]) -> Res<i32>;

/// The objects `ip` knows, in ip/ip.c's order (abbreviations pick the
/// first match).
pub const OBJECTS: &[(&str, ObjectFn)] = &[
    ("address", address::do_ipaddr),
    ("addrlabel", addrlabel::do_ipaddrlabel),
    ("maddress", unsupported),
    ("route", route::do_iproute),
    ("rule", rule::do_iprule),
    ("neighbor", neigh::do_ipneigh),
    ("neighbour", neigh::do_ipneigh),
    ("ntable", unsupported),
    ("ntbl", unsupported),
    ("link", link::do_iplink),
    ("l2tp", unsupported),
    ("fou", unsupported),
    ("ila", unsupported),
    ("macsec", unsupported),
    ("tunnel", unsupported),
    ("tunl", unsupported),
    ("tuntap", unsupported),
    ("tap", unsupported),
    ("token", unsupported),
    ("tcpmetrics", unsupported),
    ("tcp_metrics", unsupported),
    ("monitor", monitor::do_ipmonitor),
    ("xfrm", xfrm::do_xfrm),
    ("mroute", unsupported),
    ("mrule", unsupported),
    ("netns", netns::do_netns),
    ("netconf", netconf::do_ipnetconf),
    ("vrf", vrf::do_ipvrf),
    ("sr", unsupported),
    ("nexthop", nexthop::do_ipnh),
    ("mptcp", unsupported),
    ("ioam", unsupported),
    ("help", do_help),
    ("stats", unsupported),
];

fn unsupported(ip: &mut Ip, _args: &[String]) -> Res<i32> {
    ip.err("This object is not available in this ip.\n");
    Ok(-1)
}

fn do_help(ip: &mut Ip, _args: &[String]) -> Res<i32> {
    Err(usage(ip.p.out))
}

/// Prints `ip`'s usage on standard error; the status is 255.
pub fn usage(out: &mut Output) -> Exit {
    out.err(usage::IP);
    Exit(255)
}

/// The version line of `ip -V`.
pub const VERSION: &str = "ip utility, iproute2-6.1.0, libbpf 1.1.2\n";

/// How `-color` was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum ColorOpt {
    #[default]
    Never,
    Auto,
    Always,
}

/// `matches_color`: "-c", "-color", "-c=always|auto|never".
fn matches_color(opt: &str) -> Option<ColorOpt> {
    let (name, val) = match opt.split_once('=') {
        Some((name, val)) => (name, Some(val)),
        None => (opt, None),
    };
    if !matches(name, "-color") {
        return None;
    }
    match val {
        None | Some("") | Some("always") => Some(ColorOpt::Always),
        Some("auto") => Some(ColorOpt::Auto),
        Some("never") => Some(ColorOpt::Never),
        _ => None,
    }
}

/// The global options of one command line.
pub(crate) struct Global {
    pub(crate) opts: Opts,
    color: ColorOpt,
    pub(crate) batch: Option<String>,
    pub(crate) netns: Option<String>,
}

impl Global {
    /// `check_enable_color`: never with JSON; "auto" needs a terminal.
    pub(crate) fn color_on(&self, terminal: bool) -> bool {
        self.opts.json == 0 && (self.color == ColorOpt::Always || (self.color == ColorOpt::Auto && terminal))
    }
}

/// Parses the options before the object (ip.c's `main` loop). Returns the
/// options and the index of the first word after them.
pub(crate) fn parse_global(args: &[String], out: &mut Output) -> Res<(Global, usize)> {
    let mut g = Global { opts: Opts { loops: 10, ..Opts::default() }, color: ColorOpt::Never, batch: None, netns: None };
    let mut i = 0;
    while i < args.len() {
        let full = args[i].as_str();
        if full == "--" {
            i += 1;
            break;
        }
        if !full.starts_with('-') {
            break;
        }
        let opt = match full.strip_prefix('-') {
            Some(rest) if rest.starts_with('-') => rest,
            _ => full,
        };
        let o = &mut g.opts;
        if matches(opt, "-loops") {
            i += 1;
            let Some(v) = args.get(i) else { return Err(usage(out)) };
            o.loops = atoi(v);
        } else if matches(opt, "-family") {
            i += 1;
            let Some(v) = args.get(i) else { return Err(usage(out)) };
            if v == "help" {
                return Err(usage(out));
            }
            o.family = names::read_family(v);
            if o.family == 0 {
                out.err(&format!("Error: argument \"{v}\" is wrong: invalid protocol family\n"));
                return Err(Exit(255));
            }
        } else if opt == "-4" {
            o.family = 2;
        } else if opt == "-6" {
            o.family = 10;
        } else if opt == "-0" {
            o.family = 17;
        } else if opt == "-M" {
            o.family = 28;
        } else if opt == "-B" {
            o.family = 7;
        } else if matches(opt, "-human") || matches(opt, "-human-readable") {
            o.human += 1;
        } else if matches(opt, "-iec") {
            o.iec += 1;
        } else if matches(opt, "-stats") || matches(opt, "-statistics") {
            o.stats += 1;
        } else if matches(opt, "-details") {
            o.details += 1;
        } else if matches(opt, "-resolve") {
            o.resolve += 1;
        } else if matches(opt, "-oneline") {
            o.oneline += 1;
        } else if matches(opt, "-timestamp") || matches(opt, "-tshort") {
            o.timestamp += 1;
        } else if matches(opt, "-Version") {
            out.out(VERSION);
            return Err(Exit(0));
        } else if matches(opt, "-force") {
            o.force += 1;
        } else if matches(opt, "-batch") {
            i += 1;
            let Some(v) = args.get(i) else { return Err(usage(out)) };
            g.batch = Some(v.clone());
        } else if matches(opt, "-brief") {
            o.brief += 1;
        } else if matches(opt, "-json") {
            o.json += 1;
        } else if matches(opt, "-pretty") {
            o.pretty += 1;
        } else if matches(opt, "-rcvbuf") {
            i += 1;
            let Some(v) = args.get(i) else { return Err(usage(out)) };
            if args::get_u32(v, 0).is_none() {
                out.err(&format!("Invalid rcvbuf size '{v}'\n"));
                return Err(Exit(255));
            }
        } else if let Some(c) = matches_color(opt) {
            g.color = c;
        } else if matches(opt, "-help") {
            return Err(usage(out));
        } else if matches(opt, "-netns") {
            i += 1;
            // NEXT_ARG leaves argv[1] NULL here: netns_switch(NULL).
            let Some(v) = args.get(i) else {
                out.err("Cannot open network namespace \"(null)\": No such file or directory\n");
                return Err(Exit(255));
            };
            g.netns = Some(v.clone());
        } else if matches(opt, "-Numeric") {
            o.numeric += 1;
        } else if matches(opt, "-all") {
            o.all = true;
        } else if opt == "-echo" {
            o.echo += 1;
        } else {
            out.err(&format!("Option \"{opt}\" is unknown, try \"ip -help\".\n"));
            return Err(Exit(255));
        }
        i += 1;
    }
    Ok((g, i))
}

/// C `atoi`: leading digits with an optional sign, 0 otherwise.
pub(crate) fn atoi(s: &str) -> i32 {
    let (neg, t) = crate::text::split_sign(s.trim_start());
    let (digits, _) = crate::text::split_while(t, char::is_ascii_digit);
    let v: i64 = crate::text::int(digits).unwrap_or(0);
    (if neg { -v } else { v }) as i32
}

/// Runs `ip` with `args` (without the program name) and returns its exit status.
pub fn run(host: &mut dyn Host, args: &[String], out: &mut Output) -> i32 {
    let saved_ns = host.current_netns();
    let status = run_inner(host, args, out);
    if host.current_netns() != saved_ns {
        let _ = host.set_current_netns(saved_ns.as_deref());
    }
    status
}

fn run_inner(host: &mut dyn Host, args: &[String], out: &mut Output) -> i32 {
    let (g, first) = match parse_global(args, out) {
        Ok(v) => v,
        Err(Exit(code)) => return code & 0xff,
    };
    if let Some(ns) = &g.netns {
        // `netns_switch`: later sockets open in the named namespace.
        if let Err(e) = host.set_current_netns(Some(ns)) {
            out.err(&format!("Cannot open network namespace \"{ns}\": {}\n", e.message()));
            return 255;
        }
    }
    let color = g.color_on(out.terminal || host.stdout_is_terminal());
    // A batch runs on one socket without strict checking.
    let rth = match Rtnl::open(host, g.batch.is_none()) {
        Ok(r) => r,
        Err(_) if g.batch.is_some() => {
            out.err("Cannot open rtnetlink\n");
            return 1;
        }
        Err(e) => {
            out.err(&format!("Cannot open netlink socket: {}\n", e.message()));
            return 1;
        }
    };
    let mut p = Printer::new(out);
    p.set_color(color);
    p.set_pretty(g.opts.pretty > 0);
    if g.opts.oneline > 0 {
        p.sl = "\\";
    }
    let mut ip = Ip { host, p, o: g.opts, rth, ll: Default::default() };
    if let Some(file) = &g.batch {
        return batch::run_batch(&mut ip, file);
    }
    let rest = &args[first..];
    match rest.split_first() {
        Some((obj, tail)) => do_cmd(&mut ip, obj, tail),
        None => usage(ip.p.out).0 & 0xff,
    }
}

/// Finds and runs an object (`do_cmd`).
fn do_cmd(ip: &mut Ip, obj: &str, tail: &[String]) -> i32 {
    for (name, f) in OBJECTS {
        if matches(obj, name) {
            return match f(ip, tail) {
                Ok(r) => r.wrapping_neg() & 0xff,
                Err(Exit(code)) => code & 0xff,
            };
        }
    }
    ip.err(&format!("Object \"{obj}\" is unknown, try \"ip help\".\n"));
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn global_options_and_abbreviations() {
        let mut out = Output::new();
        let a = words("-s -s -d -j -p -br -o -4 link");
        let (g, i) = parse_global(&a, &mut out).unwrap();
        assert_eq!(i, 8);
        assert_eq!(g.opts.stats, 2);
        assert_eq!(g.opts.details, 1);
        assert_eq!((g.opts.json, g.opts.pretty, g.opts.brief, g.opts.oneline), (1, 1, 1, 1));
        assert_eq!(g.opts.family, 2);
        let (g, _) = parse_global(&words("--json -h -c=never"), &mut out).unwrap();
        assert_eq!((g.opts.json, g.opts.human), (1, 1));
        assert_eq!(g.color, ColorOpt::Never);
        let (g, _) = parse_global(&words("-c"), &mut out).unwrap();
        assert_eq!(g.color, ColorOpt::Always);
        let (g, _) = parse_global(&words("-b f"), &mut out).unwrap();
        assert_eq!(g.batch.as_deref(), Some("f"));
    }

    #[test]
    fn unknown_option_and_version() {
        let mut out = Output::new();
        assert_eq!(parse_global(&words("-foo link"), &mut out).err(), Some(Exit(255)));
        assert_eq!(out.stderr(), "Option \"-foo\" is unknown, try \"ip -help\".\n");
        let mut out = Output::new();
        assert_eq!(parse_global(&words("-c=bad"), &mut out).err(), Some(Exit(255)));
        let mut out = Output::new();
        assert_eq!(parse_global(&words("-V"), &mut out).err(), Some(Exit(0)));
        assert_eq!(out.stdout(), VERSION);
    }

    #[test]
    fn object_table_abbreviations_pick_the_first_match() {
        let find = |w: &str| OBJECTS.iter().find(|(n, _)| matches(w, n)).map(|(n, _)| *n);
        assert_eq!(find("a"), Some("address"));
        assert_eq!(find("add"), Some("address"));
        assert_eq!(find("r"), Some("route"));
        assert_eq!(find("ru"), Some("rule"));
        assert_eq!(find("n"), Some("neighbor"));
        assert_eq!(find("l"), Some("link"));
        assert_eq!(find("m"), Some("maddress"));
        assert_eq!(find("frob"), None);
    }
}
