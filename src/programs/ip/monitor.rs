//! `ip monitor` (ip/ipmonitor.c): joins the multicast groups of the chosen
//! objects and prints each notification as iproute2 6.1 does, through the
//! same printers as `ip link`, `ip address`, `ip netconf` and `ip netns`.
//!
//! Prefixes such as `[LINK]` appear only with `all` or `label` (naming
//! several objects does not add them, measured on iproute2 6.1);
//! `all-nsid` adds `[nsid current]` (the simulator delivers only the
//! socket's own namespace); timestamps (`-t`) are not printed.
//!
//! # In the simulator
//! The host is message-in/messages-out, so there is no blocking `recv`:
//! `ip monitor` run as a command opens its socket, prints what is queued
//! (nothing, in a shell line of its own) and returns 0.
//!
//! # For a long-running consumer (the terminal page, the CLI)
//! Keep a [`Monitor`]: [`Monitor::start`] takes the words after `ip`
//! (`["monitor", "all"]`, `["-4", "monitor", "route"]`, ...), prints any
//! usage error and returns its exit status as `Err`; afterwards call
//! [`Monitor::poll`] whenever other commands may have changed something
//! (after every shell line, or on a timer) and append what it printed to
//! the monitor's pane. A terminal emulating `ip monitor &` keeps one
//! `Monitor` per background job and drops it on `kill`/Ctrl-C. The link
//! cache and the nsid names live in the `Monitor` between polls, as they
//! live in the iproute2 process. A consumer that manages its own socket
//! can call [`print_events`] with the messages it drained.

use super::args::{Exit, Res, matches};
use super::client::Rtnl;
use super::ctx::{Ip, Opts};
use super::filter::Filter;
use super::linkcache::LinkCache;
use super::netconf::{NetconfFilter, print_netconf};
use super::netns::{NsidNames, print_nsid};
use super::nl::Msg;
use super::print::Printer;
use crate::host::{Host, SockOpt};
use crate::output::Output;
use crate::wire::group;

/// The usage text of ip/ipmonitor.c.
pub const USAGE: &str = "Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]\n\
\x20                 [ dev DEVICE ]\n\
OBJECTS :=  address | link | mroute | neigh | netconf |\n\
\x20           nexthop | nsid | prefix | route | rule | stats\n\
FILE := file FILENAME\n";

/// `IPMON_L*`: which objects to listen to.
pub mod lmask {
    /// Links.
    pub const LINK: u32 = 1 << 0;
    /// Addresses.
    pub const ADDR: u32 = 1 << 1;
    /// Routes.
    pub const ROUTE: u32 = 1 << 2;
    /// Multicast routes.
    pub const MROUTE: u32 = 1 << 3;
    /// IPv6 prefixes.
    pub const PREFIX: u32 = 1 << 4;
    /// Neighbours.
    pub const NEIGH: u32 = 1 << 5;
    /// Netconf.
    pub const NETCONF: u32 = 1 << 6;
    /// Statistics.
    pub const STATS: u32 = 1 << 7;
    /// Rules.
    pub const RULE: u32 = 1 << 8;
    /// Namespace ids.
    pub const NSID: u32 = 1 << 9;
    /// Nexthop objects.
    pub const NEXTHOP: u32 = 1 << 10;
    /// Everything (`IPMON_L_ALL`).
    pub const ALL: u32 = !0;
}

/// Message types `accept_msg` tells apart.
mod rtm {
    pub use crate::wire::rtm_types::{
        RTM_DELADDR as DELADDR, RTM_DELADDRLABEL as DELADDRLABEL, RTM_DELLINK as DELLINK, RTM_DELNEIGH as DELNEIGH,
        RTM_DELNETCONF as DELNETCONF, RTM_DELNEXTHOP as DELNEXTHOP, RTM_DELNEXTHOPBUCKET as DELNEXTHOPBUCKET, RTM_DELNSID as DELNSID,
        RTM_DELROUTE as DELROUTE, RTM_DELRULE as DELRULE, RTM_GETNEIGH as GETNEIGH, RTM_NEWADDR as NEWADDR,
        RTM_NEWADDRLABEL as NEWADDRLABEL, RTM_NEWLINK as NEWLINK, RTM_NEWNEIGH as NEWNEIGH, RTM_NEWNETCONF as NEWNETCONF,
        RTM_NEWNEXTHOP as NEWNEXTHOP, RTM_NEWNEXTHOPBUCKET as NEWNEXTHOPBUCKET, RTM_NEWNSID as NEWNSID, RTM_NEWPREFIX as NEWPREFIX,
        RTM_NEWROUTE as NEWROUTE, RTM_NEWRULE as NEWRULE, RTM_NEWSTATS as NEWSTATS,
    };
    pub use crate::wire::{NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP};
    /// iproute2's own record of a timestamp in a saved monitor file.
    pub const NLMSG_TSTAMP: u16 = 15;
}

use crate::wire::route::rtm_f::CLONED as RTM_F_CLONED;
use crate::wire::{RTNL_FAMILY_IP6MR, RTNL_FAMILY_IPMR};

/// The parsed `ip monitor` arguments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listen {
    /// The objects asked for (0: all of them, without prefixes).
    pub lmask: u32,
    /// `prefix_banner`: print `[LINK]`, `[ADDR]`, ... (`all` or `label`).
    pub prefix_banner: bool,
    /// `all-nsid`.
    pub all_nsid: bool,
    /// `dev DEV`: only this ifindex (0: any).
    pub ifindex: i32,
    /// `file FILE`: read saved messages instead of listening.
    pub file: Option<String>,
}

impl Listen {
    /// The objects listened to (`IPMON_L_ALL` when none was named).
    pub fn effective_mask(&self) -> u32 {
        if self.lmask == 0 { lmask::ALL } else { self.lmask }
    }

    /// The legacy bind mask of the groups to join for `family`
    /// (`preferred_family`, 0 for any).
    pub fn groups(&self, family: u8) -> u32 {
        let l = self.effective_mask();
        let any = family == 0;
        let v4 = any || family == crate::wire::AF_INET;
        let v6 = any || family == crate::wire::AF_INET6;
        let mpls = any || family == 28;
        let mut g = 0;
        let mut add = |on: bool, grp: u32| {
            if on {
                g |= group::mask(grp);
            }
        };
        if l & lmask::LINK != 0 {
            add(true, group::LINK);
        }
        if l & lmask::ADDR != 0 {
            add(v4, group::IPV4_IFADDR);
            add(v6, group::IPV6_IFADDR);
        }
        if l & lmask::ROUTE != 0 {
            add(v4, group::IPV4_ROUTE);
            add(v6, group::IPV6_ROUTE);
            add(mpls, crate::wire::group::MPLS_ROUTE);
        }
        if l & lmask::MROUTE != 0 {
            add(v4, group::IPV4_MROUTE);
            add(v6, group::IPV6_MROUTE);
        }
        if l & lmask::PREFIX != 0 {
            add(v6, group::IPV6_PREFIX);
        }
        if l & lmask::NEIGH != 0 {
            add(true, group::NEIGH);
        }
        if l & lmask::NETCONF != 0 {
            add(v4, group::IPV4_NETCONF);
            add(v6, group::IPV6_NETCONF);
            add(mpls, crate::wire::group::MPLS_NETCONF);
        }
        if l & lmask::RULE != 0 {
            add(v4, group::IPV4_RULE);
            add(v6, group::IPV6_RULE);
        }
        if l & lmask::NSID != 0 {
            add(true, group::NSID);
        }
        g
    }
}

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// Parses the words after `monitor` (`do_ipmonitor`'s loop).
pub fn parse_args(ip: &mut Ip, args: &[String]) -> Res<Listen> {
    let mut l = Listen::default();
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if matches(w, "file") {
            i += 1;
            let Some(f) = args.get(i) else { return Err(ip.incomplete()) };
            l.file = Some(f.clone());
        } else if matches(w, "label") {
            l.prefix_banner = true;
        } else if matches(w, "link") {
            l.lmask |= lmask::LINK;
        } else if matches(w, "address") {
            l.lmask |= lmask::ADDR;
        } else if matches(w, "route") {
            l.lmask |= lmask::ROUTE;
        } else if matches(w, "mroute") {
            l.lmask |= lmask::MROUTE;
        } else if matches(w, "prefix") {
            l.lmask |= lmask::PREFIX;
        } else if matches(w, "neigh") {
            l.lmask |= lmask::NEIGH;
        } else if matches(w, "netconf") {
            l.lmask |= lmask::NETCONF;
        } else if matches(w, "rule") {
            l.lmask |= lmask::RULE;
        } else if matches(w, "nsid") {
            l.lmask |= lmask::NSID;
        } else if matches(w, "nexthop") {
            l.lmask |= lmask::NEXTHOP;
        } else if w == "stats" {
            l.lmask |= lmask::STATS;
        } else if w == "all" {
            l.prefix_banner = true;
        } else if matches(w, "all-nsid") {
            l.all_nsid = true;
        } else if matches(w, "help") {
            return Err(usage(ip));
        } else if w == "dev" {
            i += 1;
            let Some(dev) = args.get(i) else { return Err(ip.incomplete()) };
            l.ifindex = ip.ll_name_to_index(dev) as i32;
            if l.ifindex == 0 {
                return Err(ip.invarg("Device does not exist\n", dev));
            }
        } else {
            ip.err(&format!("Argument \"{w}\" is unknown, try \"ip monitor help\".\n"));
            return Err(Exit(255));
        }
        i += 1;
    }
    Ok(l)
}

/// What a monitor keeps between notifications besides the `Ip` state.
pub struct MonitorState {
    /// The parsed arguments.
    pub cfg: Listen,
    /// The socket for nsid lookups (`rtnsh`).
    rtnsh: Option<Rtnl>,
    /// The nsid → name cache.
    names: NsidNames,
}

impl MonitorState {
    /// A state for `cfg` without nsid lookups (names of `[NSID]` events are
    /// then not printed); [`start_in`] builds the full one.
    pub fn new(cfg: Listen) -> MonitorState {
        MonitorState { cfg, rtnsh: None, names: NsidNames::default() }
    }
}

/// `print_headers`: the optional `[nsid current]` and object prefix.
fn print_headers(ip: &mut Ip, st: &MonitorState, label: &str) {
    if st.cfg.all_nsid {
        ip.p.fp("[nsid current]");
    }
    if st.cfg.prefix_banner {
        ip.p.fp(label);
    }
}

/// Prints queued notifications as `ip monitor` does (`accept_msg` for each).
/// `ip` supplies the options, the printer, the link cache (kept up to date
/// from link messages) and the kernel for name lookups.
pub fn print_events(ip: &mut Ip, st: &mut MonitorState, msgs: &[Vec<u8>]) {
    for raw in msgs {
        accept_msg(ip, st, raw);
    }
}

/// `accept_msg`: prints one notification. Returns iproute2's result
/// (negative stops a listener).
fn accept_msg(ip: &mut Ip, st: &mut MonitorState, raw: &[u8]) -> i32 {
    let Some(m) = Msg::parse(raw) else { return 0 };
    let kind = m.hdr.kind;
    let addr_filter = Filter::new(true, st.cfg.ifindex);
    match kind {
        rtm::NEWROUTE | rtm::DELROUTE => {
            // `NLMSG_LENGTH(sizeof(struct rtmsg))` is 28.
            let len = i64::from(m.hdr.len) - 28;
            if len < 0 {
                ip.err(&format!("BUG: wrong nlmsg len {len}\n"));
                return -1;
            }
            let flags = crate::wire::get_u32(m.payload, 8).unwrap_or(0);
            if flags & RTM_F_CLONED != 0 {
                return 0;
            }
            let family = m.payload.first().copied().unwrap_or(0);
            // The stack keeps no multicast routing tables: no RTNL_FAMILY_IPMR
            // messages come (iproute2 would print them with print_mroute).
            if family != RTNL_FAMILY_IPMR && family != RTNL_FAMILY_IP6MR {
                print_headers(ip, st, "[ROUTE]");
                let mut f = super::route::filter::RouteFilter::new(st.cfg.ifindex.max(0) as u32);
                let _ = super::route::show::print_route(ip, &mut f, raw);
            }
        }
        rtm::NEWNEXTHOP | rtm::DELNEXTHOP => {
            print_headers(ip, st, "[NEXTHOP]");
            super::nexthop::print_monitored(ip, raw);
        }
        rtm::NEWNEXTHOPBUCKET | rtm::DELNEXTHOPBUCKET => {
            print_headers(ip, st, "[NEXTHOPBUCKET]");
            super::nexthop::print_bucket(ip, raw);
        }
        rtm::NEWLINK | rtm::DELLINK => {
            ip.ll.remember(raw);
            print_headers(ip, st, "[LINK]");
            let _ = super::link::show::print_linkinfo(ip, &addr_filter, false, raw);
        }
        rtm::NEWADDR | rtm::DELADDR => {
            print_headers(ip, st, "[ADDR]");
            let _ = super::address::print_addrinfo(ip, &addr_filter, raw);
        }
        rtm::NEWADDRLABEL | rtm::DELADDRLABEL => {}
        rtm::NEWNEIGH | rtm::DELNEIGH | rtm::GETNEIGH => {
            let family = m.payload.first().copied().unwrap_or(0);
            if ip.o.family != 0 && family != ip.o.family {
                return 0;
            }
            print_headers(ip, st, "[NEIGH]");
            let mut f = super::neigh::show::NeighFilter::new(st.cfg.ifindex.max(0) as u32);
            let _ = super::neigh::show::print_neigh(ip, &mut f, raw);
        }
        rtm::NEWPREFIX => {}
        rtm::NEWRULE | rtm::DELRULE => {
            print_headers(ip, st, "[RULE]");
            super::rule::print_rule(ip, &super::rule::RuleFilter::default(), raw);
        }
        rtm::NLMSG_TSTAMP => {}
        rtm::NEWNETCONF | rtm::DELNETCONF => {
            print_headers(ip, st, "[NETCONF]");
            let f = NetconfFilter { family: 0, ifindex: st.cfg.ifindex };
            print_netconf(ip, &f, raw);
        }
        rtm::NEWNSID | rtm::DELNSID => {
            print_headers(ip, st, "[NSID]");
            match st.rtnsh.as_mut() {
                Some(rtnsh) => {
                    print_nsid(ip, rtnsh, &mut st.names, raw);
                }
                None => {
                    if let Ok(mut rtnsh) = Rtnl::open(ip.host, false) {
                        print_nsid(ip, &mut rtnsh, &mut st.names, raw);
                    }
                }
            }
        }
        rtm::NEWSTATS => {}
        rtm::NLMSG_ERROR | rtm::NLMSG_NOOP | rtm::NLMSG_DONE => {}
        _ => {
            let h = m.hdr;
            ip.err(&format!(
                "Unknown message: type=0x{:08x}({}) flags=0x{:08x}({}) len=0x{:08x}({})\n",
                h.kind, h.kind, h.flags, h.flags, h.len, h.len
            ));
        }
    }
    0
}

/// Opens the monitor's socket in place of `ip.rth` (`rtnl_open(&rth,
/// groups)` and the memberships), fills the link cache and the nsid names,
/// and returns the state [`print_events`] needs. Error messages are
/// printed; the `Err` carries the exit status.
pub fn start_in(ip: &mut Ip, args: &[String]) -> Res<MonitorState> {
    let cfg = parse_args(ip, args)?;
    let groups = cfg.groups(ip.o.family);
    let mut rth = match Rtnl::open(ip.host, false) {
        Ok(r) => r,
        Err(e) => {
            ip.err(&format!("Cannot open netlink socket: {}\n", e.message()));
            return Err(Exit(1));
        }
    };
    if rth.set_option(SockOpt::BindGroups(groups)).is_err() {
        ip.err("Cannot bind netlink socket: Invalid argument\n");
        return Err(Exit(1));
    }
    let l = cfg.effective_mask();
    if l & lmask::NEXTHOP != 0 && rth.set_option(SockOpt::AddMembership(group::NEXTHOP)).is_err() {
        ip.err("Failed to add nexthop group to list\n");
        return Err(Exit(1));
    }
    if l & lmask::STATS != 0 && rth.set_option(SockOpt::AddMembership(crate::wire::group::STATS)).is_err() && cfg.lmask & lmask::STATS != 0
    {
        ip.err("Failed to add stats group to list\n");
        return Err(Exit(1));
    }
    ip.rth = rth;
    ip.ll_init_map()?;
    let mut rtnsh = Rtnl::open(ip.host, false).ok();
    let names = match rtnsh.as_mut() {
        Some(r) => NsidNames::init(ip, r),
        None => NsidNames::default(),
    };
    Ok(MonitorState { cfg, rtnsh, names })
}

/// `rtnl_from_file`: prints the netlink messages saved in a file.
fn from_file(ip: &mut Ip, st: &mut MonitorState, file: &str) -> Res<i32> {
    let bytes = match ip.host.read_file(file) {
        Ok(t) => t.into_bytes(),
        Err(e) => {
            ip.err(&format!("Cannot fopen: {}\n", e.message()));
            return Err(Exit(255));
        }
    };
    let mut at = 0;
    while at < bytes.len() {
        let Some(h) = bytes.get(at..at + 16) else {
            ip.err("rtnl-from_file: truncated message\n");
            return Ok(-1);
        };
        let len = u32::from_ne_bytes([h[0], h[1], h[2], h[3]]) as usize;
        if len < 16 {
            ip.err(&format!("!!!malformed message: len={len} @{}\n", at + 16));
            return Ok(-1);
        }
        let end = at + crate::wire::align4(len);
        let Some(msg) = bytes.get(at..(at + len)) else {
            ip.err("rtnl-from_file: truncated message\n");
            return Ok(-1);
        };
        let r = accept_msg(ip, st, msg);
        if r < 0 {
            return Ok(r);
        }
        at = end;
    }
    Ok(0)
}

/// `do_ipmonitor`: listens, prints what is queued, and returns.
pub fn do_ipmonitor(ip: &mut Ip, args: &[String]) -> Res<i32> {
    // The file form needs no socket and no link dump.
    if args.iter().any(|a| matches(a, "file")) {
        let cfg = parse_args(ip, args)?;
        if let Some(file) = cfg.file.clone() {
            let mut st = MonitorState::new(cfg);
            return from_file(ip, &mut st, &file);
        }
    }
    let mut st = start_in(ip, args)?;
    let msgs = ip.rth.drain_notifications();
    print_events(ip, &mut st, &msgs);
    Ok(0)
}

/// A running `ip monitor` that outlives one command (see the module
/// documentation for how a terminal uses it).
pub struct Monitor {
    opts: Opts,
    /// `-c`: always, or (auto) when the output is a terminal.
    color: (bool, bool),
    rth: Option<Rtnl>,
    ll: LinkCache,
    state: MonitorState,
}

impl std::fmt::Debug for Monitor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Monitor").field("cfg", &self.state.cfg).finish()
    }
}

fn printer<'o>(out: &'o mut Output, o: &Opts) -> Printer<'o> {
    let mut p = Printer::new(out);
    p.set_pretty(o.pretty > 0);
    if o.oneline > 0 {
        p.sl = "\\";
    }
    p
}

impl Monitor {
    /// Starts `ip [OPTIONS] monitor [ARGS]` from the words after `ip`.
    /// Errors are printed to `out` and their exit status returned; the
    /// `file` form is not a listener and is refused with status 255.
    pub fn start(host: &mut dyn Host, argv: &[String], out: &mut Output) -> Result<Monitor, i32> {
        let (g, first) = super::parse_global(argv, out).map_err(|Exit(c)| c & 0xff)?;
        let rest = &argv[first..];
        let Some((obj, args)) = rest.split_first() else {
            return Err(super::usage(out).0 & 0xff);
        };
        if super::OBJECTS.iter().find(|(n, _)| matches(obj, n)).map(|(n, _)| *n) != Some("monitor") {
            out.err(&format!("Object \"{obj}\" is not a monitor.\n"));
            return Err(255);
        }
        if args.iter().any(|a| matches(a, "file")) {
            out.err(USAGE);
            return Err(255);
        }
        let saved = host.current_netns();
        if let Some(ns) = &g.netns {
            if let Err(e) = host.set_current_netns(Some(ns)) {
                out.err(&format!("Cannot open network namespace \"{ns}\": {}\n", e.message()));
                return Err(255);
            }
        }
        let color = (g.color_on(false), g.color_on(true));
        let result = Self::start_here(host, g.opts, args, out).map(|m| Monitor { color, ..m });
        if host.current_netns() != saved {
            let _ = host.set_current_netns(saved.as_deref());
        }
        result
    }

    fn start_here(host: &mut dyn Host, opts: Opts, args: &[String], out: &mut Output) -> Result<Monitor, i32> {
        let rth = Rtnl::open(host, false).map_err(|e| {
            out.err(&format!("Cannot open netlink socket: {}\n", e.message()));
            1
        })?;
        let p = printer(out, &opts);
        let mut ip = Ip { host, p, o: opts, rth, ll: LinkCache::default() };
        let state = start_in(&mut ip, args).map_err(|Exit(c)| c & 0xff)?;
        let Ip { o, rth, ll, .. } = ip;
        Ok(Monitor { opts: o, color: (false, false), rth: Some(rth), ll, state })
    }

    /// Prints the notifications queued since the last call; returns how
    /// many messages were read.
    pub fn poll(&mut self, host: &mut dyn Host, out: &mut Output) -> usize {
        let Some(mut rth) = self.rth.take() else { return 0 };
        let msgs = rth.drain_notifications();
        let color = if out.terminal || host.stdout_is_terminal() { self.color.1 } else { self.color.0 };
        let mut p = printer(out, &self.opts);
        p.set_color(color);
        let ll = std::mem::take(&mut self.ll);
        let mut ip = Ip { host, p, o: self.opts.clone(), rth, ll };
        print_events(&mut ip, &mut self.state, &msgs);
        let Ip { rth, ll, .. } = ip;
        self.rth = Some(rth);
        self.ll = ll;
        msgs.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn with_ip<T>(host: &mut crate::World, out: &mut Output, f: impl FnOnce(&mut Ip) -> T) -> T {
        let rth = Rtnl::open(host, true).unwrap();
        let p = Printer::new(out);
        let mut ip = Ip { host, p, o: Opts::default(), rth, ll: LinkCache::default() };
        f(&mut ip)
    }

    #[test]
    fn groups_match_iproute2s_bind_mask() {
        // `ip monitor` binds with 0x1d8607f5 (strace of iproute2 6.1).
        assert_eq!(Listen::default().groups(0), 0x1d86_07f5);
        let l = Listen { lmask: lmask::LINK | lmask::ADDR, ..Default::default() };
        assert_eq!(l.groups(0), 0x111);
        assert_eq!(l.groups(crate::wire::AF_INET), 0x11);
        let r = Listen { lmask: lmask::ROUTE, ..Default::default() };
        assert_eq!(r.groups(crate::wire::AF_INET6), 0x400);
    }

    #[test]
    fn argument_parsing() {
        let mut w = crate::World::new();
        let mut out = Output::new();
        let l = with_ip(&mut w, &mut out, |ip| parse_args(ip, &words("li a ro label all-nsid dev lo")));
        assert_eq!(
            l,
            Ok(Listen { lmask: lmask::LINK | lmask::ADDR | lmask::ROUTE, prefix_banner: true, all_nsid: true, ifindex: 1, file: None })
        );
        let l = with_ip(&mut w, &mut out, |ip| parse_args(ip, &words("all")));
        assert_eq!(l.map(|l| (l.lmask, l.prefix_banner)), Ok((0, true)));
        let mut out = Output::new();
        let e = with_ip(&mut w, &mut out, |ip| parse_args(ip, &words("frob")));
        assert_eq!(e, Err(Exit(255)));
        assert_eq!(out.stderr(), "Argument \"frob\" is unknown, try \"ip monitor help\".\n");
        let mut out = Output::new();
        let e = with_ip(&mut w, &mut out, |ip| parse_args(ip, &words("dev nosuch")));
        assert_eq!(e, Err(Exit(255)));
        assert_eq!(out.stderr(), "Error: argument \"nosuch\" is wrong: Device does not exist\n\n");
        let mut out = Output::new();
        let e = with_ip(&mut w, &mut out, |ip| parse_args(ip, &words("help")));
        assert_eq!((e, out.stderr()), (Err(Exit(255)), USAGE.to_string()));
    }

    /// `-c` colours what the monitor prints as it colours `ip link`: always,
    /// or with `-c=auto` only when the output is a terminal.
    #[test]
    fn colour_follows_the_c_option() {
        let mut w = crate::World::new();
        let start = |w: &mut crate::World, line: &str| Monitor::start(w, &words(line), &mut Output::new()).unwrap();
        let mut always = start(&mut w, "-c monitor link");
        let mut auto = start(&mut w, "-c=auto monitor link");
        let mut never = start(&mut w, "monitor link");
        crate::ip::run(&mut w, &words("link add d0 type dummy"), &mut Output::new());
        let poll = |m: &mut Monitor, w: &mut crate::World, mut out: Output| {
            m.poll(w, &mut out);
            out.stdout()
        };
        let plain = poll(&mut never, &mut w, Output::terminal());
        assert!(plain.starts_with("2: d0: <BROADCAST,NOARP> mtu 1500"), "{plain}");
        let coloured = poll(&mut always, &mut w, Output::new());
        assert!(coloured.contains("\x1b[36md0: \x1b[0m") && coloured.contains("state \x1b[31mDOWN \x1b[0m"), "{coloured:?}");
        let strip = ["\x1b[36m", "\x1b[31m", "\x1b[33m", "\x1b[0m"].iter().fold(coloured.clone(), |t, e| t.replace(e, ""));
        assert_eq!(strip, plain);
        let mut auto2 = start(&mut w, "-c=auto monitor link");
        crate::ip::run(&mut w, &words("link set d0 up"), &mut Output::new());
        assert!(!poll(&mut auto, &mut w, Output::new()).contains('\x1b'), "auto to a pipe: no colour");
        assert!(poll(&mut auto2, &mut w, Output::terminal()).contains("\x1b[36md0"), "auto to a terminal: colour");
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).filter_map(|i| s.get(i..i + 2).and_then(|h| crate::text::int_radix(h, 16))).collect()
    }

    /// Notifications captured from Linux 6.18 (a listener on every group
    /// `ip monitor all` joins) while `ip monitor all` ran beside it: veth
    /// d0/d1 added, 10.0.0.1/24 added, d0 up, a route added and deleted,
    /// the address deleted, netns `a` given nsid 5, d0 deleted. Route lines
    /// are left out of the expectation until routes have a printer here.
    #[test]
    fn captured_notifications_print_as_iproute2() {
        let msgs: Vec<Vec<u8>> = include_str!("testdata/monitor_all.hex").lines().map(hex).collect();
        let want: String = include_str!("testdata/monitor_all.txt").to_string();
        let mut w = crate::World::new();
        // The names ip looks up while printing exist as they did on Linux.
        let veth = "link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02";
        for line in [veth, "netns add a", "netns set a 5"] {
            crate::ip::run(&mut w, &words(line), &mut Output::new());
        }
        let mut out = Output::new();
        with_ip(&mut w, &mut out, |ip| {
            let cfg = Listen { prefix_banner: true, ..Default::default() };
            let mut rtnsh = Rtnl::open(ip.host, false).ok();
            let names = match rtnsh.as_mut() {
                Some(r) => NsidNames::init(ip, r),
                None => NsidNames::default(),
            };
            let mut st = MonitorState { cfg, rtnsh, names };
            print_events(ip, &mut st, &msgs);
        });
        assert_eq!(out.stderr(), "");
        assert_eq!(out.stdout(), want);
    }
}
